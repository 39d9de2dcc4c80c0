"""Words around a found date that change what it means: "after 2016", "before May", "since March",
"2018 or later", "two weeks before Christmas", "for 3 days from today", "more than two weeks ago",
"next 6th of April". Each step looks at the text before or after one match and returns the match it
becomes, or None to leave it to the next step."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .match import DateMatch
from .numerals import count_value
from .values import add_months, as_month, as_range, as_week, as_year, shift_years
from .vocabulary import UNIT_DAYS

MODIFIER = re.compile(r"\b(before|after|since|later than|earlier than|no later than|greater than|until|till"
                      r"|by)\s+(?:the\s+)?(?:year\s+)?$", re.I)
OFFSET_BEFORE = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|the)\s+"
    r"(?P<unit>day|week|fortnight|month|year)s?\s+(?P<dir>before|after|from)\s+(?:the\s+)?$",
    re.I,
)
SPAN_FROM = re.compile(
    r"(?:(?P<for>\bfor\s+(?:the\s+)?)|\b)(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|several|a few)\s+(?P<unit>day|week|fortnight|month|year)s?\s*,?\s+(?:(?P<start>starting|beginning|commencing)"
    r"(?:\s+(?:from|on|with))?|from)\s+(?:the\s+)?$", re.I)
END_OF = re.compile(r"(?:the\s+)?(?:end|close)\s+of\b|eo[ymw]\b", re.I)  # "before the end of May": by May 31
MORE_THAN = re.compile(r"\b(?:more|longer)\s+than\s+$", re.I)
OFFSET_TEXT = re.compile(r"\b(?:ago|before|after|from|earlier|later)\b", re.I)
REL_BEFORE = re.compile(r"\b(next|this|last)\s+$", re.I)
LATER_AFTER = re.compile(
    r"\s+(?:or|and)\s+(later|after|greater|more|earlier|before|sooner)\b(?=\s*(?:[.,;:!?)]|$))",
    re.I,
)

Step = Callable[[str, DateMatch, "dt.date | None"], "DateMatch | None"]


def moved(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` days, weeks, fortnights, months or years."""
    if unit in ("month", "year"):
        return add_months(d, n * (12 if unit == "year" else 1))
    return d + dt.timedelta(days=n * UNIT_DAYS[unit])


def open_range(text: str, s: int, e: int, a: dt.date | None, b: dt.date | None) -> DateMatch:
    """A range with an open end (``a`` or ``b`` None) over ``text[s:e]``."""
    value = f"{a.isoformat() if a else '..'}/{b.isoformat() if b else '..'}"
    return DateMatch(s, e, text[s:e], value, a, b, "range")


def span_from(text: str, f: DateMatch, ref: dt.date | None) -> DateMatch | None:
    """ "for 3 days from today", "2 weeks starting May 20th": a span beginning on the anchor."""
    span = SPAN_FROM.search(text[max(0, f.start - 50):f.start])
    n = count_value(span["n"]) if span else None
    if not (span and n is not None and n > 0 and f.start_date is not None and f.precision in ("day", "week")
            and (span["for"] or span["start"])):
        return None
    a = f.start_date
    upto = moved(a, span["unit"].lower(), n)
    s = max(0, f.start - 50) + span.start()
    rng = as_range(a, upto - dt.timedelta(days=1))
    return DateMatch(s, f.end, text[s:f.end], rng[0], rng[1], rng[2], "range", upto=upto)


def more_than(text: str, f: DateMatch, ref: dt.date | None) -> DateMatch | None:
    """ "more than 2 weeks before today", "more than three days ago": earlier than that day."""
    more = MORE_THAN.search(text[max(0, f.start - 12):f.start])
    if not (more and f.start_date is not None and f.start_date == f.end_date and f.start_date != ref
            and OFFSET_TEXT.search(f.text)):
        return None
    s = max(0, f.start - 12) + more.start()
    if f.start_date < (ref or f.start_date):
        b = f.start_date - dt.timedelta(days=1)
        return DateMatch(s, f.end, text[s:f.end], f"../{b.isoformat()}", None, b, "range")
    a = f.start_date + dt.timedelta(days=1)
    return DateMatch(s, f.end, text[s:f.end], f"{a.isoformat()}/..", a, None, "range")


