"""Speed on one core: spaCy's full pipeline (a) against newsgraph end to end (b), stage by stage.

    python -m benchmarks.speed [--limit N] [--repeat R] [--profile FILE]

Texts: article bodies of the Scrapinghub benchmark's ground truth (../shared/gold). (a) runs every
component of the spaCy model over each whole body with ``nlp.pipe``; (b) runs every newsgraph stage
over the same bodies in batches of 16, as ``Pipeline.process_batch`` does. Both run in this
process, one after the other, ``--repeat`` times; the best run of each counts. Seconds are CPU
seconds of this process (steadier than wall time on a shared machine); wall seconds are printed
too. Also printed: the share of sentences parsed, start-up (first ``Pipeline`` with the model,
first article) and a second ``Pipeline`` in the same process. Speed only; tests never assert
timings.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

GOLD = Path(os.environ.get("NEWSGRAPH_GOLD", Path(__file__).resolve().parents[1].parent / "shared" / "gold"))
WARM_UP = "Rebels attacked the town of Homs on Monday, officials said."


def texts(limit: int) -> list[str]:
    gt = json.loads((GOLD / "scrapinghub_article_extraction_benchmark" / "ground-truth.json").read_text("utf-8"))
    return [v["articleBody"] for v in gt.values() if v.get("articleBody")][:limit]


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(cpu seconds, wall seconds, result) of ``fn()``."""
    c, w = time.process_time(), time.perf_counter()
    out = fn()
    return time.process_time() - c, time.perf_counter() - w, out


def start_up() -> dict[str, float]:
    """First Pipeline (model included), its first article, then a second Pipeline."""
    from newsgraph.pipeline import Pipeline

    _c, first, pipe = timed(Pipeline.from_config)
    _c, article, _ = timed(lambda: pipe.extract_text(WARM_UP))
    _c, second, _ = timed(Pipeline.from_config)
    return {"first Pipeline s": round(first, 2), "first article s": round(article, 2),
            "second Pipeline s": round(second, 3)}


def spacy_full(bodies: list[str], model: str) -> tuple[float, float]:
    """(a): every component of the model over each whole body."""
    from newsgraph.nlp import load_model

    nlp = load_model(model)
    cpu, wall, _ = timed(lambda: sum(len(d) for d in nlp.pipe(bodies)))
    return cpu, wall


def newsgraph_full(bodies: list[str], triage: bool = True) -> tuple[float, float, dict[str, float], float]:
    """(b): every stage, batches of 16; (cpu, wall, cpu per stage, parsed share)."""
    from newsgraph.config import default_config
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    pipe = Pipeline.from_config(default_config().with_overrides(nlp__triage=triage))
    pipe.process_batch([Article(text=WARM_UP)])
    per_stage: dict[str, float] = defaultdict(float)
    counts = [0, 0]

    def run() -> None:
        for i in range(0, len(bodies), 16):
            arts = [Article(text=t, raw_text=t) for t in bodies[i:i + 16]]
            for stage in pipe.stages:
                runner = getattr(stage, "process_batch", None)
                c = time.process_time()
                if runner is not None:
                    runner(arts)
                else:
                    for a in arts:
                        stage(a)
                per_stage[stage.name] += time.process_time() - c
            for a in arts:
                counts[0] += a.stats.get("parsed_sentences", 0)
                counts[1] += a.stats.get("sentences", 0)

    cpu, wall, _ = timed(run)
    return cpu, wall, dict(per_stage), counts[0] / max(counts[1], 1)


def run(limit: int = 60, repeat: int = 1) -> dict[str, Any]:
    from newsgraph.config import default_config

    startup = start_up()
    bodies = texts(limit)
    words = sum(len(t.split()) for t in bodies)
    model = default_config().nlp.model
    best_a = best_b = (float("inf"), float("inf"))
    stages: dict[str, float] = {}
    parsed = 0.0
    for _ in range(repeat):
        a = spacy_full(bodies, model)
        best_a = min(best_a, a)
        cpu, wall, per_stage, parsed = newsgraph_full(bodies)
        if (cpu, wall) < best_b:
            best_b, stages = (cpu, wall), per_stage
    return {
        "articles": len(bodies), "words": words,
        "a spaCy full words/s": round(words / best_a[0]), "a wall words/s": round(words / best_a[1]),
        "b newsgraph words/s": round(words / best_b[0]), "b wall words/s": round(words / best_b[1]),
        "b/a": round(best_a[0] / best_b[0], 2), "parsed share": round(parsed, 3),
        "stage cpu s": {k: round(v, 2) for k, v in stages.items()}, **startup,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=60, help="number of article bodies (default 60)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of (a) and (b); the best counts")
    ap.add_argument("--profile", help="write a cProfile of one newsgraph run to this file")
    args = ap.parse_args()
    if args.profile:
        import cProfile

        bodies = texts(args.limit)
        newsgraph_full(bodies[:1])  # loads everything outside the profile
        cProfile.runctx("newsgraph_full(bodies)", globals(), {"bodies": bodies}, args.profile)
        return
    res = run(args.limit, args.repeat)
    stages = res.pop("stage cpu s")
    for k, v in res.items():
        print(f"{k:24} {v}")
    print("stage cpu s:", ", ".join(f"{k} {v}" for k, v in stages.items()))


if __name__ == "__main__":
    main()
