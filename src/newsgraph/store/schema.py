"""The corpus schema: one :class:`TableSpec` per table, the DDL generated from it, the version, and
the migration path between versions.

A spec lists a table's columns once, each with its SQL type and -- for the tables that hold
records -- where its value comes from: a record attribute of the same name, or a function of the
record and its :class:`RowContext` (article id, position, publication day ...). The DDL
(:data:`TABLES`) and the row builders (:mod:`newsgraph.store.rows`) are both generated from the
specs, so a column is added in one place.

The version lives in the ``meta`` table (``key = 'schema_version'``). :data:`MIGRATIONS` maps a
version to the SQL that brings a database of that version to the next one; ``newsgraph migrate``
applies them in order inside one transaction. New columns go at the end of their table, so a
migrated database has the same layout as a fresh one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from ..model import (
    Actor,
    Article,
    Attribution,
    DateRef,
    Event,
    Mention,
    Output,
    Place,
    Quantity,
    Quote,
)
from .values import outlet_of, resolve_day

#: Version of the tables written by this code. Bump it and add a migration when the DDL changes.
STORE_SCHEMA_VERSION = 3


@dataclass(frozen=True)
class RowContext:
    """What a row needs besides its record: the article, the record's position, the write time."""

    article_id: str
    published_day: date | None
    dates: Sequence[DateRef]
    now: datetime
    ord: int = 0
    #: mentions only: 'actor' or 'place', and the ord of the record they belong to
    entity: str | None = None
    ref: str | None = None


#: A column's value from its record and context.
Getter = Callable[[Any, RowContext], Any]


@dataclass(frozen=True)
class Column:
    """One column: name, SQL type (with constraints), and where a record row takes its value.

    ``get`` None means the record attribute of the same name; bookkeeping tables ignore it.
    """

    name: str
    sql_type: str
    get: Getter | None = None

    def value(self, record: Any, ctx: RowContext) -> Any:
        return getattr(record, self.name) if self.get is None else self.get(record, ctx)

    @property
    def base_type(self) -> str:
        """The type without constraints (``VARCHAR PRIMARY KEY`` -> ``VARCHAR``)."""
        return self.sql_type.split(" ", 1)[0]


@dataclass(frozen=True)
class TableSpec:
    """A table: its columns, and for record tables the record type and the Article attribute
    that holds the records (``source``)."""

    name: str
    columns: tuple[Column, ...]
    record: type[BaseModel] | None = None
    source: str | None = None
    #: record fields kept in their own table, left out of the ``data`` JSON (actor/place mentions)
    nested: frozenset[str] = field(default_factory=frozenset)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def ddl(self) -> str:
        cols = ", ".join(f'"{c.name}" {c.sql_type}' for c in self.columns)
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({cols})"

    def row(self, record: Any, ctx: RowContext) -> dict[str, Any]:
        """The column values of one record."""
        return {c.name: c.value(record, ctx) for c in self.columns}


# -- getters ---------------------------------------------------------------------------------
def _attr(name: str) -> Getter:
    return lambda r, c: getattr(r, name)


def _ctx(name: str) -> Getter:
    return lambda r, c: getattr(c, name)


def _span(name: str, part: str) -> Getter:
    return lambda r, c: getattr(getattr(r, name), part)


def _day_of(name: str) -> Getter:
    return lambda r, c: resolve_day(getattr(r, name), c.dates, c.published_day)


def _data(exclude: frozenset[str] = frozenset()) -> Getter:
    return lambda r, c: json.dumps(r.model_dump(mode="json", exclude=set(exclude) or None), ensure_ascii=False)


def _first(name: str) -> Getter:
    return lambda r, c: getattr(r, name)[0] if getattr(r, name) else None


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _article_id() -> Column:
    return Column("article_id", "VARCHAR", _ctx("article_id"))


def _ord() -> Column:
    return Column("ord", "INTEGER", _ctx("ord"))


