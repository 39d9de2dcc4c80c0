"""Whom an act is aimed at, beyond the direct object: prepositional targets, the party a threat's
condition names, what a protest is "in protest against", the target inside a purpose or complement
clause ("threatened to break off relations with X"), and what a demand asks of whom. See
docs/events.md, Arguments."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from spacy.tokens import Token

from ...resources import word_list, word_map
from .args import OBJ, PASS_SUBJ, SUBJ, Resolver, prep_targets
from .cameo import plover_of
from .lexicon import Lexicon
from .modality import for_infinitive
from .place_target import place_targets
from .sources import noun_sources

#: Default target prepositions by PLOVER type when the pattern names none.
DEFAULT_PREPS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    kind: tuple(preps.split()) for kind, preps in word_map("events", "default_preps").items()
})
#: Types whose target may sit in a purpose or complement clause.
EMBEDDING = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "PROTEST", "AID"})
#: Prepositions of an embedded clause whose object is a threat's, demand's or protest's target.
EMBEDDED_PREPS = tuple(sorted(word_list("events", "embedded_preps")))
#: Bare helper verbs looked through to the act they govern ("sent material to help defend X").
HELPER_VERBS = word_list("events", "helper_verbs")


def condition_subjects(tok: Token, res: Resolver) -> list[str]:
    """Actors whose action an if/unless clause of ``tok`` names: the party a threat is aimed at."""
    out: list[str] = []
    # "threatened to stop negotiations if the United States ...": the condition may sit on the threatened act
    for v in [tok, *[c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}]]:
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children):
                out += [r for s in c.children if s.dep_ in SUBJ | PASS_SUBJ for r in res.np(s)]
        if out:
            break
    return out


def own_complement(tok: Token, res: Resolver, sources: list[str]) -> bool:
    """``tok`` has a that-clause about the sources themselves ("agreed that their countries should
    cooperate ..."): its actors are not the trigger's target."""
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        for subj in (g for g in c.children if g.dep_ in SUBJ | PASS_SUBJ):
            found = res.np(subj)
            if found and set(found) <= set(sources):
                return True
    return False


def protest_object(lex: Lexicon, tok: Token, res: Resolver) -> list[str]:
    """What "in protest against/of/at X" (on the trigger or its verb) is aimed at: X's actor, or the
    author of the act X names ("in protest against violations by Algerian security forces")."""
    out: list[str] = []
    for h in [tok, tok.head] if tok.dep_ in OBJ else [tok]:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for p in (g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() == "protest"):
                for pp in p.children:
                    if pp.dep_ == "prep" and pp.lower_ in {"against", "of", "at", "over"}:
                        for g in pp.children:
                            if g.dep_ == "pobj":
                                out += res.np(g) or noun_sources(lex, g, res)
    return out


def embedded_targets(lex: Lexicon, tok: Token, res: Resolver) -> list[str]:
    """Target of a threat, demand or protest read from its purpose or complement clause
    ("threatened to break off relations with Congo", "strike to protest against X's decision")."""
    out: list[str] = []
    for c in tok.children:
        if c.dep_ not in {"xcomp", "advcl", "ccomp"} or c.pos_ not in {"VERB", "AUX"}:
            continue
        # "sent material to help defend X": one level further down a bare helper verb
        clauses = [c, *[g for g in c.children if g.dep_ in {"xcomp", "ccomp"} and g.pos_ == "VERB"
                        and c.lemma_.lower() in HELPER_VERBS]]
        for cl in clauses:
            objs = [g for g in cl.children if g.dep_ in OBJ | {"dative"}]
            if any(plover_of(p.cameo) == "MOBILIZE" for p in lex.verbs.get(cl.lemma_.lower(), [])):
                # "refused to deploy troops in Iraq": the troops moved are no target, the place is
                out += place_targets(res, [cl, *objs], "MOBILIZE", "150")
                objs = []
            for o in objs:
                out += res.np(o)
            out += prep_targets(res, [cl, *objs], EMBEDDED_PREPS)
            if out:
                return out
    return out


def complement_targets(tok: Token, res: Resolver) -> list[str]:
    """The object of what is demanded ("calls ... to expel U.S. forces")."""
    out: list[str] = []
    for c in tok.children:
        # "demanding that President X abandon ...", "its demand that X ...", "called for X to resign"
        if c.dep_ in {"ccomp", "acl"} or for_infinitive(c):
            for g in c.children:
                if g.dep_ in SUBJ | PASS_SUBJ:
                    out += res.np(g)
    if out:
        return out
    for c in tok.children:
        if c.dep_ in {"xcomp", "acl", "ccomp", "relcl"}:
            for g in c.children:
                if g.dep_ in OBJ:
                    out += res.np(g)
    return out
