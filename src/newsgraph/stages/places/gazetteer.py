"""The offline GeoNames gazetteer shipped with newsgraph (built by tools/build_gazetteer.py).

Rows: countries, first- and second-level subdivisions (states, provinces, counties), populated places
with at least 500 inhabitants (GeoNames cities500) and continents; each with its GeoNames id, Latin-script
alternate names, point, population and containing country / admin1 / admin2.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ...errors import ConfigError
from ...index_cache import IndexSpec, load_or_build
from ...resources import table

KINDS = ("continent", "country", "admin1", "admin2", "city", "region")


class Entry(NamedTuple):
    geonameid: int
    name: str
    kind: str  # one of KINDS; "region" rows (seas, macro-regions) have negative ids, not GeoNames ones
    cc: str  # ISO 3166-1 alpha-2, "" for continents
    admin1: int  # geonameid of the containing admin1, 0 if unknown
    admin2: int
    lat: float
    lon: float
    population: int
    capital: bool = False  # national capital
    feature: str = ""  # class of a hand-written feature ("river", "sea", "mountains", ...), data/features.tsv


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[Entry, ...]
    #: normalised name -> indices into entries; (index, is_primary_name)
    names: dict[str, tuple[tuple[int, bool], ...]]
    by_id: dict[int, int]
    #: normalised demonym or adjective ("russian", "texans") -> indices of the places it names
    demonyms: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: names of hand-written features that a country, subdivision or sizeable town also bears ("Heathrow",
    #: "Thames"): candidates only beside the towns of the name, with a town-like prior (see resolve.py)
    secondary: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        return [(self.entries[i], primary) for i, primary in self.names.get(name_key(name), ())]

    def demonym(self, name: str) -> list[Entry]:
        """Places an adjective or demonym names: 'Russian' -> Russia, 'Texans' -> Texas."""
        return [self.entries[i] for i in self.demonyms.get(name_key(name), ())]

    def lookup_secondary(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in self.secondary.get(name_key(name), ())]

    def get(self, geonameid: int) -> Entry | None:
        i = self.by_id.get(geonameid)
        return None if i is None else self.entries[i]


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(name: str) -> str:
    """Case-, accent-, punctuation- and space-insensitive key: 'U.S.' -> 'us', 'Ar-Raqqah' -> 'arraqqah'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("đ", "d").replace("ø", "o")
    return _NON_ALNUM.sub("", plain)


