"""What a worker needs to build its own pipeline: the settings, not the loaded pipeline.

A :class:`PipelineSpec` is small and picklable, so it travels to a worker process or a Dask
worker, which then builds one pipeline (one spaCy model) and keeps it for every article it is
given (:func:`worker_pipeline`).
"""

from __future__ import annotations

import functools
import importlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass

from ..config import Config, default_config
from ..errors import ConfigError, NewsgraphError, ProcessingError
from ..model import Article
from ..pipeline import Pipeline

#: Warms a fresh worker up (the model and every stage's data are loaded on the first article),
#: so the per-article time limit does not count the loading. Our own text.
WARM_UP_TEXT = (
    "GENEVA, March 3 (Staff) - The foreign minister of Norway met rebel commanders in Geneva on "
    "Monday, two officials said. \"We agreed to meet again next week,\" she told reporters, adding "
    "that 300 soldiers would leave the border region by June 2021. Police arrested 12 protesters."
)


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the pipeline: the config, optionally a stage list, or a factory.

    ``factory`` names an importable function ``"package.module:function"`` that takes a
    :class:`~newsgraph.config.Config` and returns a :class:`~newsgraph.pipeline.Pipeline`
    (for pipelines with stage objects added in code).
    """

    config: Config
    stages: tuple[str, ...] | None = None
    factory: str | None = None

    @classmethod
    def of(cls, config: Config | None = None, *, stages: tuple[str, ...] | list[str] | None = None,
           factory: str | None = None) -> PipelineSpec:
        return cls(config or default_config(), tuple(stages) if stages else None, factory)

    def build(self) -> Pipeline:
        """A new pipeline, as this spec says."""
        if self.factory is None:
            return Pipeline.from_config(self.config, stages=self.stages)
        return load_factory(self.factory)(self.config)

    def key(self) -> bytes:
        """Pickled form: equal specs give equal keys (the cache key of :func:`worker_pipeline`)."""
        return pickle.dumps(self)


def load_factory(dotted: str) -> Callable[[Config], Pipeline]:
    """The function named ``"package.module:function"``."""
    module, _, name = dotted.partition(":")
    try:
        fn = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise ConfigError(f"cannot import the pipeline factory '{dotted}': {exc}", input=dotted,
                          hint="name an importable function as 'package.module:function'") from None
    if not callable(fn):
        raise ConfigError(f"'{dotted}' is not a function", input=dotted,
                          hint="name a function that takes a Config and returns a Pipeline")
    return fn  # type: ignore[no-any-return]


@functools.cache
def worker_pipeline(key: bytes) -> Pipeline:
    """The pipeline of a pickled spec, built once per process (a Dask worker runs many tasks)."""
    spec: PipelineSpec = pickle.loads(key)  # noqa: S301 - our own pickle, from the driver
    return spec.build()


def warm_up(pipeline: Pipeline) -> None:
    """Run one short article through every stage (loads the model and the stages' data). Its
    outcome is not looked at: a stage that fails on it fails on real articles too, and each of
    those is reported as its own failure."""
    pipeline.process_batch([Article(text=WARM_UP_TEXT, raw_text=WARM_UP_TEXT, published="2021-03-03")])


def error_fields(exc: BaseException) -> tuple[str, str, str | None, str | None]:
    """An exception as (kind, message, input, hint): it crosses processes as plain strings."""
    if isinstance(exc, NewsgraphError):
        return exc.kind, exc.message, exc.input, exc.hint
    return ("ProcessingError", f"{type(exc).__name__}: {exc}", None, ProcessingError.default_hint)


def error_from_fields(fields: tuple[str, str, str | None, str | None]) -> NewsgraphError:
    """The typed error :func:`error_fields` described (a ProcessingError when the kind is unknown)."""
    from .. import errors

    kind, message, input_, hint = fields
    cls = getattr(errors, kind, None)
    if not (isinstance(cls, type) and issubclass(cls, NewsgraphError)):
        cls = ProcessingError
    return cls(message, input=input_, hint=hint)
