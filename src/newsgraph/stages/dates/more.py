"""More date handlers: holidays, seasons, day ranges, offsets from a date, weekdays of a named week."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from .base import (
    MONTHS,
    WEEKDAYS,
    NotThisPattern,
    _add_months,
    _day,
    _day_num,
    _mk_day,
    _num,
    _range,
    _Res,
    _week,
    _year_for_month,
    _yv,
)


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


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th (1-based; -1 = last) ``weekday`` of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


#: Holidays with a fixed day (month, day) or a rule (year -> date). US federal and common Western
#: holidays; others stay unresolved text.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "new year": (1, 1), "new years day": (1, 1), "halloween": (10, 31),
    "valentine's day": (2, 14), "independence day": (7, 4), "fourth of july": (7, 4),
    "st patrick's day": (3, 17), "saint patrick's day": (3, 17), "st. patrick's day": (3, 17),
    "may day": (5, 1), "labour day": (5, 1), "international workers' day": (5, 1), "juneteenth": (6, 19),
    "earth day": (4, 22), "veterans day": (11, 11), "armistice day": (11, 11), "boxing day": (12, 26),
    "bastille day": (7, 14), "all saints' day": (11, 1),
}
RULE_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "easter": lambda y: easter(y), "easter sunday": lambda y: easter(y),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2), "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents' day": lambda y: _nth_weekday(y, 2, 0, 3), "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
}
HOLIDAY_NAMES = sorted({*FIXED_HOLIDAYS, *RULE_HOLIDAYS}, key=len, reverse=True)
HOLIDAY_RE = "(?P<hol>" + "|".join(re.escape(h).replace("'", "'?").replace(r"\ ", r"\s+") for h in HOLIDAY_NAMES) + ")"


def _holiday_on(name: str, year: int) -> dt.date | None:
    key = re.sub(r"\s+", " ", name.lower())
    for k, (mo, d) in FIXED_HOLIDAYS.items():
        if key == k.replace("'", "") or key == k:
            return dt.date(year, mo, d)
    for k, rule in RULE_HOLIDAYS.items():
        if key == k.replace("'", "") or key == k:
            return rule(year)
    return None


def _holiday_weekend(day: dt.date) -> _Res:
    """The weekend of a holiday, holiday included: from the Saturday before a Monday or Tuesday holiday,
    to the Sunday after a Wednesday to Friday one; a weekend holiday's own Saturday and Sunday."""
    wd = day.weekday()
    if wd in (0, 1):  # Monday, Tuesday: from the Saturday before
        return _range(day - dt.timedelta(days=wd + 2), day)
    sun = day + dt.timedelta(days=6 - wd)
    return _range(day if wd in (2, 3, 4) else sun - dt.timedelta(days=1), sun)