#: What the built gazetteer depends on (see :mod:`newsgraph.index_cache`).
GAZETTEER_INDEX = IndexSpec("places-gazetteer", folders=("stages/places", "data", "resources.py"),
                            distributions=("pycountry",))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, once per process: loaded from the index cache when it holds the current
    build, else built (:func:`build_gazetteer`, a few seconds) and stored there."""
    return load_or_build(GAZETTEER_INDEX, build_gazetteer)


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from the shipped rows (about 270k) and the hand-written regions."""
    res = resources.files("newsgraph.stages.places") / "data" / "gazetteer.tsv.gz"
    try:
        raw = res.read_bytes()
    except OSError as exc:  # pragma: no cover - packaging error
        raise ConfigError(
            "the places gazetteer is missing", input=str(res),
            hint="reinstall newsgraph or rebuild it with `python tools/build_gazetteer.py`",
        ) from exc
    entries: list[Entry] = []
    names: dict[str, list[tuple[int, bool]]] = {}
    by_id: dict[int, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line.startswith("#"):  # the header: what the file is, its version, source and licence
            continue
        gid, name, kind, cc, a1, a2, lat, lon, pop, alts = line.split("\t")
        i = len(entries)
        entry = Entry(int(gid), name, "city" if kind == "capital" else kind, cc, int(a1 or 0), int(a2 or 0),
                      float(lat), float(lon), int(pop), kind == "capital")
        entries.append(entry)
        by_id.setdefault(entry.geonameid, i)
        for j, k in enumerate(alts.split("|")):  # normalised keys, the primary name's first
            if k:
                names.setdefault(k, []).append((i, j == 0))
    _apply_reference_points(entries)
    _add_country_names(entries, names)
    _add_unprefixed_names(entries, names)
    iso2 = _iso3_to_iso2(entries)
    for row in table("core", "regions.tsv"):  # the shared region table: the rows the places stage reads
        if "places" not in row["read_by"].split(","):
            continue
        region_names = [row["name"], *(n for c in ("aliases", "place_aliases") for n in row[c].split(",") if n)]
        i = len(entries)
        cc = "" if row["kind"] in ("disputed", "cross-border") else iso2.get(row["country"], "")
        entries.append(Entry(-(i + 1), region_names[0], "region", cc, 0, 0, float(row["lat"]), float(row["lon"]), 0))
        by_id[-(i + 1)] = i
        for j, n in enumerate(region_names):
            names.setdefault(name_key(n), []).append((i, j == 0))
    secondary: dict[str, list[int]] = {}
    for filename in ("features.tsv", "landmarks.tsv"):
        _add_features(entries, names, by_id, secondary, filename)
    demonyms = _load_demonyms(entries, names)
    return Gazetteer(tuple(entries), {k: tuple(v) for k, v in names.items()}, by_id, demonyms,
                     {k: tuple(v) for k, v in secondary.items()})


def _data_rows(filename: str) -> list[list[str]]:
    text = (resources.files("newsgraph.stages.places") / "data" / filename).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _target_index(entries: list[Entry]) -> dict[str, int]:
    """'SY' -> the country Syria, 'US/Texas' -> the state, 'Europe' -> the continent (row indices)."""
    out: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.kind == "country":
            out.setdefault(e.cc, i)
        elif e.kind == "admin1":
            out.setdefault(f"{e.cc}/{e.name}", i)
        elif e.kind == "continent":
            out.setdefault(e.name, i)
    return out


def _apply_reference_points(entries: list[Entry]) -> None:
    """Replace the estimated points of countries and large provinces by the hand-written reference
    points of data/ref_points.tsv."""
    target = _target_index(entries)
    for key, lat, lon in _data_rows("ref_points.tsv"):
        i = target.get(key)
        if i is not None:
            entries[i] = entries[i]._replace(lat=float(lat), lon=float(lon))


#: short names news uses for a country that the GeoNames extract lacks (written for this project)
EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "KR": ("Korea", "Republic of Korea"), "TT": ("Trinidad",), "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo-Brazzaville",), "CI": ("Ivory Coast",), "MM": ("Burma",), "CZ": ("Czech Republic", "Czechoslovakia"),
    "MK": ("Macedonia",), "SZ": ("Swaziland",), "CV": ("Cape Verde",), "TL": ("East Timor",),
    "VA": ("Vatican", "Holy See"), "AE": ("UAE", "U.A.E.", "Emirates"), "NL": ("Holland",),
    "ZA": ("SA", "S. Africa"), "GB": ("United Kingdom of Great Britain",),
    # former states, named by their successor state (GeoNames' convention for the Soviet Union)
    "RU": ("Soviet Union", "USSR", "U.S.S.R.", "Soviet Russia"), "RS": ("Yugoslavia", "Serbia and Montenegro"),
    "IR": ("Persia",), "LK": ("Ceylon",), "TH": ("Siam",),
    "ZW": ("Rhodesia",), "DE": ("West Germany", "East Germany", "Prussia"), "TR": ("Ottoman Empire",),
    "BF": ("Upper Volta",), "BJ": ("Dahomey",), "KH": ("Kampuchea",),
}


