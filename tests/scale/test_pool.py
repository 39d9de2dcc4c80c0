"""The worker pool: a hard limit per article that C code cannot dodge, deaths that cost one
article, results in input order, lazy input, typed start errors, clean stops."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.config import default_config
from newsgraph.errors import ModelNotFoundError
from newsgraph.model import Article, ReadFailure
from newsgraph.scale import PipelineSpec, WorkerPool, open_extractor

SPEC = PipelineSpec.of(factory="scale_stages:commands_pipeline")


def art(text: str, name: str) -> Article:
    return Article(text=text, raw_text=text, input=name)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()


def test_article_stuck_in_c_code_is_killed_and_recorded_the_run_goes_on() -> None:
    items = [art("first article", "one.txt"), art("HANG here", "hostile.txt"), art("third article", "three.txt")]
    with WorkerPool(SPEC, workers=1, timeout_s=2) as pool:
        first_pid = pool.pids[0]
        results = list(pool.process(items))
        assert pool.stats.timeouts == 1
        assert pool.stats.started == 2  # the stuck worker was replaced
        assert pool.pids[0] != first_pid
        assert not alive(first_pid)
    assert [r.ok for r in results] == [True, False, True]
    failure = results[1].failure
    assert failure is not None
    assert failure.error_type == "StageTimeoutError"
    assert failure.input == "hostile.txt"
    assert "longer than 2 s" in failure.reason
    assert results[2].article is not None and results[2].article.stats["chars"] == len("third article")


def test_a_worker_that_dies_costs_only_its_article() -> None:
    items = [art("before", "a.txt"), art("DIE now", "killer.txt"), art("after", "c.txt")]
    with WorkerPool(SPEC, workers=1, timeout_s=30) as pool:
        results = list(pool.process(items))
        assert pool.stats.deaths == 1
    assert [r.ok for r in results] == [True, False, True]
    failure = results[1].failure
    assert failure is not None
    assert failure.error_type == "ProcessingError"
    assert failure.input == "killer.txt"
    assert "killed by signal 9" in failure.reason


def test_results_come_in_input_order_from_two_workers() -> None:
    # the early articles are the slow ones, so later ones finish first on the other worker
    naps = [400, 300, 0, 0, 200, 0, 0, 0, 100, 0]
    items: list[Article | ReadFailure] = [art(f"article {i} nap {ms}ms", f"a{i}.txt") for i, ms in enumerate(naps)]
    items.insert(3, ReadFailure(input="bad.bin", reason="binary", error_type="BinaryInputError"))
    with WorkerPool(SPEC, workers=2, timeout_s=30) as pool:
        results = list(pool.process(items))
    names = [r.article.input if r.article else r.failure.input for r in results]  # type: ignore[union-attr]
    assert names == [a.input if isinstance(a, Article) else a.input for a in items]
    pids = {r.article.stats["pid"] for r in results if r.article}
    assert len(pids) == 2  # both workers took articles


def test_input_is_read_lazily_and_memory_stays_flat() -> None:
    """2,000 short articles from a generator: the pool never holds more than its window, and
    the resident memory of this process does not grow with the number of articles."""
    pulled = 0

    def stream() -> Iterator[Article]:
        nonlocal pulled
        for i in range(2000):
            pulled += 1
            yield art(f"Article number {i}: the council met on Tuesday. " * 5, f"s{i}")

    def rss_kb() -> int:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    ahead: list[int] = []
    samples: dict[int, int] = {}
    with WorkerPool(SPEC, workers=2, timeout_s=30, window=8) as pool:
        for n, res in enumerate(pool.process(stream()), start=1):
            assert res.ok
            ahead.append(pulled - n)
            if n % 500 == 0:
                samples[n] = rss_kb()
    assert pulled == 2000
    assert max(ahead) <= 8 + 1  # the window, and one article read ahead
    assert samples[2000] - samples[500] < 20_000, samples  # KB: flat, not 1,500 articles' worth


def test_a_worker_that_cannot_start_raises_the_typed_error() -> None:
    spec = PipelineSpec.of(default_config().with_overrides(nlp__model="no_such_spacy_model"))
    with pytest.raises(ModelNotFoundError) as err, WorkerPool(spec, workers=1) as pool:
        list(pool.process([art("text", "x.txt")]))
    assert err.value.input == "no_such_spacy_model"


def test_an_interrupt_stops_every_worker() -> None:
    pids: list[int] = []
    with pytest.raises(KeyboardInterrupt), WorkerPool(SPEC, workers=2, timeout_s=0) as pool:
        pids = list(pool.pids)
        for _ in pool.process([art("one", "1"), art("HANG", "2"), art("three", "3")]):
            raise KeyboardInterrupt
    assert len(pids) == 2
    assert not any(alive(p) for p in pids)


def test_no_workers_runs_the_pipeline_in_this_process() -> None:
    with open_extractor(SPEC, workers=0) as runner:
        (res,) = list(runner.process([art("plain", "p.txt")]))
    assert res.article is not None and res.article.stats["pid"] == os.getpid()
