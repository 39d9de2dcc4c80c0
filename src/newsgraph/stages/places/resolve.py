"""Toponym resolution: pick the GeoNames entry each toponym of an article refers to.

Scoring, per candidate: a population prior (log scale), a feature-class prior (countries and states
are named more often than namesakes), the article's focus (countries and first-level subdivisions
that the other toponyms of the article resolve to, in two passes), explicit admin context ("Alexandria,
La.", "Rapides Parish", "X County"), and the qualifier of the name itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...resources import word_list, word_map
from .gazetteer import Entry, Gazetteer, haversine_km, name_key

#: AP-style and postal abbreviations of US states -> state name (written for this project).
US_STATE_ABBR: Mapping[str, str] = word_map("places", "us_state_abbreviations")

#: Canadian province abbreviations -> province name.
CA_PROVINCE_ABBR: Mapping[str, str] = word_map("places", "ca_province_abbreviations")

#: name suffix -> the feature kind it asks for ("Rapides Parish", "Konduga LGA", "Kisumu County")
SUFFIX_KIND: Mapping[str, str] = word_map("places", "suffix_kinds")
#: the kinds larger than each kind: "a Florida county" is a county in Florida, "the Punjab province" Punjab
_LARGER = {"city": ("admin2", "admin1", "country"), "admin2": ("admin1", "country"), "admin1": ("country",)}
#: prior of a hand-written feature matched on a name a town or subdivision also bears: a town of ~30,000
WEAK_FEATURE_PRIOR = 4.5
_KIND_PRIOR = {"continent": 3.0, "country": 3.5, "admin1": 1.0, "admin2": 0.3, "city": 0.0, "region": 9.0}
_POSSESSIVE = re.compile(r"['’]s?$")
_AFTER_COMMA = re.compile(r",\s*((?:[A-Z][A-Za-z]*\.?)(?:\s?[A-Z][A-Za-z]*\.?){0,2})")


@dataclass(frozen=True)
class Candidates:
    """The gazetteer entries a toponym may name, and what its wording asks for."""

    entries: tuple[Entry, ...]
    primary: tuple[bool, ...]
    want_kind: str | None
    within: frozenset[int]  # geonameids of an admin1 stated after a comma ("Alexandria, La.")
    within_cc: frozenset[str]  # countries stated after a comma ("Paris, France")
    partial: bool = False  # entries name a place inside the name ("Manila Cathedral" -> Manila)
    weak: frozenset[int] = frozenset()  # hand-written features matched on a secondary name ("Heathrow")
    name_part: bool = False  # the toponym begins a longer name ("Washington Post", "Venice Commission")
    qualified: bool = False  # a compass word or similar before it: "central Washington", "rural Texas"
    statewide: bool = False  # a state's institution after it: "a New York court", "Washington's governor"
    within_regions: tuple[Entry, ...] = ()  # national regions stated after a comma ("Croft, Yorkshire")


def _surface_variants(surface: str) -> tuple[list[str], str | None]:
    s = _POSSESSIVE.sub("", surface.strip())
    if s.lower().startswith("the "):
        s = s[4:]
    words = s.split()
    variants = [s]
    want: str | None = None
    if len(words) > 1 and words[-1].lower() in SUFFIX_KIND:
        want = SUFFIX_KIND[words[-1].lower()]
        variants.append(" ".join(words[:-1]))
    if len(words) > 2 and words[0].lower() == "city" and words[1].lower() == "of":
        variants.append(" ".join(words[2:]))
        want = "city"
    return variants, want


_QUALIFIER_BEFORE = re.compile(
    r"\b(?:north|south|east|west|northern|southern|eastern|western|central|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|upstate|downstate|rural|coastal|mainland|inland)\s+$"
)
_STATEWIDE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:state\s+)?(?:court|courts|legislature|legislators|lawmakers|governor|attorney general|"
    r"supreme court|appeals court|appellate court|state senate|senator|senators|congressman|congresswoman|"
    r"congressional|statehouse|voters|electorate|primary|national guard|residents)\b"
)
#: a demonym before a place noun and "of" right before the toponym: "the north Lebanese port of Tripoli",
#: "the Syrian city of Homs", "Nigeria's northern town of Maiduguri"
_DEMONYM_PLACE_OF = re.compile(
    r"\b([A-Z][\w-]+?)(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}?(?:port|city|town|village|capital|province|region|"
    r"district|island|county|governorate|enclave|resort|suburb|oasis|state)\s+(?:of\s+)?(?:the\s+)?$"
)


def _demonym_before(gaz: Gazetteer, text: str, start: int) -> frozenset[str]:
    """Countries named by a demonym (or a country's possessive) before 'port of', 'city of' ... right
    before the toponym."""
    m = _DEMONYM_PLACE_OF.search(text, max(0, start - 60), start)
    if m is None:
        return frozenset()
    word = m.group(1)
    found = [e for e in gaz.demonym(word) if e.kind in ("country", "admin1")]  # "the English city of"
    if not found and text[m.end(1):m.end(1) + 2] in ("'s", "’s"):
        found = [e for e, _ in gaz.lookup(word) if e.kind == "country"]
    return frozenset(e.cc for e in found if e.cc)


_NAME_GOES_ON = re.compile(r"[ \t]+(?:of\s+)?[A-Z]")
_LIST_TAIL = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z]")


def _units_after(gaz: Gazetteer, text: str, end: int) -> list[Entry]:
    """The admin units (state, county, country) named right after the toponym: 'Alexandria, La.' ->
    [Louisiana], 'New Quay, Ceredigion' -> [Ceredigion]. Not in a list of places ('Washington, New York
    and Boston'), unless the unit is written as an abbreviation ('Portland, Maine, and ...' is ambiguous
    and skipped, 'Portland, Ore., and ...' is not)."""
    m = _AFTER_COMMA.match(text, end, min(len(text), end + 40))
    if not m:
        return []
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        key = name_key(phrase)
        names = [phrase]
        abbreviated = phrase.endswith(".") or phrase.isupper()
        if key in US_STATE_ABBR and (abbreviated or len(key) > 2):
            names.append(US_STATE_ABBR[key])
        if key in CA_PROVINCE_ABBR and abbreviated:
            names.append(CA_PROVINCE_ABBR[key])
        if key in UK_COUNTY_ABBR:
            names.append(UK_COUNTY_ABBR[key])
        units = {e.geonameid: e for name in names for e, _ in [*gaz.lookup(name), *_secondary(gaz, name)]
                 if e.kind in ("admin1", "admin2", "country") or _national_region(e)}
        if not units and n == len(words):
            # "Eastleigh, Nairobi": a district of a big city (a place within 100 km of it)
            units = {e.geonameid: e for e, primary in gaz.lookup(phrase.rstrip("."))
                     if primary and e.kind == "city" and e.population >= CITY_UNIT_POP}
        if units:
            phrase_end = m.start(1) + len(" ".join(words[:n]))
            if not abbreviated and (_LIST_TAIL.match(text, phrase_end) or _NAME_GOES_ON.match(text, phrase_end)):
                return []  # a list of places, or a longer name ("California Polytechnic State University")
            return list(units.values())
    return []


#: a big city named after a comma is the unit a place lies in ("Eastleigh, Nairobi")
CITY_UNIT_POP = 100_000
_PARENS = re.compile(r"[ \t]*\(([^()\n]{2,80})\)")


def _units_in_parens(gaz: Gazetteer, text: str, end: int) -> list[Entry]:
    """The admin units of a parenthesised qualifier right after the toponym, as conflict and local news
    write them: 'Kalama (Tiko District, Northern Region)' -> [Tiko, Northern Region]. Every part must be a
    capitalised name (an admin suffix such as 'District' or 'LGA' is dropped); '(Reuters)' names none."""
    m = _PARENS.match(text, end, min(len(text), end + 90))
    if not m:
        return []
    out: dict[int, Entry] = {}
    for part in m.group(1).split(","):
        words = part.split()
        if len(words) > 1 and words[-1].lower() in SUFFIX_KIND:
            words = words[:-1]
        if not words or not all(w[:1].isupper() for w in words):
            return []
        phrase = " ".join(words)
        states = [e for n in abbreviation(phrase) for e, _ in gaz.lookup(n) if e.kind == "admin1"]
        if states and phrase.endswith("."):
            out.update({e.geonameid: e for e in states})  # "(Ga.)": Georgia, the state, not Gabon's code
            continue
        out.update({e.geonameid: e for e, _ in [*gaz.lookup(phrase), *_secondary(gaz, phrase)]
                    if e.kind in ("admin1", "admin2", "country") or _national_region(e)})
    return list(out.values())


def _secondary(gaz: Gazetteer, name: str) -> list[tuple[Entry, bool]]:
    return [(e, False) for e in gaz.lookup_secondary(name)]


def _national_region(e: Entry) -> bool:
    """A hand-written region inside one country ("Yorkshire", "Northamptonshire")."""
    return e.kind == "region" and bool(e.cc) and e.feature == "region"


def _context_within(gaz: Gazetteer, text: str, end: int) -> tuple[frozenset[int], frozenset[str]]:
    """Admin units (and national regions) named right after the toponym: 'Alexandria, La.' -> {Louisiana}."""
    units = _units_after(gaz, text, end) or _units_in_parens(gaz, text, end)
    return (frozenset(e.geonameid for e in units if e.kind != "country"),
            frozenset(e.cc for e in units if e.kind == "country"))


#: dotted abbreviations of US cities (checked before the state table: "L.A." is not Louisiana)
US_CITY_ABBR: dict[str, str] = {"L.A.": "Los Angeles", "D.C.": "Washington", "N.Y.C.": "New York City"}


#: Australian state abbreviations and English county short forms -> names (written for this project);
#: the abbreviations that several tables share ("WA", "SA") stay ambiguous, context decides
AU_STATE_ABBR: Mapping[str, str] = word_map("places", "au_state_abbreviations")
UK_COUNTY_ABBR: Mapping[str, str] = word_map("places", "uk_county_abbreviations")


def abbreviation(surface: str) -> tuple[str, ...]:
    """'Md.' -> Maryland, 'W. Va.' -> West Virginia, 'BC' -> British Columbia, 'WA' -> Washington or
    Western Australia, 'Herts' -> Hertfordshire."""
    key = name_key(surface)
    if key in UK_COUNTY_ABBR and surface[:1].isupper():
        return (UK_COUNTY_ABBR[key],)
    if not ("." in surface or (surface.isupper() and len(key) <= 3)):
        return ()
    return tuple(t[key] for t in (US_STATE_ABBR, CA_PROVINCE_ABBR, AU_STATE_ABBR) if key in t)


_ABBREVIATED_WORDS = ((re.compile(r"\bSte?\.?(?=\s)", re.IGNORECASE), "saint"),
                      (re.compile(r"\bMt\.?(?=\s)", re.IGNORECASE), "mount"),
                      (re.compile(r"\bFt\.?(?=\s)", re.IGNORECASE), "fort"),
                      (re.compile(r"\bSainte\b", re.IGNORECASE), "saint"))


def spelled_out(name: str) -> str:
    """'St. Petersburg' and 'Saint Petersburg' -> 'saintpetersburg'; 'Mt. Vernon' -> 'mountvernon'."""
    for pattern, word in _ABBREVIATED_WORDS:
        name = pattern.sub(word, name)
    return name_key(name)


#: a possessive that is part of a town's own name needs a town of this size ("St. John's", "King's Lynn");
#: smaller primary names are more often a possessive that happens to spell one ("Cuba's" is no Cubas)
OWN_POSSESSIVE_POP = 10_000


#: the rest of a list of names that ends in a plural unit noun: ", Clay and Union counties"
_UNIT_LIST_AFTER = re.compile(r"(?:\s*(?:,|,?\s+and|,?\s+or)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?)+\s+(?:counties|parishes)\b")


def candidates(gaz: Gazetteer, text: str, start: int, end: int) -> Candidates:
    surface = text[start:end]
    variants, want = _surface_variants(surface)
    whole = surface.strip()
    if variants[0] != whole and _POSSESSIVE.search(whole) and any(
        primary and (e.population >= OWN_POSSESSIVE_POP or e.kind in ("country", "admin1", "admin2"))
        for e, primary in gaz.lookup(whole)
    ):
        variants = [whole, *variants]  # "St. John's" is a city's own name, not St. John's possessive
    found: dict[int, tuple[Entry, bool]] = {}
    city_abbr = US_CITY_ABBR.get(surface.strip())
    if city_abbr is not None:
        us = [e for e, _ in gaz.lookup(city_abbr) if e.kind == "city" and e.cc == "US"]
        if us:
            best = max(us, key=lambda e: e.population)
            return Candidates((best,), (True,), None, frozenset(), frozenset())
    adjective = gaz.demonym(variants[0])
    if not adjective and variants[0] == "West" and text[max(0, start - 4):start].lower() == "the ":
        adjective = gaz.demonym("Western")  # "the West": the Western world
    if adjective:  # "Russian", "Texans", "English": the place, not a namesake town called English
        return Candidates(tuple(adjective), (True,) * len(adjective), None, frozenset(), frozenset())
    abbr = abbreviation(surface.strip())
    if abbr:
        hits = [(e, p) for n in abbr for e, p in gaz.lookup(n) if e.kind in ("admin1", "admin2")]
        if surface.strip().isupper() and "." not in surface:
            # "SA": South Australia, or a country code (South Africa's); a dotted "S.D." is a state's
            hits += [(e, True) for e, _ in gaz.lookup(surface) if e.kind == "country"]
        if hits:
            return Candidates(tuple(e for e, _ in hits), tuple(p for _, p in hits), None,
                              *_context_within(gaz, text, end))
    # a lower-case suffix is a common noun: "a Florida county" (a county in Florida), "Kisumu county"
    loose = want is not None and surface.rstrip().split()[-1].islower()
    for i, v in enumerate(variants):
        for e, primary in gaz.lookup(v):
            if i > 0 and want is not None and e.kind != want and not (loose and e.kind in _LARGER.get(want, ())):
                continue  # "Clark County" may not fall back on the town of Clark
            if e.geonameid not in found or (primary and not found[e.geonameid][1]):
                found[e.geonameid] = (e, primary)
        if found and i == 0 and want is None:
            break
    spelled = spelled_out(variants[0])
    # "St. X and Y": the spelled-out "Saint X and Y" is the gazetteer's name; where towns are written "St.
    # Lucia" too, the country spelled out is a candidate beside them
    only_spelled = not found
    for e, primary in gaz.lookup(spelled):
        if e.geonameid not in found and (only_spelled or e.kind == "country"):
            found[e.geonameid] = (e, primary)
    for g, (e, primary) in list(found.items()):
        if not primary and spelled_out(e.name) == spelled:
            found[g] = (e, True)  # "St. Petersburg" is Saint Petersburg's own name, abbreviated
    secondary = gaz.lookup_secondary(variants[0])
    weak = frozenset(f.geonameid for f in secondary) if found else frozenset()
    if weak:
        found.update({f.geonameid: (f, True) for f in secondary})
    partial = False
    words = variants[0].split()
    if len(words) > 1 and words[0].lower() in _DIRECTIONS and not any(
        e.kind in ("country", "admin1", "continent", "region") or e.population >= 10000 for e, _ in found.values()
    ):  # "South Florida", "Western US": the part of the place named after the compass word
        inner = {e.geonameid: (e, True) for e, _ in gaz.lookup(" ".join(words[1:]))
                 if e.kind in ("country", "admin1", "continent")}
        if inner:
            found, partial = inner, True
    if _UNIT_LIST_AFTER.match(text, end):  # "Clay and Union counties": Clay is a county too
        counties = {g: (e, True) for g, (e, _) in found.items() if e.kind == "admin2"}
        found = counties or found
    within, within_cc = _context_within(gaz, text, end)
    within_cc |= _demonym_before(gaz, text, start)
    # hand-written regions and big cities stated as the unit: a place within 100 km of them
    regions = tuple(u for u in map(gaz.get, within) if u is not None and u.kind in ("region", "city"))
    if any(e.kind == "city" and primary and e.population >= CITY_UNIT_POP for e, primary in found.values()):
        # a sizeable city is no district of another: "After Paris, London is ..." lists two cities
        regions = tuple(u for u in regions if u.kind != "city")
    within = frozenset(g for g in within if g > 0 and g not in {u.geonameid for u in regions})
    if (within or within_cc or regions) and not any(_inside(e, within, within_cc, regions)
                                                     for e, _ in found.values()):
        # "Oulton Park, Cheshire": a place the gazetteer lacks (or only knows elsewhere) in the unit named
        units = {u.geonameid: u for u in map(gaz.get, within) if u is not None}
        units.update({u.geonameid: u for cc in within_cc for u in _countries(gaz, cc)})
        units.update({u.geonameid: u for u in regions})
        if units and not any(e.kind in ("country", "admin1", "continent", "region")
                             or (e.kind == "city" and primary and e.population >= CITY_UNIT_POP)
                             for e, primary in found.values()):
            found, partial = {g: (e, True) for g, e in units.items()}, True
            within, within_cc, regions = frozenset(), frozenset(), ()
    if not found:
        found, partial = _place_after(gaz, text, end), True
        inner = _inner_place(gaz, surface)
        if found and all(e.kind in ("admin1", "country") for e, _ in found.values()):
            # "the <Town> River in <State>": the town in the name, where it lies in the unit named
            a1s = frozenset(g for g, (e, _) in found.items() if e.kind == "admin1")
            ccs = frozenset(e.cc for e, _ in found.values() if e.kind == "country")
            inside = {g: x for g, x in inner.items() if x[0].kind in ("city", "admin2") and _inside(x[0], a1s, ccs)}
            found = inside or found
        elif not found:
            found = inner
    vals = list(found.values())
    return Candidates(tuple(e for e, _ in vals), tuple(p for _, p in vals), want, within, within_cc,
                      partial and bool(vals), weak if not partial else frozenset(),
                      bool(_NAME_GOES_ON.match(text, end)),
                      bool(_QUALIFIER_BEFORE.search(text, max(0, start - 20), start)),
                      bool(_STATEWIDE_AFTER.match(text, end)), regions)


_PLACE_AFTER = re.compile(
    r"(?:,[ \t]*|[ \t]+(?:in|at|near|outside)[ \t]+(?:the[ \t]+)?)"
    r"([A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|de|du|des|la|le|el)){0,3})"
)


def _place_after(gaz: Gazetteer, text: str, end: int) -> dict[int, tuple[Entry, bool]]:
    """The town, county, state or country a facility is said to be in: 'Washington University in St.
    Louis', 'Palais des Nations in Geneva', 'University of California, Los Angeles'."""
    m = _PLACE_AFTER.match(text, end, min(len(text), end + 60))
    if not m:
        return {}
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        if words[n - 1][:1].islower():
            continue
        phrase = " ".join(words[:n])
        hits = {e.geonameid: (e, True) for e, primary in gaz.lookup(phrase)
                if e.kind in ("country", "admin1", "admin2")
                or (e.kind == "city" and (primary or e.population >= 100_000) and e.population >= 1000)}
        if hits:
            return hits
    return {}


def _countries(gaz: Gazetteer, cc: str) -> list[Entry]:
    return [e for e, _ in gaz.lookup(cc) if e.kind == "country" and e.cc == cc]


_DIRECTIONS = word_list("places", "directions")

#: words that name no place on their own inside a facility name ("South Kilburn Estate", "West Wing")
_GENERIC = word_list("places", "facility_generic_words") | _DIRECTIONS

#: two-letter codes that name a country inside a longer name ("US Embassy"); others ("SM Mall") do not
_INNER_CODES = frozenset({"us", "uk", "eu"})


#: words before a saint's name: what follows them names the saint, not a town
_SAINT_WORDS = frozenset({"st", "ste", "saint", "sainte", "san", "santa", "santo", "sao", "são"})


def _inner_place(gaz: Gazetteer, surface: str) -> dict[int, tuple[Entry, bool]]:
    """A facility or district named after the place it is in: 'Manila Cathedral', 'Dubai World Cup'.

    Longest run of capitalised words first; only primary names of towns of 5,000+ people (of any size
    when the town's name has two words or more: 'New Concord Reservoir' is not at Concord), counties,
    states and countries count, so that 'Trump Tower' does not land in a hamlet called Trump.
    """
    words = surface.split()
    if len(words) < 2:
        return {}
    for n in range(len(words) - 1, 0, -1):
        hits: dict[int, tuple[Entry, bool]] = {}
        for i in range(len(words) - n + 1):  # every run of this length: "Robinson College Cambridge"
            run = words[i:i + n]
            if i > 0 and words[i - 1].lower().rstrip(".") in _SAINT_WORDS:
                continue  # "St. Mary's Church": named after a saint, not after the town of Mary
            if not all(w[:1].isupper() for w in run) or all(_POSSESSIVE.sub("", w.lower()).strip(".") in _GENERIC for w in run):
                continue
            phrase = " ".join(run)
            key = name_key(phrase)
            hits.update({e.geonameid: (e, True) for e, primary in gaz.lookup(phrase)
                         if (primary and e.kind in ("admin1", "admin2", "city")
                             and (e.kind != "city" or e.population >= 5000 or n > 1))
                         or (e.kind == "city" and e.population >= 500_000)  # "New York Auto Show"
                         or (e.kind in ("country", "continent") and (len(key) > 2 or key in _INNER_CODES))})
            # "European Commission", "Mexican Senate", "British Embassy": the adjective's place
            hits.update({e.geonameid: (e, True) for e in gaz.demonym(phrase)})
        if hits:
            return hits
    return {}


def _inside(e: Entry, within: frozenset[int], within_cc: frozenset[str],
            regions: tuple[Entry, ...] = ()) -> bool:
    """``e`` lies in one of the admin units (or countries, or within 100 km of one of the national regions)."""
    return bool((within and (e.admin1 in within or e.admin2 in within)) or (within_cc and e.cc in within_cc)
                or any(r.cc == e.cc and haversine_km(r.lat, r.lon, e.lat, e.lon) <= 100 for r in regions))


def prior(e: Entry, primary: bool, c: Candidates) -> float:
    s = WEAK_FEATURE_PRIOR if e.geonameid in c.weak else math.log10(e.population + 1) + _KIND_PRIOR[e.kind]
    if not primary and e.kind == "city":
        s -= 1.0
    if e.capital:
        s += 2.0
    if e.kind == "admin2" and c.want_kind is None and not primary:
        s -= 3.0  # bare "Arlington" names the town before Arlington County
    if c.want_kind is not None and e.kind == c.want_kind:
        s += 3.0
    if _inside(e, c.within, c.within_cc, c.within_regions):
        s += 8.0
    if e.kind == "city" and primary:  # a dominant namesake (ten times any other town of the name) is the usual one
        others = [o.population for o in c.entries if o.kind == "city" and o.geonameid != e.geonameid]
        if others and e.population >= 10 * max(others):
            s += 1.0
    return s


def _namesake_city(e: Entry, c: Candidates) -> float:
    """Among namesakes, the usual referent: 'New York', 'Raqqa' name the city more often than the state
    it lies in; 'Mexico' the country more than its state or capital; a match on an alternate name loses to a
    match on a primary name ('Montana' is the state, not Montana City)."""
    same_country = any(o.kind == "country" and o.cc == e.cc for o in c.entries)
    if e.kind == "city" and not same_country and any(
        o.kind == "admin1" and o.geonameid == e.admin1 and e.population >= min(100_000, o.population // 20)
        for o in c.entries
    ):
        return 3.0  # not a village named like its province
    if e.kind in ("admin1", "city") and same_country:
        return -3.0  # "Mexico", "Kuwait": the country, not its namesake state or capital city
    return 0.0


def _primary_bonus(c: Candidates) -> list[float]:
    if not any(c.primary):
        return [0.0] * len(c.entries)
    admin1s = {o.geonameid for o in c.entries if o.kind == "admin1"}
    return [0.0 if p or e.kind == "country" or e.admin1 in admin1s else -1.5
            for e, p in zip(c.entries, c.primary, strict=True)]


@dataclass(frozen=True)
class Weights:
    country: float = 4.0
    admin1: float = 4.0
    admin2: float = 2.0
    near: float = 2.0  # closeness to the article's other local places
    near_km: float = 150.0
    foreign_town_pop: int = 20_000  # a town smaller than this in no country of the article's places ...
    foreign_town_context: int = 3  # ... among more distinct names than this is placed at the focus
    abroad_pop: int = 100_000  # a town smaller than this abroad, where the article's places are all in one
    # country, named by two names or by a subdivision or the dateline, is placed at the focus too
    dateline: float = 1.0  # extra votes of the dateline's place ("NAIROBI, Kenya (Reuters) -")
    name_part: float = 1.0  # a town names what is named after it ("Washington Post"), rarely a state
    qualified: float = 2.0  # "central Washington", "across rural Texas": a state or country, not a town
    region_near: float = 4.0  # a hand-written region near the article's other places ...
    region_km: float = 1500.0  # ... within this distance
    statewide: float = 3.0  # "a New York court", "Washington's governor": the state
    conjunct: float = 1.5  # "England and Wales", "California or Washington": conjuncts share a kind
    county_town: float = 4.0  # a county named and a town of another name inside it choose each other
    state_support: float = 2.0  # a town or county in the first-level unit the article's other names speak for
    state_votes: float = 2.0  # ... with the full weight from this many votes
    guess_unknown: bool = True  # place a name the gazetteer lacks at the article's focus (partial)
    vote_margin: float = 2.0  # a name votes fully when its best prior leads its second by this much (0: always)


def _focus(chosen: Sequence[Entry | None], votes: Sequence[float] | None = None
           ) -> tuple[defaultdict[str, float], defaultdict[int, float], defaultdict[int, float]]:
    """Countries, first- and second-level units of the chosen places, each counted with its vote (1)."""
    cc: defaultdict[str, float] = defaultdict(float)
    a1: defaultdict[int, float] = defaultdict(float)
    a2: defaultdict[int, float] = defaultdict(float)
    for n, e in enumerate(chosen):
        if e is None:
            continue
        v = 1.0 if votes is None else votes[n]
        if e.cc:
            cc[e.cc] += v
        if e.kind == "admin1":
            a1[e.geonameid] += v
        elif e.admin1:
            a1[e.admin1] += v
        if e.kind == "admin2":
            a2[e.geonameid] += v
        elif e.admin2:
            a2[e.admin2] += v
    return cc, a1, a2


def resolve_spans(
    gaz: Gazetteer, text: str, spans: Sequence[tuple[int, int]], weights: Weights = Weights()
) -> list[Entry | None]:
    """Resolve every toponym span of one article together (the other names are its context).

    Context counts each distinct name once, so that a name repeated eight times does not vote for
    its own first guess.
    """
    return [None if r is None else r[0] for r in resolve_spans_detailed(gaz, text, spans, weights)]


def resolve_spans_detailed(
    gaz: Gazetteer, text: str, spans: Sequence[tuple[int, int]], weights: Weights = Weights(),
    dateline: tuple[int, int] | None = None,
) -> list[tuple[Entry, bool] | None]:
    """Like ``resolve_spans``, with a flag per span: True where the entry is a place named inside
    the toponym ("Manila Cathedral" -> Manila) rather than the toponym itself. ``dateline``: article
    offsets of the dateline's place, whose names weigh more in the context."""
    cands = [candidates(gaz, text, s, e) for s, e in spans]
    keys = [name_key(_surface_variants(text[s:e])[0][-1]) for s, e in spans]
    boosted = frozenset(k for k, (s, e) in zip(keys, spans, strict=True)
                        if dateline is not None and s < dateline[1] and dateline[0] < e)
    chosen = _resolve(cands, keys, weights, conjuncts=_conjuncts(text, spans), boosted=boosted)
    out: list[tuple[Entry, bool] | None] = [
        None if x is None else (x, c.partial) for x, c in zip(chosen, cands, strict=True)
    ]
    if weights.guess_unknown:
        # the focus comes from names that are places themselves, not from "Liverpool Academy"
        direct = [None if c.partial else x for x, c in zip(chosen, cands, strict=True)]
        foreign = _foreign_towns(keys, direct, cands, weights, boosted)
        direct = [None if n in foreign else x for n, x in enumerate(direct)]
        focus = _article_focus(direct)
        if focus is not None:
            # a facility named after a town of another country than all the article's places
            # ("Liverpool Academy" in an article about Cairo) is more likely at the focus too
            ccs = {x.cc for x in direct if x is not None and x.cc}
            out = [(focus, True) if x is None or n in foreign
                   or (x[1] and x[0].kind == "city" and x[0].cc not in ccs) else x
                   for n, x in enumerate(out)]
    return out


def _stated(c: Candidates) -> bool:
    """The toponym's own wording names its unit or country ("Auno, Borno", "the Kenyan town of X")."""
    return bool(c.within or c.within_cc or c.within_regions)


def _foreign_towns(keys: Sequence[str], direct: Sequence[Entry | None], cands: Sequence[Candidates],
                   weights: Weights, boosted: frozenset[str] = frozenset()) -> set[int]:
    """Small towns abroad: a name with no candidate in the article's countries needs strong evidence to
    go abroad. Where all the article's other places are in other countries ("Glenrock" in a story about
    Newcastle, NSW, matching Glen Rock, NJ; a Kenyan village matching a Croatian one), the name is more
    likely a place the gazetteer lacks, near the article's focus: a town under ``foreign_town_pop``
    among more than ``foreign_town_context`` other names, or a town under ``abroad_pop`` where the
    other names all lie in one country and are two or more, or include a subdivision or the dateline.
    Strong evidence: a big town, or a unit or country the wording states ("Auno, Borno")."""
    by_key: dict[str, set[str]] = {}
    admin_keys: set[str] = set()
    for k, x in zip(keys, direct, strict=True):
        if x is not None and x.cc:
            by_key.setdefault(k, set()).add(x.cc)
            if x.kind in ("admin1", "admin2"):
                admin_keys.add(k)
    out: set[int] = set()
    for n, (k, x) in enumerate(zip(keys, direct, strict=True)):
        if x is None or x.kind not in ("city", "admin2") or x.population >= weights.abroad_pop \
                or _stated(cands[n]):
            continue
        others = [kk for kk in by_key if kk != k]
        other = set().union(*(by_key[kk] for kk in others))
        if not other or x.cc in other or any(e.cc in other for e in cands[n].entries):
            continue
        if len(others) > weights.foreign_town_context and x.population < weights.foreign_town_pop:
            out.add(n)
        elif len(other) == 1 and (len(others) >= 2 or any(kk in boosted or kk in admin_keys for kk in others)):
            out.add(n)
    return out


def _article_focus(chosen: Sequence[Entry | None]) -> Entry | None:
    """The place an article is mostly about: its most-mentioned town or county, else its most-mentioned
    state, else country. A name the gazetteer lacks ("Riverside Arena", "Old Mill Quarter") is most
    likely there."""
    counts = Counter(e.geonameid for e in chosen if e is not None)
    by_id = {e.geonameid: e for e in chosen if e is not None}
    for kinds in (("city", "admin2"), ("admin1",), ("country",)):
        ranked = [(n, g) for g, n in counts.items() if by_id[g].kind in kinds]
        if ranked:
            return by_id[max(ranked)[1]]
    return None


_CONJ = re.compile(r"\s*,?\s*(?:and|or|&|nor)\s+", re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")


def _conjuncts(text: str, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Per span, the spans coordinated with it ("England and Wales", "Texas or Ohio"), and the items of a
    list of three or more ending in "and" or "or" ("Ohio, New York, Utah and Iowa"); not "Town, State"."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    out: list[list[int]] = [[] for _ in spans]
    run: list[int] = []  # the list being read: items joined by commas so far
    for a, b in zip(order, order[1:], strict=False):
        gap = text[spans[a][1]:spans[b][0]]
        if _CONJ.fullmatch(gap):
            items = [*(run or [a]), b]
            if len(items) >= 3 or not run:
                for x, y in zip(items, items[1:], strict=False):
                    out[x].append(y)
                    out[y].append(x)
            run = []
        elif _COMMA.fullmatch(gap):
            run = [*(run or [a]), b]
        else:
            run = []
    return out


def _county_and_town(cands: Sequence[Candidates], keys: Sequence[str], bonus: float) -> list[list[float]]:
    """A county the article names and a town of another name inside it choose each other: "the Athens
    police" beside "Henderson County" is the Athens in that Henderson County, wherever other namesakes of
    both lie. Only counties (admin2): a state named beside a town says less ("Paris" and "Texas")."""
    counties: dict[int, set[str]] = {}
    towns: dict[int, set[str]] = {}
    for c, key in zip(cands, keys, strict=True):
        for e, primary in zip(c.entries, c.primary, strict=True):
            if e.kind == "admin2" and (primary or c.want_kind == "admin2"):
                # named as a county: "Washington" alone names the town or state, not Washington County
                counties.setdefault(e.geonameid, set()).add(key)
            elif e.kind == "city" and e.admin2:
                towns.setdefault(e.admin2, set()).add(key)
    out: list[list[float]] = []
    for c, key in zip(cands, keys, strict=True):
        out.append([bonus if (e.kind == "city" and counties.get(e.admin2, set()) - {key})
                    or (e.kind == "admin2" and towns.get(e.geonameid, set()) - {key}) else 0.0
                    for e in c.entries])
    return out


def state_support(cands: Sequence[Candidates], keys: Sequence[str]) -> dict[str, dict[int, float]]:
    """Per name, how much the article's other names speak for each first-level unit: each distinct name
    spreads one vote over the units its local candidates (towns, counties, the unit itself) lie in, so that
    three town names that only a few states share together speak for those states, while a name every
    state has ("Springfield") says little."""
    per_key: dict[str, set[int]] = {}
    for c, key in zip(cands, keys, strict=True):
        if c.partial or _stated(c):
            continue
        units = {e.geonameid if e.kind == "admin1" else e.admin1 for e in c.entries
                 if e.kind in ("city", "admin2", "admin1") and (e.geonameid if e.kind == "admin1" else e.admin1)}
        if units:
            per_key.setdefault(key, set()).update(units)
    total: dict[int, float] = {}
    for units in per_key.values():
        for u in units:
            total[u] = total.get(u, 0.0) + 1.0 / len(units)
    out: dict[str, dict[int, float]] = {}
    for key in keys:
        own = per_key.get(key, set())
        out[key] = {u: v - (1.0 / len(own) if u in own else 0.0) for u, v in total.items()}
    return out


def _kind_group(e: Entry) -> str:
    return "local" if e.kind in ("city", "admin2") else e.kind


def _margin(ps: Sequence[float]) -> float:
    """How far a name's best prior leads its second (a name with one reading is surest)."""
    if len(ps) < 2:
        return math.inf
    top = sorted(ps, reverse=True)
    return top[0] - top[1]


@dataclass(frozen=True)
class _Context:
    """What the article's current choices say, as each name sees it: one representative place per name,
    each name's weight (the dateline's counts more), and the country / unit tallies."""

    rep: dict[str, Entry]
    weight: dict[str, float]
    cc: defaultdict[str, float]
    a1: defaultdict[int, float]
    a2: defaultdict[int, float]
    local: list[tuple[str, Entry]]

    @classmethod
    def of(cls, chosen: Sequence[Entry | None], keys: Sequence[str], cands: Sequence[Candidates],
           weights: Weights, boosted: frozenset[str], certainty: Mapping[str, float]) -> _Context:
        votes: dict[str, Counter[int]] = {}
        by_id: dict[int, Entry] = {}
        for k, x, c in zip(keys, chosen, cands, strict=True):
            if x is not None and not c.partial:  # "Riverdale Lukoil" must not vote for its own guess
                votes.setdefault(k, Counter())[x.geonameid] += 1
                by_id[x.geonameid] = x
        rep = {k: by_id[v.most_common(1)[0][0]] for k, v in votes.items()}
        # the dateline's place votes as more than one name; a name whose own reading is a toss-up
        # between namesakes ("Cambridge": England's or Massachusetts') says less about the others
        weight = {k: (1 + (weights.dateline if k in boosted else 0)) * certainty.get(k, 1.0) for k in rep}
        cc, a1, a2 = _focus(list(rep.values()), [weight[k] for k in rep])
        local = [(k, x) for k, x in rep.items() if x.kind in ("city", "admin2")]
        return cls(rep, weight, cc, a1, a2, local)


def _best(n: int, ctx: _Context, chosen: Sequence[Entry | None], keys: Sequence[str],
          cands: Sequence[Candidates], priors: Sequence[Sequence[float]], weights: Weights,
          conjuncts: list[list[int]] | None, support: Mapping[str, Mapping[int, float]],
          has_unit: Sequence[bool]) -> Entry | None:
    """The best reading of span ``n``: its prior plus what the rest of the article says."""
    key, c, ps = keys[n], cands[n], priors[n]
    if not ps:
        return None
    rep, weight, cc, a1, a2 = ctx.rep, ctx.weight, ctx.cc, ctx.a1, ctx.a2
    mine = rep.get(key)
    own_cc, own_a1, own_a2 = _focus([mine], [weight.get(key, 1.0)])
    denom = max(1.0, sum(weight.values()) - (weight.get(key, 1.0) if mine is not None else 0.0))
    others = [x for k, x in ctx.local if k != key]
    best, best_score = None, -1e9
    multi_region = sum(1 for o in c.entries if o.kind == "region") > 1
    for e, p in zip(c.entries, ps, strict=True):
        a1_key = e.geonameid if e.kind == "admin1" else e.admin1
        a2_key = e.geonameid if e.kind == "admin2" else e.admin2
        score = p
        if e.cc:
            score += weights.country * min(1.0, (cc[e.cc] - own_cc[e.cc]) / denom * 2)
        if a1_key:
            score += weights.admin1 * min(1.0, (a1[a1_key] - own_a1[a1_key]) / denom * 2)
        if a2_key:
            score += weights.admin2 * min(1.0, (a2[a2_key] - own_a2[a2_key]) / denom * 2)
        if c.name_part and e.kind == "city":
            score += weights.name_part
        if c.qualified and e.kind in ("country", "admin1", "region", "continent"):
            score += weights.qualified
        if c.statewide and e.kind == "admin1":
            score += weights.statewide
        if conjuncts and weights.conjunct and any(
            (x := chosen[m]) is not None and _kind_group(x) == _kind_group(e) for m in conjuncts[n]
        ):
            score += weights.conjunct
        if e.kind == "region" and weights.region_near and len(rep) > (mine is not None) \
                and (multi_region or e.geonameid in c.weak):
            # of namesake seas, ranges or regions, the one near the article's other places ("the
            # Gulf, Qatar": the Persian Gulf, not the Gulf of Mexico)
            near = [x for k, x in rep.items() if k != key and x.kind != "continent"
                    and haversine_km(e.lat, e.lon, x.lat, x.lon) <= weights.region_km]
            score += weights.region_near * min(1.0, len(near) / denom * 2)
        if e.kind in ("city", "admin2") and weights.state_support and e.admin1 and not has_unit[n]:
            score += weights.state_support * min(1.0, support[key].get(e.admin1, 0.0) / weights.state_votes)
        if e.kind in ("city", "admin2") and weights.near and others:
            close = sum(1 for x in others if haversine_km(e.lat, e.lon, x.lat, x.lon) <= weights.near_km)
            score += weights.near * min(1.0, close / len(others) * 2)
        if score > best_score:
            best, best_score = e, score
    return best


def _resolve(cands: list[Candidates], keys: list[str], weights: Weights,
             conjuncts: list[list[int]] | None = None, boosted: frozenset[str] = frozenset()) -> list[Entry | None]:
    """Choose one candidate per span: priors, then three passes of article context, the surest names
    first, each choice context for the next at once."""
    nested = _county_and_town(cands, keys, weights.county_town)
    support = state_support(cands, keys) if weights.state_support else {}
    # the state support chooses among local namesakes, never a town over a state or country of the name
    has_unit = [any(o.kind in ("country", "admin1") for o in c.entries) for c in cands]
    priors = [[prior(e, p, c) + _namesake_city(e, c) + b + nb
               for e, p, b, nb in zip(c.entries, c.primary, _primary_bonus(c), bonus, strict=True)]
              for c, bonus in zip(cands, nested, strict=True)]
    chosen: list[Entry | None] = [
        c.entries[max(range(len(ps)), key=ps.__getitem__)] if ps else None
        for c, ps in zip(cands, priors, strict=True)
    ]
    margins = [_margin(ps) for ps in priors]
    order = sorted(range(len(cands)), key=lambda n: -margins[n])
    certainty: dict[str, float] = {}
    if weights.vote_margin:
        for k, lead in zip(keys, margins, strict=True):
            certainty[k] = max(certainty.get(k, 0.0), min(1.0, max(0.2, lead / weights.vote_margin)))
    for _ in range(3):
        ctx = _Context.of(chosen, keys, cands, weights, boosted, certainty)
        for n in order:  # the surest names first; each choice is context for the next at once
            best = _best(n, ctx, chosen, keys, cands, priors, weights, conjuncts, support, has_unit)
            if best is not chosen[n]:
                chosen[n] = best
                ctx = _Context.of(chosen, keys, cands, weights, boosted, certainty)
    return chosen
