"""The country a phrase takes from around it: the sentence (a city name several countries share, a
people's place, where a named facility stands) or the article (one country named: its titled people
and country-less state agents are that country's)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ...model import Actor
from ...resources import word_list, word_map
from .lexicon import Entry, norm, slug
from .places_names import city_countries
from .resolution import combine
from .scan import scan, singular, split_words
from .state import ArticleState
from .syntax import HYPHENS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: sectors of the state's agents
STATE_SECTORS = frozenset({"MIL", "GOV", "COP", "SPY", "LEG", "JUD"})
#: offices that act at home: a titled judge, police chief, lawmaker or opposition leader in a story naming
#: one country only (as an actor or a place) is that country's
DOMESTIC_SECTORS = frozenset({"JUD", "COP", "LEG", "OPP"})
#: party politicians, candidates and their campaign staff ("campaign spokeswoman X", "X, a Green Party member"):
#: they run for office at home, so in a story naming one country as a state or place they are its
PARTY_SECTORS = frozenset({"POL"})
#: sectors a country-less noun actor takes from a one-country article ("government forces", "the rebels",
#: "the bishops": a country's clergy are its religious leaders)
_CONTEXT_SECTORS = STATE_SECTORS | PARTY_SECTORS | {"REB", "INS", "UAF", "OPP", "CVL", "LAB", "EDU", "HLH", "ETH",
                                                    "REL"}
#: sectors of people named by an office with no name in a one-country article: the context sectors, party
#: politicians, clergy and former office-holders ("the former president": the country's elite, CAMEO ELI)
_OFFICE_SECTORS = _CONTEXT_SECTORS | {"POL", "REL", "ELI"}
#: the people of a place, whose country is where the story is set when nothing else gives one (police,
#: protesters and residents, students, health and other workers, courts, lawmakers, the opposition, clergy):
#: a story set in one country of several named
_LOCAL_SECTORS = frozenset({"COP", "CVL", "EDU", "HLH", "LAB", "JUD", "LEG", "OPP", "REL"})
#: dependencies of a noun a verb acts upon ("urged the government", "gave the army"): the actor is not its own
_ACTED_UPON = frozenset({"dobj", "dative"})
#: sectors of organisations that act in many countries (a carmaker or a search engine in a story about Kenya), and
#: refugees (a camp for Sudanese refugees stands in another country): their home country is not a country the
#: article names for the one-country rule
_ABROAD_SECTORS = frozenset({"BUS", "REF"})
#: people who are in a place without being its people: never given the country after "in"
NEWCOMERS = word_list("actors", "newcomers")
#: head nouns of named facilities, which stand in the place named after them
_FACILITIES = word_list("actors", "facility_heads")
_COMPASS = word_list("actors", "compass_words")
#: last words of military units' names ("Brigade", "Corps")
_UNIT_WORDS = word_list("actors", "unit_words")


#: cities news writes for the international body seated there when the city acts ("Brussels": the EU)
_BODY_SEATS = word_map("actors", "body_seats")


def seat_body(state: ArticleState, e: Entry, text: str) -> Entry:
    """A capital acting that news writes for the international body seated there ("Brussels wants", "calls
    from Brussels": the European Union, an IGO of no country; Belgium's government is written "Belgium");
    any other capital acting stays its state (``e``)."""
    if e.source != "capital":
        return e
    name = _BODY_SEATS.get(norm(text))
    bodies = [b for b in state.lex.lookup(name) if b.source == "org"] if name else []
    return bodies[0] if bodies else e


def city_in_context(state: ArticleState, doc: Doc, a: int, b: int, e: Entry) -> Entry:
    """A city name several countries share ("Tripoli": Libya, Lebanon): the one of them the sentence
    names otherwise, if exactly one; else the most populous city's country. A town name followed by a
    US state ("Paris, Kentucky") is the US town."""
    lex = state.lex
    if e.country != "USA" and us_town(state, doc, b):
        return lex.state_entry("USA")  # "Paris, Kentucky"
    shared = city_countries(norm(doc[a:b].text))
    if not shared:
        return e
    named: set[str] = set()
    for t in doc:
        if a <= t.i < b or not t.text[:1].isupper():
            continue
        iso3 = lex.demonyms.get(norm(t.text))
        if iso3 is None:
            iso3 = next((x.country for x in lex.lookup(t.text) if x.kind == "state"), None)
        if iso3 in shared:
            named.add(iso3)
    if len(named) != 1 or e.country in named:
        return e
    return lex.state_entry(next(iter(named)))


def unit_name(state: ArticleState, doc: Doc, i: int, j: int) -> Entry | None:
    """'the Golden Lion Brigade': a capitalised unit's name (three words or more, ending in a unit word)
    whose first word names no place or country is a name, so a town's name inside it ("Lion") gives no
    country: a force of unknown country (MIL; the one-country rule may place it). None for "the Kyiv Territorial Brigade" (the place's own) and
    for anything else."""
    if j - i < 3 or doc[j - 1].lower_ not in _UNIT_WORDS or not all(t.text[:1].isupper() for t in doc[i:j]):
        return None
    res, _ = state.resolve(list(doc[i:j]))
    if res is None or not res.entry.country or res.entry.kind == "person" or state.lex.lookup(doc[i:j].text):
        return None  # (a name the lexicon knows keeps its entry)
    first, _ = state.resolve([doc[i]])
    if first is not None and first.entry.country:
        return None
    name = doc[i:j].text
    return Entry(id=f"NOUN.{slug(name)}", name=name, country=None, sector="MIL", kind="organization", source="noun")


def us_town(state: ArticleState, doc: Doc, b: int) -> bool:
    """A town name followed by a US state ("Paris, Kentucky", "Moscow, Idaho"): the US town."""
    if b + 1 >= len(doc) or doc[b].text != ",":
        return False
    for n in (3, 2, 1):
        words = doc[b + 1:b + 1 + n]
        if len(words) == n and all(t.text[:1].isupper() for t in words) and _us_state(state, words.text):
            return True
    return False


def foreign_namesake(state: ArticleState, e: Entry) -> bool:
    """A foreign town's name in a local US story (the article names a US state or a "<Name> County")
    whose country the article names nowhere else, by name or demonym: most likely the US town of that
    name ("a student from Paris" in a story set in a US county), so it gives no country."""
    if not e.country or e.country == "USA" or e.source not in ("place", "capital"):
        return False
    us_local, named = us_story(state)
    return us_local and e.country not in named  # "Paris ... French police": the foreign country is named


def us_story(state: ArticleState) -> tuple[bool, frozenset[str]]:
    """Whether the article is a local US story (it names a US state or a "<Name> County"), and the countries
    its entities name by name or demonym; read once per article."""
    if state.us_story is None:
        us_local = False
        named: set[str] = set()
        for seg in state.article.segments:
            doc = seg.doc
            for ent in doc.ents:
                demonym = state.lex.demonyms.get(norm(ent.text))
                if demonym:
                    named.add(demonym)
                named.update(x.country for x in state.lex.lookup(ent.text)
                             if x.kind == "state" and x.source == "country" and x.country)
                us_local = us_local or (ent.label_ in ("GPE", "LOC") and _us_state(state, ent.text) and (
                    (ent.start > 0 and doc[ent.start - 1].text == ",") or not _capital_name(state, ent.text)))
                # ("Washington said" is the capital; "Spokane, Washington" the state)
            us_local = us_local or any(t.text in ("County", "Parish") and t.i > 0 and doc[t.i - 1].pos_ == "PROPN"
                                       for t in doc)
        state.us_story = (us_local, frozenset(named))
    return state.us_story


def _capital_name(state: ArticleState, text: str) -> bool:
    """A name that is a country's capital ("Washington"), whatever else it names."""
    words = split_words(text)
    res = combine(scan(words, state.lex), state.lex, state.date, words) if words else None
    return res is not None and res.entry.source == "capital"


def _us_state(state: ArticleState, text: str) -> bool:
    """A US state's name that is no country's ("Kentucky"; not "Georgia")."""
    return state.lex.regions.get(norm(text)) == "USA" and not any(
        x.kind == "state" and x.source == "country" for x in state.lex.lookup(text))


def people_place(state: ArticleState, doc: Doc, j: int, preps: tuple[str, ...]) -> str | None:
    """The country of the place after a people's name ("of southern Serbia", "in south Serbia")."""
    if j >= len(doc) or doc[j].lower_ not in preps:
        return None
    k = j + 1
    while k < len(doc) and k - j <= 3 and (doc[k].pos_ == "DET" or doc[k].lower_ in _COMPASS):
        k += 1
    m = k
    while m < len(doc) and m - k < 4 and doc[m].pos_ == "PROPN":
        m += 1
    if m == k or (m < len(doc) and (doc[m].lower_ in ("and", "or", "&") or doc[m].text in HYPHENS)) \
            or norm(doc[k:m].text) in state.lex.demonyms:
        return None  # "in Romania and Slovakia": two countries; "of the Israeli-occupied ...": no name
    place, _ = state.resolve(list(doc[k:m]))
    if place is None or place.extra or not place.entry.country \
            or not (place.entry.kind == "state" or place.entry.source in ("place", "capital")):
        return None
    return place.entry.country


def facility_place(state: ArticleState, doc: Doc, i: int, j: int) -> str | None:
    """The country of a named facility "in" a place ("the X Water Treatment Works (WTW) in
    central Peru", "the Y Power Plant in Ukraine"): where it stands, not a guess."""
    if norm(doc[j - 1].lemma_) not in _FACILITIES and norm(doc[j - 1].text) not in _FACILITIES:
        return None
    k = j
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3  # "(WTW)"
    return people_place(state, doc, k, ("in", "at", "near"))


def article_country(state: ArticleState) -> None:
    """An article that names one country only: its titled people with no country ("President X")
    and its country-less state agents and groups ("government forces", "the rebels") are that
    country's (a company's home country does not count: companies act in many). Two countries named anywhere, or none: nothing is guessed. Not with PETRARCH
    dictionaries loaded: PETRARCH codes each sentence on its own. Actors only this rule can place ("the
    army", "the president" with nothing to refer to) are dropped when it does not place them."""
    _one_country(state)
    for aid in state.pending:  # "the army" of an article naming several countries, or none: nobody
        a = state.actors.get(aid)
        if a is not None and a.country is None:
            state.drop(aid)


def _one_country(state: ArticleState) -> None:
    """The one-country rule proper (see ``article_country``)."""
    if state.lex.stems:
        return
    named = {c for _s, _t, c in state.focus if c}  # countries and places named as such
    shared = _shared_names(state)
    families = _party_families(state)
    countries = named | {m_a.country for m in state.mentions
                         if (m_a := state.actors.get(m.actor)) is not None and m_a.country and m_a.id not in shared
                         and m_a.id not in families
                         and (m_a.kind != "person" or m_a.id in state.apposed) and not m_a.media
                         and m_a.sector not in _ABROAD_SECTORS}
    if not countries:  # "Congress passed the bill": a legislature or court that names no other country is the default's
        countries = {c for aid in shared if state.actors[aid].sector in ("LEG", "JUD") and (c := state.actors[aid].country)}
    known_people = {a.country for a in state.actors.values() if a.kind == "person" and a.known and a.country
                    and (a.sector in DOMESTIC_SECTORS or _home_office(state, a))}
    if len(countries) != 1:
        if not countries and len(known_people) == 1:  # "Interior Minister X allowed opposition leader Y"
            _domestic_people(state, next(iter(known_people)))
        setting = setting_country(state)
        if setting is not None:
            _home_namesakes(state, shared, setting)
            _local_groups(state, setting)
            _national_bodies(state, setting)
            _local_officials(state, setting)
            _pending_bodies(state, setting)
        else:
            _sentence_places(state)
        return
    iso3 = next(iter(countries))
    _home_parties(state, families, iso3)
    _home_namesakes(state, shared, iso3)
    for a in list(state.actors.values()):
        if a.country is None and a.kind == "person" and not a.known and not a.sector and not a.media \
                and named == {iso3} and a.label == "PERSON" and a.id not in state.unplaced:
            a.country, a.sector = iso3, "CVL"  # "Jane Doe was charged in Ohio": a private person of the one country
            continue
        if a.country is not None or a.led_by or a.media or not a.sector:
            continue
        if a.kind == "person" and a.sector in STATE_SECTORS | DOMESTIC_SECTORS | PARTY_SECTORS \
                and (named == {iso3} or a.sector in DOMESTIC_SECTORS) \
                and not a.id.startswith("NOUN.") and a.id not in state.unplaced:
            _give_country(a, iso3)
        elif a.id.startswith("NOUN.") and a.kind != "person" and a.sector in _CONTEXT_SECTORS \
                and singular(a.name.split()[-1]) not in NEWCOMERS:
            state.remap(a.id, state.lex.sector_entry(iso3, a.sector))
        elif a.id.startswith("NOUN.") and a.kind == "person" and a.sector in _OFFICE_SECTORS \
                and named == {iso3} and a.id not in state.pending:
            _give_country(a, iso3)  # "the candidate", "a bishop", "the army chief" of a one-country story


#: sectors of the non-state armed groups that make the security forces facing them a military force
_ARMED_OPPONENTS = frozenset({"INS", "REB", "UAF"})
#: the head words of "security forces"
_SECURITY_FORCES = (("security", "forces"), ("security", "force"))


def armed_setting(state: ArticleState) -> None:
    """'Security forces' are police and internal security (COP: the Phoenix CAMEO agents list them so, and
    so does a coder of arrests, raids and crowd control); in a sentence that also names a non-state armed
    group (insurgents, rebels, gunmen) they are fighting it, as the army does: the military (MIL)."""
    armed = {r.seg for r in state.refs
             if (a := state.actors.get(r.ref)) is not None and a.sector in _ARMED_OPPONENTS}
    for r in list(state.refs):
        a = state.actors.get(r.ref)
        if a is None or a.sector != "COP" or r.seg not in armed:
            continue
        seg = state.article.segments[r.seg]
        if tuple(t.lower_ for t in seg.doc[max(r.start_tok, r.end_tok - 2):r.end_tok]) not in _SECURITY_FORCES:
            continue
        e = state.lex.sector_entry(a.country, "MIL") if a.country else \
            Entry(id=f"{a.id}.MIL", name=a.name, country=None, sector="MIL", kind=a.kind, source="noun")
        for same in [x for x in state.refs if x.ref == a.id and x.seg == r.seg]:  # with "they" referring to them
            state.move(seg, same.start_tok, same.end_tok, a.id, e)


def _give_country(a: Actor, iso3: str) -> None:
    """Person ``a`` is of country ``iso3``: the country, and the country's body of the person's sector as
    affiliation where none is known."""
    a.country = iso3
    a.affiliation = a.affiliation or f"{iso3}.{a.sector}"


#: names of party families that parties of many countries bear ("the Social Democrats", "Labour")
_PARTY_FAMILIES = word_list("actors", "party_families")


def _party_families(state: ArticleState) -> dict[str, Actor]:
    """Parties every mention of which is a party family's name ("the Social Democrats", "Labour", "the
    Conservatives") that the lexicon gives one country's party, in an article that names that country
    nowhere else: the name says nothing of where the story is."""
    out: dict[str, Actor] = {}
    for a in state.actors.values():
        if a.kind == "person" or not a.country or a.sector != "POL" or not a.mentions \
                or not all(norm(m.text.removeprefix("the ").removeprefix("The ")) in _PARTY_FAMILIES for m in a.mentions):
            continue
        if any(c == a.country for _s, _t, c in state.focus) or any(
                o.country == a.country for o in state.actors.values() if o.id != a.id and o.kind != "person"):
            continue
        out[a.id] = a
    return out


def _home_parties(state: ArticleState, families: dict[str, Actor], iso3: str) -> None:
    """A party family's name in a story of one other country ("the Conservatives" in a Canadian story): that
    country's party politicians (POL), not the lexicon's party abroad; the opposition (OPP) where the text
    says so ("the opposition Social Democrats accused the Swedish government")."""
    text = state.article.text
    for aid, a in families.items():
        if a.country == iso3:
            continue
        opposition = any(text[:m.start].rstrip().lower().endswith("opposition") for m in a.mentions)
        state.remap(aid, state.lex.sector_entry(iso3, "OPP" if opposition else "POL"))


def _shared_names(state: ArticleState) -> dict[str, list[Entry]]:
    """Actors every mention of which is a name that bodies of several countries bear ("the National
    Guard": the USA's, Venezuela's, Saudi Arabia's ...), with the entries of that name; their country is
    the lexicon's first pick, so it says nothing of where the story is."""
    out: dict[str, list[Entry]] = {}
    for a in state.actors.values():
        if a.kind == "person" or not a.country or not a.mentions:
            continue
        options: list[Entry] = []
        for m in a.mentions:
            text = m.text[4:] if m.text.lower().startswith("the ") else m.text
            entries = [e for e in state.lex.lookup(text) if e.country]
            if len({e.country for e in entries}) < 2 or a.id not in {e.id for e in entries}:
                options = []
                break
            options = entries
        if options:
            out[a.id] = options
    return out


def _home_namesakes(state: ArticleState, shared: dict[str, list[Entry]], iso3: str) -> None:
    """A shared name in a story set in one country that has a body of that name: that country's ("the
    National Guard fired on protesters in Caracas": Venezuela's)."""
    for aid, entries in shared.items():
        home = next((e for e in entries if e.country == iso3), None)
        if home is not None and home.id != aid and aid in state.actors:
            state.remap(aid, home)


def setting_country(state: ArticleState) -> str | None:
    """The country where the story is set: the country of at least two thirds (and two or more) of the
    places the article names as where things happen (locatives, datelines, towns and regions; not
    states acting). None when no country dominates the places."""
    counts = Counter(c for _s, _t, c in state.places)
    if not counts:
        return None
    iso3, n = counts.most_common(1)[0]
    return iso3 if n >= 2 and 3 * n >= 2 * sum(counts.values()) else None


def _local_groups(state: ArticleState, iso3: str) -> None:
    """A story set in one country that names several: its country-less people of the place (police,
    protesters, residents, students, workers, courts) are that country's, as a coder places them where
    the events happen ("police fired teargas at protesters" in a story set in one city)."""
    for a in list(state.actors.values()):
        if a.kind != "person" and _placeless_local(state, a):
            state.remap(a.id, state.lex.sector_entry(iso3, a.sector or ""))


def _local_officials(state: ArticleState, iso3: str) -> None:
    """A story set in one country that names several: its titled people whose title names no country
    ("President Jane Doe", "the interior minister Y", "Col. X") are that country's, as a coder takes the
    country of local officials from where the story is set (a foreign official's title names the country:
    "U.S. Secretary of State X"). Not the people "of" a place we do not know, nor outlets' staff."""
    for a in state.actors.values():
        if a.kind == "person" and a.country is None and a.role and not a.media and a.id not in state.unplaced \
                and a.sector in STATE_SECTORS | DOMESTIC_SECTORS | PARTY_SECTORS and not a.id.startswith("NOUN."):
            _give_country(a, iso3)


def _pending_bodies(state: ArticleState, iso3: str) -> None:
    """A story set in one country that names several: the unqualified national bodies with nothing to refer
    to ("the army said on Sunday", "the president") are the setting's, as the bodies the country named
    last gave a country to are (``_national_bodies``)."""
    for aid in list(state.pending):
        a = state.actors.get(aid)
        if a is not None and a.country is None and a.sector:
            state.remap(aid, state.lex.sector_entry(iso3, a.sector))


def _placeless_local(state: ArticleState, a: Actor) -> bool:
    """A country-less people of a place read from a common noun (police, residents, a judge), not led by
    another, no outlet, not one only the one-country rule may place, and no newcomers."""
    return a.country is None and not a.led_by and not a.media and a.id.startswith("NOUN.") \
        and a.sector in _LOCAL_SECTORS and a.id not in state.pending and singular(a.name.split()[-1]) not in NEWCOMERS


def _sentence_places(state: ArticleState) -> None:
    """A story that names several countries and is set in none of them: the country-less people of a place
    (police, residents, a woman, a judge, prosecutors) whose sentences name places of one country only,
    and at least one, are that country's ("a judge in a court in Leeds ruled": a British judge). Only when
    the story's places lie in several countries (a story told in two or more places); a story with one place
    or none has no setting to split, and a country it names otherwise may be the people's."""
    if len({c for _s, _t, c in state.places}) < 2:
        return
    for a in list(state.actors.values()):
        if not _placeless_local(state, a):
            continue
        segs = {m.seg for m in state.mentions if m.actor == a.id}
        countries = {c for s, _t, c in state.places if s in segs}
        if len(countries) != 1:
            continue
        iso3 = next(iter(countries))
        if a.kind == "person":
            _give_country(a, iso3)
        else:
            state.remap(a.id, state.lex.sector_entry(iso3, a.sector or ""))


def _national_bodies(state: ArticleState, iso3: str) -> None:
    """A story set in one country that names several: an unqualified national body ("the government",
    "the authorities", "the army") that took the country named last is the setting's, as a coder reads the
    body of the country whose affairs the story is about, unless the sentence is about that other country:
    it names that country or one of its people (a foreign minister speaking of "the government" of his
    own), or a place of it is named in this sentence or the one before (the story went there). A body a
    state or its people act upon ("Ruritania urged the government to ...") is not their own: the setting's."""
    for s, i, j, old, sector in state.national:
        a = state.actors.get(old)
        country = a.country if a is not None else None
        if not country or country == iso3:
            continue
        seg = state.article.segments[s]
        if _own_sentence(state, seg.index, i, country) and seg.doc[j - 1].dep_ not in _ACTED_UPON:
            continue
        new = state.lex.sector_entry(iso3, sector)
        later = _pronouns_after(state, s, i, old)
        state.move(seg, i, j, old, new)
        for m_s, m_i, m_j in later:  # "the government said it would ...": "it" goes with it
            state.move(state.article.segments[m_s], m_i, m_j, old, new)


def _pronouns_after(state: ArticleState, s: int, i: int, aid: str) -> list[tuple[int, int, int]]:
    """The pronouns that refer to actor ``aid`` after token ``i`` of sentence ``s``, in that sentence and
    the next, up to its next mention by a noun or name: those that the mention there gave it."""
    out = []
    for m in state.mentions:
        if m.actor != aid or (m.seg, m.start) <= (s, i) or m.seg > s + 1:
            continue
        if m.end - m.start != 1 or state.article.segments[m.seg].doc[m.start].pos_ != "PRON":
            break
        out.append((m.seg, m.start, m.end))
    return out


def _own_sentence(state: ArticleState, s: int, i: int, country: str) -> bool:
    """Sentence ``s`` is about ``country`` up to token ``i``: it names the country or a person of it
    before, or a place of it is named in this sentence or the one before."""
    if any(p_s in (s - 1, s) and c == country for p_s, _t, c in state.places):
        return True
    if any(f_s == s and t < i and c == country for f_s, t, c in state.focus):
        return True
    return any(m.seg == s and m.start < i and (a := state.actors.get(m.actor)) is not None
               and a.kind == "person" and a.country == country for m in state.mentions)


def _home_office(state: ArticleState, a: Actor) -> bool:
    """A who's-who person whose role (as written or in the who's-who) is an interior ministry's."""
    roles = [a.role or ""] + [e.role or "" for e in state.lex.lookup(a.name) if e.id == a.id]
    return any("interior" in r.casefold() or "home minister" in r.casefold() for r in roles)


def _domestic_people(state: ArticleState, iso3: str) -> None:
    """Titled people of domestic offices (judges, police chiefs, lawmakers, opposition leaders) in an
    article whose only country is that of its who's-who people of home offices (interior ministers,
    judges, lawmakers): "Interior Minister X allowed opposition leader Y"."""
    for a in state.actors.values():
        if a.kind == "person" and a.country is None and a.role and a.sector in DOMESTIC_SECTORS \
                and not a.id.startswith("NOUN.") and a.id not in state.unplaced and not a.media:
            _give_country(a, iso3)
