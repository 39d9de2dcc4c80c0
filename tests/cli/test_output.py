"""What the CLI prints: data never read as markup, tables that fit or become records, plain text
when piped, one spelling and one format everywhere, readable --help (issue 13, items 3, 9, 11, 12)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Actor, Article, Event, Quote
from newsgraph.store import Store
from newsgraph.store.samples import sample_articles

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

MARKUP_TEXT = 'The ministry said "[/y] positions [sic] were hit" and [bold]nothing[/bold] else.'


def _markup_article() -> Article:
    text = MARKUP_TEXT
    art = Article(text=text, raw_text=text, title="Strikes [sic] [red]resume", published="2021-02-03",
                  input="[red]feed[/red].txt")
    i = text.index("ministry")
    art.actors.append(Actor(id="RUR.GOV", name="the [i]ministry", country="RUR", sector="GOV", kind="state",
                            mentions=[art.mention(i, i + 8)]))
    art.events.append(Event(id="e1", plover="ASSAULT", cameo="190", source=["RUR.GOV"], target=[],
                            evidence=art.span(0, len(text)), rule="t"))
    q0 = text.index("[/y]")
    art.quotes.append(Quote(id="q1", text=text[q0:text.index(" were")], kind="direct", speaker="RUR.GOV",
                            evidence=art.span(q0, text.index(" were"))))
    return art


@pytest.fixture()
def markup_db(tmp_path: Path) -> Path:
    db = tmp_path / "m.duckdb"
    with Store(db) as s:
        s.write([*sample_articles(), _markup_article()])
    return db


@pytest.fixture()
def sample_db(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write(sample_articles())
    return db


# -- item 3: data is never markup ------------------------------------------------------------------
@pytest.mark.parametrize("width", [[], ["--width", "200"], ["--width", "60"]])
@pytest.mark.parametrize(
    "args",
    [["events"], ["quotes"], ["actors"], ["sql", "SELECT title, text FROM articles"]],
)
def test_stored_markup_prints_as_written(markup_db: Path, args: list[str], width: list[str]) -> None:
    res = runner.invoke(app, [*args, "--db", str(markup_db), *width])
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.output
    flat = " ".join(res.stdout.split())  # a folded cell continues on the next line
    if args[0] in ("events", "sql"):
        assert "[/y] positions [sic]" in flat
    if args[0] == "quotes":
        assert "[sic]" in res.stdout
    if args[0] == "actors":
        assert "the [i]ministry" in res.stdout


def test_extract_markup_in_article_and_path(tmp_path: Path) -> None:
    """Regression: a MarkupError traceback, and [sic] silently dropped."""
    f = tmp_path / "[red]m[sic].txt"
    f.write_text(f"Talks [sic] resume\n\n{MARKUP_TEXT}\n", "utf-8")
    empty = tmp_path / "[bold]empty.txt"
    empty.write_text("", "utf-8")
    res = runner.invoke(app, ["extract", str(f), str(empty), "--published", "2021-02-03"])
    assert res.exit_code == 1, res.output
    assert "Talks [sic] resume" in res.stdout
    assert "[red]m[sic].txt" in res.stdout
    assert "[bold]empty.txt" in res.output


def test_errors_name_bracketed_paths_as_written(tmp_path: Path) -> None:
    missing = tmp_path / "[x]" / "corpus.duckdb"
    res = runner.invoke(app, ["migrate", "--db", str(missing)])
    assert res.exit_code == 3
    assert str(missing) in res.output


# -- item 9: the example's date and why dates stay open -------------------------------------------
def test_example_dates_are_resolved_and_undated_text_says_why(tmp_path: Path) -> None:
    res = runner.invoke(app, ["extract", "--example"])
    assert res.exit_code == 0, res.output
    assert "2017-12-06" in res.stdout
    assert re.search(r"^Monday\s+2017-12-04", res.stdout, re.M), res.stdout
    assert "publication date" not in res.stdout
    f = tmp_path / "undated.txt"
    f.write_text("Ruritanian troops attacked the border post on Monday, officials said.\n", "utf-8")
    res = runner.invoke(app, ["extract", str(f)])
    assert res.exit_code == 0, res.output
    assert "(unresolved)" in res.stdout
    assert "count from the publication date, and this article has none" in res.stdout
    assert "--published YYYY-MM-DD" in res.stdout


# -- item 11: piped, narrow and wide output ---------------------------------------------------------
def test_piped_tables_are_plain_aligned_rows(sample_db: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(sample_db)])
    assert res.exit_code == 0
    assert not set("│┃━─") & set(res.stdout)
    lines = res.stdout.splitlines()
    assert lines[1].split() == ["day", "plover", "cameo", "modality", "source", "target", "place_name",
                                "outlet", "evidence", "cluster_id"]
    accuse = next(line for line in lines if "ACCUSE" in line)
    assert "Russia accused the United States of bombing civilians." in accuse
    assert accuse.index("ACCUSE") == lines[1].index("plover")


def _evidence_text(lines: list[str]) -> str:
    """The evidence column's text: sliced out of a table, or the values of a record layout."""
    header = next((x for x in lines if {"day", "cluster_id"} <= set(x.split())), None)
    if header is None:  # one block per row: the value column folds under itself
        return " ".join(" ".join(x.split()) for x in lines)
    start, end = header.index("evidence"), header.index("cluster_id")
    return " ".join(x[start:end].strip() for x in lines[lines.index(header) + 1:])


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_width_is_respected_without_cuts(sample_db: Path, width: int) -> None:
    """Regression: at 80 columns the evidence wrapped one word per line and cells were cut."""
    res = runner.invoke(app, ["events", "--db", str(sample_db), "--width", str(width)])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert max(len(x.rstrip()) for x in lines) <= width
    assert "…" not in res.stdout
    assert "Russia accused the United States of bombing civilians." in _evidence_text(lines)
    header = next((x for x in lines if {"day", "cluster_id"} <= set(x.split())), None)
    if header is not None:  # a table: the evidence column keeps room for several words a line
        assert header.index("cluster_id") - header.index("evidence") - 2 >= 16


