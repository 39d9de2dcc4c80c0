"""Put a phrase's items together into one actor: person > organisation > country + head noun
("Turkish Foreign Minister X", "ordinary Kazakhs", "U.S.-backed forces", "EU legislators")."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...resources import word_list
from .actor_types import Item, Resolution
from .lexicon import Agent, Entry, Lexicon, norm, slug
from .org_names import named_org
from .petrarch_codes import compose
from .scan import singular
from .tenure import pick
from .titles import GENERIC_TITLES, has_name_after, same_office, titled_person

#: prepositions after which a capital is where something is, not the government acting
_WHERE = word_list("actors", "where_prepositions")
_NAME_SUFFIXES = word_list("actors", "name_suffixes")
#: demonyms of countries of immigration, which name citizenship after an ethnic word ("Turkish Cypriots",
#: "Mexican Americans" are Cypriots and Americans), never a people living abroad
_CITIZEN_PLURALS = word_list("actors", "citizen_plurals")
_MEMBER_NOUNS = word_list("actors", "member_nouns")
#: heads that seek an office rather than hold it: "Senate hopeful", "a Senate candidate" are politicians
_ASPIRANTS = word_list("actors", "aspirants")
_GROUP_HEADS = word_list("actors", "group_heads")
#: the people an organisation serves ("Twitch viewers", "a bank's customers"): civilians, not the organisation
_CLIENTELE = word_list("actors", "clientele")
#: sectors of group nouns that do not take a person's country after the person's possessive
_NOT_FOLLOWERS = frozenset({"JUD", "MED", "BUS", "HLH", "EDU", "NGO"})


@dataclass
class _Parts:
    """A phrase's items sorted by what they name."""

    persons: list[tuple[Item, Entry, bool]] = field(default_factory=list)  # (item, entry, left the role)
    orgs: list[tuple[Item, Entry]] = field(default_factory=list)
    states: list[tuple[Item, Entry]] = field(default_factory=list)
    led_by: str | None = None


def combine(items: list[Item], lex: Lexicon, date: str | None, words: list[str],
            people_sector: str | None = None) -> Resolution | None:
    """Put a phrase's items together: person > organisation > country + head noun.

    ``people_sector``: the sector of a bare plural demonym ("Syrians"): None for the country itself
    (dictionary convention), "CVL" when the stage reads it in a sentence.
    """
    former = any(it.kind == "former" for it in items)
    shaped = _shaped_org(items, lex, date, words)
    if shaped is not None:
        return shaped
    items = _longer_names(_core(items))
    ethnic = _ethnic(items, words)
    if isinstance(ethnic, Resolution):
        return ethnic
    if ethnic is not None:
        items = ethnic
    items = _residence_first(items)
    roles = [it for it in items if it.kind == "role"]
    heads = [it for it in items if it.kind in ("agent", "role")]
    head = heads[-1] if heads else None
    if len(heads) >= 2 and singular(heads[-1].text.split()[-1]) in _MEMBER_NOUNS and heads[-2].agent \
            and heads[-2].agent.sector:
        head = replace(heads[-2], end=heads[-1].end)  # "intelligence agency officer" -> the agency
    head = _side_people(heads, head)
    people = _demonym_people(items, lex, bool(heads), former, people_sector)
    if people is not None:
        return people
    parts = _sort_items(items, lex, date, words, bool(heads), head)
    role_name = roles[-1].agent.role if roles and roles[-1].agent else None
    followers = _followers(items, parts, head, lex, former, words)
    if followers is not None:
        return followers
    if parts.persons:
        return _person(parts, roles, role_name, former, date)
    party_leader = _party_leader(items, parts, head, lex, words)
    if party_leader is not None:  # "Labour leader Jane Doe": the party's politician
        return titled_person(items, party_leader, [parts.orgs[-1]], parts.states, lex, former, date, words)
    if head is not None and head.kind == "role" and has_name_after(items, head, words, lex):
        before = [(it, e) for it, e in parts.orgs if it is not items[-1]]  # not the name itself ("Mayor Bloggs")
        return titled_person(items, head, before, parts.states, lex, former, date, words)
    if parts.orgs and head is not None and head.agent is not None and head.start >= parts.orgs[-1][0].end \
            and singular(words[head.end - 1].lower()) in _CLIENTELE:
        # "Twitch viewers", "the airline's customers": the people served, not the organisation
        return _agent(_Parts(states=parts.states), head, head.agent, lex, former, words)
    if parts.orgs:
        return _organisation(parts, head, role_name, lex, former, head is not None and head is items[-1])
    if head is not None and head.agent is not None:
        return _agent(parts, head, head.agent, lex, former, words)
    if parts.states:
        it, st = parts.states[-1]
        return Resolution(entry=st, head=it, extra=[(s_it, s) for s_it, s in parts.states[:-1]])
    return None


