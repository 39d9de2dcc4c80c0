"""Rules of the actors stage kept apart from the pass itself: demonyms ("Russian airstrikes", an entity
cut inside "Sierra Leonean"), titles "of" a country ("King Hassan of Morocco") and bare surnames ("Odinga
said", "Davis 17 points")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .lexicon import Entry, norm
from .resolver import HEAD_ROLES, NOT_SURNAMES, Resolution, bind_country, surname_person
from .syntax import claim, locative, of_proper_noun

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ...model import Segment
    from .stage import _Run

#: head nouns a demonym modifies without the country acting or suffering through them ("Iraqi towns",
#: "British nationals" and "the Turkish side" do name the country: only locative uses are left out)
NOT_ACTED = {"language", "origin", "descent", "cuisine", "food", "culture", "history", "time", "currency",
              "ancestry", "heritage", "style", "word", "name", "passport", "visa", "flag", "anthem", "holiday",
              "new", "year", "dialect", "accent", "music", "film", "literature", "art", "law", "standard"}


def split_demonym(run: _Run, seg: Segment, i: int, j: int, claimed: list[bool]) -> bool:
    """An entity cut inside a demonym ("Sierra" of "Sierra Leonean and Ivorian refugees"): the whole
    demonym with the group noun that follows it, which the coordination shares."""
    doc = seg.doc
    k = j
    while k < len(doc) and k - j < 2 and norm(doc[i:k].text) not in run.lex.demonyms:
        k += 1
    if norm(doc[i:k].text) not in run.lex.demonyms or any(claimed[x] for x in range(i, k)):
        return False
    for h in range(k, min(k + 5, len(doc))):
        res, owner = run._resolve([*doc[i:k], doc[h]])
        if res is not None and res.head is not None and res.head.kind == "agent" and res.entry.country:
            run._register(seg, res, owner, i, k, "noun", plural=doc[h].tag_ in ("NNS", "NNPS"))
            claim(claimed, i, k)
            return True
    return False


def demonym_noun(run: _Run, seg: Segment, i: int, j: int, claimed: list[bool]) -> None:
    """A demonym modifying a noun that names no actor ("Russian airstrikes", "Israeli army bulldozers"):
    the country (the sector of an actor noun in between, if any), via 'noun', on the head noun."""
    doc = seg.doc
    last = doc[j - 1]
    head = last.head
    if not seg.parsed:  # no parse (triage): the last noun of the words that follow
        k = j
        while k < len(doc) and doc[k].pos_ in ("ADJ", "NOUN") and not doc[k].ent_type_:
            k += 1
        if k == j or doc[k - 1].pos_ != "NOUN":
            return
        head = doc[k - 1]
    elif last.dep_ not in ("amod", "compound", "nmod") or head.i <= last.i or head.pos_ != "NOUN":
        return
    if head.i - j > 3 or any(claimed[k] for k in range(i, head.i + 1)) or head.ent_type_ \
            or norm(head.lemma_) in NOT_ACTED or locative(doc, i):
        return
    between = doc[j:head.i]
    if any(t.pos_ not in ("ADJ", "NOUN", "PROPN") or t.ent_type_ in ("NORP", "GPE", "ORG") for t in between):
        return  # "Russian and Iranian allies" is the noun-phrase pass's, "Syrian Kurdish fighters" too
    start = i - 1 if i > 0 and doc[i - 1].pos_ == "DET" else i
    res, owner = run._resolve(list(doc[i:head.i + 1]))
    if res is None or res.entry.country is None or res.led_by or res.extra:
        return
    run._register(seg, res, owner, start, head.i + 1, "noun",
                   plural=head.tag_ in ("NNS", "NNPS"))
    claim(claimed, start, head.i + 1)


def title_of(run: _Run, doc: Doc, i: int, j: int, res: Resolution) -> Resolution:
    """'King Hassan of Morocco': the place after 'of' is the titled person's country (never a
    namesake's elsewhere); an unknown place after 'of' leaves the country unknown."""
    span = of_proper_noun(doc, j)
    if span is None:
        return res
    place, _ = run._resolve(list(doc[span[0]:span[1]]))
    if place is None and res.entry.country is None:
        run.unplaced.add(res.entry.id)  # "Prime Minister Zorblat of Ruritania": no country guessed
    return bind_country(res, place, doc[i:j].text)


def bare_surname(run: _Run, seg: Segment, k: int, claimed: list[bool]) -> bool:
    """A known surname the NER missed, as a subject or object ("Odinga said ...")."""
    t = seg.doc[k]
    key = norm(t.text)
    if t.pos_ != "PROPN" or t.ent_type_ or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") \
            or key not in run.lex.surnames or key in NOT_SURNAMES or run.lex.given_name_rather(key) \
            or (k > 0 and seg.doc[k - 1].pos_ == "DET"):
        return False
    known, left = surname_person(run.lex, key, run.date)
    if known is None or not lone_surname_fits(run, known):
        return False
    run.actor_for(replace(known, sector="ELI") if left else known, label="PERSON")
    run.mention(seg, k, k + 1, known.id, "dict")
    claim(claimed, k, k + 1)
    return True


def lone_surname_fits(run: _Run, known: Entry) -> bool:
    """A bare surname ("Davis 17 points") names a who's-who person only if they head a state or
    government then, or their country is already named in the article."""
    if (known.role or "").casefold() in HEAD_ROLES and known.holds(run.date):
        return True
    named = {c for _s, _t, c in run.focus} | {a.country for a in run.actors.values() if a.country}
    return known.country in named
