"""The DuckDB corpus store: one file, versioned schema, batched transactional writes."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from .. import resources
from ..errors import (
    SchemaVersionError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreNotWritableError,
)
from ..model import Article, Output, ReadFailure
from . import clusters as _clusters
from .queries import QueryMixin
from .rows import COLUMNS, article_rows, rebuild_output
from .schema import CHILD_TABLES, MIGRATIONS, STORE_SCHEMA_VERSION, TABLES

DB_ENV = "NEWSGRAPH_DB"
DEFAULT_DB = "newsgraph.duckdb"
#: DuckDB's buffer limit: keeps the store's memory flat on long runs (larger work spills to disk).
DEFAULT_MEMORY_LIMIT = "512MB"

#: Settings that confine a connection to its database file: no other file, no URL, no extension
#: installed or loaded, no scan of Python variables, and the configuration locked so a query
#: cannot turn them back on. Every connection a user query reaches has them.
SANDBOX: dict[str, str | bool] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "python_enable_replacements": False,
    "lock_configuration": True,
}

LOCK_HINT = (
    "DuckDB lets one process write a database or several read it, never both at once: while an "
    "ingest writes, no reader can open the file, and while a reader has it open, no ingest can "
    "start. Wait for the other process to finish (or stop it), or query a copy of the file"
)

_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


def data_versions() -> str | None:
    """The versions of the data files that code events, as JSON, from
    ``newsgraph.resources.data_versions()``; None while that function does not exist."""
    fn = getattr(resources, "data_versions", None)
    if not callable(fn):
        return None
    return json.dumps(fn(), sort_keys=True, ensure_ascii=False, default=str)


def default_db_path() -> Path:
    """``$NEWSGRAPH_DB`` if set, else ``./newsgraph.duckdb``."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def _is_disk_full(msg: str) -> bool:
    m = msg.lower()
    return any(s in m for s in ("no space left", "file too large", "disk full", "enospc", "quota"))


def translate(exc: BaseException, path: str) -> StoreError:
    """A DuckDB/OS error as the matching :class:`StoreError`."""
    msg = str(exc)
    low = msg.lower()
    if "lock" in low and ("conflicting" in low or "could not set lock" in low):
        pid = re.search(r"\(PID (\d+)\)", msg)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreLockedError(f"the database is locked by another process{holder}", input=path, hint=LOCK_HINT)
    if "disabled by configuration" in low:
        return StoreNotWritableError(
            "this store is sandboxed for queries: it reads and writes no other file",
            input=path,
            hint="open a fresh Store(path) or Store(path, read_only=True) (no user query on it) to export",
        )
    if _is_disk_full(msg):
        return StoreNotWritableError(
            f"disk full while writing: {msg.splitlines()[0]}",
            input=path,
            hint="free space or use another --db; data committed before this batch is intact, "
            "re-run the same command to finish",
        )
    if (
        "not a valid duckdb database" in low
        or "corrupt" in low
        or "invalid magic" in low
        or "checksum" in low
        or "serializ" in low
        or "could not read enough bytes" in low
    ):
        return StoreCorruptError(f"cannot read the database: {msg.splitlines()[0]}", input=path)
    if (
        "permission denied" in low
        or "read-only" in low
        or "read only" in low
        or "cannot open file" in low
        or "no such file" in low
        or "is a directory" in low
    ):
        return StoreNotWritableError(f"cannot open the database: {msg.splitlines()[0]}", input=path)
    return StoreError(f"database error: {msg.splitlines()[0] if msg else type(exc).__name__}", input=path)


