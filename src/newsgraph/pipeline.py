"""Named stages in order, each Article -> Article, declaring what they require and assign.

A :class:`Pipeline` owns its stages and their resources (model name, dictionaries,
lexicons): two pipelines with different dictionaries can live in one process.
"""

from __future__ import annotations

import importlib
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, runtime_checkable

from .config import Config, default_config
from .errors import NewsgraphError, PipelineError, ProcessingError, StageTimeoutError
from .model import Article, ReadFailure


@runtime_checkable
class Stage(Protocol):
    """One concern of the extraction. ``requires``/``assigns`` name Article attributes."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, article: Article) -> Article: ...


#: What every Article has before any stage runs.
BASE_FIELDS = ("text", "title", "url", "source", "published", "raw_text", "input")

#: Stage name -> "module:Class". Order here is the default order.
STAGE_REGISTRY: dict[str, str] = {
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
DEFAULT_STAGES: tuple[str, ...] = tuple(STAGE_REGISTRY)


def _load_stage_class(name: str) -> Any:
    try:
        target = STAGE_REGISTRY[name]
    except KeyError:
        raise PipelineError(
            f"unknown stage '{name}'", input=name, hint=f"choose from {', '.join(STAGE_REGISTRY)}"
        ) from None
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)


@dataclass
class Result:
    """One outcome of a run: an extracted article, or a failure with its reason."""

    article: Article | None = None
    failure: ReadFailure | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


class Pipeline:
    """Stages in order. Build with :meth:`from_config` or pass stage objects."""

    def __init__(self, stages: Sequence[Stage], config: Config | None = None) -> None:
        self.config = config or default_config()
        self.stages: list[Stage] = list(stages)
        self.validate()

    @classmethod
    def from_config(
        cls, config: Config | None = None, *, stages: Sequence[str] | None = None, model: str | None = None
    ) -> Pipeline:
        config = config or default_config()
        if model:
            config = config.with_overrides(nlp__model=model)
        names = list(stages or DEFAULT_STAGES)
        built: list[Any] = []
        for name in names:
            if name == "nlp":
                continue
            built.append((name, _load_stage_class(name).from_config(config)))
        objs: list[Stage] = []
        for name in names:
            if name == "nlp":
                from .nlp import NlpStage

                later = [obj for _n, obj in built]
                objs.append(
                    NlpStage(
                        config.nlp.model,
                        batch_size=config.nlp.batch_size,
                        triage=config.nlp.triage,
                        max_sentence_tokens=config.nlp.max_sentence_tokens,
                        cue_words=lambda later=later: _union_cues(later),  # type: ignore[misc]
                    )
                )
            else:
                objs.append(next(obj for n, obj in built if n == name))
        if "nlp" in names:
            from .nlp import load_model

            load_model(config.nlp.model)  # fail early and clearly when the model is missing
        return cls(objs, config)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def stage(self, name: str) -> Stage:
        for s in self.stages:
            if s.name == name:
                return s
        raise PipelineError(f"no stage named '{name}' in this pipeline", input=name)

    def validate(self) -> None:
        """Every stage's requirements are assigned by an earlier stage (or are base fields)."""
        have = set(BASE_FIELDS)
        for s in self.stages:
            missing = [r for r in s.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage '{s.name}' requires {', '.join(missing)}, which no earlier stage assigns",
                    input=s.name,
                    hint="reorder the stages or add the stage that assigns it",
                )
            have.update(s.assigns)

    # -- running ------------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        """Run every stage on one article; errors propagate (typed)."""
        out = self.process_batch([article])
        res = out[0]
        if res.article is None:
            assert res.failure is not None
            raise ProcessingError(res.failure.reason, input=res.failure.input, hint=res.failure.hint)
        return res.article

    def process_batch(self, articles: list[Article]) -> list[Result]:
        """Run a batch through the stages; one bad article never stops the others."""
        alive: list[Article] = list(articles)
        failed: dict[int, ReadFailure] = {}
        for stage in self.stages:
            batch = [a for a in alive if id(a) not in failed]
            if not batch:
                break
            runner = getattr(stage, "process_batch", None)
            if runner is not None:
                try:
                    runner(batch)
                    for a in batch:
                        a.done.append(stage.name)
                    continue
                except Exception:  # noqa: BLE001 - fall back to one at a time to isolate the bad one
                    pass
            for a in batch:
                try:
                    with _time_limit(self.config.pipeline.stage_timeout_s, stage.name):
                        stage(a)
                    a.done.append(stage.name)
                except NewsgraphError as exc:
                    failed[id(a)] = ReadFailure(
                        input=a.input or a.id or "<article>", reason=exc.message,
                        error_type=exc.kind, hint=exc.hint,
                    )
                except Exception as exc:  # noqa: BLE001 - recorded, the run goes on
                    failed[id(a)] = ReadFailure(
                        input=a.input or a.id or "<article>",
                        reason=f"stage '{stage.name}' failed: {type(exc).__name__}: {exc}",
                        error_type="ProcessingError",
                        hint=ProcessingError.default_hint,
                    )
        results: list[Result] = []
        for a in alive:
            if id(a) in failed:
                results.append(Result(failure=failed[id(a)]))
            else:
                a.ensure_id()
                a.segments = []  # free the spaCy docs
                results.append(Result(article=a))
        return results

    def process(self, items: Iterable[Article | ReadFailure], batch_size: int = 16) -> Iterator[Result]:
        """Stream articles (and read failures, passed through) in batches."""
        batch: list[Article] = []
        for item in items:
            if isinstance(item, ReadFailure):
                if batch:
                    yield from self.process_batch(batch)
                    batch = []
                yield Result(failure=item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self.process_batch(batch)
                batch = []
        if batch:
            yield from self.process_batch(batch)

    def extract_text(self, text: str, **meta: Any) -> Article:
        """Convenience: one article from a string (title/url/published/... as keywords)."""
        return self(Article(text=text, raw_text=text, **meta))


@contextmanager
def _time_limit(seconds: float, stage: str) -> Iterator[None]:
    """Raise StageTimeoutError when the body runs longer than ``seconds`` (main thread, POSIX).

    Elsewhere (worker threads, Windows) the limit is not enforced.
    """
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise StageTimeoutError(f"stage '{stage}' ran longer than {seconds:g} s", input=stage)

    previous: Callable[..., object] | int | None = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _union_cues(stages: Iterable[Any]) -> frozenset[str] | None:
    """Triage cue words of the later stages; None (parse everything) if any stage has none."""
    cues: set[str] = set()
    any_cues = False
    for s in stages:
        fn = getattr(s, "triage_cues", None)
        if fn is None:
            continue
        words = fn()
        if words is None:
            return None
        any_cues = True
        cues.update(words)
    return frozenset(cues) if any_cues else None
