"""Crash safety of the ingest: a crash is told from a clean stop, a crashing or hanging article is
quarantined and remembered, SIGINT/SIGTERM lose nothing, SIGKILL at random points resumes to the
same corpus, and a full disk, an unwritable path or a corrupt file give a typed error.

Stages here are small real stage objects (the pipeline accepts any object with name, requires,
assigns and __call__) that crash, hang or signal on a marked article; the processes, signals,
files and DuckDB databases are real.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest

from newsgraph.errors import StoreCorruptError, StoreNotWritableError
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store
from newsgraph.store.crashes import release
from newsgraph.store.ingest import IngestStats, ingest
from newsgraph.store.stopping import IngestStopped

# -- an article that crashes the process ------------------------------------------------------------
_CRASHER = textwrap.dedent("""
    import ctypes, os, signal, sys
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store
    from newsgraph.store.ingest import ingest

    how = sys.argv[2]

    class Crash:
        name = "crash"
        requires = ("text",)
        assigns = ()

        def __call__(self, a):
            if "POISON" in a.text:
                if how == "segfault":
                    ctypes.string_at(0)  # a real segmentation fault, like a bug in a C extension
                else:
                    os.kill(os.getpid(), signal.SIGKILL)  # like the OOM killer
            return a

    arts = [Article(text=f"article {i}" + (" POISON" if i == 3 else ""), input=f"in{i}") for i in range(8)]
    with Store(sys.argv[1]) as s:
        st = ingest(s, Pipeline([Crash()]), arts, batch_size=4)
    print(st.stored, st.skipped, st.failed, st.quarantined)
