"""Named entities of a sentence (PERSON, ORG, GPE, NORP, FAC, and LOC for focus): each resolved
through the lexicon to a person, an organisation, a country acting ("Washington said"), a people
("ethnic Albanians"), an outlet ("the weekly La Prensa") or an unknown organisation."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Segment
from ...resources import word_list
from ..common import OF_PLACE_NOUNS
from .actor_types import Resolution
from .context import city_in_context, facility_place, foreign_namesake, people_place, seat_body, unit_name
from .coreference import known_org, known_person
from .demonyms import demonym_noun, split_demonym
from .lexicon import Entry, Lexicon, is_caps, norm, slug
from .people import bare_surname, person, title_before
from .state import ArticleState
from .syntax import (
    balanced_entities,
    claim,
    dateline,
    locative,
    looks_like_place,
    names_venue,
    taken_ground,
    weapon,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_OUTLET_WORDS = word_list("actors", "outlet_words")
#: courtesy titles the NER takes into a person's name ("Mrs Clinton")
_HONORIFICS = word_list("actors", "honorifics")
#: last words of military units' names ("Brigade", "Corps")
_UNIT_WORDS = word_list("actors", "unit_words")


def entities(state: ArticleState, seg: Segment, claimed: list[bool]) -> None:
    """The sentence's entities, people first."""
    doc = seg.doc
    ents = sorted(balanced_entities(doc, state.lex), key=lambda e: (e.label_ != "PERSON", e.start))
    for ent in ents:
        if ent.label_ == "LOC" and not any(claimed[k] for k in range(ent.start, ent.end)):
            _location(state, seg, ent)
            continue
        if ent.label_ not in ENT_LABELS or any(claimed[k] for k in range(ent.start, ent.end)) \
                or weapon(doc, ent.end):
            continue  # "Chlorine Gas": a weapon the NER took for a name
        start = _entity_start(state.lex, doc, ent, claimed)
        if start < ent.end:
            _entity(state, seg, ent, start, claimed)


def _location(state: ArticleState, seg: Segment, ent: Span) -> None:
    """'in Algiers' tagged LOC: a place, in focus."""
    loc, _ = state.resolve(list(ent))
    if loc is not None and loc.entry.kind == "state" and loc.entry.country and not loc.extra:
        if loc.entry.source in ("place", "capital"):
            loc.entry = city_in_context(state, seg.doc, ent.start, ent.end, loc.entry)
            if foreign_namesake(state, loc.entry):
                return
        state.place(seg.index, ent.start, loc.entry.country or "")


def _entity_start(lex: Lexicon, doc: Doc, ent: Span, claimed: list[bool]) -> int:
    """The entity's first token: without a leading 'the' or a courtesy title ("Mrs Clinton": Clinton);
    with 'ethnic' or a demonym before a people."""
    start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
    if ent.label_ == "PERSON":
        while start < ent.end - 1 and (norm(doc[start].text) in _HONORIFICS or doc[start].text == "."):
            start += 1
    if ent.label_ == "NORP" and start > 0 and doc[start - 1].lower_ == "ethnic" and not claimed[start - 1]:
        start -= 1  # "ethnic Albanians": a people, not the state (see resolution.combine)
    elif ent.label_ == "NORP" and start > 0 and doc[start - 1].ent_type_ == "NORP" \
            and not claimed[start - 1] and any(e.source == "ethnic" for e in lex.lookup(ent.text)):
        while start > 0 and doc[start - 1].ent_type_ == "NORP" and not claimed[start - 1]:
            start -= 1  # "Iraqi Kurds" (two NORP entities): the Kurds of Iraq
    return start


def _titled_again(state: ArticleState, doc: Doc, start: int, end: int) -> bool:
    """A person met before with no office, now written with a title ("Jane Doe ... Gov. Jane Doe"): read
    with the title, which gives the office."""
    aid = state.people.get(norm(doc[start:end].text))
    return aid is not None and state.actors[aid].sector is None and title_before(state.lex, doc, start)


