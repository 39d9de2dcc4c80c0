"""Dates named relative to the reference (publication) date: "yesterday", "last Monday", "next
week", "in March", "three days ago", "the past few weeks", "the 18th", "within two months".

News conventions: a bare weekday or month is the most recent one on or before the reference date
unless ``future`` is set; "last <weekday>" is the most recent one before the reference date, "next
<weekday>" that day of the next week. Without a reference date these resolve to None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .grammar import (
    COUNT,
    COUNT_WORDS,
    DAY_IN_WORDS,
    DIRECTION,
    MONTH,
    MONTH_ABBREVIATIONS,
    NAME_OF,
    ORDINAL_DAY,
    ORDINAL_DIGITS,
    PAPER_NAME,
    RELATIVE_MONTH,
    UNIT,
    UNIT_TO_YEAR,
    WEEKDAY,
    WEEKDAY_ANY,
)
from .match import NotThisPattern
from .numerals import count_value, day_number
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
    make_day,
    nearest_weekday,
    nearest_year_of_month,
)
from .vocabulary import (
    AFTER_DAY_WORDS,
    AMBIGUOUS_MONTHS,
    DAY_OFFSETS,
    MONTH_CUES,
    MONTHS,
    RELATIVE_OFFSETS,
    UNIT_DAYS,
    UNIT_MONTHS,
    WEEKDAYS,
)

FORWARD = ("next", "coming", "following", "upcoming")


# -- days ------------------------------------------------------------------------------------
@rule((470, r"\b(?P<w>today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening)"
       r"|the day (?:before yesterday|after tomorrow))\b"))
def day_word(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "today", "yesterday", "last night", "the day after tomorrow"."""
    if ref is None:
        return None
    word = re.sub(r"\s+", " ", m["w"].lower())
    day = as_day(ref + dt.timedelta(days=DAY_OFFSETS[word]))
    part = "night" if word in ("tonight", "last night") else word.split()[-1]
    return with_part(day, part) if part in PARTS_OF_DAY else day


#: the parts of the day TimeML writes after a day ("2021-06-10TMO"): morning, afternoon, evening; a
#: night runs into the next day and is written as the day it starts on ("Saturday night": Saturday)
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV"}


def with_part(day: Value, part: str) -> Value:
    """A day's value with the part of the day named with it (its days stay the day's)."""
    return f"{day[0]}T{PARTS_OF_DAY[part]}", day[1], day[2], day[3]


@rule((460, r"\b(?P<rel>this past|this coming|this upcoming|last|previous|next|following|this|past|coming"
       r"|upcoming)?\s*" + WEEKDAY + r"\b"))
