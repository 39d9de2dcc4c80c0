"""Benchmark the events stage; prints one table.

- PLOVER GSR (../shared/gold/plover_gsr_cameo/PLOVER_GSR_CAMEO.txt): event-type accuracy and
  macro-F1 of the sentence's main event, (source country, type, target country) triple F1.
  Draft-0.5 labels are mapped to the 16 current types: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
  INVESTIGATE -> ACCUSE (CAMEO 09 is ACCUSE:investigate in PLOVER 0.8), FIGHT -> ASSAULT
  (CAMEO 19 is ASSAULT in 0.8); the others keep their names; DOCUMENT records are skipped.
- PETRARCH2 unit tests (../shared/gold/petrarch2_unittest) with their own verb, actor and agent
  dictionaries: share of records whose expected (source, target, code) codings are produced exactly.
- Triage: the GSR type recall and words/s with config nlp.triage true vs false.

- CASE 2021 task 2 (../shared/gold/case2021_task2_event_types): per snippet, does an event of the
  PLOVER type(s) its ACLED-style sub-type maps to come out (``CASE_TO_PLOVER``, the crosswalk written
  from the PLOVER manual, docs/events.md); recall and precision over political types, and events per
  snippet on disaster and crime snippets (no political event).

Every dev set is split once by a fixed seed (``SEED``) into a tune half (60 %) and a check half (40 %);
both are printed side by side. Misses are read in the tune half only; the check half is the result.
Events are scored at the default confidence threshold (``THRESHOLD``, config ``events.min_confidence``)
and, for context, with every event (threshold 0).

Usage: python benchmarks/events.py [--limit N] [--skip-triage] [--misses]  (--misses: the tune halves' misses only)
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
import random  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any, TypeVar  # noqa: E402

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

#: Seed and tune share of the one fixed split of every dev set.
SEED = 14
TUNE_SHARE = 0.6
#: Default confidence threshold (config events.min_confidence).
THRESHOLD = 0.5
#: CASE 2021 task 2 sub-type -> the PLOVER types an event of that snippet may have (crosswalk from the
#: PLOVER manual, docs/events.md); an empty set: no political event (disasters, crime). OTHER is not scored.
CASE_TO_PLOVER: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "ABDUCT_DISSAP": {"ASSAULT"}, "AIR_STRIKE": {"ASSAULT"}, "ARMED_CLASH": {"ASSAULT"},
    "ART_MISS_ATTACK": {"ASSAULT"}, "ATTACK": {"ASSAULT"}, "CHEM_WEAP": {"ASSAULT"}, "GRENADE": {"ASSAULT"},
    "REM_EXPLOS": {"ASSAULT"}, "SEX_VIOL": {"ASSAULT"}, "SUIC_BOMB": {"ASSAULT"},
    "GOV_REGAINS_TERIT": {"ASSAULT", "RETREAT"}, "NON_STATE_ACTOR_OVERTAKES_TER": {"ASSAULT", "RETREAT"},
    "MOB_VIOL": {"ASSAULT", "PROTEST"}, "DISR_WEAP": {"ASSAULT", "COERCE"},
    "PROPERTY_DISTRUCT": {"ASSAULT", "COERCE", "PROTEST"},
    "ARREST": {"COERCE"}, "FORCE_AGAINST_PROTEST": {"COERCE", "ASSAULT", "PROTEST"},
    "PEACE_PROTEST": {"PROTEST"}, "PROTEST_WITH_INTER": {"PROTEST", "COERCE", "ASSAULT"},
    "VIOL_DEMONSTR": {"PROTEST", "ASSAULT", "COERCE"},
    "AGREEMENT": {"AGREE", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT"},
    "NON_VIOL_TERRIT_TRANSFER": {"RETREAT", "CONCEDE", "COERCE", "MOBILIZE"},
    "HQ_ESTABLISHED": {"MOBILIZE", "COERCE"}, "CHANGE_TO_GROUP_ACT": {"MOBILIZE", "COERCE", "CONCEDE", "RETREAT"},
    "DIPLO": {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT", "SANCTION",
              "THREATEN", "CONCEDE"},
    # an attribution is a claim (the act), a blame (ACCUSE) or a denial of one (REJECT: "all rejections")
    "ATTRIB": {"ACCUSE", "ASSAULT", "REJECT"},
    "ORG_CRIME": set(), "NATURAL_DISASTER": set(), "MAN_MADE_DISASTER": set(),
}.items()}
T = TypeVar("T")


def split(items: Sequence[T], key: Any = None) -> tuple[list[T], list[T]]:
    """The fixed split of a dev set: (tune 60 %, check 40 %), by ``SEED`` over the items' order."""
    order = list(range(len(items)))
    random.Random(SEED).shuffle(order)
    cut = round(len(items) * TUNE_SHARE)
    tune = set(order[:cut])
    return [x for i, x in enumerate(items) if i in tune], [x for i, x in enumerate(items) if i not in tune]


