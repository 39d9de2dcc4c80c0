"""The CAMEO sentences set: 240 single sentences of ordinary political news, written and hand-coded
for this benchmark, each with its main event (source actor, CAMEO code, target actor) or none. Data:
``benchmarks/notes/cameo_sentences.jsonl``; how it was written and the coding conventions:
``benchmarks/notes/CAMEO_SENTENCES.md``.

The ids are split once with the rule of ``benchmarks.events_notes`` (``split_ids``: fixed seed,
60 % tune, 40 % check). Both halves are printed side by side; misses and the root confusion are
listed for the tune half only (``--misses tune``, ``--confusion tune``), never for the check half.

The predicted main event of a sentence (``main_event``): the non-negated event at confidence >=
``THRESHOLD`` with the highest confidence (ties: the earliest trigger). Its root is the first two
digits of its CAMEO code; a sentence without one has the root ``none``, as has a gold sentence whose
``main`` is null. Scores (``score``):

- root accuracy over all sentences, and over the sentences with a gold event;
- root-01 recall: gold 01 (public statement) sentences whose predicted main root is 01;
- (source country, root, target country) accuracy over the sentences with a gold event;
- false events per no-event sentence: the non-negated predicted events at the threshold.

``--actors tune`` lists, for the tune sentences whose predicted main root is the gold root but whose
source or target country is wrong, the gold actor (text, country, sector), the predicted one (id,
name, country, sector) and what the actors stage made of the gold actor's words (the actor with a
mention over them), to tell an actor fault from a choice of the events stage.

Usage: python -m benchmarks.events_cameo [--limit N] [--misses tune] [--confusion tune] [--actors tune]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.events_notes import THRESHOLD, Pred, fmt, load_notes, predictions, side_by_side, split_ids

HERE = Path(__file__).resolve().parent
DATA = HERE / "notes" / "cameo_sentences.jsonl"
#: The root of a sentence without an event (gold or predicted).
NONE = "none"


# --- pure functions: loading, main event, scoring -------------------------------------------------


def load(path: Path = DATA) -> list[dict[str, Any]]:
    """The records of the data file, in file order."""
    return load_notes(path)


@dataclass(frozen=True)
class Main:
    """A sentence's main event, reduced to what is scored."""
    root: str
    source_country: str | None = None
    target_country: str | None = None
    cameo: str | None = None


def root_of(cameo: str | None) -> str:
    """The CAMEO root (first two digits), ``none`` for no code."""
    return cameo[:2] if cameo else NONE


def gold_main(rec: dict[str, Any]) -> Main:
    """The record's gold main event (root ``none`` when ``main`` is null)."""
    m = rec["main"]
    if m is None:
        return Main(NONE)
    src, tgt = m["source"], m["target"]
    return Main(root_of(m["cameo"]), src["country"] if src else None, tgt["country"] if tgt else None, m["cameo"])


def main_event(preds: Sequence[tuple[Pred, str | None]], threshold: float = THRESHOLD) -> Main:
    """The predicted main event: the non-negated event at ``threshold`` or above with the highest
    confidence, ties to the earliest trigger; each prediction comes with its target's country."""
    live = [(p, t) for p, t in preds if p.modality != "negated" and p.confidence >= threshold]
    if not live:
        return Main(NONE)
    p, tgt = min(live, key=lambda pt: (-pt[0].confidence, pt[0].trigger_start))
    return Main(root_of(p.cameo), p.source_country, tgt, p.cameo)


def false_events(preds: Sequence[tuple[Pred, str | None]], threshold: float = THRESHOLD) -> int:
    """The non-negated predicted events at ``threshold`` or above."""
    return sum(1 for p, _t in preds if p.modality != "negated" and p.confidence >= threshold)


def _ratio(c: Counter[str], hit: str, n: str) -> float | None:
    return c[hit] / c[n] if c[n] else None


