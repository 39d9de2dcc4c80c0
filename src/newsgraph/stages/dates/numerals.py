"""Numbers inside date expressions: counts ("a few", "3"), days of the month ("21st", "twenty-first"),
years in digits or words ("nineteen ninety six", "'87")."""

from __future__ import annotations

import datetime as dt
import re

from ..numbers import AbsurdNumber, parse_number
from .match import NotThisPattern
from .values import nearest_year_of_month
from .vocabulary import COUNTS, DAY_WORDS, TEEN_WORDS, TEN_WORDS, UNIT_WORDS


def two_digit_words(w: str) -> int | None:
    """ "ninety six" -> 96, "fifteen" -> 15, "seven" -> 7."""
    parts = w.split()
    if len(parts) == 1:
        if parts[0] in UNIT_WORDS:
            return UNIT_WORDS.index(parts[0]) + 1
        if parts[0] in TEEN_WORDS:
            return 10 + TEEN_WORDS.index(parts[0])
        if parts[0] in TEN_WORDS:
            return 20 + 10 * TEN_WORDS.index(parts[0])
        return None
    if len(parts) == 2 and parts[0] in TEN_WORDS and parts[1] in UNIT_WORDS:
        return 20 + 10 * TEN_WORDS.index(parts[0]) + UNIT_WORDS.index(parts[1]) + 1
    return None


def year_from_words(text: str) -> int | None:
    """A year written in words: "nineteen ninety six", "two thousand and fifteen",
    "seventeen hundred thirty three", "twenty twenty"."""
    w = re.sub(r"[\s-]+", " ", text.lower().strip()).replace(" and ", " ")
    if w.isdigit():
        return int(w)
    m = re.fullmatch(r"two thousand(?: (.+))?", w)
    if m:
        rest = two_digit_words(m.group(1)) if m.group(1) else 0
        return None if rest is None else 2000 + rest
    head, _, tail = w.partition(" ")
    cent = two_digit_words(head)
    if cent is None or not 11 <= cent <= 20 or not tail:
        return None
    tail = tail.removeprefix("hundred ").strip()
    rest = two_digit_words(tail)
    return None if rest is None else cent * 100 + rest


def two_digit_year(y: str) -> int:
    """ "87" -> 1987, "12" -> 2012 (two digits up to 30 are this century); four digits as they are."""
    v = int(y)
    if len(y) == 2:
        v += 2000 if v <= 30 else 1900
    return v


def count_value(word: str) -> int | None:
    """How many a count stands for: "3", "three", "a few" (3), "a couple of" (2); None if not a count."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w.isdigit():
        return int(w)
    if w in COUNTS:
        return COUNTS[w]
    try:
        v = parse_number(w)
    except AbsurdNumber:
        return None
    return int(v) if v is not None and v == int(v) and 0 < v < 10000 else None


def day_number(tok: str) -> int | None:
    """A day of the month: "21", "21st", "the twenty-first", "twenty one"."""
    t = re.sub(r"[\s-]+", " ", tok.lower().strip().rstrip("."))
    t = t.removeprefix("the ")
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    return DAY_WORDS.get(t)


def year_value(text: str) -> int:
    """The value of a matched year, digits or words; NotThisPattern when the words are no year."""
    v = year_from_words(text)
    if v is None:
        raise NotThisPattern(text)
    return v


def year_of(m: re.Match[str]) -> int | None:
    """The year of a match: its ``year`` group (digits or words) or a two-digit ``yy``/``yy2`` group."""
    gd = m.groupdict()
    if gd.get("year"):
        return year_value(gd["year"])
    yy = gd.get("yy") or gd.get("yy2")
    return two_digit_year(yy) if yy else None


def year_for_month(year_text: str | None, mon: int, ref: dt.date | None, future: bool) -> int | None:
    """The year of a month: the one written, else the nearest relative to ``ref``; None without ``ref``."""
    if year_text:
        return year_value(year_text)
    if ref is None:
        return None
    return nearest_year_of_month(mon, ref, future)