GOLD = Path(os.environ.get("NEWSGRAPH_GOLD", Path(__file__).resolve().parents[1].parent / "shared" / "gold"))
LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: Old CAMEO country codes used by the GSR -> ISO 3166-1 alpha-3 (the CAMEO codebook's own crosswalk).
#: IMG/ISM (CAMEO's non-state "international militarized"/"Islamist" group codes) have no ISO3 equivalent.
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def build_pipeline(cfg: Any) -> Pipeline:
    """The pipeline up to the events stage (no quantities, provenance or clean stage)."""
    from newsgraph.nlp import NlpStage
    from newsgraph.stages import stage_class, union_cues

    built = [stage_class(name).from_config(cfg) for name in ("actors", "places", "dates", "quotes", "events")]
    nlp = NlpStage(cfg.nlp.model, batch_size=cfg.nlp.batch_size, triage=cfg.nlp.triage,
                   max_sentence_tokens=cfg.nlp.max_sentence_tokens, cue_words=lambda: union_cues(built))
    return Pipeline([nlp, *built], cfg)


def run_articles(p: Pipeline, texts: list[str], keep_segments: bool = False,
                 fallback: bool = False, published: list[str | None] | None = None,
                 datelines: bool = False) -> list[Article]:
    """Every stage over the texts; a stage that fails on an article is skipped for it (others are
    being written in parallel). Where the actors stage finds nothing, a benchmark-only fallback
    (spaCy entities) stands in so that the event coder can still be measured. ``datelines``: read
    each text's dateline as the clean stage does ("HARARE (Reuters) -")."""
    from newsgraph.clean import parse_dateline

    fill_actors = _helper("_fallback_actors").fill_actors

    dates = published or [None] * len(texts)
    arts = [Article(text=t, raw_text=t, published=d, dateline=parse_dateline(t) if datelines else None)
            for t, d in zip(texts, dates)]
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
        found[triage] = [{(e.plover or "", e.trigger.start if e.trigger else -1, ",".join(e.source)) for e in a.events}
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
    """The event of the sentence's gold trigger words, else the first asserted one; statements
    (no PLOVER type) are never the main event of a PLOVER-coded sentence."""
    words = [w.lower() for w in event_text.replace("'", " ").split()]
    events = [e for e in art.events if e.plover]
    for ev in events:
        t = (ev.trigger.text if ev.trigger else "").lower().split()
        if any(w[:4] == tw[:4] for w in words for tw in t if len(w) >= 3):
            return ev
    asserted = [e for e in events if e.modality == "asserted"]
    pool = asserted or events
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


def _kept(art: Article, threshold: float) -> list[Any]:
    """The events of ``art`` at or above the confidence threshold (no confidence: kept)."""
    return [e for e in art.events if e.confidence is None or e.confidence >= threshold]


def _scored_view(art: Article, threshold: float) -> Article:
    """``art`` with only the events at or above the threshold (a shallow copy)."""
    view = art.model_copy()
    view.events = _kept(art, threshold)
    return view


def _gsr_pipeline(triage: bool) -> Pipeline:
    cfg = default_config().with_overrides(nlp__triage=triage, events__min_confidence=0.0)
    return build_pipeline(cfg)


def run_gsr(limit: int | None = None, triage: bool = True, stride: int = 1,
            fallback: bool = False, threshold: float = THRESHOLD) -> dict[str, Any]:
    """GSR scores; ``stride`` takes every n-th record (the file is grouped by type); ``fallback``
    lets the benchmark-only entity fallback stand in where the actors stage finds nothing."""
    recs = _gsr_records(limit, stride)
    p = _gsr_pipeline(triage)
    texts = [r["text"] for r in recs]
    run_articles(p, ["Russia attacked Ukraine in Syria on Monday, Reuters reports."])  # load lazy resources
    t0 = time.perf_counter()
    arts = run_articles(p, texts, fallback=fallback)
    secs = time.perf_counter() - t0
    out = score_gsr(recs, [_scored_view(a, threshold) for a in arts])
    out["words_per_s"] = sum(len(t.split()) for t in texts) / secs if secs else 0.0
    out["fallback_actors"] = sum(1 for a in arts if a.stats.get("fallback_actors"))
    return out


def run_gsr_halves(limit: int | None = None) -> dict[tuple[str, float], dict[str, Any]]:
    """GSR scores of the tune and check halves, at the default threshold and with every event."""
    recs = _gsr_records(limit)
    arts = run_articles(_gsr_pipeline(True), [r["text"] for r in recs])
    pairs = list(zip(recs, arts))
    out: dict[tuple[str, float], dict[str, Any]] = {}
    for name, half in zip(("tune", "check"), split(pairs)):
        for threshold in (THRESHOLD, 0.0):
            out[(name, threshold)] = score_gsr([r for r, _a in half], [_scored_view(a, threshold) for _r, a in half])
    return out


def score_gsr(recs: list[dict[str, Any]], arts: list[Article]) -> dict[str, Any]:
    """Type accuracy, macro-F1, triple P/R/F1 of the main event (and of all events) over ``recs``."""
    correct = found_any = predicted = 0
    per: dict[str, Counter[str]] = {}
    main, every, raw = Counter[str](), Counter[str](), Counter[str]()
    ngo_gold: Counter[str] = Counter()  # gold code where we have an NGO without a country (crosswalk check)
    for rec, art in zip(recs, arts):
        gold = LABELS.get(rec["event"], rec["event"])
        ev = _main_event(art, rec.get("eventText", ""))
        pred = (ev.plover or "NONE") if ev is not None else "NONE"
        predicted += pred != "NONE"
        correct += pred == gold
        found_any += any(e.plover == gold for e in art.events)
        per.setdefault(gold, Counter())["tp" if pred == gold else "fn"] += 1
        if pred != gold:
            per.setdefault(pred, Counter())["fp"] += 1
        gold_t = {(s, gold, t) for s in _codes(rec.get("source")) for t in _codes(rec.get("target"))}
        pred_all: set[tuple[str | None, str, str | None]] = set()
        for e in art.events:
            if e.modality != "negated" and e.plover:
                pred_all |= _triples(art, e)
        if ev is not None:
            for refs, side in ((ev.source, "source"), (ev.target, "target")):
                if any(_stateless_ngo(art, r) for r in refs):
                    codes = set(_codes(rec.get(side)))
                    ngo_gold["IGO" if "IGO" in codes else "NGO" if "NGO" in codes else "other"] += 1
        _count(main, gold_t, _triples(art, ev) if ev is not None and ev.plover else set())
        _count(raw, gold_t, _triples(art, ev, ngo_as_igo=False) if ev is not None and ev.plover else set())
        _count(every, gold_t, pred_all)
    f1s = []
    for label, c in per.items():
        if label == "NONE":
            continue
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rec_ = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1s.append(2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0)
    n = len(recs)
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "type_precision": correct / predicted if predicted else 0.0,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "triple_p": _pr(main["tp"], main["fp"], main["fn"])[0],
        "triple_r": _pr(main["tp"], main["fp"], main["fn"])[1],
        "triple_f1": _f1(main), "all_triple_f1": _f1(every), "triple_f1_no_crosswalk": _f1(raw),
        "ngo_gold": dict(ngo_gold),
        "type_recall": found_any / n if n else 0.0,
    }


def _count(c: Counter[str], gold: set[Any], pred: set[Any]) -> None:
    c["tp"] += len(gold & pred)
    c["fp"] += len(pred - gold)
    c["fn"] += len(gold - pred)


def _f1(c: Counter[str]) -> float:
    p, r = _pr(c["tp"], c["fp"], c["fn"])
    return 2 * p * r / (p + r) if p + r else 0.0


def _case_records(limit: int | None) -> list[dict[str, str]]:
    path = GOLD / "case2021_task2_event_types" / "test_set_final_release_with_labels.tsv"
    rows = []
    for line in path.read_text("utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2].strip() in CASE_TO_PLOVER:
            rows.append({"id": parts[0], "text": parts[1].strip(), "type": parts[2].strip()})
    return rows[:limit] if limit else rows


def score_case(recs: list[dict[str, str]], arts: list[Article]) -> dict[str, Any]:
    """CASE scores. Recall: share of political snippets with an event of a crosswalked type.
    Precision: share of the snippets with any PLOVER event (political or not) that have one of a
    crosswalked type (the gold names one type per snippet, so a second, different event in the same
    snippet is not counted wrong). Pair precision (stricter, context): share of the (snippet, type)
    pairs output on political snippets whose type the crosswalk allows. Events per snippet on the
    non-political (disaster, crime) snippets."""
    hit = political = tp = fp = other_events = other = claimed = right = 0
    by_type: dict[str, Counter[str]] = {}
    for rec, art in zip(recs, arts):
        allowed = CASE_TO_PLOVER[rec["type"]]
        types = {e.plover for e in art.events if e.plover and e.modality != "negated"}
        c = by_type.setdefault(rec["type"], Counter())
        if types:  # snippet precision: a snippet with events has one of its type
            claimed += 1
            right += bool(types & allowed)
        if not allowed:
            other += 1
            other_events += sum(1 for e in art.events if e.plover)
            c["events"] += sum(1 for e in art.events if e.plover)
            c["n"] += 1
            continue
        political += 1
        ok = bool(types & allowed)
        hit += ok
        tp += len(types & allowed)
        fp += len(types - allowed)
        c["n"] += 1
        c["hit"] += ok
    return {
        "n": len(recs), "political": political,
        "recall": hit / political if political else 0.0,
        "precision": right / claimed if claimed else 0.0,
        "pair_precision": tp / (tp + fp) if tp + fp else 0.0,
        "other": other, "other_events_per_snippet": other_events / other if other else 0.0,
        "by_type": by_type,
    }


def run_case_halves(limit: int | None = None) -> dict[tuple[str, float], dict[str, Any]]:
    """CASE 2021 task 2 scores of the tune and check halves, at the default threshold and with every event."""
    recs = _case_records(limit)
    arts = run_articles(_gsr_pipeline(True), [r["text"] for r in recs])
    pairs = list(zip(recs, arts))
    out: dict[tuple[str, float], dict[str, Any]] = {}
    for name, half in zip(("tune", "check"), split(pairs)):
        for threshold in (THRESHOLD, 0.0):
            out[(name, threshold)] = score_case([r for r, _a in half], [_scored_view(a, threshold) for _r, a in half])
    return out


def run_petrarch(limit: int | None = None) -> dict[str, Any]:
    mod = _helper("_petrarch")
    return mod.run_petrarch_tests(GOLD / "petrarch2_unittest", limit, build_pipeline, run_articles)  # type: ignore[no-any-return]


def petrarch_halves(pt: dict[str, Any]) -> dict[str, dict[str, float]]:
    """PETRARCH exact share and coding recall of the tune and check halves."""
    out: dict[str, dict[str, float]] = {}
    for name, half in zip(("tune", "check"), split(pt["records"])):
        total = sum(t for _e, _f, t in half)
        out[name] = {"n": len(half), "exact": sum(e for e, _f, _t in half) / len(half) if half else 0.0,
                     "coding_recall": sum(f for _e, f, _t in half) / total if total else 0.0}
    return out


Row = tuple[str, str, str, str]


def _row(name: str, metric: str, value: Any) -> Row:
    """A table row: ``value(half)`` of the tune and the check half."""
    return (name, metric, value("tune"), value("check"))


def halves_rows(limit: int | None) -> list[Row]:
    """One row per metric: set, metric, tune half, check half."""
    t = THRESHOLD
    c = run_case_halves(limit)
    g = run_gsr_halves(limit)
    cs, gs = "CASE 2021 task 2", "PLOVER GSR"
    rows = [
        _row(cs, "snippets (political / none)", lambda h: f"{c[(h, t)]['political']} / {c[(h, t)]['other']}"),
        _row(cs, f"political type recall @{t} (target 0.88)", lambda h: f"{c[(h, t)]['recall']:.3f}"),
        _row(cs, f"political type precision @{t} (target 0.88)", lambda h: f"{c[(h, t)]['precision']:.3f}"),
        _row(cs, f"(snippet, type) pair precision @{t}", lambda h: f"{c[(h, t)]['pair_precision']:.3f}"),
        _row(cs, f"events/snippet, disaster+crime @{t} (max 0.10)",
             lambda h: f"{c[(h, t)]['other_events_per_snippet']:.3f}"),
        _row(cs, "recall / precision, every event",
             lambda h: f"{c[(h, 0.0)]['recall']:.3f} / {c[(h, 0.0)]['precision']:.3f}"),
        _row(cs, "events/snippet disaster+crime, every event",
             lambda h: f"{c[(h, 0.0)]['other_events_per_snippet']:.3f}"),
        _row(gs, "records", lambda h: str(g[(h, t)]["n"])),
        _row(gs, f"event-type accuracy @{t} (target 0.88)", lambda h: f"{g[(h, t)]['accuracy']:.3f}"),
        _row(gs, f"triple F1, main event @{t} (target 0.78)", lambda h: f"{g[(h, t)]['triple_f1']:.3f}"),
        _row(gs, f"main-event type precision @{t}", lambda h: f"{g[(h, t)]['type_precision']:.3f}"),
        _row(gs, "type accuracy / triple F1, every event",
             lambda h: f"{g[(h, 0.0)]['accuracy']:.3f} / {g[(h, 0.0)]['triple_f1']:.3f}"),
        _row(gs, f"event-type macro-F1 @{t}", lambda h: f"{g[(h, t)]['macro_f1']:.3f}"),
    ]
    try:
        pt = petrarch_halves(run_petrarch(limit))
    except (ImportError, OSError) as exc:
        return [*rows, ("PETRARCH2 unit tests", "not run", type(exc).__name__, "")]
    ps = "PETRARCH2 unit tests"
    return [
        *rows,
        _row(ps, "records", lambda h: str(pt[h]["n"])),
        _row(ps, "coded exactly (target 0.85)", lambda h: f"{pt[h]['exact']:.3f}"),
        _row(ps, "codings recall", lambda h: f"{pt[h]['coding_recall']:.3f}"),
    ]


def _event_line(e: Any) -> str:
    trig = e.trigger.text if e.trigger else ""
    return f"{e.plover}/{e.cameo}:{trig}[{e.modality},{e.confidence}] {e.source}->{e.target}"


def tune_misses(limit: int | None) -> list[str]:
    """The misses of the TUNE halves only (the check halves are never printed): CASE political snippets
    with no event of a crosswalked type and disaster/crime snippets with an event at the threshold, GSR
    records whose main event has the wrong type or triple. One block per miss, every event listed."""
    out: list[str] = []
    # split the whole set first, then limit: a limited set's own split would hold check-half records
    recs = split(_case_records(None))[0][:limit]
    arts = run_articles(_gsr_pipeline(True), [r["text"] for r in recs])
    for rec, art in zip(recs, arts):
        allowed = CASE_TO_PLOVER[rec["type"]]
        kept = [e for e in _kept(art, THRESHOLD) if e.plover]
        types = {e.plover for e in kept if e.modality != "negated"}
        if (allowed and not types & allowed) or (not allowed and kept):
            out.append(f"CASE {'MISS' if allowed else 'FALSE'} {rec['type']}\t{rec['text'][:400]}\n\t=> "
                       + "; ".join(_event_line(e) for e in art.events if e.plover))
    grecs = split(_gsr_records(None))[0][:limit]
    garts = run_articles(_gsr_pipeline(True), [r["text"] for r in grecs])
    for rec, art in zip(grecs, garts):
        gold = LABELS.get(rec["event"], rec["event"])
        view = _scored_view(art, THRESHOLD)
        ev = _main_event(view, rec.get("eventText", ""))
        pred = (ev.plover or "NONE") if ev is not None else "NONE"
        gold_t = {(s_, gold, t) for s_ in _codes(rec.get("source")) for t in _codes(rec.get("target"))}
        pred_t = _triples(view, ev) if ev is not None and ev.plover else set()
        if pred != gold or gold_t != pred_t:
            out.append(f"GSR {'TYPE' if pred != gold else 'TRIPLE'} gold={sorted(gold_t, key=str)} "
                       f"pred={sorted(pred_t, key=str)}\t{rec['text'][:400]}\n\t=> "
                       + "; ".join(_event_line(e) for e in art.events if e.plover))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description="events benchmark")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--skip-triage", action="store_true")
    ap.add_argument("--misses", action="store_true",
                    help="print the misses of the tune halves (CASE, GSR) instead of the table; never the check halves")
    args = ap.parse_args()
    if args.misses:
        print("\n".join(tune_misses(args.limit)))
        return
    rows = halves_rows(args.limit)
    g = run_gsr(args.limit, triage=True)
    whole: list[tuple[str, str, str]] = [
        ("PLOVER GSR (all)", f"event-type accuracy / triple F1 @{THRESHOLD}", f"{g['accuracy']:.3f} / {g['triple_f1']:.3f}"),
        ("PLOVER GSR (all)", "triple P / R, main event", f"{g['triple_p']:.3f} / {g['triple_r']:.3f}"),
        ("PLOVER GSR (all)", "triple F1, all non-negated events", f"{g['all_triple_f1']:.3f}"),
        ("PLOVER GSR (all)", "triple F1, main event, NGO scored as NGO", f"{g['triple_f1_no_crosswalk']:.3f}"),
        ("PLOVER GSR (all)", "stateless NGO sides: gold IGO / NGO / other",
         " / ".join(str(g["ngo_gold"].get(k, 0)) for k in ("IGO", "NGO", "other"))),
    ]
    if not args.skip_triage:
        n = run_gsr(args.limit, triage=False)
        tr = run_triage(args.limit or 40)
        whole += [
            ("triage (GSR)", "type recall with / without triage", f"{g['type_recall']:.3f} / {n['type_recall']:.3f}"),
            ("triage (GSR)", "triple F1 with / without triage", f"{g['triple_f1']:.3f} / {n['triple_f1']:.3f}"),
            ("triage (news)", "articles / words", f"{tr['articles']} / {tr['words']}"),
            ("triage (news)", "sentences parsed with / without", f"{tr['parsed_on']:.3f} / {tr['parsed_off']:.3f}"),
            ("triage (news)", "events with / without", f"{tr['events_on']} / {tr['events_off']}"),
            ("triage (news)", "event recall kept by triage", f"{tr['event_recall']:.3f}"),
            ("triage (news)", "nlp stage words/s with / without", f"{tr['nlp_wps_on']:.0f} / {tr['nlp_wps_off']:.0f}"),
            ("triage (news)", "pipeline words/s with / without", f"{tr['wps_on']:.0f} / {tr['wps_off']:.0f}"),
        ]
    w = max(len(r[1]) for r in [*rows, *whole])
    print(f"{'set':<22} {'metric':<{w}} {'tune (60 %)':<14} check (40 %)")
    print("-" * (w + 52))
    for s_, m, tune, check in rows:
        print(f"{s_:<22} {m:<{w}} {tune:<14} {check}")
    print()
    for s_, m, v in whole:
        print(f"{s_:<22} {m:<{w}} {v}")


if __name__ == "__main__":
    main()
