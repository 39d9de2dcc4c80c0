"""The quantities audit set (benchmarks/audit/quantities_audit.jsonl) is well-formed, its split fixed, its
selection reproducible and its offsets inside the exact gold bodies (those checks skip without
../shared/gold); the scorer matches by overlap and value, and by unit on top."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _bench() -> ModuleType:
    from benchmarks import quantities_audit

    return quantities_audit


@pytest.fixture(scope="module")
def sents() -> list[dict[str, Any]]:
    return _bench().load_annotations()


def test_three_hundred_sentences_split_by_body(sents: list[dict[str, Any]]) -> None:
    bench = _bench()
    assert len(sents) == 300 and sorted(s["n"] for s in sents) == list(range(300))
    tune, check = bench.split_bodies([s["id"] for s in sents])
    assert not tune & check
    for s in sents:
        assert s["split"] == ("tune" if s["id"] in tune else "check")
    assert sum(s["split"] == "tune" for s in sents) == 180


def test_quantities_are_well_formed(sents: list[dict[str, Any]]) -> None:
    bench = _bench()
    for s in sents:
        assert len(s["sha256"]) == 64 and 0 <= s["start"] < s["end"] <= s["chars"]
        for q in s["quantities"]:
            assert s["start"] <= q["start"] < q["end"] <= s["end"], (s["n"], q)
            assert q["kind"] in bench.KINDS and all(m in bench.MODS for m in q["mods"]), q
            assert isinstance(q["optional"], bool) and q["unit"]
            if "range" in q["mods"]:
                assert q["value"] is None and q["low"] < q["high"], q
            else:
                assert q["value"] is not None and q["low"] is None, q


def test_bodies_and_selection_are_reproducible(gold_dir: Path, sents: list[dict[str, Any]]) -> None:
    bench = _bench()
    if not (gold_dir / "scrapinghub_article_extraction_benchmark").exists():
        pytest.skip("no ../shared/gold")
    bench.check_bodies(sents, gold_dir)  # raises on a drifted body
    assert [(s["id"], s["start"], s["end"]) for s in sorted(sents, key=lambda s: s["n"])] == bench.select(gold_dir)


def _q(start: int, end: int, value: float | None, unit: str, low: float | None = None,
       high: float | None = None, optional: bool = False) -> dict[str, Any]:
    return {"start": start, "end": end, "value": value, "low": low, "high": high, "unit": unit,
            "kind": "count", "mods": ["range"] if low is not None else [], "optional": optional}


def test_scorer_matches_overlap_value_and_unit() -> None:
    bench = _bench()
    Sys = bench.SysQuantity
    gold = [_q(0, 5, 3, "soldier"), _q(10, 20, None, "worker", low=40, high=60), _q(30, 33, 1, "day", optional=True)]
    found = [Sys(0, 2, 3.0, None, None, "soldiers", False), Sys(12, 14, 50.0, 40.0, 60.0, "workers", True),
             Sys(30, 33, 1.0, None, None, "day", False), Sys(40, 42, 7.0, None, None, "x", False)]
    taken, ignored = bench.match_sentence(gold, found, with_unit=True)
    assert taken == {0: 0, 1: 1} and ignored == {2}
    sents = [{"n": 0, "split": "tune", "quantities": gold}]
    sc = bench.score_half(sents, {0: found})
    assert (sc.value.gold, sc.value.predicted, sc.value.hits) == (2, 3, 2)
    assert sc.by_kind["range"].hits == 1 and sc.by_kind["count"].gold == 2
    # a wrong value is a miss and a false quantity; a wrong unit only fails value+unit
    wrong = [Sys(0, 2, 4.0, None, None, "soldier", False), Sys(12, 14, 50.0, 40.0, 60.0, "shop", True)]
    sc = bench.score_half(sents, {0: wrong})
    assert (sc.value.hits, sc.unit.hits) == (1, 0)


@pytest.mark.parametrize(("a", "b"), [("troops", "troop"), ("%", "percent"), ("person", "people"),
                                      ("companies", "company"), ("USD", "usd"), ("bbl", "barrel")])
def test_units_compare_after_normalising(a: str, b: str) -> None:
    bench = _bench()
    assert bench.norm_unit(a) == bench.norm_unit(b)