def score(recs: Sequence[dict[str, Any]], preds: Sequence[Sequence[tuple[Pred, str | None]]],
          threshold: float = THRESHOLD) -> dict[str, Any]:
    """Every score of a set of records and their predicted events (see the module doc)."""
    c: Counter[str] = Counter()
    for rec, ps in zip(recs, preds):
        g, p = gold_main(rec), main_event(ps, threshold)
        c["n"] += 1
        c["root_ok"] += g.root == p.root
        if g.root == NONE:
            c["none_n"] += 1
            c["none_false"] += false_events(ps, threshold)
            continue
        c["ev_n"] += 1
        c["ev_root_ok"] += g.root == p.root
        c["triple_ok"] += (g.source_country, g.root, g.target_country) == (p.source_country, p.root, p.target_country)
        if g.root == "01":
            c["st_n"] += 1
            c["st_ok"] += p.root == "01"
    return {
        "sentences": c["n"], "events": c["ev_n"], "none": c["none_n"],
        "root_all": _ratio(c, "root_ok", "n"), "root_events": _ratio(c, "ev_root_ok", "ev_n"),
        "recall_01": _ratio(c, "st_ok", "st_n"), "triple": _ratio(c, "triple_ok", "ev_n"),
        "false_per_none": _ratio(c, "none_false", "none_n"), "counts": dict(c),
    }


def confusion(recs: Sequence[dict[str, Any]], preds: Sequence[Sequence[tuple[Pred, str | None]]],
              threshold: float = THRESHOLD) -> Counter[tuple[str, str]]:
    """(gold root, predicted main root) counts."""
    return Counter((gold_main(r).root, main_event(ps, threshold).root) for r, ps in zip(recs, preds))


def confusion_table(counts: Counter[tuple[str, str]]) -> str:
    """The confusion as a small table: one row per gold root, one column per predicted root."""
    gold = sorted({g for g, _p in counts})
    pred = sorted({p for _g, p in counts})
    w = max(4, *(len(p) for p in pred))
    lines = ["gold\\pred " + " ".join(f"{p:>{w}}" for p in pred)]
    for g in gold:
        lines.append(f"{g:<9} " + " ".join(f"{counts[(g, p)] or '.':>{w}}" for p in pred))
    return "\n".join(lines)


def miss_line(rec: dict[str, Any], preds: Sequence[tuple[Pred, str | None]], threshold: float = THRESHOLD) -> str | None:
    """One line for a record whose predicted main event is wrong (root or triple); None when right."""
    g, p = gold_main(rec), main_event(preds, threshold)
    if g.root == p.root == NONE:
        return None
    if (g.root, g.source_country, g.target_country) == (p.root, p.source_country, p.target_country):
        return None
    return (f"{rec['id']}\tgold {g.cameo or NONE} {g.source_country}->{g.target_country}"
            f"\tgot {p.cameo or NONE} {p.source_country}->{p.target_country}\t{rec['text']}")


# --- runner: newsgraph over the sentences ---------------------------------------------------------


def run_articles_of(recs: Sequence[dict[str, Any]]) -> list[Any]:
    """newsgraph as ``benchmarks.events_notes.run`` runs it (the pipeline of benchmarks/events.py,
    every event kept, each record's pub_date as the publication date): the articles."""
    from benchmarks.events import build_pipeline, run_articles
    from newsgraph.config import default_config

    pipe = build_pipeline(default_config().with_overrides(events__min_confidence=0.0))
    return run_articles(pipe, [r["text"] for r in recs], published=[r["pub_date"] for r in recs],
                        datelines=True)


def preds_of(art: Any) -> list[tuple[Pred, str | None]]:
    """Each event's ``Pred`` (the notes set's ``predictions``) with its first target's country."""
    from newsgraph.stages.events.args import country_of

    targets = [country_of(art, e.target[0]) if e.target else None for e in art.events]
    return list(zip(predictions(art), targets))


def run(recs: Sequence[dict[str, Any]]) -> list[list[tuple[Pred, str | None]]]:
    """Each record's events as ``preds_of`` gives them."""
    return [preds_of(art) for art in run_articles_of(recs)]


def _actor_desc(art: Any, ref: str | None) -> str:
    from newsgraph.stages.events.args import country_of

    if ref is None:
        return "[]"
    a = art.actor(ref)
    if a is None:
        return f"{ref}(?)"
    return f"{ref} '{a.name}' {country_of(art, ref) or '-'}.{a.sector or '-'}"