# -- record tables ---------------------------------------------------------------------------
ARTICLES = TableSpec(
    "articles",
    (
        Column("id", "VARCHAR PRIMARY KEY", _ctx("article_id")),
        Column("title", "VARCHAR"),
        Column("url", "VARCHAR"),
        Column("source", "VARCHAR"),
        Column("outlet", "VARCHAR", lambda a, c: outlet_of(a.source, a.url)),
        Column("published", "VARCHAR"),
        Column("published_day", "DATE", _ctx("published_day")),
        Column("author", "VARCHAR"),
        Column("language", "VARCHAR"),
        Column("input", "VARCHAR"),
        Column("text", "VARCHAR"),
        Column("removed", "JSON", lambda a, c: _json([r.model_dump(mode="json") for r in a.removed])),
        Column("sourcing", "JSON", lambda a, c: _data()(a.sourcing, c) if a.sourcing is not None else None),
        Column("stats", "JSON", lambda a, c: _json(a.stats)),
        Column("schema_version", "VARCHAR", lambda a, c: Output.model_fields["schema_version"].default),
        Column("n_events", "INTEGER", lambda a, c: len(a.events)),
        Column("n_quotes", "INTEGER", lambda a, c: len(a.quotes)),
        Column("n_quantities", "INTEGER", lambda a, c: len(a.quantities)),
        Column("ingested_at", "TIMESTAMP", _ctx("now")),
        Column("record_id", "VARCHAR"),
        Column("dateline", "JSON", lambda a, c: _json(a.dateline)),
    ),
    record=Article,
)

ACTORS = TableSpec(
    "actors",
    (
        _article_id(),
        _ord(),
        Column("actor_id", "VARCHAR", _attr("id")),
        Column("name", "VARCHAR"),
        Column("country", "VARCHAR"),
        Column("sector", "VARCHAR"),
        Column("kind", "VARCHAR"),
        Column("role", "VARCHAR"),
        Column("affiliation", "VARCHAR"),
        Column("led_by", "VARCHAR"),
        Column("media", "BOOLEAN"),
        Column("label", "VARCHAR"),
        Column("known", "BOOLEAN"),
        Column("n_mentions", "INTEGER", lambda a, c: len(a.mentions)),
        Column("data", "JSON", _data(frozenset({"mentions"}))),
    ),
    record=Actor,
    source="actors",
    nested=frozenset({"mentions"}),
)

MENTIONS = TableSpec(
    "mentions",
    (
        _article_id(),
        Column("entity", "VARCHAR", _ctx("entity")),
        Column("ref", "VARCHAR", _ctx("ref")),
        _ord(),
        Column("start", "INTEGER"),
        Column("end", "INTEGER"),
        Column("text", "VARCHAR"),
        Column("via", "VARCHAR"),
    ),
    record=Mention,
)

EVENTS = TableSpec(
    "events",
    (
        _article_id(),
        _ord(),
        Column("event_id", "VARCHAR", _attr("id")),
        Column("plover", "VARCHAR"),
        Column("mode", "VARCHAR"),
        Column("cameo", "VARCHAR"),
        Column("source", "VARCHAR[]", lambda e, c: list(e.source)),
        Column("target", "VARCHAR[]", lambda e, c: list(e.target)),
        Column("source1", "VARCHAR", _first("source")),
        Column("target1", "VARCHAR", _first("target")),
        Column("modality", "VARCHAR"),
        Column("alleged_by", "VARCHAR"),
        Column("place", "VARCHAR"),
        Column("date", "VARCHAR"),
        Column("day", "DATE", _day_of("date")),
        Column("goldstein", "DOUBLE"),
        Column("quad_class", "INTEGER"),
        Column("hedged", "BOOLEAN"),
        Column("sentence", "INTEGER"),
        Column("rule", "VARCHAR"),
        Column("evidence_start", "INTEGER", _span("evidence", "start")),
        Column("evidence_end", "INTEGER", _span("evidence", "end")),
        Column("evidence", "VARCHAR", _span("evidence", "text")),
        Column("cluster_id", "VARCHAR", lambda e, c: None),
        Column("data", "JSON", _data()),
    ),
    record=Event,
    source="events",
)

QUOTES = TableSpec(
    "quotes",
    (
        _article_id(),
        _ord(),
        Column("quote_id", "VARCHAR", _attr("id")),
        Column("text", "VARCHAR"),
        Column("kind", "VARCHAR"),
        Column("speaker", "VARCHAR"),
        Column("cue", "VARCHAR"),
        Column("via", "VARCHAR"),
        Column("evidence_start", "INTEGER", _span("evidence", "start")),
        Column("evidence_end", "INTEGER", _span("evidence", "end")),
        Column("data", "JSON", _data()),
    ),
    record=Quote,
    source="quotes",
)

