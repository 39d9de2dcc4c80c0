"""Named stages in order, each Article -> Article, declaring what they require and assign.

A :class:`Pipeline` owns its stages and their resources (model name, dictionaries,
lexicons): two pipelines with different dictionaries can live in one process.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .config import Config, default_config
from .errors import ConfigError, NewsgraphError, PipelineError, ProcessingError, StageTimeoutError
from .model import Article, ReadFailure
from .resources import data_fingerprints
from .stages import BUILTIN_STAGES, Stage, available_stages, stage_class, stage_spec

#: What every Article has before any stage runs.
BASE_FIELDS = ("text", "title", "url", "source", "published", "raw_text", "input")

#: A stage gets ``[pipeline] stage_timeout_s`` for each this many characters of an article.
TIMEOUT_CHARS = 100_000

#: The built-in stages in their default order.
DEFAULT_STAGES: tuple[str, ...] = tuple(BUILTIN_STAGES)


def default_stage_names(config: Config, known: dict[str, str]) -> list[str]:
    """The built-in stages, then every added stage that a ``[stages.<name>]`` table turns on,
    each placed after the stage its :func:`~newsgraph.stages.register_stage` names."""
    names = list(DEFAULT_STAGES)
    for name in config.stages:
        if name in names or not config.stage_enabled(name):
            continue
        after = stage_spec(stage_class(name, known)).after
        names.insert(names.index(after) + 1 if after in names else len(names), name)
    return names


def check_stage_tables(config: Config, known: dict[str, str]) -> None:
    """Every ``[stages.<name>]`` table names a known stage and passes that stage's settings model."""
    for name, table in config.stages.items():
        if name not in known:
            raise ConfigError(f"[stages.{name}] names no installed stage", input=f"[stages.{name}]",
                              hint=f"installed stages: {', '.join(known)}")
        settings = stage_spec(stage_class(name, known)).settings
        if settings is not None:
            config.stage_settings(name, settings)
        elif set(table) - {"enabled"}:
            raise ConfigError(f"stage '{name}' takes no settings", input=f"[stages.{name}]",
                              hint="remove the keys of the table (built-in stages read their own sections)")


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
        self._attach()

    @classmethod
    def from_config(
        cls, config: Config | None = None, *, stages: Sequence[str] | None = None, model: str | None = None
    ) -> Pipeline:
        """Stages by name (default: the built-ins, then the added stages the config turns on), each
        built by its own ``from_config(config)``."""
        config = config or default_config()
        if model:
            config = config.with_overrides(nlp__model=model)
        known = available_stages()
        check_stage_tables(config, known)
        names = list(stages) if stages else default_stage_names(config, known)
        return cls([stage_class(name, known).from_config(config) for name in names], config)

    def add_stage(self, stage: Stage, *, after: str | None = None) -> Pipeline:
        """Insert ``stage`` after the stage named ``after`` (None: at the end); checks the order."""
        if any(s.name == stage.name for s in self.stages):
            raise PipelineError(f"the pipeline already has a stage named '{stage.name}'", input=stage.name)
        at = len(self.stages) if after is None else self.names.index(self.stage(after).name) + 1
        candidate = [*self.stages[:at], stage, *self.stages[at:]]
        _check_order(candidate)
        self.stages = candidate
        self._attach()
        return self

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
        _check_order(self.stages)

    def _attach(self) -> None:
        """Tell every stage that wants to know (``attach``) which stages run after it."""
        for i, s in enumerate(self.stages):
            attach: Callable[[Sequence[Stage]], None] | None = getattr(s, "attach", None)
            if attach is not None:
                attach(tuple(self.stages[i + 1:]))

    # -- running ------------------------------------------------------------------------
    def time_limit_s(self, article: Article) -> float:
        """How long one stage may take on ``article``: ``[pipeline] stage_timeout_s`` for each
        :data:`TIMEOUT_CHARS` characters begun (0: no limit), so that a long article that every
        stage handles in linear time is not cut off, while a hang on a short one still is."""
        per = self.config.pipeline.stage_timeout_s
        return per * max(1, -(-len(article.text) // TIMEOUT_CHARS)) if per > 0 else 0.0

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
                    with _time_limit(sum(self.time_limit_s(a) for a in batch), stage.name):
                        runner(batch)
                    for a in batch:
                        a.done.append(stage.name)
                    continue
                except Exception:  # noqa: BLE001 - fall back to one at a time to isolate the bad one
                    pass
            for a in batch:
                try:
                    with _time_limit(self.time_limit_s(a), stage.name, f" on {len(a.text):,} characters"):
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
                # a fingerprint of the data each of the run's stages read (the per-file versions
                # behind it are in the data manifest and in the store's meta table)
                a.stats["data_versions"] = data_fingerprints(self.names)
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
def _time_limit(seconds: float, stage: str, where: str = "") -> Iterator[None]:
    """Raise StageTimeoutError when the body runs longer than ``seconds`` (main thread, POSIX).

    Elsewhere (worker threads, Windows) the limit is not enforced.
    """
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise StageTimeoutError(f"stage '{stage}' ran longer than {seconds:g} s{where}", input=stage)

    previous: Callable[..., object] | int | None = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _check_order(stages: Sequence[Stage]) -> None:
    have = set(BASE_FIELDS)
    for s in stages:
        missing = [r for r in s.requires if r not in have]
        if missing:
            raise PipelineError(
                f"stage '{s.name}' requires {', '.join(missing)}, which no earlier stage assigns",
                input=s.name,
                hint="reorder the stages or add the stage that assigns it",
            )
        have.update(s.assigns)

