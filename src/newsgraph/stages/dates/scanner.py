"""Finding date expressions in text: every rule's pattern is matched, the longest matches win
(then the lower priority, then the earlier start), each is resolved by its handler, and adjacent
matches are then joined ("from May to June") and modified ("after 2016").

:func:`find_dates` scans plain text; :func:`resolve_date` normalises one expression (a spaCy DATE
entity, say). Both return :class:`DateMatch` with an inclusive ``start_date``/``end_date`` and a
precision; relative expressions without a reference date come back with ``value`` None and a
``reason``; impossible dates ("February 30") are skipped with their reason in ``rejected``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from . import absolute, holidays, periods, ranges, relative
from .joining import join_ranges, now_ranges
from .match import DateMatch, ImpossibleDate, NotThisPattern
from .modifiers import modify
from .registry import Rule, ordered, rules_of

#: every rule of the handler modules, by priority
RULES = ordered(rules_of(absolute, relative, periods, holidays, ranges))


@dataclass(frozen=True)
class Candidate:
    """A pattern match, leading white space left out of ``start``."""

    start: int
    end: int
    priority: int
    match: re.Match[str]
    rule: Rule


def candidates(text: str, loose: bool, refs: bool = False) -> list[Candidate]:
    """Every match of every rule, longest first, then by priority and start."""
    out: list[Candidate] = []
    for prio, pat, r in RULES:
        if (not loose and r.loose) or (not refs and r.reference):
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                out.append(Candidate(s, e, prio, m, r))
    out.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    return out


def resolve_candidate(text: str, c: Candidate, ref: dt.date | None, future: bool,
                      rejected: list[str] | None) -> tuple[bool, DateMatch | None]:
    """(whether the span is taken, the match) for one candidate: a handler that says it is no date
    of its kind leaves the span free; an impossible date takes it, without a match."""
    s, e = c.start, c.end
    try:
        res = c.rule(c.match, ref, future)
    except ImpossibleDate as exc:
        if rejected is not None:
            rejected.append(str(exc))
        return True, None
    except NotThisPattern:
        return False, None
    except (ValueError, OverflowError) as exc:  # a date outside the calendar (year 0, year 10000)
        if rejected is not None:
            rejected.append(f"date out of range: {text[s:e]!r} ({exc})")
        return True, None
    if res is None:
        return True, DateMatch(s, e, text[s:e], None, reason="relative to an unknown date")
    upto = res[4] if len(res) > 4 else None
    start = None if res[1] == dt.date.min else res[1]  # an open range ("to date", "recently")
    end = None if res[2] == dt.date.max else res[2]  # ("soon")
    return True, DateMatch(s, e, text[s:e], res[0], start, end, res[3], upto=upto)


def scan(text: str, ref: dt.date | None, future: bool, rejected: list[str] | None,
         loose: bool = True, refs: bool = False, combined: bool = True) -> list[DateMatch]:
    """The date expressions of ``text``: matched, resolved, then (``combined``) joined and modified."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for c in candidates(text, loose, refs):
        if any(a < c.end and c.start < b for a, b in taken):
            continue
        took, match = resolve_candidate(text, c, ref, future, rejected)
        if took:
            taken.append((c.start, c.end))
        if match is not None:
            found.append(match)
    found.sort(key=lambda d: d.start)
    return combine(text, found, ref) if combined else found


def rescan_future(text: str, ref: dt.date) -> list[DateMatch]:
    return scan(text, ref, True, None, True)


def combine(text: str, found: list[DateMatch], ref: dt.date | None) -> list[DateMatch]:
    """Matches joined into ranges and modified by the words around them; a step that runs out of
    the calendar leaves the matches as they were."""
    try:
        found = join_ranges(text, found)
    except (ValueError, OverflowError):
        pass
    if ref is not None:
        try:
            found = now_ranges(text, found, ref, rescan_future)
        except (ValueError, OverflowError):
            pass
    try:
        return modify(text, found, ref)
    except (ValueError, OverflowError):
        return found


def find_dates(
    text: str,
    ref: dt.date | None = None,
    *,
    future: bool = False,
    rejected: list[str] | None = None,
    loose: bool = True,
    refs: bool = False,
    combined: bool = True,
) -> list[DateMatch]:
    """Every date expression in ``text``, normalised against ``ref`` (None: relative ones unresolved).

    ``future``: bare weekdays and months point forward (the clause is in the future tense).
    ``loose=False`` leaves out forms that are often not dates in running text ("1/4", "2014-12").
    ``refs=True`` adds the present, the past and the future named as such ("now", "currently",
    "recently", "soon", "in the future"): TimeML's values PRESENT_REF, PAST_REF and FUTURE_REF.
    ``combined=False`` leaves matches as found: not joined into ranges ("from May to June") nor
    modified by the words around them ("after 2016").
    Impossible dates are skipped and their reason appended to ``rejected``.
    """
    return scan(text, ref, future, rejected, loose, refs, combined)


def resolve_date(
    expr: str, ref: dt.date | None = None, *, future: bool = False, rejected: list[str] | None = None
) -> DateMatch | None:
    """Normalise one expression (e.g. a spaCy DATE entity): the best match covering most of it.

    Returns None when nothing in ``expr`` reads as a date; a DateMatch with ``value`` None when
    it does but cannot be resolved (relative without ``ref``).
    """
    found = scan(expr, ref, future, rejected)
    if not found:
        return None
    best = max(found, key=lambda f: (f.end - f.start, f.value is not None))
    return replace(best, start=0, end=len(expr), text=expr) if len(found) == 1 else best
