"""The corpus store: resumable ingest into DuckDB, event clusters, queries and exports.

``Store(path)`` opens (or creates) a corpus; :func:`ingest` streams articles into it. See
docs/store.md for the schema, the cluster rule and the queries.
"""

from __future__ import annotations

from .db import DB_ENV, DEFAULT_DB, Store, default_db_path
from .schema import STORE_SCHEMA_VERSION

__all__ = ["DB_ENV", "DEFAULT_DB", "STORE_SCHEMA_VERSION", "Store", "default_db_path"]
