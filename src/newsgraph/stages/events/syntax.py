"""Syntactic readings of the dependency parse the event coder relies on: clause regions, voice,
locative phrases, reported clauses, and the small word classes these readings use (their lists are
in ``data/words/``; see docs/events.md)."""

from __future__ import annotations

from spacy.tokens import Token

from ...resources import word_list
from .args import OBJ, PASS_SUBJ, SUBJ
from .modality import ANNOUNCE, SPEECH

REPORTING = SPEECH | word_list("events", "reporting_verbs")
ACCUSING = word_list("events", "accusing_verbs")
DURATIONS = word_list("events", "durations")
#: Clause relations that open an embedded clause (its tokens are not the trigger's clause).
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "csubj", "parataxis", "acl"})
#: Subjects that are a means, not an agent ("a roadside bomb killed ..."): the source is unknown.
INSTRUMENTS = word_list("events", "instruments")
#: Verbs of going or gathering whose "for" phrase names the event the subject takes part in.
GATHER = word_list("events", "gather_verbs")
#: Verbs that make a rally or march a protest ("a rally to protest ...", "a march demanding ...").
PROTESTING = word_list("events", "protesting_verbs")
#: Participles that state the subject's own stance, not something done to it ("is committed to opening").
STATIVE_PASSIVE = word_list("events", "stative_passives")
#: Participles that describe what a noun carries ("militiamen armed with machetes"), not an act.
DESCRIPTIVE = word_list("events", "descriptive_participles")
#: Nouns whose infinitive complement is an (attempted) act of an unnamed author.
ATTEMPTS = word_list("events", "attempts")
LOC_PREPS = word_list("events", "locative_preps")
#: Prepositions whose object is an act going on when the clause's act happens ("during a protest").
CIRCUMSTANCE = frozenset({"during", "amid", "amidst"})


def reported(tok: Token) -> bool:
    """The clause of ``tok`` is reported speech: the sentence root is a reporting verb other than ``tok``."""
    root = tok.sent.root
    return root.i != tok.i and root.lemma_.lower() in REPORTING | ANNOUNCE


#: Animals and pests: no doers of a political act (PLOVER's actors are people and their bodies): "a shark
#: attacked a surfer", "Locusts invaded farms".
ANIMALS = frozenset({"shark", "sharks", "dog", "dogs", "lion", "lions", "elephant", "elephants", "crocodile",
                     "crocodiles", "bear", "bears", "snake", "snakes", "wolf", "wolves", "leopard", "leopards",
                     "tiger", "tigers", "hippo", "hippos", "bees", "locust", "locusts", "animal", "animals"})


def protest_purpose(tok: Token) -> bool:
    """A rally or march with a clause of protesting ("a rally to protest ...")."""
    return any(c.dep_ in {"acl", "relcl", "advcl"} and c.lemma_.lower() in PROTESTING for c in tok.children)


def descriptive(tok: Token) -> bool:
    """A participle modifying a noun, with no agent, that describes it ("gunmen armed with rifles")."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in DESCRIPTIVE \
        and not any(c.dep_ == "agent" for c in tok.children)


def reduced_passive(tok: Token) -> bool:
    """A participle with a "by" agent modifying a noun ("rebels armed by Iran"): the noun undergoes it."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)


#: Weapons and their caches: a participle on one with no agent ("weapons found near the border") tells
#: what was done to them, as a passive does.
WEAPON_NOUNS = word_list("events", "weapon_nouns")


#: Verbs that take weapons out of use (seized, found, defused ...): CAMEO 171 for weapons.
TAKEN_OUT = frozenset({"find", "discover", "seize", "recover", "uncover", "confiscate", "defuse", "intercept",
                       "dismantle", "neutralize", "neutralise", "disarm", "unearth", "impound"})


def weapon_participle(tok: Token) -> bool:
    """A participle of taking out of use, with no agent, on a weapon or cache ("a cache of weapons found
    near the border", "grenades seized in the raid"): a passive whose subject is the weapon ("the
    weapons used in the attack" is no such act)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in TAKEN_OUT \
        and not any(c.dep_ == "agent" for c in tok.children) and tok.head.lemma_.lower() in WEAPON_NOUNS


def misparsed_reporter(obj: Token) -> bool:
    """A second object after a comma that is the speaker of a trailing report the parser attached as
    its participle (", a rights group alleged on Friday.")."""
    first = obj.left_edge
    return first.i > 0 and obj.doc[first.i - 1].text == "," \
        and any(o.dep_ in {"dobj", "obj"} and o.i < obj.i for o in obj.head.children) \
        and any(c.dep_ == "acl" and c.lemma_.lower() in REPORTING | ACCUSING for c in obj.children)


def headline_participle(tok: Token) -> bool:
    """A participle on the root noun of a sentence with no finite verb, which the parser read as a
    reduced relative: "An explosive device detonated near a market" (the participle is the verb). A
    participle with a direct object in a sentence with no finite verb is that verb too, wherever the
    parser hung it ("A blast caused by a mine killed ten people": a passive takes no object)."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in tok.children):
        return False
    return tok.head.dep_ == "ROOT" or nested_headline(tok) or (tok.sent.root.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "dobj" for v in (tok, *tok.conjuncts) for c in v.children))  # "killed or wounded 26"