def test_extract_summary_at_80_columns() -> None:
    res = runner.invoke(app, ["extract", "--example", "--width", "80"])
    assert res.exit_code == 0, res.output
    assert max(len(x.rstrip()) for x in res.stdout.splitlines()) <= 80
    assert "…" not in res.stdout
    assert "organization" in res.stdout or "organiz" not in res.stdout


# -- item 12: one spelling, one format --------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [["events"], ["actors"], ["actors", "--neighbours", "USA.MIL"], ["quotes"], ["clusters"], ["series"],
     ["sql", "SELECT * FROM events"]],
)
@pytest.mark.parametrize("flag", ["--limit", "-n"])
def test_every_listing_takes_limit(sample_db: Path, args: list[str], flag: str) -> None:
    res = runner.invoke(app, [*args, flag, "1", "-f", "jsonl", "--db", str(sample_db)])
    assert res.exit_code == 0, res.output
    assert len(res.stdout.splitlines()) == 1


def test_counts_are_integers_and_days_one_format(sample_db: Path) -> None:
    res = runner.invoke(app, ["actors", "-f", "jsonl", "--db", str(sample_db)])
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert all(isinstance(r["n_mentions"], int) for r in rows)
    table = runner.invoke(app, ["actors", "--db", str(sample_db)]).stdout
    assert not re.search(r"\b\d+\.0\b", table)
    days = {}
    for fmt in ("jsonl", "csv", "tsv", "table"):
        out = runner.invoke(app, ["events", "-n", "1", "-f", fmt, "--db", str(sample_db)]).stdout
        days[fmt] = re.findall(r"\d{4}-\d\d-\d\d(?:T[\d:.]+)?", out)[0]
    assert set(days.values()) == {"2017-12-20"}, days


def _commands() -> list[str]:
    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", _commands())
def test_help_is_readable(name: str) -> None:
    """Regression: flags showed a `<bool>` metavar, and the docstring's line breaks were kept, so
    help lines broke mid-sentence ('skipped before any NLP, so' / 're-running ...')."""
    res = runner.invoke(app, [name, "--help"])
    assert res.exit_code == 0
    assert "<bool>" not in res.output
    text = res.output.split("\n\n", 1)[1].split("Arguments:")[0].split("Options:")[0]
    for para in text.strip().split("\n\n"):
        lines = para.splitlines()
        assert all(len(line) > 50 for line in lines[:-1]), para
    if name != "serve":  # our options name their values (FILE, N, YYYY-MM-DD), not their types
        options = res.output.split("Options:")[1]
        assert not re.search(r"<(str|int|path|float)", options), options
