"""Syntactic helpers of the event coder: clause regions, passives, locative phrases, argument
prepositions, and the small word classes the coder's rules use (see docs/events.md)."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Article
from .args import PASS_SUBJ, SUBJ, Resolver, country_of
from .modality import ANNOUNCE, SPEECH

REPORTING = SPEECH | frozenset({"report", "write", "note", "add", "say", "tell", "claim"})
ACCUSING = frozenset({"charge", "allege", "accuse"})
DURATIONS = frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"})
#: Clause relations that open an embedded clause (its tokens are not the trigger's clause).
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "csubj", "parataxis", "acl"})


#: Subjects that are a means, not an agent ("a roadside bomb killed ..."): the source is unknown.
INSTRUMENTS = frozenset({
    "bomb", "bombing", "blast", "explosion", "mine", "minefield", "shell", "shelling", "rocket", "missile",
    "mortar", "grenade", "device", "ied", "fire", "gunfire", "airstrike", "strike", "raid", "attack",
    "ambush", "violence", "clash", "fighting", "crash", "drone",
})


def _uncoded(article: Article, ref: str) -> bool:
    """A generic group with no country or international sector ("NOUN.people")."""
    actor = article.actor(ref)
    return ref.startswith("NOUN.") and country_of(article, ref) is None \
        and not (actor is not None and actor.sector in {"IGO", "NGO"})


def _reported(tok: Token) -> bool:
    """The clause of ``tok`` is reported speech: the sentence root is a reporting verb other than ``tok``."""
    root = tok.sent.root
    return root.i != tok.i and root.lemma_.lower() in REPORTING | ANNOUNCE


#: Verbs of going or gathering whose "for" phrase names the event the subject takes part in.
GATHER = frozenset({"return", "come", "go", "arrive", "travel", "fly", "gather", "converge", "meet", "assemble",
                    "head", "leave", "prepare", "mass", "turn"})
#: Verbs that make a rally or march a protest ("a rally to protest ...", "a march demanding ...").
PROTESTING = frozenset({"protest", "demand", "denounce", "condemn", "oppose", "decry", "call", "press"})


def _protest_purpose(tok: Token) -> bool:
    return any(c.dep_ in {"acl", "relcl", "advcl"} and c.lemma_.lower() in PROTESTING for c in tok.children)


#: Participles that state the subject's own stance, not something done to it ("is committed to opening").
STATIVE_PASSIVE = frozenset({"commit", "oppose", "determine", "dedicate", "devote", "resolve", "prepare", "engage"})


#: Participles that describe what a noun carries ("militiamen armed with machetes"), not an act.
DESCRIPTIVE = frozenset({"arm", "equip"})


def _descriptive(tok: Token) -> bool:
    """A participle modifying a noun, with no agent, that describes it ("gunmen armed with rifles")."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in DESCRIPTIVE \
        and not any(c.dep_ == "agent" for c in tok.children)


def _reduced_passive(tok: Token) -> bool:
    """A participle with a "by" agent modifying a noun ("rebels armed by Iran"): the noun undergoes it."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)


def _misparsed_reporter(obj: Token) -> bool:
    """A second object after a comma that is the speaker of a trailing report the parser attached as
    its participle (", a rights group alleged on Friday.")."""
    first = obj.left_edge
    return first.i > 0 and obj.doc[first.i - 1].text == "," \
        and any(o.dep_ in {"dobj", "obj"} and o.i < obj.i for o in obj.head.children) \
        and any(c.dep_ == "acl" and c.lemma_.lower() in REPORTING | ACCUSING for c in obj.children)


#: Nouns whose infinitive complement is an (attempted) act of an unnamed author.
ATTEMPTS = frozenset({"attempt", "plot", "bid", "conspiracy", "effort", "try"})


def _is_passive(tok: Token) -> bool:
    """Passive voice, also for a participle coordinated with a passive ("was convicted and sentenced")."""
    if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in tok.children):
        return True
    if _reduced_passive(tok):
        return True
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(c.dep_ in SUBJ | {"aux"} for c in tok.children) \
        and any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in tok.head.children)


def _clause_tokens(tok: Token) -> list[Token]:
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"}:
                continue
            stack.append(c)
    return out


LOC_PREPS = frozenset({"in", "near", "at", "across", "inside", "outside", "around", "throughout", "within",
                       "into", "along", "off"})


def _in_place_phrase(tok: Token, anchors: set[int]) -> bool:
    """``tok`` sits in a locative prepositional phrase ("in eastern Syria"), not in an actor phrase."""
    node = tok
    for _ in range(12):
        if node.i in anchors or node.head.i == node.i:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in LOC_PREPS:
            return True
        node = node.head
    return False


def _noun_clause_anchor(tok: Token) -> Token:
    """Modality of a noun event is read from the verb it is the subject or object of."""
    if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and tok.head.pos_ in {"VERB", "AUX"}:
        return tok.head
    return tok


def _lemma_in(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def _condition_subjects(tok: Token, res: Resolver) -> list[str]:
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


def _prep_targets(res: Resolver, heads: list[Token], preps: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                objs = [g for g in c.children if g.dep_ == "pobj"]
                for g in objs:
                    out += res.np(g)
                if not objs and not any(g.dep_ == "pcomp" for g in c.children):
                    out += _dangling_object(res, c)
    return out


def _dangling_object(res: Resolver, prep: Token) -> list[str]:
    """A preposition the parser left without object ("granted asylum to five officers holed up in
    ..." with "officers" parsed as a clause subject): the first actor right after it, before a verb."""
    for t in prep.doc[prep.i + 1: prep.i + 8]:
        if t.pos_ in {"VERB", "AUX", "PUNCT"} or t.dep_ == "prep":
            return []
        ref = res.at(t)
        if ref is not None:
            return [ref]
    return []


def _uniq(items: object) -> list[str]:
    out: list[str] = []
    for x in items:  # type: ignore[attr-defined]
        if x and x not in out:
            out.append(x)
    return out


def _own_complement(tok: Token, res: Resolver, sources: list[str]) -> bool:
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
