"""Dates written out in full or in part: "2017-12-06", "12/6/2017", "December 6, 2017", "6 Dec",
"March 2011", "in 2015", "20161016". A missing year is the nearest one before the reference date
(after it in future tense)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .grammar import (
    DAY,
    MONTH,
    NOT_AFTER_WORD,
    NOT_BEFORE_WORD,
    WEEKDAY,
    YEAR,
    YEAR_OF,
    YEAR_OR_TWO_DIGITS,
)
from .match import ImpossibleDate, NotThisPattern
from .numerals import day_number, two_digit_year, year_of, year_value
from .registry import rule
from .values import Resolved, as_day, as_month, as_year, make_day, nearest_year_of_month
from .vocabulary import AFTER_YEAR_WORDS, MONTHS, WEEKDAYS

#: a cardinal day in words ("twenty one"), which may as well be a count ("in March nineteen protesters")
CARDINAL_DAY_WORDS = re.compile(r"(?:ten|eleven|twelve|\w+teen|twenty|thirty)(?:[\s-]+(?:one|two|three|four|five|six"
                                r"|seven|eight|nine))?", re.I)


@rule((100, r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"), loose=True, flags=0)
def compact(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "20161016" (yyyymmdd)."""
    return as_day(make_day(int(m["y"]), int(m["m"]), int(m["d"])))


@rule((140, NOT_AFTER_WORD + r"(?P<year>\d{4})-(?P<m>\d{1,2})" + r"(?![\w/-])"),
      (150, r"(?<![\w/-])(?P<m>\d{1,2})-(?P<year>\d{4})" + NOT_BEFORE_WORD), loose=True, flags=0)
