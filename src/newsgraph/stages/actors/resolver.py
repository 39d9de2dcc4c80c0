"""Resolve an actor phrase ("Turkish Foreign Minister X", "ordinary Kazakhs") to country + sector.

:class:`Resolver` works on plain strings (for benchmarks and other stages); the actor stage calls
:func:`scan` and :func:`combine` on spaCy tokens so that it keeps token positions.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from ...model import Actor
from .lexicon import Agent, Entry, Lexicon, fold, is_caps, norm, slug
from .named import named_org
from .places_names import place_country

_FORMER = {"former", "ex", "ex-", "erstwhile", "onetime", "retired", "late", "then"}
#: "U.S.-led", "Iranian-backed", "Russian-made": the country named is a sponsor, not the actor's own
_LED = {"led", "backed", "sponsored", "allied", "supported", "funded", "aligned", "affiliated", "made",
        "armed", "trained", "installed", "controlled", "run"}
_JOINERS = {"and", "&", ",", "or"}
_PREPS = {"to", "in", "at", "from", "of", "for", "with", "against", "on", "near", "inside", "across"}
#: prepositions after which a capital is where something is, not the government acting
_WHERE = {"in", "near", "inside", "outside", "across", "around", "throughout"}
_GENERIC_TITLES = {"spokesperson", "official", "Official", "Minister", "Secretary", "Deputy Secretary",
                   "Undersecretary", "Envoy", "Special Envoy", "Ambassador", "Diplomat", "Chief of Staff",
                   "Press Secretary", "commander", "Director", "Mediator", "Negotiator"}
_IRREGULAR = {"men": "man", "women": "woman", "people": "people", "police": "police", "media": "media",
              "militia": "militia", "forces": "forces", "troops": "troops", "authorities": "authorities",
              "allies": "ally", "militaries": "military", "clergy": "clergy", "gunmen": "gunman",
              "policemen": "policeman", "militiamen": "militiaman", "businessmen": "businessman",
              "spokesmen": "spokesman", "spokeswomen": "spokeswoman", "congressmen": "congressman"}


def singular(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec"), start=1)}


def parse_date(value: str | None) -> str | None:
    """'today' -> today's ISO date; '2022-01-01' / '2022' kept; '1 July 2021', 'July 1, 2021',
    'October 2021' -> ISO; anything else -> None."""
    if value is None:
        return None
    v = value.strip()
    if v.lower() in ("today", "now"):
        return _dt.date.today().isoformat()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        return v
    m = re.match(r"(\d{4}-\d{2}-\d{2})", v)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?,?\s+(\d{4})", v)
    if m and m.group(2)[:3].lower() in _MONTHS and not (m.group(1) and m.group(3)):
        month = _MONTHS[m.group(2)[:3].lower()]
        day = int(m.group(1) or m.group(3) or 1)
        try:
            return _dt.date(int(m.group(4)), month, day).isoformat()
        except ValueError:
            return None
    return None


@dataclass
class Item:
    """One recognised stretch of words ``[start, end)`` of a phrase."""

    kind: str  # entry | demonym | role | agent | former | pro | led | joiner | possessive | word
    start: int
    end: int
    entries: list[Entry] = field(default_factory=list)
    country: str | None = None
    agent: Agent | None = None
    plural_people: bool = False
    text: str = ""


@dataclass
class Resolution:
    """What a phrase resolves to, plus the parts that name other actors (coordinated countries)."""

    entry: Entry
    role: str | None = None
    led_by: str | None = None
    former: bool = False
    head: Item | None = None
    extra: list[tuple[Item, Entry]] = field(default_factory=list)  # further actors named in it
    modifiers: list[tuple[Item, Entry]] = field(default_factory=list)  # institutions in titles
    named: list[str] = field(default_factory=list)  # countries named by name in a person's title ("Iraq's")


_PARTY_SECTORS = frozenset({"POL", "OPP", "PTY"})
#: roles of heads of state and government: a lone surname shared by several office holders names the head
HEAD_ROLES = frozenset({"president", "prime minister", "king", "queen", "emir", "chancellor", "premier",
                         "supreme leader", "sultan", "taoiseach", "crown prince"})
#: sources of proper names (organisations, outlets, people), never matched by an all-lowercase word
_NAMED_SOURCES = frozenset({"org", "media", "person"})


def pick(entries: list[Entry], date: str | None) -> tuple[Entry | None, bool]:
    """The entry that holds at ``date`` (and whether the person had left that role by then)."""
    if not entries:
        return None, False
    valid = [e for e in entries if e.holds(date)]
    if valid:
        people = [e for e in valid if e.source == "person"]
        if people and len(people) == len(valid):
            # at a date, a state office outranks a party post held at the same time (a prime minister who
            # leads his party acts as the government); then (and with no date) the latest role
            return max(people, key=lambda e: (date is not None and e.sector not in _PARTY_SECTORS, e.start or "",
                                              e.end or "9999")), False
        if date is None:  # no article date: a PETRARCH entry's unrestricted code is its default
            plain = [e for e in valid if e.source == "petrarch" and not (e.start or e.end)]
            if plain:
                return plain[0], False
        same = [e for e in valid if e.id == valid[0].id]
        return max(same, key=lambda e: e.start or ""), False
    dated = [e for e in entries if e.start or e.end]
    if date and dated:
        before = [e for e in dated if e.end and date > e.end]
        if before:
            return max(before, key=lambda e: e.end or ""), True
        return min(dated, key=lambda e: e.start or ""), False
    return entries[0], False


def scan(words: list[str], lex: Lexicon, lemmas: list[str] | None = None) -> list[Item]:
    """Greedy longest-match segmentation of ``words`` into lexicon items."""
    items: list[Item] = []
    n = len(words)
    i = 0
    while i < n:
        found: Item | None = None
        for length in range(min(lex.max_words + 2, n - i), 0, -1):
            chunk = words[i:i + length]
            text = " ".join(chunk)
            key = norm(text)
            if not key:
                break
            entries = lex.lookup(text)
            if entries and " " not in key and not any(ch.isupper() for ch in text):
                # a one-word name written in lower case is a common word: "the labour ministry", "child labour"
                entries = [e for e in entries if e.source not in _NAMED_SOURCES]
            if entries:
                found = Item("entry", i, i + length, entries=entries, text=text)
                break
            if key in lex.capitals and text[:1].isupper():
                iso3 = lex.capitals[key]
                cap = Entry(id=iso3, name=lex.country_names.get(iso3, iso3), country=iso3, sector="GOV",
                            kind="state", source="capital")
                found = Item("entry", i, i + length, entries=[cap], text=text)
                break
            if key in lex.demonyms:
                found = Item("demonym", i, i + length, country=lex.demonyms[key], text=text,
                             plural_people=key in lex.demonym_nouns)
                break
            if key in lex.roles:
                found = Item("role", i, i + length, agent=lex.roles[key], text=text)
                break
            if text[:1].isupper() and (key in lex.regions or (length <= 3 and place_country(key))):
                found = Item("place", i, i + length, country=lex.regions.get(key) or place_country(key),
                             text=text)
                break
            last = lemmas[i + length - 1].lower() if lemmas else singular(chunk[-1])
            for cand in (key, norm(" ".join([*chunk[:-1], last])), norm(" ".join([*chunk[:-1],
                                                                                   singular(chunk[-1])]))):
                if cand in lex.agents:
                    found = Item("agent", i, i + length, agent=lex.agents[cand], text=text)
                    break
            if found:
                break
            if length == 1:
                found = _single(words[i], lex)
                if found:
                    found.start, found.end = i, i + 1
                break
        if lex.stems and (found is None or not any(e.source in ("petrarch", "user") for e in found.entries)):
            stem = _stem_match(words, i, lex)  # a user's PETRARCH stem beats the shipped lexicon
            if stem is not None and (found is None or stem.end >= found.end or found.kind == "word"):
                found = stem
        if found is None:
            found = Item("word", i, i + 1, text=words[i])
        items.append(found)
        i = found.end
    return items


def _stem_match(words: list[str], i: int, lex: Lexicon) -> Item | None:
    """The longest PETRARCH stem entry starting at word ``i`` ('Arnorian' by the stem ARNOR)."""
    first = norm(words[i])
    if not first:
        return None
    best: Item | None = None
    candidates: list[tuple[tuple[str, ...], list[Entry]]] = list(lex.stems.get(first, []))
    for k in range(len(first) - 1, 2, -1):
        candidates += [c for c in lex.stems.get(first[:k], []) if len(c[0]) == 1]
    for stem_words, entries in candidates:
        n = len(stem_words)
        if i + n > len(words):
            continue
        got = [norm(w) for w in words[i:i + n]]
        if got[:-1] != list(stem_words[:-1]) or not got[-1].startswith(stem_words[-1]):
            continue
        if best is None or i + n > best.end:
            best = Item("entry", i, i + n, entries=entries, text=" ".join(words[i:i + n]))
    return best


def _single(word: str, lex: Lexicon) -> Item | None:
    w = fold(word).lower()
    if w in _FORMER:
        return Item("former", 0, 0, text=word)
    if w.startswith(("pro-", "anti-")) or w in ("pro", "anti"):
        return Item("pro", 0, 0, text=word)
    if w.lstrip("-") in _LED:
        return Item("led", 0, 0, text=word)
    if w in _JOINERS:
        return Item("joiner", 0, 0, text=word)
    if w in ("'s", "'", "s'"):
        return Item("possessive", 0, 0, text=word)
    if w in _PREPS:
        return Item("prep", 0, 0, text=word)
    return None


def surname_person(lex: Lexicon, key: str, date: str | None, given: str | None = None) -> tuple[Entry | None, bool]:
    """The one who's-who person a lone surname names (at ``date``), if only one fits; ``given``: the
    first name written before it ("Omar ... al-Bashir"), which must start the person's name."""
    people = lex.surnames.get(key, [])
    if given:
        people = [e for e in people if norm(e.name).startswith(given)]
    if date:  # a bare surname names someone in office then or before, never a later office-holder
        people = [e for e in people if not (e.start and date < e.start)]
    if not people:
        return None, False
    ids = {e.id for e in people}
    if len(ids) > 1:
        holding = [e for e in people if e.holds(date)] if date else []
        heads = [e for e in holding if (e.role or "").casefold() in HEAD_ROLES]
        if len({e.id for e in holding}) > 1 and len({e.id for e in heads}) == 1:
            holding = [e for e in holding if e.id == heads[0].id]  # "Abbas": the president, not a namesake minister
        if len({e.id for e in holding}) == 1:
            people = holding
        elif date is None:
            latest = max(people, key=lambda e: e.start or "")
            people = [e for e in people if e.id == latest.id]
        else:
            return None, False
    return pick(people, date)