class Store(QueryMixin):
    """A newsgraph corpus in one DuckDB file.

    ``Store(path)`` creates the file and tables if needed; ``read_only=True`` opens an existing
    database for queries; :meth:`open_readonly` opens it read-only *and* sandboxed (the mode for
    servers). A database of another schema version raises
    :class:`~newsgraph.errors.SchemaVersionError` unless ``migrate=True``. DuckDB allows one
    writing process per file, or several reading ones: while ``ingest`` runs, other processes
    get StoreLockedError (its message names the holder's PID; see :data:`LOCK_HINT`).

    ``sandbox=True`` confines the connection to the database file from the start (:data:`SANDBOX`;
    exports, which write other files, then fail). Without it, the first user query
    (:meth:`sql`, :meth:`sql_relation`) sandboxes the connection for the rest of its life.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        migrate: bool = False,
        cluster_window_days: int = 3,
        memory_limit: str = DEFAULT_MEMORY_LIMIT,
        sandbox: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        self.cluster_window_days = cluster_window_days
        self.sandboxed = sandbox
        self._types: dict[str, dict[str, pa.DataType]] = {}
        self._data_versions: str | None = None
        where = str(self.path)
        self._precheck(where)
        config: dict[str, str | bool | int | float | list[str]] = {"memory_limit": memory_limit, "preserve_insertion_order": False}
        if sandbox:
            config.update(SANDBOX)
        try:
            self.con = duckdb.connect(where, read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise translate(exc, where) from None
        try:
            self._init_schema(migrate)
        except duckdb.Error as exc:
            self.con.close()
            raise translate(exc, where) from None
        except BaseException:
            self.con.close()
            raise

    @classmethod
    def open_readonly(
        cls, path: str | os.PathLike[str] | None = None, *, wait_s: float = 0.0, poll_s: float = 0.2
    ) -> Store:
        """Open an existing corpus read-only and sandboxed, for queries from untrusted callers.

        Several processes may hold such a store open together. While a process writes the file
        (an ingest), DuckDB lets no reader in: this retries for ``wait_s`` seconds, then raises
        :class:`~newsgraph.errors.StoreLockedError` naming the writer's PID and explaining the
        lock. Exports (which write other files) are refused on a sandboxed store.
        """
        deadline = time.monotonic() + max(0.0, wait_s)
        while True:
            try:
                return cls(path, read_only=True, sandbox=True)
            except StoreLockedError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(poll_s)

    def sandbox(self) -> None:
        """Confine this connection to its database file for the rest of its life (:data:`SANDBOX`).

        Called before every user query. DuckDB settings are per database instance: other Store
        objects of this process open on the same file at the same time are confined too.
        """
        if self.sandboxed:
            return
        try:
            for key, value in SANDBOX.items():
                self.con.execute(f"SET {key} = {str(value).lower()}")
        except duckdb.Error as exc:
            if "locked" not in str(exc).lower():  # locked: another Store of this instance did it
                raise translate(exc, str(self.path)) from None
        row = self.con.execute("SELECT current_setting('enable_external_access')").fetchall()
        if not row or row[0][0] is not False:
            raise StoreError("could not confine the connection to the database file", input=str(self.path))
        self.sandboxed = True

    # -- opening -----------------------------------------------------------------------------
    def _precheck(self, where: str) -> None:
        p = self.path
        if p.is_dir():
            raise StoreNotWritableError(
                "the database path is a directory",
                input=where,
                hint="give a file path with --db, e.g. corpus.duckdb",
            )
        if self.read_only:
            if not p.is_file():
                raise StoreError(
                    "no database at this path",
                    input=where,
                    hint="run `newsgraph ingest ... --db PATH` first, or check --db",
                )
            return
        parent = p.parent if str(p.parent) else Path(".")
        if not parent.is_dir():
            raise StoreNotWritableError(
                "the folder of the database does not exist",
                input=where,
                hint="create the folder or choose another --db",
            )
        if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
            raise StoreNotWritableError("the database path is not writable", input=where)

    def _tables(self) -> set[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
        return {r[0] for r in rows}

    def schema_version(self) -> int | None:
        if "meta" not in self._tables():
            return None
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        return int(row[0][0]) if row else None

    def _init_schema(self, migrate: bool) -> None:
        where = str(self.path)
        try:
            tables = self._tables()
        except duckdb.Error as exc:
            raise translate(exc, where) from None
        if not tables:
            if self.read_only:
                raise StoreCorruptError("the database has no newsgraph tables", input=where)
            self._create()
            return
        if "meta" not in tables or "articles" not in tables:
            raise StoreCorruptError("not a newsgraph database (no meta/articles tables)", input=where)
        version = self.schema_version()
        if version == STORE_SCHEMA_VERSION:
            self._load_types()
            return
        if version is None or version > STORE_SCHEMA_VERSION or not migrate:
            raise SchemaVersionError(
                f"the database has schema version {version}; this newsgraph uses {STORE_SCHEMA_VERSION}",
                input=where,
                hint="run `newsgraph migrate --db PATH`"
                if version is not None and version < STORE_SCHEMA_VERSION
                else "use the newsgraph version that wrote it",
            )
        if self.read_only:
            raise SchemaVersionError("cannot migrate a database opened read-only", input=where)
        self.migrate()

    def _create(self) -> None:
        try:
            self.con.execute("BEGIN")
            for ddl in TABLES.values():
                self.con.execute(ddl)
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?), ('created', ?)",
                [str(STORE_SCHEMA_VERSION), datetime.now(UTC).isoformat()],
            )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise translate(exc, str(self.path)) from None
        self._load_types()

    def migrate(self) -> list[int]:
        """Apply the migrations from the stored version to the current one; the versions applied."""
        version = self.schema_version()
        if version is None:
            raise StoreCorruptError("no schema version recorded", input=str(self.path))
        done: list[int] = []
        try:
            self.con.execute("BEGIN")
            while version < STORE_SCHEMA_VERSION:
                steps = MIGRATIONS.get(version)
                if steps is None:
                    raise SchemaVersionError(
                        f"no migration from schema version {version}", input=str(self.path)
                    )
                for sql in steps:
                    self.con.execute(sql)
                done.append(version)
                version += 1
            for ddl in TABLES.values():
                self.con.execute(ddl)
            self.con.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(STORE_SCHEMA_VERSION)]
            )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise translate(exc, str(self.path)) from None
        except BaseException:
            self._rollback()
            raise
        self._load_types()
        if done:
            self.recluster()
        return done

    def _load_types(self) -> None:
        for table in COLUMNS:
            rows = self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name = ?",
                [table],
            ).fetchall()
            self._types[table] = {name: _ARROW.get(typ, pa.string()) for name, typ in rows}

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def close(self) -> None:
        try:
            self.con.close()
        except duckdb.Error:
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------
    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """The ids among ``ids`` that are already stored."""
        if not ids:
            return set()
        try:
            rows = self.con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
            ).fetchall()
        except duckdb.Error as exc:
            raise translate(exc, str(self.path)) from None
        return {r[0] for r in rows}

    def _insert(self, table: str, cols: dict[str, list[Any]]) -> None:
        n = len(next(iter(cols.values())))
        if n == 0:
            return
        types = self._types[table]
        arrays = [pa.array(v, type=types.get(k, pa.string())) for k, v in cols.items()]
        batch = pa.Table.from_arrays(arrays, names=list(cols))
        names = ", ".join(f'"{c}"' for c in cols)
        self.con.register("_ng_batch", batch)
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _ng_batch")
        finally:
            self.con.unregister("_ng_batch")

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """``BEGIN`` ... ``COMMIT`` around the body. On any error the transaction is rolled back
        (data committed before is intact) and DuckDB/OS errors become :class:`StoreError`."""
        where = str(self.path)
        if self.read_only:
            raise StoreNotWritableError("the store is open read-only", input=where)
        try:
            self.con.execute("BEGIN")
            yield self.con
            self.con.execute("COMMIT")
        except (duckdb.Error, OSError) as exc:
            self._rollback()
            raise translate(exc, where) from None
        except BaseException:
            self._rollback()
            raise

    def mark_inflight(self, articles: Sequence[Article], *, alone: bool = False) -> None:
        """Record (committed) that these articles are about to be extracted (``alone``: on their own).

        See :mod:`newsgraph.store.crashes` for what a later run makes of marks left behind.
        """
        if not articles:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        with self.transaction() as con:
            for a in articles:
                con.execute(
                    "INSERT INTO inflight (id, input, attempts, started, state, alone, deaths, interrupts) "
                    "VALUES (?, ?, 1, ?, 'running', ?, 0, 0) ON CONFLICT (id) DO UPDATE "
                    "SET attempts = inflight.attempts + 1, started = excluded.started, "
                    "state = 'running', alone = excluded.alone, elapsed_s = NULL",
                    [a.ensure_id(), a.input, now, alone],
                )

    def write(
        self, articles: Sequence[Article], failures: Sequence[ReadFailure] = (), settled: Sequence[str] = ()
    ) -> int:
        """Store extracted articles and failures in one transaction; the number of articles added.

        Articles whose id is already stored (or repeated in the batch) are skipped, so a write is
        idempotent. In-flight marks of the articles and of ``settled`` ids are cleared. The data
        versions (:func:`data_versions`) are recorded in ``meta``. On any error the transaction
        is rolled back and a StoreError raised: data committed by earlier writes is intact.
        """
        known = self.known_ids([a.ensure_id() for a in articles])
        seen: set[str] = set()
        fresh: list[Article] = []
        for a in articles:
            if a.id in known or a.id in seen:
                continue
            seen.add(a.id)
            fresh.append(a)
        rows = article_rows(fresh)
        versions = data_versions() if fresh else None
        with self.transaction() as con:
            for table, cols in rows.items():
                self._insert(table, cols)
            self._write_failures(failures)
            done = sorted({*settled, *(a.id for a in articles)})
            if done:
                con.execute("DELETE FROM inflight WHERE id IN (SELECT unnest(?::VARCHAR[]))", [done])
            if fresh:
                _clusters.update(con, [a.id for a in fresh], self.cluster_window_days)
            if versions is not None and versions != self._data_versions:
                con.execute(
                    "INSERT INTO meta VALUES ('data_versions', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [versions],
                )
        if versions is not None:
            self._data_versions = versions
        return len(fresh)

    def _write_failures(self, failures: Sequence[ReadFailure]) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        for f in failures:
            key = hashlib.sha1(f"{f.input}\x00{f.error_type}\x00{f.reason}".encode()).hexdigest()[:16]
            self.con.execute(
                "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (key) DO UPDATE "
                "SET last_seen = excluded.last_seen, attempts = failures.attempts + 1",
                [key, f.input, f.reason, f.error_type, f.hint, now, now],
            )

    def meta(self) -> dict[str, str]:
        """The ``meta`` table: schema_version, created, data_versions (JSON) ..."""
        try:
            return {k: v for k, v in self.con.execute("SELECT key, value FROM meta").fetchall()}
        except duckdb.Error as exc:
            raise translate(exc, str(self.path)) from None

    def recluster(self) -> None:
        """Rebuild every event cluster (after a migration or a change of the window)."""
        try:
            self.con.execute("BEGIN")
            _clusters.rebuild(self.con, self.cluster_window_days)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise translate(exc, str(self.path)) from None

    # -- reading -----------------------------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        if table not in TABLES:
            raise StoreError(f"no table '{table}'", input=table, hint=f"one of {', '.join(TABLES)}")
        try:
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()
        except duckdb.Error as exc:
            raise translate(exc, str(self.path)) from None
        return int(row[0][0]) if row else 0

    def df(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """A trusted internal query as a DataFrame (use :meth:`sql` for user queries)."""
        try:
            return self.con.execute(sql, list(params or [])).df()
        except duckdb.Error as exc:
            raise translate(exc, str(self.path)) from None

    def relation(self, table: str) -> duckdb.DuckDBPyRelation:
        """A lazy DuckDB relation over one table (filter/aggregate/``.df()`` it)."""
        if table not in TABLES:
            raise StoreError(f"no table '{table}'", input=table, hint=f"one of {', '.join(TABLES)}")
        return self.con.table(table)

    def outputs(self, ids: Sequence[str] | None = None, *, chunk: int = 200) -> Iterator[Output]:
        """Stored articles in the contract form, ordered by id (all, or those of ``ids``)."""
        try:
            if ids is None:
                all_ids = [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
            else:
                all_ids = list(ids)
            for i in range(0, len(all_ids), chunk):
                part = all_ids[i : i + chunk]
                yield from self._outputs_of(part)
        except duckdb.Error as exc:
            raise translate(exc, str(self.path)) from None

    def _outputs_of(self, part: list[str]) -> list[Output]:
        arts = self.con.execute(
            "SELECT * FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [part]
        ).df()
        by_id = {r["id"]: r for r in _records(arts)}
        children: dict[str, dict[str, list[dict[str, Any]]]] = {a: {} for a in part}
        for table in CHILD_TABLES:
            order = "article_id, entity, ref, ord" if table == "mentions" else "article_id, ord"
            df = self.con.execute(
                f"SELECT * FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY {order}",
                [part],
            ).df()
            for r in _records(df):
                children.setdefault(r["article_id"], {}).setdefault(table, []).append(r)
        return [rebuild_output(by_id[aid], children.get(aid, {})) for aid in part if aid in by_id]


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as dicts with NaN/NaT turned into None."""
    out = df.astype(object).where(df.notna(), None).to_dict("records")
    return [{str(k): v for k, v in r.items()} for r in out]
