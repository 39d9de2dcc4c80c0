"""People are not places: the names of the article's persons, as the actors stage found them.

A token the actors stage linked to a person ("Clinton said", "Ms Raggi") is no toponym, nor is a lone
surname of a person the article names ("Sanders and Warren left early" after "Elizabeth Warren"), nor a
name right after a courtesy title ("Mr Romney"). A country or state the NER calls a place where it
stands is never a person's mention, even when a misread headline made a "person" of its name. A surname still names a place where it is used as a
location and the gazetteer knows a sizeable place of that name ("she moved to Warren" stays a place only
when no person is called Warren; "a rally in Houston" with a Mr Houston keeps Houston, a big city).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ...model import Article, Segment
from ...resources import word_list
from ..common import ACTOR_MENTIONS
from .gazetteer import Entry, Gazetteer, name_key
from .spot import (
    Spot,
    after_locative,
    big_town_named_person,
    body_follows,
    civic_modifier,
    goal_of_going,
    qualified_town,
    residence,
    unit_named,
)

#: a sizeable town: a surname used as a location still names it ("a rally in Houston")
_SIZEABLE = 100_000
#: a town this big is what a one-word "person" of its name is (the NER's misread)
_BIG_TOWN = 50_000


@dataclass(frozen=True)
class People:
    """Tokens that refer to persons, and the keys of their surnames and one-word names."""

    tokens: frozenset[tuple[int, int]]  # (segment index, token index)
    surnames: frozenset[str]
    #: keys of the persons known by one word only, with no fuller name in the article ("Samos said")
    one_word: frozenset[str] = frozenset()

    def names_person(self, gaz: Gazetteer, seg: Segment, sp: Spot) -> bool:
        """True when spot ``sp`` of ``seg`` names a person rather than a place."""
        if sp.source == "unit":
            return False  # "(Konduga LGA, Borno)": a qualifier of a place is a place, whatever the NER said
        doc = seg.doc
        lookups = gaz.lookup(doc[sp.start_tok:sp.end_tok].text)
        if sp.end_tok - sp.start_tok > 1 and unit_named(doc, gaz, sp.start_tok, sp.end_tok - 1):
            return False  # "Nad Ali district": the unit word says it is a place, whatever the NER said
        if big_town_named_person(doc, sp.start_tok, sp.end_tok, lookups):
            return False  # "clashes in Wad Medani": a big town's name after a locative word
        words = [t for t in doc[sp.start_tok:sp.end_tok] if not t.is_punct]
        if sp.source == "ner" and doc[sp.start_tok].ent_type_ == "GPE" \
                and _state_or_country(gaz, doc[sp.start_tok:sp.end_tok].text):
            return False  # the NER reads a country or state here, whatever a misread headline made a person
        entries = [e for e, _ in lookups]
        if self._located_one_word_name(doc, sp, entries) or self._goal_of_going(doc, sp, lookups):
            return False
        if civic_modifier(doc, sp.start_tok, sp.end_tok, entries) or qualified_town(doc, gaz, sp.end_tok, entries) \
                or residence(doc, sp.start_tok, sp.end_tok, lookups):
            return False  # "Fargo Mayor Ann Lee", "a Millbrook man", "Villa Nueva, Oaxaca", "Ann Lee, of X": a town
        if sp.source == "gazetteer" and body_follows(doc, sp.end_tok):
            return False  # "Dunmore Fire Chief Ann Lee": the town's public office, though "Dunmore Fire" read as a name
        if sp.source != "adjective" and any((sp.seg, t) in self.tokens for t in range(sp.start_tok, sp.end_tok)) \
                and not (len(words) > 1 and _state_or_country(gaz, doc[sp.start_tok:sp.end_tok].text)) \
                and not _sizeable_location(gaz, doc, sp) and not self._affiliation(doc, sp, lookups) \
                and not self._town_called_a_person(doc, sp, lookups):
            return True  # a person's mention ("Clinton said"); not a state the NER called a person
        honorifics = word_list("actors", "honorifics")
        if _after_honorific(doc, sp.start_tok):
            return True  # "Ms Raggi", "Mr. Post"
        if words and words[0].lower_.rstrip(".") in honorifics and len(words) > 1:
            return True
        if sp.source == "adjective" or len(words) != 1:
            return False
        key = name_key(_strip_possessive(words[0].text))
        if key not in self.surnames or self._town_called_a_person(doc, sp, lookups):
            return False
        # a surname of the article's people: a place only where used as a location of a sizeable place
        return not _sizeable_location(gaz, doc, sp)

    def _affiliation(self, doc: Doc, sp: Spot, lookups: Sequence[tuple[Entry, bool]]) -> bool:
        """A place the NER does not call a person, at the start of a person's mention that goes on past it:
        the place of the person's office ("the Manila Archbishop Jane Roe", "Texas Governor John Doe")."""
        if any(t.ent_type_ == "PERSON" for t in doc[sp.start_tok:sp.end_tok]) or sp.end_tok >= len(doc):
            return False
        if (sp.seg, sp.end_tok) not in self.tokens or (sp.seg, sp.start_tok - 1) in self.tokens:
            return False
        if sp.source != "org" and doc[sp.end_tok].ent_iob_ == "I" and doc[sp.end_tok].tag_ != "POS":
            return False  # "Van Voorhis": one name the NER reads whole, not a place before a title
        return any(primary and e.kind in ("country", "admin1", "admin2", "city") for e, primary in lookups)

    def _town_called_a_person(self, doc: Doc, sp: Spot, lookups: Sequence[tuple[Entry, bool]]) -> bool:
        """A "person" known by one word only, with no title before it here, whose name a town or county of
        50,000+ (or a state, a country or a hand-written region) bears: a misread of the place ("Eastport's
        residents" read as a person's)."""
        if sp.end_tok - sp.start_tok != 1 or name_key(_strip_possessive(doc[sp.start_tok].text)) not in self.one_word:
            return False
        if _after_honorific(doc, sp.start_tok):
            return False
        return any(primary and (e.kind in ("country", "admin1", "region")
                                or (e.kind in ("city", "admin2") and e.population >= _BIG_TOWN))
                   for e, primary in lookups)

    def _goal_of_going(self, doc: Doc, sp: Spot, lookups: Sequence[tuple[Entry, bool]]) -> bool:
        """A one-word town where a verb of going goes ("driving to Dunmore"), that is no surname of a person
        the article names in full: the town, though the NER read a person."""
        if sp.end_tok - sp.start_tok != 1 or not goal_of_going(doc, sp.start_tok):
            return False
        key = name_key(doc[sp.start_tok].text)
        return (key not in self.surnames or key in self.one_word) and any(
            primary and e.kind in ("city", "admin2") for e, primary in lookups)

    def _located_one_word_name(self, doc: Doc, sp: Spot, entries: list[Entry]) -> bool:
        """A name the NER reads as a place where it stands, after a locative word, that is a "person" only by
        one word elsewhere (a misread "X's economy"): the place ("stuck in Eastport ... Eastport's port")."""
        if sp.end_tok - sp.start_tok != 1 or doc[sp.start_tok].ent_type_ not in ("GPE", "LOC"):
            return False
        if sp.end_tok < len(doc) and doc[sp.end_tok].tag_ == "POS":
            return False
        return bool(entries) and name_key(doc[sp.start_tok].text) in self.one_word and after_locative(doc, sp.start_tok)


