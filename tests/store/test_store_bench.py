"""Floor gate on a fast subset of benchmarks/ingest.py (skipped without the gold data).

The benchmark runs in a subprocess so that a crash in any stage fails this test, not the session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(os.environ.get("NEWSGRAPH_GOLD") or ROOT.parent / "shared" / "gold")


@pytest.mark.slow
def test_ingest_benchmark_floor() -> None:
    if not (GOLD / "scrapinghub_article_extraction_benchmark").is_dir():
        pytest.skip(f"gold data not found at {GOLD}")
    n = 5
    r = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "ingest.py"), "--limit", str(n), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NEWSGRAPH_GOLD": str(GOLD)},
    )
    assert r.returncode == 0, r.stderr[-3000:]
    res = json.loads(r.stdout.strip().splitlines()[-1])
    assert res["articles"] + res["failed"] == n
    assert res["articles"] >= n - 1
    assert res["rerun_added"] == 0 and res["rerun_skipped"] == res["articles"]
    assert res["store_share"] <= 0.10
    assert res["peak_rss_mb"] <= 1536