def h_holiday(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "Christmas", "Easter 2018", "last Easter", "Thanksgiving", "Labor Day weekend"."""
    res = _h_holiday_day(m, ref, fut)
    if res is not None and (m["wkof"] or m["wkend"]):
        return _holiday_weekend(res[1])
    return res


def _h_holiday_day(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    rel = (m["rel"] or "").lower()
    if m["year"]:
        day = _holiday_on(m["hol"], _yv(m["year"]))
        return _day(day) if day else None
    if ref is None:
        return None
    this = _holiday_on(m["hol"], ref.year)
    if this is None:
        return None
    if rel in ("last", "previous"):
        y = ref.year if this < ref else ref.year - 1
    elif rel in ("next", "following", "coming"):
        y = ref.year if this > ref else ref.year + 1
    elif rel == "this":
        y = ref.year
    elif fut:
        y = ref.year if this >= ref else ref.year + 1
    else:
        y = ref.year if this <= ref else ref.year - 1
    day = _holiday_on(m["hol"], y)
    return _day(day) if day else None


def h_season(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """Seasons depend on the hemisphere: kept as text, unresolved."""
    return None


def h_day_range(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "November 18-19", "between 3 and 12 of Sept", "9 to 12 June 2020"."""
    mon = MONTHS[m["mon"].lower()]
    a, b = _day_num(m["d1"]), _day_num(m["d2"])
    month_first = m.groupdict().get("mfirst")
    if month_first and month_first.lower() == "and" and not m["lead"]:
        raise NotThisPattern(m.group())  # "April 9 and 17": two days
    if a is None or b is None or a == b or (a > b and not month_first):
        raise NotThisPattern(m.group())
    y = _year_for_month(m["year"], mon, ref, fut)
    if y is None:
        return None
    first = _mk_day(y, mon, a)
    if a > b:  # "from April 27th to the 3rd": the 3rd of the next month
        nxt = _add_months(dt.date(y, mon, 1), 1)
        last = _mk_day(nxt.year, nxt.month, b)
    else:
        last = _mk_day(y, mon, b)
    return (*_range(first, last), last)


_OFFSET_UNITS = {"day": 1, "week": 7, "fortnight": 14}


def h_offset(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "three weeks from tomorrow", "two days before yesterday", "3 days from today", "2 weeks from now"."""
    if ref is None:
        return None
    n = _num(m["n"])
    if n is None:
        return None
    base = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}[m["base"].lower()]
    unit = m["unit"].lower()
    sign = -1 if m["dir"].lower() == "before" else 1
    start = ref + dt.timedelta(days=base)
    if unit in _OFFSET_UNITS:
        return _day(start + dt.timedelta(days=sign * n * _OFFSET_UNITS[unit]))
    from .base import _add_months

    return _day(_add_months(start, sign * n * (12 if unit == "year" else 1)))


def h_week_day(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "next week Monday", "Tuesday of next week", "monday of the following week"."""
    if ref is None:
        return None
    off = {"next": 1, "following": 1, "coming": 1, "last": -1, "previous": -1, "past": -1, "this": 0}[
        m["rel"].lower()]
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * off)
    return _day(monday + dt.timedelta(days=WEEKDAYS[m["wd"].lower()]))


def h_week_after_next(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the week after next", "the week before last"."""
    if ref is None:
        return None
    return _week(ref + dt.timedelta(days=14 if "after" in m["rel"].lower() else -14))


def h_weekend(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the weekend", "over the weekend": the current one from Friday on, else the last one."""
    if ref is None:
        return None
    if fut or ref.weekday() >= 4:
        sat = ref + dt.timedelta(days=5 - ref.weekday()) if ref.weekday() <= 5 else ref - dt.timedelta(days=1)
    else:
        sat = ref - dt.timedelta(days=ref.weekday() + 2)
    return _range(sat, sat + dt.timedelta(days=1))


def h_within(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "within 9 months", "within the next two weeks": from the reference date on."""
    if ref is None:
        return None
    n = _num(m["n"]) if m["n"] else 1
    if n is None:
        return None
    from .base import _add_months

    unit = m["unit"].lower()
    if unit in ("month", "year"):
        end = _add_months(ref, n * (12 if unit == "year" else 1)) - dt.timedelta(days=1)
    else:
        end = ref + dt.timedelta(days=n * _OFFSET_UNITS.get(unit, 1) - 1)
    return _range(ref, end)


def h_ago_compound(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "two years and three months ago", "2 weeks and 2 days ago"."""
    if ref is None:
        return None
    from .base import _add_months

    d = ref
    parts = [(m["n"], m["unit"])] + re.findall(r"(\w+)\s+(day|week|month|year)s?", m["more"], re.I)
    for n_text, unit in parts:
        n = _num(n_text)
        if n is None:
            return None
        unit = unit.lower()
        if unit in ("month", "year"):
            d = _add_months(d, -n * (12 if unit == "year" else 1))
        else:
            d -= dt.timedelta(days=n * _OFFSET_UNITS.get(unit, 1))
    return _day(d)


def h_compact(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "20161016" (yyyymmdd)."""
    return _day(_mk_day(int(m["y"]), int(m["m"]), int(m["d"])))


def h_decade_rel(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the next decade", "the last decade"."""
    if ref is None:
        return None
    base = ref.year // 10 * 10 + (10 if m["rel"].lower() in ("next", "coming") else -10)
    return _range(dt.date(base, 1, 1), dt.date(base + 9, 12, 31), f"{base}s")


__all__ = ["easter", "h_ago_compound", "h_compact", "h_day_range", "h_decade_rel", "h_holiday", "h_offset", "h_season",
           "h_week_after_next", "h_week_day", "h_weekend", "h_within", "HOLIDAY_RE"]
