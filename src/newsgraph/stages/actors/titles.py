"""A role title before a name, resolved on words: a who's-who person found by the name written after
the title (surname, given name + surname, a misspelling), else a titled unknown who takes country and
sector from the title; and a titled person bound to the country "of" which they hold the title."""

from __future__ import annotations

from dataclasses import replace

from ...resources import word_list
from .actor_types import Item, Resolution
from .lexicon import Entry, Lexicon, norm
from .petrarch_codes import compose
from .surnames import fuzzy_person, person_id, skeleton_person, surname_person

#: titles that say nothing of a sector of their own: the institution named with them gives it
GENERIC_TITLES = word_list("actors", "generic_titles")
_NAME_PARTICLES = word_list("actors", "name_particles")  # "Fazl-ur-Rehman"
#: last words of the names of bodies, never of people: "Premier League" is no premier called League
_BODY_WORDS = word_list("actors", "body_words")


def has_name_after(items: list[Item], head: Item, words: list[str], lex: Lexicon | None = None) -> bool:
    """Capitalised name words (and name particles) follow the title ``head`` to the end of the phrase; with
    the lexicon, the last one may be a name an organisation also bears if a who's-who person has it as a
    surname ("Mayor Jane Bloggs" where "Bloggs" is also an outlet)."""
    after = [it for it in items if it.start >= head.end]

    def name_word(it: Item) -> bool:
        if it.kind == "entry" and it is after[-1] and lex is not None and it.text[:1].isupper():
            return norm(it.text) in lex.surnames and it.start == (after[-2].end if len(after) > 1 else head.end) \
                and all(e.kind in ("organization", "group") and e.source not in ("country", "capital", "place")
                        for e in it.entries)
        return it.kind in ("word", "place") and (it.text[:1].isupper() or it.text.lower() in _NAME_PARTICLES)

    # a capitalised word after a title is a name even when a place carries it ("President Bush")
    return bool(after) and any(it.text[:1].isupper() for it in after) and all(name_word(it) for it in after) \
        and after[-1].text.lower() not in _BODY_WORDS


def titled_person(items: list[Item], head: Item, orgs: list[tuple[Item, Entry]],
                  states: list[tuple[Item, Entry]], lex: Lexicon, former: bool, date: str | None,
                  words: list[str]) -> Resolution:
    """'President Bush', 'Foreign Minister Jane Doe': the who's-who person the name after the title
    names at ``date``, else a titled unknown."""
    known, left = surname_person(lex, norm(" ".join(words[head.end:])), date)
    title = head.agent
    if known is not None and len(words) - head.end == 1 and title is not None and title.sector \
            and title.role not in GENERIC_TITLES and known.sector not in (None, "ELI") \
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
    return titled_unknown(head, orgs, [(s_it, st) for s_it, st in states if s_it.end <= head.start],
                          lex, former, words)


def titled_unknown(head: Item, orgs: list[tuple[Item, Entry]], states: list[tuple[Item, Entry]],
                   lex: Lexicon, former: bool, words: list[str]) -> Resolution:
    """'Turkish Foreign Minister Jane Doe' with no who's-who entry: country/sector from the title."""
    name = " ".join(words[head.end:])
    ag = head.agent
    sector = ag.sector if ag else None
    country: str | None = None
    if orgs:
        _, org = orgs[-1]
        country = org.country
        if org.sector and (ag is None or ag.role in GENERIC_TITLES or sector == "GOV"):
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
    entry = Entry(id=person_id(name), name=name, country=country, sector=sector, kind="person",
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
    res.entry = Entry(id=person_id(name), name=name, country=iso3, sector=sector, kind="person",
                      source="title", role=res.role, affiliation=f"{iso3}.{sector}" if sector else None)
    res.modifiers = []
    return res


def same_office(row_role: str | None, title: str) -> bool:
    """Whether a who's-who row's role is the title written: the same words, or the title's words ending
    the role or starting it ("Macau Chief Executive" and "Chief Executive", "Mayor of Paris" and
    "Mayor")."""
    role, t = " ".join((row_role or "").casefold().split()), " ".join(title.casefold().split())
    return bool(t) and (role == t or role.endswith(" " + t) or role.startswith(t + " of "))