def _stage_reading(art: Any, span: dict[str, Any] | None) -> str:
    """What the actors stage made of a gold actor's words: the actors with a mention over them."""
    if span is None:
        return "-"
    start = art.text.find(span["text"])
    if start < 0:
        return "?"
    end = start + len(span["text"])
    hits = [_actor_desc(art, a.id) + f" via {m.via} '{m.text}'"
            for a in art.actors for m in a.mentions if m.start < end and start < m.end]
    return "; ".join(hits) or "none"


def _gold_desc(span: dict[str, Any] | None) -> str:
    return "[]" if span is None else f"'{span['text']}' {span['country'] or '-'}.{span['sector'] or '-'}"


def actor_lines(rec: dict[str, Any], art: Any, threshold: float = THRESHOLD) -> list[str]:
    """The tune diagnostic of one record (``--actors tune``): nothing when the predicted main root
    differs from the gold root or the countries are right; else one line per wrong side."""
    preds = preds_of(art)
    g, p = gold_main(rec), main_event(preds, threshold)
    if g.root == NONE or g.root != p.root:
        return []
    live = [(e, pr) for e, (pr, _t) in zip(art.events, preds)
            if pr.modality != "negated" and pr.confidence >= threshold]
    ev = min(live, key=lambda ep: (-ep[1].confidence, ep[1].trigger_start))[0]
    out = []
    for side, gold_c, pred_c, refs in (("SRC", g.source_country, p.source_country, ev.source),
                                       ("TGT", g.target_country, p.target_country, ev.target)):
        if gold_c == pred_c:
            continue
        span = rec["main"]["source" if side == "SRC" else "target"]
        out.append(f"{rec['id']}\t{side} {g.cameo} gold {_gold_desc(span)}\tgot {_actor_desc(art, refs[0] if refs else None)}"
                   f"\tstage read gold words as: {_stage_reading(art, span)}\t{rec['text']}")
    return out


ROWS: list[tuple[str, str]] = [
    ("sentences (with event / none)", "items"),
    (f"root accuracy, all sentences @{THRESHOLD}", "root_all"),
    ("root accuracy, sentences with a gold event", "root_events"),
    ("root-01 recall (gold 01 -> predicted 01)", "recall_01"),
    ("(source country, root, target country) accuracy", "triple"),
    ("false events per no-event sentence", "false_per_none"),
]


def table(halves: dict[str, dict[str, Any]]) -> str:
    """The tune and check scores side by side."""
    def cell(h: str, key: str) -> str:
        if key == "items":
            return f"{halves[h]['sentences']} ({halves[h]['events']} / {halves[h]['none']})"
        return fmt(halves[h][key])
    return side_by_side([(label, cell("tune", key), cell("check", key)) for label, key in ROWS], width=15)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="CAMEO sentences benchmark (main event per sentence)")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences of each half")
    ap.add_argument("--misses", choices=["tune", "check"], default=None,
                    help="list the tune half's misses (the check half's are never listed)")
    ap.add_argument("--confusion", choices=["tune", "check"], default=None,
                    help="the tune half's root confusion (gold root -> predicted root)")
    ap.add_argument("--actors", choices=["tune", "check"], default=None,
                    help="the tune half's wrong source/target countries where the root is right")
    args = ap.parse_args(argv)
    if "check" in (args.misses, args.confusion, args.actors):
        ap.error("the check half's misses are never printed: use tune")
    recs = load()
    by_id = {r["id"]: r for r in recs}
    tune_ids, check_ids = split_ids(by_id)
    halves = {"tune": [by_id[i] for i in tune_ids][:args.limit], "check": [by_id[i] for i in check_ids][:args.limit]}
    if args.actors:
        half = sorted(halves["tune"], key=lambda r: r["id"])
        for rec, art in zip(half, run_articles_of(half)):
            for line in actor_lines(rec, art):
                print(line)
        return
    if args.misses or args.confusion:
        half = sorted(halves["tune"], key=lambda r: r["id"])
        preds = run(half)
        if args.confusion:
            print(confusion_table(confusion(half, preds)))
        if args.misses:
            for rec, ps in zip(half, preds):
                line = miss_line(rec, ps)
                if line:
                    print(line)
        return
    scores = {name: score(half, run(half)) for name, half in halves.items()}
    print(table(scores))


if __name__ == "__main__":
    main()
