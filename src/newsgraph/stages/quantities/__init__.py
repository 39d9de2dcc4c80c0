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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar

from ...config import Config
from ...model import Article, Quantity, Segment
from ...resources import word_list
from ..common import DATE_MENTIONS, actor_at, date_value, place_at
from ..numbers import NumberMatch
from .counted import (
    AGGREGATES,
    PEOPLE_STATES,
    age_unit,
    casualty_unit,
    counted_noun,
    is_name_number,
    level_unit,
    noun_unit,
    of_unit,
    time_unit,
    time_units,
)
from .units import VIDEO_LINES, find_currency, find_dimensions, find_percentages, find_quantities

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: Words whose presence above a number makes the claim hedged (lemmas, lower case).
HEDGES = word_list("quantities", "hedges")
#: Counted nouns that make the holder's military the holder ("troops" of the U.S. -> USA.MIL).
MILITARY_NOUNS = word_list("quantities", "military_nouns")
#: Words that make sentences with numbers worth parsing (triage cues).
CUES = word_list("quantities", "cues")
_PREVIOUS = re.compile(
    r"\b(?:(?:up|down|rising|falling|increasing|decreasing|climbing|dropping)\s+from|compared\s+(?:with|to)"
    r"|against|versus|vs\.?|from\s+(?:a\s+)?(?:previous|earlier)(?:\s+\w+)?"
    r"|after)\s+(?:the\s+|a\s+|an\s+|some\s+|about\s+|around\s+|roughly\s+|nearly\s+)?$",
    re.IGNORECASE,
)
#: A new level after a verb of change: "down to (around)", "rose to", "cut it to".
_NEW_LEVEL = re.compile(
    r"\b(?:down|up|rose|risen|fell|fallen|dropped|climbed|grew|grown|increased|decreased|jumped|slipped|cut"
    r"|reduced|raised|lowered|shrank|swelled|soared|plunged|went)(?:\s+\w+)?\s+to\s+"
    r"(?:about|around|roughly|nearly|almost|some|just|only|approximately)?\s*$",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"\bfrom\s+$", re.IGNORECASE)
#: spaCy labels of names (a number inside one is part of the name) and of times (kept only with a counted
#: noun, a span of time, an age or a fraction).
_NAME_ENTS = frozenset({"PERSON", "ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT"})
_TIME_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_SCORE_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}\s?[-–]$")
_SCORE_AFTER = re.compile(r"^\s?[-–]\d{1,3}(?![\d.,]|\s*(?:%|percent|per cent))")
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?(?:last\s+|first\s+|next\s+)?",
                      re.IGNORECASE)
#: A date mention that is a span of time counted back or forth from now ("the past 10 years", "within
#: 2 days"): its count is also a quantity (a duration); "two years ago", "in 2019" are not.
_SPAN_OF_TIME = re.compile(
    r"^(?:(?:with)?in\s+(?:the\s+)?(?:past|last|next)\s+|within\s+|for\s+(?:the\s+)?(?:past|last|next)?\s*"
    r"|over\s+the\s+(?:past|last|next)\s+|(?:during\s+)?the\s+(?:past|last|next)\s+)"
    r"[\w.,-]+\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries)$",
    re.IGNORECASE,
)
#: A date mention that is only a count of time ("3 to 4 days", "10+ years"): a duration, not a date.
_COUNT_OF_TIME = re.compile(
    r"^[\w.,]+\+?(?:\s*(?:to|or|-|–)\s*[\w.,]+\+?)?(?:[\s-]+plus)?[\s-]+"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries)$",
    re.IGNORECASE,
)
#: "+" or "-plus" after a number and before a word: "100+ runners", "50-plus stalls" (an approximation).
_PLUS = re.compile(r"^(\+|[\s-]plus)(?=\s+[A-Za-z])", re.IGNORECASE)
_DAY_WORDS = frozenset({"today", "tonight", "yesterday", "tomorrow"})
_CLOCK_AROUND = re.compile(r"\d:$")
_CLOCK_AFTER = re.compile(r"^(?::\d\d|\s*(?:a\.?m\.?|p\.?m\.?|o['’]clock)(?![A-Za-z]))", re.IGNORECASE)
#: Technology labels written as numbers: "5G networks", "4K video".
_LABEL = re.compile(r"\d[GK]")
#: A number hyphened to a capital letter or into a fixed term is part of a word, no amount.
_TERM_AFTER = re.compile(r"^-(?:[A-Z](?![A-Za-z])|figures?\b|pointers?\b|in-\w)")
#: "a/b" with a top not below its bottom is no fraction: a season or fiscal year ("2020/21"), "24/7", "50/50".
_SLASH = re.compile(r"(\d+)/(\d+)")
_ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_ORDINAL_WORD = re.compile(r"an?\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+th)", re.IGNORECASE)
#: Words before a time unit that make it a date ("90 last week", "5 a day").
TIME_DETERMINERS = word_list("quantities", "time_determiners")


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


