"""Quotes benchmark: newsgraph beside textacy's ``direct_quotations`` on the same spaCy model.

Data: ``../shared/gold/textacy_quote_tests`` (15 cases; speaker, cue and content exact match, or the
flat list of speaker tokens) and the example article (its one direct quote: speaker Eric Pahon, cue
"told", the two-sentence content). Run ``python benchmarks/quotes.py [--limit N]``; prints a table.
textacy is optional: without it only newsgraph's column is filled.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# run as a script, this folder is sys.path[0]: keep its modules from shadowing the stdlib (numbers.py)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
EXAMPLE = ROOT / "src" / "newsgraph" / "data" / "examples" / "us-troops-syria.txt"

Triple = tuple[tuple[str, ...], tuple[str, ...], str]  # speaker tokens, cue tokens, content


def gold_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_GOLD")
    return Path(env) if env else ROOT.parent / "shared" / "gold"


def load_cases(limit: int | None = None) -> list[dict[str, Any]]:
    path = gold_dir() / "textacy_quote_tests" / "textacy_direct_quotation_cases.json"
    cases: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
    return cases[:limit] if limit else cases


def newsgraph_triples(pipeline: Any, text: str) -> list[Triple]:
    """Quotes with quote marks (direct and partial) as (speaker tokens, cue tokens, content)."""
    art = pipeline.extract_text(text)
    out: list[Triple] = []
    for q in art.quotes:
        if q.kind == "indirect":
            continue
        speaker = tuple(q.speaker_span.text.split()) if q.speaker_span else ()
        cue = tuple((q.cue or "").split())
        out.append((speaker, cue, q.evidence.text))
    return out


def textacy_triples(nlp: Any, text: str) -> list[Triple]:
    from textacy.extract.triples import direct_quotations

    doc = nlp(text)
    try:
        found = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on unbalanced quote marks
        return []
    return [(tuple(t.text for t in q.speaker), tuple(t.text for t in q.cue), q.content.text) for q in found]


@dataclass
class Score:
    cases: int = 0
    cases_right: int = 0
    quotes: int = 0
    triples: int = 0
    speaker: int = 0
    cue: int = 0
    content: int = 0
    false_quotes: int = 0
    wrong: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        return {
            "cases right": self.cases_right / (self.cases or 1),
            "speaker": self.speaker / (self.quotes or 1),
            "cue": self.cue / (self.triples or 1),
            "content": self.content / (self.triples or 1),
            "false quotes": float(self.false_quotes),
        }


def _score_case(case: dict[str, Any], got: list[Triple], score: Score) -> None:
    score.cases += 1
    ok = True
    if "expected_quotes" in case:
        exp: list[Triple] = [
            (tuple(e["speaker_tokens"]), tuple(e["cue_tokens"]), e["content"]) for e in case["expected_quotes"]
        ]
        unmatched = list(got)
        for e in exp:
            score.quotes += 1
            score.triples += 1
            same = [g for g in unmatched if g[2] == e[2]]
            g = same[0] if same else None
            if g is not None:
                unmatched.remove(g)
                score.content += 1
                score.speaker += g[0] == e[0]
                score.cue += g[1] == e[1]
            ok = ok and g == e
        score.false_quotes += len(unmatched)
        ok = ok and not unmatched
    else:
        flat = [t for g in got for t in g[0]]
        expected = list(case["expected_speaker_tokens_flat"])
        score.quotes += 1
        score.speaker += flat == expected
        ok = flat == expected
    score.cases_right += ok
    if not ok:
        score.wrong.append(case["text"][:60].replace("\n", " "))


def _score_example(got: list[Triple], score: Score) -> None:
    """The example's direct quote (us-troops-syria.expected.md): Eric Pahon, "told", both sentences."""
    score.cases += 1
    score.quotes += 1
    score.triples += 1
    direct = [g for g in got if g[2].startswith("“We are going") and g[2].rstrip().endswith("attacks,”")]
    g = direct[0] if direct else None
    if g is not None:
        score.content += 1
        score.speaker += g[0][-2:] == ("Eric", "Pahon")
        score.cue += g[1] == ("told",)
    others = [x for x in got if x is not g and len(x[2].split()) > 3]  # only the one full quotation
    score.false_quotes += len(others)
    ok = g is not None and g[0][-2:] == ("Eric", "Pahon") and g[1] == ("told",) and not others
    score.cases_right += ok
    if not ok:
        score.wrong.append("example article")


