"""The stage registry: what a stage is, which stages exist, and how another package adds one.

A stage is a class with ``name``, ``requires`` and ``assigns`` (Article attribute names), a
``from_config(config)`` classmethod and ``__call__(article) -> article``. The built-in stages are
listed in :data:`BUILTIN_STAGES`; another package adds a stage by naming its class in the
``newsgraph.stages`` entry-point group and marking it with :func:`register_stage`::

    @register_stage(after="quotes", settings=HedgeSettings)
    class HedgeStage: ...

    # pyproject.toml of that package
    [project.entry-points."newsgraph.stages"]
    hedges = "newsgraph_hedges:HedgeStage"

Optional parts of a stage:

- ``triage_cues() -> frozenset[str] | None``: lower-case word forms of the sentences whose
  dependency parse the stage reads. An empty set: the stage reads no parse. None, or no
  ``triage_cues`` at all: every sentence is parsed.
- ``process_batch(articles)``: the whole batch at once (the nlp stage batches spaCy this way).
- ``attach(later)``: called by the pipeline with the stages that run after this one, whenever
  the pipeline's stage list changes (the nlp stage collects their cues this way).

This module imports no stage: the built-ins are named by ``"module:Class"`` and imported on use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar, runtime_checkable

from ..errors import PipelineError

if TYPE_CHECKING:  # pragma: no cover
    from pydantic import BaseModel

    from ..model import Article

#: The entry-point group another package names its stage classes in.
ENTRY_POINT_GROUP = "newsgraph.stages"

#: Built-in stage name -> "module:Class", in their default order.
BUILTIN_STAGES: dict[str, str] = {
    "clean": "newsgraph.clean:CleanStage",
    "nlp": "newsgraph.nlp:NlpStage",
    "actors": "newsgraph.stages.actors:ActorStage",
    "places": "newsgraph.stages.places:PlaceStage",
    "dates": "newsgraph.stages.dates:DateStage",
    "quotes": "newsgraph.stages.quotes:QuoteStage",
    "events": "newsgraph.stages.events:EventStage",
    "quantities": "newsgraph.stages.quantities:QuantityStage",
    "provenance": "newsgraph.stages.provenance:ProvenanceStage",
}


@runtime_checkable
class Stage(Protocol):
    """One concern of the extraction. ``requires``/``assigns`` name Article attributes."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True)
class StageSpec:
    """What :func:`register_stage` records on a stage class.

    ``after``: the stage it runs after by default (None: at the end). ``settings``: the pydantic
    model that validates its ``[stages.<name>]`` config table (None: it takes no settings).
    """

    after: str | None = None
    settings: type[BaseModel] | None = None


#: Attribute of a stage class that holds its :class:`StageSpec`.
SPEC_ATTR = "stage_spec"

S = TypeVar("S", bound=type)


def register_stage(
    *, after: str | None = None, settings: type[BaseModel] | None = None
) -> Callable[[S], S]:
    """Mark a class as a newsgraph stage: check its contract, record its place and settings model.

    Raises :class:`PipelineError` at import time when the class lacks part of the contract.
    """

    def mark(cls: S) -> S:
        check_stage_class(cls)
        setattr(cls, SPEC_ATTR, StageSpec(after=after, settings=settings))
        return cls

    return mark


def check_stage_class(cls: Any) -> None:
    """Raise :class:`PipelineError` unless ``cls`` has the stage contract."""
    where = getattr(cls, "__qualname__", repr(cls))
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name.isidentifier():
        raise PipelineError(f"stage class {where} has no valid 'name'", input=where,
                            hint="give it a class attribute name = 'my_stage' (a Python identifier)")
    for attr in ("requires", "assigns"):
        value = getattr(cls, attr, None)
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            raise PipelineError(f"stage '{name}' has no tuple of names '{attr}'", input=where,
                                hint=f"give it a class attribute {attr} = ('segments', ...)")
    has_call = any("__call__" in vars(k) for k in getattr(cls, "__mro__", ())[:-1])
    if not callable(getattr(cls, "from_config", None)) or not has_call:
        raise PipelineError(f"stage '{name}' needs a from_config(config) classmethod and __call__(article)",
                            input=where)


def stage_spec(cls: Any) -> StageSpec:
    """The :class:`StageSpec` of a stage class (defaults when it was not registered)."""
    spec = getattr(cls, SPEC_ATTR, None)
    return spec if isinstance(spec, StageSpec) else StageSpec()


def plugin_stages() -> dict[str, str]:
    """Stage name -> "module:Class" of every stage other packages add (entry points).

    Read afresh on each call (cheap), so that a package installed into a running process counts.
    """
    out: dict[str, str] = {}
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in BUILTIN_STAGES:
            raise PipelineError(f"the package giving stage '{ep.name}' would replace a built-in stage",
                                input=ep.value, hint="rename the entry point")
        out.setdefault(ep.name, ep.value)
    return out


def available_stages() -> dict[str, str]:
    """Built-in and added stages: name -> "module:Class"."""
    return {**BUILTIN_STAGES, **plugin_stages()}


def stage_class(name: str, known: dict[str, str] | None = None) -> Any:
    """Import the class of stage ``name``; :class:`PipelineError` when no such stage exists."""
    known = known if known is not None else available_stages()
    try:
        target = known[name]
    except KeyError:
        raise PipelineError(
            f"unknown stage '{name}'", input=name, hint=f"choose from {', '.join(known)}"
        ) from None
    module, _, attr = target.partition(":")
    try:
        cls = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise PipelineError(f"stage '{name}' cannot be loaded from {target}: {exc}", input=target,
                            hint="reinstall the package that provides it") from None
    check_stage_class(cls)
    if cls.name != name:
        raise PipelineError(f"'{target}' is registered as stage '{name}' but calls itself '{cls.name}'",
                            input=target, hint="make the entry-point name and the class's name agree")
    return cls


def union_cues(stages: Iterable[Any]) -> frozenset[str] | None:
    """The triage cue words of ``stages``; None (parse every sentence) when any stage declares none,
    or when there is no stage at all."""
    cues: set[str] = set()
    seen = False
    for s in stages:
        seen = True
        fn = getattr(s, "triage_cues", None)
        if fn is None:
            return None
        words = fn()
        if words is None:
            return None
        cues.update(words)
    return frozenset(cues) if seen else None


__all__ = [
    "BUILTIN_STAGES", "ENTRY_POINT_GROUP", "Stage", "StageSpec", "available_stages", "check_stage_class",
    "plugin_stages", "register_stage", "stage_class", "stage_spec", "union_cues",
]
