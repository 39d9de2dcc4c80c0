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
if str(_HERE.parent) not in sys.path:  # run as a script: the repository root holds ``benchmarks``
    sys.path.insert(0, str(_HERE.parent))

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


# --- running newsgraph -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SysQuantity:
    """A quantity newsgraph found, with body offsets and the kind its output implies."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    unit: str
    approximate: bool
    kinds: tuple[str, ...] = ()


#: Units the stage writes for measures (see docs/numbers-and-dates.md); anything else that is no
#: currency, percent or fraction is a count.
_PERCENT_UNITS = frozenset({"%", "percent", "per cent", "percentage point"})


def _offsets(text: str, sentence: str) -> Any:
    """Maps an offset of the article text newsgraph made of ``sentence`` back to the sentence."""
    if text == sentence:
        return lambda i: i
    from difflib import SequenceMatcher

    blocks = SequenceMatcher(None, text, sentence, autojunk=False).get_matching_blocks()

    def back(i: int) -> int:
        for a, b, n in blocks:
            if a <= i <= a + n and n:
                return b + (i - a)
        before = [(a, b, n) for a, b, n in blocks if a + n <= i and n]
        return before[-1][1] + before[-1][2] if before else 0

    return back


def system_kinds(unit: str, low: float | None, high: float | None, approximate: bool) -> tuple[str, ...]:
    """The kind and mods a system quantity's fields imply (for precision by kind)."""
    from newsgraph.stages.quantities.units import MEASURES

    u = unit.strip()
    if u.lower() in _PERCENT_UNITS:
        kind = "percent"
    elif u == "fraction":
        kind = "fraction"
    elif (len(u) == 3 and u.isupper()) or u in ("cent", "pence", "satoshi"):
        kind = "money"
    elif u in set(MEASURES.values()):
        kind = "measure"
    else:
        kind = "count"
    mods = []
    if low is not None and high is not None and low != high:
        mods.append("range")
    if approximate:
        mods.append("approximate")
    return (kind, *mods)


def run_newsgraph(sents: list[dict[str, Any]], bodies: dict[str, str]) -> dict[int, list[SysQuantity]]:
    """Each sentence through the default pipeline on its own (no publication date, no title split);
    quantities with body offsets, by sentence index ``n``."""
    import newsgraph
    from newsgraph.pipeline import Pipeline

    pipe = Pipeline.from_config()
    out: dict[int, list[SysQuantity]] = {}
    for s in sents:
        sentence = bodies[s["id"]][s["start"]:s["end"]]
        art = newsgraph.extract(sentence, pipeline=pipe, title="", input=f"{s['id']}@{s['start']}")
        back = _offsets(art.text, sentence)
        out[s["n"]] = [
            SysQuantity(s["start"] + back(q.evidence.start), s["start"] + back(q.evidence.end), q.value,
                        q.low, q.high, q.unit, q.approximate, system_kinds(q.unit, q.low, q.high, q.approximate))
            for q in art.quantities
        ]
    return out


# --- scoring -----------------------------------------------------------------------------------------

_UNIT_ALIASES = {"%": "percent", "per cent": "percent", "person": "people", "persons": "people",
                 "bbl": "barrel", "pct": "percent"}


def norm_unit(unit: str | None) -> str:
    """Unit compared: lower case, plural taken off, a few spellings merged (``%`` = percent)."""
    u = " ".join((unit or "").lower().split())
    u = _UNIT_ALIASES.get(u, u)
    if u.endswith("ies") and len(u) > 4:
        u = u[:-3] + "y"
    elif re.search(r"(?:ch|sh|x|ss)es$", u):
        u = u[:-2]
    elif u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        u = u[:-1]
    return _UNIT_ALIASES.get(u, u)


def _num_equal(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(abs(a) - abs(b)) <= 1e-6 * max(1.0, abs(a), abs(b))


def value_right(g: dict[str, Any], s: SysQuantity) -> bool:
    """Same value: a gold range needs both bounds, a single value the value (sign aside: a change is
    written as given)."""
    if g["low"] is not None:
        return _num_equal(g["low"], s.low) and _num_equal(g["high"], s.high)
    return _num_equal(g["value"], s.value)


def _overlap(g: dict[str, Any], s: SysQuantity) -> bool:
    return s.start < g["end"] and g["start"] < s.end


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    hits: int = 0  # gold quantities matched
    right: int = 0  # system quantities matched (equals hits: one system quantity per gold one)

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class HalfScore:
    value: Tally = field(default_factory=Tally)
    unit: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=dict)  # value matching; recall by gold kind
    misses: list[tuple[int, dict[str, Any], str]] = field(default_factory=list)  # (n, gold, why)
    false: list[tuple[int, SysQuantity]] = field(default_factory=list)


