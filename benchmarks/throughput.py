"""Throughput on real news text: spaCy alone (a), ``newsgraph extract`` (b), ``newsgraph ingest`` (c).

    python -m benchmarks.throughput [--limit-words N] [--workers N] [--out DIR]
    python -m benchmarks.throughput --flat-memory 100000 [--workers N] [--stages clean]

The corpus: article bodies from ../shared/gold -- Scrapinghub ground-truth ``articleBody``, dragnet
corrected texts (the article part, comments cut off), PolNeAR train and dev texts, GeoWebNews and
LGL articles -- in that order, about 1.2M words; ``--limit-words`` keeps a prefix. It is written
once as JSON Lines (one record per body, one publication date for all) and then, in one run on
the same cores, one after the other:

(a) spaCy's full pipeline (every component of the model) over all the text with ``nlp.pipe``,
    in a fresh process, model load not counted (``n_process`` = ``--workers``);
(b) ``newsgraph extract corpus.jsonl -f jsonl --workers N``, end to end (start-up included);
(c) ``newsgraph ingest corpus.jsonl --db <new file> --workers N``.

Printed per run: words/s, articles/s, wall seconds, time to first result (the first JSON line of
(b); the model loaded for (a); the first committed batch for (c)), and the peak resident memory
of the whole process tree (sampled every 0.2 s). Then b/a. Speed only: tests never assert it.

``--flat-memory N`` streams N articles (the corpus bodies again and again, each varied: numbered
title, paragraphs rotated, so every article has its own id) from a generated JSON Lines file
through ``newsgraph.ingest.read_paths`` and a :class:`~newsgraph.scale.WorkerPool`, and prints the
resident memory of this process and its workers every 5% of the way: it stays flat when the
stream is consumed lazily. ``--stages clean`` (the default there) keeps it to minutes; any stage
list can be given.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GOLD = Path(os.environ.get("NEWSGRAPH_GOLD", Path(__file__).resolve().parents[1].parent / "shared" / "gold"))
PUBLISHED = "2020-06-01"
ROOT = Path(__file__).resolve().parents[1]


# -- corpus -------------------------------------------------------------------------------------
def scrapinghub() -> Iterator[str]:
    gt = json.loads((GOLD / "scrapinghub_article_extraction_benchmark" / "ground-truth.json").read_text("utf-8"))
    for key in sorted(gt):
        yield gt[key].get("articleBody") or ""


def dragnet() -> Iterator[str]:
    for p in sorted((GOLD / "dragnet_comments_subset" / "Corrected").glob("*.txt")):
        yield p.read_text("cp1252", errors="replace").split("!@#$%^&*()  COMMENTS")[0]


def polnear() -> Iterator[str]:
    for split in ("train", "dev"):
        for p in sorted((GOLD / "polnear_train_dev" / split / "text").glob("*.txt")):
            yield p.read_text("utf-8", errors="replace")


def geoparsing() -> Iterator[str]:
    import xml.etree.ElementTree as ET

    for name in ("GeoWebNews_GWN.xml", "lgl.xml"):
        for article in ET.parse(GOLD / "geoparsing_news" / name).getroot().iter("article"):
            text = article.findtext("text") or ""
            title = article.findtext("title") or ""
            yield f"{title}\n\n{text}" if title else text


def bodies(limit_words: int | None = None) -> list[str]:
    """The corpus bodies in a fixed order (non-empty, at least 20 words), cut at ``limit_words``."""
    out: list[str] = []
    words = 0
    for source in (scrapinghub, dragnet, polnear, geoparsing):
        for body in source():
            body = body.strip()
            n = len(body.split())
            if n < 20:
                continue
            if limit_words is not None and words >= limit_words:
                return out
            out.append(body)
            words += n
    return out


def write_jsonl(texts: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"text": t, "published": PUBLISHED, "url": f"https://example.org/{i}"},
                                ensure_ascii=False) + "\n")


def varied(texts: list[str], n: int) -> Iterator[str]:
    """``n`` articles from ``texts``: each a numbered title over the body's paragraphs rotated."""
    for i in range(n):
        paras = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        k = (i // len(texts)) % max(1, len(paras))
        yield f"Report {i}\n\n" + "\n\n".join(paras[k:] + paras[:k])


# -- measuring ----------------------------------------------------------------------------------
def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (Linux /proc), KB."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


class PeakSampler:
    """Samples the tree RSS of a process every 0.2 s in a thread; ``peak`` in KB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_kb(self.pid))
            self._stop.wait(0.2)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    name: str
    words: int
    articles: int
    wall_s: float
    first_s: float
    peak_kb: int
    ok: bool = True

    def line(self) -> str:
        return (f"{self.name:<22} {self.words / self.wall_s:>9,.0f} words/s {self.articles / self.wall_s:>7.2f} art/s "
                f"{self.wall_s:>8.1f} s  first result {self.first_s:>6.1f} s  peak RSS {self.peak_kb / 1024:>7,.0f} MB"
                + ("" if self.ok else "  (FAILED)"))


def run_command(name: str, cmd: list[str], words: int, articles: int, first_marker: str | None,
                stream: str = "stdout") -> Run:
    """Run ``cmd``; the first result is the first line of ``stream`` (containing ``first_marker``)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    start = time.perf_counter()
    first = 0.0
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    watched = proc.stdout if stream == "stdout" else proc.stderr
    other = proc.stderr if stream == "stdout" else proc.stdout
    assert watched is not None and other is not None
    drain = threading.Thread(target=other.read, daemon=True)
    drain.start()
    with PeakSampler(proc.pid) as sampler:
        for line in watched:
            if not first and (first_marker is None or first_marker in line):
                first = time.perf_counter() - start
        proc.wait()
    wall = time.perf_counter() - start
    return Run(name, words, articles, wall, first or wall, sampler.peak, proc.returncode in (0, 1))


SPACY_SCRIPT = """
import json, sys, time
import spacy
from newsgraph.nlp import load_model
t0 = time.perf_counter()
nlp = load_model()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
print("loaded", time.perf_counter() - t0, flush=True)
t1 = time.perf_counter()
n = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[2])))
print("piped", n, time.perf_counter() - t1, flush=True)
"""


def run_spacy(corpus: Path, words: int, articles: int, workers: int) -> Run:
    """(a): the pipe time only (the model load is reported as the time to first result)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    proc = subprocess.Popen([sys.executable, "-c", SPACY_SCRIPT, str(corpus), str(workers)],
                            stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    loaded = piped = 0.0
    with PeakSampler(proc.pid) as sampler:
        for line in proc.stdout:
            parts = line.split()
            if parts[0] == "loaded":
                loaded = float(parts[1])
            elif parts[0] == "piped":
                piped = float(parts[2])
        proc.wait()
    return Run("(a) spaCy nlp.pipe", words, articles, piped, loaded, sampler.peak, proc.returncode == 0)


def throughput(limit_words: int | None, workers: int, out: Path) -> list[Run]:
    texts = bodies(limit_words)
    words = sum(len(t.split()) for t in texts)
    corpus = out / "corpus.jsonl"
    write_jsonl(texts, corpus)
    print(f"corpus: {len(texts)} articles, {words:,} words ({corpus}); workers {workers}; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    exe = [sys.executable, "-m", "newsgraph"]
    runs = [run_spacy(corpus, words, len(texts), workers)]
    print(runs[-1].line(), flush=True)
    runs.append(run_command("(b) newsgraph extract", [*exe, "extract", str(corpus), "-f", "jsonl", "-q",
                                                      "--workers", str(workers)],
                            words, len(texts), None))
    print(runs[-1].line(), flush=True)
    db = out / "throughput.duckdb"
    db.unlink(missing_ok=True)
    runs.append(run_command("(c) newsgraph ingest", [*exe, "ingest", str(corpus), "--db", str(db), "-b", "20",
                                                     "--workers", str(workers)],
                            words, len(texts), "committed", stream="stderr"))
    print(runs[-1].line(), flush=True)
    a, b = runs[0], runs[1]
    a_rate = a.words / a.wall_s
    print(f"b/a = {(b.words / b.wall_s) / a_rate:.2f} end to end, "
          f"{(b.words / max(1e-9, b.wall_s - b.first_s)) / a_rate:.2f} after the first result "
          f"(load average after: {os.getloadavg()[0]:.2f})", flush=True)
    return runs


def compare_workers(limit_words: int | None, counts: list[int], out: Path) -> None:
    """(b) alone with each worker count: the same corpus, one after the other; the outputs must
    be byte-identical."""
    texts = bodies(limit_words)
    words = sum(len(t.split()) for t in texts)
    corpus = out / "corpus.jsonl"
    write_jsonl(texts, corpus)
    print(f"corpus: {len(texts)} articles, {words:,} words; load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores", flush=True)
    outputs = {}
    base = None
    for n in counts:
        dest = out / f"extract-{n}.jsonl"
        cpu0 = os.times()
        run = run_command(f"(b) extract -j {n}", [sys.executable, "-c", EXTRACT_TO_FILE, str(corpus), str(n),
                                                  str(dest)], words, len(texts), None)
        cpu1 = os.times()
        outputs[n] = dest.read_bytes()
        base = base or run
        cpu = (cpu1.children_user + cpu1.children_system) - (cpu0.children_user + cpu0.children_system)
        print(f"{run.line()}  cpu {cpu:.0f} s  speed-up {base.wall_s / run.wall_s:.2f}x "
              f"(steady {(base.wall_s - base.first_s) / max(1e-9, run.wall_s - run.first_s):.2f}x)  "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)
    same = len(set(outputs.values())) == 1
    print(f"outputs byte-identical across worker counts: {same}", flush=True)


#: ``newsgraph extract CORPUS -f jsonl -q --workers N > DEST``, printing one marker line on
#: stdout at the first article (for the time to first result).
EXTRACT_TO_FILE = """
import subprocess, sys
corpus, n, dest = sys.argv[1:]
with open(dest, "wb") as fh:
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "extract", corpus, "-f", "jsonl", "-q",
                             "--workers", n], stdout=subprocess.PIPE)
    first = True
    for line in proc.stdout:
        fh.write(line)
        if first:
            print("first", flush=True)
            first = False
    sys.exit(proc.wait())