#: sectors of the people of no office a party or side may have ("supporters", "youths", "activists")
_PEOPLE_SECTORS = frozenset({"CVL", "OPP"})
#: sectors of the sides whose people those are: a party (POL), the opposition (OPP), the ruling party (GOV)
_SIDE_SECTORS = frozenset({"POL", "OPP", "GOV"})


def _side_people(heads: list[Item], head: Item | None) -> Item | None:
    """'party youths', 'opposition supporters', 'ruling party activists': the people of a party or side
    (a party noun right before a noun of people of no office) are that side's: its sector, not civilians'
    (the youth wing or militants of a party act for it)."""
    if head is None or len(heads) < 2 or head is not heads[-1] or heads[-2].end != head.start:
        return head
    side, people = heads[-2].agent, head.agent
    if side is None or people is None or people.sector not in _PEOPLE_SECTORS or side.sector not in _SIDE_SECTORS \
            or not (side.sector == "OPP" or heads[-2].text.lower().split()[-1] == "party"):
        return head
    return replace(head, agent=replace(people, sector=side.sector))


def _shaped_org(items: list[Item], lex: Lexicon, date: str | None, words: list[str]) -> Resolution | None:
    """'Nigerian Union of Teachers': an organisation of Nigeria the lexicon lacks, read from its shape."""
    if items and items[0].kind in ("demonym", "entry") or (len(items) > 1 and norm(items[0].text) == "the"):
        first = next(it for it in items if norm(it.text) != "the")
        if first.kind == "entry":
            e0, _ = pick(first.entries, date)
            country = e0.country if e0 is not None and e0.kind == "state" else None
        else:
            country = first.country if first.kind == "demonym" else None
        org = named_org(items, words, lex, country)
        if org is not None:
            return Resolution(entry=org, head=first, named=[country] if country else [])
    return None


def _demonym_people(items: list[Item], lex: Lexicon, has_heads: bool, former: bool,
                    people_sector: str | None) -> Resolution | None:
    """A demonym used as a plural noun: 'Syrians' alone (the country as a group), 'ordinary Kazakhs'
    (KAZ.CVL), 'Bosnian Serbs' (the people of the second word living in the first one's country)."""
    if len(items) == 1 and items[0].kind == "demonym" and items[0].plural_people and people_sector is None:
        d = items[0]
        return Resolution(entry=replace(lex.state_entry(d.country or ""), kind="group"), head=d)
    # a demonym used as a plural noun at the end ("ordinary Kazakhs") is the head
    if items and items[-1].kind == "demonym" and items[-1].plural_people and not has_heads:
        d = items[-1]
        home = items[-2] if len(items) >= 2 else None
        if home is not None and home.kind == "demonym" and home.country and home.country != d.country \
                and not home.plural_people and norm(d.text) not in _CITIZEN_PLURALS:
            # "Bosnian Serbs", "Iraqi Kurds": the people of the second word living in the first one's country
            entry = replace(lex.sector_entry(home.country, "ETH"), kind="group")
            return Resolution(entry=entry, head=d, former=former)
        entry = replace(lex.sector_entry(d.country or "", "CVL"), kind="group")
        return Resolution(entry=entry, head=d, former=former)
    return None


