"""The CAMEO sentences benchmark: its scorer's pure functions on hand-made records, and the data
file's integrity (valid JSON, unique ids, offsets at their strings, valid codes and values)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from benchmarks.events_cameo import (
    DATA,
    NONE,
    Main,
    confusion,
    confusion_table,
    false_events,
    gold_main,
    load,
    main_event,
    miss_line,
    root_of,
    score,
)
from benchmarks.events_notes import Pred, split_ids

from newsgraph.stages.events.cameo import cameo_table
from newsgraph.vocab import SECTORS

#: CAMEO codebook 4-digit appeal codes that newsgraph's table folds into their 3-digit parent.
APPEAL_SUBCODES = {f"02{a}{b}" for a, n in ((1, 4), (3, 4), (4, 4), (5, 6)) for b in range(1, n + 1)}


def _pred(cameo: str, conf: float = 0.9, start: int = 0, modality: str = "asserted",
          src: str | None = None) -> Pred:
    return Pred(plover=None, cameo=cameo, confidence=conf, modality=modality, trigger_start=start,
                source_country=src, has_source=src is not None)


def _rec(rid: str, cameo: str | None, src: str | None = None, tgt: str | None = None) -> dict:
    if cameo is None:
        return {"id": rid, "text": "Polls open at eight.", "pub_date": "2020-01-01", "main": None}
    side = lambda c: None if c is None else {"text": "x", "start": 0, "country": c, "sector": "GOV"}  # noqa: E731
    return {"id": rid, "text": "x", "pub_date": "2020-01-01",
            "main": {"cameo": cameo, "trigger": "x", "trigger_start": 0, "source": side(src), "target": side(tgt)}}


# --- pure functions -------------------------------------------------------------------------------


def test_root_of():
    assert root_of("0231") == "02"
    assert root_of("173") == "17"
    assert root_of(None) == NONE


def test_gold_main():
    assert gold_main(_rec("a", "112", "USA", "CHN")) == Main("11", "USA", "CHN", "112")
    assert gold_main(_rec("b", None)) == Main(NONE)
    assert gold_main(_rec("c", "010", "FRA", None)) == Main("01", "FRA", None, "010")


def test_main_event_highest_confidence_wins():
    preds = [(_pred("010", 0.6, 0, src="GBR"), None), (_pred("112", 0.8, 20, src="GBR"), "IRN")]
    assert main_event(preds) == Main("11", "GBR", "IRN", "112")


def test_main_event_tie_goes_to_earliest_trigger():
    preds = [(_pred("112", 0.7, 30), None), (_pred("043", 0.7, 5), "DEU")]
    assert main_event(preds).root == "04"


def test_main_event_skips_negated_and_low_confidence():
    preds = [(_pred("190", 0.95, 0, modality="negated"), None), (_pred("173", 0.4, 10), None),
             (_pred("051", 0.55, 40), None)]
    assert main_event(preds).root == "05"
    assert main_event(preds[:2]) == Main(NONE)
    assert main_event([]) == Main(NONE)


def test_false_events_counts_live_events_only():
    preds = [(_pred("010", 0.9), None), (_pred("173", 0.3), None), (_pred("190", 0.9, modality="negated"), None)]
    assert false_events(preds) == 1


def test_score():
    recs = [_rec("a", "112", "USA", "CHN"), _rec("b", "010", "FRA"), _rec("c", None), _rec("d", "173", "RUS", "RUS")]
    preds = [
        [(_pred("111", src="USA"), "CHN")],          # root right, triple right
        [(_pred("043", src="FRA"), None)],           # root wrong (01 missed)
        [(_pred("010"), None), (_pred("020"), None)],  # none sentence: two false events
        [],                                          # missed event
    ]
    s = score(recs, preds)
    assert s["sentences"] == 4 and s["events"] == 3 and s["none"] == 1
    assert s["root_all"] == pytest.approx(1 / 4)
    assert s["root_events"] == pytest.approx(1 / 3)
    assert s["recall_01"] == 0.0
    assert s["triple"] == pytest.approx(1 / 3)
    assert s["false_per_none"] == 2.0


def test_score_none_sentence_with_no_prediction_is_right():
    s = score([_rec("a", None)], [[]])
    assert s["root_all"] == 1.0 and s["false_per_none"] == 0.0 and s["root_events"] is None


def test_confusion_and_table():
    recs = [_rec("a", "112"), _rec("b", "010"), _rec("c", None)]
    preds = [[(_pred("111"), None)], [(_pred("043"), None)], []]
    c = confusion(recs, preds)
    assert c == Counter({("11", "11"): 1, ("01", "04"): 1, (NONE, NONE): 1})
    lines = confusion_table(c).splitlines()
    assert lines[0].split()[1:] == ["04", "11", "none"]
    assert lines[1].split() == ["01", "1", ".", "."]


def test_miss_line():
    assert miss_line(_rec("a", "112", "USA", "CHN"), [(_pred("111", src="USA"), "CHN")]) is None
    assert miss_line(_rec("b", None), []) is None
    line = miss_line(_rec("c", "112", "USA", "CHN"), [(_pred("111", src="USA"), "RUS")])
    assert line is not None and line.startswith("c\tgold 112 USA->CHN\tgot 111 USA->RUS")


def test_split_is_the_notes_rule():
    ids = [f"c{i:03d}" for i in range(1, 11)]
    tune, check = split_ids(ids)
    assert len(tune) == 6 and len(check) == 4 and sorted(tune + check) == ids


# --- data integrity -------------------------------------------------------------------------------


def test_every_line_is_json():
    for line in DATA.read_text("utf-8").splitlines():
        assert line.strip()
        json.loads(line)


def _span_ok(text: str, span: str, start: int) -> bool:
    return text[start:start + len(span)] == span


def test_records():
    recs = load()
    assert len(recs) >= 200
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids))
    codes = set(cameo_table()) | APPEAL_SUBCODES
    for r in recs:
        assert set(r) == {"id", "text", "pub_date", "main"}, r["id"]
        assert re.fullmatch(r"c\d{3}", r["id"])
        assert re.fullmatch(r"20(1[5-9]|2[0-5])-[01]\d-[0-3]\d", r["pub_date"]), r["id"]
        assert 15 <= len(r["text"].split()) <= 45, r["id"]
        m = r["main"]
        if m is None:
            continue
        assert set(m) == {"cameo", "trigger", "trigger_start", "source", "target"}, r["id"]
        assert re.fullmatch(r"\d{3,4}", m["cameo"]) and m["cameo"] in codes, r["id"]
        assert _span_ok(r["text"], m["trigger"], m["trigger_start"]), r["id"]
        for side in ("source", "target"):
            a = m[side]
            if a is None:
                continue
            assert _span_ok(r["text"], a["text"], a["start"]), (r["id"], side)
            assert a["country"] is None or re.fullmatch(r"[A-Z]{3}", a["country"]), (r["id"], side)
            assert a["sector"] is None or a["sector"] in SECTORS, (r["id"], side)


def test_spread():
    recs = load()
    roots = Counter(gold_main(r).root for r in recs)
    assert roots["01"] >= 0.15 * len(recs)
    assert roots[NONE] >= 0.05 * len(recs)
    assert len({f"{i:02d}" for i in range(1, 21)} - set(roots)) <= 2
    countries = {a["country"] for r in recs if r["main"] for a in (r["main"]["source"], r["main"]["target"])
                 if a and a["country"]}
    assert len(countries) >= 50