def nested_headline(tok: Token) -> bool:
    """A participle hung on the last noun of the root noun's own participle phrase in a sentence with no
    finite verb: "A bomb hidden in a car detonated near the station" (the parser put "detonated" on
    "car"; it is the verb of "bomb")."""
    owner = participle_owner(tok)
    if owner is None:
        return False
    if owner.dep_ == "ROOT" and owner.pos_ in {"NOUN", "PROPN"}:
        return True
    # "A bomb hidden in a car detonated near X; no group claimed it": the parser made the weapon the
    # subject of the next clause's verb; a weapon that goes off is the subject of "detonated"
    return owner.dep_ in {"nsubj", "dep"} and tok.lemma_.lower() in GOING_OFF_VERBS and lemma_in(owner, INSTRUMENTS)


#: Verbs of a device going off (intransitive): their subject is the weapon.
GOING_OFF_VERBS = frozenset({"explode", "detonate"})


def participle_owner(tok: Token) -> Token | None:
    """The noun whose participle phrase ``tok`` hangs at the end of ("A bomb hidden in a car
    detonated": "bomb"), else None."""
    if tok.head.dep_ != "pobj" or tok.head.head.dep_ != "prep":
        return None
    part = tok.head.head.head
    return part.head if part.dep_ == "acl" and part.tag_ == "VBN" and part.head.i != tok.i else None


def headline_noun(tok: Token) -> Token:
    """The noun a headline participle (:func:`headline_participle`) tells of: the noun it hangs on, or
    the noun whose own participle phrase it hangs inside."""
    return (participle_owner(tok) or tok.head) if nested_headline(tok) else tok.head


def to_death(tok: Token) -> bool:
    """The verb has "to death" ("hacked a man to death", "was beaten to death")."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "death" for g in c.children)
               for c in tok.children)


def participle_complement(tok: Token) -> bool:
    """A past participle the parser read as the adjective complement of "be" or "get" ("was gang-raped",
    "got kidnapped"): a passive whose subject is the copula's."""
    return tok.dep_ == "acomp" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in {"be", "get"} \
        and not any(c.dep_ in OBJ for c in tok.children)


def is_passive(tok: Token) -> bool:
    """Passive voice, also for a participle coordinated with a passive ("was convicted and sentenced")."""
    if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in tok.children):
        return True
    if reduced_passive(tok) or weapon_participle(tok) or participle_complement(tok):
        return True
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(c.dep_ in SUBJ | {"aux"} for c in tok.children) \
        and any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in tok.head.children)


def clause_tokens(tok: Token) -> list[Token]:
    """The tokens of ``tok``'s own clause (embedded verb clauses left out)."""
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


def in_place_phrase(tok: Token, anchors: set[int]) -> bool:
    """``tok`` sits in a locative prepositional phrase ("in eastern Syria"), not in an actor phrase."""
    node = tok
    for _ in range(12):
        if node.i in anchors or node.head.i == node.i:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in LOC_PREPS:
            return True
        node = node.head
    return False


def noun_clause_anchor(tok: Token) -> Token:
    """Modality of a noun event is read from the verb it is the subject or object of."""
    if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and tok.head.pos_ in {"VERB", "AUX"}:
        return tok.head
    return tok


def lemma_in(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def hyphenated(tok: Token) -> str:
    """The hyphenated word ``tok`` ends ("sit-in": the parser splits "sit - in"), else ''."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return ""


#: Things fired or dropped: their landing or hitting a place is a shelling or a strike.
PROJECTILES = word_list("events", "projectiles")


def projectile(tok: Token) -> bool:
    """``tok`` names a projectile, itself or through a compound ("shells", "mortar rounds")."""
    return tok.lemma_.lower() in PROJECTILES or any(
        c.dep_ == "compound" and c.lemma_.lower() in PROJECTILES for c in tok.children)
