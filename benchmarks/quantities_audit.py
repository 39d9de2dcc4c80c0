"""The quantities audit set: 300 sentences of real article bodies, every quantity annotated by hand.

The sentences come from the article bodies of two body-extraction gold sets in ``../shared/gold``
(Scrapinghub's ``articleBody`` and Dragnet's corrected article text; they carry no quantity gold of
their own). The annotations (``benchmarks/audit/quantities_audit.jsonl``) hold body ids, character
offsets into the body and the body's sha256, never the text. How bodies are read is the events
audit's procedure (:func:`benchmarks.events_audit.load_body`); how sentences were picked
(:func:`select`), the fixed tune/check split and the annotation rules are documented in
``benchmarks/audit/QUANTITIES.md``.

Scoring (:func:`score`), per half: each sentence of the half is run through newsgraph on its own
(published date unknown); a system quantity matches a gold one when their spans overlap and the
value is the same (ranges: both bounds); value+unit also needs the same normalised unit. Each gold
quantity takes at most one system quantity; optional gold quantities are neither required nor
wrong. Figures by kind: recall by the gold kind, precision by the kind the system output implies.

Usage: python benchmarks/quantities_audit.py [--select] [--misses tune]
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# run as a script, this folder is sys.path[0]: keep its modules from shadowing the stdlib (numbers.py)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
from collections.abc import Iterable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from typing import Any  # noqa: E402

from benchmarks.events_audit import decode_dragnet, gold_dir, load_body, sha256  # noqa: E402

AUDIT = _HERE / "audit"
ANNOTATIONS = AUDIT / "quantities_audit.jsonl"

#: The fixed seeds: one picks the sentences, one splits the bodies into tune and check.
SELECT_SEED = 1515
SPLIT_SEED = 15
N_SENTENCES = 300
#: At most this many sentences of one body (spreads the set over many sites and writers).
PER_BODY = 2
#: Share of sentences in the tune half (the split is by body: a body's sentences stay together).
TUNE_SHARE = 0.6
MIN_CHARS, MAX_CHARS = 40, 400
MIN_WORDS = 7
KINDS = ("count", "money", "percent", "measure", "fraction")
MODS = ("range", "approximate", "change")

_ENGLISH = frozenset("the of and to in a is that for was on with it as by".split())
_WORD = re.compile(r"[A-Za-z]+")
#: Number words that make a sentence a candidate (with any digit).
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions trillion dozen dozens half third thirds quarter "
    "quarters percent".split()
)
#: Abbreviations after which a full stop does not end a sentence.
_ABBREV = frozenset(
    "mr mrs ms dr st sen rep gov gen col lt sgt capt prof jr sr inc corp co ltd no vs etc jan feb mar apr "
    "aug sept sep oct nov dec u.s u.k u.n e.g i.e a.m p.m fig approx est dept univ ave mt ft".split()
)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


# --- bodies and sentences ----------------------------------------------------------------------------

def body_ids(gold: Path | None = None) -> list[str]:
    """Every body id of the two sets: ``scrapinghub:<id>`` and ``dragnet:<n>``, sorted."""
    gold = gold or gold_dir()
    data = json.loads((gold / "scrapinghub_article_extraction_benchmark" / "ground-truth.json").read_text("utf-8"))
    ids = [f"scrapinghub:{k}" for k in data]
    ids += [f"dragnet:{p.name.split('.')[0]}"
            for p in (gold / "dragnet_comments_subset" / "Corrected").glob("*.html.corrected.txt")]
    return sorted(ids)


def all_bodies(gold: Path | None = None) -> dict[str, str]:
    """id -> body string (the events audit's :func:`load_body` procedure, read once per file)."""
    gold = gold or gold_dir()
    data = json.loads((gold / "scrapinghub_article_extraction_benchmark" / "ground-truth.json").read_text("utf-8"))
    out = {f"scrapinghub:{k}": v["articleBody"] for k, v in data.items()}
    for p in (gold / "dragnet_comments_subset" / "Corrected").glob("*.html.corrected.txt"):
        out[f"dragnet:{p.name.split('.')[0]}"] = decode_dragnet(p.read_bytes())
    return dict(sorted(out.items()))


def sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans of a body: each line is split after . ! ? followed by space and a capital or
    digit, except after a known abbreviation or a single capital letter; spans are stripped."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in body.split("\n"):
        start = pos
        for m in _BOUNDARY.finditer(line):
            word = line[:m.start()].rsplit(None, 1)[-1] if line[:m.start()].strip() else ""
            w = word.lower().strip("(\"'“‘")
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
                continue
            out.append((start, pos + m.start() + 1))
            start = pos + m.end()
        out.append((start, pos + len(line)))
        pos += len(line) + 1
    spans = []
    for s, e in out:
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def is_candidate(text: str) -> bool:
    """A sentence worth annotating: MIN_CHARS..MAX_CHARS characters, MIN_WORDS words, mostly letters,
    and a digit or a number word."""
    words = _WORD.findall(text)
    if not (MIN_CHARS <= len(text) <= MAX_CHARS) or len(words) < MIN_WORDS:
        return False
    letters = sum(c.isalpha() for c in text)
    if letters < 0.6 * len(text.replace(" ", "")):
        return False
    return bool(re.search(r"\d", text)) or any(w.lower() in NUMBER_WORDS for w in words)


def english(body: str) -> bool:
    words = [w.lower() for w in _WORD.findall(body)]
    return bool(words) and sum(w in _ENGLISH for w in words) / len(words) >= 0.15


def select(gold: Path | None = None) -> list[tuple[str, int, int]]:
    """The documented rule: candidate sentences of English bodies, listed by (id, start), shuffled with
    SELECT_SEED; taken in that order, at most PER_BODY per body, until N_SENTENCES."""
    cands: list[tuple[str, int, int]] = []
    for doc_id, body in all_bodies(gold).items():
        if not english(body):
            continue
        cands += [(doc_id, s, e) for s, e in sentences(body) if is_candidate(body[s:e])]
    random.Random(SELECT_SEED).shuffle(cands)
    taken: list[tuple[str, int, int]] = []
    per: dict[str, int] = {}
    for c in cands:
        if per.get(c[0], 0) >= PER_BODY:
            continue
        per[c[0]] = per.get(c[0], 0) + 1
        taken.append(c)
        if len(taken) == N_SENTENCES:
            break
    return sorted(taken)


def split_bodies(ids: Iterable[str]) -> tuple[set[str], set[str]]:
    """The fixed split by body: the bodies sorted and shuffled with SPLIT_SEED; tune takes bodies in that
    order while it holds fewer than TUNE_SHARE of the sentences, check the rest."""
    ids = list(ids)
    counts: dict[str, int] = {}
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
    order = sorted(counts)
    random.Random(SPLIT_SEED).shuffle(order)
    tune: set[str] = set()
    n = 0
    for b in order:
        if n >= TUNE_SHARE * len(ids):
            break
        tune.add(b)
        n += counts[b]
    return tune, set(order) - tune


# --- annotations -------------------------------------------------------------------------------------

def load_annotations(path: Path = ANNOTATIONS) -> list[dict[str, Any]]:
    """One dict per sentence: id, split, start, end, chars, sha256, quantities."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def check_bodies(sents: list[dict[str, Any]], gold: Path | None = None) -> dict[str, str]:
    """The bodies of the annotated sentences; raises ValueError when one has drifted (sha256)."""
    bodies: dict[str, str] = {}
    for s in sents:
        if s["id"] not in bodies:
            body = load_body(s["id"], gold)
            if sha256(body) != s["sha256"]:
                raise ValueError(f"{s['id']}: the body changed since it was annotated (sha256 differs)")
            bodies[s["id"]] = body
    return bodies
