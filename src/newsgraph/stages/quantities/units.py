"""What a number counts: percentages, money, measures, ranges and vague plurals (text only).

Built on :func:`newsgraph.stages.numbers.find_numbers`; no spaCy. The quantities stage adds the
counted noun ("1,723 troops") from the parse; these finders serve the stage and the benchmark.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from ...resources import word_map, word_sequence
from ..numbers import NumberMatch, find_numbers, number_words, with_approx

#: Currency symbols and codes written before the amount -> ISO 4217 code.
CURRENCY_PREFIX = word_map("quantities", "currency_prefix")
#: Currency names written after the amount (singular/plural handled by the pattern).
CURRENCY_SUFFIX = word_map("quantities", "currency_suffix")
#: Measure words after the amount -> canonical unit symbol.
MEASURES = word_map("quantities", "measures")
#: Words for per cent after a number, in the order they are tried.
PERCENT_WORDS = word_sequence("quantities", "percent_words")

_CUR_PREFIX = re.compile(
    "(?:" + "|".join(re.escape(k) for k in sorted(CURRENCY_PREFIX, key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)


def _plural_alt(words: Mapping[str, str]) -> str:
    """The words as alternatives, plurals allowed, except for codes that are their unit in capitals ("gbp" has
    no plural: "1Gbps" is a speed)."""
    alts = []
    for k in sorted(words, key=len, reverse=True):
        e = re.escape(k).replace(r"\ ", r"[\s-]+")  # "square feet", "square-foot"
        plural = k[-1].isalpha() and len(k) > 2 and words[k] != k.upper()
        alts.append(e + r"(?:s|es)?" if plural else e)
    return "|".join(alts)


_CUR_SUFFIX = re.compile(r"^(?:\s*|-)(" + _plural_alt(CURRENCY_SUFFIX) + r")(?![A-Za-z])", re.IGNORECASE)
_MEASURE = re.compile(
    r"^(?:\s*|-)[(\[{<]?(" + _plural_alt(MEASURES) + r")[)\]}>]?(?:\s*(?:/|per)\s*(?:hour|hr|h|second|sec|s"
    r"|millisecond|ms|minute|min|day))?(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"^\s*(" + "|".join(re.escape(w) for w in PERCENT_WORDS) + r")(?![A-Za-z])",
                            re.IGNORECASE)
_PERCENT_BEFORE = re.compile(r"(?:per\s*cents?|percents?)\s+of\s+$", re.IGNORECASE)
_MONEY_SCALE = re.compile(r"^\s*(m|mn|bn|b|k|tn)\b|^(m|mn|bn|b|k|tn)(?![A-Za-z])", re.IGNORECASE)
_MONEY_SCALES = {"m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "k": 1e3, "tn": 1e12}


def _lookup(table: Mapping[str, str], found: str) -> str:
    key = re.sub(r"\s+", " ", found.lower())
    if key in table:
        return table[key]
    if "-" in key and key.replace("-", " ") in table:  # "square-foot"
        return table[key.replace("-", " ")]
    for strip in ("es", "s"):
        if key.endswith(strip) and key[: -len(strip)] in table:
            return table[key[: -len(strip)]]
    return table.get(key.replace("feet", "foot"), key)


def in_url(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a URL or similar non-prose run ("http://...%20", "a?q=30%25")."""
    s = pos
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    e = pos
    while e < len(text) and not text[e].isspace():
        e += 1
    run = text[s:e]
    return "://" in run or run.startswith("www.") or ("?" in run and "=" in run) or "%2" in run


def find_percentages(text: str, rejected: list[str] | None = None) -> list[NumberMatch]:
    """ "27%", "twenty percent", "per cent of 210", "minus five percent"."""
    out: list[NumberMatch] = []
    for m in find_numbers(text, rejected):
        if in_url(text, m.start):
            continue
        after = _PERCENT_AFTER.match(text[m.end:])
        if after:
            e = m.end + after.end()
            out.append(replace(m, end=e, text=text[m.start:e], kind="percent", unit="%"))
            continue
        before = _PERCENT_BEFORE.search(text[: m.start])
        if before:
            s = before.start()
            out.append(replace(m, start=s, text=text[s:m.end], kind="percent", unit="%"))
    return out