def match_sentence(gold: list[dict[str, Any]], found: list[SysQuantity], with_unit: bool) -> tuple[
        dict[int, int], set[int]]:
    """Required gold index -> system index, and the system indices that an optional gold quantity
    covers (ignored). Each gold quantity takes at most one system quantity, the first that overlaps
    it and has its value (and unit)."""
    def ok(g: dict[str, Any], s: SysQuantity) -> bool:
        return _overlap(g, s) and value_right(g, s) and (not with_unit or norm_unit(g["unit"]) == norm_unit(s.unit))

    taken: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(gold):
        if g["optional"]:
            continue
        for si, s in enumerate(found):
            if si not in used and ok(g, s):
                taken[gi] = si
                used.add(si)
                break
    ignored = {si for si, s in enumerate(found) if si not in used
               and any(g["optional"] and _overlap(g, s) for g in gold)}
    return taken, ignored


def score_half(sents: list[dict[str, Any]], found: dict[int, list[SysQuantity]]) -> HalfScore:
    sc = HalfScore()
    for key in (*KINDS, *MODS):
        sc.by_kind[key] = Tally()
    for s in sents:
        gold = s["quantities"]
        sys_q = found.get(s["n"], [])
        required = [g for g in gold if not g["optional"]]
        for with_unit, tally in ((False, sc.value), (True, sc.unit)):
            taken, ignored = match_sentence(gold, sys_q, with_unit)
            tally.gold += len(required)
            tally.predicted += len(sys_q) - len(ignored)
            tally.hits += len(taken)
            tally.right += len(taken)
            if with_unit:
                for gi, g in enumerate(gold):
                    if not g["optional"] and gi not in taken:
                        why = "unit" if gi in match_sentence(gold, sys_q, False)[0] else "value"
                        sc.misses.append((s["n"], g, why))
                continue
            used = set(taken.values())
            for gi, g in enumerate(gold):
                if g["optional"]:
                    continue
                for key in (g["kind"], *g["mods"]):
                    sc.by_kind[key].gold += 1
                    sc.by_kind[key].hits += gi in taken
            for si, q in enumerate(sys_q):
                if si in ignored:
                    continue
                for key in q.kinds:
                    sc.by_kind[key].predicted += 1
                    sc.by_kind[key].right += si in used
                if si not in used:
                    sc.false.append((s["n"], q))
    return sc


def halves(sents: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {h: [s for s in sents if s["split"] == h] for h in ("tune", "check")}


def score(sents: list[dict[str, Any]], found: dict[int, list[SysQuantity]]) -> dict[str, HalfScore]:
    """Value and value+unit P/R/F1 of each half, with recall/precision by kind."""
    return {h: score_half(part, found) for h, part in halves(sents).items()}


def table(scores: dict[str, HalfScore]) -> list[str]:
    t, c = scores["tune"], scores["check"]
    lines = [f"{'':<28}{'tune P / R / F1':>22}{'check P / R / F1':>24}"]

    def row(name: str, a: Tally, b: Tally) -> str:
        return (f"{name:<28}{a.precision:>8.3f}{a.recall:>7.3f}{a.f1:>7.3f}"
                f"{b.precision:>10.3f}{b.recall:>7.3f}{b.f1:>7.3f}")

    lines.append(row(f"value ({t.value.gold}/{c.value.gold} gold)", t.value, c.value))
    lines.append(row("value+unit", t.unit, c.unit))
    lines.append("by kind, value matching: recall over the gold of the kind, precision over the system")
    lines.append("quantities whose output implies the kind ('change' has no output field: no precision)")
    lines.append(f"{'':<28}{'tune gold  R   sys  P':>22}{'check gold  R   sys  P':>24}")
    for key in (*KINDS, *MODS):
        a, b = t.by_kind[key], c.by_kind[key]

        def cell(x: Tally) -> str:
            p = f"{x.precision:.2f}" if x.predicted else "  - "
            return f"{x.gold:>4} {x.recall:.2f} {x.predicted:>4} {p}"

        lines.append(f"  {key:<26}{cell(a):>22}{cell(b):>24}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", action="store_true", help="print the selection rule's picks and stop")
    ap.add_argument("--misses", choices=["tune"], help="print the misses and false quantities of tune")
    args = ap.parse_args()
    if args.select:
        for doc_id, s, e in select():
            print(doc_id, s, e)
        return
    sents = load_annotations()
    bodies = check_bodies(sents)
    found = run_newsgraph(sents, bodies)
    scores = score(sents, found)
    print("\n".join(table(scores)))
    if args.misses:
        sc = scores[args.misses]
        for n, g, why in sc.misses:
            sent = next(x for x in sents if x["n"] == n)
            body = bodies[sent["id"]]
            got = [(q.value, q.unit) for q in found[n] if q.start < g["end"] and g["start"] < q.end]
            print(f"MISS[{why}] {n}: {body[g['start']:g['end']]!r} gold={g['value'] or (g['low'], g['high'])} "
                  f"{g['unit']} sys={got} | {body[sent['start']:sent['end']]}")
        for n, q in sc.false:
            sent = next(x for x in sents if x["n"] == n)
            body = bodies[sent["id"]]
            print(f"FALSE {n}: {body[q.start:q.end]!r} {q.value} {q.unit} | {body[sent['start']:sent['end']]}")


if __name__ == "__main__":
    main()
