"""The CI slice of benchmarks/reliability.py (fixed seed, small sizes, one worker process per
category with a timeout per input), and the issue's quote-flood reproduction through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import reliability

BODY = ("Rebels attacked an army base near the northern city on Monday, killing four soldiers, "
        "the defence ministry said.")


@pytest.mark.slow
def test_fixed_seed_slice_has_no_crash_hang_or_broken_output() -> None:
    tallies = reliability.run(seed=reliability.DEFAULT_SEED, per_category=1, quick=True, timeout=300)
    assert set(tallies) == {c for c in reliability.CATEGORIES if c != "1M-character paragraph"}
    for category, t in tallies.items():
        assert (t.crashes, t.hangs, t.internal, t.bad_spans, t.dangling, t.nondeterministic) == (0, 0, 0, 0, 0, 0), (
            category, t.notes)
        assert t.inputs == 1 and (t.articles or t.errors), category
    assert tallies["gzip bombs (1 GB)"].errors["InputTooLargeError"] >= 1
    assert tallies["large pages (50 MB)"].errors == {"InputTooLargeError": 1}
    assert tallies["unreadable paths"].errors == {"InputNotFoundError": 3, "InputUnreadableError": 3}
    assert tallies["unreadable paths"].articles == 1
    report = reliability.markdown(tallies, {"argv": "--quick", "seed": 16, "timeout": 300})
    assert "| gzip bombs (1 GB) | read | 1 |" in report and "| **all** |" in report


@pytest.mark.slow
def test_quote_flood_file_no_longer_hangs_the_cli(tmp_path: Path) -> None:
    """Issue 16.1's reproduction: 100,000 '"' characters used to hang extract for over ten minutes."""
    (tmp_path / "q.txt").write_text('"' * 100_000)
    (tmp_path / "z.txt").write_text(BODY)
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", "--format", "jsonl", str(tmp_path / "q.txt"),
         str(tmp_path / "z.txt")], capture_output=True, text=True, timeout=600,
    )
    outs = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert [o["article"]["text"] for o in outs] == ['"' * 64, BODY]
    assert outs[0]["article"]["removed"] == [{"text": '"' * (100_000 - 64), "reason": "symbol-run"}]
