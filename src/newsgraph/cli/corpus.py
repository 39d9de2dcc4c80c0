"""Corpus commands: ingest into a DuckDB store, query it, export it, migrate it.

``register(app)`` adds ``ingest``, ``events``, ``actors``, ``quotes``, ``series``, ``clusters``,
``sql``, ``export`` and ``migrate`` to a Typer app. The database is ``--db`` or ``$NEWSGRAPH_DB``
or ``./newsgraph.duckdb``. Exit codes: 0 ok, 1 some inputs failed but others were stored,
2 bad input, 3 store error.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import StoreError
from .common import DbOpt, guarded, say
from .ingest import ingest
from .queries import open_read
from .queries import register as register_queries


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"
    graphml = "graphml"
    geojson = "geojson"


@guarded
def export(
    format: Annotated[
        ExportFormat,
        typer.Argument(metavar="FORMAT", help="jsonl, csv, parquet (a folder), gdelt, plover, graphml or geojson."),
    ],
    dest: Annotated[Path, typer.Argument(metavar="DEST", help="Output file (a folder for parquet).")],
    db: DbOpt = None,
    table: Annotated[str, typer.Option(metavar="TABLE", help="Table for csv.")] = "events",
    header: Annotated[bool, typer.Option("--header", help="Add a header line to the gdelt TSV.")] = False,
) -> None:
    """Export the corpus (docs/store.md describes every format and the GDELT column mapping).

    The export is written under a temporary name and renamed when complete: a failed export
    leaves no partial file. parquet replaces DEST when it is an empty folder or an earlier
    Parquet export, and refuses any other existing path.
    """
    from ..export import export as run_export

    with open_read(db) as store:
        result = run_export(store, format.value, dest, table=table, header=header)
    say("wrote ", str(dest), f" ({format.value}): {result}")


@guarded
def migrate(db: DbOpt = None) -> None:
    """Bring a corpus written by an older newsgraph to the current schema version."""
    from ..store import Store, default_db_path

    path = db if db is not None else default_db_path()
    if not path.is_file():
        raise StoreError("no database at this path", input=str(path), hint="check --db")
    with Store(path, migrate=True) as store:
        version = store.schema_version()
    say(str(path), f": schema version {version}")


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app``."""
    app.command()(ingest)
    register_queries(app)
    app.command("export")(export)
    app.command()(migrate)
