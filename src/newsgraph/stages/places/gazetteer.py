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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ...errors import ConfigError

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


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[Entry, ...]
    #: normalised name -> indices into entries; (index, is_primary_name)
    names: dict[str, tuple[tuple[int, bool], ...]]
    by_id: dict[int, int]

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        return [(self.entries[i], primary) for i, primary in self.names.get(name_key(name), ())]

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


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the shipped gazetteer once per process (about 270k rows) and the hand-written regions."""
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
        gid, name, kind, cc, a1, a2, lat, lon, pop, alts = line.split("\t")
        i = len(entries)
        entry = Entry(int(gid), name, "city" if kind == "capital" else kind, cc, int(a1 or 0), int(a2 or 0),
                      float(lat), float(lon), int(pop), kind == "capital")
        entries.append(entry)
        by_id.setdefault(entry.geonameid, i)
        for j, k in enumerate(alts.split("|")):  # normalised keys, the primary name's first
            if k:
                names.setdefault(k, []).append((i, j == 0))
    regions = (resources.files("newsgraph.stages.places") / "data" / "regions.tsv").read_text("utf-8")
    for line in regions.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        all_names, lat, lon = line.split("\t")
        region_names = all_names.split("|")
        i = len(entries)
        entries.append(Entry(-(i + 1), region_names[0], "region", "", 0, 0, float(lat), float(lon), 0))
        by_id[-(i + 1)] = i
        for j, n in enumerate(region_names):
            names.setdefault(name_key(n), []).append((i, j == 0))
    return Gazetteer(tuple(entries), {k: tuple(v) for k, v in names.items()}, by_id)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
