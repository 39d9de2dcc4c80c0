"""The command line: documented commands, exit codes, the example end to end."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from newsgraph.cli import app, example_path
from newsgraph.model import Output, iter_spans

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _command_names() -> list[str]:
    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_core_commands_exist() -> None:
    assert {"extract", "schema", "config"} <= set(_command_names())


@pytest.mark.parametrize("name", _command_names())
def test_every_command_is_documented(name: str) -> None:
    docs = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert re.search(rf"^- `newsgraph {name}\b", docs, re.M), f"`newsgraph {name}` has no entry in docs/cli.md"
    res = runner.invoke(app, [name, "--help"])
    assert res.exit_code == 0
    assert "Usage" in res.output


def test_schema_is_valid_json_schema_and_accepts_example(example_article) -> None:  # type: ignore[no-untyped-def]
    res = runner.invoke(app, ["schema"])
    assert res.exit_code == 0
    schema = json.loads(res.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(example_article.to_json_dict(), schema)


def test_extract_example_json() -> None:
    res = runner.invoke(app, ["extract", "--example", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    art = data["article"]
    assert art["title"] == "U.S. Military Intends to Stay in Syria After ISIS is Defeated"
    assert "Be the first to comment" not in art["text"]
    assert "Leave a Reply" not in art["text"]
    assert "Your email address will not be published" not in art["text"]
    removed = " ".join(r["text"] for r in art["removed"])
    assert "Be the first to comment" in removed and "Leave a Reply" in removed
    assert art["text"].rstrip().endswith("in the devastated region.")
    assert art["published"] == "2017-12-06"  # the example knows its date (issue 13.9)
    monday = next(d for d in data["dates"] if d["text"] == "Monday")
    assert monday["value"] == "2017-12-04"
    countries = {a["country"] for a in data["actors"]}
    assert {"USA", "RUS", "IRN", "SYR", "TUR"} <= countries
    out = Output.model_validate(data)
    for span in iter_spans(out):
        assert art["text"][span.start:span.end] == span.text
    actor_ids = {a["id"] for a in data["actors"]}
    place_ids = {p["id"] for p in data["places"]}
    for e in data["events"]:
        assert set(e["source"]) <= actor_ids and set(e["target"]) <= actor_ids
        assert e["alleged_by"] is None or e["alleged_by"] in actor_ids
        assert e["place"] is None or e["place"] in place_ids
    for q in data["quotes"]:
        assert q["speaker"] is None or q["speaker"] in actor_ids
    for n in data["quantities"]:
        assert n["holder"] is None or n["holder"] in actor_ids
        assert n["place"] is None or n["place"] in place_ids


def test_extract_is_deterministic() -> None:
    a = runner.invoke(app, ["extract", "--example", "--format", "jsonl", "--published", "2017-12-06"])
    b = runner.invoke(app, ["extract", "--example", "--format", "jsonl", "--published", "2017-12-06"])
    assert a.exit_code == 0 and a.output == b.output
    assert json.loads(a.output)["article"]["published"] == "2017-12-06"


def test_extract_text_summary_shows_title() -> None:
    res = runner.invoke(app, ["extract", "--example"])
    assert res.exit_code == 0
    assert "U.S. Military Intends to Stay in Syria" in res.output
    assert "Actors" in res.output


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    res = runner.invoke(app, ["extract", str(missing)])
    assert res.exit_code == 2
    assert str(missing) in res.output
    assert "Traceback" not in res.output


def test_one_bad_input_among_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Russia attacked Ukraine on Monday, officials said.\n", "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    res = runner.invoke(app, ["extract", str(good), str(empty), "--format", "jsonl"])
    assert res.exit_code == 1
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith("{")]
    assert len(lines) == 1
    assert "1 article(s) extracted, 1 input(s) failed" in res.output
    assert "empty.txt" in res.output


@pytest.mark.parametrize("bad", ["2017-13-01", "yesterday", "06/12/2017"])
def test_bad_published_date(bad: str) -> None:
    res = runner.invoke(app, ["extract", "--example", "--published", bad])
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


def test_unknown_model_is_a_clear_error() -> None:
    res = runner.invoke(app, ["extract", "--example", "--model", "no_such_pipeline_xyz"])
    assert res.exit_code == 2
    assert "no_such_pipeline_xyz" in res.output
    assert "Traceback" not in res.output


def test_bad_config_file(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[nlp]\nbatch_size = -3\n", "utf-8")
    res = runner.invoke(app, ["config", "--config", str(cfg)])
    assert res.exit_code == 2
    assert "nlp.batch_size" in res.output
    cfg.write_text("[nlp]\nnot_a_key = 1\n", "utf-8")
    res = runner.invoke(app, ["config", "--config", str(cfg)])
    assert res.exit_code == 2 and "not_a_key" in res.output


def test_console_script_no_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", str(binary)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "blob.txt" in proc.stderr


def test_example_path_is_bundled() -> None:
    assert example_path().is_file()


def test_json_format_switches_to_json_lines_for_a_directory(tmp_path: Path) -> None:
    """Regression: a single directory input holding two articles printed one pretty object, then a line."""
    for name, text in (("a.txt", "Russia attacked Ukraine on Monday."), ("b.txt", "Iran supported the militias.")):
        (tmp_path / name).write_text(text + "\n", "utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert len(rows) == 2
    assert {r["article"]["text"].split()[0] for r in rows} == {"Russia", "Iran"}


@pytest.mark.parametrize(
    ("value", "shown"),
    [(3, "3"), ("x", "x"), (None, ""), ([1, 2], "1, 2")],
)
def test_table_cells_of_numpy_values(value: object, shown: str) -> None:
    """Regression: `newsgraph series` crashed on numpy integer cells ('int' object is not iterable)."""
    import numpy

    from newsgraph.cli.tables import cell

    assert cell(value) == shown
    if isinstance(value, int):
        assert cell(numpy.int64(value)) == shown
    if isinstance(value, list):
        assert cell(numpy.array(value)) == shown
