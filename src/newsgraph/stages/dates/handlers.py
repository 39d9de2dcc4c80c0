"""Handlers of the date grammar: one match -> (value, first day, last day, precision)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .base import (
    MONTHS,
    WEEKDAYS,
    ImpossibleDate,
    NotThisPattern,
    _add_months,
    _day,
    _day_num,
    _mk_day,
    _month,
    _month_no_year,
    _num,
    _range,
    _Res,
    _week,
    _weekday,
    _year,
    _year2,
    _year_for_month,
    _year_of,
    _yv,
)


def _h_iso(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    return _day(_mk_day(int(m["y"]), int(m["m"]), int(m["d"])))


def _h_numeric(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    a, b, y = int(m["a"]), int(m["b"]), _year2(m["y"])
    mo, d = (a, b) if a <= 12 else (b, a)
    return _day(_mk_day(y, mo, d))


def _h_mdy(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    mon = MONTHS[m["mon"].lower()]
    d = _day_num(m["day"])
    if d is None:
        return None
    if _CARDINAL_WORDS.fullmatch(m["day"]) and re.match(r"\s+[a-z]", m.string[m.end():]):
        raise NotThisPattern(m.group())  # "in March nineteen protesters died"
    year = _year_of(m)
    if year is not None:
        return _day(_mk_day(year, mon, d))
    if ref is None:
        return None
    y = _month_no_year(mon, ref, fut)
    if not fut and _mk_day(y, mon, min(d, 28)) <= ref < _mk_day(y, mon, d if d <= 28 else 28):
        pass
    if mon == 2 and d == 29:  # "Feb 29" without a year: the nearest leap year
        while not calendar.isleap(y):
            y += 1 if fut else -1
    day = _mk_day(y, mon, d) if d <= calendar.monthrange(y, mon)[1] else None
    if day is None:
        raise ImpossibleDate(f"no such date: {m.group()!r}")
    if not fut and day > ref:
        day = _mk_day(y - 1, mon, d)
    return _day(day)


def _h_month_year(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    year = _year_of(m)
    if year is None:
        raise NotThisPattern(m.group())
    return _month(year, MONTHS[m["mon"].lower()])


def _h_month(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    if ref is None:
        return None
    mon = MONTHS[m["mon"].lower()]
    rel = (m["rel"] or "").lower()
    if rel in ("last", "previous", "past"):
        y = ref.year if mon < ref.month else ref.year - 1
    elif rel == "next":
        y = ref.year if mon > ref.month else ref.year + 1
    elif rel == "this":
        y = ref.year
    else:
        y = _month_no_year(mon, ref, fut)
    return _month(y, mon)


_CARDINAL_WORDS = re.compile(r"(?:ten|eleven|twelve|\w+teen|twenty|thirty)(?:[\s-]+(?:one|two|three|four|five|six"
                             r"|seven|eight|nine))?", re.I)


_FUNCTION_WORDS = {"and", "or", "but", "to", "till", "until", "through", "when", "after", "before", "in", "on", "at",
                   "with", "for", "as", "the", "a", "an", "was", "were", "is", "had", "has", "he", "she", "they", "we",
                   "i", "it", "from", "since", "by", "while", "during", "of"}


def _h_year(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    if not m["year"][0].isdigit():  # a year in words needs its cue ("in nineteen ninety six") and no noun after
        nxt = re.match(r"\s+([a-z]+)", m.string[m.end():])
        if m.start() == 0 or (nxt and nxt.group(1) not in _FUNCTION_WORDS):
            raise NotThisPattern(m.group())
    return _year(_yv(m["year"]))


def _h_decade(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    y = int(m["dec"])
    y = y if y >= 100 else (1900 + y if y >= 30 else 2000 + y)
    return _range(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), f"{y}s")


def _h_weekday(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    if ref is None:
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if rel in ("last", "previous"):
        # news reading: the most recent such day before the publication day
        return _day(_weekday(wd, ref - dt.timedelta(days=1), False))
    if rel in ("next", "following"):
        mon = ref - dt.timedelta(days=ref.weekday() - 7)
        return _day(mon + dt.timedelta(days=wd))
    if rel == "this":
        return _day(ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=wd))
    if rel in ("this past", "past"):
        return _day(_weekday(wd, ref - dt.timedelta(days=1), False))
    if rel in ("coming", "this coming", "upcoming", "this upcoming"):
        return _day(_weekday(wd, ref + dt.timedelta(days=1), True))
    return _day(_weekday(wd, ref, fut))


_DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}


def _h_dayword(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    if ref is None:
        return None
    return _day(ref + dt.timedelta(days=_DAY_WORDS[re.sub(r"\s+", " ", m["w"].lower())]))


def _shift(ref: dt.date, unit: str, n: int) -> tuple[str, dt.date, dt.date, str]:
    if unit == "day":
        return _day(ref + dt.timedelta(days=n))
    if unit in ("week", "fortnight"):
        d = ref + dt.timedelta(days=(7 if unit == "week" else 14) * n)
        return d.isoformat(), d, d, "week"
    if unit == "month":
        d = _add_months(ref, n)
        return d.isoformat(), d, d, "month"
    if unit == "decade":
        return _year(ref.year + 10 * n)
    d = _add_months(ref, 12 * n)
    return d.isoformat(), d, d, "year"


def _h_ago(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    n = _num(m["n"])
    if ref is None or n is None:
        return None
    return _shift(ref, m["unit"].lower(), -n)


def _h_in(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    n = _num(m["n"])
    if ref is None or n is None:
        return None
    return _shift(ref, m["unit"].lower(), n)


def _h_past(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the past few days", "the last two weeks", "recent days", "the next 3 days"."""
    if ref is None:
        return None
    n = _num(m["n"]) if m["n"] else 1
    unit = m["unit"].lower()
    if n is None:
        return None
    if n < 1:
        raise NotThisPattern(m.group())  # "the next 0 weeks"
    if m["n"] is None and m.group().lower().rstrip().endswith("s"):
        n = 3  # "recent days", "the past days"
    months = {"month": 1, "year": 12, "decade": 120}.get(unit, 0) * n
    days = {"day": 1, "week": 7, "fortnight": 14}.get(unit, 0) * n
    if (m["dir"] or "").lower() in ("next", "coming", "following", "upcoming"):
        if unit == "decade":  # "the next two decades": whole decades from the next one
            a = dt.date(ref.year // 10 * 10 + 10, 1, 1)
            return _range(a, dt.date(a.year + 10 * n - 1, 12, 31))
        a = ref + dt.timedelta(days=1)
        return _range(a, _add_months(a, months) - dt.timedelta(days=1) if months else ref + dt.timedelta(days=days))
    return _range(_add_months(ref, -months) if months else ref - dt.timedelta(days=days), ref)


def _h_rel_unit(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "last week", "this month", "next year", "earlier this year", "later this month"."""
    if ref is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    rel = {"earlier": "earlier this", "later": "later this"}.get(rel, rel)  # "earlier in the week"
    unit = re.sub(r"\s+", " ", m["unit"].lower()).removeprefix("calendar ")
    off = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
           "following": 1, "earlier this": 0, "later this": 0, "early this": 0, "late this": 0}[rel]
    if unit == "weekend":
        sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7) + dt.timedelta(days=7 * off)
        if off == 0 and (fut or ref.weekday() == 5):
            sat = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
        return _range(sat, sat + dt.timedelta(days=1))
    if unit == "week":
        base = _week(ref + dt.timedelta(days=7 * off))
    elif unit in ("workweek", "working week", "work week"):  # Monday to Friday
        wk = _week(ref + dt.timedelta(days=7 * off))
        base = _range(wk[1], wk[1] + dt.timedelta(days=4))
    elif unit == "month":
        d = _add_months(ref.replace(day=1), off)
        base = _month(d.year, d.month)
    elif unit == "quarter":
        q0 = (ref.month - 1) // 3 + off
        y, q = ref.year + q0 // 4, q0 % 4
        a = dt.date(y, 3 * q + 1, 1)
        b = _add_months(a, 3) - dt.timedelta(days=1)
        base = _range(a, b, f"{y}-Q{q + 1}")
    else:
        base = _year(ref.year + off)
    if rel in ("earlier this", "early this"):
        return _range(base[1], ref, base[0])
    if rel in ("later this", "late this"):
        return _range(ref, base[2], base[0])
    return base


def _h_quarter(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    gd = m.groupdict()
    q = int(gd["q"]) if gd.get("q") else {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                                    "3rd": 3, "4th": 4, "last": 4}[gd["qw"].lower()]
    if not 1 <= q <= 4:
        return None
    y = _yv(m["year"]) if m["year"] else (ref.year if ref else None)
    if y is None:
        return None
    a = dt.date(y, 3 * q - 2, 1)
    return _range(a, _add_months(a, 3) - dt.timedelta(days=1), f"{y}-Q{q}")


def _h_half(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    h = int(m["h"])
    y = _yv(m["year"])
    a = dt.date(y, 1 if h == 1 else 7, 1)
    return _range(a, _add_months(a, 6) - dt.timedelta(days=1), f"{y}-H{h}")


def _h_md(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "11/20", "22/04": month/day (day/month when the first number exceeds 12), year from ``ref``."""
    a, b = int(m["a"]), int(m["b"])
    mo, d = (a, b) if a <= 12 else (b, a)
    if mo > 12 or d > 31 or ref is None:
        return None
    y = _month_no_year(mo, ref, fut)
    if mo == 2 and d == 29:  # the nearest leap year
        while not calendar.isleap(y):
            y += 1 if fut else -1
    day = _mk_day(y, mo, d)
    if not fut and day > ref:
        day = _mk_day(y - 1 if not (mo == 2 and d == 29) else y - 4, mo, d)
    return _day(day)


def _h_ym(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None
    return _month(_yv(m["year"]), mo)


def _h_year_range(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    a, b = _yv(m["year"]), _yv(m["year2"])
    joined = m.group().lower()
    if b <= a or (re.search(r"\band\b", joined) and not joined.startswith("between")):
        raise NotThisPattern(m.group())
    return (*_range(dt.date(a, 1, 1), dt.date(b, 12, 31), f"{a}/{b}"), dt.date(b, 1, 1))


_PARTS = {"early": (1, 15), "beginning": (1, 15), "start": (1, 15), "mid": (10, 20), "middle": (10, 20),
          "late": (16, 31), "end": (16, 31)}
_YEAR_PARTS = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8), "middle": (5, 8),
               "late": (9, 12), "end": (9, 12)}


def _h_part(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "mid-November", "late July", "the end of 2008", "early this year"."""
    part = m["part"].lower().split()[-2] if " of" in m["part"].lower() else m["part"].lower()
    if m.groupdict().get("mon"):
        mon = MONTHS[m["mon"].lower()]
        y = _year_for_month(m["year"], mon, ref, fut)
        if y is None:
            return None
        lo, hi = _PARTS[part]
        last = calendar.monthrange(y, mon)[1]
        return _range(dt.date(y, mon, lo), dt.date(y, mon, min(hi, last)), f"{y:04d}-{mon:02d}")
    y = int(m["yr"])
    lo, hi = _YEAR_PARTS[part]
    return _range(dt.date(y, lo, 1), dt.date(y, hi, calendar.monthrange(y, hi)[1]), f"{y:04d}")


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "fifth": 5, "5th": 5, "last": -1}


def _h_nth_week(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the first week of 2015", "the last week of July", "3rd week of jan"."""
    n = _NTH[m["nth"].lower()]
    if m["mon"]:
        mon = MONTHS[m["mon"].lower()]
        y = _year_for_month(m["year"], mon, ref, fut)
        if y is None:
            return None
        first, last = dt.date(y, mon, 1), dt.date(y, mon, calendar.monthrange(y, mon)[1])
    else:
        y = int(m["yr"])
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
    # a week belongs to the month (year) that holds its Thursday, as in ISO 8601 week numbering
    if n == -1:
        thursday = last - dt.timedelta(days=(last.weekday() - 3) % 7)
    else:
        thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 7 * (n - 1))
    return _week(thursday)


def _h_week_of(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the week of April 10th"."""
    inner = _h_mdy(m, ref, fut)
    return _week(inner[1]) if inner else None


def _h_week_no(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    wk = int(m["wk"])
    y = _yv(m["year"]) if m["year"] else (ref.year if ref else None)
    if y is None or not 1 <= wk <= 53:
        return None
    try:
        return _week(dt.date.fromisocalendar(y, wk, 1))
    except ValueError:
        raise ImpossibleDate(f"no week {wk} in {y}") from None


