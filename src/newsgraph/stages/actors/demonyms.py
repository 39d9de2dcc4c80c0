"""Demonyms in a sentence: a demonym before a noun that names no actor ("Russian airstrikes": Russia
acts), and a demonym the NER cut in two ("Sierra" | "Leonean and Ivorian refugees")."""

from __future__ import annotations

from ...model import Segment
from ...resources import word_list
from .lexicon import norm
from .state import ArticleState
from .syntax import claim, locative

#: head nouns a demonym modifies without the country acting or suffering through them ("Iraqi towns",
#: "British nationals" and "the Turkish side" do name the country: only locative uses are left out)
NOT_ACTED = word_list("actors", "not_acted")


def split_demonym(state: ArticleState, seg: Segment, i: int, j: int, claimed: list[bool]) -> bool:
    """An entity cut inside a demonym ("Sierra" of "Sierra Leonean and Ivorian refugees"): the whole
    demonym with the group noun that follows it, which the coordination shares."""
    doc = seg.doc
    demonyms = state.lex.demonyms
    k = j
    while k < len(doc) and k - j < 2 and norm(doc[i:k].text) not in demonyms:
        k += 1
    if norm(doc[i:k].text) not in demonyms or any(claimed[x] for x in range(i, k)):
        return False
    for h in range(k, min(k + 5, len(doc))):
        res, owner = state.resolve([*doc[i:k], doc[h]])
        if res is not None and res.head is not None and res.head.kind == "agent" and res.entry.country:
            state.register(seg, res, owner, i, k, "noun", plural=doc[h].tag_ in ("NNS", "NNPS"))
            claim(claimed, i, k)
            return True
    return False


def demonym_noun(state: ArticleState, seg: Segment, i: int, j: int, claimed: list[bool]) -> None:
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
    res, owner = state.resolve(list(doc[i:head.i + 1]))
    if res is None or res.entry.country is None or res.led_by or res.extra:
        return
    state.register(seg, res, owner, start, head.i + 1, "noun", plural=head.tag_ in ("NNS", "NNPS"))
    claim(claimed, start, head.i + 1)
