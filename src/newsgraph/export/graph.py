"""Actor network (GraphML) and located events (GeoJSON)."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from typing import Any

from ..store import Store
from .atomic import atomic_file
from .rows import as_list, fetch_rows

_NODES = """
SELECT actor_id, mode(name) AS name, any_value(country) AS country, any_value(sector) AS sector,
       any_value(kind) AS kind, count(DISTINCT article_id) AS n_articles
FROM actors GROUP BY actor_id ORDER BY actor_id
"""

_EDGES = """
WITH pairs AS (
    SELECT s, t, e.quad_class, e.goldstein, e.article_id, e.cluster_id FROM events e,
        (SELECT unnest(e.source) AS s), (SELECT unnest(e.target) AS t)
    WHERE s <> t
)
SELECT s, t, count(*) AS weight, count(DISTINCT article_id) AS n_articles,
       count(DISTINCT cluster_id) AS n_clusters,
       count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
       count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
       avg(goldstein) AS goldstein
FROM pairs GROUP BY s, t ORDER BY s, t
"""

_NODE_KEYS = (
    ("name", "string"),
    ("country", "string"),
    ("sector", "string"),
    ("kind", "string"),
    ("n_articles", "int"),
)
_EDGE_KEYS = (
    ("weight", "int"),
    ("n_articles", "int"),
    ("n_clusters", "int"),
    ("verbal_cooperation", "int"),
    ("material_cooperation", "int"),
    ("verbal_conflict", "int"),
    ("material_conflict", "int"),
    ("cooperation", "int"),
    ("conflict", "int"),
    ("relation", "string"),
    ("goldstein", "double"),
)
NS = "http://graphml.graphdrawing.org/xmlns"


def relation(coop: int, conflict: int) -> str:
    """'cooperation', 'conflict' or 'mixed' (equal counts) by the events' quad classes."""
    if coop > conflict:
        return "cooperation"
    if conflict > coop:
        return "conflict"
    return "mixed"


def write_graphml(store: Store, dest: str | os.PathLike[str]) -> tuple[int, int]:
    """Directed actor network: an edge source -> target per actor pair, weighted by events, with
    counts per quad class and ``relation`` = cooperation (quad 1-2) vs conflict (quad 3-4)."""
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for i, (k, t) in enumerate(_NODE_KEYS):
        ET.SubElement(
            root, f"{{{NS}}}key", id=f"n{i}", attrib={"for": "node", "attr.name": k, "attr.type": t}
        )
    for i, (k, t) in enumerate(_EDGE_KEYS):
        ET.SubElement(
            root, f"{{{NS}}}key", id=f"e{i}", attrib={"for": "edge", "attr.name": k, "attr.type": t}
        )
    graph = ET.SubElement(root, f"{{{NS}}}graph", id="actors", edgedefault="directed")
    nodes = {r["actor_id"]: r for r in fetch_rows(store, _NODES)}
    edges = fetch_rows(store, _EDGES)
    for e in edges:  # actors named only in events still get a node
        for a in (e["s"], e["t"]):
            nodes.setdefault(
                a,
                {"actor_id": a, "name": None, "country": None, "sector": None, "kind": None, "n_articles": 0},
            )
    for aid in sorted(nodes):
        n = nodes[aid]
        el = ET.SubElement(graph, f"{{{NS}}}node", id=aid)
        for i, (k, _t) in enumerate(_NODE_KEYS):
            if n.get(k) is not None:
                ET.SubElement(el, f"{{{NS}}}data", key=f"n{i}").text = str(n[k])
    for j, e in enumerate(edges):
        coop = int(e["verbal_cooperation"]) + int(e["material_cooperation"])
        conf = int(e["verbal_conflict"]) + int(e["material_conflict"])
        vals = dict(e, cooperation=coop, conflict=conf, relation=relation(coop, conf))
        el = ET.SubElement(graph, f"{{{NS}}}edge", id=f"x{j}", source=e["s"], target=e["t"])
        for i, (k, _t) in enumerate(_EDGE_KEYS):
            if vals.get(k) is not None:
                ET.SubElement(el, f"{{{NS}}}data", key=f"e{i}").text = str(vals[k])
    with atomic_file(dest) as tmp:
        ET.ElementTree(root).write(tmp, encoding="utf-8", xml_declaration=True)
    return len(nodes), len(edges)


_GEO = """
SELECT e.article_id, e.event_id, e.plover, e.cameo, e.mode, e.modality, e.source, e.target, e.day,
       e.quad_class, e.goldstein, e.evidence, e.cluster_id, e.place, p.name AS place_name,
       p.country, p.lat, p.lon, p.geonameid, a.url, a.outlet, a.title
FROM events e JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place
JOIN articles a ON a.id = e.article_id
WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
ORDER BY e.article_id, e.ord
"""


def geojson(store: Store) -> dict[str, Any]:
    """A FeatureCollection with one Point per event that has a located place."""
    feats = []
    for r in fetch_rows(store, _GEO):
        lat, lon = float(r.pop("lat")), float(r.pop("lon"))
        props = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
        props["source"] = as_list(r["source"])
        props["target"] = as_list(r["target"])
        feats.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}
        )
    return {"type": "FeatureCollection", "features": feats}


def write_geojson(store: Store, dest: str | os.PathLike[str]) -> int:
    """Located events as a GeoJSON FeatureCollection; the number of points written."""
    data = geojson(store)
    with atomic_file(dest) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    return len(data["features"])
