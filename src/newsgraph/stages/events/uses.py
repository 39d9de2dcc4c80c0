"""Uses of a trigger word that report no political act (docs/events.md, Confidence, tenth round).

Each test names a use a trained coder would not code, as a codebook states it:

- **charged**: an act named as the content of a charge, a prosecution or a verdict ("convicted of
  kidnapping a girl", "faces charges including conspiring to hack computers"): the legal act is the
  event, the act charged is the case's subject (CAMEO codes "accused X of attacking" as the accusation);
- **private**: force or threats between private persons (no state, party, armed or international body,
  no mob): ordinary crime, coded by no political event data set;
- **plea**: "pleaded guilty", "pleaded not guilty": a plea in court is no appeal (no event at all:
  ``verbs.court_plea``);
- **reception**: "the plan was met with laughter": a passive "met with" and no "by" phrase is how
  something was received, no meeting (no event at all: ``verbs.met_thing``);
- **lecture**: the singular noun "talk" with a determiner or possessor ("in his talk", "a talk at the
  conference") is a lecture; negotiations are "talks";
- **cognition**: "recognise / acknowledge / accept / admit that ..." with a clause reports a belief, no
  recognition, acceptance or concession;
- **warning**: "warned that ..." whose clause names no act to come (no future or modal auxiliary) is a
  statement about how things are, no threat;
- **attraction**: "appeal" had, held, lost or gained, or broad, wide or popular, is attractiveness, no
  request ("the stance holds appeal to voters");
- **satisfied**: "meet" with a direct object that is no actor ("meet the deadline", "met the
  thresholds") is to satisfy, no meeting;
- **habitual**: a verb in the simple present in a relative clause ("forces who kill protesters") tells
  what someone does, not an act that happened.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Article
from ...resources import word_list
from ..common import actor_at

#: Relations through which a charge or verdict governs the act it names.
_CHARGED_PATH = frozenset({"prep", "pobj", "pcomp", "xcomp", "acl", "dobj"})
#: Prepositions that name what is charged ("convicted of", "charged with", "tried for", "charges including").
_CHARGED_PREPS = frozenset({"of", "with", "for", "including", "over", "on"})
#: Types that are themselves legal acts, never the content of another's charge.
_LEGAL = frozenset({"ACCUSE", "SANCTION"})


def charged(trigger: Token, kind: str) -> bool:
    """The act is the content of a charge, prosecution or verdict (``charge_words.txt``: convict,
    charge, indict, prosecute, acquit, trial ...) within four steps up the tree, through a preposition
    that names the charge ("convicted him of kidnapping", "charged with attacking", "charges including
    conspiring to hack"; not "a charge to disperse the crowd")."""
    if kind in _LEGAL:
        return False
    words = word_list("events", "charge_words")
    child, node, via = trigger, trigger.head, False
    for _ in range(4):
        if node.i == child.i or child.dep_ not in _CHARGED_PATH:
            return False
        via = via or (node.dep_ == "prep" and node.lower_ in _CHARGED_PREPS)
        if via and (node.lemma_.lower() in words or node.lower_ in words):
            return True
        child, node = node, node.head
    return False


#: Sectors of private persons.
_PRIVATE = frozenset({None, "CVL"})
#: Types of force between private persons that are crime.
_FORCE = frozenset({"ASSAULT", "THREATEN", "COERCE"})


def private(article: Article, kind: str, source: list[str], with_political: bool) -> bool:
    """An act of force or a threat whose sources are all private persons (``kind`` person, no sector
    but civilian) and no side of which is a political actor (``with_political``: a state or a political,
    armed or international body, or a person affiliated with one): ordinary crime ("a man kidnapped a
    girl", "he threatened his neighbour")."""
    if kind not in _FORCE or not source or with_political:
        return False
    for ref in source:
        actor = article.actor(ref)
        if actor is None or actor.kind != "person" or actor.sector not in _PRIVATE:
            return False
    return True


#: Words of a plea in court.
_PLEAS = frozenset({"guilty", "innocent", "contest"})


def plea(trigger: Token) -> bool:
    """"pleaded guilty", "pleaded not guilty", "pleads no contest": a plea, no appeal."""
    if trigger.lemma_.lower() != "plead":
        return False
    return any(t.lower_ in _PLEAS for t in trigger.subtree if t.i > trigger.i and t.i - trigger.i <= 3)


def reception(trigger: Token) -> bool:
    """"was met with laughter": a passive of meet with a "with" phrase and no "by" phrase."""
    if trigger.lemma_.lower() != "meet" or trigger.pos_ not in {"VERB", "AUX"}:
        return False
    kids = {c.dep_ for c in trigger.children}
    return "auxpass" in kids and "agent" not in kids and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)


