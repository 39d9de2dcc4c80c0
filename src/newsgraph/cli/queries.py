"""Query commands over a corpus store: ``events``, ``actors``, ``quotes``, ``series``,
``clusters`` and ``sql``. Every one prints a table (plain aligned text when stdout is no
terminal), TSV, CSV or JSON Lines, and takes ``--limit``/``-n`` where it lists rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import DayFromOpt, DayToOpt, DbOpt, FormatOpt, LimitOpt, WidthOpt, check_day, guarded, say
from .tables import OutFormat, Screen, emit, grid_of, records

if TYPE_CHECKING:  # pragma: no cover - the store (DuckDB, pandas) is imported when a command opens one
    import pandas as pd

    from ..store import Store

#: Free-text columns: they fold over several lines in a table.
WIDE = ("evidence", "text", "title", "url", "reason", "types", "place_name", "outlet", "name", "speaker_name")

EVENT_COLUMNS = ("day", "plover", "cameo", "modality", "source", "target", "place_name", "outlet", "evidence",
                 "cluster_id")
SERIES_COLUMNS = ("day", "value", "unit", "holder", "place_name", "approximate", "hedged", "outlet", "n_values",
                  "disagreement", "evidence")


def open_read(db: Path | None) -> Store:
    from ..store import Store, default_db_path

    return Store(db if db is not None else default_db_path(), read_only=True)


def show(df: pd.DataFrame, fmt: OutFormat, width: int | None, title: str | None = None,
         table_columns: Sequence[str] | None = None) -> None:
    """Rows on stdout; a table shows ``table_columns`` (the others are in tsv, csv and jsonl)."""
    if fmt is OutFormat.table and table_columns is not None:
        df = df[[c for c in table_columns if c in df.columns]]
    emit(grid_of(df, title, WIDE), records(df), fmt, Screen(width))
    if fmt is OutFormat.table:
        say(f"{len(df)} row(s)")


@guarded
def events(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option(metavar="ID", help="Actor id as source or target (USA also matches USA.MIL).")] = None,
    country: Annotated[str | None, typer.Option(metavar="ISO3", help="Country of an actor or of the place.")] = None,
    type: Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE", help="PLOVER type or CAMEO code prefix.")] = None,
    modality: Annotated[str | None, typer.Option(metavar="NAME", help="asserted, intended, alleged, negated ...")] = None,
    place: Annotated[str | None, typer.Option(metavar="PLACE", help="Place id, name or ISO3 country.")] = None,
    start: DayFromOpt = None,
    end: DayToOpt = None,
    outlet: Annotated[str | None, typer.Option(metavar="PATTERN", help="Outlet name or host (SQL ILIKE pattern).")] = None,
    cluster: Annotated[str | None, typer.Option(metavar="ID", help="Only the events of this cluster.")] = None,
    limit: LimitOpt = 100,
    format: FormatOpt = OutFormat.table,
    width: WidthOpt = None,
) -> None:
    """Events in the corpus, newest first, filtered."""
    with open_read(db) as store:
        df = store.events(actor=actor, country=country, type=type, modality=modality, place=place,
                          start=check_day(start, "--from"), end=check_day(end, "--to"), outlet=outlet,
                          cluster=cluster, limit=limit)
    show(df, format, width, "events", EVENT_COLUMNS)


@guarded
def actors(
    db: DbOpt = None,
    limit: LimitOpt = 30,
    country: Annotated[str | None, typer.Option(metavar="ISO3", help="Only actors of this country.")] = None,
    sector: Annotated[str | None, typer.Option(metavar="CODE", help="Only actors of this sector, e.g. MIL.")] = None,
    neighbours: Annotated[
        str | None,
        typer.Option("--neighbours", metavar="ID", help="List the actors linked to this actor by events instead."),
    ] = None,
    format: FormatOpt = OutFormat.table,
    width: WidthOpt = None,
) -> None:
    """Top actors by the number of articles naming them, or one actor's network neighbours."""
    with open_read(db) as store:
        if neighbours:
            df, title = store.neighbours(neighbours, limit=limit), f"neighbours of {neighbours}"
        else:
            df, title = store.actors(top=limit, country=country, sector=sector), "actors"
    show(df, format, width, title)


@guarded
def quotes(
    db: DbOpt = None,
    speaker: Annotated[str | None, typer.Option(metavar="TEXT", help="Speaker actor id or part of the name.")] = None,
    outlet: Annotated[str | None, typer.Option(metavar="PATTERN", help="Outlet name or host (ILIKE pattern).")] = None,
    text: Annotated[str | None, typer.Option(metavar="WORDS", help="Words in the quote.")] = None,
    limit: LimitOpt = 100,
    format: FormatOpt = OutFormat.table,
    width: WidthOpt = None,
) -> None:
    """Quotes with their speakers and outlets."""
    with open_read(db) as store:
        df = store.quotes(speaker=speaker, outlet=outlet, text=text, limit=limit)
    show(df, format, width, "quotes")


@guarded
def series(
    db: DbOpt = None,
    holder: Annotated[str | None, typer.Option(metavar="ID", help="Holder actor id (USA matches USA.MIL).")] = None,
    unit: Annotated[str | None, typer.Option(metavar="UNIT", help="Unit, e.g. troops.")] = None,
    place: Annotated[str | None, typer.Option(metavar="PLACE", help="Place id, name or ISO3 country.")] = None,
    start: DayFromOpt = None,
    end: DayToOpt = None,
    window: Annotated[int, typer.Option(min=0, metavar="DAYS", help="Days either side for disagreement.")] = 7,
    limit: LimitOpt = 0,
    format: FormatOpt = OutFormat.table,
    width: WidthOpt = None,
) -> None:
    """Numeric claims over time (e.g. --holder USA --unit troops --place Syria), with their sources
    and disagreements."""
    with open_read(db) as store:
        df = store.series(holder=holder, unit=unit, place=place, start=check_day(start, "--from"),
                          end=check_day(end, "--to"), window_days=window)
    show(df.head(limit) if limit else df, format, width, "series", SERIES_COLUMNS)


@guarded
def clusters(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option(metavar="ID", help="Source or target actor id.")] = None,
    type: Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE", help="PLOVER type.")] = None,
    min_articles: Annotated[int, typer.Option(min=1, metavar="N", help="Reported by at least this many articles.")] = 1,
    start: DayFromOpt = None,
    end: DayToOpt = None,
    limit: LimitOpt = 100,
    format: FormatOpt = OutFormat.table,
    width: WidthOpt = None,
) -> None:
    """Event clusters: the same event across articles, with counts of mentions, articles, outlets."""
    with open_read(db) as store:
        df = store.clusters(actor=actor, type=type, min_articles=min_articles, start=check_day(start, "--from"),
                            end=check_day(end, "--to"), limit=limit)
    show(df, format, width, "clusters")


@guarded
def sql(
    query: Annotated[str, typer.Argument(metavar="SELECT", help="One SELECT statement.")],
    db: DbOpt = None,
    limit: LimitOpt = 0,
    format: FormatOpt = OutFormat.table,
    width: WidthOpt = None,
) -> None:
    """Run a read-only SQL query on the corpus (tables: see docs/store.md). Writes are refused."""
    with open_read(db) as store:
        df = store.sql(query)
    show(df.head(limit) if limit else df, format, width)


def register(app: typer.Typer) -> None:
    """Add the query commands to ``app``."""
    for command in (events, actors, quotes, series, clusters, sql):
        app.command()(command)
