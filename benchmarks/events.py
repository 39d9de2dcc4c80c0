"""Benchmark the events stage; prints one table.

- PLOVER GSR (../shared/gold/plover_gsr_cameo/PLOVER_GSR_CAMEO.txt): event-type accuracy and
  macro-F1 of the sentence's main event, (source country, type, target country) triple F1.
  Draft-0.5 labels are mapped to the 16 current types: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
  INVESTIGATE -> ACCUSE (CAMEO 09 is ACCUSE:investigate in PLOVER 0.8), FIGHT -> ASSAULT
  (CAMEO 19 is ASSAULT in 0.8); the others keep their names; DOCUMENT records are skipped.
- PETRARCH2 unit tests (../shared/gold/petrarch2_unittest) with their own verb, actor and agent
  dictionaries: share of records whose expected (source, target, code) codings are produced exactly.
- Triage: the GSR type recall and words/s with config nlp.triage true vs false.

Usage: python benchmarks/events.py [--limit N] [--skip-triage]
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# benchmarks/ holds modules named like stdlib ones (numbers.py): keep it off the import path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402

from newsgraph.config import default_config  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.stages.common import ACTOR_MENTIONS  # noqa: E402
from newsgraph.stages.events.args import country_of  # noqa: E402


def _helper(name: str) -> ModuleType:
    """Load a helper module of benchmarks/ by path (benchmarks/ is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod

GOLD = Path(os.environ.get("NEWSGRAPH_GOLD", Path(__file__).resolve().parents[1].parent / "shared" / "gold"))
LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: Old CAMEO country codes used by the GSR -> ISO 3166-1 alpha-3 (the CAMEO codebook's own crosswalk).
#: IMG/ISM (CAMEO's non-state "international militarized"/"Islamist" group codes) have no ISO3 equivalent.
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


class _Stub:
    """Stands in for a stage that cannot be imported yet (being written in parallel)."""

    def __init__(self, name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> None:
        self.name, self.requires, self.assigns = name, requires, assigns

    def __call__(self, article: Article) -> Article:
        return article


_STUB_SHAPES = {
    "actors": (("segments",), ("actors",)), "places": (("segments", "actors"), ("places",)),
    "dates": (("segments",), ("dates",)), "quotes": (("segments", "actors"), ("quotes", "attributions")),
}


def build_pipeline(cfg: Any) -> Pipeline:
    """The pipeline up to the events stage; stages that fail to import are stubbed."""
    from newsgraph.nlp import NlpStage
    from newsgraph.pipeline import _load_stage_class, _union_cues

    built: list[Any] = []
    for name in ("actors", "places", "dates", "quotes", "events"):
        try:
            built.append(_load_stage_class(name).from_config(cfg))
        except Exception:  # noqa: BLE001 - unfinished stage of another helper
            req, assigns = _STUB_SHAPES[name]
            built.append(_Stub(name, req, assigns))
    nlp = NlpStage(cfg.nlp.model, batch_size=cfg.nlp.batch_size, triage=cfg.nlp.triage,
                   max_sentence_tokens=cfg.nlp.max_sentence_tokens, cue_words=lambda: _union_cues(built))
    return Pipeline([nlp, *built], cfg)


def run_articles(p: Pipeline, texts: list[str], keep_segments: bool = False,
                 fallback: bool = False, published: list[str | None] | None = None) -> list[Article]:
    """Every stage over the texts; a stage that fails on an article is skipped for it (others are
    being written in parallel). Where the actors stage finds nothing, a benchmark-only fallback
    (spaCy entities) stands in so that the event coder can still be measured."""
    fill_actors = _helper("_fallback_actors").fill_actors

    dates = published or [None] * len(texts)
    arts = [Article(text=t, raw_text=t, published=d) for t, d in zip(texts, dates)]
    for stage in p.stages:
        if stage.name == "events" and fallback:
            for a in arts:
                if not a.scratch.get(ACTOR_MENTIONS):
                    fill_actors(a)
                    a.stats["fallback_actors"] = True
        t0 = time.perf_counter()
        runner = getattr(stage, "process_batch", None)
        if runner is not None:
            runner(arts)
        else:
            for a in arts:
                try:
                    stage(a)
                except Exception:  # noqa: BLE001 - other stages may be unfinished
                    a.stats.setdefault("failed_stages", []).append(stage.name)
        STAGE_SECONDS[stage.name] = STAGE_SECONDS.get(stage.name, 0.0) + time.perf_counter() - t0
    return arts


#: Seconds spent per stage by run_articles (reset by the callers that report it).
STAGE_SECONDS: dict[str, float] = {}


def run_triage(n_articles: int = 40) -> dict[str, Any]:
    """What triage costs and saves on real news (article bodies of the Scrapinghub benchmark):
    events found and nlp-stage words/s with and without triage. The events found without triage
    are the reference, so ``event_recall`` = matched events / events without triage."""
    gt = json.loads((GOLD / "scrapinghub_article_extraction_benchmark" / "ground-truth.json").read_text("utf-8"))
    texts = [v["articleBody"] for _k, v in sorted(gt.items()) if v.get("articleBody")][:n_articles]
    words = sum(len(t.split()) for t in texts)
    out: dict[str, Any] = {"articles": len(texts), "words": words}
    found: dict[bool, list[set[tuple[str, int, str]]]] = {}
    for triage in (False, True, False, True):  # second pass timed, first warms caches
        p = build_pipeline(default_config().with_overrides(nlp__triage=triage))
        STAGE_SECONDS.clear()
        t0 = time.perf_counter()
        arts = run_articles(p, texts)
        total = time.perf_counter() - t0
        found[triage] = [{(e.plover, e.trigger.start if e.trigger else -1, ",".join(e.source)) for e in a.events}
                         for a in arts]
        key = "on" if triage else "off"
        out[f"nlp_wps_{key}"] = words / STAGE_SECONDS.get("nlp", total)
        out[f"wps_{key}"] = words / total
        out[f"parsed_{key}"] = sum(a.stats.get("parsed_sentences", 0) for a in arts) / max(
            1, sum(a.stats.get("sentences", 0) for a in arts))
        out[f"events_{key}"] = sum(len(x) for x in found[triage])
    ref = sum(len(x) for x in found[False])
    kept = sum(len(a & b) for a, b in zip(found[False], found[True]))
    out["event_recall"] = kept / ref if ref else 1.0
    return out


def _gsr_records(limit: int | None, stride: int = 1) -> list[dict[str, Any]]:
    data = json.loads((GOLD / "plover_gsr_cameo" / "PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    recs = [r for r in data if r.get("event") and r["event"] != "DOCUMENT" and r.get("text")][::stride]
    return recs[:limit] if limit else recs


def _codes(side: Any) -> list[str | None]:
    if not side:
        return [None]
    if isinstance(side, dict):
        side = [side]
    out: list[str | None] = []
    for a in side:
        if isinstance(a, dict):
            code = (a.get("code") or "").upper() or None
            out.append(CAMEO_TO_ISO3.get(code, code) if code else None)
    return out or [None]


def _main_event(art: Article, event_text: str) -> Any:
    words = [w.lower() for w in event_text.replace("'", " ").split()]
    for ev in art.events:
        t = (ev.trigger.text if ev.trigger else "").lower().split()
        if any(w[:4] == tw[:4] for w in words for tw in t if len(w) >= 3):
            return ev
    asserted = [e for e in art.events if e.modality == "asserted"]
    pool = asserted or art.events
    return pool[0] if pool else None


def _pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def _code_of(art: Article, ref: str, ngo_as_igo: bool = True) -> str | None:
    """The GSR's actor code: ISO3 country, else "IGO" for international organisations. The GSR codes
    country-less international NGOs as IGO too (Red Cross, Amnesty International) and keeps NGO for
    national groups, which have a country here; so an NGO without a country scores as IGO."""
    cc = country_of(art, ref)
    if cc:
        return cc
    actor = art.actor(ref)
    if actor is not None and actor.sector in {"IGO", "NGO"}:
        return "IGO" if ngo_as_igo or actor.sector == "IGO" else "NGO"
    return None


def _stateless_ngo(art: Article, ref: str) -> bool:
    actor = art.actor(ref)
    return actor is not None and actor.sector == "NGO" and country_of(art, ref) is None


def _triples(art: Article, e: Any, ngo_as_igo: bool = True) -> set[tuple[str | None, str, str | None]]:
    """(source, type, target) country triples of an event (no target actor: a null target)."""
    srcs = [_code_of(art, r, ngo_as_igo) for r in e.source] or [None]
    tgts = [_code_of(art, r, ngo_as_igo) for r in e.target] or [None]
    return {(s, e.plover, t) for s in srcs for t in tgts}


def run_gsr(limit: int | None = None, triage: bool = True, stride: int = 1,
            fallback: bool = False) -> dict[str, Any]:
    """GSR scores; ``stride`` takes every n-th record (the file is grouped by type); ``fallback``
    lets the benchmark-only entity fallback stand in where the actors stage finds nothing."""
    recs = _gsr_records(limit, stride)
    cfg = default_config().with_overrides(nlp__triage=triage)
    p = build_pipeline(cfg)
    texts = [r["text"] for r in recs]
    run_articles(p, ["Russia attacked Ukraine in Syria on Monday, Reuters reports."])  # load lazy resources
    t0 = time.perf_counter()
    arts = run_articles(p, texts, fallback=fallback)
    secs = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    correct = 0
    found_any = 0
    per: dict[str, Counter[str]] = {}
    tp = fp = fn = atp = afp = afn = ntp = nfp = nfn = 0
    ngo_gold: Counter[str] = Counter()  # gold code where we have an NGO without a country (crosswalk check)
    for rec, art in zip(recs, arts):
        gold = LABELS.get(rec["event"], rec["event"])
        ev = _main_event(art, rec.get("eventText", ""))
        pred = ev.plover if ev is not None else "NONE"
        correct += pred == gold
        found_any += any(e.plover == gold for e in art.events)
        per.setdefault(gold, Counter())["tp" if pred == gold else "fn"] += 1
        if pred != gold:
            per.setdefault(pred, Counter())["fp"] += 1
        gold_t = {(s, gold, t) for s in _codes(rec.get("source")) for t in _codes(rec.get("target"))}
        pred_all: set[tuple[str | None, str, str | None]] = set()
        for e in art.events:
            if e.modality != "negated":
                pred_all |= _triples(art, e)
        pred_t = _triples(art, ev) if ev is not None else set()
        if ev is not None:
            for refs, side in ((ev.source, "source"), (ev.target, "target")):
                if any(_stateless_ngo(art, r) for r in refs):
                    codes = set(_codes(rec.get(side)))
                    ngo_gold["IGO" if "IGO" in codes else "NGO" if "NGO" in codes else "other"] += 1
        raw_t = _triples(art, ev, ngo_as_igo=False) if ev is not None else set()
        ntp += len(gold_t & raw_t)
        nfp += len(raw_t - gold_t)
        nfn += len(gold_t - raw_t)
        tp += len(gold_t & pred_t)
        fp += len(pred_t - gold_t)
        fn += len(gold_t - pred_t)
        atp += len(gold_t & pred_all)
        afp += len(pred_all - gold_t)
        afn += len(gold_t - pred_all)
    f1s = []
    for label, c in per.items():
        if label == "NONE":
            continue
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rec_ = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1s.append(2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0)
    tprec, trec = _pr(tp, fp, fn)
    aprec, arec = _pr(atp, afp, afn)
    nprec, nrec = _pr(ntp, nfp, nfn)
    return {
        "n": len(recs),
        "accuracy": correct / len(recs) if recs else 0.0,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "triple_p": tprec, "triple_r": trec,
        "triple_f1": 2 * tprec * trec / (tprec + trec) if tprec + trec else 0.0,
        "all_triple_f1": 2 * aprec * arec / (aprec + arec) if aprec + arec else 0.0,
        "triple_f1_no_crosswalk": 2 * nprec * nrec / (nprec + nrec) if nprec + nrec else 0.0,
        "ngo_gold": dict(ngo_gold),
        "type_recall": found_any / len(recs) if recs else 0.0,
        "words_per_s": words / secs if secs else 0.0,
        "fallback_actors": sum(1 for a in arts if a.stats.get("fallback_actors")),
    }


def run_petrarch(limit: int | None = None) -> dict[str, Any]:
    mod = _helper("_petrarch")
    return mod.run_petrarch_tests(GOLD / "petrarch2_unittest", limit, build_pipeline, run_articles)  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description="events benchmark")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--skip-triage", action="store_true")
    args = ap.parse_args()
    rows: list[tuple[str, str, str]] = []
    g = run_gsr(args.limit, triage=True)
    rows += [
        ("PLOVER GSR", "records", str(g["n"])),
        ("PLOVER GSR", "event-type accuracy (target 0.85)", f"{g['accuracy']:.3f}"),
        ("PLOVER GSR", "event-type macro-F1", f"{g['macro_f1']:.3f}"),
        ("PLOVER GSR", "triple P / R, main event", f"{g['triple_p']:.3f} / {g['triple_r']:.3f}"),
        ("PLOVER GSR", "triple F1, main event (target 0.70)", f"{g['triple_f1']:.3f}"),
        ("PLOVER GSR", "triple F1, all non-negated events", f"{g['all_triple_f1']:.3f}"),
        ("PLOVER GSR", "triple F1, main event, NGO scored as NGO", f"{g['triple_f1_no_crosswalk']:.3f}"),
        ("PLOVER GSR", "stateless NGO sides: gold IGO / NGO / other",
         " / ".join(str(g["ngo_gold"].get(k, 0)) for k in ("IGO", "NGO", "other"))),
        ("PLOVER GSR", "articles on fallback actors", str(g["fallback_actors"])),
    ]
    if not args.skip_triage:
        n = run_gsr(args.limit, triage=False)
        t = run_triage(args.limit or 40)
        rows += [
            ("triage (GSR)", "type recall with / without triage", f"{g['type_recall']:.3f} / {n['type_recall']:.3f}"),
            ("triage (GSR)", "triple F1 with / without triage", f"{g['triple_f1']:.3f} / {n['triple_f1']:.3f}"),
            ("triage (news)", "articles / words", f"{t['articles']} / {t['words']}"),
            ("triage (news)", "sentences parsed with / without", f"{t['parsed_on']:.3f} / {t['parsed_off']:.3f}"),
            ("triage (news)", "events with / without", f"{t['events_on']} / {t['events_off']}"),
            ("triage (news)", "event recall kept by triage", f"{t['event_recall']:.3f}"),
            ("triage (news)", "nlp stage words/s with / without", f"{t['nlp_wps_on']:.0f} / {t['nlp_wps_off']:.0f}"),
            ("triage (news)", "pipeline words/s with / without", f"{t['wps_on']:.0f} / {t['wps_off']:.0f}"),
        ]
    try:
        pt = run_petrarch(args.limit)
        rows += [
            ("PETRARCH2 unit tests", "records", str(pt["n"])),
            ("PETRARCH2 unit tests", "coded exactly (target 0.80)", f"{pt['exact']:.3f}"),
            ("PETRARCH2 unit tests", "codings recall", f"{pt['coding_recall']:.3f}"),
        ]
    except (ImportError, OSError) as exc:
        rows.append(("PETRARCH2 unit tests", "not run", type(exc).__name__))
    w = max(len(r[1]) for r in rows)
    print(f"{'set':<22} {'metric':<{w}} value")
    print("-" * (w + 36))
    for s, m, v in rows:
        print(f"{s:<22} {m:<{w}} {v}")


if __name__ == "__main__":
    main()
