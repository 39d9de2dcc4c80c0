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
from .match import DateMatch
from .scanner import find_dates, resolve_date
from .vocabulary import FUTURE_AUXILIARIES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan

#: a duration, not a date ("six-year", "several weeks", "three days long")
DURATION = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:\d+|\w+)(?:[\s-]+\w+)?[\s-]+(?:years?|months?|weeks?|days?|hours?|decades?)"
    r"(?:[\s-]+(?:old|long))?$|^(?:several|many|few|some|the)\s+(?:years|months|weeks|days|decades)$",
    re.IGNORECASE,
)


def is_future(seg: Segment, start_tok: int) -> bool:
    """Whether the clause governing token ``start_tok`` is in the future tense."""
    doc = seg.doc
    if not seg.parsed:
        return any(t.lower_ in FUTURE_AUXILIARIES for t in doc) or "going to" in doc.text.lower()
    tok = doc[start_tok]
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in FUTURE_AUXILIARIES for c in anc.children):
                return True
            if anc.lower_ == "going" and any(c.lower_ == "to" for c in anc.rights):
                return True
    return False


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
                                 "durations_skipped": 0, "rejected": []}
        if article.published and ref is None:
            stats["rejected"].append(f"publication date not understood: {article.published!r}")
        out: list[DateRef] = []
        refs: list[TokenRef] = []
        for seg in article.segments:
            for m, via in self._candidates(seg, ref, stats):
                toks = tokens_for(seg, m.start, m.end)
                if toks is None:
                    continue
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
        future_at = {i: is_future(seg, i) for i in range(len(seg.doc))} if len(seg.doc) < 400 else {}
        found: list[tuple[DateMatch, str]] = []
        for m in find_dates(text, ref, loose=False, rejected=rejected):
            toks = tokens_for(seg, m.start, m.end)
            if toks and future_at.get(toks[0]) and m.value is not None:
                again = resolve_date(m.text, ref, future=True)
                if again is not None and again.value is not None:
                    m = DateMatch(m.start, m.end, m.text, again.value, again.start_date, again.end_date,
                                  again.precision)
            found.append((m, "rule"))
        ents: list[SpacySpan] = [e for e in seg.doc.ents if e.label_ == "DATE"]
        for ent in ents:
            s, e = ent.start_char, ent.end_char
            if any(m.start < e and s < m.end for m, _ in found):
                continue
            bad: list[str] = []
            inner = find_dates(ent.text, ref, future=bool(future_at.get(ent.start)), rejected=bad)
            if bad:  # an impossible date
                rejected.extend(b for b in bad if b not in rejected)
                continue
            if inner:
                for m in inner:
                    found.append((DateMatch(s + m.start, s + m.end, m.text, m.value, m.start_date, m.end_date,
                                            m.precision, m.reason, m.upto), "ner"))
                continue
            if DURATION.match(ent.text.strip()) or not re.search(r"[A-Za-z0-9]", ent.text):
                stats["durations_skipped"] += 1
                continue
            found.append((DateMatch(s, e, ent.text, None, reason="not understood"), "ner"))
        found.sort(key=lambda x: x[0].start)
        return found



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
