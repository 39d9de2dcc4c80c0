"""The corpus commands through Typer (ingest, queries, export, migrate) and a SIGKILL + resume run."""

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
import typer
from typer.testing import CliRunner

from newsgraph.cli.corpus import register
from newsgraph.store import Store
from newsgraph.store.samples import sample_articles

runner = CliRunner(env={"COLUMNS": "300"})


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    register(a)
    return a


@pytest.fixture()
def sample_db(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write(sample_articles())
    return db


def _texts(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"a{i:03d}.txt"
        p.write_text(
            f"Report {i}\n\nSyrian troops attacked rebels near Aleppo on day {i}. "
            f"Officials said {100 + i} people fled.\n",
            "utf-8",
        )
        paths.append(str(p))
    return paths


def test_ingest_then_rerun_adds_nothing(app: typer.Typer, tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    paths = _texts(tmp_path / "in", 3)
    r = runner.invoke(app, ["ingest", *paths, "--db", str(db), "--published", "2020-01-02", "-q"])
    assert r.exit_code == 0, r.output
    assert "stored 3" in r.output
    r = runner.invoke(app, ["ingest", *paths, "--db", str(db), "-q"])
    assert r.exit_code == 0 and "stored 0, skipped 3" in r.output
    with Store(db, read_only=True) as s:
        assert s.count() == 3
        assert s.df("SELECT DISTINCT published FROM articles")["published"].tolist() == ["2020-01-02"]


@pytest.mark.parametrize(("good", "bad", "code"), [(2, 1, 1), (0, 2, 2), (1, 0, 0)])
def test_ingest_exit_codes_and_failures_table(
    app: typer.Typer, tmp_path: Path, good: int, bad: int, code: int
) -> None:
    db = tmp_path / "c.duckdb"
    paths = _texts(tmp_path / "in", good)
    for i in range(bad):
        empty = tmp_path / f"empty{i}.txt"
        empty.write_text("  \n", "utf-8")
        paths.append(str(empty))
    r = runner.invoke(app, ["ingest", *paths, "--db", str(db), "-q"])
    assert r.exit_code == code, r.output
    with Store(db, read_only=True) as s:
        assert s.count() == good
        fails = s.df("SELECT input, error_type FROM failures ORDER BY input")
    assert len(fails) == bad
    if bad:
        assert fails["error_type"].tolist()[0] == "EmptyInputError"
        assert "failed" in r.output


def test_ingest_bad_published_date(app: typer.Typer, tmp_path: Path) -> None:
    r = runner.invoke(
        app,
        [
            "ingest",
            *_texts(tmp_path / "in", 1),
            "--db",
            str(tmp_path / "c.duckdb"),
            "--published",
            "yesterday",
            "-q",
        ],
    )
    assert r.exit_code == 2


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["events"], "ASSAULT"),
        (["events", "--actor", "RUS", "-f", "jsonl"], '"plover": "ACCUSE"'),
        (["events", "--from", "2017-12-05", "--type", "ASSAULT", "-f", "csv"], "Wire Service"),
        (["actors", "--limit", "3"], "USA.MIL"),
        (["actors", "--neighbours", "USA"], "ISIS"),
        (["quotes", "--speaker", "Pahon"], "We will stay"),
        (["series", "--holder", "USA", "--unit", "troops", "--place", "Syria", "-f", "csv"], "1720.0"),
        (["clusters", "--min-articles", "2", "-f", "jsonl"], '"n_articles": 2'),
        (["sql", "SELECT count(*) AS n FROM articles", "-f", "jsonl"], '{"n": 3}'),
    ],
)
def test_query_commands(app: typer.Typer, sample_db: Path, args: list[str], needle: str) -> None:
    r = runner.invoke(app, [*args, "--db", str(sample_db)])
    assert r.exit_code == 0, r.output
    assert needle in r.stdout


