"""The event-notes set: 262 short news items written and hand-coded for this benchmark (no rule of
newsgraph was written from them). Data: ``benchmarks/notes/event_notes.jsonl``; how it was written
and the coding conventions: ``benchmarks/notes/README.md``.

The ids are split once (``split_ids``): the sorted ids shuffled by ``random.Random(SEED)``, the first
60 % tune, the rest check. Both halves are printed side by side; misses are listed for the tune half
only (``--misses tune``), never for the check half.

Scores, at confidence >= ``THRESHOLD`` (``score``):

- PLOVER type recall / precision over the political items: per item, the set of gold types against
  the set of predicted types (negated events on neither side). An untyped public statement (PLOVER
  null, CAMEO 01x) is the type ``STATEMENT``; the scores are given with and without statements.
- false events per "none" item: predicted typed events (and, apart, events of any kind).
- for each gold event matched by a predicted event of its type (the nearest trigger): source country
  and sector accuracy and source present rate (gold events with a source), date accuracy (gold events
  with a date), place name and place country accuracy (gold events with a place).

Usage: python -m benchmarks.events_notes [--limit N] [--misses tune]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NOTES = HERE / "notes" / "event_notes.jsonl"
#: Seed and tune share of the one fixed split.
SEED = 20261208
TUNE_SHARE = 0.6
#: Default confidence threshold (config events.min_confidence).
THRESHOLD = 0.5
#: The type an untyped public statement (PLOVER null) is scored as.
STATEMENT = "STATEMENT"


# --- pure functions: loading, split, matching, scoring -------------------------------------------


def load_notes(path: Path = NOTES) -> list[dict[str, Any]]:
    """The records of the data file, in file order."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def split_ids(ids: Iterable[str], seed: int = SEED, share: float = TUNE_SHARE) -> tuple[list[str], list[str]]:
    """The fixed split: the sorted ids shuffled by ``seed``; the first ``share`` tune, the rest check."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    cut = round(len(order) * share)
    return order[:cut], order[cut:]


@dataclass(frozen=True)
class Pred:
    """One predicted event, reduced to what is scored."""
    plover: str | None
    cameo: str
    confidence: float
    modality: str
    trigger_start: int
    source_country: str | None = None
    source_sector: str | None = None
    has_source: bool = False
    date: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    source_name: str | None = None


def type_of(plover: str | None, cameo: str | None) -> str | None:
    """The scored type: the PLOVER type, ``STATEMENT`` for an untyped statement (CAMEO 01x), else None."""
    if plover:
        return plover
    return STATEMENT if (cameo or "").startswith("01") else None


def kept(preds: Sequence[Pred], threshold: float = THRESHOLD) -> list[Pred]:
    """The predicted events at or above the threshold."""
    return [p for p in preds if p.confidence >= threshold]


def gold_types(rec: dict[str, Any], statements: bool = True) -> set[str]:
    """The types of the record's non-negated gold events (``STATEMENT`` dropped unless ``statements``)."""
    out = {type_of(e["plover"], e["cameo"]) for e in rec["events"] if e["modality"] != "negated"}
    return {t for t in out if t and (statements or t != STATEMENT)}


def pred_types(preds: Sequence[Pred], statements: bool = True) -> set[str]:
    """The types of the non-negated predicted events (``STATEMENT`` dropped unless ``statements``)."""
    out = {type_of(p.plover, p.cameo) for p in preds if p.modality != "negated"}
    return {t for t in out if t and (statements or t != STATEMENT)}


def match(gold: dict[str, Any], preds: Sequence[Pred]) -> Pred | None:
    """The predicted event of the gold event's type whose trigger is nearest the gold trigger."""
    want = type_of(gold["plover"], gold["cameo"])
    same = [p for p in preds if type_of(p.plover, p.cameo) == want and p.modality != "negated"]
    if not same:
        return None
    return min(same, key=lambda p: abs(p.trigger_start - gold["trigger_start"]))


def place_name_ok(gold: dict[str, Any], pred: Pred) -> bool:
    """The predicted place's name is the gold place's words (case-insensitive; either holds the other)."""
    g, p = gold["text"].casefold(), (pred.place_name or "").casefold()
    return bool(p) and (g in p or p in g)


def _ratio(c: Counter[str], hit: str, n: str) -> float | None:
    return c[hit] / c[n] if c[n] else None


