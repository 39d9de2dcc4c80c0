"""Two dates that make one range: "from May to October 2016", "Nov 18 - Dec 19, 2015", "from next
Monday to Friday", and ranges with "now": "between now and November 15th", "from March to date"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .grammar import WEEKDAY
from .match import DateMatch
from .values import as_range, shift_years

WEEKDAY_ONLY = re.compile(WEEKDAY, re.I)
DEICTIC = re.compile(r"(?:this|next|last|previous|coming|past)\b", re.I)  # "this May": not the year of B
JOIN = re.compile(r"^\s*(?:-|–|to|till|until|through|thru|and|~)\s*$", re.I)
#: a date in the possessive names whose noun it is ("an update Monday to March's sales tally"), not a range's end
POSSESSIVE = re.compile(r"['’]s?(?!\w)")
JOIN_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.I)
NOW_BEFORE = re.compile(r"\b(?:between\s+(?:now|today)\s+and|from\s+(?:now|today)\s+(?:to|till|until|through))\s+$",
                        re.I)
NOW_AFTER = re.compile(r"^\s*(?:-|and|to|till|until|through)\s+(?:now|today|the\s+present|date|current\s+date)\b",
                       re.I)

#: the matches of a text read in future tense (to read "May 21" in "between now and May 21")
Rescan = Callable[[str, dt.date], list[DateMatch]]


def joined_span(a: DateMatch, b: DateMatch) -> tuple[dt.date, dt.date, dt.date] | None:
    """(first day, last day, first day of B) of "A to B", or None when B ends before A starts.
    The year of B carries back to A ("from May to Oct 2020"); a B without a year moves forward
    past A ("from next Monday to Friday": the Friday after)."""
    if a.start_date is None or b.start_date is None or b.end_date is None:
        return None
    a_start = a.start_date
    if re.search(r"\d{4}", b.text) and not re.search(r"\d{4}", a.text) \
            and a.precision in ("month", "day") and not DEICTIC.match(a.text):
        a_start = shift_years(a_start, b.start_date.year - a_start.year)
        if a_start > b.start_date:
            a_start = shift_years(a_start, -1)
    b_end, b_start = b.end_date, b.start_date
    if a_start > b_end and not re.search(r"\d{4}", b.text) and b.precision in ("month", "day"):
        step = 7 if WEEKDAY_ONLY.fullmatch(b.text.strip()) else 0
        while a_start > b_end:
            if step:
                b_end, b_start = b_end + dt.timedelta(days=step), b_start + dt.timedelta(days=step)
            else:
                b_end, b_start = shift_years(b_end, 1), shift_years(b_start, 1)
    if a_start > b_end:
        return None
    return a_start, b_end, b_start


def join_ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Adjacent matches joined by "to", "-", "until", "through" (or "and" after "between") as one range;
    not when the second is in the possessive ("revised Friday to December's level")."""
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (b is not None and a.start_date and b.start_date and b.end_date and JOIN.match(text[a.end:b.start])
                and not POSSESSIVE.match(text[b.end:])):
            before = JOIN_BEFORE.search(text[: a.start])
            joiner = text[a.end:b.start].strip().lower()
            span = joined_span(a, b) if joiner != "and" or before else None
            if span is not None:
                s = before.start() if before else a.start
                rng = as_range(span[0], span[1])
                out.append(DateMatch(s, b.end, text[s:b.end], rng[0], rng[1], rng[2], "range", upto=span[2]))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def now_ranges(text: str, found: list[DateMatch], ref: dt.date, rescan: Rescan) -> list[DateMatch]:
    """ "between now and November 15th", "between Jan 2019 and now", "from March to date"."""
    out: list[DateMatch] = []
    skip_to = -1
    for f in found:
        if f.start < skip_to:
            continue
        if f.start_date is None or f.end_date is None:
            out.append(f)
            continue
        before = NOW_BEFORE.search(text[max(0, f.start - 40):f.start])
        after = NOW_AFTER.match(text[f.end:])
        first, last = f.start_date, f.end_date
        if before and first < ref:  # "between now and May 21": the coming May 21
            again = [g for g in rescan(f.text, ref) if g.end - g.start == len(f.text)]
            if again and again[0].start_date is not None and again[0].end_date is not None:
                first, last = again[0].start_date, again[0].end_date
        if before and first >= ref:
            s = max(0, f.start - 40) + before.start()
            rng = as_range(ref, last)
            out.append(DateMatch(s, f.end, text[s:f.end], rng[0], rng[1], rng[2], "range", upto=first))
        elif after and first <= ref and f.precision != "range":
            lead = JOIN_BEFORE.search(text[:f.start])
            s, e = (lead.start() if lead else f.start), f.end + after.end()
            rng = as_range(first, ref)
            out.append(DateMatch(s, e, text[s:e], rng[0], rng[1], rng[2], "range", upto=ref))
            skip_to = e
        else:
            out.append(f)
    return out
