"""--workers, --timeout and clean stops through the real CLI, with the real pipeline.

The hostile input: an opened quotation followed by 40,000 ``a"`` pairs. spaCy's tokenizer takes
far more than a minute on it (worse than quadratic) inside C code; the hard limit stops it.
(The 100 KB run of plain ``"`` from issue 16 is now removed by the clean stage as a symbol run,
so it no longer reaches the tokenizer.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()

HOSTILE = 'He said "' + 'a"' * 40_000

TEXTS = [
    "Ministers meet\n\nThe defence ministers of Spain and Portugal met in Madrid on Thursday and agreed "
    "to hold joint exercises next year, a spokesman said.",
    "Floods\n\nHeavy rain flooded 300 homes in the north of the country on Saturday, and two people "
    "died, the civil protection agency said.",
    "Court ruling\n\nA court in Ankara sentenced five journalists to prison on Monday. Their lawyers "
    "said they would appeal.",
    "Election\n\nVoters in the capital elected a new mayor on Sunday, the electoral commission said, "
    "with turnout at 52 percent.",
]


def write_inputs(folder: Path, hostile: bool = False) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(TEXTS):
        p = folder / f"a{i}.txt"
        p.write_text(text, "utf-8")
        paths.append(str(p))
    if hostile:
        p = folder / "z-hostile.txt"
        p.write_text(HOSTILE, "utf-8")
        paths.append(str(p))
    return paths


@pytest.mark.slow
def test_two_workers_print_the_json_lines_of_one(tmp_path: Path) -> None:
    paths = write_inputs(tmp_path / "in")
    outs = {}
    for workers in ("0", "1", "2"):
        r = runner.invoke(app, ["extract", *paths, "-f", "jsonl", "--published", "2022-02-01", "-j", workers])
        assert r.exit_code == 0, r.output
        outs[workers] = r.stdout
    lines = outs["1"].splitlines()
    assert [json.loads(line)["article"]["input"] for line in lines] == paths
    assert outs["2"] == outs["1"]
    assert outs["0"] == outs["1"]


@pytest.mark.slow
def test_extract_stops_an_article_that_hangs_the_tokenizer(tmp_path: Path) -> None:
    paths = write_inputs(tmp_path / "in", hostile=True)
    r = runner.invoke(app, ["extract", *paths, "-f", "jsonl", "--timeout", "3"])
    assert r.exit_code == 1, r.output  # some inputs failed, the others were extracted
    assert [json.loads(line)["article"]["input"] for line in r.stdout.splitlines()] == paths[:-1]
    assert "failed (StageTimeoutError)" in r.stderr
    assert "z-hostile.txt" in r.stderr
    assert "longer than 3 s" in r.stderr


@pytest.mark.slow
def test_ingest_records_an_article_that_hangs_as_a_failure_row(tmp_path: Path) -> None:
    paths = write_inputs(tmp_path / "in", hostile=True)
    db = tmp_path / "c.duckdb"
    r = runner.invoke(app, ["ingest", *paths, "--db", str(db), "--timeout", "3", "-j", "2", "-q"])
    assert r.exit_code == 1, r.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    rows = con.execute("SELECT input, error_type FROM failures").fetchall()
    con.close()
    assert rows == [(paths[-1], "StageTimeoutError")]


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_sigterm_stops_the_run_and_its_worker(tmp_path: Path, command: str) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, "utf-8")
    args = [sys.executable, "-m", "newsgraph", command, str(hostile), "--timeout", "0", "-j", "1"]
    if command == "ingest":
        args += ["--db", str(tmp_path / "c.duckdb"), "-q"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    deadline = time.monotonic() + 300
    workers: list[int] = []
    while not workers and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.5)
        workers = children(proc.pid)
    assert workers, "no worker process started"
    time.sleep(3)  # let it reach the article
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    assert all(gone(w) for w in workers)