def fuzzy_person(lex: Lexicon, name: list[str], date: str | None) -> tuple[Entry | None, bool]:
    """A misspelt name of a who's-who person ("Francois Mitterand", "Abdelaziz Bouteflicka"): the given
    name written in full and a surname within one or two letters of the person's, who must hold a role
    at ``date`` (any of their roles when there is no date); only when exactly one person fits."""
    if len(name) < 2:
        return None, False
    given, sur = norm(name[0]), norm(name[-1])
    if len(sur) < 5 or len(given) < 3:
        return None, False
    found: dict[str, list[Entry]] = {}
    for key, people in lex.surnames.items():
        if key[0] != sur[0] or abs(len(key) - len(sur)) > 2 or " " in key or key == sur \
                or SequenceMatcher(None, key, sur).ratio() < 0.88:
            continue
        for e in people:
            if norm(e.name).startswith(given + " ") and e.holds(date):
                found.setdefault(e.id, []).append(e)
    if len(found) != 1:
        return None, False
    return pick(next(iter(found.values())), date)


def skeleton(word: str) -> str:
    """A name's consonant skeleton: the first letter, then its consonants with no doubles ("sentos",
    "santos" -> "snts"): vowels are what misspelt transcribed names get wrong most."""
    rest = re.sub(r"[aeiouy\W]", "", word[1:])
    return word[:1] + re.sub(r"(.)\1+", r"\1", rest)


