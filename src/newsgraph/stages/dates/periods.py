"""Calendar periods: quarters and halves ("Q3 2019", "the first quarter"), weeks ("week 27", "the
week of May 4", "the first week of 2015"), parts of a month or year ("mid-November", "the end of
next month", "the first five days of last year"), decades and centuries ("the 1990s", "the
nineties", "the 15th century") and seasons (kept as text)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .absolute import month_day
from .grammar import (
    CONTAINER,
    COUNT,
    DAY,
    MONTH,
    MONTH_MAYBE_YEAR,
    NAME_OF,
    NTH,
    ORDINAL,
    ORDINAL_DIGITS,
    ORDINAL_WORDS,
    PART,
    YEAR,
    YEAR_ALONE,
)
from .match import ImpossibleDate, NotThisPattern
from .numerals import count_value, day_number, year_for_month, year_value
from .registry import rule
from .values import (
    Resolved,
    Value,
    add_months,
    as_day,
    as_month,
    as_range,
    as_week,
    as_year,
    iso_week_mondays,
)
from .vocabulary import DECADE_WORDS, MONTH_PARTS, MONTHS, RELATIVE_OFFSETS, WEEK_PARTS, YEAR_PARTS

SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}


def season_year(rel: str, first_month: int, ref: dt.date, future: bool) -> int:
    """The year of a season named without one (its first month ``first_month``, northern reading)."""
    over = ref.month >= first_month + 3  # the season of ``ref.year`` has ended
    if rel in ("last", "past", "this past"):
        return ref.year if over else ref.year - 1
    if rel in ("next", "coming", "this coming"):
        return ref.year if ref.month < first_month else ref.year + 1
    if future and over and not rel:
        return ref.year + 1
    return ref.year - 1 if first_month == 12 and ref.month <= 2 else ref.year


@rule((20, r"\b(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the)\s+)?"
       r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + YEAR + r")?\b"))
def season(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "this summer", "last fall", "spring 2016", "the winter": TimeML's season of a year ("2016-SP");
    its days depend on the hemisphere and are left open. A bare "fall" is the verb."""
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    name = m["season"].lower()
    if name == "fall" and not rel and not m["year"]:
        raise NotThisPattern(m.group())
    if not rel and not m["year"] and m["season"][0].isupper() and re.match(NAME_OF, m.string[m.end():]):
        raise NotThisPattern(m.group())  # "the Summer of Hope rally": a name
    code, first_month = SEASONS[name]
    if m["year"]:
        y = year_value(m["year"])
    elif ref is None:
        return None
    else:
        y = season_year(rel if rel != "the" else "", first_month, ref, future)
    return f"{y:04d}-{code}", dt.date.min, dt.date.max, "unknown"


@rule((25, r"\b(?:(?P<rel>this|last|next|the|the\s+current|the\s+latest|current|previous)\s+)?"
       r"(?:fiscal(?P<fyear>[\s-]+year)?(?:[\s-]+" + YEAR + r")?|(?P<school>school|academic)[\s-]+year)\b"))
