"""Date expressions found and normalised against a reference (publication) date.

:func:`find_dates` scans plain text with a small grammar (explicit dates, months, years,
weekdays, relative expressions, quarters, ranges); :func:`resolve_date` normalises one
expression (a spaCy DATE entity, say). Both return :class:`DateMatch` with an inclusive
``start_date``/``end_date`` and a precision; relative expressions without a reference date and
impossible dates ("February 30") come back with ``value`` None and a ``reason``.

News conventions: a bare weekday or month is the most recent one on or before the reference
date unless ``future`` is set; "last <weekday>" is the most recent one before the reference
date, "next <weekday>" that day of the next week.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .base import (
    _DAY,
    _DAYW,
    _MON,
    _NUMW,
    _UNIT,
    _WD,
    _YEAR,
    WEEKDAYS,
    DateMatch,
    Handler,
    ImpossibleDate,
    NotThisPattern,
    _add_months,
    _num,
    _range,
)
from .extra import (
    DOM_PATTERNS,
    MANY_PATTERNS,
    OTHER_PATTERNS,
    PART_PATTERNS,
    REL_PART,
    TO_DATE,
    h_dom,
    h_many,
    h_other,
    h_part_of,
    h_rel_part,
    h_to_date,
)
from .handlers import (
    _h_ago,
    _h_dayword,
    _h_decade,
    _h_half,
    _h_in,
    _h_iso,
    _h_md,
    _h_mdy,
    _h_month,
    _h_month_year,
    _h_nth_week,
    _h_numeric,
    _h_part,
    _h_past,
    _h_quarter,
    _h_rel_unit,
    _h_week_no,
    _h_week_of,
    _h_weekday,
    _h_year,
    _h_year_range,
    _h_ym,
)
from .more import (
    HOLIDAY_RE,
    h_ago_compound,
    h_compact,
    h_day_range,
    h_decade_rel,
    h_holiday,
    h_offset,
    h_season,
    h_week_after_next,
    h_week_day,
    h_weekend,
    h_within,
)

_P = r"(?<![\w/])"  # not inside a word or a numeric date
_E = r"(?![\w/])"
_ORD = r"(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)"
_PART = r"(?P<part>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)"
_UNIT1 = r"(?P<unit>day|week|fortnight|month|year)s?"
_WD_ALL = r"(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
# a year, or two digits after "of" or an apostrophe ("April of 87", "July 4, '76")
_YEAR_YY = r"(?:" + _YEAR + r"|(?<=of )(?P<yy>\d\d)(?![\w%.,]\d|[\w%])(?!\s+[a-z])|['’](?P<yy2>\d\d)(?!\w))"
_DNUM = r"(?:\d{1,2}(?:st|nd|rd|th)?|" + _DAYW + r")"
_YOF = r"(?:(?:of|in)\s+(?:the\s+year\s+)?)?"  # "June 28 in 2020", "July 4th of 1995"
_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"(?P<wkof>\b(?:the\s+)?weekend\s+of\s+)?\b(?:(?P<rel>last|previous|next|following|coming|this)\s+)?"
                + HOLIDAY_RE + r"(?:\s*,?\s*(?:of\s+)?" + _YEAR + r")?(?P<wkend>\s+weekend)?(?![\w'])", re.I), h_holiday),
    (re.compile(r"\b(?:(?:this|last|next|the)\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?"
                + _YEAR + r")?\b|\b(?:this|last|next|the)\s+(?:fiscal|school|academic)\s+year\b", re.I),
     h_season),
    (re.compile(r"\b(?:(?:between|from)\s+)?(?:the\s+)?(?P<d1>" + _DNUM + r")\s*(?:-|–|to|and|through|thru|till|until)"
                r"\s*(?:the\s+)?(?P<d2>" + _DNUM + r")\s+(?:of\s+)?" + _MON + r"(?:\s*,?\s*" + _YEAR
                + r")?(?![\w])", re.I), h_day_range),
    (re.compile(r"\b(?:(?P<lead>between|from)\s+)?" + _MON + r"\s+(?:the\s+)?(?P<d1>" + _DNUM + r")\s*(?P<mfirst>-|–|to"
                r"|through|thru|till|until|and)\s*(?:the\s+)?(?P<d2>" + _DNUM + r")(?:\s*,?\s*" + _YEAR + r")?(?![\w-])",
                re.I), h_day_range),
    (re.compile(r"\b" + _NUMW + r"\s+" + _UNIT1 + r"\s+(?P<dir>from|after|before)\s+"
                r"(?P<base>today|now|tomorrow|yesterday)\b", re.I), h_offset),
    (re.compile(r"\b(?P<rel>next|following|coming|last|previous|past|this)\s+week(?:\s*-\s*|\s+on\s+|\s+)" + _WD_ALL
                + r"\b", re.I), h_week_day),
    (re.compile(r"\b" + _WD + r"\s+of\s+(?:the\s+)?(?P<rel>next|following|coming|last|previous|past|this)\s+week\b",
                re.I), h_week_day),
    (re.compile(r"\b(?:over\s+)?(?:the|that)\s+weekend\b", re.I), h_weekend),
    (re.compile(r"\bwithin\s+(?:the\s+)?(?:next\s+)?(?:" + _NUMW + r"\s+)?" + _UNIT1 + r"\b", re.I), h_within),
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"), h_compact),
    (re.compile(r"\b(?:the\s+)?(?P<rel>next|coming|last|past|previous)\s+decade\b", re.I), h_decade_rel),
    (re.compile(r"\b(?:the\s+)?week\s+(?P<rel>after\s+next|before\s+last)\b", re.I), h_week_after_next),
    (re.compile(r"\b(?:(?:from|between)\s+)?" + _YEAR + r"\s*(?:-|–|~|to|till|until|through|thru|and)\s*"
                + _YEAR.replace("<year>", "<year2>") + r"\b", re.I), _h_year_range),
    (re.compile(_P + r"(?P<year>\d{4})-(?P<m>\d{1,2})" + r"(?![\w/-])"), _h_ym),
    (re.compile(r"(?<![\w/-])(?P<m>\d{1,2})-(?P<year>\d{4})" + _E), _h_ym),
    (re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/])"), _h_md),
    (re.compile(r"\b" + _PART + r"[\s-]*(?:" + _MON + r"(?:\s*,?\s*" + _YEAR + r")?|" + _YEAR.replace("<year>", "<yr>") + r")\b", re.I),
     _h_part),
    (re.compile(r"\b(?:the\s+)?" + _ORD + r"\s+week\s+of\s+(?:" + _MON + r"(?:\s*,?\s*" + _YEAR + r")?|"
                + _YEAR.replace("<year>", "<yr>") + r")\b", re.I), _h_nth_week),
    *[(re.compile(p, re.I), h_part_of) for p in PART_PATTERNS],
    *[(re.compile(p, re.I), h_dom) for p in DOM_PATTERNS],
    *[(re.compile(p, re.I), h_many) for p in MANY_PATTERNS],
    *[(re.compile(p, re.I), h_other) for p in OTHER_PATTERNS],
    (re.compile(TO_DATE, re.I), h_to_date),
    (re.compile(REL_PART, re.I), h_rel_part),
    (re.compile(r"(?:\b(?:the\s+)?week\s+(?:of|beginning|starting(?:\s+on)?|commencing)\s+|\bw/c\s+)" + _MON + r"\s*" + _DAY
                + r"(?:\s*,?\s*" + _YEAR + r")?\b", re.I), _h_week_of),
    (re.compile(r"\bweek\s+(?P<wk>\d{1,2})(?:\s+(?:of\s+)?" + _YEAR + r")?\b", re.I), _h_week_no),
    (re.compile(_P + r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _E), _h_iso),
    (re.compile(_P + r"(?P<year>\d{4})(?P<sep>[-/ ])" + _MON + r"(?P=sep)(?P<day>\d{1,2})" + _E, re.I), _h_mdy),
    (re.compile(_P + r"(?P<day>\d{1,2})(?P<sep>[-/ ])" + _MON + r"(?P=sep)(?P<year>\d{4})" + _E, re.I), _h_mdy),
    (re.compile(_P + r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})" + _E), _h_numeric),
    (re.compile(r"\b(?:" + _WD + r",?\s+)?" + _MON + r"(?:\s*|[/-]|,\s*(?=\d{1,2}(?:st|nd|rd|th)))(?:the\s+)?" + _DAY + r"(?:(?:\s*,?\s*|-)"
                + _YOF + _YEAR_YY + r")?\b", re.I),
     _h_mdy),
    (re.compile(r"(?<![\d][.,])\b(?:" + _WD + r",?\s+)?(?:the\s+)?" + _DAY + r"(?:\s+day)?\s+(?:of\s+)?" + _MON
                + r"(?:\s*,?\s*" + _YOF + _YEAR_YY + r")?(?![\w])", re.I), _h_mdy),
    (re.compile(r"\b(?:(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                r"(?:\s+of)?(?:\s+(?:" + _YEAR + r"|the\s+year))?)\b", re.I), _h_quarter),
    (re.compile(r"\bq(?P<q>[1-4])(?:[\s-]*(?:of\s+)?" + _YEAR + r")?\b", re.I), _h_quarter),
    (re.compile(r"\b" + _YEAR + r"[\s-]*q(?P<q>[1-4])\b", re.I), _h_quarter),
    (re.compile(r"\b" + _YEAR + r"[\s-]*h(?P<h>[12])\b", re.I), _h_half),
    (re.compile(r"\b" + _MON + r"\s*[,/-]?\s*" + _YOF + _YEAR_YY + r"(?![\w])", re.I), _h_month_year),
    (re.compile(r"\b" + _YEAR + r"\s+" + _MON + r"(?![\w])(?!\s+\d)", re.I), _h_month_year),
    (re.compile(r"\b(?P<rel>this past|this coming|this upcoming|last|previous|next|following|this|past|coming"
                r"|upcoming)?\s*" + _WD + r"\b", re.I), _h_weekday),
    (re.compile(r"\b(?P<w>today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening)"
                r"|the day (?:before yesterday|after tomorrow))\b", re.I), _h_dayword),
    (re.compile(r"\b" + _NUMW + r"\s+" + _UNIT + r"\s+ago\b", re.I), _h_ago),
    (re.compile(r"(?<!\blast )(?<!\bpast )(?<!\bprevious )\b" + _NUMW + r"\s+" + _UNIT + r"(?P<more>(?:\s*,?\s+(?:and\s+)?(?:\d+|a|an|one|two|three|four|five"
                r"|six|seven|eight|nine|ten|eleven|twelve)\s+(?:day|week|month|year)s?)+)\s+ago\b", re.I), h_ago_compound),
    (re.compile(r"\bin\s+" + _NUMW + r"\s+" + _UNIT + r"(?!\s+(?:ago|of|since))\b", re.I), _h_in),
    (re.compile(r"\b(?:(?:the|these)\s+)?(?P<dir>past|last|recent|previous|next|coming|following|upcoming)\s+(?:" + _NUMW
                + r"\s+)?" + _UNIT + r"\b", re.I), _h_past),
    (re.compile(r"\brecent\s+(?P<n>)?(?P<unit>day|week|month|year)s\b", re.I), _h_past),
    (re.compile(r"\b" + _NUMW + r"\s+(?P<dir>past|last|previous|next|coming|upcoming|following)\s+"
                r"(?P<unit>day|week|month|year|decade)s\b",
                re.I), _h_past),
    (re.compile(r"\b(?P<rel>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b", re.I), _h_rel_unit),
    (re.compile(r"\b(?P<rel>earlier\s+this|later\s+this|early\s+this|late\s+this|last|previous|this|current"
                r"|next|coming|following|past)\s+(?P<unit>week|month|calendar\s+year|year|quarter|weekend|workweek"
                r"|work(?:ing)?\s+week)\b", re.I),
     _h_rel_unit),
    (re.compile(r"\b(?P<rel>this|last|next|past|previous)?\s*" + _MON + r"(?![\w])", re.I), _h_month),
    (re.compile(r"(?:\bthe\s+)?\b(?P<dec>1[5-9]\d0|20\d0|[2-9]0)\s?'?s\b", re.I), _h_decade),
    (re.compile(r"(?:(?<=\bin )|(?<=\bbetween )|(?<=\bon )|(?<=\bsince )|(?<=\bby )|(?<=\bof )|(?<=\buntil )|(?<=\bbefore )|(?<=\bafter )"
                r"|(?<=\bfrom )|(?<=\bduring )|(?<=\bthrough )|(?<=\bto )|(?<=\band )|(?<=\byear )|(?<=\bthan )"
                r"|(?<=\bfor )|(?<=\bcirca )|(?<=\baround )|(?<=\bsummer )|(?<=\bwinter )|(?<=\bspring )"
                r"|(?<=\bautumn )|(?<=\bearly )|(?<=\blate )|(?<=\bmid-)|(?<=\bmid )|^)"
                + _YEAR + r"(?![\w,.]\d|\w)", re.I), _h_year),
]

_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "jul"}


def _scan(
    text: str, ref: dt.date | None, future: bool, rejected: list[str] | None, loose: bool = True
) -> list[DateMatch]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    cands: list[tuple[int, int, int, re.Match[str], Handler]] = []
    for prio, (pat, handler) in enumerate(_PATTERNS):
        if not loose and handler in _LOOSE:
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                cands.append((s, e, prio, m, handler))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    for s, e, _prio, m, handler in cands:
        if any(a < e and s < b for a, b in taken):
            continue
        if handler is _h_past and not m["n"] and not m.group().lower().rstrip().endswith("s"):
            if not (m["dir"].lower() in ("past", "last") and m.group().lower().startswith("the")):
                continue  # "next week", "last month": calendar units, see _h_rel_unit
        mon = m.groupdict().get("mon")
        if handler is _h_month and mon and not m["rel"]:
            low = mon.lower()
            word = text[s:e]
            # "may" the verb, "march" the verb, "sat", abbreviations need a capital
            prev = text[max(0, s - 12):s].lower().split()
            cue = bool(prev) and prev[-1] in ("in", "since", "from", "until", "by", "of", "early", "late", "mid",
                                               "during", "to", "through", "till", "and", "before", "after")
            if low in _AMBIGUOUS_MONTHS and (word[0].islower() or low == "may") and not cue:
                continue
        try:
            res = handler(m, ref, future)
        except ImpossibleDate as exc:
            if rejected is not None:
                rejected.append(str(exc))
            taken.append((s, e))
            continue
        except NotThisPattern:
            continue
        except (ValueError, OverflowError) as exc:  # a date outside the calendar (year 0, year 10000)
            if rejected is not None:
                rejected.append(f"date out of range: {text[s:e]!r} ({exc})")
            taken.append((s, e))
            continue
        taken.append((s, e))
        if res is None:
            found.append(DateMatch(s, e, text[s:e], None, reason="relative to an unknown date"))
        else:
            upto = res[4] if len(res) > 4 else None
            start = None if res[1] == dt.date.min else res[1]  # an open range ("to date")
            found.append(DateMatch(s, e, text[s:e], res[0], start, res[2], res[3], upto=upto))
    found.sort(key=lambda d: d.start)
    try:
        found = _join_ranges(text, found)
    except (ValueError, OverflowError):
        pass
    if ref is not None:
        try:
            found = _now_ranges(text, found, ref)
        except (ValueError, OverflowError):
            pass
    try:
        return _modify(text, found, ref)
    except (ValueError, OverflowError):
        return found


_WEEKDAY_ONLY = re.compile(_WD, re.I)
_DEICTIC = re.compile(r"(?:this|next|last|previous|coming|past)\b", re.I)  # "this May": not the year of B
_JOIN = re.compile(r"^\s*(?:-|–|to|till|until|through|thru|and|~)\s*$", re.I)
_JOIN_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.I)


def _shift_year(d: dt.date, n: int) -> dt.date:
    return _add_months(d, 12 * n)


_MODIFIER = re.compile(r"\b(before|after|since|later than|earlier than|no later than|greater than|until|till"
                       r"|by)\s+"
                       r"(?:the\s+)?"
                       r"(?:year\s+)?$", re.I)


_OFFSET_BEFORE = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)\s+"
    r"(?P<unit>day|week|fortnight|month|year)s?\s+(?P<dir>before|after|from)\s+(?:the\s+)?$",
    re.I,
)


_SPAN_FROM = re.compile(
    r"(?:(?P<for>\bfor\s+(?:the\s+)?)|\b)(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|several|a few)\s+(?P<unit>day|week|fortnight|month|year)s?\s*,?\s+(?:(?P<start>starting|beginning|commencing)"
    r"(?:\s+(?:from|on|with))?|from)\s+(?:the\s+)?$", re.I)
_END_OF = re.compile(r"(?:the\s+)?(?:end|close)\s+of\b|eo[ymw]\b", re.I)  # "before the end of May": by May 31
_MORE_THAN = re.compile(r"\b(?:more|longer)\s+than\s+$", re.I)
_OFFSET_TEXT = re.compile(r"\b(?:ago|before|after|from|earlier|later)\b", re.I)
_REL_BEFORE = re.compile(r"\b(next|this|last)\s+$", re.I)


_LATER_AFTER = re.compile(
    r"\s+(?:or|and)\s+(later|after|greater|more|earlier|before|sooner)\b(?=\s*(?:[.,;:!?)]|$))",
    re.I,
)


def _modify(text: str, found: list[DateMatch], ref: dt.date | None) -> list[DateMatch]:
    """ "after 2016" -> from 2017-01-01 on; "before 2018" -> up to 2017-12-31; "since May" -> May to ``ref``."""
    out: list[DateMatch] = []
    a: dt.date | None
    b: dt.date | None
    for f in found:
        span = _SPAN_FROM.search(text[max(0, f.start - 50):f.start])
        n = _num(span["n"]) if span else None
        if span and n is not None and n > 0 and f.start_date is not None and f.precision in ("day", "week") \
                and (span["for"] or span["start"]):
            # "for 3 days from today", "2 weeks starting May 20th": a span beginning on the anchor
            a = f.start_date
            unit = span["unit"].lower()
            if unit in ("month", "year"):
                upto = _add_months(a, n * (12 if unit == "year" else 1))
            else:
                upto = a + dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
            s = max(0, f.start - 50) + span.start()
            rng = _range(a, upto - dt.timedelta(days=1))
            out.append(DateMatch(s, f.end, text[s:f.end], rng[0], rng[1], rng[2], "range", upto=upto))
            continue
        more = _MORE_THAN.search(text[max(0, f.start - 12):f.start])
        if more and f.start_date is not None and f.start_date == f.end_date and f.start_date != ref \
                and _OFFSET_TEXT.search(f.text):
            # "more than 2 weeks before today", "more than three days ago": earlier than that day
            s = max(0, f.start - 12) + more.start()
            if f.start_date < (ref or f.start_date):
                b = f.start_date - dt.timedelta(days=1)
                out.append(DateMatch(s, f.end, text[s:f.end], f"../{b.isoformat()}", None, b, "range"))
            else:
                a = f.start_date + dt.timedelta(days=1)
                out.append(DateMatch(s, f.end, text[s:f.end], f"{a.isoformat()}/..", a, None, "range"))
            continue
        rel = _REL_BEFORE.search(text[max(0, f.start - 10):f.start])
        if rel and ref is not None and f.precision == "day" and f.start_date is not None \
                and not re.search(r"\d{4}|\b(?:mon|tue|wed|thu|fri|sat|sun)", f.text, re.I) \
                and not _OFFSET_TEXT.search(f.text):
            # "next 6th of April", "this 5/12", "last March 3": the year is chosen by the modifier
            word = rel.group(1).lower()
            d = f.start_date
            d = _shift_year(d, ref.year - d.year)
            if word == "next" and d <= ref:
                d = _shift_year(d, 1)
            elif word == "last" and d >= ref:
                d = _shift_year(d, -1)
            s = max(0, f.start - 10) + rel.start()
            out.append(DateMatch(s, f.end, text[s:f.end], d.isoformat(), d, d, "day"))
            continue
        off = _OFFSET_BEFORE.search(text[max(0, f.start - 40):f.start])
        n = _num(off["n"]) if off else None
        if off and n is not None and f.start_date is not None and f.start_date == f.end_date:
            # "two weeks before Christmas", "3 days after January 12th"
            sign = -1 if off["dir"].lower() == "before" else 1
            unit = off["unit"].lower()
            if unit in ("month", "year"):
                d = _add_months(f.start_date, sign * n * (12 if unit == "year" else 1))
            else:
                d = f.start_date + dt.timedelta(days=sign * n * {"day": 1, "week": 7, "fortnight": 14}[unit])
            s = max(0, f.start - 40) + off.start()
            out.append(DateMatch(s, f.end, text[s:f.end], d.isoformat(), d, d, "day"))
            continue
        later = _LATER_AFTER.match(text[f.end:])
        if later and f.start_date is not None and f.end_date is not None:  # "2018 or later"
            e = f.end + later.end()
            if later.group(1).lower() in ("later", "after", "greater", "more"):
                a, b = f.start_date, None
            else:
                a, b = None, f.end_date
            value = f"{a.isoformat() if a else '..'}/{b.isoformat() if b else '..'}"
            out.append(DateMatch(f.start, e, text[f.start:e], value, a, b, "range"))
            continue
        mod = _MODIFIER.search(text[max(0, f.start - 20):f.start])
        if mod is None or f.start_date is None or f.end_date is None:
            out.append(f)
            continue
        word = mod.group(1).lower()
        if word == "by" and not _END_OF.match(f.text):  # "by May" is left as it is; "by the end of May"
            out.append(f)
            continue
        s = max(0, f.start - 20) + mod.start()
        if word in ("after", "later than", "greater than"):
            a, b = f.end_date + dt.timedelta(days=1), None
        elif word in ("before", "earlier than") and not _END_OF.match(f.text):
            a, b = None, f.start_date - dt.timedelta(days=1)
        elif word == "since":
            a, b = f.start_date, ref if ref and ref >= f.start_date else None
        else:  # until, till, no later than
            a, b = None, f.end_date
        value = f"{a.isoformat() if a else '..'}/{b.isoformat() if b else '..'}"
        out.append(DateMatch(s, f.end, text[s:f.end], value, a, b, "range"))
    return out


_NOW_BEFORE = re.compile(r"\b(?:between\s+(?:now|today)\s+and|from\s+(?:now|today)\s+(?:to|till|until|through))\s+$",
                         re.I)
_NOW_AFTER = re.compile(r"^\s*(?:-|and|to|till|until|through)\s+(?:now|today|the\s+present|date|current\s+date)\b",
                        re.I)


def _now_ranges(text: str, found: list[DateMatch], ref: dt.date) -> list[DateMatch]:
    """ "between now and November 15th", "between Jan 2019 and now", "from March to date"."""
    out: list[DateMatch] = []
    skip_to = -1
    for f in found:
        if f.start < skip_to:
            continue
        if f.start_date is None or f.end_date is None:
            out.append(f)
            continue
        before = _NOW_BEFORE.search(text[max(0, f.start - 40):f.start])
        after = _NOW_AFTER.match(text[f.end:])
        first, last = f.start_date, f.end_date
        if before and first < ref:  # "between now and May 21": the coming May 21
            again = [g for g in _scan(f.text, ref, True, None, True) if g.end - g.start == len(f.text)]
            if again and again[0].start_date is not None and again[0].end_date is not None:
                first, last = again[0].start_date, again[0].end_date
        if before and first >= ref:
            s = max(0, f.start - 40) + before.start()
            rng = _range(ref, last)
            out.append(DateMatch(s, f.end, text[s:f.end], rng[0], rng[1], rng[2], "range", upto=first))
        elif after and first <= ref and f.precision != "range":
            lead = _JOIN_BEFORE.search(text[:f.start])
            s, e = (lead.start() if lead else f.start), f.end + after.end()
            rng = _range(first, ref)
            out.append(DateMatch(s, e, text[s:e], rng[0], rng[1], rng[2], "range", upto=ref))
            skip_to = e
        else:
            out.append(f)
    return out


def _join_ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.start_date and b.start_date and b.end_date and _JOIN.match(text[a.end:b.start]):
            before = _JOIN_BEFORE.search(text[: a.start])
            joiner = text[a.end:b.start].strip().lower()
            if joiner != "and" or before:
                a_start = a.start_date
                # "from May to Oct 2020", "Nov 18 - Dec 19, 2015": the year of B carries back to A
                if re.search(r"\d{4}", b.text) and not re.search(r"\d{4}", a.text) \
                        and a.precision in ("month", "day") and not _DEICTIC.match(a.text):
                    a_start = _shift_year(a_start, b.start_date.year - a_start.year)
                    if a_start > b.start_date:
                        a_start = _shift_year(a_start, -1)
                b_end, b_start = b.end_date, b.start_date
                if a_start > b_end and not re.search(r"\d{4}", b.text) and b.precision in ("month", "day"):
                    step = 7 if _WEEKDAY_ONLY.fullmatch(b.text.strip()) else 0
                    while a_start > b_end:  # "from next Monday to Friday": the Friday after
                        if step:
                            b_end, b_start = b_end + dt.timedelta(days=step), b_start + dt.timedelta(days=step)
                        else:
                            b_end, b_start = _shift_year(b_end, 1), _shift_year(b_start, 1)
                if a_start <= b_end:
                    s = before.start() if before else a.start
                    rng = _range(a_start, b_end)
                    out.append(DateMatch(s, b.end, text[s:b.end], rng[0], rng[1], rng[2], "range",
                                         upto=b_start))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


_LOOSE = {_h_md, _h_ym, h_compact}


def find_dates(
    text: str,
    ref: dt.date | None = None,
    *,
    future: bool = False,
    rejected: list[str] | None = None,
    loose: bool = True,
) -> list[DateMatch]:
    """Every date expression in ``text``, normalised against ``ref`` (None: relative ones unresolved).

    ``future``: bare weekdays and months point forward (the clause is in the future tense).
    ``loose=False`` leaves out forms that are often not dates in running text ("1/4", "2014-12").
    Impossible dates are skipped and their reason appended to ``rejected``.
    """
    return _scan(text, ref, future, rejected, loose)


def resolve_date(
    expr: str, ref: dt.date | None = None, *, future: bool = False, rejected: list[str] | None = None
) -> DateMatch | None:
    """Normalise one expression (e.g. a spaCy DATE entity): the best match covering most of it.

    Returns None when nothing in ``expr`` reads as a date; a DateMatch with ``value`` None when
    it does but cannot be resolved (relative without ``ref``).
    """
    found = [f for f in _scan(expr, ref, future, rejected)]
    if not found:
        return None
    best = max(found, key=lambda f: (f.end - f.start, f.value is not None))
    return replace(best, start=0, end=len(expr), text=expr) if len(found) == 1 else best


def parse_published(value: str | None) -> dt.date | None:
    """The publication date of an article ("2017-12-06", "2017-12-06T10:00:00Z") or None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


__all__ = ["DateMatch", "ImpossibleDate", "find_dates", "parse_published", "resolve_date"]