def skeleton_person(lex: Lexicon, name: list[str], date: str | None, role: str | None) -> tuple[Entry | None, bool]:
    """A titled who's-who person whose surname has the consonants of the written one and whose full name
    holds every other written word ("President Dos Sentos"); a lone written surname must also carry the
    person's own title. Only when exactly one person fits."""
    if not name:
        return None, False
    sur = norm(name[-1])
    others = [norm(w) for w in name[:-1]]
    if len(sur) < 4 or " " in sur or (not others and not role):
        return None, False
    sk = skeleton(sur)
    found: dict[str, list[Entry]] = {}
    for key, people in lex.surnames.items():
        if key[:1] != sur[:1] or " " in key or key == sur or abs(len(key) - len(sur)) > 1 or skeleton(key) != sk:
            continue
        for e in people:
            full = norm(e.name).split()
            if any(w not in full for w in others) or (date is not None and not e.holds(date)):
                continue
            if not others and (e.role or "").casefold() != (role or "").casefold():
                continue
            found.setdefault(e.id, []).append(e)
    if len(found) > 1 and role:  # several namesakes: the one who held the title written
        titled = {k: v for k, v in found.items() if any((e.role or "").casefold() == role.casefold() for e in v)}
        found = titled or found
    if len(found) != 1:
        return None, False
    return pick(next(iter(found.values())), date)


