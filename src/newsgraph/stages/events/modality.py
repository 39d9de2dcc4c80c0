"""Modality of an event trigger: what the text asserts about it (see docs/events.md).

Walk up the dependency tree from the trigger; the closest governing verb or noun of a known
class decides (intend -> intended, call/demand -> demanded, announce -> announced,
accuse/claim/allege/say-by-another -> alleged, deny -> negated). Otherwise a negation at the
trigger gives negated, and would/could/might/if give hypothetical. Reporting verbs whose
speaker is an outlet or unknown ("..., Newsweek reports") are transparent. Hedges ("was believed
to", "reportedly") set ``hedged``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...resources import word_list
from .uses import plea


def _words(name: str) -> frozenset[str]:
    return word_list("events", name)


INTEND = _words("intend_words")
DEMAND = _words("demand_words")
ANNOUNCE = _words("announce_words")
ALLEGE = _words("allege_words")
SPEECH = _words("speech_verbs")
DENY = _words("deny_words")
HEDGE = _words("hedge_words")
HEDGE_ADV = _words("hedge_adverbs")
HYPO_AUX = _words("hypothetical_aux")
#: Future auxiliaries: the actor's stated plan ("Finland will give ...") reads as intended.
FUTURE_AUX = _words("future_only_aux")
CONDITION = _words("condition_marks")
#: Auxiliaries of a mere possibility ("could be deployed"): the act is supposed, also when someone said so.
POSSIBLE = frozenset({"could", "might", "may"})
#: Verbs whose object noun names an act wished for, not done ("seeking his extradition", "demanded
#: an apology", "requires deeper concessions"; tenth round).
DEMANDED_OBJECTS = frozenset({"demand", "request", "seek", "want", "urge", "require"})
#: Relations through which a governing verb or noun scopes over the trigger (complements, not adjuncts).
CLAUSAL = frozenset({"xcomp", "ccomp", "pcomp", "acl", "pobj", "prep", "dobj", "csubj", "oprd", "attr"})


@dataclass
class ModalityResult:
    modality: str = "asserted"
    by_token: Token | None = None  # the governing verb whose subject alleges / announces
    hedged: bool = False


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in {"advmod", "det"} and c.lower_ in {"never"}) for c in tok.children)


def has_aux(tok: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in words for c in tok.children)


#: Subordinators of a time still to come when their verb is in the present tense ("will fight until
#: they gain control", "before the army retakes the town"): the act is not reported as done.
PENDING = frozenset({"until", "till", "before", "once"})
PRESENT = frozenset({"VBP", "VBZ", "VB"})


#: Verbs whose object act is planned, not done ("planning an attack", "plotting attacks").
PLANNING = frozenset({"plan", "plot", "prepare", "intend", "consider", "contemplate", "mull", "threaten"})
#: Nouns of a planned act ("a plot to bomb ..."): foiled, it was not done. An attempt foiled was begun:
#: CAMEO codes it (185 "attempt to assassinate").
PLOTS = frozenset({"plot", "plots", "plan", "plans", "conspiracy", "scheme"})
#: Verbs that keep a planned act from happening ("thwarted a plot to ...", "an attempt ... was foiled").
FOILING = frozenset({"thwart", "foil", "prevent", "avert", "frustrate", "disrupt", "stop", "uncover", "bust",
                     "smash", "block", "defeat", "repel", "repulse"})


def foiled(tok: Token) -> bool:
    """The act is the infinitive of a plot or plan that a verb kept from happening ("police foiled a
    plot to bomb the embassy", "a plan to kill the mayor was thwarted"): it was not done."""
    head = tok.head
    if tok.dep_ == "advcl" and head.lemma_.lower() in FOILING:  # the parser hung the infinitive on the verb
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in PLOTS for c in head.children)
    return tok.dep_ == "acl" and head.lemma_.lower() in PLOTS and head.head.i != head.i \
        and head.head.lemma_.lower() in FOILING


def too_to(tok: Token) -> bool:
    """The infinitive of "too ... to" ("it is too soon to negotiate with them", "too soon to discuss
    sanctions"): the degree rules the act out; it is not done."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    # "too" on the head ("too soon to") or on its complement ("it was far too early to": too -> early)
    near = [*tok.head.children, *(g for k in tok.head.children if k.dep_ in {"acomp", "advmod"} for g in k.children)]
    return any(c.dep_ == "advmod" and c.lower_ == "too" for c in near)


def for_infinitive(tok: Token) -> bool:
    """A "for X to V" clause ("called for the minister to resign", "waited for the troops to leave"),
    which the parser reads as an adjunct marked by "for": an act wished or awaited, not reported as done."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _wished_by(node: Token) -> str:
    """The modality a "for X to V" clause of ``node`` gives its act: demanded when ``node`` or its object
    is a word of demand ("called for", "renewed their calls for"), else hypothetical."""
    words = [node, *[c for c in node.children if c.dep_ in {"dobj", "attr", "nsubj"}]]
    return "demanded" if any(w.lemma_.lower() in DEMAND for w in words) else "hypothetical"


