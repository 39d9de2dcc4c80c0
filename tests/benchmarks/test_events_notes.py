"""The event-notes set (benchmarks/notes/event_notes.jsonl) is well-formed, and the scorer's pure
functions (split, matching, scoring) give the expected values on small hand-made records."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from benchmarks import events_notes as bench
from newsgraph.vocab import MODALITIES, PLOVER_TYPES, SECTORS


@pytest.fixture(scope="module")
def recs() -> list[dict[str, Any]]:
    return bench.load_notes()


# --- the data file ---------------------------------------------------------------------------------


def test_every_line_is_json_with_a_unique_id() -> None:
    lines = [ln for ln in bench.NOTES.read_text("utf-8").splitlines() if ln.strip()]
    ids = [json.loads(ln)["id"] for ln in lines]
    assert len(ids) >= 200
    assert len(set(ids)) == len(ids)


def test_records_have_the_documented_fields(recs: list[dict[str, Any]]) -> None:
    for r in recs:
        assert set(r) == {"id", "text", "pub_date", "domain", "events"}, r["id"]
        assert r["domain"] in {"political", "none"}, r["id"]
        dt.date.fromisoformat(r["pub_date"])
        assert (r["domain"] == "none") == (not r["events"]), r["id"]


def test_types_modalities_and_sectors_are_in_the_vocabulary(recs: list[dict[str, Any]]) -> None:
    for r in recs:
        for e in r["events"]:
            # an untyped public statement: PLOVER null, CAMEO 01x
            assert e["plover"] in PLOVER_TYPES or (e["plover"] is None and e["cameo"].startswith("01")), r["id"]
            assert e["cameo"].isdigit() and 3 <= len(e["cameo"]) <= 4, r["id"]
            assert e["modality"] in MODALITIES, r["id"]
            for side in (e["source"], e["target"]):
                if side is not None:
                    assert side["sector"] in SECTORS, r["id"]
                    assert side["country"] is None or (len(side["country"]) == 3 and side["country"].isupper())
            if e["date"] is not None:
                dt.date.fromisoformat(e["date"])


def test_offsets_point_at_the_stated_strings(recs: list[dict[str, Any]]) -> None:
    for r in recs:
        text = r["text"]
        for e in r["events"]:
            s = e["trigger_start"]
            assert text[s:s + len(e["trigger"])] == e["trigger"], (r["id"], e["trigger"])
            for span in (e["source"], e["target"], e["place"]):
                if span is not None:
                    s = span["start"]
                    assert text[s:s + len(span["text"])] == span["text"], (r["id"], span["text"])


def test_the_set_covers_both_domains_and_many_countries(recs: list[dict[str, Any]]) -> None:
    domains = [r["domain"] for r in recs]
    assert domains.count("political") >= 150 and domains.count("none") >= 50
    countries = {side["country"] for r in recs for e in r["events"]
                 for side in (e["source"], e["target"], e["place"]) if side and side["country"]}
    assert len(countries) >= 70


# --- split -----------------------------------------------------------------------------------------


def test_split_is_sixty_forty_stable_and_order_free(recs: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in recs]
    tune, check = bench.split_ids(ids)
    assert len(tune) == round(len(ids) * 0.6) and len(tune) + len(check) == len(ids)
    assert not set(tune) & set(check)
    assert bench.split_ids(list(reversed(ids))) == (tune, check)


def test_split_of_a_small_list() -> None:
    tune, check = bench.split_ids(["a", "b", "c", "d", "e"], seed=1)
    assert len(tune) == 3 and sorted(tune + check) == ["a", "b", "c", "d", "e"]


# --- matching and scoring on hand-made records -----------------------------------------------------


def _gold(plover: str | None, cameo: str, start: int, modality: str = "asserted",
          source: dict[str, Any] | None = None, date: str | None = None,
          place: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"plover": plover, "cameo": cameo, "trigger": "x", "trigger_start": start, "source": source,
            "target": None, "date": date, "place": place, "modality": modality}


def _rec(domain: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": "t", "text": "", "pub_date": "2024-01-01", "domain": domain, "events": events}


def test_type_of_names_statements() -> None:
    assert bench.type_of("ASSAULT", "190") == "ASSAULT"
    assert bench.type_of(None, "010") == "STATEMENT"
    assert bench.type_of(None, "999") is None


def test_negated_events_are_on_neither_side() -> None:
    rec = _rec("political", [_gold("COERCE", "173", 5, modality="negated"), _gold("PROTEST", "141", 30)])
    assert bench.gold_types(rec) == {"PROTEST"}
    preds = [bench.Pred("COERCE", "173", 0.9, "negated", 5), bench.Pred("PROTEST", "141", 0.9, "asserted", 31)]
    assert bench.pred_types(preds) == {"PROTEST"}


def test_match_takes_the_nearest_trigger_of_the_type() -> None:
    far = bench.Pred("ASSAULT", "190", 0.9, "asserted", 80)
    near = bench.Pred("ASSAULT", "193", 0.9, "asserted", 12)
    other = bench.Pred("COERCE", "173", 0.9, "asserted", 10)
    assert bench.match(_gold("ASSAULT", "190", 10), [far, other, near]) is near
    assert bench.match(_gold("AID", "070", 10), [far, other]) is None


def test_place_name_matches_either_way_case_free() -> None:
    p = bench.Pred("ASSAULT", "190", 0.9, "asserted", 0, place_name="Maiduguri")
    assert bench.place_name_ok({"text": "MAIDUGURI"}, p)
    assert not bench.place_name_ok({"text": "Kano"}, p)
    assert not bench.place_name_ok({"text": "Kano"}, bench.Pred("ASSAULT", "190", 0.9, "asserted", 0))


def test_score_counts_types_statements_and_false_events() -> None:
    src = {"text": "Police", "start": 0, "country": "KEN", "sector": "COP"}
    place = {"text": "Nairobi", "start": 20, "country": "KEN"}
    recs = [
        _rec("political", [_gold("COERCE", "173", 7, source=src, date="2024-01-01", place=place),
                           _gold(None, "010", 40)]),
        _rec("political", [_gold("ASSAULT", "190", 3)]),
        _rec("none", []),
        _rec("none", []),
    ]
    preds = [
        [bench.Pred("COERCE", "173", 0.8, "asserted", 7, "KEN", "GOV", True, "2024-01-01", "Nairobi", "KEN"),
         bench.Pred(None, "010", 0.7, "asserted", 40)],
        [bench.Pred("PROTEST", "141", 0.9, "asserted", 3), bench.Pred("ASSAULT", "190", 0.3, "asserted", 3)],
        [bench.Pred("ASSAULT", "190", 0.6, "asserted", 0)],
        [bench.Pred(None, "010", 0.6, "asserted", 0), bench.Pred("ASSAULT", "190", 0.2, "asserted", 0)],
    ]
    s = bench.score(recs, preds)
    assert (s["political"], s["none"]) == (2, 2)
    # gold COERCE, STATEMENT, ASSAULT; predicted COERCE, STATEMENT, PROTEST (ASSAULT is below 0.5)
    assert s["recall"] == pytest.approx(2 / 3) and s["precision"] == pytest.approx(2 / 3)
    assert s["recall_no_statements"] == pytest.approx(1 / 2)
    assert s["precision_no_statements"] == pytest.approx(1 / 2)
    assert s["false_typed_per_none"] == pytest.approx(0.5)
    assert s["false_any_per_none"] == pytest.approx(1.0)
    assert s["matched"] == pytest.approx(2 / 3)
    assert (s["source_present"], s["source_country"], s["source_sector"]) == (1.0, 1.0, 0.0)
    assert (s["date"], s["place_name"], s["place_country"]) == (1.0, 1.0, 1.0)


def test_score_without_arguments_leaves_their_rates_empty() -> None:
    s = bench.score([_rec("political", [_gold("AID", "070", 0)])], [[]])
    assert s["recall"] == 0.0 and s["precision"] is None and s["source_country"] is None


def test_misses_name_missed_and_extra_types() -> None:
    rec = _rec("political", [_gold("ASSAULT", "190", 0)])
    assert bench.misses(rec, [bench.Pred("COERCE", "173", 0.9, "asserted", 0)]) == ["missed ASSAULT", "extra COERCE"]
    assert bench.misses(rec, [bench.Pred("ASSAULT", "190", 0.9, "asserted", 0)]) == []


def test_check_misses_are_refused() -> None:
    with pytest.raises(SystemExit):
        bench.main(["--misses", "check"])