def example_checklist(pipeline: Any) -> dict[str, bool]:
    """The "Quotes and provenance" items of us-troops-syria.expected.md, each found or not."""
    art = pipeline.extract_text(EXAMPLE.read_text("utf-8"), published="2017-12-06")
    qs = art.quotes
    direct = [q for q in qs if q.kind == "direct"]
    pahon = [q for q in qs if q.cue == "according to"]
    russia = [q for q in qs if q.cue == "accused" and q.kind == "partial"]
    return {
        "direct quote: Eric Pahon, told, via AFP": len(direct) == 1 and direct[0].cue == "told"
        and direct[0].via == "AFP" and (direct[0].provenance or [""])[-1] == "Eric Pahon",
        "indirect: the Pentagon claims": any(
            q.kind == "indirect" and q.cue == "claims" and q.speaker_span is not None
            and q.speaker_span.text.endswith("Pentagon") for q in qs),
        "indirect + partial “conditions-based”: Pahon": sorted(q.kind for q in pahon) == ["indirect", "partial"]
        and all(q.provenance[-1:] == ["Eric Pahon"] for q in pahon),
        "Newsweek reports/writes/adds/notes": [(a.source, a.cue) for a in art.attributions]
        == [("Newsweek", c) for c in ("reports", "writes", "adds", "notes")],
        "quote provenance Newsweek > AFP > Eric Pahon": bool(direct)
        and direct[0].provenance == ["Newsweek", "AFP", "Eric Pahon"],
        "“terrorism”, “extremist groups”: Russia's partial quotes": sorted(q.text for q in russia)
        == ["extremist groups", "terrorism"],
    }


def run(
    limit: int | None = None, with_textacy: bool = True, pipeline: Any = None
) -> dict[str, dict[str, float]]:
    """Scores per system: {"newsgraph": {...}, "textacy": {...}}; textacy absent -> newsgraph only."""
    from newsgraph.nlp import load_model
    from newsgraph.pipeline import Pipeline

    pipeline = pipeline or Pipeline.from_config()
    systems: dict[str, Callable[[str], list[Triple]]] = {"newsgraph": lambda t: newsgraph_triples(pipeline, t)}
    if with_textacy:
        try:
            import textacy.extract.triples  # noqa: F401
        except ImportError:
            pass
        else:
            nlp = load_model(pipeline.config.nlp.model)
            systems["textacy"] = lambda t: textacy_triples(nlp, t)
    cases = load_cases(limit)
    example = EXAMPLE.read_text("utf-8")
    out: dict[str, dict[str, float]] = {}
    for name, fn in systems.items():
        gold, ex = Score(), Score()
        for case in cases:
            _score_case(case, fn(case["text"]), gold)
        _score_example(fn(example), ex)
        out[name] = {**{f"gold {k}": v for k, v in gold.row().items()},
                     **{f"example {k}": v for k, v in ex.row().items()}}
        out[name]["_wrong"] = gold.wrong + ex.wrong  # type: ignore[assignment]
        if name == "newsgraph":
            checks = example_checklist(pipeline)
            out[name]["example expected.md items"] = sum(checks.values()) / len(checks)
            out[name]["_wrong"] += [f"example: {k}" for k, v in checks.items() if not v]  # type: ignore[operator]
    return out


# -- PolNeAR: speaker-attributed attributions in political news --------------------------------------
POLNEAR = "polnear_train_dev"
#: the fixed seed that splits train+dev once into tune (60 %) and check (40 %)
SEED = 15
TUNE_SHARE = 0.6
KINDS = ("direct", "partial", "indirect")
_QUOTE_MARKS = '"“”«»'
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you", "him", "her", "them", "us", "me"})
_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
_HEAD_CUT = re.compile(
    r",|\(| who | which | that | of | for | at | in | from | with | to | on | and "
    r"| close | familiar | involved | briefed | knowledgeable | aware ")

Span2 = tuple[int, int]


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution: source spans (none: unsourced), content spans and the content's kind."""

    source: tuple[Span2, ...]
    content: tuple[Span2, ...]
    kind: str
    source_text: str
    content_text: str


@dataclass(frozen=True)
class PolnearDoc:
    name: str
    split: str
    text: str
    published: str | None
    attributions: tuple[GoldAttribution, ...]


