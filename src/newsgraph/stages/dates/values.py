"""Value arithmetic: the (value, first day, last day, precision) of days, weeks, months, years and
ranges, and the calendar steps handlers share (adding months, the nearest month or weekday)."""

from __future__ import annotations

import calendar
import datetime as dt

from .match import ImpossibleDate

#: what a handler returns: (value, first day, last day, precision), for a range of two dates
#: optionally the first day of its second date (``DateMatch.upto``)
Resolved = tuple[str, dt.date, dt.date, str] | tuple[str, dt.date, dt.date, str, dt.date]
Value = tuple[str, dt.date, dt.date, str]


def make_day(y: int, m: int, d: int) -> dt.date:
    """``dt.date(y, m, d)``, or ImpossibleDate with the reason."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise ImpossibleDate(f"no such date: {y:04d}-{m:02d}-{d:02d}") from None


def as_day(d: dt.date) -> Value:
    return d.isoformat(), d, d, "day"


def as_month(y: int, m: int) -> Value:
    last = calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}", dt.date(y, m, 1), dt.date(y, m, last), "month"


def as_year(y: int) -> Value:
    return f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def as_week(d: dt.date) -> Value:
    """The ISO week (Monday to Sunday) holding ``d``."""
    mon = d - dt.timedelta(days=d.weekday())
    iso = mon.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}", mon, mon + dt.timedelta(days=6), "week"


def as_range(a: dt.date, b: dt.date, value: str | None = None) -> Value:
    """Days ``a`` to ``b``; the value is ``a/b`` unless a coarser one is given ("2017-Q1")."""
    return value or f"{a.isoformat()}/{b.isoformat()}", a, b, "range"


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, the day capped at the month's length."""
    m0 = d.month - 1 + n
    y, m = d.year + m0 // 12, m0 % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift_years(d: dt.date, n: int) -> dt.date:
    return add_months(d, 12 * n)


def nearest_year_of_month(m: int, ref: dt.date, future: bool) -> int:
    """The year of month ``m`` named without a year: the latest one up to ``ref``'s month (the
    next one from it on when ``future``)."""
    if future:
        return ref.year if m >= ref.month else ref.year + 1
    return ref.year if m <= ref.month else ref.year - 1


def nearest_weekday(wd: int, ref: dt.date, future: bool) -> dt.date:
    """The weekday ``wd`` on or before ``ref`` (on or after when ``future``)."""
    if future:
        return ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
    return ref - dt.timedelta(days=(ref.weekday() - wd) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th (1-based; -1 = last) ``weekday`` of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def iso_week_mondays(a: dt.date, b: dt.date) -> list[dt.date]:
    """The Mondays of the weeks whose Thursday falls in ``[a, b]`` (ISO 8601 week membership)."""
    t = a + dt.timedelta(days=(3 - a.weekday()) % 7)
    out: list[dt.date] = []
    while t <= b:
        out.append(t - dt.timedelta(days=3))
        t += dt.timedelta(days=7)
    return out
