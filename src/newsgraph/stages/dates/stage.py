"""The dates stage: every date expression of an article, normalised against its publication date.

Candidates are the spans of :func:`~.scanner.find_dates` over each sentence, plus spaCy DATE
entities the grammar does not cover; ``dateparser`` is never run on whole text. The publication
date comes from ``article.published`` (metadata or ``--published``) and is never invented: without
it, relative expressions stay unresolved (``value`` None). Durations ("six-year conflict",
"several years") are not dates and are skipped; impossible dates ("February 30") are skipped with
a reason. Counts and reasons go to ``article.stats["dates"]``.
"""


from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, ClassVar

from ...config import Config
from ...model import Article, DateRef, Segment
from ..common import DATE_MENTIONS, TokenRef, add_refs
from .absolute import counts_a_change
from .context import AnaphoricDates, ClockTimes, FollowingUnits, QuarterComparisons
from .grammar import NAME_OF
from .match import DateMatch
from .relative import is_paper_name, is_title
from .scanner import find_dates, resolve_date
from .tense import Tense, tense_at
from .vocabulary import DATE_WORDS, DECADE_WORDS, FREQUENCY_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan

#: a duration, not a date ("six-year", "several weeks", "three days long")
DURATION = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:\d+|\w+)(?:[\s-]+\w+)?[\s-]+(?:years?|months?|weeks?|days?|hours?|decades?)"
    r"(?:[\s-]+(?:old|long))?$|^(?:several|many|few|some|the)\s+(?:years|months|weeks|days|decades)$"
    r"|^(?:years|months|weeks|days|decades|hours|quarters|centuries)$"
    r"|^(?:(?:more|less|fewer)\s+than\s+)?(?:a|an|one|\w+)[\s-]+(?:quarter|weekend)s?(?:[\s-]+century)?$"
    r"|^quarter[\s-]+century$",
    re.IGNORECASE,
)


#: "in two weeks": a day ahead only in a clause about the future; in a past one, a stretch of time
SPAN_AHEAD = re.compile(r"in\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                        r"(?:days?|weeks?|fortnights?|months?|years?|decades?)", re.I)
#: words that rank what a span of time is counted over: "the highest level in ten years", "his only win in a year"
RANKING_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "only", "last"})


def ranked_before(seg: Segment, start_tok: int) -> bool:
    """Whether a superlative or a ranking word comes within four words before token ``start_tok`` of its
    noun phrase ("the highest level in six months", "her second trip in two weeks")."""
    for t in reversed(seg.doc[max(0, start_tok - 4):start_tok]):
        if t.tag_ in ("JJS", "RBS") or t.lower_ in RANKING_WORDS:
            return True
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            return False
    return False


#: an age: "in her 30s", "his early twenties"
AGE_BEFORE = re.compile(r"\b(?:his|her|their|its|my|your|our|early|late|mid)[\s-]*$", re.I)
AGE_DECADE = re.compile(r"(?:early\s+|late\s+|mid[\s-]*)?(?:[1-9]0'?s|" + "|".join(DECADE_WORDS) + ")", re.I)


#: one capitalised word, which a name may begin with ("March" of the Teachers)
NAME_START = re.compile(r"[A-Z][a-z]+\.?")


def tokens_for(seg: Segment, s: int, e: int) -> tuple[int, int] | None:
    """Token range of sentence-relative characters ``[s, e)``."""
    span = seg.doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


