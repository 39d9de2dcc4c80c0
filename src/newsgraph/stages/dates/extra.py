"""Further date handlers: a day of the month without its month ("the 18th", "Tue 13th"), parts of a
month or year ("the first 2 weeks of 2021", "the 15th day of next month"), several quarters or
business days, decades in words, centuries, and spans up to the reference date ("to date")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .base import (
    _DAYW,
    _MON,
    _NUMW,
    _YEAR,
    MONTHS,
    ORD_WORDS,
    WEEKDAYS,
    NotThisPattern,
    _add_months,
    _day,
    _day_num,
    _mk_day,
    _month,
    _num,
    _range,
    _Res,
    _week,
    _year_for_month,
    _yv,
)

_WD_ANY = r"(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_ORD_DIGITS = r"\d{1,2}(?:st|nd|rd|th)"
_ORD_DAY = r"(?:" + _ORD_DIGITS + "|" + _DAYW + ")"
_REL_MONTH = r"(?P<rel>this|next|last|previous|the|current)\s+month"

#: "the 18th", "on 29th", "Tue 13th", "Tuesday the eleventh", "Sunday 31", "the 21st this month",
#: "the 15th day of next month", "the twenty-sixth day of the month"
DOM_PATTERNS = [
    r"\b" + _WD_ANY + r",?\s+(?:the\s+)?(?P<day>" + _ORD_DAY + r"|\d{1,2}(?=\s*(?:[!.,;?)]|$)))(?![\w-])"
    r"(?:\s+(?:day\s+)?(?:of\s+)?" + _REL_MONTH + r")?",
    r"\bthe\s+(?P<day>" + _ORD_DIGITS + r"|" + _DAYW + r")(?P<dayw>\s+day)?(?![\w-])"
    r"(?:\s+(?:of\s+)?" + _REL_MONTH + r")?",
    r"(?<=\bon\s)(?P<day>" + _ORD_DIGITS + r")(?![\w-])",
    r"\b(?P<weekof>the\s+week\s+of)\s+the\s+(?P<day>" + _ORD_DIGITS + "|" + _DAYW + r")(?![\w-])",
]


#: words that may follow a bare day of the month ("on the 12th and 13th", "on the 4th when ...")
_AFTER_DAY = {"and", "or", "but", "through", "to", "till", "until", "when", "while", "at", "after", "before", "with",
              "as", "that", "which", "he", "she", "they", "it", "we", "i", "there", "this", "next", "last"}


def _dom_month(d: int, ref: dt.date, step: int, wd: int | None) -> dt.date:
    """The nearest day ``d`` (of weekday ``wd``) from ``ref``'s month, going back (``step`` -1) or on."""
    y, mo = ref.year, ref.month
    for _ in range(60):
        if d <= calendar.monthrange(y, mo)[1]:
            day = dt.date(y, mo, d)
            if (wd is None or day.weekday() == wd) and (day <= ref if step < 0 else day >= ref):
                return day
        first = _add_months(dt.date(y, mo, 1), step)
        y, mo = first.year, first.month
    raise NotThisPattern(f"no day {d}")