""")


def _crash_runs(db: Path, how: str, n: int) -> list[subprocess.CompletedProcess[str]]:
    return [
        subprocess.run([sys.executable, "-c", _CRASHER, str(db), how], capture_output=True, text=True, timeout=120)
        for _ in range(n)
    ]


def test_an_article_that_segfaults_is_quarantined_after_one_crash_alone_and_remembered(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    runs = _crash_runs(db, "segfault", 4)
    # run 1 dies in the first batch (4 suspects); run 2 stores the second batch, then retries the
    # suspects one at a time and dies on the bad one; run 3 quarantines it; run 4 still skips it
    assert [r.returncode for r in runs] == [-signal.SIGSEGV, -signal.SIGSEGV, 0, 0], runs[-1].stderr
    assert runs[2].stdout.split() == ["0", "7", "1", "1"]
    assert runs[3].stdout.split() == ["0", "7", "1", "1"]
    with Store(db) as s:
        assert s.count("articles") == 7
        assert s.count("inflight") == 0
        q = s.df("SELECT input, kind, detail FROM quarantine")
        fails = s.df("SELECT input, error_type, attempts FROM failures")
    assert q["input"].tolist() == ["in3"] and q["kind"].tolist() == ["crash"]
    assert "Segmentation fault" in q["detail"][0]  # the Python stack faulthandler recorded
    assert fails.to_dict("records") == [{"input": "in3", "error_type": "ProcessingError", "attempts": 2}]
    assert not db.with_name("c.duckdb.fatal").exists()


def test_an_article_killed_alone_is_quarantined_after_three_deaths(tmp_path: Path) -> None:
    """SIGKILL cannot be told from an outside kill: three deaths on its own before quarantine."""
    db = tmp_path / "c.duckdb"
    runs = _crash_runs(db, "sigkill", 5)
    assert [r.returncode for r in runs] == [-9, -9, -9, -9, 0], runs[-1].stderr
    assert runs[4].stdout.split() == ["0", "7", "1", "1"]
    with Store(db) as s:
        assert s.count("articles") == 7
        assert s.df("SELECT kind FROM quarantine")["kind"].tolist() == ["killed"]
        assert release(s) == 1
        assert s.count("quarantine") == 0


# -- clean stops ---------------------------------------------------------------------------------------
class Signaller:
    """A stage that sends a real signal to this process when it meets a marked article."""

    name: ClassVar[str] = "signaller"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, sig: int | None = None, marker: str = "STOPHERE") -> None:
        self.sig = sig
        self.marker = marker

    def __call__(self, article: Article) -> Article:
        if self.sig is not None and self.marker in article.text:
            os.kill(os.getpid(), self.sig)
            time.sleep(5)  # the handler raises before this ends
        return article


def _articles(n: int, marked: int | None = None, marker: str = "STOPHERE") -> list[Article]:
    return [
        Article(
            text=f"Report {i}: the council of Brindlemoor met on day {i}." + (f" {marker}" if i == marked else ""),
            input=f"in{i}",
        )
        for i in range(n)
    ]


def _state(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as s:
        return {
            "articles": sorted(s.df("SELECT input FROM articles")["input"]),
            "inflight": s.df("SELECT input, state FROM inflight ORDER BY input").to_dict("records"),
            "failures": s.count("failures"),
            "quarantine": s.count("quarantine"),
        }


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_extraction_stops_cleanly_and_loses_nothing(tmp_path: Path, sig: int) -> None:
    db = tmp_path / "c.duckdb"
    arts = _articles(9, marked=4)
    with Store(db) as s, pytest.raises(IngestStopped) as stop:
        ingest(s, Pipeline([Signaller(sig)]), arts, batch_size=3)
    assert stop.value.signum == sig and isinstance(stop.value, KeyboardInterrupt)
    st = _state(db)
    assert st["articles"] == ["in0", "in1", "in2"]  # the first batch was committed
    assert st["inflight"] == [{"input": f"in{i}", "state": "interrupted"} for i in (3, 4, 5)]
    assert st["failures"] == 0 and st["quarantine"] == 0  # a stop is no crash
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # handlers restored
    with Store(db) as s:
        stats = ingest(s, Pipeline([Signaller()]), _articles(9, marked=4), batch_size=3)
    assert (stats.stored, stats.skipped, stats.failed, stats.retried) == (6, 3, 0, 3)
    st = _state(db)
    assert st["articles"] == sorted(f"in{i}" for i in range(9))
    assert st["inflight"] == [] and st["failures"] == 0 and st["quarantine"] == 0


class _SignalInside(Store):
    """A real store whose ``method`` receives a real SIGINT the first time it is called."""

    def __init__(self, path: Path, method: str) -> None:
        super().__init__(path)
        self.signal_in = method

    def _maybe_signal(self, method: str) -> None:
        if self.signal_in == method:
            self.signal_in = ""
            os.kill(os.getpid(), signal.SIGINT)

    def mark_inflight(self, articles: Any, *, alone: bool = False) -> None:
        self._maybe_signal("mark_inflight")
        super().mark_inflight(articles, alone=alone)

    def write(self, articles: Any, failures: Any = (), settled: Any = ()) -> int:
        self._maybe_signal("write")
        return super().write(articles, failures, settled)


def test_ctrl_c_during_a_write_waits_for_the_commit(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with _SignalInside(db, "write") as s, pytest.raises(IngestStopped):
        ingest(s, Pipeline([Signaller()]), _articles(6), batch_size=3)
    st = _state(db)
    assert st["articles"] == ["in0", "in1", "in2"] and st["inflight"] == [] and st["failures"] == 0


def test_ctrl_c_while_marking_is_no_crash(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with _SignalInside(db, "mark_inflight") as s, pytest.raises(IngestStopped):
        ingest(s, Pipeline([Signaller()]), _articles(6), batch_size=3)
    st = _state(db)
    assert st["articles"] == []
    assert st["inflight"] == [{"input": f"in{i}", "state": "interrupted"} for i in range(3)]
    with Store(db) as s:
        stats = ingest(s, Pipeline([Signaller()]), _articles(6), batch_size=3)
    assert (stats.stored, stats.failed, stats.quarantined) == (6, 0, 0)


class Hang:
    """A stage that hangs on a marked article; a timer sends SIGINT like a user giving up."""

    name: ClassVar[str] = "hang"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, after_s: float) -> None:
        self.after_s = after_s
        self.hung = 0

    def __call__(self, article: Article) -> Article:
        if "HANGS" in article.text:
            self.hung += 1
            threading.Timer(self.after_s, os.kill, (os.getpid(), signal.SIGINT)).start()
            time.sleep(30)
        return article


def test_ctrl_c_on_a_hanging_article_does_not_make_every_rerun_hang(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    stored: list[list[str]] = []
    for _ in range(2):  # run 1: stopped in a batch; run 2: the rest first, then it alone, stopped
        with Store(db) as s, pytest.raises(IngestStopped):
            ingest(s, Pipeline([Hang(0.5)]), _articles(9, marked=4, marker="HANGS"), batch_size=3, hang_s=0.3)
        stored.append(_state(db)["articles"])
    assert stored[0] == ["in0", "in1", "in2"]
    # the later batches were done before the stopped ones were retried, one at a time: in3, then
    # in4 (stopped again: quarantined), in5 was not reached
    assert stored[1] == sorted(f"in{i}" for i in range(9) if i not in (4, 5))
    hang = Hang(0.5)
    with Store(db) as s:
        stats = ingest(s, Pipeline([hang]), _articles(9, marked=4, marker="HANGS"), batch_size=3, hang_s=0.3)
        q = s.df("SELECT input, kind FROM quarantine").to_dict("records")
    assert hang.hung == 0 and (stats.stored, stats.failed, stats.quarantined) == (1, 1, 1)
    assert q == [{"input": "in4", "kind": "hang"}]


def test_a_short_stop_of_an_article_alone_is_no_hang(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store(db) as s, pytest.raises(IngestStopped):
        ingest(s, Pipeline([Signaller(signal.SIGINT)]), _articles(1, marked=0), batch_size=3, hang_s=30)
    assert _state(db)["inflight"] == [{"input": "in0", "state": "interrupted"}]
    assert _state(db)["quarantine"] == 0


# -- SIGKILL at random points --------------------------------------------------------------------------
_DRIVER = textwrap.dedent("""
    import sys
    from newsgraph.ingest import read_paths
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store
    from newsgraph.store.ingest import ingest

    db, folder = sys.argv[1], sys.argv[2]
    pipeline = Pipeline.from_config()
    pipeline.extract_text("Warm-up. The model is loaded before the ingest starts.")
    with Store(db) as s:
        print("ready", flush=True)
        st = ingest(s, pipeline, read_paths([folder], published="2021-03-04"), batch_size=3)
    print("done", st.stored, st.skipped, st.failed, flush=True)
