"""Speed of the pipeline: words/s with and without triage, and the share of sentences parsed.

    python benchmarks/speed.py [--limit N]

Texts: article bodies of the Scrapinghub benchmark's ground truth (../shared/gold). Speed only;
tests never assert timings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from newsgraph.config import default_config  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402

GOLD = Path(os.environ.get("NEWSGRAPH_GOLD", Path(__file__).resolve().parents[1].parent / "shared" / "gold"))


def texts(limit: int) -> list[str]:
    gt = json.loads((GOLD / "scrapinghub_article_extraction_benchmark" / "ground-truth.json").read_text("utf-8"))
    return [v["articleBody"] for v in gt.values() if v.get("articleBody")][:limit]


def run(limit: int = 60) -> list[dict[str, float | str]]:
    bodies = texts(limit)
    words = sum(len(t.split()) for t in bodies)
    rows: list[dict[str, float | str]] = []
    for label, triage in (("triage on", True), ("triage off", False)):
        pipe = Pipeline.from_config(default_config().with_overrides(nlp__triage=triage))
        pipe.process_batch([Article(text="Warm-up: Russia attacked Ukraine, officials said.")])
        nlp_stage = pipe.stage("nlp")
        for nlp_only, name in ((True, "nlp only"), (False, "full pipeline")):
            t0 = time.perf_counter()
            parsed = total = events = 0
            for i in range(0, len(bodies), 16):
                arts = [Article(text=t) for t in bodies[i:i + 16]]
                if nlp_only:
                    results = nlp_stage.process_batch(arts)  # type: ignore[attr-defined]
                else:
                    results = [r.article for r in pipe.process_batch(arts) if r.article is not None]
                for a in results:
                    parsed += a.stats.get("parsed_sentences", 0)
                    total += a.stats.get("sentences", 0)
                    events += len(a.events)
            dt = time.perf_counter() - t0
            rows.append({"run": f"{name}, {label}", "words/s": round(words / dt), "parsed share": round(parsed / max(total, 1), 3),
                         "events": events, "seconds": round(dt, 1)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    rows = run(args.limit)
    print(f"{'run':32} {'words/s':>8} {'parsed':>7} {'events':>7} {'seconds':>8}")
    for r in rows:
        print(f"{r['run']:32} {r['words/s']:>8} {r['parsed share']:>7} {r['events']:>7} {r['seconds']:>8}")


if __name__ == "__main__":
    main()
