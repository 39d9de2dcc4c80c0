"""Who held what when: the article's date read from its metadata, and the who's-who row that holds at
that date (or the one the person had left by then)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace
from types import MappingProxyType

from ...resources import word_sequence
from .lexicon import Entry

_MONTHS = MappingProxyType({m: i for i, m in enumerate(word_sequence("actors", "month_abbreviations"), start=1)})
_PARTY_SECTORS = frozenset({"POL", "OPP", "PTY"})


def parse_date(value: str | None) -> str | None:
    """'today' -> today's ISO date; '2022-01-01' / '2022' kept; '1 July 2021', 'July 1, 2021',
    'October 2021' -> ISO; anything else -> None."""
    if value is None:
        return None
    v = value.strip()
    if v.lower() in ("today", "now"):
        return _dt.date.today().isoformat()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        return v
    m = re.match(r"(\d{4}-\d{2}-\d{2})", v)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?,?\s+(\d{4})", v)
    if m and m.group(2)[:3].lower() in _MONTHS and not (m.group(1) and m.group(3)):
        month = _MONTHS[m.group(2)[:3].lower()]
        day = int(m.group(1) or m.group(3) or 1)
        try:
            return _dt.date(int(m.group(4)), month, day).isoformat()
        except ValueError:
            return None
    return None


def pick(entries: list[Entry], date: str | None) -> tuple[Entry | None, bool]:
    """The entry that holds at ``date`` (and whether the person had left that role by then). A who's-who
    person who holds no role at the date is given none: after their last role they are former office
    holders (ELI), before their first one they have no role, sector or institution yet."""
    if not entries:
        return None, False
    valid = [e for e in entries if e.holds(date)]
    if valid:
        people = [e for e in valid if e.source == "person"]
        if people and len(people) == len(valid):
            # at a date, a state office outranks a party post held at the same time (a prime minister who
            # leads his party acts as the government); then (and with no date) the latest role
            return max(people, key=lambda e: (date is not None and e.sector not in _PARTY_SECTORS, e.start or "",
                                              e.end or "9999")), False
        if date is None:  # no article date: a PETRARCH entry's unrestricted code is its default
            plain = [e for e in valid if e.source == "petrarch" and not (e.start or e.end)]
            if plain:
                return plain[0], False
        same = [e for e in valid if e.id == valid[0].id]
        return max(same, key=lambda e: e.start or ""), False
    dated = [e for e in entries if e.start or e.end]
    if date and dated:
        before = [e for e in dated if e.end and date > e.end]
        if before:
            return _former(max(before, key=lambda e: e.end or "")), True
        return _not_yet(min(dated, key=lambda e: e.start or "")), False
    return entries[0], False


def _former(e: Entry) -> Entry:
    """A who's-who person who had left every role by the date: an elite, a former office holder of no
    institution ("former Secretary of State")."""
    if e.source != "person":
        return e
    return replace(e, sector="ELI", role=f"former {e.role}" if e.role else None, affiliation=None)


def _not_yet(e: Entry) -> Entry:
    """A who's-who person whose first role starts after the date (a candidate, a private citizen then):
    the person, with no role, sector or institution; never the later office."""
    if e.source != "person":
        return e
    return replace(e, sector=None, role=None, affiliation=None)
