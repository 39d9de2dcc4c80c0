"""Dates read from the article around them: in business news, "a year earlier", "a year ago" and
"the year-ago quarter" compare with the quarter just named ("third-quarter profit rose 5 % from a
year earlier"): they are that quarter, a year before."""

from __future__ import annotations

import datetime as dt
import re

from .match import DateMatch
from .values import add_months, as_range

QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")


def year_back(words: str) -> re.Pattern[str]:
    """"a year <word>", "the year-<word> quarter", "year-<word> levels" for the alternatives ``words``."""
    return re.compile(rf"(?:(?:a|one|the)\s+)?year[\s-]+(?:{words})(?:\s+(?:quarter|period|levels?))?", re.I)


#: "a year earlier", "a year ago", "the year-earlier quarter", "the year-ago period", "year-ago"
YEAR_BACK = year_back("earlier|ago|before")
#: "a year earlier", "the year-earlier period" with no quarter named just before: the year before
#: the reference date's ("the year before" is left out: it is anaphoric in narrative)
YEAR_BACK_FROM_NOW = year_back("earlier|ago")
#: "last year's period", "the same quarter a year earlier": a year-back comparison named as a period
YEAR_BACK_PERIOD = re.compile(r"last\s+year['’]s\s+(?:quarter|period)|the\s+(?:same|corresponding|comparable|like)\s+"
                              r"(?:quarter|period)\s+.*", re.I)
#: "the 2018 quarter", "the 2019 period": a quarter of the year named
YEAR_PERIOD = re.compile(r"the\s+(?P<year>\d{4})\s+(?:quarter|period)", re.I)
#: how many sentences after a quarter a comparison still refers to it
REACH = 2


