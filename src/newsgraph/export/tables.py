"""Table exports: JSON Lines (the contract records), CSV and Parquet (partitioned by date)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InvalidValueError
from ..model import Output
from ..store import Store
from ..store.db import translate
from ..store.schema import CHILD_TABLES
from .atomic import PARTITION_PREFIX, atomic_file, atomic_folder

#: Tables that CSV/Parquet can export, and the day each row is filed under.
EXPORT_TABLES = ("articles", *CHILD_TABLES, "clusters", "failures")
#: The Hive partition column of the Parquet export (also a column of the CSV export).
PARTITION_COLUMN = PARTITION_PREFIX.rstrip("=")


def _quote_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _select(store: Store, table: str, *, flat: bool) -> str:
    """SELECT of a table with a ``partition_date`` column (YYYY-MM-DD or 'unknown'); lists joined by ';'
    when ``flat`` (CSV); the internal ``data`` JSON column left out."""
    cols = store.con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' "
        "AND table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    parts = []
    for name, typ in cols:
        if name == "data":
            continue
        q = f't."{name}"'
        parts.append(f"array_to_string({q}, ';') AS \"{name}\"" if flat and typ.endswith("[]") else q)
    if table == "articles":
        day, join = "t.published_day", ""
    elif table in ("events", "quantities"):
        day, join = "coalesce(t.day, a.published_day)", "LEFT JOIN articles a ON a.id = t.article_id"
    elif table == "clusters":
        day, join = "t.first_day", ""
    elif table == "failures":
        day, join = "CAST(t.first_seen AS DATE)", ""
    else:
        day, join = "a.published_day", "LEFT JOIN articles a ON a.id = t.article_id"
    order = {"articles": "t.id", "clusters": "t.cluster_id", "failures": "t.key"}.get(
        table, 't.article_id, t."ord"'
    )
    return (
        f"SELECT {', '.join(parts)}, coalesce(strftime({day}, '%Y-%m-%d'), 'unknown') AS {PARTITION_COLUMN} "
        f"FROM {table} t {join} ORDER BY {order}"
    )


def write_jsonl(store: Store, dest: str | os.PathLike[str]) -> int:
    """Every stored article as one contract record (``Output``) per line; the number written."""
    n = 0
    with atomic_file(dest) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        for out in store.outputs():
            fh.write(out.model_dump_json())
            fh.write("\n")
            n += 1
    return n


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[Output]:
    """Contract records back from a JSON Lines export."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Output.model_validate_json(line)


def write_csv(store: Store, dest: str | os.PathLike[str], table: str = "events") -> int:
    """One table as CSV with a header (list columns joined by ';'); the number of rows."""
    _check_table(table)
    with atomic_file(dest) as tmp:
        try:
            store.con.execute(
                f"COPY ({_select(store, table, flat=True)}) TO {_quote_path(tmp)} (FORMAT CSV, HEADER)"
            )
        except Exception as exc:  # duckdb.Error
            raise translate(exc, str(dest)) from None
    return store.count(table)


def write_parquet(
    store: Store, dest: str | os.PathLike[str], tables: tuple[str, ...] = EXPORT_TABLES
) -> dict[str, int]:
    """Each table as Parquet under ``dest/<table>/partition_date=YYYY-MM-DD/`` (Hive partitions).

    The export *replaces* ``dest`` when it is an empty folder or an earlier Parquet export
    (no stale partition survives); any other existing path is refused with
    :class:`~newsgraph.errors.StoreNotWritableError`. A failed export leaves ``dest`` as it was.
    """
    for table in tables:
        _check_table(table)
    counts: dict[str, int] = {}
    with atomic_folder(dest, EXPORT_TABLES) as root:
        for table in tables:
            n = store.count(table)
            counts[table] = n
            if n == 0:
                continue
            try:
                store.con.execute(
                    f"COPY ({_select(store, table, flat=False)}) TO {_quote_path(root / table)} "
                    "(FORMAT PARQUET, PARTITION_BY (partition_date))"
                )
            except Exception as exc:  # duckdb.Error
                raise translate(exc, str(dest)) from None
    return counts


def _check_table(table: str) -> None:
    if table not in EXPORT_TABLES:
        raise InvalidValueError(
            f"no table '{table}'", input=table, hint=f"choose one of {', '.join(EXPORT_TABLES)}"
        )