def _entity(state: ArticleState, seg: Segment, ent: Span, start: int, claimed: list[bool]) -> None:
    """One entity from token ``start``: a person met before, an outlet, a person, else what it resolves to."""
    doc = seg.doc
    lex = state.lex
    text = doc[start:ent.end].text
    if _state_unit(state, seg, ent, start, claimed) or _named_unit(state, seg, ent, start, claimed):
        return
    if ent.label_ in ("PERSON", "ORG") and not _titled_again(state, doc, start, ent.end) \
            and known_person(state, seg, start, ent.end, claimed):
        return
    if ent.label_ == "ORG" and not lex.lookup(text) and known_org(state, seg, start, ent.end, claimed):
        return  # "the Post" after "the Washington Post"
    if ent.label_ in ("PERSON", "ORG") and start > 0 and not lex.lookup(text) and _media_noun(lex, doc[start - 1]):
        e = Entry(id=f"MEDIA.{slug(text)}", name=text, country=None, sector="MED", kind="organization",
                  source="unknown", media=True)  # "the opposition newspaper La Prensa": an outlet
        state.actor_for(e, label=ent.label_)
        state.mention(seg, start, ent.end, e.id, "ner")
        claim(claimed, start, ent.end)
        return
    if ent.label_ == "ORG" and title_before(lex, doc, start) and 2 <= ent.end - start <= 4 \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() or (t.text == "-" and start < t.i < ent.end - 1)
                    for t in doc[start:ent.end]) and not lex.lookup(text):  # ("Anna-Lena Doe")
        person(state, seg, start, ent.end, claimed)  # "Vice-President Moody Awori" tagged ORG
        return
    if ent.label_ == "PERSON" and start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].pos_ == "NOUN" \
            and doc[start - 2].lemma_.lower() in OF_PLACE_NOUNS and not lex.lookup(text):
        return  # "the village of Bir Taloun": a place the NER took for a person; the places stage's
    if ent.label_ == "PERSON" and ent.end - start == 1 and looks_like_place(text) and not lex.lookup(text) \
            and not title_before(lex, doc, start) and (locative(doc, start) or taken_ground(doc[start])):
        return  # "fighting in Goma", "rebels seized Goma": a town the NER took for a person; the places stage's
    if ent.label_ == "PERSON" and norm(text) not in lex.demonym_nouns \
            and (not any(e.kind != "person" for e in lex.lookup(text)) or title_before(lex, doc, start)):
        if any(t.pos_ == "PROPN" for t in doc[start:ent.end]):
            person(state, seg, start, ent.end, claimed)
        return  # (a country or organisation the NER took for a person goes on below)
    res, owner = state.resolve(list(doc[start:ent.end]))
    if res is not None and res.entry.source in ("place", "capital") and res.entry.country and not res.extra:
        res.entry = replace(city_in_context(state, doc, start, ent.end, res.entry), source=res.entry.source)
        if foreign_namesake(state, res.entry):
            return  # a town of a US story that a foreign town shares its name with: no country, no actor
    if res is not None and ent.label_ == "NORP" and doc[ent.end - 1].tag_ in ("NNS", "NNPS") \
            and (res.entry.sector == "ETH" or res.entry.kind == "group"):
        _people(state, seg, ent, start, res, owner, claimed)
        return
    if res is not None and res.entry.source in ("noun", "place") and _description(state, seg, ent, start, res, claimed):
        return
    if res is None and ent.label_ == "ORG" and ent.end - start == 1 \
            and bare_surname(state, seg, start, claimed, tagged=True):
        return  # "Trump signed the bill" tagged ORG: the who's-who person the surname fits
    if res is None or res.entry.source in ("noun", "place"):
        _unresolved(state, seg, ent, start, claimed)  # "Acme Widgets Corporation": a name, not a description
        return
    _resolved(state, seg, ent, start, res, owner, claimed)