def fiscal_year(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "fiscal 1989", "the fiscal year", "last fiscal year": the year named (TimeML's reading), its
    days left open (they depend on the company or country); school and academic years stay text."""
    if m["school"]:
        return None
    if not (m["year"] or m["fyear"]):
        raise NotThisPattern(m.group())  # "fiscal policy"
    if m["year"]:
        y = year_value(m["year"])
    elif ref is None:
        return None
    else:
        y = ref.year + RELATIVE_OFFSETS.get(re.sub(r"^the\s+", "", (m["rel"] or "").lower()), 0)
    return f"{y:04d}", dt.date.min, dt.date.max, "unknown"


#: a preposition of time before "the year" ("sales for the year", "rainfall during the year")
YEAR_PREPOSITION = "|".join(rf"(?<=\b{p}\s)" for p in ("for", "during", "in", "through", "throughout", "over", "within"))


@rule((27, r"(?:" + YEAR_PREPOSITION + r")the\s+year\b(?![-'’])(?!\s+(?:ended|ending|to|before|after|earlier|ago|prior"
           r"|of(?!\s+(?:[$€£]|\d{1,3}(?!\d)))|that|when|in\s+which|which|since)\b|\s+\d)"))
def the_year(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "sales for the year", "rainfall during the year": TimeML reads "the year" after a preposition
    of time as the year the article is written in; "the year ended April 30" (a fiscal year named by
    its end), "the year before", "the year of the flood" are left alone ("a peak for the year of $12"
    is read)."""
    if ref is None:
        return None
    return as_year(ref.year)


# -- quarters and halves -----------------------------------------------------------------------
@rule((400, r"\b(?:(?:the\s+)?(?P<back>year[\s-]+(?:earlier|ago)\s+)?(?:fiscal[\s-]+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
       r"(?:(?:\s+of)?\s+(?:fiscal\s+)?" + YEAR + r"|\s+of\s+(?:the\s+)?(?P<qrel>this|next|last|previous|current|following|the)"
       r"\s+(?:fiscal\s+)?year)?)\b"),
      (410, r"\bq(?P<q>[1-4])(?:[\s-]*(?:of\s+)?" + YEAR + r")?\b"),
      (420, r"\b" + YEAR + r"[\s-]*q(?P<q>[1-4])\b"))
def quarter(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "Q3 2019", "2019 Q3", "the first quarter of 2013", "the second quarter" (of ``ref``'s year);
    "the first quarter of next year" (of the year named relative to ``ref``); "the year-earlier second
    quarter" (that quarter a year before)."""
    gd = m.groupdict()
    q = int(gd["q"]) if gd.get("q") else day_number(gd["qw"]) or 0
    if not 1 <= q <= 4:
        return None
    rel = (gd.get("qrel") or "").lower()
    y = year_value(m["year"]) if m["year"] else (ref.year + RELATIVE_OFFSETS.get(rel, 0) if ref else None)
    if y is None:
        return None
    a = dt.date(y, 3 * q - 2, 1)
    if not m["year"] and rel in ("", "the") and ref is not None and a > ref and not future:
        a = dt.date(y - 1, 3 * q - 2, 1)  # "the fourth quarter", said in January: last year's
    if gd.get("back"):
        a = dt.date(a.year - 1, a.month, 1)
    return as_range(a, add_months(a, 3) - dt.timedelta(days=1), f"{a.year}-Q{q}")


@rule((405, r"\bthe\s+(?:latest\s+|most\s+recent\s+|recent\s+|just[\s-]ended\s+)?quarter\b"
       r"(?![\s-]+(?:century|of|mile|final|note|point))"),
      (408, r"\bthe\s+(?:latest|most\s+recent|just[\s-]ended)\s+(?:reporting\s+)?period\b(?![\s-]+(?:of|ended|ending)\b)"))
def reported_quarter(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the quarter", "the latest quarter", "the latest period": in news, the last quarter that has
    ended (results come after it)."""
    if ref is None:
        return None
    q0 = dt.date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
    a = add_months(q0, -3)
    return as_range(a, q0 - dt.timedelta(days=1), f"{a.year}-Q{(a.month - 1) // 3 + 1}")


@rule((406, r"\bthe\s+(?P<year>1[5-9]\d\d|20\d\d)\s+(?:quarter|period)\b(?![\s-]+(?:century|of|mile|final|note|point))"))
def year_quarter(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the 2018 quarter", "the 2019 period": a quarter of that year, the one the article is about
    (see ``context.QuarterComparisons``); read alone, the year."""
    return as_year(year_value(m["year"]))


#: "last year's period", "the like quarter of the prior year", "the same quarter a year earlier"
YEAR_BACK_PERIOD = (r"\blast\s+year['’]s\s+(?:quarter|period)\b|\bthe\s+(?:same|corresponding|comparable|like)\s+"
                    r"(?:quarter|period)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:earlier|ago|before)"
                    r"|the\s+(?:previous|prior|preceding)\s+year)\b")


@rule((407, YEAR_BACK_PERIOD))
def year_back_period(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "last year's period", "the same quarter a year earlier": the quarter named before it, a
    year back (see ``context.QuarterComparisons``); read alone, the year before the reference date's."""
    if ref is None:
        return None
    return as_year(ref.year - 1)


def half_of(y: int, h: int) -> Value:
    """Half ``h`` (1 or 2) of year ``y``, TimeML's "2019-H1"."""
    a = dt.date(y, 1 if h == 1 else 7, 1)
    return as_range(a, add_months(a, 6) - dt.timedelta(days=1), f"{y}-H{h}")


@rule((430, r"\b" + YEAR + r"[\s-]*h(?P<h>[12])\b"))
def half(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "2019 H1"."""
    return half_of(year_value(m["year"]), int(m["h"]))


#: which half an ordinal names: "the first half", "the last (latter) half" is the second
HALF_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2, "latter": 2}


@rule((435, r"\b(?:the\s+)?(?:(?P<fiscal>fiscal)[\s-]+)?(?P<hw>first|1st|second|2nd|last|latter)[\s-]+half"
       r"(?:\s+of\s+(?:" + YEAR + r"|(?:the\s+)?(?P<hrel>this|last|next|previous|current|the)\s+(?:fiscal\s+)?year"
       r"|fiscal\s+(?P<fy>1[5-9]\d\d|20\d\d)))?(?![\w-])"))
def named_half(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the first half of 1990", "the second half of this year", "the last half of 1989", "the fiscal
    first half": TimeML's half of a year ("1990-H1"). A half with no year named is one of the reference
    date's year only when a fiscal year names it ("the fiscal first half": a half not yet begun is last
    year's, as for quarters); "the second half" alone is left alone (the halves of a game)."""
    h = HALF_WORDS[m["hw"].lower()]
    if m["year"] or m["fy"]:
        return half_of(year_value(m["year"] or m["fy"]), h)
    if not (m["hrel"] or m["fiscal"]):
        raise NotThisPattern(m.group())  # "the second half" of a match
    if ref is None:
        return None
    y = ref.year + RELATIVE_OFFSETS.get((m["hrel"] or "").lower(), 0)
    if not m["hrel"] and dt.date(y, 1 if h == 1 else 7, 1) > ref and not future:
        y -= 1  # "the fiscal second half", said in March: last year's
    return half_of(y, h)


# -- weeks -------------------------------------------------------------------------------------
@rule((180, r"\b(?:the\s+)?" + NTH + r"\s+week\s+of\s+(?:" + MONTH_MAYBE_YEAR + r"|" + YEAR_ALONE + r")\b"))
def nth_week(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the first week of 2015", "the last week of July", "3rd week of jan"."""
    n = -1 if m["nth"].lower() == "last" else day_number(m["nth"]) or 0
    if m["mon"]:
        mon = MONTHS[m["mon"].lower()]
        y = year_for_month(m["year"], mon, ref, future)
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
    return as_week(thursday)


@rule((320, r"(?:\b(?:the\s+)?week\s+(?:of|beginning|starting(?:\s+on)?|commencing)\s+|\bw/c\s+)" + MONTH + r"\s*"
       + DAY + r"(?:\s*,?\s*" + YEAR + r")?\b"))
def week_of(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the week of April 10th", "w/c March 3"."""
    inner = month_day(m, ref, future)
    return as_week(inner[1]) if inner else None


@rule((330, r"\bweek\s+(?P<wk>\d{1,2})(?:\s+(?:of\s+)?" + YEAR + r")?\b"))
def week_number(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "week 27", "week 3 of 2021" (ISO week numbers)."""
    wk = int(m["wk"])
    y = year_value(m["year"]) if m["year"] else (ref.year if ref else None)
    if y is None or not 1 <= wk <= 53:
        return None
    try:
        return as_week(dt.date.fromisocalendar(y, wk, 1))
    except ValueError:
        raise ImpossibleDate(f"no week {wk} in {y}") from None


# -- parts of a month or year --------------------------------------------------------------------
@rule((170, r"\b" + PART + r"[\s-]*(?:" + MONTH_MAYBE_YEAR + r"|" + YEAR_ALONE + r")\b"))
def part(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "mid-November", "late July", "the end of 2008", "early 2015"."""
    name = m["part"].lower().split()[-2] if " of" in m["part"].lower() else m["part"].lower()
    if m.groupdict().get("mon"):
        mon = MONTHS[m["mon"].lower()]
        y = year_for_month(m["year"], mon, ref, future)
        if y is None:
            return None
        lo, hi = MONTH_PARTS[name]
        last = calendar.monthrange(y, mon)[1]
        return as_range(dt.date(y, mon, lo), dt.date(y, mon, min(hi, last)), f"{y:04d}-{mon:02d}")
    y = int(m["yr"])
    lo, hi = YEAR_PARTS[name]
    return as_range(dt.date(y, lo, 1), dt.date(y, hi, calendar.monthrange(y, hi)[1]), f"{y:04d}")


@rule((310, r"\b(?:(?:the\s+)?(?P<part>end|beginning|start|middle)\s+of\s+(?:the\s+)?"
       r"(?:(?P<rel>this|next|last|current|previous|coming)\s+)?(?P<unit>week|month|year)|(?P<abbr>eo[ymw])"
       r"|(?<=\bby\s)(?P<end_unit>year|month)[\s-]end|(?:the\s+)?(?P<end_unit2>year|month)[\s-]end"
       r"(?=\s*[.,;:!?)]|\s+(?:and|or|of|in|to|for|when|as|but)\b))\b"))
def relative_part(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the end of the month", "end of this year", "the beginning of next week", "EOY", "at year-end": the same
    parts as "early/mid/late <month or year>", of a period named relative to the reference date; a
    week ends Thursday to Sunday."""
    if ref is None:
        return None
    if m["abbr"]:
        name, off, unit = "end", 0, {"y": "year", "m": "month", "w": "week"}[m["abbr"][-1].lower()]
    elif m["end_unit"] or m["end_unit2"]:  # "at year-end", "the month end"
        name, off, unit = "end", 0, (m["end_unit"] or m["end_unit2"]).lower()
    else:
        name, unit = m["part"].lower(), m["unit"].lower()
        off = RELATIVE_OFFSETS.get((m["rel"] or "").lower(), 0)
    if unit == "week":
        mon = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * off)
        lo, hi = WEEK_PARTS[name]
        return as_range(mon + dt.timedelta(days=lo), mon + dt.timedelta(days=hi))
    if unit == "month":
        first = add_months(ref.replace(day=1), off)
        lo, hi = MONTH_PARTS[name]
        last = calendar.monthrange(first.year, first.month)[1]
        return as_range(first.replace(day=lo), first.replace(day=min(hi, last)), f"{first.year:04d}-{first.month:02d}")
    y = ref.year + off
    lo, hi = YEAR_PARTS[name]
    return as_range(dt.date(y, lo, 1), dt.date(y, hi, calendar.monthrange(y, hi)[1]), f"{y:04d}")


def container(m: re.Match[str], ref: dt.date | None, future: bool) -> tuple[dt.date, dt.date, str] | None:
    """The period that holds the part (see ``grammar.CONTAINER``): first day, last day, "month" or "year"."""
    gd = m.groupdict()
    if gd.get("mon"):
        mon = MONTHS[m["mon"].lower()]
        y = year_for_month(gd.get("year"), mon, ref, future)
        if y is None:
            return None
        _, a, b, _ = as_month(y, mon)
        return a, b, "month"
    if gd.get("yr"):
        y = year_value(m["yr"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if ref is None:
        return None
    off = RELATIVE_OFFSETS.get(m["crel"].lower(), 0)  # "the month": this month
    if m["cunit"].lower() == "month":
        a = add_months(ref.replace(day=1), off)
        return a, add_months(a, 1) - dt.timedelta(days=1), "month"
    return dt.date(ref.year + off, 1, 1), dt.date(ref.year + off, 12, 31), "year"


def which_parts(m: re.Match[str]) -> tuple[int, int, bool] | None:
    """(first, count, counted from the end) of the parts a match names: "week 27" (27, 1), "the
    first ten days" (1, 10), "the last 2 weeks" (1, 2, from the end), "the 15th day" (15, 1); None
    when the count is no number."""
    gd = m.groupdict()
    if gd.get("wk"):
        return int(m["wk"]), 1, False
    if gd.get("pos"):
        n = count_value(m["n"])
        if n is None:
            return None
        return 1, n, m["pos"].lower() == "last"
    nth = m["nth"].lower()
    first, count, from_end = (1, 1, True) if nth == "last" else (day_number(nth) or 0, 1, False)
    if first == 0:
        raise NotThisPattern(m.group())
    return first, count, from_end


def parts_value(lo: dt.date, hi: dt.date, unit: str, count: int) -> Value:
    """The value of ``count`` days, weeks (Mondays) or months (first days) from ``lo`` to ``hi``."""
    if unit == "week":
        hi += dt.timedelta(days=6)
        if count == 1:
            return as_week(lo)
    elif unit == "month":
        hi = add_months(hi, 1) - dt.timedelta(days=1)
        if count == 1:
            return as_month(lo.year, lo.month)
    elif count == 1:
        return as_day(lo)
    return as_range(lo, hi)


@rule((190, r"\b(?:the\s+)?" + ORDINAL + r"\s+(?P<unit>day|week|month)\s+of\s+" + CONTAINER + r"(?![\w])"),
      (200, r"\b(?:the\s+)?(?P<pos>first|last)\s+" + COUNT + r"\s+(?P<unit>day|week|month)s\s+of\s+" + CONTAINER
       + r"(?![\w])"),
      (210, r"\bweek\s+(?P<wk>\d{1,2})\s+of\s+" + CONTAINER + r"(?![\w])"))
def part_of(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the third month of 2021", "the last week of this month", "the first 2 weeks of 2027",
    "the 20th day of next month", "week 27 of last year", "first five days of last year"."""
    cont = container(m, ref, future)
    if cont is None:
        return None
    a, b, kind = cont
    unit = (m.groupdict().get("unit") or "week").lower()
    if unit == "month" and kind == "month":
        raise NotThisPattern(m.group())
    parts = which_parts(m)
    if parts is None:
        return None
    first, count, from_end = parts
    if first < 1 or count < 1:
        raise NotThisPattern(m.group())
    if unit == "day":
        days = [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]
    elif unit == "week":
        days = iso_week_mondays(a, b)
    else:
        days = [dt.date(a.year, mo, 1) for mo in range(1, 13)]
    pick = days[::-1][first - 1:first - 1 + count][::-1] if from_end else days[first - 1:first - 1 + count]
    if len(pick) < count or not pick:
        raise NotThisPattern(m.group())
    return parts_value(pick[0], pick[-1], unit, count)


# -- decades and centuries -----------------------------------------------------------------------
#: "in his 30s", "her early twenties": an age, not a decade
AGE_BEFORE = (r"(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bits )(?<!\bmy )(?<!\byour )(?<!\bour )(?<!\bearly )"
              r"(?<!\blate )(?<!\bmid )(?<!\bmid-)")


@rule((570, r"(?:\bthe\s+)?\b(?P<dec>1[5-9]\d0|20\d0|" + AGE_BEFORE + r"[2-9]0)\s?'?s\b"))
def decade(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the 1990s", "the 90s", "the '80s"."""
    y = int(m["dec"])
    y = y if y >= 100 else (1900 + y if y >= 30 else 2000 + y)
    return as_range(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), f"{y}s")


@rule((280, AGE_BEFORE + r"\b(?:the\s+)?(?P<decw>" + "|".join(DECADE_WORDS) + r")\b"),
      (290, r"\b(?:the\s+)?(?P<cent>" + ORDINAL_DIGITS + r"|" + ORDINAL_WORDS
       + r"|twenty[\s-]first|twenty[\s-]second)\s+century\b"))
def decade_or_century(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the nineties" (of the 20th century), "the 15th century"."""
    gd = m.groupdict()
    if gd.get("decw"):
        y = 1900 + DECADE_WORDS[m["decw"].lower()]
        return as_range(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), f"{y}s")
    c = day_number(m["cent"])
    if c is None or not 1 <= c <= 22:
        raise NotThisPattern(m.group())
    first = max(1, (c - 1) * 100)
    return as_range(dt.date(first, 1, 1), dt.date(c * 100 - 1, 12, 31), f"{first:04d}/{c * 100 - 1:04d}")