def argument_counts(gold: dict[str, Any], pred: Pred, c: Counter[str]) -> None:
    """Add the argument checks of one matched gold event to ``c``."""
    src = gold["source"]
    if src is not None:
        c["src_n"] += 1
        c["src_present"] += pred.has_source
        c["src_country"] += pred.source_country == src["country"]
        c["src_sector"] += pred.source_sector == src["sector"]
    if gold["date"]:
        c["date_n"] += 1
        c["date_ok"] += (pred.date or "")[:10] == gold["date"]
    if gold["place"] is not None:
        c["place_n"] += 1
        c["place_name"] += place_name_ok(gold["place"], pred)
        c["place_country"] += pred.place_country is not None and pred.place_country == gold["place"]["country"]


def score(recs: Sequence[dict[str, Any]], preds: Sequence[Sequence[Pred]],
          threshold: float = THRESHOLD) -> dict[str, Any]:
    """Every score of a set of records and their predicted events (see the module doc)."""
    c: Counter[str] = Counter()
    for rec, all_preds in zip(recs, preds):
        ps = kept(all_preds, threshold)
        if rec["domain"] == "none":
            c["none_n"] += 1
            c["none_typed"] += sum(1 for p in ps if p.plover and p.modality != "negated")
            c["none_any"] += sum(1 for p in ps if p.modality != "negated")
            continue
        c["pol_n"] += 1
        for tag, with_st in (("st", True), ("nost", False)):
            g, p = gold_types(rec, with_st), pred_types(ps, with_st)
            c[f"{tag}_tp"] += len(g & p)
            c[f"{tag}_gold"] += len(g)
            c[f"{tag}_pred"] += len(p)
        for ev in rec["events"]:
            if ev["modality"] == "negated":
                continue
            c["gold_events"] += 1
            m = match(ev, ps)
            if m is not None:
                c["matched"] += 1
                argument_counts(ev, m, c)
    return {
        "political": c["pol_n"], "none": c["none_n"],
        "recall": _ratio(c, "st_tp", "st_gold"), "precision": _ratio(c, "st_tp", "st_pred"),
        "recall_no_statements": _ratio(c, "nost_tp", "nost_gold"),
        "precision_no_statements": _ratio(c, "nost_tp", "nost_pred"),
        "false_typed_per_none": _ratio(c, "none_typed", "none_n"),
        "false_any_per_none": _ratio(c, "none_any", "none_n"),
        "matched": _ratio(c, "matched", "gold_events"),
        "source_present": _ratio(c, "src_present", "src_n"),
        "source_country": _ratio(c, "src_country", "src_n"),
        "source_sector": _ratio(c, "src_sector", "src_n"),
        "date": _ratio(c, "date_ok", "date_n"),
        "place_name": _ratio(c, "place_name", "place_n"),
        "place_country": _ratio(c, "place_country", "place_n"),
        "counts": dict(c),
    }


def argument_misses(rec: dict[str, Any], preds: Sequence[Pred], threshold: float = THRESHOLD) -> list[str]:
    """The wrong arguments of the record's matched gold events: source country or sector, date, place."""
    out = []
    for g in rec["events"]:
        p = match(g, kept(preds, threshold))
        if p is None:
            continue
        src = g["source"]
        if src is not None and (p.source_country != src["country"] or p.source_sector != src["sector"]):
            out.append(f"source {src['text']!r} {src['country']}/{src['sector']} "
                       f"got {p.source_name!r} {p.source_country}/{p.source_sector}")
        if g["date"] and (p.date or "")[:10] != g["date"]:
            out.append(f"date {g['date']} got {p.date}")
        pl = g["place"]
        if pl is not None and not (place_name_ok(pl, p) and p.place_country == pl["country"]):
            out.append(f"place {pl['text']!r} {pl['country']} got {p.place_name!r} {p.place_country}")
    return out


def misses(rec: dict[str, Any], preds: Sequence[Pred], threshold: float = THRESHOLD) -> list[str]:
    """What is wrong in one record: gold types not found, types predicted and not gold, and for a
    "none" item every predicted event."""
    ps = kept(preds, threshold)
    g, p = gold_types(rec), pred_types(ps)
    out = [f"missed {t}" for t in sorted(g - p)] + [f"extra {t}" for t in sorted(p - g)]
    return out


# --- runner: newsgraph over the items ------------------------------------------------------------


def _sector(art: Any, ref: str) -> str | None:
    """The actor's sector, else its affiliation's."""
    a = art.actor(ref)
    if a is None:
        return None
    if a.sector:
        return str(a.sector)
    if a.affiliation and a.affiliation != ref:
        b = art.actor(a.affiliation)
        return str(b.sector) if b is not None and b.sector else None
    return None