def gold_kind(content_text: str) -> str:
    """direct: the content is one quotation (marks at both ends); partial: quoted words inside the
    writer's words; indirect: no quote marks."""
    core = content_text.strip().strip(".,;:—–-()[] ")
    marks = sum(core.count(c) for c in _QUOTE_MARKS)
    if not marks:
        return "indirect"
    if core[:1] in _QUOTE_MARKS and core[-1:] in _QUOTE_MARKS:
        return "direct"
    if core[:1] in _QUOTE_MARKS and marks % 2 == 1:
        return "direct"  # "…," (cut before the closing mark)
    return "partial"


def _spans(field: str) -> tuple[Span2, ...]:
    out: list[Span2] = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(text: str, ann: str) -> tuple[GoldAttribution, ...]:
    """The Attribution relations of a brat ``.ann`` file (Source / Cue / Content text-bound spans)."""
    spans: dict[str, tuple[str, tuple[Span2, ...]]] = {}
    relations: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        cells = line.split("\t")
        if line.startswith("T") and len(cells) >= 2:
            label, _, where = cells[1].partition(" ")
            if label in ("Source", "Cue", "Content"):
                spans[cells[0]] = (label, _spans(where))
        elif line.startswith("E") and len(cells) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in cells[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            relations.append(roles)
    out: list[GoldAttribution] = []
    for roles in relations:
        content = tuple(s for ref in roles.get("Content", []) if ref in spans for s in spans[ref][1])
        if not content:
            continue
        source = tuple(s for ref in roles.get("Source", []) if ref in spans for s in spans[ref][1])
        ctext = " … ".join(text[a:b] for a, b in sorted(content))
        out.append(GoldAttribution(
            source=source, content=tuple(sorted(content)), kind=gold_kind(ctext),
            source_text=" … ".join(text[a:b] for a, b in source), content_text=ctext,
        ))
    return tuple(sorted(out, key=lambda g: g.content[0]))


def load_polnear(gold: Path | None = None) -> list[PolnearDoc]:
    """Train and dev articles in name order; an article annotated by several annotators takes the
    first annotator's file (by annotator id)."""
    root = (gold or gold_dir()) / POLNEAR
    published: dict[str, str] = {}
    meta = root / "metadata.tsv"
    if meta.is_file():
        rows = meta.read_text("utf-8").splitlines()
        head = rows[0].split("\t") if rows else []
        if "filename" in head and "publication_date" in head:
            fi, di = head.index("filename"), head.index("publication_date")
            for row in rows[1:]:
                cells = row.split("\t")
                if len(cells) > max(fi, di):
                    published[cells[fi]] = cells[di]
    docs: list[PolnearDoc] = []
    for split in ("train", "dev"):
        anns: dict[str, Path] = {}
        for p in sorted((root / split / "attributions").glob("*.ann")):
            anns.setdefault(p.stem.rsplit("_", 1)[0], p)
        for txt in sorted((root / split / "text").glob("*.txt")):
            ann = anns.get(txt.stem)
            if ann is None:
                continue
            text = txt.read_text("utf-8")
            docs.append(PolnearDoc(txt.stem, split, text, published.get(txt.stem),
                                   read_ann(text, ann.read_text("utf-8"))))
    return sorted(docs, key=lambda d: d.name)


def polnear_split(docs: Sequence[PolnearDoc]) -> tuple[list[PolnearDoc], list[PolnearDoc]]:
    """(tune, check): the articles shuffled once by the fixed seed, 60 % / 40 %."""
    order = sorted(docs, key=lambda d: d.name)
    random.Random(SEED).shuffle(order)
    cut = round(len(order) * TUNE_SHARE)
    return order[:cut], order[cut:]


@dataclass(frozen=True)
class Predicted:
    """One newsgraph quote in the terms of the scorer."""

    kind: str
    content: Span2
    speaker_span: Span2 | None
    speaker_text: str
    actor_names: tuple[str, ...]
    actor_mentions: tuple[Span2, ...]
    speaker_kind: str | None


def predictions(article: Any, outlets: bool = False) -> list[Predicted]:
    """newsgraph's quotes; with ``outlets`` also its outlet citations (``article.attributions`` but the
    dateline's), each an indirect attribution of its scope to the outlet as cited (``--outlets``)."""
    out: list[Predicted] = []
    m: Callable[[int], int] = article.scratch.get(OFFSET_MAP) or (lambda i: i)
    if outlets:
        for at in article.attributions:
            if at.cue == "dateline" or at.evidence is None:
                continue
            actor = article.actor(at.actor) if at.actor else None
            out.append(Predicted(
                kind="indirect", content=(m(at.scope.start), m(at.scope.end)),
                speaker_span=(m(at.evidence.start), m(at.evidence.end)), speaker_text=at.source,
                actor_names=tuple(actor.name.lower().split()) if actor is not None else (),
                actor_mentions=tuple((m(x.start), m(x.end)) for x in actor.mentions) if actor is not None else (),
                speaker_kind="organization",
            ))
    for q in article.quotes:
        actor = article.actor(q.speaker) if q.speaker else None
        out.append(Predicted(
            kind=q.kind, content=(m(q.evidence.start), m(q.evidence.end)),
            speaker_span=(m(q.speaker_span.start), m(q.speaker_span.end)) if q.speaker_span else None,
            speaker_text=q.speaker_span.text if q.speaker_span else "",
            actor_names=tuple(actor.name.lower().split()) if actor is not None else (),
            actor_mentions=tuple((m(x.start), m(x.end)) for x in actor.mentions) if actor is not None else (),
            speaker_kind=getattr(q, "speaker_kind", None),
        ))
    return out


def _overlaps(text: str, a: Span2, b: Span2) -> bool:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return hi > lo and any(c.isalnum() for c in text[lo:hi])


def head_word(name: str) -> str:
    """The head word of a speaker phrase: its last word before a comma, relative clause or
    prepositional phrase, without a possessive ("Trump's aides" -> aides, "Haley Morris, a
    spokeswoman" -> morris)."""
    first = _HEAD_CUT.split(f" {name.strip()} ".replace("\n", " "), maxsplit=1)[0]
    words = [w.strip("\"“”'‘’.:;!?()[]") for w in first.split()]
    words = [w for w in words if w]
    if not words:
        return ""
    w = words[-1].lower()
    for tail in ("'s", "’s"):
        if w.endswith(tail) and len(words) == 1:
            w = w[: -len(tail)]
    return w[:-1] if w.endswith(("'", "’")) else w


def speakers_match(text: str, g: GoldAttribution, p: Predicted) -> bool:
    """The speaker spans overlap, the head words agree (also with any word of the actor's name), the
    gold source is a mention (coreference included) of newsgraph's speaker actor, or it is a relative
    pronoun right after newsgraph's speaker ("Smith, who said …")."""
    if p.speaker_span is not None and any(_overlaps(text, s, p.speaker_span) for s in g.source):
        return True
    if p.speaker_span is not None and g.source_text.lower() in _RELATIVES:
        # "Smith, who said …": the gold marks the relative pronoun, newsgraph its antecedent
        gap = text[p.speaker_span[1]:g.source[0][0]]
        if p.speaker_span[1] <= g.source[0][0] and not gap.strip(" ,") and len(gap) <= 3:
            return True
    gh = head_word(g.source_text.split(" … ")[0])
    if gh and gh not in _PRONOUNS:
        if gh == head_word(p.speaker_text) or gh in p.actor_names:
            return True
    return any(_overlaps(text, s, m) for s in g.source for m in p.actor_mentions)


@dataclass
class PolnearScore:
    """Counts per kind: gold sourced attributions, found with the speaker, found by content alone;
    newsgraph quotes with a speaker, and those right."""

    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    content: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    articles: int = 0

    def add(self, text: str, gold: Sequence[GoldAttribution], preds: Sequence[Predicted]) -> None:
        self.articles += 1
        sourced = [g for g in gold if g.source]
        spoken = [p for p in preds if p.speaker_span is not None or p.actor_names]
        for g in sourced:
            near = [p for p in preds if any(_overlaps(text, c, p.content) for c in g.content)]
            self.gold[g.kind] += 1
            self.content[g.kind] += bool(near)
            self.found[g.kind] += any(speakers_match(text, g, p) for p in near if p in spoken)
        for p in spoken:
            self.pred[p.kind] += 1
            self.right[p.kind] += any(
                any(_overlaps(text, c, p.content) for c in g.content) and speakers_match(text, g, p)
                for g in sourced)

    def row(self, kind: str | None = None) -> dict[str, float]:
        ks = KINDS if kind is None else (kind,)
        gold = sum(self.gold[k] for k in ks)
        found = sum(self.found[k] for k in ks)
        pred = sum(self.pred[k] for k in ks)
        right = sum(self.right[k] for k in ks)
        p = right / pred if pred else 0.0
        r = found / gold if gold else 0.0
        return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
                "content R": sum(self.content[k] for k in ks) / gold if gold else 0.0,
                "gold": float(gold), "newsgraph": float(pred)}


