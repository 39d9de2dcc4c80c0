"""The events audit set: 40 real articles hand-coded before newsgraph ran on them (issue 14).

The articles are bodies of the three body-extraction gold sets in ``../shared/gold`` (they carry no
event gold of their own); the annotations (``benchmarks/audit/events_audit.jsonl``) hold ids,
character offsets and a sha256 of each body, never the text. How a body string is obtained
(:func:`load_body`), how the 40 were picked (:func:`select`), the coding rules and the fixed
tune/check split are documented in ``benchmarks/audit/README.md``.

Scoring (:func:`score`), per half, at the default confidence threshold and with every event:

- strict: a system event matches a gold event of the same sentence (its trigger or evidence overlaps
  the gold sentence) when the PLOVER type is right, or, for a statement (PLOVER null), the CAMEO root
  is right, AND each side (source, target) is right: a gold side with an actor is matched by a system
  actor of the same country and sector or by an actor mention overlapping the gold actor span; an
  empty gold side must be empty in the system event.
- lenient: the type is right and no actor is wrong (a missing system actor is not wrong; a system
  actor that matches no gold actor of that side is).
- precision counts every system event on political articles; recall counts every gold event; false
  events per article are the system events on the non-political articles.

Usage: python benchmarks/events_audit.py [--select]  (``--select`` prints the selection and stops)
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# run as a script, this folder is sys.path[0]: keep its modules from shadowing the stdlib (numbers.py)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import gzip  # noqa: E402, F401
import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from html.parser import HTMLParser  # noqa: E402
from typing import Any  # noqa: E402

ROOT = _HERE.parent
AUDIT = _HERE / "audit"
ANNOTATIONS = AUDIT / "events_audit.jsonl"

#: The fixed seeds: one picks the articles, one splits them into tune and check.
SELECT_SEED = 1414
SPLIT_SEED = 14
N_POLITICAL = 32
N_NONPOLITICAL = 8
N_TUNE_POLITICAL, N_TUNE_NONPOLITICAL = 19, 5  # 24 tune, 16 check (60/40 in each group)
#: Body length window (characters) that keeps hand coding of a whole article tractable.
MIN_CHARS, MAX_CHARS = 800, 4500
#: Political keyword hits per 1,000 words: at least this for the political pool ...
POLITICAL_RATE = 12.0
#: ... at most this (and from the Scrapinghub news pages only) for the non-political pool.
NONPOLITICAL_RATE = 2.0
#: Default confidence threshold (config events.min_confidence).
THRESHOLD = 0.5
DRAGNET_MARKER = "!@#$%^&*()  COMMENTS"
_ENGLISH = frozenset("the of and to in a is that for was on with it as by".split())
_WORD = re.compile(r"[A-Za-z]+")


def gold_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_GOLD")
    return Path(env) if env else ROOT.parent / "shared" / "gold"


# --- bodies ------------------------------------------------------------------------------------------

class _Text(HTMLParser):
    """Readability's expected.html -> text: block elements end a paragraph, whitespace collapses."""

    BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol br blockquote pre tr table section article "
                       "header footer figure figcaption dd dt dl hr".split())
    SKIP = frozenset(("script", "style"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[str] = []
        self.buf: list[str] = []
        self.skipping = 0

    def _flush(self) -> None:
        para = " ".join("".join(self.buf).split())
        if para:
            self.paras.append(para)
        self.buf = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.buf.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.paras)


def decode_dragnet(data: bytes) -> str:
    """Dragnet's corrected files: UTF-8 where the bytes are valid UTF-8 (106 of the 200 are, whatever
    the README says), else cp1252; CRLF -> LF; the article part is what precedes the comments marker."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cut = text.find(DRAGNET_MARKER)
    return (text if cut < 0 else text[:cut]).strip()


def _scrapinghub(gold: Path) -> dict[str, str]:
    path = gold / "scrapinghub_article_extraction_benchmark" / "ground-truth.json"
    data = json.loads(path.read_text("utf-8"))
    return {k: v["articleBody"] for k, v in data.items()}


def load_body(doc_id: str, gold: Path | None = None) -> str:
    """The exact body string an annotation's offsets point into. ``doc_id`` is ``<set>:<key>``:

    - ``scrapinghub:<id>``: ``ground-truth.json`` (UTF-8 JSON) ``[id]["articleBody"]`` as is;
    - ``dragnet:<n>``: ``Corrected/<n>.html.corrected.txt`` through :func:`decode_dragnet`;
    - ``readability:<name>``: ``pages/<name>/expected.html`` (UTF-8) through :func:`html_text`.
    """
    gold = gold or gold_dir()
    kind, _, key = doc_id.partition(":")
    if kind == "scrapinghub":
        return _scrapinghub(gold)[key]
    if kind == "dragnet":
        return decode_dragnet((gold / "dragnet_comments_subset" / "Corrected" / f"{key}.html.corrected.txt").read_bytes())
    if kind == "readability":
        return html_text((gold / "mozilla_readability_testpages" / "pages" / key / "expected.html").read_text("utf-8"))
    raise ValueError(f"unknown audit document id {doc_id!r}")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- selection ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    doc_id: str
    source: str
    chars: int
    words: int
    political_rate: float
    english: float


def political_words() -> frozenset[str]:
    lines = (AUDIT / "political_words.txt").read_text("utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _all_bodies(gold: Path) -> dict[str, str]:
    out = {f"scrapinghub:{k}": v for k, v in sorted(_scrapinghub(gold).items())}
    for p in sorted((gold / "dragnet_comments_subset" / "Corrected").glob("*.html.corrected.txt")):
        out[f"dragnet:{p.name.split('.')[0]}"] = decode_dragnet(p.read_bytes())
    for p in sorted((gold / "mozilla_readability_testpages" / "pages").glob("*/expected.html")):
        out[f"readability:{p.parent.name}"] = html_text(p.read_text("utf-8"))
    return out


def candidates(gold: Path | None = None) -> list[Candidate]:
    """Every body of the three sets with its length, English share and political keyword rate."""
    vocab = political_words()
    out = []
    for doc_id, body in _all_bodies(gold or gold_dir()).items():
        words = [w.lower() for w in _WORD.findall(body)]
        n = max(1, len(words))
        out.append(Candidate(doc_id, doc_id.split(":")[0], len(body), len(words),
                             1000.0 * sum(w in vocab for w in words) / n,
                             sum(w in _ENGLISH for w in words) / n))
    return out


def select(gold: Path | None = None) -> tuple[list[str], list[str]]:
    """The documented rule: English bodies (>= 15 % common function words) of MIN_CHARS..MAX_CHARS
    characters; political pool = POLITICAL_RATE or more keyword hits per 1,000 words (any set);
    non-political pool = Scrapinghub news pages with at most NONPOLITICAL_RATE; each pool sorted by id
    and shuffled with SELECT_SEED; the first N_POLITICAL and N_NONPOLITICAL are taken."""
    cands = [c for c in candidates(gold) if MIN_CHARS <= c.chars <= MAX_CHARS and c.english >= 0.15]
    pol = sorted(c.doc_id for c in cands if c.political_rate >= POLITICAL_RATE)
    non = sorted(c.doc_id for c in cands if c.source == "scrapinghub" and c.political_rate <= NONPOLITICAL_RATE)
    rng = random.Random(SELECT_SEED)
    rng.shuffle(pol)
    rng.shuffle(non)
    return pol[:N_POLITICAL], non[:N_NONPOLITICAL]


def split_ids(political: list[str], nonpolitical: list[str]) -> tuple[list[str], list[str]]:
    """The fixed split, stratified so both halves hold non-political pages: each group's ids sorted and
    shuffled with SPLIT_SEED; the first N_TUNE_POLITICAL political and N_TUNE_NONPOLITICAL
    non-political ids are tune (24), the rest check (16)."""
    tune: list[str] = []
    check: list[str] = []
    for ids, n in ((political, N_TUNE_POLITICAL), (nonpolitical, N_TUNE_NONPOLITICAL)):
        order = sorted(ids)
        random.Random(SPLIT_SEED).shuffle(order)
        tune += order[:n]
        check += order[n:]
    return sorted(tune), sorted(check)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", action="store_true", help="print the selection and stop")
    args = ap.parse_args()
    if args.select:
        pol, non = select()
        for d in pol:
            print("political", d)
        for d in non:
            print("non-political", d)
        return


if __name__ == "__main__":
    main()
