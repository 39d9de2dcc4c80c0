"""Rules of the actors stage that read a phrase's context: possessive countries before institutions, a
people's place, titles around names, outlets, acronyms, shared city names. :class:`ContextRules` is a
base of the stage's per-article pass, which supplies the lexicon, actors, mentions and ``_resolve``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...model import Actor
from .lexicon import Entry, Lexicon, is_caps, norm
from .resolver import Resolution
from .syntax import title_word

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ...model import Segment

_HYPHENS = {"-", "\u2010", "\u2011"}
#: offices that act at home: a titled judge, police chief, lawmaker or opposition leader in a story naming
#: one country only (as an actor or a place) is that country's
_DOMESTIC_SECTORS = {"JUD", "COP", "LEG", "OPP"}
#: head nouns of named facilities, which stand in the place named after them
_FACILITIES = {"facility", "facilities", "plant", "reactor", "refinery", "complex", "site", "mine", "airport",
               "airbase", "base", "port", "prison", "jail", "camp", "dam", "factory", "works", "station",
               "centre", "center", "hospital", "university"}
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
            "southeast", "southwest"}


@dataclass
class _Mention:
    seg: int
    start: int
    end: int
    actor: str
    plural: bool
    person: bool
    coord_head: int | None = None  # token of the first conjunct when this mention is a later conjunct
    coordinated: bool = False  # head token has or is a conjunct ("Russia and Iran")


class ContextRules:
    """Context readings shared by the pass (see the module docstring)."""

    lex: Lexicon
    actors: dict[str, Actor]
    mentions: list[_Mention]
    unplaced: set[str]

    def _resolve(self, tokens: list[Token]) -> tuple[Resolution | None, list[int]]:
        raise NotImplementedError  # pragma: no cover

    def _home_office(self, a: Actor) -> bool:
        """A who's-who person whose role (as written or in the who's-who) is an interior ministry's."""
        roles = [a.role or ""] + [e.role or "" for e in self.lex.lookup(a.name) if e.id == a.id]
        return any("interior" in r.casefold() or "home minister" in r.casefold() for r in roles)

    def _domestic_people(self, iso3: str) -> None:
        """Titled people of domestic offices (judges, police chiefs, lawmakers, opposition leaders) in an
        article whose only country is that of its who's-who people of home offices (interior ministers,
        judges, lawmakers): "Interior Minister X allowed opposition leader Y"."""
        for a in self.actors.values():
            if a.kind == "person" and a.country is None and a.role and a.sector in _DOMESTIC_SECTORS \
                    and not a.id.startswith("NOUN.") and a.id not in self.unplaced and not a.media:
                a.country = iso3
                a.affiliation = a.affiliation or f"{iso3}.{a.sector}"

    def _country_spans(self, doc: Doc, k: int, claimed: list[bool]) -> list[tuple[int, int]]:
        """Capitalised names after a preposition, split at commas and 'and': 'Arnor, Osgiliath and Gondor'."""
        out: list[tuple[int, int]] = []
        while k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        while k < len(doc) and len(out) < 5:
            m = k
            while m < len(doc) and not claimed[m] and m - k < 4 and doc[m].is_alpha \
                    and doc[m].text[:1].isupper() and (m == k or doc[m].ent_iob_ != "B"):
                m += 1
            if m == k:
                break
            out.append((k, m))
            if m + 1 < len(doc) and doc[m].text == "," and doc[m + 1].lower_ == "and":
                m += 1
            if m < len(doc) and doc[m].lower_ in ("and", ","):
                k = m + 1
                continue
            break
        return out

    def _generic(self, ent: Span) -> bool:
        """An ORG entity that is only a description ('defense ministry'), not a name."""
        if ent.label_ != "ORG" or any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in
                                      self.lex.agents and not title_word(t.lower_) for t in ent):
            return False
        res, _ = self._resolve([t for t in ent if t.lower_ != "the"])
        return res is not None and res.entry.source == "noun"

    def _city_in_context(self, doc: Doc, a: int, b: int, e: Entry) -> Entry:
        """A city name several countries share ("Tripoli": Libya, Lebanon): the one of them the sentence
        names otherwise, if exactly one; else the most populous city's country."""
        from .places_names import city_countries

        shared = city_countries(norm(doc[a:b].text))
        if not shared:
            return e
        named: set[str] = set()
        for t in doc:
            if a <= t.i < b or not t.text[:1].isupper():
                continue
            iso3 = self.lex.demonyms.get(norm(t.text))
            if iso3 is None:
                iso3 = next((x.country for x in self.lex.lookup(t.text) if x.kind == "state"), None)
            if iso3 in shared:
                named.add(iso3)
        if len(named) != 1 or e.country in named:
            return e
        return self.lex.state_entry(next(iter(named)))

    def _acronym_of(self, seg: Segment, i: int, j: int) -> str | None:
        """The actor named right before an acronym in brackets: 'Ghana Bar Association (GBA)'."""
        doc = seg.doc
        text = doc[i:j].text
        if i < 2 or j >= len(doc) or doc[i - 1].text != "(" or doc[j].text != ")" or not is_caps(text) \
                or not 2 <= len(text) <= 8 or not text.isalpha():
            return None
        for m in reversed(self.mentions):
            if m.seg == seg.index and m.end == i - 1 and not self.actors[m.actor].media \
                    and self.actors[m.actor].kind in ("organization", "group"):
                return m.actor
        return None

    @staticmethod
    def _name_after(doc: Doc, k: int) -> bool:
        """Capitalised words from token ``k`` up to a PERSON entity ("Interior Aftab Sherpao")."""
        for m in range(k, min(k + 4, len(doc))):
            if doc[m].ent_type_ == "PERSON":
                return True
            if not doc[m].text[:1].isupper() and doc[m].lower_ not in ("the", "of", "and"):
                return False
        return False

    def _media_noun(self, tok: Token) -> bool:
        """'newspaper', 'weekly', 'broadcaster': a noun naming an outlet, right before its name."""
        if tok.pos_ not in ("NOUN", "ADJ") or tok.text[:1].isupper():
            return False
        agent = self.lex.agents.get(norm(tok.lemma_)) or self.lex.agents.get(norm(tok.text))
        return (agent is not None and agent.sector == "MED" and agent.kind == "organization") \
            or tok.lower_ in ("weekly", "magazine", "paper", "tabloid", "monthly")

    def _facility_place(self, doc: Doc, i: int, j: int) -> str | None:
        """The country of a named facility "in" a place ("the X Uranium Conversion Facilities (UCF) in
        central Iran", "the Y Power Plant in Ukraine"): where it stands, not a guess."""
        if norm(doc[j - 1].lemma_) not in _FACILITIES and norm(doc[j - 1].text) not in _FACILITIES:
            return None
        k = j
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 3  # "(UCF)"
        return self._people_place(doc, k, ("in", "at", "near"))

    def _people_place(self, doc: Doc, j: int, preps: tuple[str, ...]) -> str | None:
        """The country of the place after a people's name ("of southern Serbia", "in south Serbia")."""
        if j >= len(doc) or doc[j].lower_ not in preps:
            return None
        k = j + 1
        while k < len(doc) and k - j <= 3 and (doc[k].pos_ == "DET" or doc[k].lower_ in _COMPASS):
            k += 1
        m = k
        while m < len(doc) and m - k < 4 and doc[m].pos_ == "PROPN":
            m += 1
        if m == k or (m < len(doc) and (doc[m].lower_ in ("and", "or", "&") or doc[m].text in _HYPHENS)) \
                or norm(doc[k:m].text) in self.lex.demonyms:
            return None  # "in Romania and Slovakia": two countries; "of the Israeli-occupied ...": no name
        place, _ = self._resolve(list(doc[k:m]))
        if place is None or place.extra or not place.entry.country \
                or not (place.entry.kind == "state" or place.entry.source in ("place", "capital")):
            return None
        return place.entry.country

    def _owned_generic(self, doc: Doc, ent: Span) -> bool:
        """'Ghana's Supreme Court', 'the Kenyan National Assembly': an institution's generic name (an
        actor noun) after a country's possessive or demonym names that country's institution."""
        if ent.label_ != "ORG":
            return False
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        if start == 0 or norm(doc[start:ent.end].text) not in self.lex.agents:
            return False
        before = doc[start - 1]
        if before.text in ("'s", "\u2019s") and start >= 2:
            before = doc[start - 2]
        if norm(before.text) in self.lex.demonyms:
            return True
        owner = next((e for e in doc.ents if e.start <= before.i < e.end and e.label_ in ("GPE", "NORP")), None)
        if owner is None:
            return False
        name = " ".join(t.text for t in owner if t.pos_ != "DET" and t.text not in ("'s", "\u2019s"))
        return any(e.kind == "state" for e in self.lex.lookup(name))

    def _appositive(self, doc: Doc, j: int, e: Entry) -> Entry:
        """'Jane Doe, a Pentagon spokesperson,' / 'Jane Doe, Turkey's foreign minister': bind the role."""
        if j + 1 >= len(doc) or doc[j].text != ",":
            return e
        k = j + 1
        while k < len(doc) and k - j <= 10 and (doc[k].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PART")
                                                or doc[k].lower_ in ("of", "'s", "\u2019s", "-")
                                                or (doc[k].tag_ in ("VBG", "VBN") and doc[k].dep_ == "amod")):
            k += 1
        if k <= j + 1 or (k < len(doc) and doc[k].text not in (",", ".", ";", ")", "\u2014")
                          and doc[k].pos_ not in ("VERB", "AUX")):
            return e
        res, _ = self._resolve([t for t in doc[j + 1:k] if t.pos_ != "DET"])
        if res is None or res.head is None or res.head.kind != "role" or not res.entry.sector:
            return e
        return replace(e, country=res.entry.country, sector=res.entry.sector, role=res.role,
                       affiliation=res.entry.id if res.entry.kind != "person" else res.entry.affiliation,
                       source="title")

    def _title_in(self, doc: Doc, i: int, j: int) -> bool:
        return any(norm(doc[a:b].text) in self.lex.roles for a in range(i, j) for b in range(a + 1, min(j, a + 4) + 1))

    def _title_before(self, doc: Doc, i: int) -> bool:
        """A role title ends right before token ``i`` ("Deputy Prime Minister Telemar")."""
        for n in (3, 2, 1):
            if i - n >= 0 and norm(doc[i - n:i].text) in self.lex.roles:
                return True
        return False

    def _mention_at(self, seg_i: int, tok_i: int) -> str | None:
        """The actor of the mention covering a token, if any."""
        for m in reversed(self.mentions):
            if m.seg == seg_i and m.start <= tok_i < m.end:
                return m.actor
        return None