def lecture(trigger: Token) -> bool:
    """The singular noun "talk" with a determiner or possessor ("in his talk", "a talk at the
    conference"): a lecture or a speech; negotiations are "talks" (a bare "came for talk on ..." stays)."""
    return trigger.lower_ == "talk" and trigger.tag_ == "NN" and any(c.dep_ in {"det", "poss"} for c in trigger.children)


#: Verbs that take a clause of belief ("recognised that the deal was poor").
_COGNITION = frozenset({"recognize", "recognise", "acknowledge", "accept", "admit", "concede", "realize",
                        "realise", "understand", "appreciate"})


def cognition(trigger: Token) -> bool:
    """"recognise that ...", "accepted that ...": a finite clause as the verb's complement (a belief
    stated), not a state recognised or an offer accepted."""
    if trigger.lemma_.lower() not in _COGNITION or trigger.pos_ not in {"VERB", "AUX"}:
        return False
    return any(c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"}
                                         or (g.dep_ == "mark" and g.lower_ == "that") for g in c.children)
               for c in trigger.children)


#: Verbs of warning; their clause is a threat only when it names an act to come.
_WARN = frozenset({"warn", "caution"})
#: Auxiliaries and markers of an act to come ("will not sit", "would respond", "could strike").
_TO_COME = frozenset({"will", "would", "shall", "could", "may", "might", "must", "'ll", "wo", "ca", "going",
                      "can"})


def warning(trigger: Token) -> bool:
    """"warned that voters are entitled to ...": a clause with no future or modal auxiliary names a state
    of things, no act the speaker threatens ("warned that the army will respond" stays a threat)."""
    if trigger.lemma_.lower() not in _WARN:
        return False
    clauses = [c for c in trigger.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        verbs = [clause, *[c for c in clause.children if c.dep_ == "conj"]]
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _TO_COME for v in verbs for c in v.children):
            return False
        if any(v.lower_ == "going" or v.tag_ == "MD" for v in verbs):
            return False
    return True


#: Verbs and adjectives of "appeal" as attractiveness.
_HOLD = frozenset({"have", "hold", "lose", "gain", "broaden", "widen", "lack", "limit", "retain", "keep"})
_APPEALING = frozenset({"broad", "wide", "popular", "mass", "wider", "broader", "electoral", "limited", "little"})


def attraction(trigger: Token) -> bool:
    """The noun "appeal" as attractiveness: the object of have, hold, lose, gain ..., or broad, wide,
    popular ("holds appeal to voters", "its broad appeal")."""
    if trigger.lemma_.lower() != "appeal" or trigger.pos_ != "NOUN":
        return False
    return (trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _HOLD) or any(
        c.dep_ == "amod" and c.lower_ in _APPEALING for c in trigger.children)


def satisfied(article: Article, seg: int, trigger: Token) -> bool:
    """"meet" whose direct object is a common noun phrase with no actor and no name in it ("to meet the
    thresholds", "met the deadline"; not "met the Ugandan president"): to satisfy a requirement."""
    if trigger.lemma_.lower() != "meet" or trigger.pos_ not in {"VERB", "AUX"}:
        return False
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not any(
        actor_at(article, seg, t.i) is not None or t.ent_type_ for t in c.subtree) for c in trigger.children)


def habitual(trigger: Token) -> bool:
    """A verb in the simple present with no auxiliary in a relative clause ("security forces who kill
    protesters", "a group that attacks convoys"): what someone does, no act reported."""
    return trigger.dep_ == "relcl" and trigger.tag_ in {"VBP", "VBZ"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in trigger.children)


#: Nouns of working together that, after "in ... with", tell how another act is done.
_JOINT_MANNER = frozenset({"cooperation", "co-operation", "coordination", "co-ordination", "partnership",
                           "collaboration", "conjunction", "consultation"})


def manner(trigger: Token) -> bool:
    """"in cooperation with local banks", "in coordination with the army": the phrase tells how another
    act is done (it modifies that act's verb); it reports no act of its own."""
    head = trigger.head
    return trigger.pos_ == "NOUN" and trigger.lemma_.lower() in _JOINT_MANNER and trigger.dep_ == "pobj" \
        and head.lower_ == "in" and head.head.pos_ in {"VERB", "AUX"} \
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)