def predictions(art: Any) -> list[Pred]:
    """The article's events as ``Pred`` records (first source actor; place looked up by id)."""
    from newsgraph.stages.events.args import country_of

    places = {p.id: p for p in art.places}
    out = []
    for e in art.events:
        where = e.trigger or e.evidence
        ref = e.source[0] if e.source else None
        place = places.get(e.place) if e.place else None
        out.append(Pred(
            plover=e.plover, cameo=str(e.cameo), confidence=1.0 if e.confidence is None else e.confidence,
            modality=e.modality, trigger_start=where.start,
            source_country=country_of(art, ref) if ref else None, source_sector=_sector(art, ref) if ref else None,
            has_source=ref is not None, date=e.date,
            place_name=place.name if place is not None else None,
            place_country=place.country if place is not None else None,
            source_name=(art.actor(ref).name if ref and art.actor(ref) is not None else None),
        ))
    return out


def run(recs: Sequence[dict[str, Any]]) -> list[list[Pred]]:
    """newsgraph (the pipeline of benchmarks/events.py, every event kept) over the records' texts,
    each with its pub_date as the publication date and its dateline read as the clean stage reads it."""
    from benchmarks.events import build_pipeline, run_articles
    from newsgraph.config import default_config

    pipe = build_pipeline(default_config().with_overrides(events__min_confidence=0.0))
    arts = run_articles(pipe, [r["text"] for r in recs], published=[r["pub_date"] for r in recs],
                        datelines=True)
    return [predictions(a) for a in arts]


def fmt(v: Any) -> str:
    """A score for a table: three decimals, or "-" where there is none."""
    return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def side_by_side(rows: Sequence[tuple[str, str, str]], width: int = 13) -> str:
    """(label, tune value, check value) rows as a two-column table."""
    w = max(len(label) for label, _t, _c in rows)
    lines = [f"{'metric':<{w}}  {'tune (60 %)':<{width}} check (40 %)", "-" * (w + width + 15)]
    lines += [f"{label:<{w}}  {t:<{width}} {c}" for label, t, c in rows]
    return "\n".join(lines)


ROWS: list[tuple[str, str]] = [
    ("items political / none", "items"),
    (f"type recall @{THRESHOLD} (statements as STATEMENT)", "recall"),
    (f"type precision @{THRESHOLD} (statements as STATEMENT)", "precision"),
    (f"type recall @{THRESHOLD}, no statements", "recall_no_statements"),
    (f"type precision @{THRESHOLD}, no statements", "precision_no_statements"),
    (f"false typed events per none item @{THRESHOLD}", "false_typed_per_none"),
    (f"false events (any, statements too) per none item @{THRESHOLD}", "false_any_per_none"),
    ("gold events matched by type", "matched"),
    ("matched: source present", "source_present"),
    ("matched: source country accuracy", "source_country"),
    ("matched: source sector accuracy", "source_sector"),
    ("matched: date accuracy", "date"),
    ("matched: place name accuracy", "place_name"),
    ("matched: place country accuracy", "place_country"),
]


def table(halves: dict[str, dict[str, Any]]) -> str:
    """The tune and check scores side by side."""
    def cell(h: str, key: str) -> str:
        return f"{halves[h]['political']} / {halves[h]['none']}" if key == "items" else fmt(halves[h][key])
    return side_by_side([(label, cell("tune", key), cell("check", key)) for label, key in ROWS])


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="event-notes benchmark")
    ap.add_argument("--limit", type=int, default=None, help="first N items of each half")
    ap.add_argument("--misses", choices=["tune", "check"], default=None,
                    help="list the tune half's misses (the check half's are never listed)")
    ap.add_argument("--arguments", choices=["tune", "check"], default=None,
                    help="list the tune half's wrong sources, dates and places of matched events")
    args = ap.parse_args(argv)
    if "check" in (args.misses, args.arguments):
        ap.error("the check half's misses are never printed: use tune")
    recs = load_notes()
    by_id = {r["id"]: r for r in recs}
    tune_ids, check_ids = split_ids(by_id)
    halves = {"tune": [by_id[i] for i in tune_ids][:args.limit], "check": [by_id[i] for i in check_ids][:args.limit]}
    if args.misses == "tune":
        half = sorted(halves["tune"], key=lambda r: r["id"])
        for rec, preds in zip(half, run(half)):
            wrong = misses(rec, preds)
            if wrong:
                shown = "; ".join(f"{p.plover or p.cameo}[{p.modality},{p.confidence:.2f}]" for p in preds)
                print(f"{rec['id']}\t{', '.join(wrong)}\t{rec['text']}\n\t=> {shown}")
        return
    if args.arguments == "tune":
        half = sorted(halves["tune"], key=lambda r: r["id"])
        for rec, preds in zip(half, run(half)):
            for line in argument_misses(rec, preds):
                print(f"{rec['id']}\t{line}\t{rec['text']}")
        return
    scores = {name: score(half, run(half)) for name, half in halves.items()}
    print(table(scores))


if __name__ == "__main__":
    main()
