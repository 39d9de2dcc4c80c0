"""Resumable ingest: read -> skip stored ids -> extract in batches -> one transaction per batch.

The article id is computed from the text *as read* (before cleaning) and checked against the
store before any NLP runs, so re-running on the same input costs only the reading. Each batch of
articles is written in one transaction: a crash (even SIGKILL) loses at most the batch in flight,
and re-running finishes the rest with nothing duplicated. SIGINT and SIGTERM stop cleanly
(:mod:`newsgraph.store.stopping`); crashes are told from stops and an article that crashes or
hangs the extractor on its own is quarantined (:mod:`newsgraph.store.crashes`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..model import Article, ReadFailure
from ..pipeline import Result
from . import crashes
from .crashes import HANG_S, FatalLog
from .db import Store
from .stopping import IngestStopped, StopGuard


class Extractor(Protocol):
    """What ingest runs articles through: a :class:`~newsgraph.pipeline.Pipeline`, or a
    :class:`~newsgraph.scale.pool.WorkerPool` (worker processes with a hard time limit)."""

    def process(self, items: Iterable[Article | ReadFailure], batch_size: int = ...) -> Iterator[Result]: ...


@dataclass
class IngestStats:
    """What a run did, and where its time went (seconds)."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    #: of ``failed``: articles skipped because they are quarantined
    quarantined: int = 0
    #: articles left in flight by an earlier run, retried on their own at the end of this one
    retried: int = 0
    batches: int = 0
    read_s: float = 0.0
    extract_s: float = 0.0
    store_s: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        """Articles stored per second of elapsed time."""
        e = self.elapsed
        return self.stored / e if e > 0 else 0.0

    @property
    def store_share(self) -> float:
        total = self.read_s + self.extract_s + self.store_s
        return self.store_s / total if total > 0 else 0.0


def _chunks(
    items: Iterable[Article | ReadFailure], size: int, stats: IngestStats
) -> Iterator[list[Article | ReadFailure]]:
    batch: list[Article | ReadFailure] = []
    it = iter(items)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            stats.read_s += time.perf_counter() - t0
            break
        stats.read_s += time.perf_counter() - t0
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    store: Store,
    pipeline: Extractor,
    items: Iterable[Article | ReadFailure],
    *,
    batch_size: int = 50,
    progress: Callable[[IngestStats], None] | None = None,
    hang_s: float = HANG_S,
    handle_signals: bool = True,
) -> IngestStats:
    """Extract and store every new article of ``items``; failures are recorded and the run goes on.

    ``batch_size`` articles are extracted and committed together. ``progress`` is called after
    each committed batch. Store errors (locked, disk full...) propagate as StoreError after the
    failed batch was rolled back.

    With ``handle_signals`` (and in the main thread) SIGINT and SIGTERM raise
    :class:`~newsgraph.store.stopping.IngestStopped` (a KeyboardInterrupt) at a safe point: what
    was committed stays, the batch in flight is marked interrupted (no crash counted) and is
    retried article by article at the end of the next run. Articles a dead run left in flight are
    retried the same way; one that crashes (or, stopped, hangs ``hang_s`` seconds) on its own is
    quarantined: see :mod:`newsgraph.store.crashes`.
    """
    stats = IngestStats()
    with FatalLog(store.path) as fatal, StopGuard(handle_signals) as guard:
        with guard.critical():
            crashes.settle_dead_run(store, fatal.previous)
        deferred: list[tuple[int, int, Article]] = []
        for chunk in _chunks(items, batch_size, stats):
            failures, todo = _triage(store, chunk, stats, guard)
            t0 = time.perf_counter()
            with guard.critical():
                verdicts = crashes.verdicts(store, [a.id for a in todo])
            stats.store_s += time.perf_counter() - t0
            normal: list[Article] = []
            for a in todo:
                v = verdicts.get(a.id)
                if v is None:
                    normal.append(a)
                elif v.quarantined:
                    failures.append(v.failure(a.input or a.id))
                    stats.quarantined += 1
                else:
                    deferred.append((v.risk, len(deferred), a))
            _run_group(store, pipeline, normal, failures, stats, guard, hang_s)
            _tick(stats, progress)
        stats.retried = len(deferred)
        for _, _, a in sorted(deferred, key=lambda d: d[:2]):
            _run_group(store, pipeline, [a], [], stats, guard, hang_s)
            _tick(stats, progress)
    return stats


def _tick(stats: IngestStats, progress: Callable[[IngestStats], None] | None) -> None:
    stats.batches += 1
    if progress is not None:
        progress(stats)


def _triage(
    store: Store, chunk: list[Article | ReadFailure], stats: IngestStats, guard: StopGuard
) -> tuple[list[ReadFailure], list[Article]]:
    """Read failures of the chunk, and its articles that are neither repeated nor stored."""
    failures: list[ReadFailure] = []
    fresh: list[Article] = []
    seen: set[str] = set()
    for item in chunk:
        if isinstance(item, ReadFailure):
            failures.append(item)
            continue
        stats.read += 1
        item.ensure_id()
        if item.id in seen:
            stats.skipped += 1
            continue
        seen.add(item.id)
        fresh.append(item)
    t0 = time.perf_counter()
    with guard.critical():
        known = store.known_ids([a.id for a in fresh])
    stats.store_s += time.perf_counter() - t0
    todo = [a for a in fresh if a.id not in known]
    stats.skipped += len(fresh) - len(todo)
    return failures, todo


def _run_group(
    store: Store,
    pipeline: Extractor,
    group: list[Article],
    failures: list[ReadFailure],
    stats: IngestStats,
    guard: StopGuard,
    hang_s: float,
) -> None:
    """Mark, extract and write one group; on a stop its marks become 'interrupted'."""
    if not group and not failures:
        return
    ids = [a.id for a in group]
    alone = len(group) == 1
    marked = written = False
    t0 = time.perf_counter()
    try:
        with guard.critical():
            store.mark_inflight(group, alone=alone)
            marked = True
        stats.store_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        done: list[Article] = []
        for res in pipeline.process(group, batch_size=max(1, len(group))):
            if res.article is not None:
                done.append(res.article)
            elif res.failure is not None:
                failures.append(res.failure)
        stats.extract_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        with guard.critical():
            added = store.write(done, failures, settled=ids)
            written = True
        stats.store_s += time.perf_counter() - t0
    except IngestStopped:
        if marked and not written:
            with guard.critical():
                crashes.mark_interrupted(
                    store, ids, alone=alone, elapsed_s=time.perf_counter() - t0, hang_s=hang_s
                )
        raise
    stats.stored += added
    stats.skipped += len(done) - added
    stats.failed += len(failures)
