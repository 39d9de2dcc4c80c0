"""Corpus commands: ingest into a DuckDB store, query it, export it, migrate it.

``register(app)`` adds ``ingest``, ``events``, ``actors``, ``quotes``, ``series``, ``clusters``,
``sql``, ``export`` and ``migrate`` to a Typer app. The database is ``--db`` or ``$NEWSGRAPH_DB``
or ``./newsgraph.duckdb``. Exit codes: 0 ok, 1 some inputs failed but others were stored,
2 bad input, 3 store error.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..config import load_config
from ..errors import InvalidValueError, StoreError
from ..store import Store, default_db_path
from .common import EXIT_INPUT, EXIT_OK, EXIT_PARTIAL, guarded, stderr, stdout

DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db", help="DuckDB corpus file (default: $NEWSGRAPH_DB or ./newsgraph.duckdb).", show_default=False
    ),
]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows (0: all).")]


class OutFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


FormatOpt = Annotated[OutFormat, typer.Option("--format", "-f", help="How to print the rows.")]


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"
    graphml = "graphml"
    geojson = "geojson"


def _db(db: Path | None) -> Path:
    return db if db is not None else default_db_path()


def _open_read(db: Path | None) -> Store:
    return Store(_db(db), read_only=True)


def _cell(v: Any) -> str:
    if hasattr(v, "tolist") and not isinstance(v, str):
        v = v.tolist()  # numpy arrays become lists, numpy scalars plain Python values
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    if v is None or (not isinstance(v, str) and bool(pd.isna(v))):
        return ""
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ")
    if hasattr(v, "isoformat"):
        return str(v.isoformat())
    return str(v)


def emit(df: pd.DataFrame, fmt: OutFormat, title: str | None = None) -> None:
    """Print rows as a Rich table, CSV or JSON Lines on stdout."""
    out = stdout()
    if fmt is OutFormat.csv:
        flat = df.copy()
        for c in flat.columns:
            if flat[c].dtype == object:
                flat[c] = flat[c].map(lambda v: _cell(v) if not isinstance(v, str) else v)
        out.file.write(flat.to_csv(index=False))
        return
    if fmt is OutFormat.jsonl:
        for rec in json.loads(df.to_json(orient="records", date_format="iso", default_handler=str)):
            out.file.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    table = Table(title=title, show_lines=False)
    for c in df.columns:
        table.add_column(str(c), overflow="fold")
    for row in df.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    out.print(table)
    stderr().print(f"{len(df)} row(s)", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app``."""

    @app.command()
    @guarded
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="Input files (.txt, .html, .jsonl, .warc ...).")],
        db: DbOpt = None,
        published: Annotated[
            str | None,
            typer.Option("--published", help="Publication date YYYY-MM-DD for inputs without one."),
        ] = None,
        batch_size: Annotated[
            int | None,
            typer.Option(
                "--batch-size",
                "-b",
                min=1,
                help="Articles per transaction (default: store.batch_size in the config).",
            ),
        ] = None,
        max_bytes: Annotated[
            int | None, typer.Option("--max-bytes", min=1, help="Size limit per input.")
        ] = None,
        config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config file.")] = None,
        model: Annotated[str | None, typer.Option("--model", "-m", help="spaCy pipeline to use.")] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    ) -> None:
        """Extract articles into the corpus: idempotent and resumable.

        Articles already stored (same id: normalised text + url) are skipped before any NLP, so
        re-running after a crash finishes the rest. Each batch is one transaction. Inputs that fail
        are recorded in the `failures` table and the run goes on (exit code 1).
        """
        from ..ingest import read_paths
        from ..pipeline import Pipeline
        from ..store.ingest import IngestStats
        from ..store.ingest import ingest as run_ingest

        cfg = load_config(config).with_overrides(nlp__model=model, input__max_bytes=max_bytes)
        size = batch_size or cfg.store.batch_size
        path = _db(db)
        err = stderr()
        with Store(path, cluster_window_days=cfg.store.cluster_window_days) as store:
            pipeline = Pipeline.from_config(cfg)
            items = read_paths(
                paths,
                max_bytes=cfg.input.max_bytes,
                published=published,
                encoding_fallback=cfg.input.encoding_fallback,
            )
            progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]ingest[/bold]"),
                TextColumn("{task.fields[stored]} stored"),
                TextColumn("{task.fields[skipped]} skipped"),
                TextColumn("[red]{task.fields[failed]} failed[/red]"),
                TextColumn("{task.fields[rate]} art/s"),
                TimeElapsedColumn(),
                console=err,
                disable=quiet,
                transient=False,
            )
            with progress:
                task = progress.add_task("ingest", total=None, stored=0, skipped=0, failed=0, rate="0.0")

                def tick(s: IngestStats) -> None:
                    progress.update(
                        task, stored=s.stored, skipped=s.skipped, failed=s.failed, rate=f"{s.rate:.1f}"
                    )
                    if not quiet and not err.is_terminal:  # logs: one plain line per committed batch
                        err.print(
                            f"batch {s.batches} committed: {s.stored} stored, {s.skipped} skipped, "
                            f"{s.failed} failed, {s.rate:.1f} articles/s",
                            highlight=False,
                        )

                stats = run_ingest(store, pipeline, items, batch_size=size, progress=tick)
            total = store.count("articles")
            recent = (
                store.df(
                    "SELECT input, error_type, reason FROM failures ORDER BY last_seen DESC LIMIT ?",
                    [min(stats.failed, 10)],
                )
                if stats.failed
                else None
            )
        err.print(
            f"stored {stats.stored}, skipped {stats.skipped} already stored, failed {stats.failed} "
            f"in {stats.elapsed:.1f}s ({stats.rate:.1f} articles/s); {total} articles in {path}",
            highlight=False,
        )
        if recent is not None:
            for r in recent.itertuples(index=False):
                err.print(f"  [red]failed[/red] {r.input}: {r.error_type}: {r.reason}", highlight=False)
        if stats.failed:
            raise typer.Exit(EXIT_PARTIAL if stats.stored + stats.skipped else EXIT_INPUT)
        raise typer.Exit(EXIT_OK)

    @app.command()
    @guarded
    def events(
        db: DbOpt = None,
        actor: Annotated[
            str | None, typer.Option(help="Actor id as source or target (USA also matches USA.MIL).")
        ] = None,
        country: Annotated[str | None, typer.Option(help="ISO3 country of an actor or of the place.")] = None,
        type: Annotated[
            str | None, typer.Option("--type", "-t", help="PLOVER type or CAMEO code prefix.")
        ] = None,
        modality: Annotated[str | None, typer.Option(help="asserted, intended, alleged, negated ...")] = None,
        place: Annotated[str | None, typer.Option(help="Place id, name or ISO3 country.")] = None,
        start: Annotated[str | None, typer.Option("--from", help="First day YYYY-MM-DD.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Last day YYYY-MM-DD.")] = None,
        outlet: Annotated[str | None, typer.Option(help="Outlet name or host (SQL ILIKE pattern).")] = None,
        cluster: Annotated[str | None, typer.Option(help="Only the events of this cluster id.")] = None,
        limit: LimitOpt = 100,
        format: FormatOpt = OutFormat.table,
    ) -> None:
        """Events in the corpus, newest first, filtered."""
        _check_day(start, "--from")
        _check_day(end, "--to")
        with _open_read(db) as store:
            df = store.events(
                actor=actor,
                country=country,
                type=type,
                modality=modality,
                place=place,
                start=start,
                end=end,
                outlet=outlet,
                cluster=cluster,
                limit=limit,
            )
        cols = (
            [
                "day",
                "plover",
                "cameo",
                "modality",
                "source",
                "target",
                "place_name",
                "outlet",
                "evidence",
                "cluster_id",
            ]
            if format is OutFormat.table
            else list(df.columns)
        )
        emit(df[cols], format, "events")

    @app.command()
    @guarded
    def actors(
        db: DbOpt = None,
        top: Annotated[int, typer.Option(help="How many actors (0: all).")] = 30,
        country: Annotated[str | None, typer.Option(help="ISO3 country.")] = None,
        sector: Annotated[str | None, typer.Option(help="Sector code, e.g. MIL.")] = None,
        neighbours: Annotated[
            str | None,
            typer.Option("--neighbours", help="List the actors linked to this actor id by events instead."),
        ] = None,
        format: FormatOpt = OutFormat.table,
    ) -> None:
        """Top actors by articles naming them, or one actor's network neighbours."""
        with _open_read(db) as store:
            if neighbours:
                emit(store.neighbours(neighbours, limit=top), format, f"neighbours of {neighbours}")
            else:
                emit(store.actors(top=top, country=country, sector=sector), format, "actors")

    @app.command()
    @guarded
    def quotes(
        db: DbOpt = None,
        speaker: Annotated[str | None, typer.Option(help="Speaker actor id or part of the name.")] = None,
        outlet: Annotated[str | None, typer.Option(help="Outlet name or host (ILIKE pattern).")] = None,
        text: Annotated[str | None, typer.Option(help="Words in the quote.")] = None,
        limit: LimitOpt = 100,
        format: FormatOpt = OutFormat.table,
    ) -> None:
        """Quotes with their speakers and outlets."""
        with _open_read(db) as store:
            emit(store.quotes(speaker=speaker, outlet=outlet, text=text, limit=limit), format, "quotes")

    @app.command()
    @guarded
    def series(
        db: DbOpt = None,
        holder: Annotated[str | None, typer.Option(help="Holder actor id (USA matches USA.MIL).")] = None,
        unit: Annotated[str | None, typer.Option(help="Unit, e.g. troops.")] = None,
        place: Annotated[str | None, typer.Option(help="Place id, name or ISO3 country.")] = None,
        start: Annotated[str | None, typer.Option("--from", help="First day YYYY-MM-DD.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Last day YYYY-MM-DD.")] = None,
        window: Annotated[int, typer.Option(min=0, help="Days either side for disagreement.")] = 7,
        format: FormatOpt = OutFormat.table,
    ) -> None:
        """Numeric claims over time (e.g. --holder USA --unit troops --place Syria), with sources and
        disagreements."""
        _check_day(start, "--from")
        _check_day(end, "--to")
        with _open_read(db) as store:
            df = store.series(holder=holder, unit=unit, place=place, start=start, end=end, window_days=window)
        cols = (
            [
                "day",
                "value",
                "unit",
                "holder",
                "place_name",
                "approximate",
                "hedged",
                "outlet",
                "n_values",
                "disagreement",
                "evidence",
            ]
            if format is OutFormat.table
            else list(df.columns)
        )
        emit(df[cols], format, "series")

    @app.command()
    @guarded
    def clusters(
        db: DbOpt = None,
        actor: Annotated[str | None, typer.Option(help="Source or target actor id.")] = None,
        type: Annotated[str | None, typer.Option("--type", "-t", help="PLOVER type.")] = None,
        min_articles: Annotated[
            int, typer.Option(min=1, help="Reported by at least this many articles.")
        ] = 1,
        start: Annotated[str | None, typer.Option("--from", help="First day YYYY-MM-DD.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Last day YYYY-MM-DD.")] = None,
        limit: LimitOpt = 100,
        format: FormatOpt = OutFormat.table,
    ) -> None:
        """Event clusters: the same event across articles, with counts of mentions, articles, outlets."""
        _check_day(start, "--from")
        _check_day(end, "--to")
        with _open_read(db) as store:
            emit(
                store.clusters(
                    actor=actor, type=type, min_articles=min_articles, start=start, end=end, limit=limit
                ),
                format,
                "clusters",
            )

    @app.command()
    @guarded
    def sql(
        query: Annotated[str, typer.Argument(help="One SELECT statement.")],
        db: DbOpt = None,
        format: FormatOpt = OutFormat.table,
    ) -> None:
        """Run a read-only SQL query on the corpus (tables: see docs/store.md). Writes are refused."""
        with _open_read(db) as store:
            emit(store.sql(query), format)

    @app.command("export")
    @guarded
    def export_cmd(
        format: Annotated[
            ExportFormat,
            typer.Argument(help="jsonl, csv, parquet (a folder), gdelt, plover, graphml or geojson."),
        ],
        dest: Annotated[Path, typer.Argument(help="Output file (a folder for parquet).")],
        db: DbOpt = None,
        table: Annotated[str, typer.Option(help="Table for csv.")] = "events",
        header: Annotated[bool, typer.Option(help="Header line in the gdelt TSV.")] = False,
    ) -> None:
        """Export the corpus (see docs/store.md for every format and the GDELT column mapping)."""
        from ..export import export

        with _open_read(db) as store:
            result = export(store, format.value, dest, table=table, header=header)
        stderr().print(f"wrote {dest} ({format.value}): {result}", highlight=False)

    @app.command()
    @guarded
    def migrate(db: DbOpt = None) -> None:
        """Bring a corpus written by an older newsgraph to the current schema version."""
        if not _db(db).is_file():
            raise StoreError("no database at this path", input=str(_db(db)), hint="check --db")
        with Store(_db(db), migrate=True) as store:
            version = store.schema_version()
        stderr().print(f"{_db(db)}: schema version {version}", highlight=False)


def _check_day(value: str | None, option: str) -> None:
    if value is None:
        return
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            f"'{value}' is not a date", input=option, hint="use YYYY-MM-DD, e.g. 2017-12-06"
        ) from None