def _sort_items(items: list[Item], lex: Lexicon, date: str | None, words: list[str], has_heads: bool,
                head: Item | None) -> _Parts:
    """The people, organisations and countries a phrase names, and the sponsor of a '-led' phrase; a
    sponsor ("U.S.-backed forces") and what follows 'pro-' are not the actor."""
    pro_after: set[int] = set()
    for k, it in enumerate(items):
        if it.kind == "pro":
            nxt = k + 1
            while nxt < len(items) and items[nxt].text in ("-", "‐"):
                nxt += 1
            pro_after.add(nxt)
    parts = _Parts()
    for k, it in enumerate(items):
        if k in pro_after:
            continue
        if k + 1 < len(items) and items[k + 1].kind == "led" and it.kind in ("entry", "demonym"):
            sponsor = it.country if it.kind == "demonym" else None
            if it.kind == "entry":
                e0, _ = pick(it.entries, date)
                sponsor = (e0.country if e0.kind == "state" else e0.id) if e0 is not None else None
            if sponsor and items[k + 1].text.lower().lstrip("-") == "led":
                parts.led_by = sponsor
            continue  # the sponsor is not the actor ("U.S.-backed forces" are not U.S. forces)
        if it.kind == "entry":
            entries = it.entries
            if _after_title(items, k) and any(x.source == "person" for x in entries):
                entries = [x for x in entries if x.source == "person"]  # "Mayor X": the person, not an outlet X
            e, left = pick(entries, date)
            if e is None:
                continue
            if e.source == "person":
                parts.persons.append((it, e, left))
            elif e.kind == "state" or e.source == "capital":
                if e.source == "capital" and it.start > 0 and norm(words[it.start - 1]) in _WHERE:
                    e = replace(lex.state_entry(e.country or ""), source="place")  # "a market in Kabul": where
                parts.states.append((it, e))
            elif e.source == "ethnic" and has_heads:
                if head is not None and singular(head.text.split()[-1]) in _GROUP_HEADS \
                        and ((len(head.text.split()) == 1 and head.start == it.end) or e.sector not in ("ETH", "REL")):
                    # "Kurdish leaders": the people; not "a Kurdish rebel group"; an armed movement's name stays
                    # itself though ("other Islamist militant groups" are Islamists)
                    parts.orgs.append((it, e))
                elif e.country:  # "Karen guerrillas": a people of one country gives its country
                    parts.states.append((it, replace(lex.state_entry(e.country), source="place")))
                continue
            else:
                parts.orgs.append((it, e))
        elif it.kind in ("demonym", "place") and it.country:
            st = lex.state_entry(it.country)
            parts.states.append((it, replace(st, source="place") if it.kind == "place" else st))
    return parts


def _followers(items: list[Item], parts: _Parts, head: Item | None, lex: Lexicon, former: bool,
               words: list[str]) -> Resolution | None:
    """'Jane Doe's supporters', 'the president's government': a group noun after a person's possessive is
    a group of the person's country (the noun's sector), not the person; hired professionals ('Jane
    Doe's lawyers', courts, media, business) are no country's."""
    if not parts.persons or head is None or head.agent is None:
        return None
    it, e, _left = parts.persons[-1]
    if head.start < it.end:
        return None
    if _campaign_staff(items, it, head, words):
        return _campaign(e, head, lex, words)
    if head.kind != "agent" or not any(x.kind == "possessive" and it.end <= x.start < head.start for x in items):
        return None
    own = e.country and head.agent.sector not in _NOT_FOLLOWERS
    states = [(it, lex.state_entry(e.country or ""))] if own else []
    return _agent(_Parts(states=states), head, head.agent, lex, former, words)


#: the title of a party's head after its name ("Labour leader Jane Doe")
_PARTY_LEADER = Agent(sector="POL", kind="person", role="Party Leader")


