"""Read-only access to a corpus file for the web app: one short connection per request.

DuckDB lets one process write a database file and holds an exclusive lock on it while it does;
read-only opens take a shared lock. So while ``newsgraph ingest`` writes, no reader can open the
file, and while a reader holds it open, an ingest cannot start. The web app therefore never
keeps the file open: every request opens it read-only, runs its queries and closes it. Readers
(several servers, CLI queries) coexist; an ingest can start between requests; a request made
while an ingest holds the lock gets :class:`~newsgraph.errors.StoreLockedError` (HTTP 503).

Connections are hardened: no access to other files or the network (``enable_external_access``
off, no extension autoloading), and every query runs under a time limit (the connection is
interrupted when it expires).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from ..errors import SchemaVersionError, StoreCorruptError, StoreError, StoreLockedError
from ..store.schema import STORE_SCHEMA_VERSION

#: DuckDB settings of every web connection: read the corpus file and nothing else.
HARDENED: dict[str, str | bool | int] = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "memory_limit": "512MB",
    "threads": 2,
}

LOCK_HINT = (
    "an ingest (or another writer) holds the database; DuckDB allows no reader while a process "
    "writes. Retry when it finishes, or serve a copy of the file"
)


class QueryTimeoutError(StoreError):
    """A query ran longer than the per-query limit and was interrupted."""

    default_hint = "narrow the filters (dates, actor, type) or lower the page size"


def translate(exc: duckdb.Error | OSError, path: str) -> StoreError:
    """A DuckDB error met while opening or reading as the matching StoreError."""
    msg = str(exc)
    low = msg.lower()
    first = msg.splitlines()[0] if msg else type(exc).__name__
    if "lock" in low and ("conflicting" in low or "could not set lock" in low):
        return StoreLockedError("the database is locked by a writing process", input=path, hint=LOCK_HINT)
    if isinstance(exc, duckdb.InterruptException) or "interrupt" in low:
        return QueryTimeoutError("the query ran past the time limit and was stopped", input=path)
    if "not a valid duckdb database" in low or "corrupt" in low or "invalid magic" in low:
        return StoreCorruptError(f"cannot read the database: {first}", input=path)
    return StoreError(f"database error: {first}", input=path)


def jsonable(value: Any) -> Any:
    """A DuckDB cell as a JSON value (dates as ISO strings, decimals as floats)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


@dataclass(frozen=True)
class Reader:
    """One open read-only connection; queries are parameterised and time-limited."""

    con: duckdb.DuckDBPyConnection
    path: str
    timeout_s: float

    def rows(self, sql: str, params: Sequence[Any] = (), *, json_cols: Sequence[str] = ()) -> list[dict[str, Any]]:
        """Rows as dicts of JSON values; ``json_cols`` hold JSON text that is parsed."""
        timer = threading.Timer(self.timeout_s, self.con.interrupt)
        timer.start()
        try:
            cur = self.con.execute(sql, list(params))
            names = [d[0] for d in cur.description or []]
            raw = cur.fetchall()
        except duckdb.Error as exc:
            raise translate(exc, self.path) from None
        finally:
            timer.cancel()
        out = []
        for r in raw:
            rec = {n: jsonable(v) for n, v in zip(names, r)}
            for c in json_cols:
                if isinstance(rec.get(c), str):
                    rec[c] = json.loads(rec[c])
            out.append(rec)
        return out

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return next(iter(row.values())) if row else None


@dataclass(frozen=True)
class Corpus:
    """The corpus file a server reads; :meth:`read` opens it for one request."""

    path: Path
    timeout_s: float = 10.0

    def check(self) -> int:
        """Open once to check the file is a newsgraph corpus of this version; its article count."""
        with self.read() as r:
            return int(r.scalar("SELECT count(*) AS n FROM articles") or 0)

    @contextmanager
    def read(self) -> Iterator[Reader]:
        where = str(self.path)
        if not self.path.is_file():
            raise StoreError(
                "no database at this path",
                input=where,
                hint="run `newsgraph ingest ... --db PATH` first, or check --db",
            )
        try:
            con = duckdb.connect(where, read_only=True, config=dict(HARDENED))
        except (duckdb.Error, OSError) as exc:
            raise translate(exc, where) from None
        try:
            reader = Reader(con, where, self.timeout_s)
            version = _schema_version(reader)
            if version != STORE_SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"the database has schema version {version}; this newsgraph reads {STORE_SCHEMA_VERSION}",
                    input=where,
                    hint="run `newsgraph migrate --db PATH` (stop the server first)",
                )
            yield reader
        finally:
            con.close()


def _schema_version(reader: Reader) -> int | None:
    tables = {
        r["table_name"]
        for r in reader.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
    }
    if "meta" not in tables or "articles" not in tables:
        raise StoreCorruptError("not a newsgraph database (no meta/articles tables)", input=reader.path)
    value = reader.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
    return int(value) if value is not None else None