def year_before(m: DateMatch, ref: dt.date) -> DateMatch:
    """``m`` as the year before the reference date's (year precision)."""
    y = ref.year - 1
    return DateMatch(m.start, m.end, m.text, f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def quarter_a_year_before(m: DateMatch, quarter: str) -> DateMatch:
    """``m`` as quarter ``quarter`` ("1989-Q3") of the year before."""
    q = QUARTER_VALUE.fullmatch(quarter)
    if q is None:
        return m
    a = dt.date(int(q[1]) - 1, 3 * int(q[2]) - 2, 1)
    rng = as_range(a, add_months(a, 3) - dt.timedelta(days=1), f"{a.year}-Q{q[2]}")
    return DateMatch(m.start, m.end, m.text, rng[0], rng[1], rng[2], rng[3])


class QuarterComparisons:
    """Reads an article's mentions in order: a year-back comparison within ``REACH`` sentences after
    a quarter becomes that quarter a year before; one with no quarter before it ("sales fell from a
    year earlier"), left unread by the grammar, is the year before the reference date's."""

    def __init__(self) -> None:
        self.quarter: tuple[int, str] | None = None

    def read(self, sentence: int, m: DateMatch, ref: dt.date | None = None) -> DateMatch:
        if m.value is not None and QUARTER_VALUE.fullmatch(m.value):
            self.quarter = (sentence, m.value)
            return m
        near = self.quarter is not None and (sentence - self.quarter[0] <= REACH
                                             or re.search(r"quarter|period", m.text, re.I) is not None)
        text = m.text.strip()
        if self.quarter and near and YEAR_BACK.fullmatch(text):
            return quarter_a_year_before(m, self.quarter[1])
        if self.quarter and YEAR_BACK_PERIOD.fullmatch(text):
            return quarter_a_year_before(m, self.quarter[1])
        named = YEAR_PERIOD.fullmatch(text)
        if self.quarter and named:
            q = QUARTER_VALUE.fullmatch(self.quarter[1])
            if q is not None:
                return quarter_a_year_before(m, f"{int(named['year']) + 1}-Q{q[2]}")
        if m.value is None and ref is not None and YEAR_BACK_FROM_NOW.fullmatch(text):
            return year_before(m, ref)
        return m


#: "the following year", "the following month": anaphoric, the unit after the last date named
FOLLOWING = re.compile(r"(?:the\s+)?following\s+(?P<unit>year|month)", re.I)
#: a value that can anchor them: a day, a month or a year
ANCHOR_VALUE = re.compile(r"\d{4}(?:-\d\d){0,2}")


def named_unit(m: DateMatch) -> tuple[dt.date, str] | None:
    """The first day of a day, month or year ``m`` names, and which of the three it is; None for other
    values (ranges, weeks, quarters, times) and unresolved mentions."""
    if m.value is None or m.start_date is None or not ANCHOR_VALUE.fullmatch(m.value):
        return None
    return m.start_date, "day" if len(m.value) == 10 else "month" if len(m.value) == 7 else "year"


class FollowingUnits:
    """Reads an article's mentions in order: "the following year" or "the following month" is the
    year (month) after the last day, month or year named before it ("the plant opened in March 2014;
    the following month ..." is April 2014), not after the reference date; with no date named
    before it, the reference date's reading stays."""

    def __init__(self) -> None:
        self.anchor: tuple[dt.date, str] | None = None

    def read(self, m: DateMatch) -> DateMatch:
        f = FOLLOWING.fullmatch(m.text.strip())
        if f is None:
            self.anchor = named_unit(m) or self.anchor
            return m
        if self.anchor is None:
            return m
        day, grain = self.anchor
        if f["unit"].lower() == "year":
            y = day.year + 1
            return DateMatch(m.start, m.end, m.text, f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        if grain == "year":
            return m
        a = add_months(dt.date(day.year, day.month, 1), 1)
        b = add_months(a, 1) - dt.timedelta(days=1)
        return DateMatch(m.start, m.end, m.text, f"{a.year:04d}-{a.month:02d}", a, b, "month")


#: a clock time with no day named ("at 8 p.m.", "7:15 a.m. EST"), as the clock rule reads it
CLOCK_ONLY = re.compile(r"(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*[ap]\.?m\.?(?:\s+(?:[ECMP][SD]T|GMT|UTC))?", re.I)
CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d)")
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
#: how far after a clock time a day may follow it and still be its day ("7:15 a.m. (0515 GMT) Tuesday")
CLOCK_GAP = 16


class ClockTimes:
    """Reads an article's mentions in order: a clock time with no day named is on the day named right
    after it ("at 7:15 a.m. (0515 GMT) Tuesday") or, failing that, on the last day named in its
    sentence or the one before ("The strike began on June 2 ... at 5 p.m."); else on the reference day."""

    def __init__(self) -> None:
        self.day: tuple[int, dt.date] | None = None

    def read(self, sentence: int, m: DateMatch, after: DateMatch | None) -> DateMatch:
        clock = CLOCK_VALUE.fullmatch(m.value or "")
        if clock is None or not CLOCK_ONLY.fullmatch(m.text.strip()):
            if m.value is not None and m.start_date is not None and DAY_VALUE.fullmatch(m.value):
                self.day = (sentence, m.start_date)
            return m
        day: dt.date | None = None
        if (after is not None and after.value is not None and after.start_date is not None
                and DAY_VALUE.fullmatch(after.value) and 0 <= after.start - m.end <= CLOCK_GAP):
            day = after.start_date
        elif self.day is not None and sentence - self.day[0] <= 1:
            day = self.day[1]
        if day is None:
            return m
        return DateMatch(m.start, m.end, m.text, day.isoformat() + clock.group(1), day, day, "day")


#: "the same day", "later that month", "the next evening", "the day after": the unit and the step
ANAPHORA = re.compile(r"(?:(?:later|earlier)\s+)?(?:that|the)\s+(?:very\s+)?same\s+(?P<same>day|week|month|year)"
                      r"|(?:later|earlier)\s+that\s+(?P<that>day|week|month|year)"
                      r"|the\s+(?P<dir>next|following|previous)\s+(?P<part>day|morning|afternoon|evening|night)"
                      r"|the\s+day\s+(?P<ba>before|after)", re.I)


class AnaphoricDates:
    """Reads an article's mentions in order: "the same day", "later that month", "the next evening",
    "the day after" are the day (month, year) of the last date named before them of that unit or a
    finer one, or the day after or before it; with none named before, they stay unresolved."""

    def __init__(self) -> None:
        self.last: tuple[dt.date, str] | None = None  # the first day of the last date named, its unit

    def read(self, m: DateMatch) -> DateMatch:
        out = self.resolve(m)
        if out is not m and out.start_date is not None:  # "the next evening ... the same day": the next
            self.last = (out.start_date, out.precision if out.precision != "range" else "day")
        return out

    def resolve(self, m: DateMatch) -> DateMatch:
        a = ANAPHORA.fullmatch(m.text.strip())
        if a is None:
            self.last = named_unit(m) or self.last
            return m
        if self.last is None:
            return m
        day, grain = self.last
        unit = (a["same"] or a["that"] or "day").lower()
        order = ("day", "week", "month", "year")
        if order.index(grain) > order.index(unit) or (unit == "week" and grain != "day"):
            return m  # "the same day" after a year named
        if unit == "day":
            step = {"next": 1, "following": 1, "previous": -1, "after": 1, "before": -1}.get(
                (a["dir"] or a["ba"] or "").lower(), 0)
            d = day + dt.timedelta(days=step)
            return DateMatch(m.start, m.end, m.text, d.isoformat(), d, d, "day")
        if unit == "week":
            mon = day - dt.timedelta(days=day.weekday())
            iso = mon.isocalendar()
            return DateMatch(m.start, m.end, m.text, f"{iso[0]}-W{iso[1]:02d}", mon, mon + dt.timedelta(days=6),
                             "week")
        if unit == "month":
            a0 = dt.date(day.year, day.month, 1)
            b0 = add_months(a0, 1) - dt.timedelta(days=1)
            return DateMatch(m.start, m.end, m.text, f"{a0.year:04d}-{a0.month:02d}", a0, b0, "month")
        return DateMatch(m.start, m.end, m.text, f"{day.year:04d}", dt.date(day.year, 1, 1),
                         dt.date(day.year, 12, 31), "year")
