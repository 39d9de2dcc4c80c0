"""The progress bar: rate and ETA on a terminal after a few seconds, nothing in a pipe."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from newsgraph.cli.progress import RunProgress, count_articles


def test_bar_on_a_terminal_shows_count_rate_and_eta() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    with RunProgress("extract", 10, console=console, delay_s=0) as bar:
        for i in range(4):
            bar.advance(ok=i != 2)
        bar.progress.refresh()
    text = out.getvalue()
    assert "4/10" in text
    assert "1 failed" in text
    assert "art/s" in text
    assert "eta" in text


def test_nothing_is_drawn_when_stderr_is_no_terminal_or_quiet() -> None:
    for console, quiet in ((Console(file=io.StringIO(), force_terminal=False), False),
                           (Console(file=io.StringIO(), force_terminal=True), True)):
        with RunProgress("ingest", None, console=console, delay_s=0, quiet=quiet) as bar:
            bar.update(5, 1)
        assert not bar.shown
        assert console.file.getvalue() == ""  # type: ignore[attr-defined]


def test_a_short_run_draws_no_bar() -> None:
    console = Console(file=io.StringIO(), force_terminal=True)
    with RunProgress("extract", 1, console=console, delay_s=60) as bar:
        bar.advance(ok=True)
    assert not bar.shown
    assert console.file.getvalue() == ""  # type: ignore[attr-defined]


def test_total_is_known_for_one_article_files_only(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.txt"):
        (tmp_path / name).write_text("Some text.", "utf-8")
    assert count_articles([str(tmp_path)]) == 3
    (tmp_path / "d.jsonl").write_text('{"text": "x"}\n', "utf-8")
    assert count_articles([str(tmp_path)]) is None  # a stream: no total, no ETA
