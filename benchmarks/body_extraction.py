"""Body-extraction benchmark: newsgraph's HTML reader vs plain ``trafilatura.extract``.

* scrapinghub_article_extraction_benchmark: precision / recall / F1 over word 4-gram shingles,
  defined as in that benchmark's README/evaluate.py (per-page counts normalised to sum 1; precision
  and recall averaged over pages; F1 from the averages).
* dragnet_comments_subset: body token F1 (per page, averaged) and comment leakage (share of gold
  comment tokens that appear in the output beyond the gold body tokens, over all pages).

Run: ``python benchmarks/body_extraction.py [--limit N] [--jobs 2]``.
Gold dir: ``$NEWSGRAPH_GOLD`` or ``../shared/gold`` beside the repository.
"""

from __future__ import annotations

import os
import sys

# benchmarks/ holds scripts named like stdlib modules (numbers.py): keep that folder off sys.path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from pathlib import Path  # noqa: E402

GOLD = Path(os.environ.get("NEWSGRAPH_GOLD", Path(__file__).resolve().parents[1].parent / "shared" / "gold"))
SCRAPINGHUB = "scrapinghub_article_extraction_benchmark"
DRAGNET = "dragnet_comments_subset"
COMMENTS_MARK = "!@#$%^&*()  COMMENTS"
_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]


# -- metric -------------------------------------------------------------------------------------
def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def shingle_counts(true: str, pred: str) -> Counts:
    """(tp, fp, fn) over 4-gram shingles, normalised to sum 1."""
    t, p = shingles(true), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def prf(counts: Iterable[Counts]) -> dict[str, float]:
    cs = list(counts)
    precs = [1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))
             for tp, fp, fn in cs if tp + fp > 0]
    recs = [1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
            for tp, fp, fn in cs if tp + fn > 0]
    p = statistics.mean(precs) if precs else 0.0
    r = statistics.mean(recs) if recs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def token_f1(true: str, pred: str) -> float:
    t, p = Counter(tokens(true)), Counter(tokens(pred))
    tp = sum((t & p).values())
    if not tp:
        return 1.0 if not t and not p else 0.0
    prec, rec = tp / sum(p.values()), tp / sum(t.values())
    return 2 * prec * rec / (prec + rec)


def leaked(body: str, comments: str, pred: str) -> tuple[int, int]:
    """(comment tokens found in the output beyond the gold body, comment tokens)."""
    c = Counter(tokens(comments))
    extra = Counter(tokens(pred)) - Counter(tokens(body))
    return sum((c & extra).values()), sum(c.values())


# -- extractors ---------------------------------------------------------------------------------
def newsgraph_extract(html: bytes | str) -> str:
    from newsgraph.errors import NewsgraphError
    from newsgraph.ingest import extract_html

    try:
        return extract_html(html, input="<benchmark>").text
    except NewsgraphError:
        return ""