ATTRIBUTIONS = TableSpec(
    "attributions",
    (
        _article_id(),
        _ord(),
        Column("source", "VARCHAR"),
        Column("cue", "VARCHAR"),
        Column("actor", "VARCHAR"),
        Column("scope_start", "INTEGER", _span("scope", "start")),
        Column("scope_end", "INTEGER", _span("scope", "end")),
        Column("data", "JSON", _data()),
    ),
    record=Attribution,
    source="attributions",
)

QUANTITIES = TableSpec(
    "quantities",
    (
        _article_id(),
        _ord(),
        Column("quantity_id", "VARCHAR", _attr("id")),
        Column("value", "DOUBLE"),
        Column("unit", "VARCHAR"),
        Column("approximate", "BOOLEAN"),
        Column("hedged", "BOOLEAN"),
        Column("holder", "VARCHAR"),
        Column("place", "VARCHAR"),
        Column("date", "VARCHAR"),
        Column("day", "DATE", _day_of("date")),
        Column("low", "DOUBLE"),
        Column("high", "DOUBLE"),
        Column("previous", "VARCHAR"),
        Column("event", "VARCHAR"),
        Column("evidence_start", "INTEGER", _span("evidence", "start")),
        Column("evidence_end", "INTEGER", _span("evidence", "end")),
        Column("evidence", "VARCHAR", _span("evidence", "text")),
        Column("data", "JSON", _data()),
    ),
    record=Quantity,
    source="quantities",
)

PLACES = TableSpec(
    "places",
    (
        _article_id(),
        _ord(),
        Column("place_id", "VARCHAR", _attr("id")),
        Column("name", "VARCHAR"),
        Column("country", "VARCHAR"),
        Column("lat", "DOUBLE"),
        Column("lon", "DOUBLE"),
        Column("geonameid", "BIGINT"),
        Column("feature", "VARCHAR"),
        Column("qualifier", "VARCHAR"),
        Column("n_mentions", "INTEGER", lambda p, c: len(p.mentions)),
        Column("data", "JSON", _data(frozenset({"mentions"}))),
    ),
    record=Place,
    source="places",
    nested=frozenset({"mentions"}),
)

DATES = TableSpec(
    "dates",
    (
        _article_id(),
        _ord(),
        Column("date_id", "VARCHAR", _attr("id")),
        Column("text", "VARCHAR"),
        Column("value", "VARCHAR"),
        Column("start", "VARCHAR"),
        Column("end", "VARCHAR"),
        Column("precision", "VARCHAR"),
        Column("data", "JSON", _data()),
    ),
    record=DateRef,
    source="dates",
)

# -- bookkeeping tables ------------------------------------------------------------------------
META = TableSpec("meta", (Column("key", "VARCHAR PRIMARY KEY"), Column("value", "VARCHAR")))

CLUSTERS = TableSpec(
    "clusters",
    (
        Column("cluster_id", "VARCHAR PRIMARY KEY"),
        Column("source1", "VARCHAR"),
        Column("plover", "VARCHAR"),
        Column("target1", "VARCHAR"),
        Column("place", "VARCHAR"),
        Column("first_day", "DATE"),
        Column("last_day", "DATE"),
        Column("n_mentions", "INTEGER"),
        Column("n_articles", "INTEGER"),
        Column("n_outlets", "INTEGER"),
        Column("goldstein", "DOUBLE"),
        Column("quad_class", "INTEGER"),
    ),
)

FAILURES = TableSpec(
    "failures",
    (
        Column("key", "VARCHAR PRIMARY KEY"),
        Column("input", "VARCHAR"),
        Column("reason", "VARCHAR"),
        Column("error_type", "VARCHAR"),
        Column("hint", "VARCHAR"),
        Column("first_seen", "TIMESTAMP"),
        Column("last_seen", "TIMESTAMP"),
        Column("attempts", "INTEGER"),
    ),
)

