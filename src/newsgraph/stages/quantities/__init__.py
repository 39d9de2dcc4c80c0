"""quantities stage: numeric claims with what they count, who holds them, where, when, and their series.

For each sentence, :func:`find_quantities` finds the numbers (money, percentages, measures,
ranges, vague plurals, plain counts); the dependency parse gives the counted noun ("1,723
troops"), the governing verb (holder = its subject, hedges on the way up), the place and the
date of the clause, and the event whose trigger governs the count ("killed 12 civilians").
"up from the 1,251 reported in June" links the earlier value as ``previous`` of the later one.
Numbers that are parts of dates, names or ordinals, and plain numbers that count nothing, are
skipped; absurd numbers are rejected with a reason in ``article.stats["quantities"]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ...config import Config
from ...model import Article, Quantity, Segment
from ..common import DATE_MENTIONS, actor_at, date_value, place_at
from ..numbers import NumberMatch
from .units import find_currency, find_dimensions, find_percentages, find_quantities

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: Words whose presence above a number makes the claim hedged (lemmas, lower case).
HEDGES = frozenset({
    "believe", "estimate", "think", "suppose", "reportedly", "allegedly", "purportedly", "reputedly",
    "unconfirmed", "possibly", "probably", "likely", "may", "might", "could", "suspect", "claim",
    "rumor", "rumour", "presumably", "apparently", "assume", "guess", "speculate", "expect",
})
#: Counted nouns that make the holder's military the holder ("troops" of the U.S. -> USA.MIL).
MILITARY_NOUNS = frozenset({
    "troop", "troops", "soldier", "marine", "sailor", "airman", "paratrooper", "commando", "force",
    "forces", "warplane", "jet", "fighter", "bomber", "aircraft", "helicopter", "drone", "tank", "warship",
    "destroyer", "submarine", "missile", "personnel", "serviceman", "servicemen", "servicemember",
    "adviser", "advisor", "special", "battalion", "brigade", "regiment", "division", "unit", "artillery",
})
#: Words that make sentences with numbers worth parsing (triage cues).
CUES = frozenset({
    "troops", "soldiers", "civilians", "people", "killed", "dead", "died", "wounded", "injured", "percent",
    "million", "billion", "thousand", "hundreds", "thousands", "dozens", "dozen", "dollars", "euros",
    "refugees", "casualties", "deaths", "fighters", "reported", "estimated", "around", "about", "nearly",
    "least", "more", "than", "up", "down", "from", "total", "number", "rose", "fell", "increased",
})
_PREVIOUS = re.compile(
    r"\b(?:(?:up|down|rising|falling|increasing|decreasing|climbing|dropping)\s+from|compared\s+(?:with|to)"
    r"|against|versus|vs\.?|from\s+(?:a\s+)?(?:previous|earlier)(?:\s+\w+)?"
    r"|after)\s+(?:the\s+|a\s+|an\s+|some\s+|about\s+|around\s+|roughly\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_AGGREGATES = frozenset({"number", "total", "toll", "count", "tally", "figure", "level", "population"})
_FROM_TO = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT"}


@dataclass
class _Found:
    seg: Segment
    match: NumberMatch  # sentence-relative offsets
    first: int  # token range of the number
    last: int
    unit: str | None = None
    noun: int | None = None  # token index of the counted noun
    verb: int | None = None  # governing verb / predicate token
    hedged: bool = False
    holder: str | None = None
    place: str | None = None
    date: str | None = None
    event: str | None = None
    previous_of: int | None = None  # index (in the sentence's list) of the later value
    extra: dict[str, Any] = field(default_factory=dict)


def _tok_range(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def _counted_noun(seg: Segment, first: int, last: int) -> int | None:
    """Token index of the noun the number counts ("1,723 troops", "12 Syrian civilians")."""
    doc = seg.doc
    num_tok = doc[last - 1]
    if seg.parsed:
        head = num_tok.head
        if num_tok.dep_ in ("nummod", "quantmod", "amod", "compound") and head.pos_ in ("NOUN", "PROPN") \
                and head.i >= last:
            return int(head.i)
        for t in doc[first:last]:  # "hundreds of civilians"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                            return int(g.i)
    # no parse, or the parse did not say: the first noun right after the number
    j = last
    if j < len(doc) and doc[j].lower_ == "of":
        j += 1
    for k in range(j, min(len(doc), j + 4)):
        t = doc[k]
        if t.pos_ in ("NOUN",) or (t.pos_ == "PROPN" and t.ent_type_ in ("NORP", "")):
            if t.pos_ == "NOUN":
                return k
            continue
        if t.pos_ not in ("ADJ", "PROPN", "DET") and t.tag_ not in ("JJ", "NNP", "HYPH"):
            break
    return None


def _aggregate_unit(seg: Segment, f: _Found) -> str | None:
    """ "The number of refugees rose from 1.2 million to 1.5 million": the unit is "refugees"."""
    if not seg.parsed:
        return None
    verb = _governing_verb(seg.doc[f.last - 1])
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
            if c.lemma_.lower() in _AGGREGATES:
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for g in p.children:
                            if g.dep_ == "pobj":
                                return str(g.text.lower())
            return str(c.text.lower())
    return None


def _governing_verb(tok: Token) -> Token | None:
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and anc.i != tok.i:
            return anc
    return None


def _is_hedged(seg: Segment, tok: Token) -> bool:
    if not seg.parsed:
        return any(t.lemma_.lower() in HEDGES or t.lower_ in HEDGES for t in seg.doc)
    for anc in [tok, *tok.ancestors]:
        if anc.lemma_.lower() in HEDGES or anc.lower_ in HEDGES:
            return True
        for c in anc.children:
            if c.dep_ in ("advmod", "aux") and (c.lower_ in HEDGES or c.lemma_.lower() in HEDGES):
                return True
    return False


def _subject_actor(article: Article, seg: Segment, verb: Token | None) -> str | None:
    """The actor of the subject of ``verb`` (or of the verb controlling it: "was believed to have deployed")."""
    v = verb
    while v is not None:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "agent"):
                cand = [c, *c.subtree] if c.dep_ != "agent" else list(c.subtree)
                for t in cand:
                    a = _actor_ok(article, actor_at(article, seg.index, t.i))
                    if a:
                        return a
        if v.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def _military(article: Article, actor_id: str) -> str:
    """``USA`` -> ``USA.MIL`` (the holder of troops is a military)."""
    if "." in actor_id:
        return actor_id
    act = article.actor(actor_id)
    if act is not None and act.kind != "state":
        return actor_id
    if act is None and not re.fullmatch(r"[A-Z]{3}", actor_id):
        return actor_id
    return f"{actor_id}.MIL"


#: Counted nouns that name military personnel: one series whatever the word ("troops" ~ "soldiers").
PERSONNEL = frozenset({"troop", "soldier", "marine", "serviceman", "servicemen", "servicemember", "personnel",
                       "force", "paratrooper", "commando", "adviser", "advisor", "boot"})


def _same_unit(a: str, b: str) -> bool:
    a, b = a.lower().rstrip("s"), b.lower().rstrip("s")
    return a == b or (a in PERSONNEL and b in PERSONNEL)


def _actor_ok(article: Article, actor_id: str | None) -> str | None:
    """An actor that can hold a quantity: not an outlet, not an unresolved common noun."""
    if actor_id is None or actor_id.startswith("NOUN."):
        return None
    act = article.actor(actor_id)
    if act is not None and act.media:
        return None
    return actor_id


def _nearest(refs: list[tuple[int, str]], pos: int) -> str | None:
    if not refs:
        return None
    return min(refs, key=lambda r: abs(r[0] - pos))[1]


class QuantityStage:
    name: ClassVar[str] = "quantities"
    requires: ClassVar[tuple[str, ...]] = ("segments", "actors", "places", "dates", "events")
    assigns: ClassVar[tuple[str, ...]] = ("quantities",)

    @classmethod
    def from_config(cls, config: Config) -> QuantityStage:
        return cls()

    def triage_cues(self) -> frozenset[str]:
        return CUES

    def __call__(self, article: Article) -> Article:
        stats: dict[str, Any] = {"found": 0, "uncounted": 0, "rejected": []}
        out: list[Quantity] = []
        for seg in article.segments:
            found = self._sentence(article, seg, stats)
            base = len(out)
            for k, f in enumerate(found):
                s, e = seg.start + f.match.start, seg.start + f.match.end
                out.append(Quantity(
                    id=f"n{base + k + 1}", value=f.match.value, unit=f.unit or "count",
                    approximate=f.match.approximate, hedged=f.hedged, holder=f.holder, place=f.place,
                    date=date_value(article, f.date), evidence=article.span(s, e), low=f.match.low, high=f.match.high,
                    event=f.event,
                ))
            for k, f in enumerate(found):
                if f.previous_of is not None:
                    out[base + f.previous_of].previous = out[base + k].id
        article.quantities = out
        stats["found"] = len(out)
        article.stats["quantities"] = stats
        return article

    # -- one sentence ------------------------------------------------------------------------
    def _sentence(self, article: Article, seg: Segment, stats: dict[str, Any]) -> list[_Found]:
        doc = seg.doc
        text = doc.text
        rejected: list[str] = stats["rejected"]
        date_toks = {t for r in article.scratch.get(DATE_MENTIONS, []) if r.seg == seg.index
                     for t in range(r.start_tok, r.end_tok)}
        found: list[_Found] = []
        for m in find_quantities(text, rejected):
            rng = _tok_range(doc, m.start, m.end)
            if rng is None:
                continue
            first, last = rng
            toks = doc[first:last]
            if any(t.i in date_toks for t in toks):
                continue
            if m.kind in ("number", "vague") and any(t.ent_type_ in _SKIP_ENTS for t in toks):
                continue
            if m.kind == "number" and re.search(r"[A-Za-z]-?$", text[max(0, m.start - 1):m.start]):
                continue  # "F-16", "COVID-19"
            if m.kind == "number" and m.value == 1 and m.text.lower() in ("one", "a", "an"):
                continue  # "one official said": an article, not a count
            f = _Found(seg, m, first, last)
            f.unit = m.unit
            f.noun = _counted_noun(seg, first, last)
            if f.unit is None and f.noun is not None:
                f.unit = doc[f.noun].text.lower()
            found.append(f)
        self._link_previous(text, found)
        for f in found:
            if f.unit is None and f.previous_of is not None:
                f.unit = found[f.previous_of].unit
        for j, f in enumerate(found):  # "35 people were killed and more than 100 injured"
            if f.unit is None and f.match.kind == "number" and j > 0 and found[j - 1].noun is not None:
                between = text[found[j - 1].match.end:f.match.start]
                if len(between) < 45 and re.search(r"\band\b|,", between) and not re.search(r"[;:]", between):
                    f.unit = found[j - 1].unit
        for f in found:
            if f.previous_of is not None and f.unit is None:
                f.unit = _aggregate_unit(seg, f)
            if f.unit is None:
                for g in found:
                    if g.previous_of is not None and found[g.previous_of] is f:
                        f.unit = g.unit or _aggregate_unit(seg, f)
        kept: list[_Found] = []
        for f in found:
            if f.unit is None and f.match.kind in ("number", "vague"):
                stats["uncounted"] += 1
                continue
            kept.append(f)
        # re-index previous links after filtering
        index = {id(f): i for i, f in enumerate(kept)}
        for f in kept:
            if f.previous_of is not None:
                later = found[f.previous_of]
                f.previous_of = index.get(id(later))
        for f in kept:
            self._attach(article, seg, f)
        self._assign_dates(article, seg, kept)
        for f in kept:  # an earlier value shares what the sentence says of its series
            if f.previous_of is not None:
                later = kept[f.previous_of]
                if seg.parsed and f.first > later.last:
                    # "believed to have deployed 1,723, up from the 1,251 reported": the hedge of the
                    # later value's clause is not the earlier value's; only its own words count
                    anchor = seg.doc[f.noun] if f.noun is not None else seg.doc[f.last - 1]
                    f.hedged = any(t.lemma_.lower() in HEDGES or t.lower_ in HEDGES for t in anchor.subtree)
                f.holder = f.holder or later.holder
                f.place = f.place or later.place
        return kept

    def _link_previous(self, text: str, found: list[_Found]) -> None:
        for j in range(1, len(found)):
            b = found[j]
            a = found[j - 1]
            between = text[a.match.end:b.match.start]
            if between.strip().lower() == "to" and _FROM_TO.search(text[: a.match.start]):
                a.previous_of = j  # "rose from 1,251 to 1,723": a is the earlier value of b
                continue
            if len(between) > 60 or not _PREVIOUS.search(between):
                continue
            # "1,723 troops in Syria, up from the 1,251": b is the earlier value of the nearest
            # preceding quantity of the same kind and a compatible unit
            for i in range(j - 1, -1, -1):
                a = found[i]
                if a.match.kind != b.match.kind:
                    continue
                if b.unit is None or a.unit is None or _same_unit(a.unit, b.unit):
                    b.previous_of = i
                    break

    def _attach(self, article: Article, seg: Segment, f: _Found) -> None:
        doc = seg.doc
        anchor = doc[f.noun] if f.noun is not None else doc[f.last - 1]
        f.hedged = _is_hedged(seg, anchor)
        verb = _governing_verb(anchor) if seg.parsed else None
        f.verb = verb.i if verb is not None else None
        # holder: the counted noun is an actor ("1,723 U.S. troops"), else the subject of the verb
        holder = None
        if f.noun is not None:
            holder = _actor_ok(article, actor_at(article, seg.index, f.noun))
            if holder is None:
                for c in doc[f.noun].children:
                    if c.dep_ in ("amod", "compound", "poss", "nmod"):
                        holder = holder or _actor_ok(article, actor_at(article, seg.index, c.i))
        if holder is None and seg.parsed:
            holder = _subject_actor(article, seg, verb)
        if holder is None and not seg.parsed:
            before = [_actor_ok(article, actor_at(article, seg.index, i)) for i in range(f.first)]
            holder = next((a for a in reversed(before) if a), None)
        if holder is not None and f.unit is not None and f.unit.rstrip("s") in {n.rstrip("s") for n in MILITARY_NOUNS}:
            holder = _military(article, holder)
        f.holder = holder
        # place: the nearest place named in the clause (the verb's subtree), else in the sentence
        places = [(i, p) for i in range(len(doc)) if (p := place_at(article, seg.index, i))]
        if places:
            if verb is not None:
                sub = {t.i for t in verb.subtree}
                inside = [(i, p) for i, p in places if i in sub]
                places = inside or places
            f.place = _nearest(places, f.first)
        # event: the first ancestor of the count that is an event trigger
        chain = [anchor, *anchor.ancestors] if seg.parsed else []
        for t in chain:
            at = seg.start + t.idx
            for ev in article.events:
                trig = ev.trigger
                if trig is not None and trig.start <= at < trig.end:
                    f.event = ev.id
                    return

    def _assign_dates(self, article: Article, seg: Segment, found: list[_Found]) -> None:
        """Each date mention of the sentence goes to the nearest quantity."""
        if not found:
            return
        seen: set[str] = set()
        for r in article.scratch.get(DATE_MENTIONS, []):
            if r.seg != seg.index or r.ref in seen:
                continue
            seen.add(r.ref)
            best = min(found, key=lambda f: min(abs(r.start_tok - f.last), abs(f.first - r.end_tok)))
            if best.date is None:
                best.date = r.ref


__all__ = ["QuantityStage", "find_currency", "find_dimensions", "find_percentages", "find_quantities"]