def weekday(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "Monday", "last Monday", "next Friday", "this coming Tuesday"; not the weekday of a newspaper's
    name ("The Sunday Times")."""
    if is_paper_name(m.string, m.start("wd"), m.end()):
        raise NotThisPattern(m.group())
    if ref is None:
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if rel in ("last", "previous", "this past", "past"):
        # news reading: the most recent such day before the publication day
        return as_day(nearest_weekday(wd, ref - dt.timedelta(days=1), False))
    if rel in ("next", "following"):
        mon = ref - dt.timedelta(days=ref.weekday() - 7)
        return as_day(mon + dt.timedelta(days=wd))
    if rel == "this":
        return as_day(ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=wd))
    if rel in ("coming", "this coming", "upcoming", "this upcoming"):
        return as_day(nearest_weekday(wd, ref + dt.timedelta(days=1), True))
    return as_day(nearest_weekday(wd, ref, future))


def is_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ("This Week", "Next Year") is a title: every word capitalised, in the
    middle of a sentence that is not itself written in title case (a programme or a book, not a date)."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    before = text[:start]
    if not re.search(r"\w", before) or re.search(r"[.!?:]\W*$", before):
        return False  # it opens a sentence
    return re.search(r"(?<![\w'])[a-z]{4,}", text) is not None


def is_paper_name(text: str, start: int, end: int) -> bool:
    """Whether the weekday at ``text[start:end]`` begins a newspaper's name: capitalised, after "the" or
    at the start, before a word of a paper's name ("the Sunday Times"; not "said Sunday Times Square")."""
    return (text[start].isupper() and re.match(PAPER_NAME, text[end:]) is not None
            and re.search(r"(?:\bthe\s+|^\s*)$", text[:start], re.I) is not None)


#: a weekday with what points it ("last Friday"), as the weekday rule reads it
WEEKDAY_OF = re.compile(r"(?P<rel>this past|this coming|last|previous|next|following|this|past|coming|upcoming)?\s*"
                        + WEEKDAY, re.I)


@rule((455, r"\b(?:(?:later|earlier)\s+)?(?P<base>(?:(?:this\s+past|this\s+coming|last|next|this|coming)\s+)?"
       + WEEKDAY + r"|today|tomorrow|yesterday|later\s+this|earlier\s+this|early\s+this|late\s+this)"
       r"\s+(?P<part>morning|afternoon|evening|night)\b"))
def part_of_day(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "Monday morning", "early Saturday night", "yesterday afternoon", "later this evening": the day,
    with its part (TimeML's "2021-06-10TMO")."""
    if ref is None:
        return None
    base = re.sub(r"\s+", " ", m["base"].lower())
    if base.endswith("this") or base == "today":
        day = as_day(ref)
    elif base in ("yesterday", "tomorrow"):
        day = as_day(ref + dt.timedelta(days=DAY_OFFSETS[base]))
    else:
        w = WEEKDAY_OF.fullmatch(m["base"])
        res = weekday(w, ref, future) if w else None
        if res is None:
            return None
        day = res[:4]  # type: ignore[assignment]
    part = m["part"].lower()
    return with_part(day, part) if part in PARTS_OF_DAY else day


#: a clock time: "7:15 a.m.", "9 p.m. EST", "5 a.m. Sunday" (groups ``h``, ``mi``, ``ap``, ``base``)
CLOCK = (r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?m(?:\.|\b)"
         r"(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?")


@rule((475, CLOCK + r"(?:\s+(?P<base>(?:(?:last|next|this)\s+)?" + WEEKDAY + r"|today|tomorrow|yesterday)\b)?"))
def clock_time(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "at 7:15 a.m.", "11 a.m. EST Monday": the time of the day it names (the reference date when
    it names none), as TimeML writes it ("2021-06-10T09:00")."""
    if ref is None:
        return None
    base = (m["base"] or "").lower()
    if not base or base == "today":
        day = ref
    elif base in ("yesterday", "tomorrow"):
        day = ref + dt.timedelta(days=DAY_OFFSETS[base])
    else:
        w = WEEKDAY_OF.fullmatch(m["base"])
        res = weekday(w, ref, future) if w else None
        if res is None:
            return None
        day = res[1]
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return f"{day.isoformat()}T{hour:02d}:{m['mi'] or '00'}", day, day, "day"


@rule((60, r"\b(?P<rel>next|following|coming|last|previous|past|this)\s+week(?:\s*-\s*|\s+on\s+|\s+)" + WEEKDAY_ANY
       + r"\b"),
      (70, r"\b" + WEEKDAY + r"\s+of\s+(?:the\s+)?(?P<rel>next|following|coming|last|previous|past|this)\s+week\b"))
def weekday_of_week(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "next week Monday", "Tuesday of next week", "monday of the following week"."""
    if ref is None:
        return None
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * RELATIVE_OFFSETS[m["rel"].lower()])
    return as_day(monday + dt.timedelta(days=WEEKDAYS[m["wd"].lower()]))


@rule((80, r"\b(?:over\s+)?(?:the|that)\s+weekend\b"))
def weekend(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the weekend", "over the weekend": the current one from Friday on, else the last one."""
    if ref is None:
        return None
    if future or ref.weekday() >= 4:
        sat = ref + dt.timedelta(days=5 - ref.weekday()) if ref.weekday() <= 5 else ref - dt.timedelta(days=1)
    else:
        sat = ref - dt.timedelta(days=ref.weekday() + 2)
    return as_range(sat, sat + dt.timedelta(days=1))


# -- a day of the month without its month ----------------------------------------------------
@rule(
    (220, r"\b" + WEEKDAY_ANY + r"\.?,?\s+(?:the\s+)?(?P<day>" + ORDINAL_DAY + r"|\d{1,2}(?=\s*(?:[!.,;?)]|$))(?![.,]\d))(?![\w-])"
     r"(?:\s+(?:day\s+)?(?:of\s+)?" + RELATIVE_MONTH + r")?"),
    (230, r"\bthe\s+(?P<day>" + ORDINAL_DIGITS + r"|" + DAY_IN_WORDS + r")(?P<dayw>\s+day)?(?![\w-])"
     r"(?:\s+(?:of\s+)?" + RELATIVE_MONTH + r")?"),
    (240, r"(?<=\bon\s)(?P<day>" + ORDINAL_DIGITS + r")(?![\w-])"),
    (250, r"\b(?P<weekof>the\s+week\s+of)\s+the\s+(?P<day>" + ORDINAL_DIGITS + "|" + DAY_IN_WORDS + r")(?![\w-])"),
)
def day_of_month(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """A day of the month without the month: "the 18th", "on 29th", "Tue 13th", "Tuesday the
    eleventh", "the 21st this month", "the 20th day of next month": the most recent such day (the
    next one in future tense); with a weekday, the nearest month where that day is that weekday.
    "The eighth day" with no month named counts the days of something ("of the siege", "in a row")."""
    d = day_number(m["day"])
    if d is None or not 1 <= d <= 31:
        raise NotThisPattern(m.group())
    gd = m.groupdict()
    rel = (gd.get("rel") or "").lower()
    plain_word = not re.match(r"\d", m["day"]) and not gd.get("wd") and not gd.get("dayw") and not rel
    nxt = re.match(r"\s+([a-z]+)", m.string[m.end():], re.I)
    if plain_word or (not rel and not gd.get("wd") and nxt and nxt.group(1).lower() not in AFTER_DAY_WORDS):
        raise NotThisPattern(m.group())  # "the 24th retweet", "the second": not a day of the month
    if gd.get("dayw") and not rel:
        raise NotThisPattern(m.group())  # "the eighth day" (of a siege, in a row): a count of days
    if ref is None:
        return None
    if rel:
        first = add_months(ref.replace(day=1), RELATIVE_OFFSETS.get(rel, 0))  # "the": this month
        return as_day(make_day(first.year, first.month, d))
    if gd.get("wd"):
        wd = WEEKDAYS[gd["wd"].lower()]
        back, on = day_in_month_near(d, ref, -1, wd), day_in_month_near(d, ref, 1, wd)
        return as_day(on if future or (on - ref) < (ref - back) else back)
    day = day_in_month_near(d, ref, 1 if future else -1, None)
    return as_week(day) if gd.get("weekof") else as_day(day)


def day_in_month_near(d: int, ref: dt.date, step: int, wd: int | None) -> dt.date:
    """The nearest day ``d`` (of weekday ``wd``) from ``ref``'s month, going back (``step`` -1) or on."""
    y, mo = ref.year, ref.month
    for _ in range(60):
        if d <= calendar.monthrange(y, mo)[1]:
            day = dt.date(y, mo, d)
            if (wd is None or day.weekday() == wd) and (day <= ref if step < 0 else day >= ref):
                return day
        first = add_months(dt.date(y, mo, 1), step)
        y, mo = first.year, first.month
    raise NotThisPattern(f"no day {d}")


# -- months ----------------------------------------------------------------------------------
def is_verb_or_clipped(m: re.Match[str], rel: str) -> bool:
    """Whether a month name is rather a word: "may" the verb, "march" the verb, "Jan" a name. In
    lower case, "may" needs one of the cue words that only months follow ("in may", not "and may");
    alone, an ambiguous name needs a capital (never "May") or a cue word before it; a clipped one
    ("Jan") a full stop, a cue word, or no word after it ("Jan-Feb")."""
    s = m.start("mon")
    low = m["mon"].lower()
    prev = m.string[max(0, s - 12):s].lower().split()
    cue = bool(prev) and prev[-1] in MONTH_CUES
    if low == "may" and m.string[s].islower():
        return not (cue and prev[-1] not in ("and", "to", "by"))
    if rel:
        return False
    if m.string[s].isupper() and re.match(NAME_OF, m.string[m.end():]):
        return True  # "the March of the Teachers": a name
    clipped = low in AMBIGUOUS_MONTHS and low in MONTH_ABBREVIATIONS and not m.group().endswith(".")
    if clipped and re.match(r"\s+[A-Z][a-z]", m.string[m.end():]):
        return True  # "and Jan Novak": a first name, whatever the word before it
    if clipped and not cue and re.match(r"\s+[A-Za-z]", m.string[m.end():]):
        return True  # "Jan said", "Jan Egeland"
    return low in AMBIGUOUS_MONTHS and (m.string[s].islower() or low == "may") and not cue


@rule((560, r"\b(?P<rel>this|last|next|past|previous)?\s*" + MONTH + r"(?![\w])"))
def month(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "June", "in March", "last May", "next January"."""
    rel = (m["rel"] or "").lower()
    if is_verb_or_clipped(m, rel):
        raise NotThisPattern(m.group())
    if ref is None:
        return None
    mon = MONTHS[m["mon"].lower()]
    if rel in ("last", "previous", "past"):
        y = ref.year if mon < ref.month else ref.year - 1
    elif rel == "next":
        y = ref.year if mon > ref.month else ref.year + 1
    elif rel == "this":
        y = ref.year
    else:
        y = nearest_year_of_month(mon, ref, future)
    return as_month(y, mon)


@rule((565, r"\b(?P<rel>last|this\s+past|this\s+coming|next|this)\s+" + MONTH + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?"
       r"(?![\w])(?!\s*,?\s*\d)"))
def month_day_relative(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "last Nov. 14", "next March 4", "this past June 2": the most recent such day before the
    reference date ("last", "this past"), the first one after it ("next", "this coming"), the one of
    its year ("this")."""
    if ref is None:
        return None
    mon, d = MONTHS[m["mon"].lower()], int(m["day"])
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel == "this":
        return as_day(make_day(ref.year, mon, d))
    if rel in ("next", "this coming"):
        day = make_day(ref.year, mon, d)
        return as_day(day if day > ref else make_day(ref.year + 1, mon, d))
    day = make_day(ref.year, mon, d)
    return as_day(day if day < ref else make_day(ref.year - 1, mon, d))


# -- calendar units relative to the reference date ---------------------------------------------
def unit_around(ref: dt.date, unit: str, off: int) -> Value:
    """The week, work week, month, quarter or year ``off`` units from the one holding ``ref``."""
    if unit == "week":
        return as_week(ref + dt.timedelta(days=7 * off))
    if unit in ("workweek", "working week", "work week"):  # Monday to Friday
        wk = as_week(ref + dt.timedelta(days=7 * off))
        return as_range(wk[1], wk[1] + dt.timedelta(days=4))
    if unit == "month":
        d = add_months(ref.replace(day=1), off)
        return as_month(d.year, d.month)
    if unit == "quarter":
        q0 = (ref.month - 1) // 3 + off
        y, q = ref.year + q0 // 4, q0 % 4
        a = dt.date(y, 3 * q + 1, 1)
        b = add_months(a, 3) - dt.timedelta(days=1)
        return as_range(a, b, f"{y}-Q{q + 1}")
    return as_year(ref.year + off)


@rule((540, r"\b(?P<rel>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b"),
      (550, r"\b(?P<rel>earlier\s+this|later\s+this|early\s+this|late\s+this|last|previous|this|current"
       r"|next|coming|following|past)\s+(?P<unit>week|month|calendar\s+year|year|quarter|weekend|workweek"
       r"|work(?:ing)?\s+week)\b"))
def relative_unit(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "last week", "this month", "next year", "earlier this year", "later this month"; "earlier
    this year" runs from the year's start to the reference date. Written as a title in mid-sentence
    (ABC's "This Week"), a name."""
    if is_title(m.string, m.start(), m.end()):
        raise NotThisPattern(m.group())
    if ref is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    rel = {"earlier": "earlier this", "later": "later this"}.get(rel, rel)  # "earlier in the week"
    unit = re.sub(r"\s+", " ", m["unit"].lower()).removeprefix("calendar ")
    off = 0 if rel.endswith("this") else RELATIVE_OFFSETS[rel]
    if unit == "weekend":
        return weekend_of(ref, off, future)
    base = unit_around(ref, unit, off)
    if rel in ("earlier this", "early this"):
        return as_range(base[1], ref, base[0])
    if rel in ("later this", "late this"):
        return as_range(ref, base[2], base[0])
    return base


def weekend_of(ref: dt.date, off: int, future: bool) -> Value:
    """ "this weekend": the last one (the coming one in the future tense or on a Saturday); "last
    weekend", "next weekend": the weekend of the week before (after) the reference date's week, so
    "last weekend" said on a Wednesday is the one just past."""
    if off == 0:
        sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
        if future or ref.weekday() == 5:
            sat = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
    else:
        sat = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=5 + 7 * off)
    return as_range(sat, sat + dt.timedelta(days=1))


@rule((110, r"\b(?:the\s+)?(?P<rel>next|coming|last|past|previous)\s+decade\b"))
def relative_decade(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the next decade", "the last decade"."""
    if ref is None:
        return None
    base = ref.year // 10 * 10 + (10 if m["rel"].lower() in ("next", "coming") else -10)
    return as_range(dt.date(base, 1, 1), dt.date(base + 9, 12, 31), f"{base}s")


#: a day, month or year named by reference to one named before it: "the same day", "later that month",
#: "the next evening", "the day after"
ANAPHORIC = (r"\b(?:(?:later|earlier)\s+)?(?:that|the)\s+(?:very\s+)?same\s+(?:day|week|month|year)\b"
             r"|\b(?:later|earlier)\s+that\s+(?:day|week|month|year)\b"
             r"|\bthe\s+(?:next|following|previous)\s+(?:day|morning|afternoon|evening|night)\b"
             r"|\bthe\s+day\s+(?:before|after)\b(?!\s+(?:yesterday|tomorrow|last|next|this|the)\b|\s+[A-Z0-9])")


@rule((125, ANAPHORIC))
def anaphoric(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the same day", "later that month", "the next evening", "the day after": relative to a date
    named before, which only the article tells (``context.AnaphoricDates``): unresolved here."""
    return None


@rule((120, r"\b(?:the\s+)?week\s+(?P<rel>after\s+next|before\s+last)\b"))
def week_after_next(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the week after next", "the week before last"."""
    if ref is None:
        return None
    return as_week(ref + dt.timedelta(days=14 if "after" in m["rel"].lower() else -14))


# -- offsets: "three days ago", "in two weeks", "the past few days" ----------------------------------
def shifted(ref: dt.date, unit: str, n: int) -> Value:
    """``ref`` moved by ``n`` units, with the unit's precision ("two weeks ago": a week)."""
    if unit == "day":
        return as_day(ref + dt.timedelta(days=n))
    if unit in ("week", "fortnight"):
        d = ref + dt.timedelta(days=UNIT_DAYS[unit] * n)
        return d.isoformat(), d, d, "week"
    if unit == "month":
        d = add_months(ref, n)
        return d.isoformat(), d, d, "month"
    if unit == "decade":
        return as_year(ref.year + 10 * n)
    d = add_months(ref, 12 * n)
    return d.isoformat(), d, d, "year"


@rule((480, r"\b" + COUNT + r"\s+" + UNIT + r"\s+ago\b"))
def ago(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "three days ago", "a week ago", "several years ago"."""
    n = count_value(m["n"])
    if ref is None or n is None:
        return None
    return shifted(ref, m["unit"].lower(), -n)


@rule((500, r"\bin\s+" + COUNT + r"\s+" + UNIT + r"(?!\s+(?:ago|of|since))\b"))
def in_units(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "in two weeks", "in 3 days"."""
    n = count_value(m["n"])
    if ref is None or n is None:
        return None
    return shifted(ref, m["unit"].lower(), n)


@rule((490, r"(?<!\blast )(?<!\bpast )(?<!\bprevious )\b" + COUNT + r"\s+" + UNIT
       + r"(?P<more>(?:\s*,?\s+(?:and\s+)?(?:\d+|a|an|one|two|three|four|five"
       r"|six|seven|eight|nine|ten|eleven|twelve)\s+(?:day|week|month|year)s?)+)\s+ago\b"))
def ago_compound(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "two years and three months ago", "3 weeks and 4 days ago"."""
    if ref is None:
        return None
    d = ref
    parts = [(m["n"], m["unit"])] + re.findall(r"(\w+)\s+(day|week|month|year)s?", m["more"], re.I)
    for n_text, unit in parts:
        n = count_value(n_text)
        if n is None:
            return None
        unit = unit.lower()
        if unit in ("month", "year"):
            d = add_months(d, -n * (12 if unit == "year" else 1))
        else:
            d -= dt.timedelta(days=n * UNIT_DAYS.get(unit, 1))
    return as_day(d)


@rule((50, r"\b" + COUNT + r"\s+" + UNIT_TO_YEAR + r"\s+(?P<dir>from|after|before)\s+"
       r"(?P<base>today|now|tomorrow|yesterday)\b"))
def offset_from_today(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "three weeks from tomorrow", "two days before yesterday", "3 days from today", "2 weeks from now"."""
    if ref is None:
        return None
    n = count_value(m["n"])
    if n is None:
        return None
    base = DAY_OFFSETS.get(m["base"].lower(), 0)  # "now": today
    unit = m["unit"].lower()
    sign = -1 if m["dir"].lower() == "before" else 1
    start = ref + dt.timedelta(days=base)
    if unit in UNIT_DAYS:
        return as_day(start + dt.timedelta(days=sign * n * UNIT_DAYS[unit]))
    return as_day(add_months(start, sign * n * (12 if unit == "year" else 1)))


@rule((90, r"\bwithin\s+(?:the\s+)?(?:next\s+)?(?:" + COUNT + r"\s+)?" + UNIT_TO_YEAR + r"\b"))
def within(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "within 9 months", "within the next two weeks": from the reference date on."""
    if ref is None:
        return None
    n = count_value(m["n"]) if m["n"] else 1
    if n is None:
        return None
    unit = m["unit"].lower()
    if unit in ("month", "year"):
        end = add_months(ref, n * (12 if unit == "year" else 1)) - dt.timedelta(days=1)
    else:
        end = ref + dt.timedelta(days=n * UNIT_DAYS.get(unit, 1) - 1)
    return as_range(ref, end)


def is_calendar_unit(m: re.Match[str]) -> bool:
    """ "next week", "last month" (no count, singular): a calendar unit (see :func:`relative_unit`),
    except "the past week" / "the last year", which end on the reference date."""
    if m["n"] or m.group().lower().rstrip().endswith("s"):
        return False
    return not (m["dir"].lower() in ("past", "last") and m.group().lower().startswith("the"))


@rule((510, r"\b(?:(?:the|these)\s+)?(?P<dir>past|last|recent|previous|next|coming|following|upcoming)\s+(?:"
       + COUNT + r"\s+)?" + UNIT + r"\b"),
      (520, r"\brecent\s+(?P<n>)?(?P<unit>day|week|month|year)s\b"),
      (530, r"\b" + COUNT + r"\s+(?P<dir>past|last|previous|next|coming|upcoming|following)\s+"
       r"(?P<unit>day|week|month|year|decade)s\b"))
def recent_units(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the past few days", "the last two weeks", "recent days", "the next 3 days": a range that
    ends on the reference date (starts the day after it, going forward)."""
    if is_calendar_unit(m):
        raise NotThisPattern(m.group())
    if ref is None:
        return None
    n = count_value(m["n"]) if m["n"] else 1
    unit = m["unit"].lower()
    if n is None:
        return None
    if n < 1:
        raise NotThisPattern(m.group())  # "the next 0 weeks"
    if m["n"] is None and m.group().lower().rstrip().endswith("s"):
        n = 3  # "recent days", "the past days"
    months = UNIT_MONTHS.get(unit, 0) * n
    days = UNIT_DAYS.get(unit, 0) * n
    forward = (m["dir"] or "").lower() in FORWARD
    vague = vague_count(m)
    if forward:
        if unit == "decade":  # "the next two decades": whole decades from the next one
            a = dt.date(ref.year // 10 * 10 + 10, 1, 1)
            return as_range(a, dt.date(a.year + 10 * n - 1, 12, 31), "FUTURE_REF" if vague else None)
        a = ref + dt.timedelta(days=1)
        return as_range(a, add_months(a, months) - dt.timedelta(days=1) if months else ref + dt.timedelta(days=days),
                        "FUTURE_REF" if vague else None)
    return as_range(add_months(ref, -months) if months else ref - dt.timedelta(days=days), ref,
                    "PAST_REF" if vague else None)


def vague_count(m: re.Match[str]) -> bool:
    """Units counted vaguely or not at all, in the plural ("recent months", "the past few days",
    "the coming several years"): TimeML writes these as PAST_REF / FUTURE_REF, not as a period (the
    range read from a guessed count is kept as the mention's days)."""
    if not m.group().lower().rstrip().endswith("s"):
        return False
    n = re.sub(r"\s+", " ", (m["n"] or "").lower())
    return n in ("", "few", "a few", "several")


@rule((260, r"\b(?:the\s+)?" + DIRECTION + r"\s+" + COUNT + r"\s+(?P<unit>quarter)s\b"),
      (270, r"\b(?:the\s+)?" + DIRECTION + r"\s+" + COUNT + r"\s+(?:business|working|work)\s+(?P<unit>day)s\b"))
def several_units(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "the last 2 quarters" (whole quarters before the current one), "the next 4 business days"
    (Monday to Friday, from the day after the reference date)."""
    if ref is None:
        return None
    n = count_value(m["n"])
    if n is None or not 1 <= n <= 400:
        raise NotThisPattern(m.group())
    forward = m["dir"].lower() in FORWARD
    if m["unit"].lower() == "quarter":
        q0 = dt.date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
        vague = "FUTURE_REF" if forward else "PAST_REF"
        if forward:
            a = add_months(q0, 3)
            return as_range(a, add_months(a, 3 * n) - dt.timedelta(days=1), vague if vague_count(m) else None)
        return as_range(add_months(q0, -3 * n), q0 - dt.timedelta(days=1), vague if vague_count(m) else None)
    step = 1 if forward else -1
    d = ref
    got: list[dt.date] = []
    while len(got) < n:
        d += dt.timedelta(days=step)
        if d.weekday() < 5:
            got.append(d)
    return as_range(min(got), max(got))


# -- the present, the past, the future ----------------------------------------------------------------
@rule((590, r"\b(?:right\s+)?now(?![\w-])|\b(?:currently|nowadays)\b|\bthese\s+days\b"
       r"|\bat\s+(?:present|the\s+moment)\b|\bthe\s+present(?=\s*[.,;:!?)]|\s*$)"),
      (600, r"\brecently\b|\bthe\s+past\b(?!\s+(?:" + COUNT_WORDS
       + r")?\s*(?:day|week|fortnight|month|year|decade|quarter)s?\b)"),
      (610, r"\bthe\s+(?:near\s+|distant\s+)?future\b|\bthe\s+near\s+term\b"
       r"|\b(?:a|an|some)\s+(?:later|future|earlier|previous|prior)\s+(?:date|time)\b"),
      reference=True)
def present_past_future(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """ "now", "currently", "these days" (PRESENT_REF: the reference date); "recently", "in the past",
    "an earlier date" (PAST_REF: up to it); "the future", "a future date" (FUTURE_REF: from it on)."""
    if ref is None:
        return None
    low = m.group().lower()
    if re.search(r"recent|past|earlier|previous|prior", low):
        return "PAST_REF", dt.date.min, ref, "range"
    if re.search(r"future|term|later", low):
        return "FUTURE_REF", ref, dt.date.max, "range"
    return "PRESENT_REF", ref, ref, "day"