def _conditional(tok: Token) -> bool:
    return any(c.dep_ == "mark" and (c.lower_ in CONDITION or (c.lower_ in PENDING and tok.tag_ in PRESENT))
               for c in tok.children)


#: subject relations
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _other_subject(trigger: Token, wisher: Token) -> bool:
    """The act has a named subject of its own ("X" of "wants X to withdraw", "hopes X will agree") that
    is not the wisher's: a pronoun or the wisher's own words count as the same."""
    own = [c for c in trigger.children if c.dep_ in _SUBJECTS]  # "hopes X will agree"
    if trigger.head.i == wisher.i and trigger.dep_ in {"xcomp", "ccomp"}:  # "wants X to withdraw"
        own += [c for c in wisher.children if c.dep_ == "dobj"]
    theirs = {c.lower_ for c in wisher.children if c.dep_ in _SUBJECTS}
    return any(c.pos_ in {"PROPN", "NOUN"} and c.lower_ not in theirs for c in own)


def under_condition(verb: Token) -> bool:
    """``verb``, or a verb it is coordinated with, is the verb of a condition ("if they stand up and declare
    ...")."""
    node = verb
    for _ in range(4):
        if _conditional(node):
            return True
        if node.dep_ != "conj" or node.head.i == node.i:
            return False
        node = node.head
    return False


def modality_of(trigger: Token, transparent: frozenset[int] = frozenset()) -> ModalityResult:
    """Modality of the event whose trigger is ``trigger``.

    ``transparent`` holds token indices of reporting verbs whose speaker is an outlet (or
    unknown): they neither allege nor announce.
    """
    res = ModalityResult()
    if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADV for c in trigger.children):
        res.hedged = True
    local_neg = _negated(trigger) or foiled(trigger) or too_to(trigger)
    # "did not attack" on the trigger; "X and did not Y": negation on the verb itself
    # "whether X will agree", "if X attacks": a condition or an open question on the act itself
    # outweighs whatever governs it ("asked whether ...", "said that if ...")
    local_cond = _conditional(trigger)
    local_hypo = has_aux(trigger, HYPO_AUX) or local_cond
    local_future = has_aux(trigger, FUTURE_AUX)
    child = trigger
    node = trigger.head
    steps = 0
    governing: str | None = None
    path_cond = False
    while node.i != child.i and steps < 12:
        steps += 1
        rel = child.dep_
        if rel == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) \
                and node.lemma_.lower() in INTEND | DEMAND:
            rel = "xcomp"  # "have sworn to fight": an infinitive complement parsed as an adjunct
        lemma = node.lemma_.lower()
        if for_infinitive(child) and governing is None:
            governing, res.by_token = _wished_by(node), node
            break
        if rel == "conj":  # coordinated clauses share their governor
            child, node = node, node.head
            continue
        if node.lower_ == "without" and rel == "pcomp" and governing is None:
            governing = "negated"
            break
        if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADV for c in node.children):
            res.hedged = True
        if lemma in HEDGE and rel in CLAUSAL:
            res.hedged = True
        elif node.i in transparent:
            pass
        elif rel in CLAUSAL and governing is None:
            if lemma in ALLEGE:
                governing, res.by_token = "alleged", node
            elif lemma in DENY and node.pos_ in {"VERB"}:
                governing, res.by_token = "negated", node
            elif lemma in ANNOUNCE:
                governing, res.by_token = "announced", node
            elif lemma in DEMAND and rel in {"xcomp", "acl", "ccomp", "pcomp", "prep", "pobj"} \
                    and not (rel == "ccomp" and lemma in SPEECH) and not plea(node):
                # not "X agreed, an official told reporters", nor "pleaded guilty to threatening X"
                governing, res.by_token = "demanded", node
            elif lemma in INTEND and rel in {"xcomp", "acl", "ccomp"}:
                # "wants X to withdraw", "would like to see X agree": another's act, wished for
                governing, res.by_token = ("demanded" if _other_subject(trigger, node) else "intended"), node
            elif lemma in SPEECH and node.pos_ == "VERB" and rel == "ccomp":
                governing, res.by_token = "alleged", node
            if governing is not None and _negated(node):
                governing = "negated"
        if _conditional(node) or (rel == "advcl" and any(c.lower_ in CONDITION for c in child.children)):
            local_hypo = True
            path_cond = path_cond or governing is None  # a condition below the reporting verb
        if governing is not None:
            break
        child, node = node, node.head
    if governing in {"alleged", "announced"} and (path_cond or has_aux(trigger, POSSIBLE) or (
            res.by_token is not None and under_condition(res.by_token))):
        # "said the army could be deployed": a possibility, reported; "if they say that they reject it",
        # "said that if they stand up and declare they oppose it, ...": the report itself is supposed (tenth round)
        governing = "hypothetical"
    if local_neg:
        res.modality = "negated"
    elif local_cond:
        res.modality = "hypothetical"
    elif governing is not None:
        res.modality = governing
    elif local_hypo:
        res.modality = "hypothetical"
    elif local_future:
        res.modality = "intended"
    return res