class DateStage:
    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("segments",)
    assigns: ClassVar[tuple[str, ...]] = ("dates",)

    @classmethod
    def from_config(cls, config: Config) -> DateStage:
        return cls()

    def triage_cues(self) -> frozenset[str]:
        return frozenset()

    def __call__(self, article: Article) -> Article:
        ref = parse_published(article.published)
        stats: dict[str, Any] = {"published": ref.isoformat() if ref else None, "found": 0, "resolved": 0,
                                 "durations_skipped": 0, "not_dates_skipped": 0, "rejected": []}
        if article.published and ref is None:
            stats["rejected"].append(f"publication date not understood: {article.published!r}")
        out: list[DateRef] = []
        refs: list[TokenRef] = []
        comparisons = QuarterComparisons()
        following = FollowingUnits()
        clocks = ClockTimes()
        anaphora = AnaphoricDates()
        for seg in article.segments:
            found = self._candidates(seg, ref, stats)
            for i, (m, via) in enumerate(found):
                toks = tokens_for(seg, m.start, m.end)
                if toks is None:
                    continue
                after = found[i + 1][0] if i + 1 < len(found) else None
                m = clocks.read(seg.index, following.read(comparisons.read(seg.index, m, ref)), after)
                m = anaphora.read(m)
                s, e = seg.start + m.start, seg.start + m.end
                did = f"d{len(out) + 1}"
                out.append(DateRef(
                    id=did, text=article.text[s:e], value=m.value,
                    start=m.start_date.isoformat() if m.start_date else None,
                    end=m.end_date.isoformat() if m.end_date else None,
                    precision=m.precision if m.value is not None else "unknown",  # type: ignore[arg-type]
                    evidence=article.span(s, e),
                ))
                refs.append(TokenRef(seg.index, toks[0], toks[1], did, via))
                stats["found"] += 1
                stats["resolved"] += m.value is not None
        article.dates = out
        add_refs(article, DATE_MENTIONS, refs)
        article.stats["dates"] = stats
        return article

    def _candidates(
        self, seg: Segment, ref: dt.date | None, stats: dict[str, Any]
    ) -> list[tuple[DateMatch, str]]:
        text = seg.doc.text
        rejected: list[str] = stats["rejected"]
        found: list[tuple[DateMatch, str]] = []
        ahead: dict[tuple[int, int], DateMatch] | None = None  # the sentence read in the future tense
        for m in find_dates(text, ref, loose=False, refs=True, rejected=rejected):
            toks = tokens_for(seg, m.start, m.end)
            tense = tense_at(seg, *toks) if toks else "past"
            if SPAN_AHEAD.fullmatch(m.text) and (tense == "past" or (toks and ranked_before(seg, toks[0]))):
                stats["durations_skipped"] += 1  # "the biggest gain in a year", "his second visit in two weeks"
                continue
            if ahead is None and ref is not None:
                ahead = {(f.start, f.end): f for f in find_dates(text, ref, future=True, loose=False, refs=True)}
            found.append((directed(m, ref, tense, ahead.get((m.start, m.end)) if ahead else None), "rule"))
        for ent in seg.doc.ents:
            if ent.label_ != "DATE" or any(m.start < ent.end_char and ent.start_char < m.end for m, _ in found):
                continue
            found.extend((m, "ner") for m in self._entity_dates(seg, ent, ref, stats))
        found.sort(key=lambda x: x[0].start)
        return found

    @staticmethod
    def _entity_dates(seg: Segment, ent: SpacySpan, ref: dt.date | None, stats: dict[str, Any]) -> list[DateMatch]:
        """The dates of a spaCy DATE entity the grammar did not cover: those the grammar reads in its
        own text; none for an impossible date, a duration, a frequency or a number ("Smith, 51,");
        else the entity as text, unresolved."""
        rejected: list[str] = stats["rejected"]
        s, e = ent.start_char, ent.end_char
        if AGE_BEFORE.search(seg.doc.text[max(0, s - 8):s]) and AGE_DECADE.fullmatch(ent.text.strip()):
            stats["not_dates_skipped"] += 1  # "in her 30s"
            return []
        if NAME_START.fullmatch(ent.text) and (re.match(NAME_OF, seg.doc.text[e:]) or is_paper_name(seg.doc.text, s, e)):
            stats["not_dates_skipped"] += 1  # "the March of the Teachers", "Summer of Hope", "The Sunday Times"
            return []
        if is_title(seg.doc.text, s, e):
            stats["not_dates_skipped"] += 1  # ABC's "This Week"
            return []
        if counts_a_noun(ent) or (re.fullmatch(r"\d{4}", ent.text) and counts_a_change(seg.doc.text, s, e)):
            stats["not_dates_skipped"] += 1  # "the plant employs 1995 workers", "the toll rose to 2019"
            return []
        tense = tense_at(seg, ent.start, ent.end)
        bad: list[str] = []
        inner = find_dates(ent.text, ref, future=tense == "future", rejected=bad)
        if bad:  # an impossible date
            rejected.extend(b for b in bad if b not in rejected)
            return []
        if inner:
            return [DateMatch(s + m.start, s + m.end, m.text, d.value, d.start_date, d.end_date, d.precision,
                              m.reason, m.upto)
                    for m in inner for d in [directed(m, ref, tense)]]
        if DURATION.match(ent.text.strip()) or not re.search(r"[A-Za-z0-9]", ent.text):
            stats["durations_skipped"] += 1
            return []
        if is_no_date(ent.text):
            stats["not_dates_skipped"] += 1
            return []
        return [DateMatch(s, e, ent.text, None, reason="not understood")]