#: Articles handed to the extractor and not yet settled. ``state`` is 'running' while a process
#: extracts them, 'died' once a later run found them left running (the process was killed or
#: crashed), 'interrupted' after a clean stop (SIGINT/SIGTERM). ``alone``: extracted on their own.
INFLIGHT = TableSpec(
    "inflight",
    (
        Column("id", "VARCHAR PRIMARY KEY"),
        Column("input", "VARCHAR"),
        Column("attempts", "INTEGER"),
        Column("started", "TIMESTAMP"),
        Column("state", "VARCHAR"),
        Column("alone", "BOOLEAN"),
        Column("deaths", "INTEGER"),
        Column("interrupts", "INTEGER"),
        Column("elapsed_s", "DOUBLE"),
    ),
)

#: Articles that crashed or hung the extractor on their own: skipped until released.
QUARANTINE = TableSpec(
    "quarantine",
    (
        Column("id", "VARCHAR PRIMARY KEY"),
        Column("input", "VARCHAR"),
        Column("kind", "VARCHAR"),
        Column("reason", "VARCHAR"),
        Column("detail", "VARCHAR"),
        Column("since", "TIMESTAMP"),
    ),
)

SPECS: tuple[TableSpec, ...] = (
    META,
    ARTICLES,
    ACTORS,
    MENTIONS,
    EVENTS,
    QUOTES,
    ATTRIBUTIONS,
    QUANTITIES,
    PLACES,
    DATES,
    CLUSTERS,
    FAILURES,
    INFLIGHT,
    QUARANTINE,
)

#: table -> spec, and table -> DDL generated from it.
SPEC_BY_NAME: dict[str, TableSpec] = {s.name: s for s in SPECS}
TABLES: dict[str, str] = {s.name: s.ddl() for s in SPECS}

#: Tables whose rows are built from an article's records (written by :func:`rows.article_rows`).
RECORD_TABLES: tuple[TableSpec, ...] = tuple(s for s in SPECS if s.record is not None)

#: Child tables of an article (deleted with it, rebuilt into its record).
CHILD_TABLES = ("actors", "mentions", "events", "quotes", "attributions", "quantities", "places", "dates")

INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
    "CREATE INDEX IF NOT EXISTS events_key ON events(source1, plover, target1)",
)

#: version -> statements that bring a database of that version to version + 1.
#: Version 1 (the first development layout) had no clusters and inflight tables, no
#: events.day/cluster_id and no failures.attempts. Version 2 had no articles.record_id (the JSON
#: Lines id was in stats) and articles.dateline, no quarantine, and counted every process that
#: left an article in flight as a crash (inflight.attempts only).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS day DATE",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS cluster_id VARCHAR",
        "ALTER TABLE failures ADD COLUMN IF NOT EXISTS attempts INTEGER DEFAULT 1",
        TABLES["clusters"],
        "CREATE TABLE IF NOT EXISTS inflight (id VARCHAR PRIMARY KEY, input VARCHAR, attempts INTEGER, "
        "started TIMESTAMP)",
        "UPDATE events SET day = TRY_CAST(left(date, 10) AS DATE) WHERE day IS NULL",
    ),
    2: (
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS record_id VARCHAR",
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS dateline JSON",
        "UPDATE articles SET record_id = json_extract_string(stats, '$.record_id'), "
        "stats = CAST(json_merge_patch(stats, '{\"record_id\": null}') AS JSON) "
        "WHERE json_extract_string(stats, '$.record_id') IS NOT NULL",
        "ALTER TABLE inflight ADD COLUMN IF NOT EXISTS state VARCHAR DEFAULT 'running'",
        "ALTER TABLE inflight ADD COLUMN IF NOT EXISTS alone BOOLEAN DEFAULT false",
        "ALTER TABLE inflight ADD COLUMN IF NOT EXISTS deaths INTEGER DEFAULT 0",
        "ALTER TABLE inflight ADD COLUMN IF NOT EXISTS interrupts INTEGER DEFAULT 0",
        "ALTER TABLE inflight ADD COLUMN IF NOT EXISTS elapsed_s DOUBLE",
        TABLES["quarantine"],
        # version 2 wrote a failure row for articles that were merely in flight when a run was
        # stopped; those now stored are no failures
        "DELETE FROM failures WHERE error_type = 'ProcessingError' "
        "AND reason LIKE 'extracting this article crashed the process%' "
        "AND input IN (SELECT input FROM articles)",
    ),
}