""")

_PLACES = ("Aleppo", "Mosul", "Kabul", "Tripoli", "Sanaa", "Goma")
_ACTORS = ("Syrian troops", "Iraqi police", "Afghan forces", "Libyan militias", "Houthi rebels", "Congolese soldiers")


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        actor, place = _ACTORS[i % len(_ACTORS)], _PLACES[(i * 5) % len(_PLACES)]
        (folder / f"a{i:03d}.txt").write_text(
            f"Report number {i}\n\n{actor} attacked a checkpoint near {place} on Monday, officials said. "
            f"The United Nations condemned the attack and said {100 + i} families fled. "
            f'"We need help now," the mayor of {place} told reporters.\n',
            "utf-8",
        )


def _driver(db: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _DRIVER, str(db), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _snapshot(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as s:
        return {
            "outputs": [o.model_dump(mode="json") for o in s.outputs()],
            "clusters": s.df("SELECT * FROM clusters ORDER BY cluster_id").to_dict("records"),
            "failures": s.df("SELECT input, error_type, reason FROM failures ORDER BY input").to_dict("records"),
            "inflight": s.count("inflight"),
            "quarantine": s.count("quarantine"),
        }


def _first_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


@pytest.mark.slow
def test_sigkill_at_20_random_points_resumes_to_the_uninterrupted_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _corpus(folder, 48)
    ref = _driver(tmp_path / "ref.duckdb", folder)
    assert _first_line(ref) == "ready"
    t0 = time.monotonic()
    out, err = ref.communicate(timeout=600)
    work_s = time.monotonic() - t0  # the ingest proper, without start-up
    assert ref.returncode == 0 and out.startswith("done 48 0 0"), err[-2000:]
    expected = _snapshot(tmp_path / "ref.duckdb")
    assert len(expected["outputs"]) == 48 and sum(len(o["events"]) for o in expected["outputs"]) > 0

    db = tmp_path / "killed.duckdb"
    rng = random.Random(20260116)
    kills = 0
    for _ in range(20):
        proc = _driver(db, folder)
        assert _first_line(proc) == "ready", proc.communicate(timeout=60)[1][-3000:]
        time.sleep(rng.uniform(0.0, work_s / 10))  # a random point within a tenth of the work
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        kills += proc.returncode == -signal.SIGKILL
    assert kills >= 15  # most kills landed mid-run
    final = _driver(db, folder)
    out, err = final.communicate(timeout=600)
    assert final.returncode == 0 and out.strip().splitlines()[-1].startswith("done"), err[-2000:]
    assert _snapshot(db) == expected


# -- disks and files ------------------------------------------------------------------------------------
_FILL = textwrap.dedent("""
    import resource, signal, sys
    from newsgraph.errors import StoreNotWritableError
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store
    from newsgraph.store.ingest import ingest

    class Keep:
        name = "keep"
        requires = ("text",)
        assigns = ()

        def __call__(self, a):
            return a

    db, limit = sys.argv[1], int(sys.argv[2])
    arts = [Article(text=f"Filler {i} " + "word " * 40_000, input=f"in{i}") for i in range(40)]
    if limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    with Store(db) as s:
        try:
            st = ingest(s, Pipeline([Keep()]), arts, batch_size=2)
        except StoreNotWritableError as exc:
            print("StoreNotWritableError", exc.message)
        else:
            print("done", st.stored)
