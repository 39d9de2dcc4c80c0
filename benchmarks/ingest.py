"""Ingest throughput, the share of time spent in storage, and memory on a long stream.

Corpus: the article bodies in ../shared/gold (scrapinghub ground-truth articleBody texts,
GeoWebNews and LGL news texts), streamed as articles into a fresh DuckDB store. ``--repeat K``
streams the corpus K times with a marker line per copy (new ids), to check that memory stays flat.

    python benchmarks/ingest.py [--limit N] [--repeat K] [--batch-size B]
"""

from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/ holds scripts whose names shadow stdlib modules (numbers.py): keep it off sys.path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from typing import Any  # noqa: E402

from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import DEFAULT_STAGES, Pipeline  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.ingest import IngestStats, ingest  # noqa: E402

GOLD = Path(
    os.environ.get("NEWSGRAPH_GOLD") or Path(__file__).resolve().parents[1].parent / "shared" / "gold"
)


def gold_bodies(gold: Path = GOLD) -> list[tuple[str, str | None, str | None]]:
    """(text, url, title) of every article body in the gold folder."""
    out: list[tuple[str, str | None, str | None]] = []
    gt = gold / "scrapinghub_article_extraction_benchmark" / "ground-truth.json"
    if gt.is_file():
        for rec in json.loads(gt.read_text("utf-8")).values():
            if rec.get("articleBody", "").strip():
                out.append((rec["articleBody"], rec.get("url"), None))
    for name, url_tag in (("GeoWebNews_GWN.xml", "link"), ("lgl.xml", "url")):
        f = gold / "geoparsing_news" / name
        if not f.is_file():
            continue
        for art in ET.parse(f).getroot().iter("article"):
            text = (art.findtext("text") or "").strip()
            if text:
                out.append((text, art.findtext(url_tag), art.findtext("title")))
    return out


def _stream(bodies: list[tuple[str, str | None, str | None]], repeat: int) -> Iterator[Article]:
    for k in range(repeat):
        for i, (text, url, title) in enumerate(bodies):
            body = text if k == 0 else f"{text}\n\n[copy {k}]"
            yield Article(
                text=body, raw_text=body, url=url, title=title, published="2018-01-15", input=f"gold:{i}:{k}"
            )


def rss_mb() -> float:
    """Current resident set size in MiB (Linux /proc)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def run(
    limit: int | None = None,
    repeat: int = 1,
    batch_size: int = 50,
    gold: Path = GOLD,
    without: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Ingest the gold bodies; the numbers (articles/s, storage share, RSS samples).

    ``without`` names stages to leave out (a diagnostic when a stage is broken or slow).
    """
    bodies = gold_bodies(gold)[:limit] if limit else gold_bodies(gold)
    stages = [s for s in DEFAULT_STAGES if s not in without]
    pipeline = Pipeline.from_config(stages=stages)
    samples: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        next_mark = [0]

        def progress(s: IngestStats) -> None:
            done = s.stored + s.skipped + s.failed
            if done >= next_mark[0]:
                samples.append((done, rss_mb()))
                next_mark[0] = done + 100
                print(f"  {done} articles, {s.rate:.2f}/s, rss {samples[-1][1]:.0f} MiB", file=sys.stderr)

        t0, c0 = time.perf_counter(), time.process_time()
        stats = ingest(store, pipeline, _stream(bodies, repeat), batch_size=batch_size, progress=progress)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows = {t: store.count(t) for t in ("articles", "events", "quotes", "quantities", "clusters")}
        t1 = time.perf_counter()
        again = ingest(store, pipeline, _stream(bodies, repeat), batch_size=batch_size)
        rerun = time.perf_counter() - t1
        store.close()
        db_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
    rss = [m for _n, m in samples]
    half = len(rss) // 2
    return {
        "articles": stats.stored,
        "failed": stats.failed,
        "seconds": wall,
        "articles_per_s": stats.stored / wall if wall else 0.0,
        "cpu_s": cpu,
        "articles_per_cpu_s": stats.stored / cpu if cpu else 0.0,
        "extract_s": stats.extract_s,
        "store_s": stats.store_s,
        "read_s": stats.read_s,
        "store_share": stats.store_share,
        "rerun_added": again.stored,
        "rerun_skipped": again.skipped,
        "rerun_s": rerun,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_first_half_max_mb": max(rss[:half] or rss or [0.0]),
        "rss_second_half_max_mb": max(rss[half:] or [0.0]),
        "rss_samples": samples,
        "rows": rows,
        "db_mb": db_mb,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="at most N gold bodies")
    ap.add_argument("--repeat", type=int, default=1, help="stream the corpus K times (memory check)")
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--without", action="append", default=[], help="leave this stage out (repeatable)")
    ap.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    args = ap.parse_args(argv)
    if not GOLD.is_dir():
        print(f"gold data not found at {GOLD} (set NEWSGRAPH_GOLD)", file=sys.stderr)
        return 2
    r = run(args.limit, args.repeat, args.batch_size, without=tuple(args.without))
    if args.json:
        print(json.dumps(r))
        return 0
    print(f"stages: {', '.join(s for s in DEFAULT_STAGES if s not in args.without)}")
    print(f"{'metric':<28} {'value':>12}")
    print(f"{'-' * 28} {'-' * 12}")
    for key in (
        "articles",
        "failed",
        "seconds",
        "articles_per_s",
        "cpu_s",
        "articles_per_cpu_s",
        "extract_s",
        "store_s",
        "read_s",
        "store_share",
        "rerun_added",
        "rerun_skipped",
        "rerun_s",
        "peak_rss_mb",
        "rss_first_half_max_mb",
        "rss_second_half_max_mb",
        "db_mb",
    ):
        v = r[key]
        print(f"{key:<28} {v:>12.3f}" if isinstance(v, float) else f"{key:<28} {v:>12}")
    print("rows: " + ", ".join(f"{k}={v}" for k, v in r["rows"].items()))
    print("rss (articles: MB): " + ", ".join(f"{n}: {m:.0f}" for n, m in r["rss_samples"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
