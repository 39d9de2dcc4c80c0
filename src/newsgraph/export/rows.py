"""Rows of a store query as plain Python values, for the exporters.

DuckDB's own Python values are used (lists for ``VARCHAR[]`` columns, ``None`` for NULL,
``datetime.date`` for dates), never a DataFrame: a DataFrame turns lists into numpy arrays
(whose truth value is an error) and NULL numbers into NaN.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

from ..store import Store
from ..store.db import translate

#: Rows fetched from DuckDB at a time.
FETCH_ROWS = 2000


def iter_rows(store: Store, sql: str, params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
    """Each row of a trusted internal query as a dict, streamed."""
    try:
        cur = store.con.cursor()
    except duckdb.Error as exc:
        raise translate(exc, str(store.path)) from None
    try:
        cur.execute(sql, list(params or []))
        names = [d[0] for d in cur.description or []]
        while chunk := cur.fetchmany(FETCH_ROWS):
            for row in chunk:
                yield dict(zip(names, row, strict=True))
    except duckdb.Error as exc:
        raise translate(exc, str(store.path)) from None
    finally:
        cur.close()


def fetch_rows(store: Store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Every row of a trusted internal query as a dict."""
    return list(iter_rows(store, sql, params))


def as_list(value: Any) -> list[Any]:
    """A list column's value as a list (NULL -> []); accepts numpy arrays and tuples too."""
    if value is None:
        return []
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]