""")


def test_a_full_disk_during_ingest_gives_a_typed_error_and_keeps_committed_batches(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    r = subprocess.run([sys.executable, "-c", _FILL, str(db), str(4_000_000)], capture_output=True, text=True, timeout=300)
    assert r.stdout.startswith("StoreNotWritableError disk full"), r.stdout + r.stderr[-2000:]
    with Store(db) as s:
        first = s.count("articles")
        assert s.count("inflight") == 2  # the batch that did not fit is marked, not lost
    assert 0 < first < 40 and first % 2 == 0
    r = subprocess.run([sys.executable, "-c", _FILL, str(db), "0"], capture_output=True, text=True, timeout=300)
    assert r.stdout.split() == ["done", str(40 - first)], r.stderr[-2000:]
    with Store(db) as s:
        assert s.count("articles") == 40 and s.count("inflight") == 0 and s.count("failures") == 0


def _read_only_mount(where: Path) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    where.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(where)], capture_output=True).returncode == 0


def test_an_unwritable_database_gives_a_typed_error_and_keeps_its_data(tmp_path: Path) -> None:
    """A database on a file system mounted read-only (needs root) or in a read-only folder."""
    folder = tmp_path / "ro"
    mounted = _read_only_mount(folder)
    if not mounted:
        folder.mkdir(exist_ok=True)
    db = folder / "c.duckdb"
    try:
        with Store(db) as s:
            ingest(s, Pipeline([Signaller()]), _articles(3), batch_size=3)
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            folder.chmod(0o555)
            db.chmod(0o444)
        with pytest.raises(StoreNotWritableError):
            Store(db)
        with Store(db, read_only=True) as s:
            assert sorted(s.df("SELECT input FROM articles")["input"]) == ["in0", "in1", "in2"]
    finally:
        if mounted:
            for _ in range(5):
                if subprocess.run(["umount", str(folder)], capture_output=True).returncode == 0:
                    break
                time.sleep(0.2)
        else:
            folder.chmod(0o755)


def test_ingest_into_a_corrupt_file_gives_a_typed_error_and_leaves_it(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store(db) as s:
        ingest(s, Pipeline([Signaller()]), _articles(3), batch_size=3)
    data = bytearray(db.read_bytes())
    data[:4096] = b"\x00" * 4096  # the header gone
    db.write_bytes(bytes(data))
    with pytest.raises(StoreCorruptError):
        with Store(db) as s:
            ingest(s, Pipeline([Signaller()]), _articles(6), batch_size=3)
    assert db.read_bytes() == bytes(data)


def test_progress_counts_each_committed_batch(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def tick(st: IngestStats) -> None:
        seen.append((st.batches, st.stored))

    with Store(tmp_path / "c.duckdb") as s:
        ingest(s, Pipeline([Signaller()]), _articles(5), batch_size=2, progress=tick)
    assert seen == [(1, 2), (2, 4), (3, 5)]