def split_words(text: str) -> list[str]:
    """Plain-string tokenisation for :class:`Resolver` ("U.S.-led" -> "U.S.", "-led")."""
    out: list[str] = []
    for raw in fold(text).split():
        raw = raw.strip(",;:\"()")
        if not raw:
            continue
        m = re.match(r"^(.+?)(-(?:led|backed|sponsored|allied|supported|funded|aligned|based|born|made))$",
                     raw, re.I)
        if m:
            out.extend([m.group(1), m.group(2)])
            continue
        if raw.endswith(("'s", "’s")) and len(raw) > 2:
            out.extend([raw[:-2], "'s"])
            continue
        out.append(raw)
    return out


def _entry_country(item: Item, date: str | None) -> Entry | None:
    e, _ = pick(item.entries, date)
    return e


#: demonyms of countries of immigration, which name citizenship after an ethnic word ("Turkish Cypriots",
#: "Mexican Americans" are Cypriots and Americans), never a people living abroad
_CITIZEN_PLURALS = {"americans", "canadians", "australians", "cypriots", "britons", "brazilians", "argentines",
                    "argentinians", "new zealanders", "south africans"}
_MEMBER_NOUNS = {"officer", "official", "member", "spokesperson", "spokesman", "spokeswoman", "head", "chief",
                 "director", "inspector", "employee", "staff", "staffer", "agent", "representative", "leader",
                 "delegation", "group", "caucus"}
#: heads that seek an office rather than hold it: "Senate hopeful", "a Senate candidate" are politicians
_ASPIRANTS = {"candidate", "hopeful", "nominee", "contender", "challenger", "aspirant"}
_GROUP_HEADS = {"leader", "community", "figure", "elder", "representative", "group", "member", "people",
                "organization", "organisation", "body", "council"}


