"""Per-cue precision of the quotes stage on PolNeAR's TUNE half (issue 15): which cue words earn their keep.

``python -m benchmarks.quotes_cues --build`` runs clean, nlp (every sentence parsed: triage off, so a cue no
list holds yet is parsed too) and actors over the tune half once and keeps the articles in a pickle
(``--cache``, default ``/tmp/newsgraph-quotes-tune.pkl``); each later run only reruns the quotes stage over
them, so a word-list change is measured in seconds. Prints the tune scores (as ``benchmarks/quotes.py``
counts them) and, per cue lemma, newsgraph's quotes with a speaker, those right, and the precision. Only the
tune half is read: the check half stays the result of ``benchmarks/quotes.py``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.quotes import (
    OFFSET_MAP,
    Span2,
    load_polnear,
    offset_map,
    polnear_split,
    predictions,
    score_polnear,
    speakers_match,
)

CACHE = Path("/tmp/newsgraph-quotes-tune.pkl")


def overlaps(text: str, a: Span2, b: Span2) -> bool:
    """The spans share a letter or digit (as the scorer of ``benchmarks/quotes.py`` counts overlap)."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return hi > lo and any(c.isalnum() for c in text[lo:hi])


def build(cache: Path, limit: int | None) -> None:
    from newsgraph.config import load_config
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    tune = polnear_split(load_polnear())[0]
    tune = tune[:limit] if limit else tune
    config = load_config()
    config = config.model_copy(update={"nlp": config.nlp.model_copy(update={"triage": False})})
    pipeline = Pipeline.from_config(config, stages=["clean", "nlp", "actors"])
    arts = []
    for d in tune:
        meta: dict[str, Any] = {"id": d.name}
        if d.published:
            meta["published"] = d.published
        art = Article(text=d.text, raw_text=d.text, **meta)
        for stage in pipeline.stages:  # not pipeline(): it frees the parses the quotes stage will need
            art = stage(art)
        arts.append((d, art))
    cache.write_bytes(pickle.dumps(arts))


def cue_lemma(cue: str) -> str:
    """A cue as written, to a rough lemma (lower case, inflection cut) for grouping."""
    from newsgraph.stages.quotes.lexicon import cue_lemmas

    w = cue.lower().strip()
    return cue_lemmas().get(w, w)


def run(cache: Path, show: int, min_n: int) -> None:
    from newsgraph.config import load_config
    from newsgraph.stages.quotes import QuoteStage

    stage = QuoteStage.from_config(load_config())
    arts = pickle.loads(cache.read_bytes())
    docs, done = [], {}
    n_cue: Counter[str] = Counter()
    r_cue: Counter[str] = Counter()
    for d, art in arts:
        a = stage(art)  # the stage only assigns quotes, attributions and a scratch entry
        if a.text != d.text:
            m = offset_map(a.text, d.text)
            if m is None:
                a.quotes = []
            else:
                a.scratch[OFFSET_MAP] = m
        docs.append(d)
        done[d.name] = a
        sourced = [g for g in d.attributions if g.source]
        preds = predictions(a)
        for q, p in zip(a.quotes, preds, strict=True):
            if p.speaker_span is None and not p.actor_names:
                continue
            key = f"{p.kind[:3]}:{cue_lemma(q.cue or '-')}"
            n_cue[key] += 1
            r_cue[key] += any(any(overlaps(d.text, c, p.content) for c in g.content) and speakers_match(d.text, g, p)
                              for g in sourced)
    score = score_polnear(docs, articles=lambda d: done[d.name])
    for kind in (None, "direct", "partial", "indirect"):
        row = score.row(kind)
        print(f"{kind or 'all':<9} P {row['P']:.3f} R {row['R']:.3f} F1 {row['F1']:.3f}  "
              f"gold {row['gold']:.0f} newsgraph {row['newsgraph']:.0f}")
    print(f"\nper cue (quotes with a speaker, right, precision; n >= {min_n}):")
    for key, n in sorted(n_cue.items(), key=lambda kv: (-kv[1], kv[0]))[:show]:
        if n >= min_n:
            print(f"  {key:<28} {n:>5} {r_cue[key]:>5} {r_cue[key] / n:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--build", action="store_true", help="parse the tune half and keep the articles")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=400)
    ap.add_argument("--min-n", type=int, default=1)
    args = ap.parse_args(argv)
    if args.build:
        build(args.cache, args.limit)
        return 0
    run(args.cache, args.show, args.min_n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