def _add_country_names(entries: list[Entry], names: dict[str, list[tuple[int, bool]]]) -> None:
    target = _target_index(entries)
    for cc, extra in EXTRA_COUNTRY_NAMES.items():
        i = target.get(cc)
        if i is None:
            continue
        for n in extra:
            hits = names.setdefault(name_key(n), [])
            if all(j != i for j, _ in hits):
                hits.append((i, False))


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ar|as|ash|ad|at|az|an|ath|ez|es|ed)[ \-‘'’]+(?=\w)", re.IGNORECASE)


def _add_unprefixed_names(entries: list[Entry], names: dict[str, list[tuple[int, bool]]]) -> None:
    """Arabic place names without their article, as news often writes them: 'Al Qāmishlī' ->
    'Qamishli', 'Ad Dawhah' -> 'Dawhah' (alternate names; a primary name elsewhere keeps priority)."""
    for i, e in enumerate(entries):
        if e.kind in ("city", "admin1", "admin2") and _ARTICLE_PREFIX.match(e.name):
            key = name_key(_ARTICLE_PREFIX.sub("", e.name))
            if len(key) > 3:
                hits = names.setdefault(key, [])
                if all(j != i for j, _ in hits):
                    hits.append((i, False))


def _load_demonyms(entries: list[Entry], names: dict[str, list[tuple[int, bool]]]) -> dict[str, tuple[int, ...]]:
    target = _target_index(entries)
    out: dict[str, list[int]] = {}
    # the shared country table (newsgraph/data/countries.tsv) first, then subdivisions and regions
    countries = [(row["iso2"], "|".join(forms)) for row in table("core", "countries.tsv")
                 if (forms := _forms(row["demonyms"]) + _forms(row["place_demonyms"]))]
    for key, words in [*countries, *_data_rows("demonyms.tsv")]:
        i = target.get(key)
        if i is None and "/" in key:  # "IT/Sicily": the English name is an alternate one ("Sicilia")
            cc, name = key.split("/", 1)
            i = next((j for j, _ in names.get(name_key(name), ()) if entries[j].kind == "admin1"
                      and entries[j].cc == cc), None)
        if i is None:  # a hand-written region ("Arab" -> the Arabian Peninsula)
            i = next((j for j, _ in names.get(name_key(key), ()) if entries[j].kind == "region"), None)
        if i is None:
            continue
        for w in words.split("|"):
            for form in (w, w + "s") if not w.endswith(("s", "sh", "ch", "ese", "men")) else (w,):
                hits = out.setdefault(name_key(form), [])
                if i not in hits:
                    hits.append(i)
    return {k: tuple(v) for k, v in out.items()}


def _forms(cell: str) -> list[str]:
    return [w.strip() for w in cell.split(",") if w.strip()]


def _iso3_to_iso2(entries: list[Entry]) -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for cc in {e.cc for e in entries if e.kind == "country"}:
        c = pycountry.countries.get(alpha_2=cc)
        if c is not None:
            out[c.alpha_3] = cc
    return out


def _blocking(entries: list[Entry], hits: list[tuple[int, bool]], cc: str) -> bool:
    """A name already taken by a place news names more often than a physical feature: a continent,
    country or subdivision, the own name of a town of 5,000 or more ("Jordan", "Hollywood"; not an
    alternate name: Casablanca's "White House"), or a hand-written region;
    a feature in one country may share a name with a region of none ("Gulf": the Persian Gulf, or the
    Gulf of Mexico in an article about the US), the article's countries decide."""
    if cc and any(entries[i].kind == "region" and not entries[i].cc for i, _ in hits):
        return False
    return any(entries[i].kind in ("continent", "country", "admin1", "admin2")
               or (entries[i].kind == "region" and (entries[i].cc or not cc))
               or (entries[i].population >= 5000 and primary) for i, primary in hits)


def _add_features(entries: list[Entry], names: dict[str, list[tuple[int, bool]]], by_id: dict[int, int],
                  secondary: dict[str, list[int]], filename: str) -> None:
    """Rivers, seas, ranges, deserts, islands, macro-regions and landmarks of data/features.tsv (and
    seats, universities, stadiums of data/landmarks.tsv), as "region" rows with their feature class.
    An alias whose name already belongs to a country, subdivision, sizeable town or hand-written region
    (see ``_blocking``) becomes a secondary name: a candidate beside those, never a name spotted on
    its own ("Heathrow": the airport, or the Florida town)."""
    iso2 = _iso3_to_iso2(entries)
    for all_names, feature, cc3, lat, lon in _data_rows(filename):
        aliases = [n for n in all_names.split("|") if n]
        cc = iso2.get(cc3, "")
        all_keys = [k for k in dict.fromkeys(name_key(n) for n in aliases) if k]
        if any(any(entries[i].feature and entries[i].name == aliases[0] for i, _ in names.get(k, ()))
               for k in all_keys):
            continue  # listed in both files
        if feature == "seat":
            # "EU", "White House", "Kremlin": news names the seat far more often than a town (Eu, White
            # House, Tenn.) or a place bearing the name as an alternate one (Europe's "EU"); only a
            # country or subdivision's own name blocks it
            for k in all_keys:
                if k in names:
                    names[k] = [(j, primary) for j, primary in names[k] if primary or entries[j].kind == "admin1"]
            keys = [k for k in all_keys if not any(
                primary and entries[j].kind in ("continent", "country", "admin1", "admin2")
                for j, primary in names.get(k, ()))]
        else:
            keys = [k for k in all_keys if not _blocking(entries, names.get(k, []), cc)]
        i = len(entries)
        entries.append(Entry(-(i + 1), aliases[0], "region", cc, 0, 0, float(lat), float(lon), 0, False, feature))
        by_id[-(i + 1)] = i
        first = name_key(aliases[0])
        for k in all_keys:
            if k in keys:
                names.setdefault(k, []).append((i, k == first))
            else:
                secondary.setdefault(k, []).append(i)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