def combine(items: list[Item], lex: Lexicon, date: str | None, words: list[str],
            people_sector: str | None = None) -> Resolution | None:
    """Put a phrase's items together: person > organisation > country + head noun.

    ``people_sector``: the sector of a bare plural demonym ("Syrians"): None for the country itself
    (dictionary convention), "CVL" when the stage reads it in a sentence.
    """
    former = any(it.kind == "former" for it in items)
    if items and items[0].kind in ("demonym", "entry") or (len(items) > 1 and norm(items[0].text) == "the"):
        first = next(it for it in items if norm(it.text) != "the")
        if first.kind == "entry":
            e0, _ = pick(first.entries, date)
            country = e0.country if e0 is not None and e0.kind == "state" else None
        else:
            country = first.country if first.kind == "demonym" else None
        org = named_org(items, words, lex, country)
        if org is not None:  # "Nigerian Union of Teachers": an organisation of Nigeria
            return Resolution(entry=org, head=first, named=[country] if country else [])
    items = _longer_names(_core(items))
    ethnic = _ethnic(items, words)
    if ethnic is not None:
        if isinstance(ethnic, Resolution):
            return ethnic
        items = ethnic
    pro_after: set[int] = set()
    for k, it in enumerate(items):
        if it.kind == "pro":
            nxt = k + 1
            while nxt < len(items) and items[nxt].text in ("-", "‐"):
                nxt += 1
            pro_after.add(nxt)
    roles = [it for it in items if it.kind == "role"]
    heads = [it for it in items if it.kind in ("agent", "role")]
    head = heads[-1] if heads else None
    if len(heads) >= 2 and singular(heads[-1].text.split()[-1]) in _MEMBER_NOUNS and heads[-2].agent \
            and heads[-2].agent.sector:
        head = replace(heads[-2], end=heads[-1].end)  # "intelligence agency officer" -> the agency
    if len(items) == 1 and items[0].kind == "demonym" and items[0].plural_people and people_sector is None:
        d = items[0]
        return Resolution(entry=replace(lex.state_entry(d.country or ""), kind="group"), head=d)
    # a demonym used as a plural noun at the end ("ordinary Kazakhs") is the head
    if items and items[-1].kind == "demonym" and items[-1].plural_people and not heads:
        d = items[-1]
        home = items[-2] if len(items) >= 2 else None
        if home is not None and home.kind == "demonym" and home.country and home.country != d.country \
                and not home.plural_people and norm(d.text) not in _CITIZEN_PLURALS:
            # "Bosnian Serbs", "Iraqi Kurds": the people of the second word living in the first one's country
            entry = replace(lex.sector_entry(home.country, "ETH"), kind="group")
            return Resolution(entry=entry, head=d, former=former)
        entry = replace(lex.sector_entry(d.country or "", "CVL"), kind="group")
        return Resolution(entry=entry, head=d, former=former)
    persons: list[tuple[Item, Entry, bool]] = []
    orgs: list[tuple[Item, Entry]] = []
    states: list[tuple[Item, Entry]] = []
    led_by: str | None = None
    for k, it in enumerate(items):
        if k in pro_after:
            continue
        if k + 1 < len(items) and items[k + 1].kind == "led" and it.kind in ("entry", "demonym"):
            sponsor = it.country if it.kind == "demonym" else None
            if it.kind == "entry":
                e0, _ = pick(it.entries, date)
                sponsor = (e0.country if e0.kind == "state" else e0.id) if e0 is not None else None
            if sponsor and items[k + 1].text.lower().lstrip("-") == "led":
                led_by = sponsor
            continue  # the sponsor is not the actor ("U.S.-backed forces" are not U.S. forces)
        if it.kind == "entry":
            e, left = pick(it.entries, date)
            if e is None:
                continue
            if e.source == "person":
                persons.append((it, e, left))
            elif e.kind == "state" or e.source == "capital":
                if e.source == "capital" and it.start > 0 and norm(words[it.start - 1]) in _WHERE:
                    e = replace(lex.state_entry(e.country or ""), source="place")  # "a market in Kabul": where
                states.append((it, e))
            elif e.source == "ethnic" and heads:
                if head is not None and singular(head.text.split()[-1]) in _GROUP_HEADS:
                    orgs.append((it, e))
                elif e.country:  # "Karen guerrillas": a people of one country gives its country
                    states.append((it, replace(lex.state_entry(e.country), source="place")))
                continue
            else:
                orgs.append((it, e))
        elif it.kind in ("demonym", "place") and it.country:
            st = lex.state_entry(it.country)
            states.append((it, replace(st, source="place") if it.kind == "place" else st))
    role_name = roles[-1].agent.role if roles and roles[-1].agent else None
    if persons:
        it, e, left = persons[-1]
        sector = e.sector
        title = roles[-1].agent if roles and roles[-1].end <= it.start else None
        if title is not None and title.role and not left:  # the row of the title written, if the person held it
            e = next((x for x in it.entries if x.id == e.id and (x.role or "").casefold() == title.role.casefold()
                      and x.holds(date)), e)
            sector = e.sector
        if title is not None and title.sector and title.role not in _GENERIC_TITLES and not left \
                and sector != title.sector:
            sector = title.sector  # the title the text gives ("US Senator Marco Rubio") holds now
            e = replace(e, affiliation=f"{e.country}.{sector}" if e.country else e.affiliation)
        if former or left:
            sector = "ELI"
        entry = replace(e, sector=sector)
        return Resolution(entry=entry, role=role_name or e.role, former=former or left, head=it,
                          modifiers=orgs, named=[st.country for s_it, st in states
                                                 if s_it.kind == "entry" and st.country])
    if head is not None and head.kind == "role" and _has_name_after(items, head, words):
        known, left = surname_person(lex, norm(" ".join(words[head.end:])), date)
        title = head.agent
        if known is not None and len(words) - head.end == 1 and title is not None and title.sector \
                and title.role not in _GENERIC_TITLES and known.sector not in (None, "ELI") \
                and all(e.sector != title.sector for e in lex.surnames.get(norm(words[-1]), []) if e.id == known.id):
            known, left = None, False  # "President Smith" is not General Eric Smith: no role of theirs fits
        if known is None and len(words) - head.end >= 2:
            given = norm(words[head.end])
            known, left = surname_person(lex, norm(words[-1]), date, given)
            if known is not None and not norm(known.name).startswith(given):
                known, left = None, False  # "army spokesman John Smith" is not Eric Smith
            if known is None:  # "President Francois Mitterand": a misspelt office-holder
                known, left = fuzzy_person(lex, words[head.end:], date)
        if known is None:  # "President Dos Sentos": the surname's consonants
            known, left = skeleton_person(lex, words[head.end:], date, head.agent.role if head.agent else None)
        if known is not None:
            sector = "ELI" if (former or left) else known.sector
            return Resolution(entry=replace(known, sector=sector), role=known.role, former=former or left,
                              head=head, modifiers=orgs)
        return _titled_unknown(items, head, orgs, [(s_it, st) for s_it, st in states if s_it.end <= head.start],
                               lex, former, words)
    if orgs:
        it, e = orgs[-1]
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
        if former and head is not None:
            sector = "ELI"
        if sector != e.sector and e.country:
            e = lex.sector_entry(e.country, sector or "GOV")
        if e.sector == "IGO" and head is not None and head.agent and head.agent.sector \
                and head.start >= it.end and head.agent.sector not in ("GOV", "IGO"):
            e = replace(e, id=f"{e.id}.{head.agent.sector}", sector=head.agent.sector, affiliation=e.id,
                        name=f"{e.name} {head.text.lower()}")  # "EU legislators", part of the EU
        role = role_name if head is not None and head.kind == "role" else None
        return Resolution(entry=e, role=role, head=head or it, former=former, led_by=led_by,
                          extra=[(s_it, s) for s_it, s in states if s.country != e.country])
    if head is not None and head.agent is not None:
        ag = head.agent
        if ag.coalition and led_by:
            entry = Entry(id=f"COALITION.{led_by}_LED", name=f"{lex.country_names.get(led_by, led_by)}-led "
                          f"{head.text.lower()}", country=None, sector=None, kind="group", source="noun")
            return Resolution(entry=entry, led_by=led_by, head=head,
                              extra=[(s_it, s) for s_it, s in states])
        sector = "ELI" if former else ag.sector
        if not states:
            if sector is None:
                return None
            head_words = " ".join(words[head.start:head.end])
            led = f"{slug(led_by).upper()}_led_" if led_by else ""
            entry = Entry(id=f"NOUN.{led}{slug(head_words)}", name=head_words, country=None, sector=sector,
                          kind="person" if head.kind == "role" else ag.kind, source="noun")
            return Resolution(entry=entry, role=ag.role, head=head, former=former, led_by=led_by)
        last_it, st = states[-1]
        composed = compose(st, head, lex)
        if composed is not None:
            return Resolution(entry=composed, head=head, former=former,
                              extra=[(s_it, compose(s, head, lex) or s) for s_it, s in states[:-1]])
        country = st.country or ""
        entry = lex.state_entry(country) if sector is None else lex.sector_entry(country, sector)
        return Resolution(entry=entry, role=ag.role, head=head, former=former,
                          extra=[(s_it, s if sector is None else lex.sector_entry(s.country or "", sector))
                                 for s_it, s in states[:-1]])
    if states:
        it, st = states[-1]
        return Resolution(entry=st, head=it, extra=[(s_it, s) for s_it, s in states[:-1]])
    return None