def _after_honorific(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a courtesy title ("Ms Raggi", "Mr. Post")."""
    return i > 0 and doc[i - 1].lower_.rstrip(".") in word_list("actors", "honorifics")


def _sizeable_location(gaz: Gazetteer, doc: Doc, sp: Spot) -> bool:
    """The spot follows a locative word, is no possessor, and the gazetteer knows a country, state, or county
    or town of 100,000+ by its name: "the team flew to Houston" beside a Coach Houston."""
    if sp.end_tok < len(doc) and doc[sp.end_tok].tag_ == "POS":
        return False  # "in Clinton's view"
    return after_locative(doc, sp.start_tok) and any(
        primary and (e.kind in ("country", "admin1") or (e.kind in ("city", "admin2") and e.population >= _SIZEABLE))
        for e, primary in gaz.lookup(doc[sp.start_tok:sp.end_tok].text))  # not "Ames County" for "Ames"


def _initialled_names(doc: Doc) -> list[str]:
    """Names written with a middle initial, whatever label the NER gave them: "Jane Q. Roe" is a person."""
    out: list[str] = []
    for t in doc[1:-1]:
        first, last = doc[t.i - 1], doc[t.i + 1]
        if len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "." and first.is_alpha and first.is_title \
                and last.is_alpha and last.is_title and not first.is_sent_start:
            out.append(f"{first.text} {t.text} {last.text}")
    return out


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _state_or_country(gaz: Gazetteer, text: str) -> bool:
    return any(e.kind in ("country", "admin1") for e, _ in gaz.lookup(text))


def person_words(article: Article) -> People:
    """The persons of ``article.actors`` (kind "person") and their mentions in ``scratch``."""
    persons = {a.id: a for a in article.actors if a.kind == "person"}
    tokens = frozenset(
        (r.seg, t) for r in article.scratch.get(ACTOR_MENTIONS, []) if r.ref in persons
        for t in range(r.start_tok, r.end_tok)
    )
    names = [a.name for a in persons.values()]
    # the NER's people of two words or more, whom the actors stage may have left out ("Olivia Stone")
    names += [ent.text for seg in article.segments for ent in seg.doc.ents if ent.label_ == "PERSON" and len(ent) > 1]
    names += [name for seg in article.segments for name in _initialled_names(seg.doc)]
    suffixes = word_list("actors", "name_suffixes")  # "Jr.", "III" are no surnames
    surnames: set[str] = set()
    for name in names:
        parts = [p for p in name.replace(".", " ").split() if p[:1].isupper() and p.lower() not in suffixes]
        if parts:
            surnames.add(name_key(_strip_possessive(parts[-1])))
    surnames.discard("")
    words = [name.split() for name in names]
    fuller = {name_key(_strip_possessive(w[-1])) for w in words if len(w) > 1}
    one_word = {name_key(_strip_possessive(w[0])) for w in words if len(w) == 1} - fuller
    return People(tokens, frozenset(surnames), frozenset(one_word))