def h_dom(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """A day of the month without the month: the most recent such day (the next one in future tense)."""
    d = _day_num(m["day"])
    if d is None or not 1 <= d <= 31:
        raise NotThisPattern(m.group())
    gd = m.groupdict()
    rel = (gd.get("rel") or "").lower()
    plain_word = not re.match(r"\d", m["day"]) and not gd.get("wd") and not gd.get("dayw") and not rel
    nxt = re.match(r"\s+([a-z]+)", m.string[m.end():], re.I)
    if plain_word or (not rel and not gd.get("wd") and nxt and nxt.group(1).lower() not in _AFTER_DAY):
        raise NotThisPattern(m.group())  # "the 24th retweet", "the second": not a day of the month
    if ref is None:
        return None
    if rel:
        first = _add_months(ref.replace(day=1), {"next": 1, "last": -1, "previous": -1}.get(rel, 0))
        return _day(_mk_day(first.year, first.month, d))
    if gd.get("wd"):  # "Tuesday the 11th": the nearest month where the 11th is a Tuesday
        wd = WEEKDAYS[gd["wd"].lower()]
        back, on = _dom_month(d, ref, -1, wd), _dom_month(d, ref, 1, wd)
        return _day(on if fut or (on - ref) < (ref - back) else back)
    day = _dom_month(d, ref, 1 if fut else -1, None)
    return _week(day) if gd.get("weekof") else _day(day)


_CONT = (r"(?:" + _MON + r"(?:\s*,?\s*(?:of\s+)?" + _YEAR + r")?|(?:the\s+year\s+)?" + _YEAR.replace("<year>", "<yr>")
         + r"|(?P<crel>this|next|last|previous|the|current|following)\s+(?P<cunit>month|year))")


def _container(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[dt.date, dt.date, str] | None:
    gd = m.groupdict()
    if gd.get("mon"):
        mon = MONTHS[m["mon"].lower()]
        y = _year_for_month(gd.get("year"), mon, ref, fut)
        if y is None:
            return None
        _, a, b, _ = _month(y, mon)
        return a, b, "month"
    if gd.get("yr"):
        y = _yv(m["yr"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if ref is None:
        return None
    off = {"next": 1, "following": 1, "last": -1, "previous": -1}.get(m["crel"].lower(), 0)
    if m["cunit"].lower() == "month":
        a = _add_months(ref.replace(day=1), off)
        return a, _add_months(a, 1) - dt.timedelta(days=1), "month"
    return dt.date(ref.year + off, 1, 1), dt.date(ref.year + off, 12, 31), "year"


def _thursdays(a: dt.date, b: dt.date) -> list[dt.date]:
    """The Mondays of the weeks whose Thursday falls in ``[a, b]`` (ISO 8601 week membership)."""
    t = a + dt.timedelta(days=(3 - a.weekday()) % 7)
    out: list[dt.date] = []
    while t <= b:
        out.append(t - dt.timedelta(days=3))
        t += dt.timedelta(days=7)
    return out


_ORD_N = r"(?P<nth>\d{1,2}(?:st|nd|rd|th)|last|" + "|".join(k for k in ORD_WORDS if k != "last") + r")"
PART_PATTERNS = [
    r"\b(?:the\s+)?" + _ORD_N + r"\s+(?P<unit>day|week|month)\s+of\s+" + _CONT + r"(?![\w])",
    r"\b(?:the\s+)?(?P<pos>first|last)\s+" + _NUMW + r"\s+(?P<unit>day|week|month)s\s+of\s+" + _CONT + r"(?![\w])",
    r"\bweek\s+(?P<wk>\d{1,2})\s+of\s+" + _CONT + r"(?![\w])",
]


def h_part_of(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the third month of 2021", "the last week of this month", "the first 2 weeks of 2021",
    "the 15th day of next month", "week 27 of last year", "first ten days of last year"."""
    cont = _container(m, ref, fut)
    if cont is None:
        return None
    a, b, kind = cont
    gd = m.groupdict()
    unit = (gd.get("unit") or "week").lower()
    if unit == "month" and kind == "month":
        raise NotThisPattern(m.group())
    if gd.get("wk"):
        first, count, from_end = int(m["wk"]), 1, False
    elif gd.get("pos"):
        n = _num(m["n"])
        if n is None:
            return None
        first, count, from_end = 1, n, m["pos"].lower() == "last"
    else:
        nth = m["nth"].lower()
        first, count, from_end = (1, 1, True) if nth == "last" else (_day_num(nth) or 0, 1, False)
        if first == 0:
            raise NotThisPattern(m.group())
    if first < 1 or count < 1:
        raise NotThisPattern(m.group())
    if unit == "day":
        days = [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]
    elif unit == "week":
        days = _thursdays(a, b)
    else:
        days = [dt.date(a.year, mo, 1) for mo in range(1, 13)]
    pick = days[::-1][first - 1:first - 1 + count][::-1] if from_end else days[first - 1:first - 1 + count]
    if len(pick) < count or not pick:
        raise NotThisPattern(m.group())
    lo, hi = pick[0], pick[-1]
    if unit == "week":
        hi += dt.timedelta(days=6)
        if count == 1:
            return _week(lo)
    elif unit == "month":
        hi = _add_months(hi, 1) - dt.timedelta(days=1)
        if count == 1:
            return _month(lo.year, lo.month)
    elif count == 1:
        return _day(lo)
    return _range(lo, hi)


_DIRS = r"(?P<dir>last|past|previous|next|coming|following|upcoming)"
MANY_PATTERNS = [
    r"\b(?:the\s+)?" + _DIRS + r"\s+" + _NUMW + r"\s+(?P<unit>quarter)s\b",
    r"\b(?:the\s+)?" + _DIRS + r"\s+" + _NUMW + r"\s+(?:business|working|work)\s+(?P<unit>day)s\b",
]


def h_many(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the last 2 quarters" (whole quarters before the current one), "the next 4 business days"
    (Monday to Friday, from the day after the reference date)."""
    if ref is None:
        return None
    n = _num(m["n"])
    if n is None or not 1 <= n <= 400:
        raise NotThisPattern(m.group())
    forward = m["dir"].lower() in ("next", "coming", "following", "upcoming")
    if m["unit"].lower() == "quarter":
        q0 = dt.date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
        if forward:
            a = _add_months(q0, 3)
            return _range(a, _add_months(a, 3 * n) - dt.timedelta(days=1))
        return _range(_add_months(q0, -3 * n), q0 - dt.timedelta(days=1))
    step = 1 if forward else -1
    d = ref
    got: list[dt.date] = []
    while len(got) < n:
        d += dt.timedelta(days=step)
        if d.weekday() < 5:
            got.append(d)
    return _range(min(got), max(got))


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                 "eighties": 80, "nineties": 90}
OTHER_PATTERNS = [
    r"(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bits )(?<!\bmy )(?<!\byour )(?<!\bour )(?<!\bearly )(?<!\blate )"
    r"(?<!\bmid )(?<!\bmid-)\b(?:the\s+)?(?P<decw>" + "|".join(_DECADE_WORDS) + r")\b",
    r"\b(?:the\s+)?(?P<cent>\d{1,2}(?:st|nd|rd|th)|" + "|".join(k for k in ORD_WORDS if k != "last")
    + r"|twenty[\s-]first|twenty[\s-]second)\s+century\b",
]


def h_other(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """ "the nineties" (of the 20th century), "the 15th century"."""
    gd = m.groupdict()
    if gd.get("decw"):
        y = 1900 + _DECADE_WORDS[m["decw"].lower()]
        return _range(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), f"{y}s")
    c = _day_num(m["cent"])
    if c is None or not 1 <= c <= 22:
        raise NotThisPattern(m.group())
    first = max(1, (c - 1) * 100)
    return _range(dt.date(first, 1, 1), dt.date(c * 100 - 1, 12, 31), f"{first:04d}/{c * 100 - 1:04d}")


#: "the end of the month", "end of this year", "the beginning of next week", "EOY"
REL_PART = (r"\b(?:(?:the\s+)?(?P<part>end|beginning|start|middle)\s+of\s+(?:the\s+)?"
            r"(?:(?P<rel>this|next|last|current|previous|coming)\s+)?(?P<unit>week|month|year)|(?P<abbr>eo[ymw]))\b")
_WEEK_PARTS = {"beginning": (0, 2), "start": (0, 2), "middle": (2, 4), "end": (3, 6)}
_MONTH_PARTS = {"beginning": (1, 15), "start": (1, 15), "middle": (10, 20), "end": (16, 31)}
_YEAR_PARTS = {"beginning": (1, 4), "start": (1, 4), "middle": (5, 8), "end": (9, 12)}


def h_rel_part(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    """The same parts as "early/mid/late <month or year>" (``_h_part``), of a week, month or year
    named relative to the reference date; a week ends Thursday to Sunday."""
    if ref is None:
        return None
    if m["abbr"]:
        part, off, unit = "end", 0, {"y": "year", "m": "month", "w": "week"}[m["abbr"][-1].lower()]
    else:
        part, unit = m["part"].lower(), m["unit"].lower()
        off = {"next": 1, "coming": 1, "last": -1, "previous": -1}.get((m["rel"] or "").lower(), 0)
    if unit == "week":
        mon = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * off)
        lo, hi = _WEEK_PARTS[part]
        return _range(mon + dt.timedelta(days=lo), mon + dt.timedelta(days=hi))
    if unit == "month":
        first = _add_months(ref.replace(day=1), off)
        lo, hi = _MONTH_PARTS[part]
        last = calendar.monthrange(first.year, first.month)[1]
        return _range(first.replace(day=lo), first.replace(day=min(hi, last)), f"{first.year:04d}-{first.month:02d}")
    y = ref.year + off
    lo, hi = _YEAR_PARTS[part]
    return _range(dt.date(y, lo, 1), dt.date(y, hi, calendar.monthrange(y, hi)[1]), f"{y:04d}")


#: spans up to the reference date: "to date", "till date", "year to date"
TO_DATE = r"\b(?:(?P<ytd>(?:the\s+)?year[\s-]to[\s-]date|ytd)|(?:till|to|until)\s+(?:date|current\s+date))\b"


def h_to_date(m: re.Match[str], ref: dt.date | None, fut: bool) -> _Res | None:
    if ref is None:
        return None
    if m["ytd"]:
        return (*_range(dt.date(ref.year, 1, 1), ref), ref)
    return f"../{ref.isoformat()}", dt.date.min, ref, "range", ref


__all__ = ["REL_PART", "h_rel_part", "DOM_PATTERNS", "MANY_PATTERNS", "OTHER_PATTERNS", "PART_PATTERNS", "TO_DATE", "h_dom", "h_many",
           "h_other", "h_part_of", "h_to_date"]
