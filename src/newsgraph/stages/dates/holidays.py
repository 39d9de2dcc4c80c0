"""Holidays: "Christmas", "Easter 2018", "last Thanksgiving", "over the Labor Day weekend".

Holidays with a fixed day and those set by a rule (Easter, the n-th weekday of a month) are read
from ``data/words/fixed_holidays.txt`` and ``rule_holidays.txt``; US federal and common Western
holidays only, others stay unresolved text.
"""

from __future__ import annotations

import datetime as dt
import re

from .grammar import YEAR
from .match import NotThisPattern
from .numerals import year_value
from .registry import rule
from .values import Resolved, Value, as_day, as_range, as_week, nth_weekday
from .vocabulary import FIXED_HOLIDAYS, RULE_HOLIDAYS


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def by_rule(text: str, year: int) -> dt.date:
    """The day of a holiday rule in ``year``: "easter -2", "nth 11 3 4 1" (see rule_holidays.txt)."""
    kind, *args = text.split()
    nums = [int(a) for a in args]
    if kind == "easter":
        return easter(year) + dt.timedelta(days=nums[0])
    month, weekday, n, days = nums
    return nth_weekday(year, month, weekday, n) + dt.timedelta(days=days)


#: holidays named with common words: the holiday only when capitalised
COMMON_WORD_HOLIDAYS = frozenset({"election day"})
HOLIDAY_NAMES = sorted({*FIXED_HOLIDAYS, *RULE_HOLIDAYS}, key=len, reverse=True)
#: a holiday name (group ``hol``); the apostrophe is optional, spaces any white space
HOLIDAY = "(?P<hol>" + "|".join(re.escape(h).replace("'", "'?").replace(r"\ ", r"\s+") for h in HOLIDAY_NAMES) + ")"


def holiday_on(name: str, year: int) -> dt.date | None:
    """The day of holiday ``name`` (as written, any case or spacing) in ``year``."""
    key = re.sub(r"\s+", " ", name.lower())
    for k, md in FIXED_HOLIDAYS.items():
        if key == k.replace("'", "") or key == k:
            mo, d = md.split("-")
            return dt.date(year, int(mo), int(d))
    for k, text in RULE_HOLIDAYS.items():
        if key == k.replace("'", "") or key == k:
            return by_rule(text, year)
    return None


def holiday_weekend(day: dt.date) -> Value:
    """The weekend of a holiday, holiday included: from the Saturday before a Monday or Tuesday holiday,
    to the Sunday after a Wednesday to Friday one; a weekend holiday's own Saturday and Sunday."""
    wd = day.weekday()
    if wd in (0, 1):  # Monday, Tuesday: from the Saturday before
        return as_range(day - dt.timedelta(days=wd + 2), day)
    sun = day + dt.timedelta(days=6 - wd)
    return as_range(day if wd in (2, 3, 4) else sun - dt.timedelta(days=1), sun)


def holiday_year(m: re.Match[str], ref: dt.date, future: bool) -> int | None:
    """The year of a holiday named without one: by its relative word, else the latest one up to
    ``ref`` (the next one from ``ref`` on when ``future``)."""
    this = holiday_on(m["hol"], ref.year)
    if this is None:
        return None
    rel = (m["rel"] or "").lower()
    if rel in ("last", "previous"):
        return ref.year if this < ref else ref.year - 1
    if rel in ("next", "following", "coming"):
        return ref.year if this > ref else ref.year + 1
    if rel == "this":
        return ref.year
    if future:
        return ref.year if this >= ref else ref.year + 1
    return ref.year if this <= ref else ref.year - 1


def holiday_day(m: re.Match[str], ref: dt.date | None, future: bool) -> Value | None:
    """The day of the holiday a match names."""
    if m["year"]:
        day = holiday_on(m["hol"], year_value(m["year"]))
        return as_day(day) if day else None
    if ref is None:
        return None
    y = holiday_year(m, ref, future)
    day = holiday_on(m["hol"], y) if y is not None else None
    return as_day(day) if day else None


@rule((10, r"(?P<wkof>\b(?:the\s+)?weekend\s+of\s+)?\b(?:(?P<rel>last|previous|next|following|coming|this)\s+)?"
       + HOLIDAY + r"(?:\s*,?\s*(?:of\s+)?" + YEAR + r")?(?:(?P<wkend>\s+weekend)|(?P<week>\s+week))?(?![\w'])"))
def holiday(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "Christmas", "Easter 2018", "last Easter", "Thanksgiving", "Labor Day weekend"; "Easter week",
    "Christmas week": the week (ISO, Monday to Sunday) that holds the holiday. A holiday named with
    common words ("Election Day") is the holiday only with capitals ("on election day" in a country
    is that country's vote)."""
    if re.sub(r"\s+", " ", m["hol"].lower()) in COMMON_WORD_HOLIDAYS and not m["hol"].istitle():
        raise NotThisPattern(m.group())
    res = holiday_day(m, ref, future)
    if res is not None and (m["wkof"] or m["wkend"]):
        return holiday_weekend(res[1])
    if res is not None and m["week"]:
        return as_week(res[1])
    return res