def _party_leader(items: list[Item], parts: _Parts, head: Item | None, lex: Lexicon, words: list[str]) -> Item | None:
    """'Labour leader Jane Doe', 'Green Party leader X': "leader" after a political party's name and before a
    name is a party leader's title (POL, the party as affiliation), not a country-less group noun."""
    if head is None or head.kind != "agent" or not parts.orgs or parts.persons \
            or singular(words[head.end - 1].lower()) != "leader" or head.end - head.start != 1:
        return None
    org_it, org = parts.orgs[-1]
    if org.sector != "POL" or org.kind != "organization" or org_it.end != head.start \
            or not has_name_after(items, head, words, lex):
        return None
    return replace(head, kind="role", agent=_PARTY_LEADER)


def _campaign_staff(items: list[Item], person: Item, head: Item, words: list[str]) -> bool:
    """'Jane Doe campaign officials', 'the Doe campaign's aides', "Doe's campaign staff": the word "campaign"
    between a person's name and a group noun or title with no name after it (a titled person, "Doe campaign
    spokeswoman X", is the person pass's)."""
    between = [norm(w) for w in words[person.end:head.start] if w not in ("'s", "\u2019s", "'", "\u2019")]
    if between != ["campaign"] and not (not between and norm(words[head.start]) == "campaign"):
        return False
    return head.kind != "role" or not has_name_after(items, head, words)


def _campaign(e: Entry, head: Item, lex: Lexicon, words: list[str]) -> Resolution:
    return Resolution(entry=campaign_entry(lex, e.country, " ".join(words[head.start:head.end])), head=head)


def campaign_entry(lex: Lexicon, country: str | None, noun: str) -> Entry:
    """A candidate's campaign staff ("campaign officials", ``noun`` the staff's word): party politicians (POL)
    of the candidate's country, whatever the noun's own sector ("campaign officials" hold no state office)."""
    if country:
        return replace(lex.sector_entry(country, "POL"), kind="group")
    words = f"campaign {noun}"
    return Entry(id=f"NOUN.{slug(words)}", name=words, country=None, sector="POL", kind="group", source="noun")


def _after_title(items: list[Item], k: int) -> bool:
    """Item ``k`` follows a title, with at most capitalised name words between ("Mayor Jane Doe")."""
    m = k - 1
    while m >= 0 and items[m].kind == "word" and items[m].text[:1].isupper() and items[m].end == items[m + 1].start:
        m -= 1
    return m >= 0 and items[m].kind == "role" and items[m].end == items[m + 1].start


def _person(parts: _Parts, roles: list[Item], role_name: str | None, former: bool,
            date: str | None) -> Resolution:
    """A who's-who person named in the phrase: the row of the title written if they held it then; the
    title the text gives sets the sector ("US Senator Marco Rubio")."""
    it, e, left = parts.persons[-1]
    sector = e.sector
    title = roles[-1].agent if roles and roles[-1].end <= it.start else None
    held = None
    if title is not None and title.role and not left:  # the row of the title written, if the person held it
        held = next((x for x in it.entries if x.id == e.id and same_office(x.role, title.role)
                     and x.holds(date)), None)
        e = held or e
        sector = e.sector
    if title is not None and title.sector and title.role not in GENERIC_TITLES and not left \
            and sector != title.sector and held is None:
        sector = title.sector  # the title the text gives ("US Senator Marco Rubio") holds now
        e = replace(e, affiliation=f"{e.country}.{sector}" if e.country else e.affiliation)
    if former or left:
        sector = "ELI"
    entry = replace(e, sector=sector)
    return Resolution(entry=entry, role=role_name or e.role, former=former or left, head=it,
                      modifiers=parts.orgs, named=[st.country for s_it, st in parts.states
                                                   if s_it.kind == "entry" and st.country])


