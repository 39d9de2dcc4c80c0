"""PLOVER event records as JSON Lines, field for field as the PLOVER manual's "Data Fields"
chapter names them (codebook v0.8, Open Event Data Alliance).

One record per event: ``id``, ``date``, ``actor`` and ``recipient`` (lists of entity objects:
``code``, ``sector``, ``entity_text``, ``identifier_id``, ``identifier_text``, ``office``),
``event`` (a list of event categories), ``event_loc`` (a location object), ``event_text`` (a
list), ``quad_code``, ``event_scale``, ``mode`` and ``context`` (lists), ``link``, ``text``,
``text_info``, ``cite_info``, ``coder``. newsgraph's own fields keep their own names:
``cameo``, ``modality``, ``alleged_by``, ``hedged``, ``provenance``, ``confidence``,
``date_text``, ``article_id`` (and ``kind``/``country`` inside entity objects). See
docs/store.md for the mapping.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from .. import __version__
from ..store import Store
from .atomic import atomic_file
from .rows import as_list, iter_rows

CODER = f"newsgraph {__version__}"
CODEBOOK = "plover-0.8"

_QUERY = """
SELECT e.article_id, e.event_id, e.plover, e.mode, e.cameo, e.source, e.target, e.modality,
       e.alleged_by, e.place, e.day, e.date, e.quad_class, e.goldstein, e.hedged, e.sentence,
       e.evidence, e.evidence_start, e.evidence_end, e.cluster_id, e.data,
       a.title, a.url, a.outlet, a.language,
       p.name AS p_name, p.country AS p_country, p.lat AS p_lat, p.lon AS p_lon, p.geonameid AS p_gid,
       p.feature AS p_feature, p.ord AS p_ord
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place
ORDER BY e.article_id, e.ord
"""

_ACTORS = "SELECT article_id, ord, actor_id, name, country, sector, kind, role FROM actors"

_MENTIONS = """
SELECT article_id, entity, ref, "start", "end", text FROM mentions ORDER BY article_id, entity, ref, ord
"""

#: PLOVER location ``resolution`` of newsgraph's place features (1 country ... 4 city).
RESOLUTION = {"country": 1, "admin1": 2, "admin2": 3, "city": 4}

Spans = dict[tuple[str, str, str], list[tuple[int, int, str]]]


def _mentions(store: Store) -> Spans:
    """(article, 'actor'|'place', record ord) -> mention spans."""
    out: Spans = {}
    for r in iter_rows(store, _MENTIONS):
        out.setdefault((r["article_id"], r["entity"], str(r["ref"])), []).append(
            (r["start"], r["end"], r["text"])
        )
    return out


def _text_in(spans: list[tuple[int, int, str]], start: int | None, end: int | None) -> str | None:
    """The first mention inside the event's evidence, else None."""
    if start is None or end is None:
        return None
    return next((t for s, e, t in spans if s >= start and e <= end), None)


def _actors(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["article_id"], r["actor_id"]): r for r in iter_rows(store, _ACTORS)}


def entity(actor: dict[str, Any] | None, actor_id: str, text: str | None) -> dict[str, Any]:
    """A PLOVER entity object: ``code`` is the actor's country (3 letters) or null."""
    a = actor or {}
    return {
        "code": a.get("country"),
        "sector": a.get("sector"),
        "entity_text": text or a.get("name"),
        "identifier_id": actor_id,
        "identifier_text": a.get("name"),
        "office": a.get("role"),
        "kind": a.get("kind"),
    }


def location(r: dict[str, Any], extracted: str | None) -> dict[str, Any] | None:
    """A PLOVER location object for the event's place, or None."""
    if r["place"] is None:
        return None
    return {
        "extracted_place": extracted or r["p_name"],
        "resolved_place": r["p_name"],
        "geonameid": r["p_gid"],
        "lat": r["p_lat"],
        "lon": r["p_lon"],
        "country_code": r["p_country"],
        "resolution": RESOLUTION.get(r["p_feature"] or ""),
        "place_id": r["place"],
    }


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """Event records as the PLOVER manual's Data Fields chapter names them."""
    actors = _actors(store)
    spans = _mentions(store)
    for r in iter_rows(store, _QUERY):
        aid = r["article_id"]
        start, end = r["evidence_start"], r["evidence_end"]
        data = json.loads(r["data"]) if r["data"] else {}

        def side(ids: Any, aid: str = aid, start: int | None = start, end: int | None = end) -> list[dict[str, Any]]:
            out = []
            for i in as_list(ids):
                actor = actors.get((aid, i))
                ref = str(actor["ord"]) if actor else ""
                out.append(entity(actor, i, _text_in(spans.get((aid, "actor", ref), []), start, end)))
            return out

        place_spans = spans.get((aid, "place", str(r["p_ord"])), []) if r["p_ord"] is not None else []
        trigger = (data.get("trigger") or {}).get("text")
        yield {
            "id": f"{aid}-{r['event_id']}",
            "date": r["day"].isoformat() if r["day"] is not None else None,
            "actor": side(r["source"]),
            "recipient": side(r["target"]),
            "event": [r["plover"]] if r["plover"] else [],
            "event_loc": location(r, _text_in(place_spans, start, end)),
            "event_text": [trigger] if trigger else [],
            "quad_code": r["quad_class"],
            "event_scale": r["goldstein"],
            "mode": [r["mode"]] if r["mode"] else [],
            "context": [],
            "link": r["cluster_id"],
            "text": r["evidence"],
            "text_info": {"sequence": r["sentence"], "start": start, "end": end},
            "cite_info": {
                "citation": aid,
                "url": r["url"],
                "title": r["title"],
                "language": r["language"],
                "publication": r["outlet"],
                "coder": CODER,
                "codebook": CODEBOOK,
            },
            "coder": CODER,
            # newsgraph's own fields
            "article_id": aid,
            "cameo": r["cameo"],
            "modality": r["modality"],
            "alleged_by": r["alleged_by"],
            "hedged": r["hedged"],
            "provenance": data.get("provenance", []),
            "confidence": data.get("confidence"),
            "date_text": r["date"],
        }


def write_plover(store: Store, dest: str | os.PathLike[str]) -> int:
    """Every event as one PLOVER record a line; the number written."""
    n = 0
    with atomic_file(dest) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        for rec in plover_records(store):
            fh.write(json.dumps(rec, ensure_ascii=False))
            fh.write("\n")
            n += 1
    return n