def compose(e: Entry, head: Item | None, lex: Lexicon | None = None) -> Entry | None:
    """PETRARCH actor + PETRARCH agent code: 'ARN' + '~GOV' -> 'ARNGOV' (None when not both)."""
    if e.source != "petrarch" or head is None or head.agent is None:
        return None

    def lex_agent_code(words: list[str]) -> Agent | None:
        if lex is None:
            return None
        found = lex.agents.get(norm(" ".join(words))) or lex.roles.get(norm(" ".join(words)))
        return found if found is not None and found.code else None

    ag = head.agent
    if not ag.code:  # "Deputy Prime Minister": a PETRARCH agent inside the shipped title, if any
        words = head.text.split()
        for k in range(1, len(words)):
            inner = lex_agent_code(words[k:])
            if inner is not None:
                ag = inner
                break
    if not ag.code:
        return e  # PETRARCH semantics: no agent code, the actor's own code
    code = ag.code
    if e.id.endswith(code) or (ag.code_first and e.id.startswith(code)):
        return e  # "WHITE_HOUSE [USAGOV]" + officials [~GOV] stays USAGOV
    new_id = code + e.id if ag.code_first else e.id + code
    return replace(e, id=new_id, sector=ag.sector or e.sector, kind="organization")


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


_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


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