_CODE_MILLION = re.compile(r"^\s*m(usd|eur|gbp|aud|cad|chf|jpy|cny|sek|nok)\b", re.IGNORECASE)
_CODE_MILLION_BEFORE = re.compile(r"\bm(usd|eur|gbp|aud|cad|chf|jpy|cny)\s*$", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"^\s*(thousand|million|billion|trillion)\b", re.IGNORECASE)
_SUBUNIT_JOIN = re.compile(r"^\s*(?:and\s+)?$", re.IGNORECASE)
_SUBUNIT_NAME = re.compile(r"^\s*(cents?|pence|p)\b", re.IGNORECASE)
_SCALE_VALUES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


_POUND = re.compile(r"^pounds?$", re.IGNORECASE)
#: Words that make "N pounds" money rather than weight.
_MONEY_CONTEXT = re.compile(
    r"£|\bsterling\b|\b(?:pa(?:y|id|ys)|costs?|cost(?:ing)?|worth|fined?|fines|pric(?:e|ed|es)|spen[dt]|raised?"
    r"|funds?|funding|budget|salary|wages?|earn(?:s|ed)?|bills?|tax(?:es)?|sold|sells?|buy|bought|loans?|debts?"
    r"|profits?|revenue|deal|bonus|donat\w*|compensation|damages|bail|grant|invest\w*)\b",
    re.IGNORECASE,
)


def _weight_pounds(text: str, word: str, value: float) -> bool:
    """ "244 pounds" is a weight unless the sentence speaks of money or the amount has a scale word
    ("5 million pounds")."""
    if not _POUND.match(word.strip()):
        return False
    return value < 1e4 and not _MONEY_CONTEXT.search(text)


#: "p" glued to an amount is pence where the sentence speaks of sterling, shares or prices ("20p"; not
#: "1080p" video).
_GLUED_PENCE = re.compile(r"^p(?![A-Za-z0-9])")
#: Video resolutions written "720p", "1080p": labels, neither pence nor counts.
VIDEO_LINES = frozenset({240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})
_PENCE_CONTEXT = re.compile(r"£|\b(?:pence|sterling|pounds?|shares?|stocks?|pric(?:e|ed|es)|costs?|pa(?:y|id|ys))\b",
                            re.IGNORECASE)
#: Words after a currency name that make it something else: "the euro zone", "the euro area".
_NOT_MONEY_NEXT = re.compile(r"^[\s-]*(?:zone|area)\b", re.IGNORECASE)
_MILESTONE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _not_money(text: str, start: int, end: int) -> bool:
    """A currency name after a number that is no money: "the 12 euro zone states"; "passed the 1,000 mark"
    is a milestone, not Deutsche Marks. (The singular "real" is no currency name at all: "3 real reasons".)"""
    if _NOT_MONEY_NEXT.match(text[end:]):
        return True
    word = text[:end].rsplit(None, 1)[-1].lower()
    return word == "mark" and _MILESTONE.search(text[:start]) is not None