def polnear_pipeline(triage: bool = True) -> Any:
    """The stages up to quotes (the later ones do not change quotes); ``triage=False`` parses every
    sentence."""
    from newsgraph.config import load_config
    from newsgraph.pipeline import Pipeline

    config = load_config()
    if not triage:
        config = config.model_copy(update={"nlp": config.nlp.model_copy(update={"triage": False})})
    return Pipeline.from_config(config, stages=["clean", "nlp", "actors", "quotes"])


#: scratch key of an article whose cleaning cut lines: the map of its offsets onto the gold text
OFFSET_MAP = "polnear_offsets"


def offset_map(cleaned: str, raw: str) -> Callable[[int], int] | None:
    """Offsets of ``cleaned`` (``raw`` with lines cut, such as a newsletter prompt) onto ``raw``, through the
    blocks the two texts share; None when they share too little to map."""
    import difflib

    blocks = [b for b in difflib.SequenceMatcher(None, cleaned, raw, autojunk=False).get_matching_blocks() if b.size]
    if sum(b.size for b in blocks) < 0.9 * len(cleaned):
        return None

    def to_raw(i: int) -> int:
        for b in blocks:
            if b.a <= i <= b.a + b.size:
                return b.b + (i - b.a)
        before = [b for b in blocks if b.a + b.size <= i]
        return before[-1].b + before[-1].size if before else 0

    return to_raw