def test_jsonl_output_is_json(app: typer.Typer, sample_db: Path) -> None:
    r = runner.invoke(app, ["events", "-f", "jsonl", "--db", str(sample_db)])
    recs = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert len(recs) == 4 and {tuple(x["source"]) for x in recs} == {("USA.MIL",), ("RUS",)}


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["sql", "DELETE FROM articles"], 3),
        (["events", "--from", "2017-13-01"], 2),
        (["export", "csv", "OUT", "--table", "meta"], 2),
    ],
)
def test_bad_commands(app: typer.Typer, sample_db: Path, tmp_path: Path, args: list[str], code: int) -> None:
    args = [str(tmp_path / "x.csv") if a == "OUT" else a for a in args]
    r = runner.invoke(app, [*args, "--db", str(sample_db)])
    assert r.exit_code == code, r.output
    with Store(sample_db, read_only=True) as s:
        assert s.count() == 3


@pytest.mark.parametrize("cmd", [["events"], ["sql", "SELECT 1"], ["migrate"]])
def test_missing_or_corrupt_db(app: typer.Typer, tmp_path: Path, cmd: list[str]) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"garbage" * 1000)
    r = runner.invoke(app, [*cmd, "--db", str(bad)])
    assert r.exit_code == 3 and "StoreCorruptError" in r.output
    r = runner.invoke(app, [*cmd, "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 3 and not (tmp_path / "none.duckdb").exists()


def test_db_from_environment(app: typer.Typer, sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_DB", str(sample_db))
    r = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM events", "-f", "csv"])
    assert r.exit_code == 0 and "4" in r.stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt", "plover", "graphml", "geojson"])
def test_export_command(app: typer.Typer, sample_db: Path, tmp_path: Path, fmt: str) -> None:
    dest = tmp_path / f"out.{fmt}"
    r = runner.invoke(app, ["export", fmt, str(dest), "--db", str(sample_db)])
    assert r.exit_code == 0, r.output
    assert dest.exists() and (dest.is_dir() or dest.stat().st_size > 0)


def test_migrate_command(app: typer.Typer, sample_db: Path) -> None:
    con = duckdb.connect(str(sample_db))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    r = runner.invoke(app, ["events", "--db", str(sample_db)])
    assert r.exit_code == 3 and "SchemaVersionError" in r.output
    r = runner.invoke(app, ["migrate", "--db", str(sample_db)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["clusters", "--db", str(sample_db), "-f", "csv"])
    assert r.exit_code == 0 and r.stdout.count("\n") == 4


def test_commands_are_in_the_newsgraph_app() -> None:
    from newsgraph.cli import app as main_app

    r = runner.invoke(main_app, ["--help"])
    for name in ("ingest", "events", "actors", "quotes", "series", "clusters", "sql", "export", "migrate"):
        assert name in r.stdout


# -- crash and resume ------------------------------------------------------------------------------
@pytest.mark.slow
def test_sigkill_during_ingest_then_resume(tmp_path: Path) -> None:
    """A real subprocess is killed with SIGKILL after some batches were committed; the re-run
    stores exactly the rest: every input once, no duplicate id."""
    n = 16
    paths = _texts(tmp_path / "in", n)
    db = tmp_path / "c.duckdb"
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", *paths, "--db", str(db), "--batch-size", "2"]
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert proc.stderr is not None
    committed = 0
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        if line.startswith("batch ") and "committed" in line:
            committed += 1
            if committed >= 2:
                break
        assert time.monotonic() < deadline, "ingest made no progress"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store(db, read_only=True) as s:
        first = s.count()
    assert 4 <= first < n  # killed mid-run, committed batches kept
    r = subprocess.run(cmd + ["-q"], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"stored {n - first}, skipped {first}" in r.stderr
    with Store(db, read_only=True) as s:
        assert s.count() == n
        assert s.df("SELECT count(DISTINCT id) AS n FROM articles")["n"][0] == n
        assert sorted(s.df("SELECT input FROM articles")["input"]) == sorted(paths)
