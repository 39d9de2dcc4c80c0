"""Resumable ingest: read -> skip stored ids -> extract in batches -> one transaction per batch.

The article id is computed from the text *as read* (before cleaning) and checked against the
store before any NLP runs, so re-running on the same input costs only the reading. Each batch of
articles is written in one transaction: a crash (even SIGKILL) loses at most the batch in flight,
and re-running finishes the rest with nothing duplicated.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..model import Article, ReadFailure
from ..pipeline import Result
from .db import Store

#: An article in-flight this many times without being stored is skipped as a failure.
MAX_CRASHES = 2


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
) -> IngestStats:
    """Extract and store every new article of ``items``; failures are recorded and the run goes on.

    ``batch_size`` articles are extracted and committed together. ``progress`` is called after
    each committed batch. Store errors (locked, disk full...) propagate as StoreError after the
    failed batch was rolled back.

    Crash protection: the ids of a batch are marked in-flight (committed) before extraction and
    cleared when the batch is written. Articles found in-flight on a later run were in a batch that
    crashed the process; they are extracted one at a time, and one that was in-flight
    :data:`MAX_CRASHES` times is recorded as a failure and skipped, so a single article that
    crashes the extractor cannot stop a corpus from finishing.
    """
    stats = IngestStats()
    for chunk in _chunks(items, batch_size, stats):
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
        known = store.known_ids([a.id for a in fresh])
        todo = [a for a in fresh if a.id not in known]
        crashes = store.inflight_attempts([a.id for a in todo])
        stats.store_s += time.perf_counter() - t0
        stats.skipped += len(fresh) - len(todo)
        poisoned = [a for a in todo if crashes.get(a.id, 0) >= MAX_CRASHES]
        for a in poisoned:
            failures.append(
                ReadFailure(
                    input=a.input or a.id,
                    error_type="ProcessingError",
                    reason=f"extracting this article crashed the process {crashes[a.id]} times; skipped",
                    hint="this is a bug in newsgraph; please report it with the input",
                )
            )
        suspects = [a for a in todo if 0 < crashes.get(a.id, 0) < MAX_CRASHES]
        normal = [a for a in todo if a.id not in crashes]
        groups = [normal] + [[a] for a in suspects]
        for i, group in enumerate(groups):
            _run_group(
                store,
                pipeline,
                group,
                failures if i == 0 else [],
                [a.id for a in poisoned] if i == 0 else [],
                stats,
            )
        stats.batches += 1
        if progress is not None:
            progress(stats)
    return stats


def _run_group(
    store: Store,
    pipeline: Extractor,
    group: list[Article],
    failures: list[ReadFailure],
    settled: list[str],
    stats: IngestStats,
) -> None:
    if not group and not failures:
        return
    ids = [a.id for a in group]
    t0 = time.perf_counter()
    store.mark_inflight(group)
    stats.store_s += time.perf_counter() - t0
    t0 = time.perf_counter()
    done: list[Article] = []
    try:
        for res in pipeline.process(group, batch_size=max(1, len(group))):
            if res.article is not None:
                done.append(res.article)
            elif res.failure is not None:
                failures.append(res.failure)
    except KeyboardInterrupt:
        store.clear_inflight(ids)  # interrupted, not crashed: no mark against these articles
        raise
    stats.extract_s += time.perf_counter() - t0
    t0 = time.perf_counter()
    added = store.write(done, failures, settled=[*ids, *settled])
    stats.store_s += time.perf_counter() - t0
    stats.stored += added
    stats.skipped += len(done) - added
    stats.failed += len(failures)