def _organisation(parts: _Parts, head: Item | None, role_name: str | None, lex: Lexicon,
                  former: bool, head_last: bool = False) -> Resolution:
    """An organisation or institution named in the phrase, its sector set by the head noun after it
    ("Senate candidate", "Defense Ministry intelligence", "EU legislators")."""
    it, e = parts.orgs[-1]
    states = parts.states
    if e.source == "ethnic" and e.country is None and states and e.sector:
        e = lex.sector_entry(states[-1][1].country or "", e.sector)
    foreign = [st for s_it, st in states if s_it.end <= it.start and st.country and st.country != e.country]
    if e.source == "institution" and foreign and e.sector:
        e = lex.sector_entry(foreign[-1].country or "", e.sector)  # "Chile's Defense Department"
    composed = compose(e, head, lex) if head is not None and head.start >= it.end else None
    if composed is not None:
        return Resolution(entry=composed, head=head, former=former)
    sector = e.sector
    if head is not None and head.start >= it.end and e.source == "institution" \
            and singular(head.text.split()[-1].lower()) in _ASPIRANTS:
        sector = "POL"
    elif head is not None and head.agent and head.agent.sector and e.source == "institution":
        if head.agent.sector in ("MIL", "COP", "SPY", "JUD", "LEG") and e.sector == "GOV":
            sector = head.agent.sector
        elif head.agent.sector == "JUD" and head.kind == "agent" and head_last:
            sector = "JUD"  # "Capitol Hill Municipal Court": a court, whatever body names its seat
    if former and head is not None:
        sector = "ELI"
    if sector != e.sector and e.country:
        e = lex.sector_entry(e.country, sector or "GOV")
    if e.sector == "IGO" and head is not None and head.agent and head.agent.sector \
            and head.start >= it.end and head.agent.sector not in ("GOV", "IGO"):
        e = replace(e, id=f"{e.id}.{head.agent.sector}", sector=head.agent.sector, affiliation=e.id,
                    name=f"{e.name} {head.text.lower()}")  # "EU legislators", part of the EU
    role = role_name if head is not None and head.kind == "role" else None
    return Resolution(entry=e, role=role, head=head or it, former=former, led_by=parts.led_by,
                      extra=[(s_it, s) for s_it, s in states if s.country != e.country])


def _agent(parts: _Parts, head: Item, ag: Agent, lex: Lexicon, former: bool,
           words: list[str]) -> Resolution | None:
    """A country and an actor noun ("Syrian troops" -> SYR.MIL), a coalition led by a country, or an
    actor noun with no country (NOUN.<words>)."""
    states, led_by = parts.states, parts.led_by
    if ag.coalition and led_by:
        # a coalition a state leads is a military one ("the Saudi-led coalition" strikes); one an organisation
        # or a party leads keeps no sector
        entry = Entry(id=f"COALITION.{led_by}_LED", name=f"{lex.country_names.get(led_by, led_by)}-led "
                      f"{head.text.lower()}", country=None, sector="MIL" if led_by in lex.country_names else None,
                      kind="group", source="noun")
        return Resolution(entry=entry, led_by=led_by, head=head, extra=[(s_it, s) for s_it, s in states])
    sector = "ELI" if former else ag.sector
    if not states:
        if sector is None:
            return None
        head_words = " ".join(words[head.start:head.end])
        led = f"{slug(led_by).upper()}_led_" if led_by else ""
        entry = Entry(id=f"NOUN.{led}{slug(head_words)}", name=head_words, country=None, sector=sector,
                      kind="person" if head.kind == "role" else ag.kind, source="noun")
        return Resolution(entry=entry, role=ag.role, head=head, former=former, led_by=led_by)
    _last_it, st = states[-1]
    composed = compose(st, head, lex)
    if composed is not None:
        return Resolution(entry=composed, head=head, former=former,
                          extra=[(s_it, compose(s, head, lex) or s) for s_it, s in states[:-1]])
    country = st.country or ""
    entry = lex.state_entry(country) if sector is None else lex.sector_entry(country, sector)
    return Resolution(entry=entry, role=ag.role, head=head, former=former,
                      extra=[(s_it, s if sector is None else lex.sector_entry(s.country or "", sector))
                             for s_it, s in states[:-1]])