def relative_year(text: str, f: DateMatch, ref: dt.date | None) -> DateMatch | None:
    """ "next 6th of April", "this 5/12", "last March 3": the year is chosen by the modifier."""
    rel = REL_BEFORE.search(text[max(0, f.start - 10):f.start])
    if not (rel and ref is not None and f.precision == "day" and f.start_date is not None
            and not re.search(r"\d{4}|\b(?:mon|tue|wed|thu|fri|sat|sun)", f.text, re.I)
            and not OFFSET_TEXT.search(f.text)):
        return None
    word = rel.group(1).lower()
    d = shift_years(f.start_date, ref.year - f.start_date.year)
    if word == "next" and d <= ref:
        d = shift_years(d, 1)
    elif word == "last" and d >= ref:
        d = shift_years(d, -1)
    s = max(0, f.start - 10) + rel.start()
    return DateMatch(s, f.end, text[s:f.end], d.isoformat(), d, d, "day")


def offset_before(text: str, f: DateMatch, ref: dt.date | None) -> DateMatch | None:
    """ "two weeks before Christmas", "3 days after January 12th"; "the day before Easter", "the week
    after May 3": one unit from that day, written in the unit ("the week after": that week)."""
    off = OFFSET_BEFORE.search(text[max(0, f.start - 40):f.start])
    the = off is not None and off["n"].lower() == "the"
    n = 1 if the else count_value(off["n"]) if off else None
    if not (off and n is not None and f.start_date is not None and f.start_date == f.end_date):
        return None
    unit = off["unit"].lower()
    if the and (unit == "fortnight" or off["dir"].lower() == "from"):
        return None
    sign = -1 if off["dir"].lower() == "before" else 1
    d = moved(f.start_date, unit, sign * n)
    s = max(0, f.start - 40) + off.start()
    if the and unit != "day":
        value, a, b, precision = as_week(d) if unit == "week" else as_month(d.year, d.month) if unit == "month" \
            else as_year(d.year)
        return DateMatch(s, f.end, text[s:f.end], value, a, b, precision)
    return DateMatch(s, f.end, text[s:f.end], d.isoformat(), d, d, "day")


def or_later(text: str, f: DateMatch, ref: dt.date | None) -> DateMatch | None:
    """ "2018 or later", "May 3 or earlier": an open range."""
    later = LATER_AFTER.match(text[f.end:])
    if not (later and f.start_date is not None and f.end_date is not None):
        return None
    e = f.end + later.end()
    if later.group(1).lower() in ("later", "after", "greater", "more"):
        return open_range(text, f.start, e, f.start_date, None)
    return open_range(text, f.start, e, None, f.end_date)


def before_after(text: str, f: DateMatch, ref: dt.date | None) -> DateMatch | None:
    """ "after 2016" -> from 2017-01-01 on; "before 2018" -> up to 2017-12-31; "since May" -> May to
    ``ref``; "until May" -> up to May 31; "by May" is left as it is, "by the end of May" up to May 31."""
    mod = MODIFIER.search(text[max(0, f.start - 20):f.start])
    if mod is None or f.start_date is None or f.end_date is None:
        return None
    word = mod.group(1).lower()
    if word == "by" and not END_OF.match(f.text):
        return None
    s = max(0, f.start - 20) + mod.start()
    if word in ("after", "later than", "greater than"):
        return open_range(text, s, f.end, f.end_date + dt.timedelta(days=1), None)
    if word in ("before", "earlier than") and not END_OF.match(f.text):
        return open_range(text, s, f.end, None, f.start_date - dt.timedelta(days=1))
    if word == "since":
        return open_range(text, s, f.end, f.start_date, ref if ref and ref >= f.start_date else None)
    return open_range(text, s, f.end, None, f.end_date)  # until, till, no later than, by the end of


STEPS: tuple[Step, ...] = (span_from, more_than, relative_year, offset_before, or_later, before_after)


def modify(text: str, found: list[DateMatch], ref: dt.date | None) -> list[DateMatch]:
    """Each match, as the first step that applies rewrites it (or as it is)."""
    out: list[DateMatch] = []
    for f in found:
        for step in STEPS:
            new = step(text, f, ref)
            if new is not None:
                out.append(new)
                break
        else:
            out.append(f)
    return out