_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "der", "del", "la", "le", "di",
                   "du", "-", "dos", "das", "ben", "bint", "ur", "ul", "ud", "e"}  # "Fazl-ur-Rehman"


def _has_name_after(items: list[Item], head: Item, words: list[str]) -> bool:
    after = [it for it in items if it.start >= head.end]
    # a capitalised word after a title is a name even when a place carries it ("President Bush")
    return bool(after) and any(it.text[:1].isupper() for it in after) and all(
        it.kind in ("word", "place") and (it.text[:1].isupper() or it.text.lower() in _NAME_PARTICLES)
        for it in after) and after[-1].text.lower() not in _BODY_WORDS


#: last words of the names of bodies, never of people: "Premier League" is no premier called League
_BODY_WORDS = {"league", "cup", "club", "party", "union", "council", "committee", "association", "federation",
               "group", "company", "bank", "fund", "foundation", "institute", "university", "college", "school",
               "agency", "authority", "commission", "court", "assembly", "congress", "division", "series",
               "championship", "tournament", "trophy", "award", "prize", "games", "festival", "day", "week"}


def _titled_unknown(items: list[Item], head: Item, orgs: list[tuple[Item, Entry]],
                    states: list[tuple[Item, Entry]], lex: Lexicon, former: bool,
                    words: list[str]) -> Resolution:
    """'Turkish Foreign Minister Jane Doe' with no who's-who entry: country/sector from the title."""
    name = " ".join(words[head.end:])
    ag = head.agent
    sector = ag.sector if ag else None
    country: str | None = None
    if orgs:
        _, org = orgs[-1]
        country = org.country
        if org.sector and (ag is None or ag.role in _GENERIC_TITLES or sector == "GOV"):
            sector = org.sector
    elif states:
        country = states[-1][1].country
    if former:
        sector = "ELI"
    owner = orgs[-1][1] if orgs else (states[-1][1] if states else None)
    if owner is not None and owner.source == "petrarch":
        composed = compose(owner, head, lex)  # PETRARCH codes the titled name by actor + agent: FORGOV
        if composed is not None and composed is not owner:
            return Resolution(entry=composed, role=ag.role if ag else None, head=head, former=former)
    entry = Entry(id=f"PER.{slug(name)}", name=name, country=country, sector=sector, kind="person",
                  source="title", role=ag.role if ag else None,
                  affiliation=(orgs[-1][1].id if orgs else (f"{country}.{sector}" if country and sector
                                                              else None)))
    return Resolution(entry=entry, role=entry.role, head=head, former=former, modifiers=orgs)


