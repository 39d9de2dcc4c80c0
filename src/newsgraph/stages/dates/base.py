"""Shared pieces of the date grammar: vocabularies, the match record, value builders."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..numbers import AbsurdNumber, parse_number

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                 "sat": 5, "sun": 6})
SMALL: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "several": 3, "couple": 2,
    "a few": 3, "a couple of": 2, "couple of": 2, "a couple": 2, "forty": 40, "fifty": 50, "sixty": 60,
    "ninety": 90, "hundred": 100, "fifteen": 15, "twenty": 20, "thirty": 30,
}
ORD_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": -1,
}
_UNIT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEEN_WORDS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
               "nineteen"]
_TEN_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
#: days of the month written in words: ordinals ("twenty-seventh", "thirty first") and, from ten on,
#: cardinals ("twenty nine"), normalised to single spaces
DAY_WORDS: dict[str, int] = {k: v for k, v in ORD_WORDS.items() if v > 0}
for _i, _w in enumerate(_TEEN_WORDS):
    DAY_WORDS[_w] = 10 + _i
DAY_WORDS["twenty"], DAY_WORDS["thirty"] = 20, 30
for _i, _w in enumerate(_UNIT_WORDS):
    _o = [k for k, v in ORD_WORDS.items() if v == _i + 1][0]
    DAY_WORDS[f"twenty {_w}"] = DAY_WORDS[f"twenty {_o}"] = 21 + _i
DAY_WORDS["thirty one"] = DAY_WORDS["thirty first"] = 31


def _two_digit_words(w: str) -> int | None:
    """ "ninety six" -> 96, "fifteen" -> 15, "seven" -> 7."""
    parts = w.split()
    if len(parts) == 1:
        if parts[0] in _UNIT_WORDS:
            return _UNIT_WORDS.index(parts[0]) + 1
        if parts[0] in _TEEN_WORDS:
            return 10 + _TEEN_WORDS.index(parts[0])
        if parts[0] in _TEN_WORDS:
            return 20 + 10 * _TEN_WORDS.index(parts[0])
        return None
    if len(parts) == 2 and parts[0] in _TEN_WORDS and parts[1] in _UNIT_WORDS:
        return 20 + 10 * _TEN_WORDS.index(parts[0]) + _UNIT_WORDS.index(parts[1]) + 1
    return None


def year_from_words(text: str) -> int | None:
    """A year written in words: "nineteen ninety six", "two thousand and fifteen",
    "seventeen hundred thirty three", "twenty twenty"."""
    w = re.sub(r"[\s-]+", " ", text.lower().strip()).replace(" and ", " ")
    if w.isdigit():
        return int(w)
    m = re.fullmatch(r"two thousand(?: (.+))?", w)
    if m:
        rest = _two_digit_words(m.group(1)) if m.group(1) else 0
        return None if rest is None else 2000 + rest
    head, _, tail = w.partition(" ")
    cent = _two_digit_words(head)
    if cent is None or not 11 <= cent <= 20 or not tail:
        return None
    tail = tail.removeprefix("hundred ").strip()
    rest = _two_digit_words(tail)
    return None if rest is None else cent * 100 + rest


@dataclass(frozen=True)
class DateMatch:
    """A date expression: ``text == source[start:end]``; dates inclusive."""

    start: int
    end: int
    text: str
    value: str | None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    precision: str = "unknown"
    reason: str | None = None  # why value is None
    upto: dt.date | None = None  # for "from A to B": the first day of B


class NotThisPattern(Exception):
    """Raised by a handler when its pattern matched text that is not this kind of date."""


class ImpossibleDate(ValueError):
    """A date that cannot exist ("February 30")."""


# -- building values -------------------------------------------------------------------------
def _mk_day(y: int, m: int, d: int) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise ImpossibleDate(f"no such date: {y:04d}-{m:02d}-{d:02d}") from None


def _day(d: dt.date) -> tuple[str, dt.date, dt.date, str]:
    return d.isoformat(), d, d, "day"


def _month(y: int, m: int) -> tuple[str, dt.date, dt.date, str]:
    last = calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}", dt.date(y, m, 1), dt.date(y, m, last), "month"


def _year(y: int) -> tuple[str, dt.date, dt.date, str]:
    return f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def _week(d: dt.date) -> tuple[str, dt.date, dt.date, str]:
    mon = d - dt.timedelta(days=d.weekday())
    iso = mon.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}", mon, mon + dt.timedelta(days=6), "week"


def _range(a: dt.date, b: dt.date, value: str | None = None) -> tuple[str, dt.date, dt.date, str]:
    return value or f"{a.isoformat()}/{b.isoformat()}", a, b, "range"


def _add_months(d: dt.date, n: int) -> dt.date:
    m0 = d.month - 1 + n
    y, m = d.year + m0 // 12, m0 % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _year2(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        v += 2000 if v <= 30 else 1900
    return v


def _num(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w.isdigit():
        return int(w)
    if w in SMALL:
        return SMALL[w]
    try:
        v = parse_number(w)
    except AbsurdNumber:
        return None
    return int(v) if v is not None and v == int(v) and 0 < v < 10000 else None


def _day_num(tok: str) -> int | None:
    t = re.sub(r"[\s-]+", " ", tok.lower().strip().rstrip("."))
    t = t.removeprefix("the ")
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    return DAY_WORDS.get(t)


def _year_of(m: re.Match[str]) -> int | None:
    """The year of a match: its ``year`` group (digits or words) or a two-digit ``yy``/``yy2`` group."""
    gd = m.groupdict()
    if gd.get("year"):
        return _yv(gd["year"])
    yy = gd.get("yy") or gd.get("yy2")
    return _year2(yy) if yy else None


def _yv(text: str) -> int:
    """The value of a matched year: digits or words."""
    v = year_from_words(text)
    if v is None:
        raise NotThisPattern(text)
    return v


def _month_no_year(m: int, ref: dt.date, future: bool) -> int:
    if future:
        return ref.year if m >= ref.month else ref.year + 1
    return ref.year if m <= ref.month else ref.year - 1


def _year_for_month(year_text: str | None, mon: int, ref: dt.date | None, future: bool) -> int | None:
    """The year of a month: the one written, else the nearest relative to ``ref``; None without ``ref``."""
    if year_text:
        return _yv(year_text)
    if ref is None:
        return None
    return _month_no_year(mon, ref, future)


def _weekday(wd: int, ref: dt.date, future: bool) -> dt.date:
    if future:
        return ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
    return ref - dt.timedelta(days=(ref.weekday() - wd) % 7)


# -- grammar ---------------------------------------------------------------------------------
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_WD = r"(?P<wd>" + "|".join(sorted((k for k in WEEKDAYS if len(k) > 3), key=len, reverse=True)) + r")"
_DAYW = "|".join(k.replace(" ", r"[\s-]+") for k in sorted(DAY_WORDS, key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2}(?:st|nd|rd|th)?|" + _DAYW + r")"
_TWO_W = (r"(?:(?:" + "|".join(_TEN_WORDS) + r")(?:[\s-]+(?:" + "|".join(_UNIT_WORDS) + r"))?|"
          + "|".join(_TEEN_WORDS) + ")")
_YEARW = (r"(?:two\s+thousand(?:(?:\s+and)?\s+(?:" + _TWO_W + "|" + "|".join(_UNIT_WORDS) + r"))?"
          r"|(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+"
          r"(?:hundred(?:\s+and)?\s+(?:" + _TWO_W + "|" + "|".join(_UNIT_WORDS) + r")|" + _TWO_W + r"))(?![\w-])")
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d|21\d\d|" + _YEARW + ")"
_NUMW = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty" \
        r"|forty|fifty|sixty|ninety|hundred|few|a few|several|a couple of|couple of|a couple|couple)"
_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"

_Res = tuple[str, dt.date, dt.date, str] | tuple[str, dt.date, dt.date, str, dt.date]
Handler = Callable[[re.Match[str], "dt.date | None", bool], _Res | None]