def polnear_article(pipeline: Any, doc: PolnearDoc) -> Any:
    meta: dict[str, Any] = {"id": doc.name}
    if doc.published:
        meta["published"] = doc.published
    art = pipeline.extract_text(doc.text, **meta)
    if art.text != doc.text:  # cleaning cut lines: map the offsets back onto the gold text, or score it empty
        mapping = offset_map(art.text, doc.text)
        if mapping is None:
            art.quotes = []
        else:
            art.scratch[OFFSET_MAP] = mapping
    return art


def score_polnear(docs: Sequence[PolnearDoc], pipeline: Any = None,
                  articles: Callable[[PolnearDoc], Any] | None = None, outlets: bool = False) -> PolnearScore:
    pipeline = pipeline or (polnear_pipeline() if articles is None else None)
    get = articles or (lambda d: polnear_article(pipeline, d))
    score = PolnearScore()
    for d in docs:
        score.add(d.text, d.attributions, predictions(get(d), outlets))
    return score


def polnear_misses(docs: Sequence[PolnearDoc], articles: Callable[[PolnearDoc], Any], n: int = 40,
                   kind: str | None = None) -> list[str]:
    """Sourced gold attributions newsgraph missed, with what it had there (read on tune only)."""
    lines: list[str] = []
    for d in docs:
        art = articles(d)
        preds = predictions(art)
        for g in d.attributions:
            if not g.source or (kind and g.kind != kind):
                continue
            near = [p for p in preds if any(_overlaps(d.text, c, p.content) for c in g.content)]
            if any(speakers_match(d.text, g, p) for p in near):
                continue
            had = "; ".join(f"{p.kind}:{p.speaker_text or '-'}" for p in near) or "nothing"
            lines.append(f"[{d.name}] {g.kind} | {g.source_text!r} | {g.content_text[:110]!r} | had {had}")
            if len(lines) >= n:
                return lines
    return lines


def polnear_false(docs: Sequence[PolnearDoc], articles: Callable[[PolnearDoc], Any], n: int = 40) -> list[str]:
    """newsgraph quotes with a speaker that match no sourced gold attribution (tune only)."""
    lines: list[str] = []
    for d in docs:
        art = articles(d)
        sourced = [g for g in d.attributions if g.source]
        for p in predictions(art):
            if p.speaker_span is None and not p.actor_names:
                continue
            near = [g for g in sourced if any(_overlaps(d.text, c, p.content) for c in g.content)]
            if any(speakers_match(d.text, g, p) for g in near):
                continue
            gold = "; ".join(repr(g.source_text) for g in near) or "no gold"
            lines.append(f"[{d.name}] {p.kind} | {p.speaker_text!r} | "
                         f"{d.text[p.content[0]:p.content[1]][:100]!r} | gold {gold}")
            if len(lines) >= n:
                return lines
    return lines