_FRACTION_WORDS = re.compile(r"\b(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
                             re.IGNORECASE)
#: Words after a fraction word that make it a share ("half of the cars").
FRACTION_NEXT = word_list("quantities", "fraction_next")


#: A fraction word after an ordinal names a part of a period or a game ("the second half", "the first
#: quarter"), and one hyphened to a noun is part of a word ("half-time", "half-brother"): no share.
_PART_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|final|opening|closing)\s*$", re.IGNORECASE)
_PART_WORD = re.compile(r"^-(?:time|term|brother|sister|way|hearted|baked|truth|life|back)\b", re.IGNORECASE)


def _not_a_fraction(number: str) -> bool:
    """ "2020/21", "24/7", "50/50": written as a fraction, but a period or an idiom."""
    sl = _SLASH.fullmatch(number)
    return sl is not None and int(sl.group(1)) >= int(sl.group(2))


def _written_label(m: NumberMatch, text: str) -> bool:
    """A number written as part of a label or a word, no amount."""
    if _TERM_AFTER.match(text[m.end:]):
        return True  # "3-D", "a 10-K filing", "a six-figure salary", "a three-pointer", "2-in-1": terms
    if m.value in VIDEO_LINES and text[m.end:m.end + 1] in ("p", "i"):
        return True  # "1080p video": a resolution
    # "F-16", "COVID-19", "I-95"; "5G", "4K"; "2020/21", "24/7"
    return bool(re.search(r"[A-Za-z]-?$", text[max(0, m.start - 2):m.start]) or _LABEL.fullmatch(m.text)
                or _not_a_fraction(m.text))


def _is_part(m: NumberMatch, text: str) -> bool:
    """ "in the second half", "at half-time": a fraction word that names a part, not a share."""
    if m.kind != "number" or m.value >= 1 or not _FRACTION_WORDS.fullmatch(m.text):
        return False
    return bool(_PART_BEFORE.search(text[:m.start]) or _PART_WORD.match(text[m.end:]))


def _is_fraction(m: NumberMatch, doc: Doc, last: int) -> bool:
    """ "half of the cars", "a third of", "two thirds of their budget": a share, not a count."""
    if m.kind != "number" or m.value >= 1 or not _FRACTION_WORDS.search(m.text):
        return False
    return last >= len(doc) or doc[last].lower_ in FRACTION_NEXT or not doc[last].is_alpha