def find_currency(text: str, rejected: list[str] | None = None) -> list[NumberMatch]:
    """ "$ 280 million", "£8.1m", "420 million finnish markka", "50 cents", "USD 5", "3 dollars 50 cents"."""
    out: list[NumberMatch] = []
    nums = find_numbers(text, rejected)
    consumed = -1
    for k, m in enumerate(nums):
        if m.start < consumed or in_url(text, m.start):
            continue
        unit: str | None = None
        s, e, value = m.start, m.end, m.value
        pre = _CUR_PREFIX.search(text[max(0, m.start - 8):m.start])
        mpre = _CODE_MILLION_BEFORE.search(text[max(0, m.start - 8):m.start])
        if mpre:
            unit, s, value = mpre.group(1).upper(), max(0, m.start - 8) + mpre.start(), value * 1e6
        elif pre and pre.group().strip():
            key = re.sub(r"\s+", "", pre.group().lower())
            unit = CURRENCY_PREFIX.get(key) or CURRENCY_PREFIX.get(pre.group().strip().lower())
            if unit is not None:
                at = max(0, m.start - 8) + pre.start()
                # a word code ("rs", "usd") must stand alone, not end a word ("hours 5")
                if pre.group().strip()[-1].isalpha() and at > 0 and text[at - 1].isalpha():
                    unit = None
                else:
                    s = at
                    while text[s].isspace():
                        s += 1
            if unit is not None:
                sc = _MONEY_SCALE.match(text[e:])
                if sc:
                    value *= _MONEY_SCALES[(sc.group(1) or sc.group(2)).lower()]
                    e += sc.end()
        if unit is None:
            msuf = _CODE_MILLION.match(text[e:])
            suf = _CUR_SUFFIX.match(text[e:])
            if msuf:
                unit, value, e = msuf.group(1).upper(), value * 1e6, e + msuf.end()
            elif suf and not _weight_pounds(text, suf.group(1), value) and not _not_money(text, m.start, e + suf.end()):
                unit = _lookup(CURRENCY_SUFFIX, suf.group(1))
                e += suf.end()
                sc2 = _SCALE_AFTER.match(text[e:])  # "75 USD million"
                if sc2:
                    value *= _SCALE_VALUES[sc2.group(1).lower()]
                    e += sc2.end()
        if unit is None and _GLUED_PENCE.match(text[e:]) and _PENCE_CONTEXT.search(text) \
                and value not in VIDEO_LINES:
            unit, e = "pence", e + 1  # "fell 20p to £3.40", "closed at 58.3p"
        if unit is None:
            continue
        # "3 dollars 50 cents", "15 USD 50", "thirteen dollars and forty-five cents"
        nxt = nums[k + 1] if k + 1 < len(nums) else None
        if nxt is not None and unit not in ("cent", "pence") and _SUBUNIT_JOIN.match(text[e:nxt.start]) \
                and 0 < nxt.value < 100 and nxt.value == int(nxt.value):
            sub = _SUBUNIT_NAME.match(text[nxt.end:])
            tail = text[nxt.end:nxt.end + 2]
            if sub or not tail.strip() or tail.strip()[0] in ".,;!?" or tail.startswith(" m"):
                value += nxt.value / 100
                e = nxt.end + (sub.end() if sub else 0)
        consumed = e
        out.append(NumberMatch(s, e, text[s:e], value, "currency", unit, approximate=m.approximate))
    return out


def find_dimensions(text: str, rejected: list[str] | None = None) -> list[NumberMatch]:
    """ "17 km", "six-mile", "2.4 billion gallons", "300mm", "188 miles an hour"."""
    out: list[NumberMatch] = []
    for m in find_numbers(text, rejected):
        if m.start > 0 and text[m.start - 1] in "$£€¥":
            continue
        rest = text[m.end:]
        mm = _MEASURE.match(rest)
        if not mm:
            continue
        word = mm.group(1)
        # a bare "m", "g", "l" and "in" must be glued to the number ("300m", "65in", not "5 m ...", "5 in a row")
        if (len(word) == 1 or word.lower() == "in") and mm.start(1) != 0:
            continue
        e = m.end + mm.end()
        out.append(replace(m, end=e, text=text[m.start:e], kind="dimension", unit=_lookup(MEASURES, word)))
    return out


_RANGE = re.compile(r"^\s*(?:-|–|to|and|or)\s*$", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
#: "rose from 5% to 7%" is a change between two values, not a range
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rise|rises|rising|increased?|increasing|grew|grown|grow|fell|fallen|fall|falls|dropped|drop"
    r"|declined?|climbed?|jumped?|soared?|surged?|went|gone|up|down|doubled|tripled|halved|shrank|cut|raised"
    r"|lowered|reduced|boosted|expanded|slipped|plunged|edged|moved|changed|sl[io]d(?:es|ing)?|slides?|gained|lost|added"
    r"|shed|rallied|tumbled|sank|dipped|eased|firmed)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:(tens|hundreds)\s+of\s+(thousands|millions)|(dozens|scores|hundreds|thousands|tens\s+of\s+thousands"
    r"|millions|billions))\s+of\b",
    re.IGNORECASE,
)


_SCALE_END = re.compile(r"(?:\b(thousand|million|billion|trillion)|\d\s*(bn|m|k|tn))$", re.IGNORECASE)


def _shared_scale(a: NumberMatch, b: NumberMatch) -> NumberMatch:
    """ "350–375 million": the low end takes the high end's scale word."""
    sc = _SCALE_END.search(b.text)
    if sc is None or _SCALE_END.search(a.text):
        return a
    word = (sc.group(1) or sc.group(2)).lower()
    factor = _SCALE_VALUES.get(word) or _MONEY_SCALES.get(word, 1.0)
    if factor > 1 and a.value * factor <= b.value:
        return replace(a, value=a.value * factor)
    return a


