"""Exports of a corpus store: JSONL, CSV, Parquet, GDELT 2.0 TSV, PLOVER JSON, GraphML, GeoJSON."""

from __future__ import annotations

import os
from typing import Any

from ..errors import InvalidValueError
from ..store import Store
from .gdelt import GDELT_COLUMNS, write_gdelt
from .graph import geojson, write_geojson, write_graphml
from .plover import plover_records, write_plover
from .tables import EXPORT_TABLES, read_jsonl, write_csv, write_jsonl, write_parquet

FORMATS: dict[str, str] = {
    "jsonl": "one contract record per article (JSON Lines)",
    "csv": "one table as CSV (--table, default events)",
    "parquet": "every table as Parquet under DEST/<table>/partition_date=YYYY-MM-DD/",
    "gdelt": "GDELT 2.0-style event TSV, one row per event cluster",
    "plover": "PLOVER/POLECAT-style event JSON Lines",
    "graphml": "actor network, edges weighted, cooperation vs conflict",
    "geojson": "located events as GeoJSON points",
}


def export(
    store: Store, fmt: str, dest: str | os.PathLike[str], *, table: str = "events", header: bool = False
) -> Any:
    """Write ``store`` to ``dest`` in ``fmt``; returns what the writer counted."""
    if fmt == "jsonl":
        return write_jsonl(store, dest)
    if fmt == "csv":
        return write_csv(store, dest, table)
    if fmt == "parquet":
        return write_parquet(store, dest)
    if fmt == "gdelt":
        return write_gdelt(store, dest, header=header)
    if fmt == "plover":
        return write_plover(store, dest)
    if fmt == "graphml":
        return write_graphml(store, dest)
    if fmt == "geojson":
        return write_geojson(store, dest)
    raise InvalidValueError(
        f"unknown export format '{fmt}'", input=fmt, hint=f"choose one of {', '.join(FORMATS)}"
    )


__all__ = [
    "EXPORT_TABLES",
    "FORMATS",
    "GDELT_COLUMNS",
    "export",
    "geojson",
    "plover_records",
    "read_jsonl",
    "write_csv",
    "write_gdelt",
    "write_geojson",
    "write_graphml",
    "write_jsonl",
    "write_parquet",
    "write_plover",
]
