"""A GDELT 2.0-style event table (tab-separated, 61 columns, no header by default).

One row per event *cluster* (the same event across articles), like GDELT's deduplicated event
table, but with counts that keep growing as articles arrive. The column mapping is documented
in docs/store.md; deviations from GDELT: country codes are ISO 3166-1 alpha-3 (also in the geo
columns, where GDELT uses FIPS 10-4), AvgTone and the ADM codes are left empty.

Actor codes are CAMEO codes only: the actor's country and its CAMEO type (``USA`` + ``MIL`` ->
``USAMIL``; a person in government -> ``USAGOV``; an armed group with no country -> ``INS``),
never a newsgraph id. A field newsgraph cannot fill truthfully is left empty rather than
guessed: KnownGroupCode, the ethnic and religion codes, and SOURCEURL when the article has no
http(s) URL (a file path is no URL).
"""

from __future__ import annotations

import csv
import os
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from ..resources import word_map
from ..store import Store
from .atomic import atomic_file
from .rows import fetch_rows

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
       s.name AS s_name, s.country AS s_country, s.sector AS s_sector,
       t.name AS t_name, t.country AS t_country, t.sector AS t_sector,
       p.name AS p_name, p.country AS p_country, p.lat AS p_lat, p.lon AS p_lon, p.geonameid AS p_gid,
       p.feature AS p_feature, e.place, a.url, a.ingested_at
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


def cameo_type(sector: Any) -> str:
    """The CAMEO actor type code of a newsgraph sector, or '' when CAMEO has none."""
    return word_map("core", "cameo_actor_types").get(_s(sector), "")


def _country(country: Any) -> str:
    """An ISO 3166-1 alpha-3 code, or ''."""
    text = _s(country)
    return text if len(text) == 3 and text.isalpha() and text.isupper() else ""


def cameo_code(country: Any, sector: Any) -> str:
    """A CAMEO actor code: country (ISO3) followed by the CAMEO type, either may be absent."""
    return _country(country) + cameo_type(sector)


def source_url(url: Any) -> str:
    """``url`` when it is an http(s) URL with a host, else ''."""
    text = _s(url).strip()
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.netloc and " " not in text else ""


def _actor(aid: Any, name: Any, country: Any, sector: Any) -> list[str]:
    if not aid:
        return [""] * len(_ACTOR)
    return [cameo_code(country, sector), _s(name).upper(), _country(country), "", "", "", "",
            cameo_type(sector), "", ""]


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
        *_actor(r["source1"], r["s_name"], r["s_country"], r["s_sector"]),
        *_actor(r["target1"], r["t_name"], r["t_country"], r["t_sector"]),
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
        source_url(r["url"]),
    ]


def write_gdelt(store: Store, dest: str | os.PathLike[str], *, header: bool = False) -> int:
    """The clusters as GDELT 2.0 event rows; the number of rows written."""
    recs = fetch_rows(store, _QUERY)
    with atomic_file(dest) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        if header:
            w.writerow(GDELT_COLUMNS)
        for r in recs:
            w.writerow([v.replace("\t", " ").replace("\n", " ") for v in _row(r)])
    return len(recs)
