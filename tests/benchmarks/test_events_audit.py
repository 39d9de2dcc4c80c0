"""The events audit set (benchmarks/audit/events_audit.jsonl) is well-formed, its split fixed, and
its offsets point into the exact gold bodies (those checks skip without ../shared/gold)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsgraph.vocab import MODALITIES, PLOVER_TYPES, SECTORS


def _bench() -> ModuleType:
    from benchmarks import events_audit

    return events_audit


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    return _bench().load_annotations()


def _spans(e: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span of an event that holds text: trigger, actors with a span, place."""
    out = [e["trigger"], *[a for a in e["source"] + e["target"] if a["start"] is not None]]
    return out + ([e["place"]] if e["place"] else [])


def test_forty_articles_split_24_16_by_the_fixed_seed(docs: list[dict[str, Any]]) -> None:
    bench = _bench()
    assert len(docs) == 40 and len({d["id"] for d in docs}) == 40
    political = [d["id"] for d in docs if d["political"]]
    nonpolitical = [d["id"] for d in docs if not d["political"]]
    assert (len(political), len(nonpolitical)) == (32, 8)
    tune, check = bench.split_ids(political, nonpolitical)
    assert (len(tune), len(check)) == (24, 16)
    assert sorted(d["id"] for d in docs if d["split"] == "tune") == tune
    assert sorted(d["id"] for d in docs if d["split"] == "check") == check
    # both halves hold non-political pages (the split is stratified)
    assert sum(1 for d in docs if d["split"] == "check" and not d["political"]) == 3


def test_events_are_well_formed(docs: list[dict[str, Any]]) -> None:
    for d in docs:
        assert len(d["sha256"]) == 64 and d["chars"] > 0
        for e in d["events"]:
            assert e["plover"] is None or e["plover"] in PLOVER_TYPES, (d["id"], e)
            assert len(e["cameo"]) == 2 and 1 <= int(e["cameo"]) <= 20, (d["id"], e)
            assert e["modality"] in MODALITIES, (d["id"], e)
            assert isinstance(e["optional"], bool)
            for a in e["source"] + e["target"]:
                assert a["sector"] is None or a["sector"] in SECTORS, (d["id"], a)
                assert a["country"] is None or (len(a["country"]) == 3 and a["country"].isupper())
            s = e["sentence"]
            for span in _spans(e):
                assert 0 <= span["start"] < span["end"] <= d["chars"], (d["id"], span)
            assert s["start"] <= e["trigger"]["start"] < e["trigger"]["end"] <= s["end"], (d["id"], e)
        if not d["political"]:
            assert all(e["optional"] for e in d["events"]), d["id"]


def test_every_type_is_coded(docs: list[dict[str, Any]]) -> None:
    """The set covers statements and most PLOVER types with required events."""
    required = {e["plover"] for d in docs for e in d["events"] if not e["optional"]}
    assert None in required
    assert {"ASSAULT", "COERCE", "ACCUSE", "PROTEST", "REQUEST", "REJECT", "THREATEN", "SUPPORT"} <= required


def test_offsets_point_into_the_gold_bodies(docs: list[dict[str, Any]], gold_dir: Path) -> None:
    bench = _bench()
    if not (gold_dir / "scrapinghub_article_extraction_benchmark" / "ground-truth.json").is_file():
        pytest.skip("body-extraction gold sets not present")
    bodies = bench.check_bodies(docs, gold_dir)  # raises when a body drifted (sha256)
    for d in docs:
        body = bodies[d["id"]]
        assert len(body) == d["chars"]
        for e in d["events"]:
            for span in _spans(e):
                assert body[span["start"]:span["end"]] == span["text"], (d["id"], span)


def test_the_selection_rule_reproduces_the_set(docs: list[dict[str, Any]], gold_dir: Path) -> None:
    bench = _bench()
    if not (gold_dir / "mozilla_readability_testpages" / "pages").is_dir():
        pytest.skip("body-extraction gold sets not present")
    political, nonpolitical = bench.select(gold_dir)
    assert sorted(political) == sorted(d["id"] for d in docs if d["political"])
    assert sorted(nonpolitical) == sorted(d["id"] for d in docs if not d["political"])


def test_a_drifted_body_is_refused(docs: list[dict[str, Any]], gold_dir: Path) -> None:
    bench = _bench()
    if not (gold_dir / "scrapinghub_article_extraction_benchmark" / "ground-truth.json").is_file():
        pytest.skip("body-extraction gold sets not present")
    changed = [{**docs[0], "sha256": "0" * 64}]
    with pytest.raises(ValueError, match="sha256"):
        bench.check_bodies(changed, gold_dir)


def test_scoring_rules_on_made_up_events() -> None:
    """Strict needs the actors, lenient only no wrong one; duplicates and optional matches are apart."""
    bench = _bench()
    actor = {"country": "FRA", "sector": "GOV", "start": 0, "end": 6, "text": "France"}
    gold = [{"plover": "CONSULT", "cameo": "04", "sentence": {"start": 0, "end": 40}, "optional": False,
             "source": [actor], "target": [{"country": "DEU", "sector": "GOV", "start": None, "end": None,
                                             "text": None}]}]
    right = bench.SysEvent("CONSULT", "04", 0.9, (7, 11), [bench.SysActor("FRA", "GOV", [(0, 6)])],
                           [bench.SysActor("DEU", "GOV", [])], "met")
    no_target = bench.SysEvent("CONSULT", "04", 0.9, (7, 11), [bench.SysActor(None, None, [(0, 6)])], [], "met")
    wrong = bench.SysEvent("CONSULT", "04", 0.9, (7, 11), [bench.SysActor("ITA", "GOV", [(20, 25)])], [], "met")
    assert bench.score_article(gold, [right, right], strict=True) == {
        "tp": 1, "fp": 0, "dup": 1, "ignored": 0, "fn": 0, "gold": 1}
    assert bench.score_article(gold, [no_target], strict=True)["fp"] == 1
    assert bench.score_article(gold, [no_target], strict=False)["tp"] == 1
    assert bench.score_article(gold, [wrong], strict=False)["fp"] == 1
    gold[0]["optional"] = True
    assert bench.score_article(gold, [right], strict=True) == {
        "tp": 0, "fp": 0, "dup": 0, "ignored": 1, "fn": 0, "gold": 0}