def bind_country(res: Resolution, place: Resolution | None, name: str) -> Resolution:
    """A titled person "of" a place (``place``, resolved): that country is theirs; a who's-who person of
    another country is a namesake, so the person becomes a titled unknown of the place's country."""
    e = res.entry
    iso3 = place.entry.country if place is not None and not place.extra and (
        place.entry.kind == "state" or place.entry.source in ("place", "capital")) else None
    if iso3 is None or e.country == iso3:
        return res
    head = res.head.agent if res.head is not None and res.head.kind == "role" else None
    sector = head.sector if head is not None else (e.sector if e.source != "person" else None)
    res.entry = Entry(id=f"PER.{slug(name)}", name=name, country=iso3, sector=sector, kind="person",
                      source="title", role=res.role, affiliation=f"{iso3}.{sector}" if sector else None)
    res.modifiers = []
    return res


#: English words that are also family names ("He Lifeng", "Pan Gongsheng"): never a lone surname
NOT_SURNAMES = {"he", "she", "an", "so", "do", "go", "no", "on", "in", "it", "we", "us", "me", "oh", "ma",
                 "pan", "long", "young", "king", "song", "sun", "yi", "ye", "mo", "lo", "ho", "lee", "reed", "scott",
                 "paul", "kelly", "warner", "murray", "graham", "collins", "brown",
                 # days and months ("on Friday" is no Prime Minister Friday; not "May": Theresa May)
                 "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                 "february", "march", "april", "june", "july", "august", "september", "october",
                 "november", "december"}


class Resolver:
    """Context-free actor resolution over one lexicon (a pipeline's, with its user dictionaries)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def resolution(self, text: str, context: str = "", date: str | None = None) -> Resolution | None:
        words = split_words(text)
        if not words:
            return None
        lex = self.lexicon
        when = parse_date(date)
        items = scan(words, lex)
        home = self._context_country(context, when) if context else None
        if home is not None:  # "the National Guard" in a Saudi story: the namesake of that country first
            for it in items:
                if it.kind == "entry" and len({e.country for e in it.entries}) > 1:
                    it.entries = sorted(it.entries, key=lambda e: e.country != home)
        res = combine(items, lex, when, words)
        if res is None:
            # a lone surname: accept it when one person in the who's-who carries it (not an acronym
            # in capitals, "The PAN", nor a pronoun, "He")
            key = norm(text)
            if (len(words) == 1 and is_caps(words[0]) and len(key) > 1) or key in NOT_SURNAMES:
                return None
            e, left = surname_person(lex, key, when)
            if e is not None:
                return Resolution(entry=replace(e, sector="ELI") if left else e, role=e.role)
            return None
        if res.entry.country is None and res.entry.kind == "person" and context:
            ctx = combine(scan(split_words(context), lex), lex, when, split_words(context))
            if ctx is not None and ctx.entry.country:
                res.entry = replace(res.entry, country=ctx.entry.country)
        return res

    def _context_country(self, context: str, when: str | None) -> str | None:
        ctx_words = split_words(context)
        ctx = combine(scan(ctx_words, self.lexicon), self.lexicon, when, ctx_words) if ctx_words else None
        return ctx.entry.country if ctx is not None else None

    def resolve(self, text: str, context: str = "", date: str | None = None) -> Actor | None:
        """An :class:`Actor` (no mentions) for ``text``, or None when nothing in it is known."""
        res = self.resolution(text, context, date)
        if res is None:
            return None
        e = res.entry
        return Actor(
            id=e.id, name=e.name, country=e.country, sector=e.sector, kind=e.kind,  # type: ignore[arg-type]
            role=res.role or e.role, affiliation=e.affiliation, led_by=res.led_by, media=e.media,
            label="NOUN" if e.source == "noun" else None, known=e.source not in ("noun", "title"),
        )
