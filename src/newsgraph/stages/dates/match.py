"""What the date grammar returns: a :class:`DateMatch`, and the two ways a match can fail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DateMatch:
    """A date expression: ``text == source[start:end]``; dates inclusive."""

    start: int
    end: int
    text: str
    value: str | None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    precision: str = "unknown"
    reason: str | None = None  # why value is None
    upto: dt.date | None = None  # for "from A to B": the first day of B


class NotThisPattern(Exception):
    """Raised by a handler when its pattern matched text that is not this kind of date."""


class ImpossibleDate(ValueError):
    """A date that cannot exist ("February 30")."""
