"""The words of the date grammar, read from ``data/words/*.txt``: month and weekday names, count
and ordinal words, holiday names, and the small tables of parts of a period.

Everything here is an immutable constant built once at import from the shipped word lists
(``newsgraph.resources``); the regular expressions built from these words are in ``grammar.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ...resources import word_list, word_map, word_sequence

STAGE = "dates"


def int_map(name: str) -> Mapping[str, int]:
    """A two-column word list whose values are integers."""
    return MappingProxyType({k: int(v) for k, v in word_map(STAGE, name).items()})


def pair_map(name: str) -> Mapping[str, tuple[int, int]]:
    """A two-column word list whose values are two integers ("1 15")."""
    out: dict[str, tuple[int, int]] = {}
    for k, v in word_map(STAGE, name).items():
        lo, hi = v.split()
        out[k] = (int(lo), int(hi))
    return MappingProxyType(out)


#: month names and abbreviations -> 1..12
MONTHS = int_map("months")
#: weekday names and abbreviations -> 0 (Monday) .. 6
WEEKDAYS = int_map("weekdays")
#: count words -> how many ("a few" 3)
COUNTS = int_map("counts")
#: ordinal words -> number ("last" -1)
ORDINALS = int_map("ordinals")
#: cardinal words, in order: one..nine, ten..nineteen, twenty..ninety
UNIT_WORDS = word_sequence(STAGE, "cardinal_units")
TEEN_WORDS = word_sequence(STAGE, "cardinal_teens")
TEN_WORDS = word_sequence(STAGE, "cardinal_tens")
AFTER_YEAR_WORDS = word_list(STAGE, "after_year_words")
AFTER_DAY_WORDS = word_list(STAGE, "after_day_words")
DAY_OFFSETS = int_map("day_offsets")
MONTH_PARTS = pair_map("month_parts")
YEAR_PARTS = pair_map("year_parts")
WEEK_PARTS = pair_map("week_parts")
DECADE_WORDS = int_map("decade_words")
AMBIGUOUS_MONTHS = word_list(STAGE, "ambiguous_months")
MONTH_CUES = word_list(STAGE, "month_cues")
FUTURE_AUXILIARIES = word_list(STAGE, "future_auxiliaries")
UNIT_DAYS = int_map("unit_days")
UNIT_MONTHS = int_map("unit_months")
RELATIVE_OFFSETS = int_map("relative_offsets")
#: words that make an entity a date (see stage.is_no_date), month and weekday names included
DATE_WORDS = word_list(STAGE, "date_words") | frozenset(MONTHS) | frozenset(WEEKDAYS)
FREQUENCY_WORDS = word_list(STAGE, "frequency_words")
#: words that make a capitalised weekday before them part of a newspaper's name ("The Sunday Times")
PAPER_WORDS = word_list(STAGE, "paper_words")
#: holidays on a fixed day: name -> "MM-DD"; holidays by rule: name -> rule text (see holidays.py)
FIXED_HOLIDAYS = word_map(STAGE, "fixed_holidays")
RULE_HOLIDAYS = word_map(STAGE, "rule_holidays")


def day_words() -> Mapping[str, int]:
    """Days of the month written in words, normalised to single spaces: ordinals ("twenty-seventh",
    "thirty first") and, from ten on, cardinals ("twenty nine")."""
    out = {k: v for k, v in ORDINALS.items() if v > 0}
    for i, w in enumerate(TEEN_WORDS):
        out[w] = 10 + i
    out["twenty"], out["thirty"] = 20, 30
    for i, w in enumerate(UNIT_WORDS):
        o = [k for k, v in ORDINALS.items() if v == i + 1][0]
        out[f"twenty {w}"] = out[f"twenty {o}"] = 21 + i
    out["thirty one"] = out["thirty first"] = 31
    return MappingProxyType(out)


DAY_WORDS = day_words()
