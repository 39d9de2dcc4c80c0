"""A GDELT 2.0-style event table (tab-separated, 61 columns, no header by default).

One row per event *cluster* (the same event across articles), like GDELT's deduplicated event
table, but with counts that keep growing as articles arrive. The column mapping is documented
in docs/store.md; deviations from GDELT: country codes are ISO 3166-1 alpha-3 (also in the geo
columns, where GDELT uses FIPS 10-4), AvgTone and the ADM codes are left empty, and actor codes
are newsgraph ids with the dots removed (``USA.MIL`` -> ``USAMIL``, people have no code).
"""

from __future__ import annotations

import csv
import os
from datetime import date, datetime
from typing import Any

from ..errors import StoreNotWritableError
from ..store import Store

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)

_QUERY = """
WITH rep AS (
    SELECT e.cluster_id, arg_min(e.article_id, (e.day, e.article_id, e.ord)) AS article_id,
           arg_min(e.ord, (e.day, e.article_id, e.ord)) AS ord
    FROM events e WHERE e.cluster_id IS NOT NULL GROUP BY e.cluster_id
)
SELECT c.cluster_id, c.first_day, c.n_mentions, c.n_articles, c.n_outlets, e.cameo, e.quad_class,
       e.goldstein, e.sentence, e.source1, e.target1,
       s.name AS s_name, s.country AS s_country, s.sector AS s_sector, s.kind AS s_kind, s.known AS s_known,
       t.name AS t_name, t.country AS t_country, t.sector AS t_sector, t.kind AS t_kind, t.known AS t_known,
       p.name AS p_name, p.country AS p_country, p.lat AS p_lat, p.lon AS p_lon, p.geonameid AS p_gid,
       p.feature AS p_feature, e.place, a.url, a.input, a.ingested_at
FROM clusters c
JOIN rep r ON r.cluster_id = c.cluster_id
JOIN events e ON e.article_id = r.article_id AND e.ord = r.ord
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.article_id = e.article_id AND s.actor_id = e.source1
LEFT JOIN actors t ON t.article_id = e.article_id AND t.actor_id = e.target1
LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place
ORDER BY c.first_day NULLS LAST, c.cluster_id
"""


def _s(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if v != v:  # NaN
            return ""
        return f"{v:g}"
    return str(v)


def _actor(aid: Any, name: Any, country: Any, sector: Any, kind: Any, known: Any) -> list[str]:
    if not aid:
        return [""] * len(_ACTOR)
    aid = str(aid)
    code = "" if aid.startswith("PER.") else aid.replace(".", "")
    group = aid if known and kind in ("organization", "group") and not country else ""
    return [code, _s(name).upper(), _s(country), group, "", "", "", _s(sector), "", ""]


def _geo_type(feature: Any, country: Any) -> str:
    us = country == "USA"
    if feature == "country":
        return "1"
    if feature == "admin1":
        return "2" if us else "5"
    return "3" if us else "4"


def _row(r: dict[str, Any]) -> list[str]:
    day = r["first_day"]
    if isinstance(day, datetime):
        day = day.date()
    if isinstance(day, date):
        sqldate, month, year = day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year)
        frac = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    else:
        sqldate = month = year = frac = ""
    cameo = _s(r["cameo"])
    geo: list[str] = [""] * len(_GEO)
    if r["place"] and r["p_lat"] is not None and r["p_lat"] == r["p_lat"]:
        geo = [
            _geo_type(r["p_feature"], r["p_country"]),
            _s(r["p_name"]),
            _s(r["p_country"]),
            "",
            "",
            _s(r["p_lat"]),
            _s(r["p_lon"]),
            _s(r["p_gid"]) or _s(r["place"]),
        ]
    added = r["ingested_at"]
    return [
        str(int(r["cluster_id"][:15], 16)),
        sqldate,
        month,
        year,
        frac,
        *_actor(r["source1"], r["s_name"], r["s_country"], r["s_sector"], r["s_kind"], r["s_known"]),
        *_actor(r["target1"], r["t_name"], r["t_country"], r["t_sector"], r["t_kind"], r["t_known"]),
        "1" if r["sentence"] is not None and r["sentence"] == 0 else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        _s(r["quad_class"]),
        _s(r["goldstein"]),
        _s(r["n_mentions"]),
        _s(r["n_outlets"]),
        _s(r["n_articles"]),
        "",
        *([""] * len(_GEO)),
        *([""] * len(_GEO)),
        *geo,
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "",
        _s(r["url"]) or _s(r["input"]),
    ]


def write_gdelt(store: Store, dest: str | os.PathLike[str], *, header: bool = False) -> int:
    """The clusters as GDELT 2.0 event rows; the number of rows written."""
    df = store.df(_QUERY)
    recs = df.astype(object).where(df.notna(), None).to_dict("records")
    try:
        with open(dest, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            if header:
                w.writerow(GDELT_COLUMNS)
            for r in recs:
                row = [v.replace("\t", " ").replace("\n", " ") for v in _row(r)]
                w.writerow(row)
    except OSError as exc:
        raise StoreNotWritableError(f"cannot write the export: {exc.strerror}", input=str(dest)) from None
    return len(recs)
