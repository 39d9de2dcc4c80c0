"""Floor gate on a fast, type-stratified subset of the PLOVER GSR benchmark (benchmarks/events.py)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _bench() -> ModuleType:
    from benchmarks import events

    return events


def test_gsr_floor(gold_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not (gold_dir / "plover_gsr_cameo" / "PLOVER_GSR_CAMEO.txt").is_file():
        pytest.skip("PLOVER GSR gold data not present")
    monkeypatch.setenv("NEWSGRAPH_GOLD", str(gold_dir))
    bench = _bench()
    bench.GOLD = gold_dir  # type: ignore[attr-defined]
    scores = bench.run_gsr(stride=10, fallback=False)  # 33 records, every type, real actors stage only
    assert scores["n"] >= 30
    # floors a little under the measured values (see docs/events.md); raise them as the coder improves
    assert scores["accuracy"] >= 0.78  # measured 0.848 on this subset (all 322: 0.866)
    assert scores["triple_f1"] >= 0.66  # measured 0.743 (all 322: 0.74)


def test_petrarch_floor(gold_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PETRARCH2 unit-test records (first 80) with their own verb/actor/agent dictionaries."""
    if not (gold_dir / "petrarch2_unittest" / "PETR.UnitTest.records.xml").is_file():
        pytest.skip("PETRARCH2 unit-test data not present")
    monkeypatch.setenv("NEWSGRAPH_GOLD", str(gold_dir))
    bench = _bench()
    bench.GOLD = gold_dir  # type: ignore[attr-defined]
    scores = bench.run_petrarch(80)
    assert scores["n"] == 80
    assert scores["exact"] >= 0.75  # measured 0.825 (all 284 records: 0.845)
    assert scores["coding_recall"] >= 0.82  # measured 0.899
