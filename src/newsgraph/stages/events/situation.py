"""Where and when an event happened (docs/events.md, Date and place): the date and place stated in
the trigger's clause, else in its sentence, else in its paragraph (the nearest sentence before it
first, then after it), each with the words it was read from (``date_evidence``, ``place_evidence``)
and its level in the event's features (``date_level``, ``place_level``: clause, sentence, paragraph).
The publication date is never used: an event whose text names no date has none."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...model import Article, Segment, Span
from ..common import date_at, place_at
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
            ref = date_at(article, s.index, t.i)
            if ref is not None:
                return ref
    return None


def first_place(article: Article, segs: list[Segment]) -> tuple[str, Span | None] | None:
    """The first place named in a locative phrase of ``segs`` ("in eastern Syria")."""
    for s in segs:
        for t in s.doc:
            if not s.parsed or not in_place_phrase(t, set()):
                continue
            ref = place_at(article, s.index, t.i)
            if ref is not None:
                return ref, place_mention(article, s, ref)
    return None


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
    place = date = None
    place_tok: Token | None = None
    for t in sorted(region, key=lambda x: x.i):
        if place is None and in_place_phrase(t, anchors):
            place = place_at(article, seg.index, t.i)
            place_tok = t if place is not None else None
        if date is None:
            date = date_at(article, seg.index, t.i)
    when = [t for c in trig.children if c.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and m.lower_
            in {"when", "as", "while"} for m in c.children) for t in clause_tokens(c)]
    for t in sorted(when, key=lambda x: x.i) if place is None else []:  # "killed X when they blew up in Y"
        if in_place_phrase(t, anchors) and (place := place_at(article, seg.index, t.i)) is not None:
            place_tok = t
            break
    if date is None and governor is not None:
        for t in clause_tokens(governor):
            date = date_at(article, seg.index, t.i)
            if date:
                break
    return place, date, place_tok
