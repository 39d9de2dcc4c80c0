"""From a hit to an :class:`~newsgraph.model.Event`: modality and recoding (:mod:`.recoding`), the
place and date of the trigger's clause, and the role conventions applied last (own targets, located
groups, the place-as-target and domestic rules, reciprocal events; docs/events.md, Arguments)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ...model import Article, Event, Segment
from ...resources import word_list
from ...vocab import QUAD_CLASS
from ..common import date_value
from .args import SUBJ, Resolver, country_of, is_country, uncoded
from .cameo import cameo_info, plover_of
from .confidence import ABSTRACT, rule_kind, score
from .hit import Hit
from .lexicon import Lexicon
from .place_target import DOMESTIC, country_actor, country_at, domestic_target, place_rule_applies
from .recoding import Coding, recode, stance
from .roles import (
    drop_own,
    implied_author,
    locate_groups,
    locate_perpetrators,
    merge_parties,
    named_doer,
    reciprocal,
)
from .situation import Situation, situate
from .sources import agentless, is_event_noun
from .syntax import ANIMALS, CIRCUMSTANCE, INSTRUMENTS, headline_participle, lemma_in

#: Types whose acts are events even when no actor is named (source and target unknown).
ACTORLESS = frozenset({"ASSAULT", "PROTEST", "COERCE"})
#: Protesters: a subject the parser reads as a name after a dateline ("BEIRUT - Protesters hurled rocks") is
#: still the common noun.
PROTESTERS = word_list("events", "protester_nouns")
#: Words of a toll: an act whose victims they count happened ("killed in the attack", "the toll from the blast").
CASUALTIES = frozenset({"kill", "killed", "die", "injure", "injured", "wound", "wounded", "hurt", "lose", "toll",
                        "casualty", "casualties", "death", "deaths", "victim", "victims", "survivor", "survivors"})
#: Types never aimed at the source's own state (a bare own-country target is dropped).
NOT_SELF = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "RETREAT", "AID"})


def build_event(lex: Lexicon, article: Article, seg: Segment, res: Resolver, hit: Hit,
                transparent: frozenset[int]) -> Event | None:
    """The event of ``hit`` (None: an unmapped code, or no actor on either side)."""
    info = cameo_info(hit.cameo)
    plover = plover_of(hit.cameo)
    if info is None or plover is None:
        article.stats["events_unmapped_code"] = article.stats.get("events_unmapped_code", 0) + 1
        return None
    trig = hit.tokens[-1]
    if not hit.source and not hit.petrarch and (doer := named_doer(article, seg, res, trig, plover)):
        hit = replace(hit, source=doer)  # "Dahalo attacked a village": a group the dictionaries lack
    told = plover in ACTORLESS and told_group(lex, trig, plover)
    if not hit.source and not hit.target and not (
            plover in ACTORLESS and (hit.noun or hit.passive or told or agentless(lex, trig))):
        return None  # an attack or a protest is an event with no actor named ("grenades were hurled"), see below
    if not hit.source and not (hit.passive or hit.noun or told or agentless(lex, trig)):
        article.stats["events_dropped_no_source"] = article.stats.get("events_dropped_no_source", 0) + 1
        return None
    st = stance(lex, article, res, hit, transparent)
    coding = recode(hit, plover, hit.mode or info.mode, st)
    info = cameo_info(coding.cameo) or info
    s, e = seg.char_span(min(t.i for t in hit.tokens), max(t.i for t in hit.tokens) + 1)
    sit = situate(article, seg, hit, st.mod.by_token)
    if not hit.source and not hit.target and not (told or reported_incident(trig, hit, coding.modality, sit)):
        return None
    source, target = event_roles(article, seg, res, hit, coding, sit.place_tok)
    source = locate_perpetrators(article, seg, coding.plover, source, sit.place)
    implicit = not source and not hit.petrarch
    if implicit:  # "X was arrested": the police of the article's country
        source = implied_author(article, seg, trig, coding.plover, hit.passive, sit.place)
    confidence, features = score(article, seg, trig, rule_kind(hit), coding.plover, coding.modality,
                                 st.mod.hedged, source, target, mode=coding.mode,
                                 implied=implicit and bool(source))
    features.update(sit.levels)
    return Event(
        id="", plover=coding.plover, mode=coding.mode, cameo=coding.cameo,  # type: ignore[arg-type]
        source=source, target=target, modality=coding.modality,  # type: ignore[arg-type]
        alleged_by=st.alleged_by, place=sit.place, date=date_value(article, sit.date),
        place_evidence=sit.place_evidence, date_evidence=sit.date_evidence,
        evidence=article.span(seg.start, seg.end), rule=hit.rule, trigger=article.span(s, e),
        goldstein=info.goldstein, quad_class=QUAD_CLASS.get(coding.plover), hedged=st.mod.hedged,
        sentence=seg.index, confidence=confidence, features=features,
    )


def event_roles(article: Article, seg: Segment, res: Resolver, hit: Hit, coding: Coding,
                place_tok: Token | None) -> tuple[list[str], list[str]]:
    """Source and target after the role conventions: own targets dropped, generic groups located,
    the place-as-target and domestic rules, no own-state target of a cooperative act, reciprocity."""
    plover, cameo = coding.plover, coding.cameo
    named = target = hit.target if hit.petrarch else \
        locate_groups(article, seg, res, drop_own(article, hit.source, hit.target), hit.source)
    source = hit.source if hit.petrarch else locate_groups(article, seg, res, hit.source, named)
    base = plover_of(hit.cameo) or plover  # the act's own type before an intent/threat recoding
    place_rule = place_rule_applies(plover, cameo) or place_rule_applies(base, hit.cameo)
    if target and place_rule and all(uncoded(article, t) for t in target):
        target = []  # "killed 23 people in Tel Aviv": an uncoded group gives way to the place's state
    if not target and source and place_tok is not None and place_rule:
        # the place-as-target rule over the clause's locative phrase ("protesters rallied in Cairo")
        cc = country_at(res, place_tok)
        if cc is not None and cc not in source:
            target = [country_actor(article, cc, place_tok, seg.index)]
    domestic = plover in DOMESTIC or base in DOMESTIC  # also "threatened to impose a curfew"
    if target and domestic and all(uncoded(article, t) for t in target):
        target = []  # "police prevented a demonstration by students": coded against the state
    if not target and domestic:
        target = domestic_target(article, seg, source)
    target = target or named
    if target and plover in NOT_SELF:
        # "promised to democratize Serbia", "surrendered in Soroti": a cooperative act aimed at
        # the source's own state is no target (domestic targets are for PROTEST, COERCE ...)
        own = {country_of(article, r) for r in source}
        target = [t for t in target if t in source or not (is_country(t) and t in own)]
    if source and target and reciprocal(plover, cameo, hit.tokens[-1], hit.petrarch):
        # "X met Y": both are actors (PLOVER); a state the place or domestic rule gave is no party
        # ("clashes between X and Y in Z"), the named party stays one ("police clashed with protesters")
        parties = [t for t in target if t in named] or named
        source, target = merge_parties(source, parties), []
    return source, target


#: Subjects that are no doers of an act of force: events, prices, weather, illness ("prices hit a record").
NO_DOERS = frozenset({"price", "prices", "market", "markets", "storm", "storms", "flood", "floods", "fire", "fires",
                      "disease", "virus", "pandemic", "crisis", "report", "reports", "study", "law", "measure",
                      "measures", "rule", "rules", "move", "ruling"}) | ANIMALS


def told_group(lex: Lexicon, trig: Token, plover: str) -> bool:
    """The verb's subject (or the subject of the verb it is coordinated with) is a common noun naming
    people that the actors stage left unresolved ("the police arrested two men", "the students
    protested", "troopers from the northern command captured two camps"): an act of force, coercion
    or protest whose doer the text names; it is an event with an unknown source. A subject that is an
    act, a means or an abstraction ("the sanctions hit X", "the decision hit Y") is no doer, nor is the
    subject of a verb of force or coercion with no object ("six warehouses burned")."""
    if trig.pos_ not in {"VERB", "AUX"}:
        return False
    if plover != "PROTEST" and not any(c.dep_ in {"dobj", "obj"} for c in trig.children):
        return False  # "a factory burned": the subject of an intransitive verb of damage undergoes it
    verb = trig.head if trig.dep_ == "conj" and not any(c.dep_ in SUBJ for c in trig.children) else trig
    return any(c.dep_ == "nsubj" and ((c.pos_ == "NOUN" and c.tag_ in {"NNS", "NN"}) or lemma_in(c, PROTESTERS)) and not
               (is_event_noun(lex, c) or lemma_in(c, INSTRUMENTS) or lemma_in(c, ABSTRACT) or lemma_in(c, NO_DOERS))
               for c in verb.children)


def told_victims(verb: Token) -> bool:
    """A clause of its own that tells the victims of an act ("two soldiers were killed in the ambush"): that
    killing is the event, the act it names no second one."""
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in {"kill", "injure", "wound", "hurt"} \
        and any(c.dep_ in SUBJ | {"nsubjpass"} for c in verb.children)


def reported_incident(trig: Token, hit: Hit, modality: str, sit: Situation) -> bool:
    """An act with no actor at all is an event when it is a reported incident: asserted or reported by
    a speaker, and located
    in its own clause ("a bombing in X on Monday") or the passive verb, subject or object of its
    sentence ("grenades were hurled", "an explosion killed", "police defused the bomb"), or the main verb
    of its sentence whose subject is a means ("shells hit a neighbourhood") -- not a noun
    in passing ("through the conflict", "to plot attacks")."""
    if modality != "asserted" and not (modality == "alleged" and hit.passive):
        return False  # "police said weapons were seized": a passive act a speaker reports is one
    if "clause" in sit.levels.values() or hit.passive:
        return True
    if not hit.noun and trig.dep_ == "ROOT" and any(c.dep_ in SUBJ for c in trig.children):
        return True  # "Artillery shells hit a neighbourhood of X": the sentence's own verb, its subject the means
    if not hit.noun and headline_participle(trig):
        return True  # "A bomb detonated near a market": a headline's verb read as a participle
    if hit.noun and trig.dep_ == "pobj" and trig.head.lower_ in CIRCUMSTANCE:
        return True  # "Police detain a man during a protest": what happens during an act tells it happened
    if hit.noun and trig.dep_ == "pobj" and trig.head.lower_ in {"in", "from", "by"} \
            and lemma_in(trig.head.head, CASUALTIES) and not told_victims(trig.head.head):
        return True  # "two policemen were among those killed in the attack", "the death toll from the bombing"
    return hit.noun and trig.dep_ in {"nsubj", "nsubjpass", "dobj"} and trig.head.dep_ not in {"xcomp", "advcl"}
