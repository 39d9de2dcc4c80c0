"""The filters every view and API route shares, and the SQL conditions they become.

Filters: date range (``from``, ``to``), ``actor`` (an id; ``USA`` also matches ``USA.MIL``),
``country`` (ISO3 of an actor or of the place), ``type`` (PLOVER type or CAMEO prefix),
``modality`` and ``min_confidence``. Every value is checked here and reaches SQL only as a
bound parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Query

from ..errors import InvalidValueError

# An empty value (a blank field of the filter form) means "no filter".
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"
ACTOR_PATTERN = r"^[A-Za-z0-9_.\-]{1,120}$"
OPTIONAL_ACTOR_PATTERN = r"^([A-Za-z0-9_.\-]{1,120})?$"
COUNTRY_PATTERN = r"^([A-Za-z]{3})?$"
TYPE_PATTERN = r"^([A-Za-z0-9_]{1,40})?$"
MODALITY_PATTERN = r"^([A-Za-z_]{1,30})?$"
CONFIDENCE_PATTERN = r"^((0|1)?(\.\d{1,6})?)?$"

#: Largest page any list route returns, and the default.
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000


def actor_match(expr: str) -> str:
    """SQL: ``expr`` is the actor or one of its sub-actors (two parameters: the id twice)."""
    return f"({expr} = ? OR starts_with({expr}, ? || '.'))"


#: SQL: an event's confidence; events stored without one count as 1.0 (they pass any minimum).
EVENT_CONFIDENCE = "coalesce(TRY_CAST(json_extract_string(e.data, '$.confidence') AS DOUBLE), 1.0)"


@dataclass
class Where:
    """SQL conditions joined by AND, with their parameters in order."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self, keyword: str = "WHERE") -> str:
        return f"{keyword} " + " AND ".join(self.parts) if self.parts else ""


@dataclass(frozen=True)
class Filters:
    start: str | None = None
    end: str | None = None
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    modality: str | None = None
    min_confidence: float | None = None

    def as_params(self) -> dict[str, str]:
        """The filters as query-string parameters (for links between views)."""
        pairs = {
            "from": self.start,
            "to": self.end,
            "actor": self.actor,
            "country": self.country,
            "type": self.type,
            "modality": self.modality,
            "min_confidence": None if self.min_confidence is None else f"{self.min_confidence:g}",
        }
        return {k: v for k, v in pairs.items() if v}

    def event_where(self, w: Where | None = None) -> Where:
        """Conditions on an event ``e`` (joined with its article ``a`` and place ``pl``)."""
        w = w or Where()
        if self.start:
            w.add("e.day >= CAST(? AS DATE)", self.start)
        if self.end:
            w.add("e.day <= CAST(? AS DATE)", self.end)
        if self.actor:
            w.add(
                "EXISTS (SELECT 1 FROM (SELECT unnest(list_concat(e.source, e.target)) AS x) "
                f"WHERE {actor_match('x')})",
                self.actor,
                self.actor,
            )
        if self.country:
            w.add(
                "(pl.country = ? OR EXISTS (SELECT 1 FROM actors ac WHERE ac.article_id = e.article_id "
                "AND ac.country = ? AND list_contains(list_concat(e.source, e.target), ac.actor_id)))",
                self.country,
                self.country,
            )
        if self.type:
            w.add("(e.plover = ? OR starts_with(e.cameo, ?))", self.type.upper(), self.type)
        if self.modality:
            w.add("e.modality = ?", self.modality.lower())
        if self.min_confidence is not None:
            w.add(f"{EVENT_CONFIDENCE} >= ?", self.min_confidence)
        return w

    def event_filters_set(self) -> bool:
        return any((self.type, self.modality, self.min_confidence is not None))

    def article_where(self, w: Where | None = None) -> Where:
        """Conditions on an article ``a``: its day, and that it holds a matching actor/event."""
        w = w or Where()
        if self.start:
            w.add("a.published_day >= CAST(? AS DATE)", self.start)
        if self.end:
            w.add("a.published_day <= CAST(? AS DATE)", self.end)
        if self.actor:
            w.add(
                f"EXISTS (SELECT 1 FROM actors ac WHERE ac.article_id = a.id AND {actor_match('ac.actor_id')})",
                self.actor,
                self.actor,
            )
        if self.country:
            w.add(
                "(EXISTS (SELECT 1 FROM actors ac WHERE ac.article_id = a.id AND ac.country = ?) OR "
                "EXISTS (SELECT 1 FROM places p2 WHERE p2.article_id = a.id AND p2.country = ?))",
                self.country,
                self.country,
            )
        if self.event_filters_set():
            inner = Filters(type=self.type, modality=self.modality, min_confidence=self.min_confidence)
            ev = inner.event_where()
            w.add(
                "EXISTS (SELECT 1 FROM events e LEFT JOIN places pl ON pl.article_id = e.article_id "
                f"AND pl.place_id = e.place WHERE e.article_id = a.id AND {' AND '.join(ev.parts)})",
                *ev.params,
            )
        return w


def check_day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(f"'{value}' is not a date", input=name, hint="use YYYY-MM-DD") from None
    return value


def check_confidence(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise InvalidValueError(f"'{value}' is no confidence", input="min_confidence", hint="a number from 0 to 1")
    return number


def shared_filters(
    start: Annotated[str | None, Query(alias="from", pattern=DATE_PATTERN, description="First day YYYY-MM-DD.")] = None,
    end: Annotated[str | None, Query(alias="to", pattern=DATE_PATTERN, description="Last day YYYY-MM-DD.")] = None,
    actor: Annotated[
        str | None, Query(pattern=OPTIONAL_ACTOR_PATTERN, description="Actor id; USA also matches USA.MIL.")
    ] = None,
    country: Annotated[
        str | None, Query(pattern=COUNTRY_PATTERN, description="ISO3 country of an actor or of the place.")
    ] = None,
    type: Annotated[
        str | None, Query(pattern=TYPE_PATTERN, description="PLOVER type or CAMEO code prefix.")
    ] = None,
    modality: Annotated[
        str | None, Query(pattern=MODALITY_PATTERN, description="asserted, intended, alleged, negated ...")
    ] = None,
    min_confidence: Annotated[
        str | None, Query(pattern=CONFIDENCE_PATTERN, description="Lowest event confidence, 0 to 1.")
    ] = None,
) -> Filters:
    """FastAPI dependency: the shared filters of a request, checked (blank values are no filter)."""
    start, end = check_day(start or None, "from"), check_day(end or None, "to")
    confidence = check_confidence(min_confidence or None)
    if start and end and start > end:
        raise InvalidValueError("'from' is after 'to'", input=f"from={start}&to={end}", hint="swap the dates")
    return Filters(
        start=start,
        end=end,
        actor=actor or None,
        country=country.upper() if country else None,
        type=type or None,
        modality=modality or None,
        min_confidence=confidence,
    )


@dataclass(frozen=True)
class Page:
    limit: int = DEFAULT_LIMIT
    offset: int = 0


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
) -> Page:
    """FastAPI dependency: the page of a list request."""
    return Page(limit, offset)