"""


def flat_memory(n: int, workers: int, stages: list[str], out: Path) -> None:
    """Stream ``n`` varied articles from a JSON Lines file through a worker pool; print RSS."""
    from newsgraph.ingest import read_paths
    from newsgraph.scale import PipelineSpec, WorkerPool

    texts = bodies(None)
    path = out / f"stream-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(varied(texts, n)):
            fh.write(json.dumps({"text": t, "published": PUBLISHED, "url": f"https://example.org/s/{i}"}) + "\n")
    print(f"{n:,} articles, {path.stat().st_size / 1e6:,.0f} MB of JSON Lines; stages {stages}; "
          f"workers {workers}; load average {os.getloadavg()[0]:.2f}", flush=True)
    step = max(1, n // 20)
    start = time.perf_counter()
    failed = 0
    with WorkerPool(PipelineSpec.of(stages=stages), workers=workers, timeout_s=60) as pool:
        for i, res in enumerate(pool.process(read_paths([str(path)])), start=1):
            failed += 0 if res.ok else 1
            if i % step == 0 or i == n:
                own = tree_rss_kb(os.getpid())
                print(f"{i:>9,} articles  {time.perf_counter() - start:>7.0f} s  RSS this process + workers "
                      f"{own / 1024:>6,.0f} MB  failed {failed}", flush=True)
    path.unlink()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit-words", type=int, default=None, help="use the first N words of the corpus")
    ap.add_argument("--workers", type=int, default=1, help="worker processes for (a), (b) and (c)")
    ap.add_argument("--out", type=Path, default=None, help="folder for the corpus and the db (default: temp)")
    ap.add_argument("--flat-memory", type=int, default=None, metavar="N", help="stream N articles, print RSS")
    ap.add_argument("--stages", default="clean", help="with --flat-memory: comma-separated stage list")
    ap.add_argument("--compare-workers", default=None, metavar="0,1,2",
                    help="run only (b), once per worker count, and check the outputs are identical")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-throughput-") as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        if args.compare_workers:
            compare_workers(args.limit_words, [int(n) for n in args.compare_workers.split(",")], out)
        elif args.flat_memory:
            flat_memory(args.flat_memory, args.workers, args.stages.split(","), out)
        else:
            throughput(args.limit_words, args.workers, out)


if __name__ == "__main__":
    main()