def run_polnear(limit: int | None = None, halves: Sequence[str] = ("tune", "check"),
                pipeline: Any = None, outlets: bool = False) -> dict[str, PolnearScore]:
    """Scores per half ("tune", "check"); ``limit`` takes the first N articles of each half; with
    ``outlets`` each half is also scored with the outlet citations counted (key "<half>+outlets")."""
    tune, check = polnear_split(load_polnear())
    parts = {"tune": tune, "check": check}
    pipeline = pipeline or polnear_pipeline()
    out: dict[str, PolnearScore] = {}
    for h in halves:
        docs = parts[h][:limit] if limit else parts[h]
        arts = {d.name: polnear_article(pipeline, d) for d in docs}
        out[h] = score_polnear(docs, articles=lambda d, a=arts: a[d.name])
        if outlets:
            out[f"{h}+outlets"] = score_polnear(docs, articles=lambda d, a=arts: a[d.name], outlets=True)
    return out


def print_polnear(res: dict[str, PolnearScore]) -> None:
    halves = list(res)
    cols = ["P", "R", "F1", "content R", "gold", "newsgraph"]
    print(f"PolNeAR train+dev, split by seed {SEED} (tune 60 % / check 40 %); check is the result")
    print(f"{'':<10}" + "".join(f"{h + ' ' + c:>16}" for h in halves for c in ("P", "R", "F1")))
    for kind in (None, *KINDS):
        rows = {h: res[h].row(kind) for h in halves}
        print(f"{kind or 'all':<10}" + "".join(f"{rows[h][c]:>16.3f}" for h in halves for c in ("P", "R", "F1")))
    print(f"{'':<10}" + "".join(f"{h + ' ' + c:>24}" for h in halves for c in cols[3:]))
    for kind in (None, *KINDS):
        rows = {h: res[h].row(kind) for h in halves}
        print(f"{kind or 'all':<10}" + "".join(
            f"{rows[h][c]:>24.3f}" if c == "content R" else f"{rows[h][c]:>24.0f}" for h in halves for c in cols[3:]))
    print("articles: " + ", ".join(f"{h} {res[h].articles}" for h in halves))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--limit", type=int, default=None, help="first N gold cases only")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--polnear", action="store_true",
                    help=f"score ../shared/gold/{POLNEAR} (tune and check halves; --limit: first N of each)")
    ap.add_argument("--half", choices=("tune", "check", "both"), default="both",
                    help="with --polnear: which half to run (check is the result)")
    ap.add_argument("--outlets", action="store_true",
                    help="with --polnear: also score with outlet citations counted as attributions")
    ap.add_argument("--misses", type=int, default=0,
                    help="with --polnear: list N misses and N false quotes of the tune half")
    args = ap.parse_args(argv)
    if args.polnear:
        halves = ("tune", "check") if args.half == "both" else (args.half,)
        pipeline = polnear_pipeline()
        print_polnear(run_polnear(args.limit, halves, pipeline, outlets=args.outlets))
        if args.misses:
            tune = polnear_split(load_polnear())[0][: args.limit] if args.limit else polnear_split(load_polnear())[0]
            arts = {d.name: polnear_article(pipeline, d) for d in tune}
            print("\nmissed (tune half):")
            for line in polnear_misses(tune, lambda d: arts[d.name], args.misses):
                print("  " + line)
            print("\nfalse (tune half):")
            for line in polnear_false(tune, lambda d: arts[d.name], args.misses):
                print("  " + line)
        return 0
    res = run(args.limit, with_textacy=not args.no_textacy)
    names = list(res)
    metrics = [k for k in res[names[0]] if not k.startswith("_")]
    print(f"{'metric':<28}" + "".join(f"{n:>12}" for n in names))
    metrics += [k for n in names for k in res[n] if not k.startswith("_") and k not in metrics]
    for m in metrics:
        cells = "".join(
            f"{'-':>12}" if m not in res[n] else
            f"{res[n][m]:>12.0f}" if m.endswith("false quotes") else f"{res[n][m]:>12.3f}" for n in names
        )
        print(f"{m:<28}{cells}")
    if "textacy" not in res:
        print("(textacy not installed or --no-textacy: newsgraph only)")
    for n in names:
        wrong = res[n]["_wrong"]
        if wrong:
            print(f"\n{n} wrong on:")
            for w in wrong:  # type: ignore[attr-defined]
                print(f"  - {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
