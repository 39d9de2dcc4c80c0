"""Ranges written as one expression: "November 18-19", "between the 3rd and 12th of Sept",
"2014-2018", "from 2010 to 2015", "year to date", "to date". Ranges of two separate dates ("from
May to October 2016") are joined afterwards, see ``joining.py``."""

from __future__ import annotations

import datetime as dt
import re

from .grammar import DAY_NUMBER, MONTH, YEAR, YEAR_SECOND
from .match import NotThisPattern
from .numerals import day_number, year_for_month, year_value
from .registry import rule
from .values import Resolved, add_months, as_range, make_day
from .vocabulary import MONTHS

RANGE_WORD = r"(?:-|–|to|through|thru|till|until|and)"


@rule((30, r"\b(?:(?:between|from)\s+)?(?:the\s+)?(?P<d1>" + DAY_NUMBER + r")\s*(?:-|–|to|and|through|thru|till"
       r"|until)\s*(?:the\s+)?(?P<d2>" + DAY_NUMBER + r")\s+(?:of\s+)?" + MONTH + r"(?:\s*,?\s*" + YEAR
       + r")?(?![\w])"),
      (40, r"\b(?:(?P<lead>between|from)\s+)?" + MONTH + r"\s+(?:the\s+)?(?P<d1>" + DAY_NUMBER + r")\s*(?P<mfirst>"
       + RANGE_WORD + r")\s*(?:the\s+)?(?P<d2>" + DAY_NUMBER + r")(?:\s*,?\s*" + YEAR + r")?(?![\w-])"))
def day_range(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "November 18-19", "between 3 and 12 of Sept", "9 to 12 June 2020", "from April 27th to the 3rd"."""
    mon = MONTHS[m["mon"].lower()]
    a, b = day_number(m["d1"]), day_number(m["d2"])
    month_first = m.groupdict().get("mfirst")
    if month_first and month_first.lower() == "and" and not m["lead"]:
        raise NotThisPattern(m.group())  # "April 9 and 17": two days
    if a is None or b is None or a == b or (a > b and not month_first):
        raise NotThisPattern(m.group())
    y = year_for_month(m["year"], mon, ref, future)
    if y is None:
        return None
    first = make_day(y, mon, a)
    if a > b:  # "from April 27th to the 3rd": the 3rd of the next month
        nxt = add_months(dt.date(y, mon, 1), 1)
        last = make_day(nxt.year, nxt.month, b)
    else:
        last = make_day(y, mon, b)
    return (*as_range(first, last), last)


@rule((130, r"\b(?:(?:from|between)\s+)?" + YEAR + r"\s*(?:-|–|~|to|till|until|through|thru|and)\s*"
       + YEAR_SECOND + r"\b"))
def year_range(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "2014-2018", "from 2010 to 2015", "between 2014 and 2018" (not "2014 and 2018": two years)."""
    a, b = year_value(m["year"]), year_value(m["year2"])
    joined = m.group().lower()
    if b <= a or (re.search(r"\band\b", joined) and not joined.startswith("between")):
        raise NotThisPattern(m.group())
    return (*as_range(dt.date(a, 1, 1), dt.date(b, 12, 31), f"{a}/{b}"), dt.date(b, 1, 1))


@rule((300, r"\b(?:(?P<ytd>(?:the\s+)?year[\s-]to[\s-]date|ytd)|(?:till|to|until)\s+(?:date|current\s+date))\b"))
def to_date(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "year to date" (from January 1), "to date" (an open start): up to the reference date."""
    if ref is None:
        return None
    if m["ytd"]:
        return (*as_range(dt.date(ref.year, 1, 1), ref), ref)
    return f"../{ref.isoformat()}", dt.date.min, ref, "range", ref