def _state_unit(state: ArticleState, seg: Segment, ent: Span, start: int, claimed: list[bool]) -> bool:
    """'Chad's Golden Lion Brigade', 'Armenia's Ararat Corps': a named military unit after a state's
    possessive is that state's military (ISO3.MIL), whatever the name alone resolves to."""
    doc = seg.doc
    if ent.label_ not in ("ORG", "FAC", "PERSON") or start < 2 or doc[start - 1].text not in ("'s", "’s") \
            or doc[ent.end - 1].lower_ not in _UNIT_WORDS:
        return False
    owner = next((e for e in doc.ents if e.end == start - 1), None)
    if owner is None:
        return False
    res, _ = state.resolve(list(owner))
    if res is None or res.extra or res.entry.kind != "state" or not res.entry.country:
        return False
    unit = state.lex.sector_entry(res.entry.country, "MIL")
    state.actor_for(unit)
    state.mention(seg, start, ent.end, unit.id, "ner")
    claim(claimed, start, ent.end)
    return True


def _named_unit(state: ArticleState, seg: Segment, ent: Span, start: int, claimed: list[bool]) -> bool:
    """'the Golden Lion Brigade' tagged as a name: a unit of unknown country (see ``context.unit_name``)."""
    if ent.label_ not in ("ORG", "FAC", "PERSON"):
        return False
    e = unit_name(state, seg.doc, start, ent.end)
    if e is None:
        return False
    state.actor_for(e, label=ent.label_)
    state.mention(seg, start, ent.end, e.id, "ner")
    claim(claimed, start, ent.end)
    return True


def _people(state: ArticleState, seg: Segment, ent: Span, start: int, res: Resolution, owner: list[int],
            claimed: list[bool]) -> None:
    """'ethnic Albanians', 'the Albanians of southern Serbia': a people, there if a place follows."""
    home = people_place(state, seg.doc, ent.end, ("of", "in") if res.entry.sector == "ETH" else ("of",))
    if home is not None and home != res.entry.country:
        # "the Albanians of southern Serbia", "ethnic Albanians in south Serbia": a people there
        res = replace(res, entry=replace(state.lex.sector_entry(home, "ETH"), kind="group"))
    state.register(seg, res, owner, start, ent.end, "ner", plural=True)  # "ethnic Albanians"
    claim(claimed, start, ent.end)


def _description(state: ArticleState, seg: Segment, ent: Span, start: int, res: Resolution,
                 claimed: list[bool]) -> bool:
    """An entity that resolved to an actor noun or a place: a town or region (the places stage's), or
    a capitalised generic institution that takes the country in focus ("the Interior Ministry");
    False when it is a name after all."""
    if ent.label_ in ("GPE", "FAC", "NORP"):
        if ent.label_ == "GPE" and res.entry.source == "place" and res.entry.country and not res.extra:
            # "in Hong Kong": named, in focus; a town named otherwise ("Hong Kong's streets") is a place only
            state.place(seg.index, start, res.entry.country, focus=locative(seg.doc, start))
        return True  # a town or region: the places stage takes it
    country = state.focus_country(seg.index, start)
    sector = res.entry.sector
    if res.entry.source != "noun" or not sector or res.entry.kind != "organization":
        return False
    whole = norm(seg.doc[start:ent.end].text) in state.lex.agents  # "the State Security Service"
    if country and (ent.end - start <= 2 or whole):
        inst = state.lex.sector_entry(country, sector)  # "the Interior Ministry" in a Kenya story
        state.actor_for(inst)
        state.mention(seg, start, ent.end, inst.id, "coref")
        claim(claimed, start, ent.end)
        return True
    if whole and ent.end - start > 2:  # no country named before: the one-country rule may give it one
        state.actor_for(res.entry)
        state.mention(seg, start, ent.end, res.entry.id, "ner")
        claim(claimed, start, ent.end)
        return True
    return False