def year_month_numeric(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "2014-12", "12-2014"."""
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None
    return as_month(year_value(m["year"]), mo)


def nearest_leap_year(y: int, future: bool) -> int:
    """``y`` if it is a leap year, else the nearest one before (after, when ``future``)."""
    while not calendar.isleap(y):
        y += 1 if future else -1
    return y


@rule((160, r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/])"), loose=True, flags=0)
def month_day_numeric(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "11/20", "22/04": month/day (day/month when the first number exceeds 12), year from ``ref``."""
    a, b = int(m["a"]), int(m["b"])
    mo, d = (a, b) if a <= 12 else (b, a)
    if mo > 12 or d > 31 or ref is None:
        return None
    y = nearest_year_of_month(mo, ref, future)
    if mo == 2 and d == 29:  # the nearest leap year
        y = nearest_leap_year(y, future)
    day = make_day(y, mo, d)
    if not future and day > ref:
        day = make_day(y - 1 if not (mo == 2 and d == 29) else y - 4, mo, d)
    return as_day(day)


@rule((340, NOT_AFTER_WORD + r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + NOT_BEFORE_WORD), flags=0)
def iso_date(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "2017-12-06", "2017/12/6"."""
    return as_day(make_day(int(m["y"]), int(m["m"]), int(m["d"])))


@rule((370, NOT_AFTER_WORD + r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})" + NOT_BEFORE_WORD), flags=0)
def numeric_date(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "12/6/2017", "6.12.17": month first unless the first number exceeds 12."""
    a, b, y = int(m["a"]), int(m["b"]), two_digit_year(m["y"])
    mo, d = (a, b) if a <= 12 else (b, a)
    return as_day(make_day(y, mo, d))


def day_of_month_near(mon: int, d: int, ref: dt.date, future: bool, text: str) -> dt.date:
    """Day ``d`` of month ``mon`` named without a year: the latest one up to ``ref`` (the next
    one from ``ref`` on when ``future``); February 29 in the nearest leap year."""
    y = nearest_year_of_month(mon, ref, future)
    if mon == 2 and d == 29:  # "Feb 29" without a year: the nearest leap year
        y = nearest_leap_year(y, future)
    if d > calendar.monthrange(y, mon)[1]:
        raise ImpossibleDate(f"no such date: {text!r}")
    day = make_day(y, mon, d)
    if not future and day > ref:
        day = make_day(y - 1, mon, d)
    return day


@rule(
    (350, NOT_AFTER_WORD + r"(?P<year>\d{4})(?P<sep>[-/ ])" + MONTH + r"(?P=sep)(?P<day>\d{1,2})" + NOT_BEFORE_WORD),
    (360, NOT_AFTER_WORD + r"(?P<day>\d{1,2})(?P<sep>[-/ ])" + MONTH + r"(?P=sep)(?P<year>\d{4})" + NOT_BEFORE_WORD),
    (380, r"\b(?:" + WEEKDAY + r",?\s+)?" + MONTH + r"(?:\s*|[/-]|,\s*(?=\d{1,2}(?:st|nd|rd|th)))(?:the\s+)?" + DAY
     + r"(?:(?:\s*,?\s*|-)" + YEAR_OF + YEAR_OR_TWO_DIGITS + r")?\b"),
    (390, r"(?<![\d][.,])\b(?:" + WEEKDAY + r",?\s+)?(?:the\s+)?" + DAY + r"(?:\s+day)?\s+(?:of\s+)?" + MONTH
     + r"(?:\s*,?\s*" + YEAR_OF + YEAR_OR_TWO_DIGITS + r")?(?![\w])"),
)
def month_day(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "December 6, 2017", "6 Dec 2017", "Dec. 6", "the sixth of December", "2017 Dec 06"."""
    mon = MONTHS[m["mon"].lower()]
    d = day_number(m["day"])
    if d is None:
        return None
    if CARDINAL_DAY_WORDS.fullmatch(m["day"]) and re.match(r"\s+[a-z]", m.string[m.end():]):
        raise NotThisPattern(m.group())  # "in March nineteen protesters died"
    year = year_of(m)
    if year is not None:
        return as_day(make_day(year, mon, d))
    if ref is None:
        return None
    day = day_of_month_near(mon, d, ref, future, m.group())
    wd = m.groupdict().get("wd")
    if wd:
        day = year_of_weekday(day, WEEKDAYS[wd.lower()], ref)
    return as_day(day)


def year_of_weekday(day: dt.date, wd: int, ref: dt.date) -> dt.date:
    """``day`` moved a year either way when its weekday is not the one named with it and the
    other year's is ("Sunday, May 17" without a year: the May 17 that is a Sunday), the
    one nearer ``ref`` first; ``day`` when neither is."""
    if day.weekday() == wd:
        return day
    others = []
    for y in (day.year - 1, day.year + 1):
        try:
            others.append(day.replace(year=y))
        except ValueError:  # February 29
            continue
    for other in sorted(others, key=lambda o: abs((o - ref).days)):
        if other.weekday() == wd:
            return other
    return day


@rule((440, r"\b" + MONTH + r"\s*[,/-]?\s*" + YEAR_OF + YEAR_OR_TWO_DIGITS + r"(?![\w])"),
      (450, r"\b" + YEAR + r"\s+" + MONTH + r"(?![\w])(?!\s+\d)"))
def month_year(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "March 2011", "April of 87", "2011 March"."""
    year = year_of(m)
    if year is None:
        raise NotThisPattern(m.group())
    return as_month(year, MONTHS[m["mon"].lower()])


@rule((445, r"\b" + MONTH + r"\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b"))
def month_of_relative_year(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "August last year", "March of next year", "May this year": that month of the year named
    relative to ``ref``."""
    if ref is None:
        return None
    shift = {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
    return as_month(ref.year + shift, MONTHS[m["mon"].lower()])


#: words before a bare year that make it a year ("in 2015", "since 2015", "summer 2015", "post-1974")
YEAR_CUE = (r"(?:(?<=\bin )|(?<=\bbetween )|(?<=\bon )|(?<=\bsince )|(?<=\bby )|(?<=\bof )|(?<=\buntil )"
            r"|(?<=\bbefore )|(?<=\bafter )|(?<=\bfrom )|(?<=\bduring )|(?<=\bthrough )|(?<=\bto )|(?<=\band )"
            r"|(?<=\byear )|(?<=\bthan )|(?<=\bfor )|(?<=\bcirca )|(?<=\baround )|(?<=\bsummer )|(?<=\bwinter )"
            r"|(?<=\bspring )|(?<=\bautumn )|(?<=\bearly )|(?<=\blate )|(?<=\bmid-)|(?<=\bmid )|(?<=\bpre-)"
            r"|(?<=\bpost-)|^)")


#: a year as it is spoken, hundreds then tens: "nineteen fifty-five", "eighteen sixty five"; hardly a count
#: is said so (nineteen times fifty-five is not said "nineteen fifty-five"), so it needs no cue word
SPOKEN_YEAR = re.compile(r"(?:eighteen|nineteen)\s+"
                         r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four"
                         r"|five|six|seven|eight|nine))?", re.I)


#: a verb of change in number and the word that takes the figure it reaches: "the toll rose to 2019",
#: "sales climbed by 1500", "jumped from 1200 to 1800" (a count, not a year)
COUNT_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|climbed|climbs|climbing|jumped|jumps|increased"
    r"|increases|decreased|decreases|dropped|drops|declined|declines|grew|grown|grows|soared|soars|surged|surges"
    r"|swelled|swollen|edged\s+(?:up|down)|shot\s+up|slipped|slid|plunged|plummeted|tumbled|totall?ed|totals)"
    r"\s+(?:(?:from\s+[\d,.]+\s+)?to|by|from)\s+$", re.I)
#: a noun after a year that makes it a year again after such a verb: "prices fell to 2009 levels"
YEAR_LEVEL_AFTER = re.compile(r"\s*(?:['’]s\s+)?(?:levels?|highs?|lows?|peaks?|figures?|prices?)\b", re.I)


def counts_a_change(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` is the figure a verb of change in number reaches ("the
    toll rose to 2019", "from 1200 to 1800") rather than a year ("prices fell to 2009 levels")."""
    before = text[max(0, start - 40):start]
    return bool(COUNT_CHANGE_BEFORE.search(before)) and not YEAR_LEVEL_AFTER.match(text, end)


@rule((580, YEAR_CUE + YEAR + r"(?![\w,.]\d|\w)"),
      (585, r"(?<![\w-])(?P<year>" + SPOKEN_YEAR.pattern + r")(?![\w-])"))
def year(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """A year after a cue word ("in 2015", "in nineteen ninety six") or at the start of the text; not a
    figure a number changes to ("the death toll rose to 2019")."""
    if counts_a_change(m.string, m.start(), m.end()):
        raise NotThisPattern(m.group())
    if not m["year"][0].isdigit():
        # a year in words needs its cue ("in nineteen ninety six") and no noun after; one spoken as a
        # year ("nineteen fifty-five") needs neither, but a noun after it only after an article ("a
        # nineteen eighty-two strike", not "nineteen twenty people")
        nxt = re.match(r"\s+([a-z]+)", m.string[m.end():])
        noun_after = bool(nxt and nxt.group(1) not in AFTER_YEAR_WORDS)
        if SPOKEN_YEAR.fullmatch(m["year"]):
            if noun_after and not re.search(r"\b(?:a|the|an)\s+$", m.string[:m.start()], re.I):
                raise NotThisPattern(m.group())
            if m.start() == 0 and m.end() == len(m.string):
                raise NotThisPattern(m.group())  # words alone (an entity's): what follows is unknown
        elif m.start() == 0 or noun_after:
            raise NotThisPattern(m.group())
    return as_year(year_value(m["year"]))



#: a month and a day written just before "and" or "or": "April 24 and 25" (the 25th of April)
MONTH_DAY_BEFORE = re.compile(MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?:and|or)\s+$", re.I)


@rule((386, r"(?<=\band )(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?![\w%-]|[.,]\d)|(?<=\bor )(?P<d3>\d{1,2})(?:st|nd|rd|th)?"
       r"(?![\w%-]|[.,]\d)"))
def second_day(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "April 24 and 25": the second day, of the month named with the first (TimeML writes each day
    as an expression); not a count ("April 24 and 25 people", "May 3 and 40%")."""
    before = MONTH_DAY_BEFORE.search(m.string[max(0, m.start() - 24):m.start()])
    nxt = re.match(r"\s+([a-z]+)", m.string[m.end():])
    if before is None or (nxt and nxt.group(1) not in ("and", "or", "in", "at", "of", "to", "when", "this", "next",
                                                       "last", "respectively")):
        raise NotThisPattern(m.group())
    d1, d2 = int(before["day"]), int(m["d2"] or m["d3"])
    if not d1 < d2 <= 31:
        raise NotThisPattern(m.group())
    mon = MONTHS[before["mon"].lower()]
    if ref is None:
        return None
    y = nearest_year_of_month(mon, ref, future)
    return as_day(make_day(y, mon, d2))
