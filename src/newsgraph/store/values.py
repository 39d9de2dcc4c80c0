"""Derived column values: calendar days of ISO dates, an article's outlet, the day of a record."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from urllib.parse import urlsplit

from ..model import DateRef

_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def to_day(value: str | None) -> date | None:
    """First calendar day of an ISO date, month (YYYY-MM) or year (YYYY); None otherwise."""
    if not value:
        return None
    m = _DAY.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet: the article's source name, else the host of its URL (without www.)."""
    if source and source.strip():
        return source.strip()
    if url:
        try:
            host = urlsplit(url.strip()).hostname or ""
        except ValueError:  # e.g. an unbalanced '[' in the host
            return None
        host = host.removeprefix("www.")
        return host or None
    return None


def resolve_day(value: str | None, dates: Sequence[DateRef], published: date | None) -> date | None:
    """The day of an event/quantity date: a DateRef id or ISO-like string; else publication day."""
    if value:
        for d in dates:
            if d.id and d.id == value:
                return to_day(d.start or d.value) or published
        day = to_day(value)
        if day is not None:
            return day
    return published