def trafilatura_extract(html: bytes | str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def trafilatura_no_comments(html: bytes | str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


#: "trafilatura" is plain ``trafilatura.extract`` (defaults: comments included); the third row
#: turns comments off, for a fair look at leakage.
EXTRACTORS: dict[str, Callable[[bytes | str], str]] = {
    "newsgraph": newsgraph_extract,
    "trafilatura": trafilatura_extract,
    "trafilatura-nc": trafilatura_no_comments,
}


# -- data -----------------------------------------------------------------------------------------
def scrapinghub_items(gold: Path, limit: int | None) -> list[tuple[str, str]]:
    root = gold / SCRAPINGHUB
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    return [(k, truth[k].get("articleBody", "")) for k in keys]


def _scrapinghub_one(args: tuple[str, str, tuple[str, ...]]) -> tuple[str, dict[str, Counts]]:
    key, gold_dir, names = args
    html = gzip.decompress((Path(gold_dir) / SCRAPINGHUB / "html" / f"{key}.html.gz").read_bytes())
    truth = json.loads((Path(gold_dir) / SCRAPINGHUB / "ground-truth.json").read_text("utf-8"))
    true = truth[key].get("articleBody", "")
    return key, {name: shingle_counts(true, EXTRACTORS[name](html)) for name in names}


def dragnet_items(gold: Path, limit: int | None) -> list[str]:
    root = gold / DRAGNET / "Corrected"
    names = sorted(p.name.removesuffix(".corrected.txt") for p in root.glob("*.corrected.txt"))
    return names[:limit] if limit else names


def _dragnet_one(args: tuple[str, str, tuple[str, ...]]) -> tuple[str, dict[str, tuple[float, int, int]]]:
    name, gold_dir, names = args
    root = Path(gold_dir) / DRAGNET
    gold_text = (root / "Corrected" / f"{name}.corrected.txt").read_bytes().decode("cp1252", "replace")
    body, _, comments = gold_text.partition(COMMENTS_MARK)
    html = (root / "HTML" / name).read_bytes()
    out: dict[str, tuple[float, int, int]] = {}
    for ex in names:
        pred = EXTRACTORS[ex](html)
        found, total = leaked(body, comments, pred)
        out[ex] = (token_f1(body, pred), found, total)
    return name, out


# -- runs ----------------------------------------------------------------------------------------
def run_scrapinghub(gold: Path = GOLD, limit: int | None = None, jobs: int = 2,
                    names: tuple[str, ...] = tuple(EXTRACTORS)) -> dict[str, dict[str, float]]:
    """{extractor: {precision, recall, f1, pages}} on the scrapinghub pages."""
    keys = [(k, str(gold), names) for k, _ in scrapinghub_items(gold, limit)]
    per: dict[str, list[Counts]] = {name: [] for name in names}
    for _key, res in _map(_scrapinghub_one, keys, jobs):
        for name, c in res.items():
            per[name].append(c)
    return {name: prf(cs) | {"pages": float(len(cs))} for name, cs in per.items()}


def run_dragnet(gold: Path = GOLD, limit: int | None = None, jobs: int = 2,
                names: tuple[str, ...] = tuple(EXTRACTORS)) -> dict[str, dict[str, float]]:
    """{extractor: {body_f1, leakage, pages}} on the dragnet comments pages."""
    items = [(n, str(gold), names) for n in dragnet_items(gold, limit)]
    f1s: dict[str, list[float]] = {name: [] for name in names}
    leak: dict[str, list[int]] = {name: [0, 0] for name in names}
    for _n, res in _map(_dragnet_one, items, jobs):
        for name, (f1, found, total) in res.items():
            f1s[name].append(f1)
            leak[name][0] += found
            leak[name][1] += total
    return {
        name: {"body_f1": statistics.mean(f1s[name]) if f1s[name] else 0.0,
               "leakage": leak[name][0] / leak[name][1] if leak[name][1] else 0.0,
               "pages": float(len(f1s[name]))}
        for name in names
    }


def _map(fn: Callable, items: list, jobs: int) -> Iterable:  # type: ignore[type-arg]
    if jobs <= 1:
        return map(fn, items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(fn, items, chunksize=4))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes")
    ap.add_argument("--only", choices=["scrapinghub", "dragnet"], default=None)
    args = ap.parse_args(argv)
    if not GOLD.is_dir():
        print(f"gold data not found at {GOLD} (set NEWSGRAPH_GOLD)", file=sys.stderr)
        return 2
    if args.only in (None, "scrapinghub"):
        sh = run_scrapinghub(GOLD, args.limit, args.jobs)
        n = int(next(iter(sh.values()))["pages"])
        print(f"\nscrapinghub article extraction ({n} pages; 4-gram shingles)")
        print(f"{'extractor':<14}{'precision':>10}{'recall':>10}{'F1':>8}")
        for name, m in sh.items():
            print(f"{name:<14}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>8.3f}")
    if args.only in (None, "dragnet"):
        dr = run_dragnet(GOLD, args.limit, args.jobs)
        n = int(next(iter(dr.values()))["pages"])
        print(f"\ndragnet comments subset ({n} pages)")
        print(f"{'extractor':<14}{'body F1':>10}{'comment leakage':>17}")
        for name, m in dr.items():
            print(f"{name:<14}{m['body_f1']:>10.3f}{m['leakage']:>17.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