def _unresolved(state: ArticleState, seg: Segment, ent: Span, start: int, claimed: list[bool]) -> None:
    """An entity the lexicon does not resolve: part of a cut demonym, an acronym in brackets, or an
    unknown organisation (in the country where it stands, for a named facility)."""
    if split_demonym(state, seg, start, ent.end, claimed):
        return
    named = _acronym_of(state, seg, start, ent.end)
    if named is not None:  # "the Ghanaian Nurses Union (GNU)": the name's short form
        state.mention(seg, start, ent.end, named, "coref")
        claim(claimed, start, ent.end)
        return
    if ent.label_ == "ORG" and not looks_like_place(ent.text):
        doc = seg.doc
        name = doc[start:ent.end].text
        e = Entry(id=f"ORG.{slug(name)}", name=name, country=facility_place(state, doc, start, ent.end),
                  sector=None, kind="organization", source="unknown")
        state.actor_for(e, label="ORG")
        state.mention(seg, start, ent.end, e.id, "ner")
        claim(claimed, start, ent.end)


def _resolved(state: ArticleState, seg: Segment, ent: Span, start: int, res: Resolution, owner: list[int],
              claimed: list[bool]) -> None:
    """An entity the lexicon resolves: a country named as a dateline or a place (in focus), a demonym
    before a noun, a country acting (metonym), or the actor itself."""
    doc = seg.doc
    e = res.entry
    if e.kind == "state" and dateline(doc, start, ent.end):
        state.place(seg.index, start, e.country or "")
        return
    if e.kind == "state":
        if ent.label_ == "NORP":
            # "Russian airstrikes", "an Indian proposal": the country acts through the thing
            demonym_noun(state, seg, start, ent.end, claimed)
            return
        if e.source == "capital" and names_venue(doc, ent.end):
            return  # "the Paris agreement", "the Minsk accords": a text or meeting named after its city
        if locative(doc, start):
            state.place(seg.index, start, e.country or "")
            if e.source != "petrarch":  # PETRARCH dictionaries code every named actor, places too
                return
            if res.head is not None:  # only the name ("Osgiliath" of an entity "Osgiliath with Gondor")
                hs, he = owner[res.head.start], owner[res.head.end - 1] + 1
                state.register(seg, res, owner, hs, he, "metonym")
                claim(claimed, hs, he)
                return
        body = seat_body(state, e, doc[start:ent.end].text)
        if body is not e:  # "Brussels wants": the EU
            res = Resolution(entry=body, head=res.head)
        state.register(seg, res, owner, start, ent.end, "metonym")
        claim(claimed, start, ent.end)
        return
    if ent.label_ == "NORP" and doc[ent.end - 1].pos_ == "ADJ":
        return  # "Kurdish autonomy", "Muslim militias" modifier without a head
    state.register(seg, res, owner, start, ent.end, "ner", plural=doc[ent.end - 1].tag_ in ("NNS", "NNPS"))
    claim(claimed, start, ent.end)


def _media_noun(lex: Lexicon, tok: Token) -> bool:
    """'newspaper', 'weekly', 'broadcaster': a noun naming an outlet, right before its name."""
    if tok.pos_ not in ("NOUN", "ADJ") or tok.text[:1].isupper():
        return False
    agent = lex.agents.get(norm(tok.lemma_)) or lex.agents.get(norm(tok.text))
    return (agent is not None and agent.sector == "MED" and agent.kind == "organization") \
        or tok.lower_ in _OUTLET_WORDS


def _acronym_of(state: ArticleState, seg: Segment, i: int, j: int) -> str | None:
    """The actor named right before an acronym in brackets: 'Ghana Bar Association (GBA)'."""
    doc = seg.doc
    text = doc[i:j].text
    if i < 2 or j >= len(doc) or doc[i - 1].text != "(" or doc[j].text != ")" or not is_caps(text) \
            or not 2 <= len(text) <= 8 or not text.isalpha():
        return None
    for m in reversed(state.mentions):
        if m.seg == seg.index and m.end == i - 1 and not state.actors[m.actor].media \
                and state.actors[m.actor].kind in ("organization", "group"):
            return m.actor
    return None
