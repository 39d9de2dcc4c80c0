"""PLOVER/POLECAT-style event JSON: one JSON object per event record, one per line.

Field names follow the PLOVER data format (event_type, mode, context, actor / recipient with
country and sector, location, event_date, story) with newsgraph's extensions (modality,
alleged_by, provenance, cluster_id, evidence offsets).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from ..errors import StoreNotWritableError
from ..store import Store

_QUERY = """
SELECT e.article_id, e.event_id, e.ord, e.plover, e.mode, e.cameo, e.source, e.target, e.modality,
       e.alleged_by, e.place, e.day, e.date, e.quad_class, e.goldstein, e.evidence, e.evidence_start,
       e.evidence_end, e.cluster_id, e.data, a.title, a.url, a.outlet, a.published, a.language,
       p.name AS p_name, p.country AS p_country, p.lat AS p_lat, p.lon AS p_lon, p.geonameid AS p_gid
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place
ORDER BY e.article_id, e.ord
"""


def _actors(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    df = store.df("SELECT article_id, actor_id, name, country, sector, kind FROM actors")
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for r in df.astype(object).where(df.notna(), None).to_dict("records"):
        out[(r["article_id"], r["actor_id"])] = {
            "id": r["actor_id"],
            "name": r["name"],
            "country": r["country"],
            "sector": r["sector"],
            "kind": r["kind"],
        }
    return out


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """Event records in the PLOVER/POLECAT style."""
    actors = _actors(store)
    df = store.df(_QUERY)
    for r in df.astype(object).where(df.notna(), None).to_dict("records"):
        aid = r["article_id"]
        data = json.loads(r["data"])

        def side(ids: Any, aid: str = aid) -> list[dict[str, Any]]:
            return [
                actors.get((aid, i), {"id": i, "name": None, "country": None, "sector": None, "kind": None})
                for i in list(ids or [])
            ]

        yield {
            "id": f"{aid}-{r['event_id']}",
            "event_type": r["plover"],
            "mode": r["mode"],
            "context": [],
            "event_date": str(r["day"])[:10] if r["day"] is not None else None,
            "date_text": r["date"],
            "actor": side(r["source"]),
            "recipient": side(r["target"]),
            "location": None
            if r["place"] is None
            else {
                "id": r["place"],
                "name": r["p_name"],
                "country": r["p_country"],
                "lat": r["p_lat"],
                "lon": r["p_lon"],
                "geonameid": r["p_gid"],
            },
            "modality": r["modality"],
            "alleged_by": r["alleged_by"],
            "provenance": data.get("provenance", []),
            "cameo": r["cameo"],
            "quad_class": r["quad_class"],
            "goldstein": r["goldstein"],
            "event_text": r["evidence"],
            "evidence": {"start": r["evidence_start"], "end": r["evidence_end"]},
            "cluster_id": r["cluster_id"],
            "story": {
                "id": aid,
                "title": r["title"],
                "url": r["url"],
                "publisher": r["outlet"],
                "publication_date": r["published"],
                "language": r["language"],
            },
        }


def write_plover(store: Store, dest: str | os.PathLike[str]) -> int:
    n = 0
    try:
        with open(dest, "w", encoding="utf-8") as fh:
            for rec in plover_records(store):
                fh.write(json.dumps(rec, ensure_ascii=False, default=str))
                fh.write("\n")
                n += 1
    except OSError as exc:
        raise StoreNotWritableError(f"cannot write the export: {exc.strerror}", input=str(dest)) from None
    return n