_BY_BEFORE = re.compile(r"\bby\s+(?:about|around|roughly|nearly|almost|some|just|over|more\s+than|less\s+than)?\s*$",
                        re.IGNORECASE)


def _has_own_unit(m: NumberMatch) -> bool:
    """A number written with its own unit or scale word ("1.3 million", "5%", "$2"), not a bare low end."""
    return m.kind != "number" or _SCALE_END.search(m.text) is not None


_GLUED_MILLION = re.compile(r"\d\s*m$", re.IGNORECASE)


def _money_high_end(a: NumberMatch, b: NumberMatch, joiner: str) -> NumberMatch:
    """The high end of a money range written once with the currency: "$5-10 million", "£20-30m", "$5-10"
    (glued by a dash) read in the low end's currency; "$5 to 10 workers" stays two numbers."""
    if b.kind == "dimension" and b.unit == "m" and _GLUED_MILLION.search(b.text):
        return replace(b, value=b.value * 1e6, kind="currency", unit=a.unit)  # "30m" after "£20-" is money
    if b.kind != "number":
        return b
    if _SCALE_END.search(b.text) or joiner in ("-", "–"):
        return replace(b, kind="currency", unit=a.unit)
    return b


def find_quantities(text: str, rejected: list[str] | None = None) -> list[NumberMatch]:
    """Every quantity: money, percentages and measures first, then ranges, vague plurals, numbers."""
    typed: list[NumberMatch] = []
    for finder in (find_currency, find_percentages, find_dimensions):
        for m in finder(text, rejected if finder is find_currency else None):
            if not any(o.start < m.end and m.start < o.end for o in typed):
                typed.append(m)
    plain = [n for n in find_numbers(text) if not any(o.start < n.end and n.start < o.end for o in typed)]
    items = sorted(typed + plain, key=lambda q: q.start)
    merged: list[NumberMatch] = []
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        if b is not None and a.kind == "currency" and _RANGE.match(text[a.end:b.start]):
            b = _money_high_end(a, b, text[a.end:b.start])  # "$5-10 million", "£20-30m"
        if b is not None and _RANGE.match(text[a.end:b.start]) and (a.kind == b.kind or a.kind == "number"):
            before = _RANGE_BEFORE.search(text[: a.start])
            joiner = text[a.end:b.start].strip().lower()
            change = before is not None and joiner == "to" and _CHANGE_BEFORE.search(text[: before.start()]) is not None
            # "rose by 1.3 million to 67 million": the size of the change, then the new level
            change = change or (joiner == "to" and _BY_BEFORE.search(text[: a.start]) is not None and _has_own_unit(a))
            # "slid 14p to 212.5p": after a verb of change, two ends of very different sizes are a change
            # and a level ("expected to rise 3% to 5%" stays a range)
            change = change or (joiner == "to" and _has_own_unit(a) and b.value > 3 * a.value > 0
                                and _CHANGE_BEFORE.search(text[: a.start]) is not None)
            if ((joiner in ("and", "or") and before) or joiner in ("-", "–", "to")) and not change:
                a = _shared_scale(a, b)
                if a.value < b.value:
                    s = before.start() if before else a.start
                    kind, unit = (b.kind, b.unit) if a.kind == "number" else (a.kind, a.unit)
                    merged.append(NumberMatch(s, b.end, text[s:b.end], (a.value + b.value) / 2, kind, unit,
                                              low=a.value, high=b.value, approximate=True))
                    i += 2
                    continue
        merged.append(a)
        i += 1
    for vm in _VAGUE.finditer(text):
        if any(o.start < vm.end() and vm.start() < o.end for o in merged):
            continue
        if vm.group(1):
            v = {"tens": 10.0, "hundreds": 100.0}[vm.group(1).lower()] * 2 * (
                1e3 if vm.group(2).lower() == "thousands" else 1e6)
        else:
            key = re.sub(r"\s+", " ", vm.group(3).lower())
            v = 20000.0 if key == "tens of thousands" else float(number_words().vague[key])
        e = vm.start() + len(vm.group().rsplit(None, 1)[0])
        merged.append(NumberMatch(vm.start(), e, text[vm.start():e], v, "vague", low=v, approximate=True))
    merged.sort(key=lambda q: q.start)
    return [with_approx(text, q) if not q.approximate else q for q in merged]


__all__ = ["VIDEO_LINES", "find_currency", "find_dimensions", "find_percentages", "find_quantities"]