def _core(items: list[Item]) -> list[Item]:
    """Items before a preposition when they name who it is ('Russia's ambassador to Poland');
    places used as bare modifiers only before a head noun ('Shanghai police')."""
    for k, it in enumerate(items):
        if it.kind == "prep":
            before = items[:k]
            if any(b.kind == "demonym" or (b.kind == "entry" and any(e.country or e.source != "ethnic"
                                                                    for e in b.entries)) for b in before):
                items = before
            else:
                items = [*before, *(a for a in items[k + 1:] if a.kind != "prep")]
            break
    out: list[Item] = []
    for k, it in enumerate(items):
        if it.kind == "place" and len(items) > 1 and not (k > 0 and items[k - 1].kind == "role"):
            nxt = [a for a in items[k + 1:] if a.kind not in ("possessive", "word")]
            if not nxt or nxt[0].kind not in ("agent", "role", "entry"):
                continue
        out.append(it)
    return out


def _ethnic(items: list[Item], words: list[str]) -> Resolution | list[Item] | None:
    """'ethnic Albanians' are a people, not Albania: a country-less ETH group (the article's country,
    if it names one, is theirs; see the stage's one-country rule); 'ethnic Albanian guerrillas': the
    head noun with no country."""
    for k, it in enumerate(items[:-1]):
        nxt = items[k + 1]
        if it.kind != "word" or norm(it.text) != "ethnic" or nxt.kind != "demonym":
            continue
        rest = items[k + 2:]
        if not any(r.kind in ("agent", "role", "entry") for r in rest):
            name = " ".join(words[it.start:nxt.end])
            entry = Entry(id=f"NOUN.{slug(name)}", name=name, country=None, sector="ETH", kind="group",
                          source="noun")
            return Resolution(entry=entry, head=nxt)
        return [*items[:k], *rest]
    return None


def _state_country(it: Item) -> str | None:
    """The country a demonym or a country's name in a phrase names ("Bosnian", "Kosovo"), else None."""
    if it.kind == "demonym":
        return it.country
    if it.kind == "entry":
        states = {e.country for e in it.entries if e.kind == "state" and e.source == "country"}
        return next(iter(states)) if len(states) == 1 else None
    return None


def _residence_first(items: list[Item]) -> list[Item]:
    """'Bosnian Croat officials', 'Kosovo Serb mayors', 'British Pakistani MPs': a country's word right before
    a second country's demonym, then a head noun, names a people of the second living in the first
    country, whose country the actor is (no conjunction: not two actors). The demonyms of countries of
    immigration name citizenship after an ethnic word ("Turkish Cypriot leader", "Iranian American
    scholars" are Cypriot and American) and keep the second country."""
    for k, it in enumerate(items[:-2]):
        nxt = items[k + 1]
        home = _state_country(it)
        if home is None or nxt.kind != "demonym" or nxt.plural_people or nxt.start != it.end \
                or not nxt.country or nxt.country == home or norm(nxt.text) + "s" in _CITIZEN_PLURALS:
            continue
        if any(r.kind in ("agent", "role") for r in items[k + 2:]):
            return [*items[:k + 1], *items[k + 2:]]
    return items


def _longer_names(items: list[Item]) -> list[Item]:
    """A who's-who name followed by a further capitalised name word names someone else ("Juan Carlos
    Jobet" is not King Juan Carlos): the stretch is read as an unknown name."""
    out = list(items)
    for k, it in enumerate(items[:-1]):
        nxt = items[k + 1]
        if it.kind == "entry" and it.entries and all(e.source == "person" for e in it.entries) \
                and nxt.kind == "word" and nxt.start == it.end and nxt.text[:1].isupper() \
                and norm(nxt.text) not in _NAME_SUFFIXES:
            out[k] = Item("word", it.start, it.end, text=it.text)
    return out
