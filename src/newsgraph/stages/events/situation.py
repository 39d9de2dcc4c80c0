"""Where and when an event happened (docs/events.md, Date and place): the date and place stated in
the trigger's clause, else in its sentence, else in its paragraph (the nearest sentence before it
first, then after it), each with the words it was read from (``date_evidence``, ``place_evidence``)
and its level in the event's features (``date_level``, ``place_level``: clause, sentence, paragraph).
The publication date is never used: an event whose text names no date has none, and a duration with
no calendar value ("after two nights of unrest") dates nothing.

Within one level the most specific place wins, as a coder codes the event's most precise location
("in Helmand's Nad Ali district": the district; "an activist in Honduras was killed in the town of X":
the town). Where the clause has no locative phrase, the places named inside the trigger's own
arguments come next ("retook the village of X", "residents of X blocked", "missiles fired at X"), and
where the text names no place at all, the dateline's ("KHARTOUM, Sudan (Reuters) -" says where the
story was filed: level ``dateline``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ...model import Article, Place, Segment, Span
from ...vocab import PLACE_NAMED_ONLY
from ..common import date_at, dateline_span, place_at
from .hit import Hit
from .syntax import clause_tokens, in_place_phrase


@dataclass
class Situation:
    place: str | None = None
    date: str | None = None  # a DateRef id
    #: the token of a place in the clause's locative phrase (the place-as-target rule reads it)
    place_tok: Token | None = None
    place_evidence: Span | None = None
    date_evidence: Span | None = None
    levels: dict[str, str] = field(default_factory=dict)


def situate(article: Article, seg: Segment, hit: Hit, governor: Token | None) -> Situation:
    """The event's date and place: clause first (see ``where_when``), then sentence, then paragraph."""
    place, date, place_tok = where_when(article, seg, hit, governor)
    sit = Situation(place, date, place_tok)
    if place is not None:
        sit.levels["place_level"] = "clause"
    if date is not None:
        sit.levels["date_level"] = "clause"
    if sit.place is None:
        sit.place = argument_place(article, seg, hit)
        if sit.place is not None:
            sit.levels["place_level"] = "argument"
    for level, segs in (("sentence", [seg]), ("paragraph", paragraph_neighbours(article, seg))):
        if sit.date is None:
            sit.date = first_date(article, segs)
            if sit.date is not None:
                sit.levels["date_level"] = level
        if sit.place is None:
            found = first_place(article, segs)
            if found is not None:
                sit.place, sit.place_evidence = found
                sit.levels["place_level"] = level
    if sit.place is None:
        found = dateline_place(article)
        if found is not None:
            sit.place, sit.place_evidence = found
            sit.levels["place_level"] = "dateline"
    if sit.place is not None and sit.place_evidence is None:
        sit.place_evidence = place_mention(article, seg, sit.place)
    if sit.date is not None:
        sit.date_evidence = next((d.evidence for d in article.dates if d.id == sit.date), None)
    return sit


def paragraph_neighbours(article: Article, seg: Segment) -> list[Segment]:
    """The other sentences of ``seg``'s paragraph, the nearest before it first, then those after it."""
    same = [s for s in article.segments if s.paragraph == seg.paragraph and s.index != seg.index]
    before = sorted((s for s in same if s.index < seg.index), key=lambda s: -s.index)
    after = sorted((s for s in same if s.index > seg.index), key=lambda s: s.index)
    return before + after


def first_date(article: Article, segs: list[Segment]) -> str | None:
    for s in segs:
        for t in s.doc:
            ref = calendar_date_at(article, s.index, t.i)
            if ref is not None:
                return ref
    return None


#: A span of time, not a point in it ("two nights", "48 hours", "several long weeks").
DURATION = re.compile(
    r"(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|"
    r"a few|few|many|some|dozens of|hundreds of)\s+(?:\w+\s+)?(?:second|minute|hour|day|night|week|weekend|"
    r"month|year|decade)s?$", re.IGNORECASE)


def calendar_date_at(article: Article, seg: int, token_i: int) -> str | None:
    """The date at the token, unless it is a duration the dates stage gave no calendar value ("after two
    nights of unrest"): a span of time dates no event. (A weekday with no publication date to place it
    stays, as its words.)"""
    ref = date_at(article, seg, token_i)
    if ref is None:
        return None
    d = next((d for d in article.dates if d.id == ref), None)
    return None if d is None or (not d.value and DURATION.match(d.text.strip())) else ref


#: How wide a place of each feature is: the smallest wins among a level's places.
SPECIFICITY: dict[str | None, int] = {"admin2": 1, "admin1": 2, "region": 2, "country": 3, "continent": 4}


