"""Modality and the recodings it implies (docs/events.md, Modality): who alleges or announces an act,
and when a stated intention, threat or refusal changes the event's code (CAMEO 03 intent = PLOVER
AGREE, CAMEO 13 threat = THREATEN, CAMEO 12 refusal = REJECT)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ...model import Article
from ...resources import word_list
from .args import Resolver, country_of
from .hit import Hit
from .lexicon import Lexicon
from .modality import (
    ANNOUNCE,
    DEMANDED_OBJECTS,
    INTEND,
    PLANNING,
    SPEECH,
    ModalityResult,
    has_aux,
    modality_of,
)
from .sources import verb_sources
from .syntax import noun_clause_anchor, reported

#: Intended cooperative actions are coded as the CAMEO 03 "express intent to ..." code (PLOVER AGREE).
INTENT_CODES: Mapping[str, str] = MappingProxyType({
    "CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONCEDE": "035", "RETREAT": "035",
})
THREAT_CODES: Mapping[str, str] = MappingProxyType({"PROTEST": "133", "SANCTION": "131", "COERCE": "132", "ASSAULT": "138"})
REFUSE_CODES: Mapping[str, str] = MappingProxyType({
    "CONSULT": "125", "COOPERATE": "121", "AID": "122", "SUPPORT": "120", "CONCEDE": "124", "RETREAT": "124",
    "AGREE": "120",
})
REFUSE = word_list("events", "refuse_verbs")
FUTURE = word_list("events", "future_aux")


@dataclass
class Stance:
    """What the text asserts about a hit: modality, who alleges it, and the cues of a recoding."""

    mod: ModalityResult
    modality: str
    alleged_by: str | None
    refusal: bool
    future: bool


@dataclass
class Coding:
    """The event's code after recoding."""

    cameo: str
    plover: str
    mode: str | None
    modality: str


def stance(lex: Lexicon, article: Article, res: Resolver, hit: Hit, transparent: frozenset[int]) -> Stance:
    """The hit's modality; an actor (or its official) stating its own act announces (or intends) it,
    anyone else's statement alleges it."""
    trig = hit.tokens[-1]
    mod = modality_of(trig if not hit.noun else noun_clause_anchor(trig), transparent)
    modality = mod.modality
    if hit.noun and trig.dep_ == "dobj" and trig.head.lemma_.lower() in PLANNING and modality == "asserted":
        # "suspected of planning an attack", "is considering sanctions": the act may come, it is not reported
        modality = "hypothetical"
    if hit.noun and trig.dep_ == "dobj" and trig.head.lemma_.lower() in DEMANDED_OBJECTS \
            and modality in {"asserted", "alleged", "announced"}:
        # "is seeking his extradition", "requires deeper concessions": the act is wished for (tenth round)
        modality = "demanded"
    alleged_by: str | None = None
    future = has_aux(trig, FUTURE) or trig.head.lemma_.lower() in INTEND
    refusal = False
    if mod.by_token is not None and modality in {"alleged", "announced", "negated"}:
        speakers = verb_sources(lex, mod.by_token, res)
        by_lemma = mod.by_token.lemma_.lower()
        if modality in {"alleged", "announced"} and by_lemma in SPEECH | ANNOUNCE \
                and same_side(article, speakers, hit.source):
            # an actor (or its official) stating its own action: announced, or intended if future
            modality = "intended" if future else "announced"
        elif modality == "alleged":
            alleged_by = speakers[0] if speakers else None
        refusal = by_lemma in REFUSE
    return Stance(mod, modality, alleged_by, refusal, future)


#: Words of getting ready: an attack they govern is being readied, a force posture.
PREPARING = frozenset({"prepare", "ready", "poise", "gear"})


def recode(hit: Hit, plover: str, mode: str | None, st: Stance) -> Coding:
    """Threats, intentions and refusals recoded (CAMEO 13, 03, 12); other events keep their code."""
    trig = hit.tokens[-1]
    modality, mod = st.modality, st.mod
    cameo = hit.cameo
    planned = modality == "intended" or (
        modality in {"alleged", "announced"} and has_aux(trig, FUTURE - {"would", "'d"}))
    marks = {m.lower_ for c in trig.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
    # "will withdraw unless X ..." is a threat; "would meet him if he ..." a conditional offer
    conditional = "unless" in marks or ("if" in marks and plover not in {*INTENT_CODES, "AGREE"})
    if (modality == "hypothetical" or has_aux(trig, frozenset({"may", "might", "could", "would"}))) \
            and marks & {"if", "unless"} and plover in THREAT_CODES and not hit.noun and reported(trig):
        planned = True  # "X may halt mediation if cooperation founders, an official said": a threat
    threat = modality == "intended" and mod.by_token is not None \
        and mod.by_token.lemma_.lower() in {"threaten", "warn"}
    if threat and not hit.noun and plover not in {"THREATEN", "MOBILIZE"}:
        # "threatened to withdraw / to cut aid": a threat (CAMEO 13), whatever is threatened
        return Coding(THREAT_CODES.get(plover, "130"), "THREATEN", None, modality)
    if planned and conditional and not hit.noun and plover not in {"THREATEN", "MOBILIZE"}:
        # "will withdraw its force unless X ...": a conditional plan is a threat (CAMEO 13)
        return Coding(THREAT_CODES.get(plover, "130"), "THREATEN", None, modality)
    if planned and plover in INTENT_CODES and (not hit.noun or noun_clause_anchor(trig) is not trig):
        # CAMEO 03: "express intent to" cooperate, aid, yield, meet = PLOVER AGREE
        return Coding(INTENT_CODES[plover], "AGREE", None, modality)
    if planned and plover == "ASSAULT" and not hit.noun and mod.by_token is not None \
            and mod.by_token.lemma_.lower() in PREPARING:
        # "the army prepared to resume shelling": readying force is a force posture (CAMEO 15), not a
        # stated threat
        return Coding("150", "MOBILIZE", None, modality)
    if planned and plover in THREAT_CODES and not hit.noun:
        # CAMEO 13: a stated intention to act against a target = THREATEN
        return Coding(THREAT_CODES[plover], "THREATEN", None, modality)
    if modality == "negated" and plover in REFUSE_CODES and (st.refusal or st.future):
        # CAMEO 12: refusing to cooperate, meet, yield ("will not accept", "refused to meet") = REJECT
        return Coding(REFUSE_CODES[plover], "REJECT", None, "asserted")
    return Coding(cameo, plover, mode, modality)


def same_side(article: Article, speakers: list[str], sources: list[str]) -> bool:
    """Speaker and actor are the same actor or of the same country (an official for its state), the
    speaker being a state's body or official: residents or a rights group who report what their country's
    soldiers did allege it ("residents reported that soldiers had burned houses")."""
    from .confidence import sectors_of

    if not speakers or not sources:
        return False
    if set(speakers) & set(sources):
        return True
    if any(s in BYSTANDERS for s in sectors_of(article, speakers)):
        return False
    sc = {country_of(article, r) for r in speakers} - {None}
    return bool(sc & {country_of(article, r) for r in sources})


#: Sectors of speakers who report others' acts, never their state's own: civilians, media, NGOs, refugees,
#: the opposition, churches, hospitals, unions.
BYSTANDERS = frozenset({"CVL", "MED", "NGO", "REF", "EDU", "BUS", "OPP", "REL", "HLH", "LAB"})