def _aggregate_unit(seg: Segment, f: _Found) -> str | None:
    """ "The number of refugees rose from 1.2 million to 1.5 million": the unit is "refugees"."""
    if not seg.parsed:
        return None
    verb = _governing_verb(seg.doc[f.last - 1])
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
            if c.lemma_.lower() in AGGREGATES:
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for g in p.children:
                            if g.dep_ == "pobj":
                                return noun_unit(g)
            return noun_unit(c)
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
PERSONNEL = word_list("quantities", "personnel")


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
        return CUES | PEOPLE_STATES  # a state of harm may hold a casualty count ("60 are missing")

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
        text = seg.text
        rejected: list[str] = stats["rejected"]
        date_toks = {t for r in article.scratch.get(DATE_MENTIONS, []) if r.seg == seg.index
                     and not _SPAN_OF_TIME.match(seg.doc[r.start_tok:r.end_tok].text)
                     and not _COUNT_OF_TIME.match(seg.doc[r.start_tok:r.end_tok].text)
                     for t in range(r.start_tok, r.end_tok)}
        found: list[_Found] = []
        for m in find_quantities(text, rejected):
            f = self._candidate(seg, m, date_toks)
            if f is not None:
                found.append(f)
        self._share_others(found)
        self._link_previous(text, found)
        for f in found:
            if f.unit is None and f.previous_of is not None:
                f.unit = found[f.previous_of].unit
        for j, f in enumerate(found):  # "35 people were killed and more than 100 injured"
            if f.unit is None and f.match.kind == "number" and j > 0 and found[j - 1].noun is not None:
                between = text[found[j - 1].match.end:f.match.start]
                if len(between) < 45 and re.search(r"\band\b|,", between) and not re.search(r"[;:]", between):
                    f.unit = found[j - 1].unit
        for j, f in enumerate(found):  # "12 of 20 trials", "about 30 of the 45 passengers"
            if f.unit is None and f.match.kind == "number" and j + 1 < len(found) and found[j + 1].unit:
                if _PART_OF.fullmatch(text[f.match.end:found[j + 1].match.start]):
                    f.unit = found[j + 1].unit
        for f in found:
            if f.unit is None and f.match.kind == "number" and f.noun is None:
                f.unit = casualty_unit(seg, f.first) or level_unit(seg, f.first) or of_unit(seg, f.first)
            if f.previous_of is not None and f.unit is None:
                f.unit = _aggregate_unit(seg, f)
            if f.unit is None:
                for g in found:
                    if g.previous_of is not None and found[g.previous_of] is f:
                        f.unit = g.unit or _aggregate_unit(seg, f)
        self._share_new_level(text, found)
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

    def _candidate(self, seg: Segment, m: NumberMatch, date_toks: set[int]) -> _Found | None:
        """One number of the sentence with its unit, or None when it is no quantity: part of a date,
        a name, a model or an ordinal, or the article "one"."""
        doc = seg.doc
        text = seg.text
        plus = _PLUS.match(text[m.end:]) if m.kind == "number" else None
        if plus:  # "100+ runners", "50-plus stalls", "10+ years": at least that many
            e = m.end + len(plus.group(1))
            m = replace(m, end=e, text=text[m.start:e], approximate=True)
        rng = _tok_range(doc, m.start, m.end)
        if rng is None:
            return None
        first, last = rng
        toks = doc[first:last]
        if any(t.i in date_toks for t in toks):
            return None
        plain = m.kind in ("number", "vague")
        span_of_time = time_unit(doc, last) if plain else None
        if plain and any(t.ent_type_ in _NAME_ENTS for t in toks) and span_of_time is None:
            return None
        if plain and _YEAR.fullmatch(m.text) and any(t.ent_type_ in ("DATE", "") for t in toks):
            return None  # a year ("the 2019 budget")
        noun = counted_noun(seg, first, last, m.value) if span_of_time is None else None
        if noun is not None and (doc[noun].lower_ in _DAY_WORDS or (
                doc[noun].lower_ in time_units() and doc[noun - 1].lower_ in TIME_DETERMINERS)):
            noun = None  # "about 90 last week", "9 today": the week is a date, not what is counted
        if plain and (_CLOCK_AROUND.search(text[max(0, m.start - 3):m.start]) or _CLOCK_AFTER.match(text[m.end:])):
            return None  # "1:57 am", "3 a.m.": a time of day
        if plain and (_ORDINAL_SUFFIX.match(text[m.end:]) or _ORDINAL_WORD.fullmatch(m.text)
                      and not _is_fraction(m, doc, last)):
            return None  # "9th degree", "a third and final meeting": ordinals
        if _is_part(m, text):
            return None  # "in the second half", "at half-time": a part of a period or a game
        # spaCy's DATE/TIME/ORDINAL labels miss ranges and fractions ("Between 40 and 60 workers", "A
        # third of"): a number with a counted noun, a span of time or an age is kept (the dates stage
        # has already claimed the real dates); so is a count before a day word ("12 goals last night and 8
        # today": the day is the date, the 8 counts goals)
        day_after = last < len(doc) and doc[last].lower_ in _DAY_WORDS
        if plain and any(t.ent_type_ in _TIME_ENTS for t in toks) and span_of_time is None and noun is None \
                and not _is_fraction(m, doc, last) and age_unit(seg, first, last, m.value) is None \
                and level_unit(seg, first) is None and not day_after:
            return None
        if m.kind == "number" and _written_label(m, text):
            return None
        if m.kind == "number" and m.value == 1 and m.text.lower() in ("one", "a", "an") and not m.approximate:
            return None  # "one official said": an article, not a count ("at least one person" is one)
        if plain and (_SCORE_BEFORE.search(text[:m.start]) or _SCORE_AFTER.match(text[m.end:])):
            return None  # "voted 52-48", "a 3-1 win": a result, not two quantities (ranges are merged)
        f = _Found(seg, m, first, last)
        f.unit = m.unit
        f.noun = noun
        if m.kind == "number" and is_name_number(seg, first, last, f.noun):
            return None
        if f.unit is None:
            if span_of_time is not None:
                f.unit = span_of_time
            elif _is_fraction(m, doc, last):
                f.unit = "fraction"
            elif f.noun is not None:
                f.unit = noun_unit(doc[f.noun])
            elif m.kind == "number":
                f.unit = age_unit(seg, first, last, m.value)
        return f

    @staticmethod
    def _share_others(found: list[_Found]) -> None:
        """ "five companies join nine others": "others" counts what the count before it counts."""
        for j, f in enumerate(found):
            if f.unit in ("other", "others", "more") and j > 0 and found[j - 1].unit:
                f.unit = found[j - 1].unit

    @staticmethod
    def _share_new_level(text: str, found: list[_Found]) -> None:
        """ "weighed 244 pounds and is down to around 238": a bare new level after a change counts
        what the nearest quantity before it in the sentence counts."""
        for j, f in enumerate(found):
            if f.unit is not None or f.match.kind != "number" or not _NEW_LEVEL.search(text[: f.match.start]):
                continue
            earlier = next((g for g in reversed(found[:j]) if g.unit is not None), None)
            if earlier is not None:
                f.unit = earlier.unit

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