def most_specific(article: Article, found: list[tuple[Token, str]]) -> tuple[Token, str] | None:
    """The narrowest of the places found (the first among equals): 0 for a town, a district below the
    second level or a site, more for wider areas (SPECIFICITY)."""
    if not found:
        return None
    width = {p.id: SPECIFICITY.get(p.feature, 0) for p in article.places}
    return min(found, key=lambda f: (width.get(f[1], 0), f[0].i))


def first_place(article: Article, segs: list[Segment]) -> tuple[str, Span | None] | None:
    """The narrowest place named in locative phrases of the first of ``segs`` that has one ("in
    eastern Syria")."""
    for s in segs:
        if not s.parsed:
            continue
        found = [(t, ref) for t in s.doc if in_place_phrase(t, set())
                 and (ref := place_at(article, s.index, t.i)) is not None]
        best = most_specific(article, found)
        if best is not None:
            return best[1], place_mention(article, s, best[1])
    return None


#: The trigger's arguments whose noun phrases can name the event's place.
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "agent"})


def located_at(article: Article, seg: Segment, tok: Token, places: dict[str, Place]) -> str | None:
    """The place ``tok`` names as a location: not a place adjective, a government acting or a name
    inside an organisation's name ("Russian troops", "Kenya said"); ``places`` by id."""
    ref = place_at(article, seg.index, tok.i)
    place = places.get(ref) if ref is not None else None
    if ref is None or place is None:
        return None
    at = seg.start + tok.idx - seg.doc[0].idx
    here = [m for m in place.mentions if m.start <= at < m.end]
    return ref if here and all(m.via not in PLACE_NAMED_ONLY for m in here) else None


def argument_place(article: Article, seg: Segment, hit: Hit) -> str | None:
    """The narrowest place named inside the trigger's own arguments, reduced clauses included, relative
    clauses not ("retook the village of X", "residents of X blocked the road", "missiles fired at X")."""
    if not seg.parsed:
        return None
    trig = hit.tokens[-1]
    heads = [c for c in trig.children if c.dep_ in ARGUMENT_DEPS]
    if hit.noun:
        heads.append(trig)
    places = {p.id: p for p in article.places}
    found = [(t, ref) for h in heads for t in described(h)
             if (ref := located_at(article, seg, t, places)) is not None]
    best = most_specific(article, found)
    return None if best is None else best[1]


def described(head: Token) -> list[Token]:
    """The tokens of ``head``'s phrase without its relative clauses: "Washington, which fought in X" says
    where Washington fought before, not where the event of the sentence happened."""
    skip = {t.i for c in head.subtree if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in head.subtree if t.i not in skip]


def dateline_place(article: Article) -> tuple[str, Span | None] | None:
    """The narrowest place named in the article's dateline, with its words."""
    span = dateline_span(article)
    if span is None:
        return None
    found = [(p, m) for p in article.places for m in p.mentions if span[0] <= m.start and m.end <= span[1]]
    if not found:
        return None
    place, mention = min(found, key=lambda f: (SPECIFICITY.get(f[0].feature, 0), f[1].start))
    return place.id, article.span(mention.start, mention.end)


def place_mention(article: Article, seg: Segment, place_id: str) -> Span | None:
    """The words naming place ``place_id`` in ``seg`` (its first mention there)."""
    for pl in article.places:
        if pl.id == place_id:
            for m in pl.mentions:
                if seg.start <= m.start < seg.end:
                    return article.span(m.start, m.end)
    return None


def where_when(article: Article, seg: Segment, hit: Hit,
               governor: Token | None) -> tuple[str | None, str | None, Token | None]:
    """Place and date stated in the trigger's clause (not in embedded clauses)."""
    trig = hit.tokens[-1]
    region = clause_tokens(trig)
    anchors = {trig.i}
    if hit.noun and trig.head.pos_ in {"VERB", "AUX"}:
        anchors.add(trig.head.i)
        for c in trig.head.children:
            if c.dep_ in {"prep", "npadvmod"}:
                region += clause_tokens(c)
    date = None
    found: list[tuple[Token, str]] = []
    for t in sorted(region, key=lambda x: x.i):
        if in_place_phrase(t, anchors) and (ref := place_at(article, seg.index, t.i)) is not None:
            found.append((t, ref))
        if date is None:
            date = calendar_date_at(article, seg.index, t.i)
    when = [t for c in trig.children if c.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and m.lower_
            in {"when", "as", "while"} for m in c.children) for t in clause_tokens(c)]
    if not found:  # "killed X when they blew up in Y"
        found = [(t, ref) for t in sorted(when, key=lambda x: x.i)
                 if in_place_phrase(t, anchors) and (ref := place_at(article, seg.index, t.i)) is not None]
    if date is None and governor is not None:
        for t in clause_tokens(governor):
            date = calendar_date_at(article, seg.index, t.i)
            if date:
                break
    best = most_specific(article, found)
    return (None, date, None) if best is None else (best[1], date, best[0])