#: words before a number that counts: "about 1995 workers", "more than 2000 people"
COUNT_BEFORE = frozenset({"about", "some", "nearly", "almost", "around", "over", "than", "roughly", "approximately"})


def counts_a_noun(ent: SpacySpan) -> bool:
    """A bare number that spaCy calls a date but that counts the plural noun after it: after a verb or
    a word of quantity ("employs 1995 workers", "about 2000 people"); "the 1995 elections" stays a year."""
    doc = ent.doc
    if not re.fullmatch(r"\d{4}", ent.text) or ent.end >= len(doc) or doc[ent.end].tag_ != "NNS" or ent.start == 0:
        return False
    before = doc[ent.start - 1]
    return before.tag_.startswith("VB") or before.lower_ in COUNT_BEFORE


#: a day or month named without its year is read in its clause's tense unless that reading lies
#: more than this many days from the reference date and the other one is nearer
FAR_DAYS = 300


def distance(m: DateMatch, ref: dt.date) -> int | None:
    """Days from ``ref`` to the dates of ``m`` (0 when they hold it); None for an open range."""
    if m.start_date is None or m.end_date is None:
        return None
    if m.start_date <= ref <= m.end_date:
        return 0
    return min(abs((m.start_date - ref).days), abs((m.end_date - ref).days))


def directed(m: DateMatch, ref: dt.date | None, tense: Tense, ahead: DateMatch | None = None) -> DateMatch:
    """``m`` (read in the past) read in the tense of its clause: the future reading in the future
    tense; where the tense is unknown, whichever reading is nearer the reference date (the past one
    on a tie). A reading more than ``FAR_DAYS`` away gives way to a nearer one whatever the tense:
    news names a day or month without its year only near the publication date (a style-guide
    rule), so "the vote is set for Nov. 20, officials said" in late October is this November's; a
    range open at its start ("until mid-December") is read so by its last day. ``ahead``: the same
    span read in its sentence in the future tense (a bare "May" is a month only in its context)."""
    if m.value is None or ref is None:
        return m
    again = ahead if ahead is not None and ahead.text == m.text else resolve_date(m.text, ref, future=True)
    if again is None or again.value is None:
        return m
    near_past, near_future = distance(m, ref), distance(again, ref)
    if m.start_date is None and m.end_date is not None and again.end_date is not None and tense != "future":
        # a range open at its start ("until mid-December") read by its end: the FAR_DAYS rule only
        near_past, near_future = abs((m.end_date - ref).days), abs((again.end_date - ref).days)
        if near_past <= FAR_DAYS or near_future >= near_past:
            return m
    elif near_past is None or near_future is None:
        if tense != "future":
            return m
    elif tense == "past":
        if near_past <= FAR_DAYS or near_future >= near_past:
            return m
    elif tense == "unknown" or near_future > FAR_DAYS:
        if near_past <= near_future:
            return m
    return DateMatch(m.start, m.end, m.text, again.value, again.start_date, again.end_date, again.precision)


def is_no_date(text: str) -> bool:
    """An entity spaCy calls a date that holds no date word: a number ("51", an age), a frequency
    ("daily", "the daily" newspaper, "quarterly"), a bare plural unit ("years"), or a name."""
    words = re.findall(r"[a-z]+", text.lower())
    if not words:
        return True  # "51", "80486"
    if any(w in FREQUENCY_WORDS for w in words):
        return True
    return not any(w in DATE_WORDS for w in words) and not re.search(r"\b1\d\d\d|\b20\d\d", text)


def parse_published(value: str | None) -> dt.date | None:
    """The publication date of an article ("2017-12-06", "2017-12-06T10:00:00Z") or None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
