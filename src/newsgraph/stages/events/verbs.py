"""Verb triggers: which pattern of the lexicon a verb matches, and its source and target actors
(docs/events.md, Triggers and Arguments). Each step is a function of the :class:`VerbFrame`, the
verb with the dependents the steps read."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ...model import Actor
from ...resources import word_list
from .args import (
    MODIFIERS,
    OBJ,
    PARTITIVE,
    PASS_SUBJ,
    SUBJ,
    Resolver,
    country_of,
    dangling_object,
    is_country,
    prep_targets,
    unique,
)
from .cameo import plover_of
from .confidence import ARMED, political, sectors_of
from .hit import Hit
from .lexicon import Lexicon
from .modality import for_infinitive
from .patterns import VerbPattern
from .petrarch.clauses import compound_ok, form_ok
from .petrarch.roles import marked_roles, petrarch_roles
from .phrase import context_ok, verb_phrase_targets
from .place_target import place_targets
from .sources import CONTAINERS, co_actors, is_event_noun, noun_sources, repressed, verb_sources
from .syntax import (
    INSTRUMENTS,
    descriptive,
    headline_noun,
    headline_participle,
    hyphenated,
    is_passive,
    lemma_in,
    misparsed_reporter,
    participle_complement,
    projectile,
    reduced_passive,
    to_death,
    weapon_participle,
)
from .targets import (
    DEFAULT_PREPS,
    EMBEDDING,
    complement_targets,
    condition_subjects,
    embedded_targets,
    own_complement,
    protest_object,
)
from .uses import plea, reception

MILITARY_NOUNS = word_list("events", "military_nouns")
VIOLENCE_CUES = word_list("events", "violence_cues")
#: agreements and bodies: withdrawing from one is a sanction, not a military retreat
PACT_NOUNS = word_list("events", "pact_nouns")
#: people protesting: property they destroy is destroyed in a violent protest
PROTESTER_NOUNS = word_list("events", "protester_nouns")
#: Speech acts whose refusal is no political refusal ("declined to comment").
DECLINED_SPEECH = word_list("events", "comment_decline_objects")
#: Prepositions naming what is complained about ("complained to X over Y": Y is accused).
ACCUSED_PREPS = frozenset({"over", "about", "against"})
#: Types of acts done to someone: a second verb of such an act coordinated with a passive shares
#: the passive subject as the one acted upon ("X was detained and sentenced to ten months").
ACTED_UPON = frozenset({"COERCE", "ASSAULT", "SANCTION"})


@dataclass
class VerbFrame:
    """A trigger verb with the dependents the argument steps read."""

    tok: Token
    children: list[Token]
    passive: bool
    #: particles and prepositions on the verb ("call off", "protested to")
    particles: set[str]
    #: direct objects (and, in the passive, the passive subject: the one acted upon)
    objs: list[Token]
    #: "give Tanzania a grant"
    datives: list[Token]


def verb_hit(lex: Lexicon, tok: Token, res: Resolver, consumed: set[int]) -> Hit | None:
    """The hit of verb ``tok`` (None: no pattern matches); adds the token of a pattern's object word
    ("imposed sanctions") to ``consumed`` so that it is no noun trigger of its own."""
    if tok.dep_ in {"amod", "aux", "auxpass", "compound"} or descriptive(tok):
        return None
    pats = candidate_patterns(lex, tok)
    if not pats:
        return None
    frame = verb_frame(tok)
    pats = [p for p in pats if subject_fits(p, frame)]
    best = best_pattern(pats, frame, res)
    if best is None:
        return None
    pat, theme = best
    plover = plover_of(pat.cameo) or ""
    if plover in ACTED_UPON and shared_passive(tok):
        frame = shared_passive_frame(frame)
    if pat.cameo == "181" and pat.lemma in CARRYING_OFF and not pat.objects and not people_taken(frame, res):
        return None  # "picked up the documents", "took away the ballot boxes": things carried off
    if pat.cameo == "181" and pat.lemma == "hold" and not pat.objects and not held_in_custody(frame, res, lex):
        return None  # "holds the minister in high regard", "the rebels hold the town": no detention
    if declined_speech(tok, pat) or going_off_without_device(pat, frame) \
            or court_plea(frame) or met_thing(frame) or cleared_building(frame) or self_barricade(pat, frame):
        return None
    hit = Hit([tok], pat.cameo, pat.mode, pat.rule, passive=frame.passive, reverse=pat.reverse,
              petrarch=pat.vp_target)
    if theme is not None and not (plover in {"ASSAULT", "COERCE"} and repressed(lex, theme) and particular(theme)):
        # "police broke up a demonstration by teachers": the protest stays an event of its own, the
        # protesters' (PLOVER codes a protest and the intervention in it as two events); "to crush
        # protests" names no particular protest
        consumed.add(theme.i)
        consumed.update(c.i for c in theme.conjuncts)
    hit.source = verb_sources(lex, doer_verb(frame), res)
    hit.source += [r for r in co_actors(tok, res, consumed) if r not in hit.source]
    if plover == "MOBILIZE" and frame.passive and not hit.source:
        hit.source = passive_owner(frame, theme, res)
    targets: list[str] = []
    if pat.vp_target:  # PETRARCH's roles: see .petrarch.roles.petrarch_roles
        hit.source, targets = petrarch_roles(tok, pat, res, hit.source, frame.objs, frame.passive)
    elif not pat.notarget:
        targets = verb_targets(lex, frame, res, pat, theme, hit.source)
    if pat.post_source >= 0 or pat.post_target >= 0 or pat.pre_target:
        targets = marked_roles(tok, pat, res, hit, targets)
    hit.target = unique(t for t in targets if t not in hit.source)
    if not hit.target and hit.source and not pat.notarget and not pat.vp_target:
        hit.target = [t for t in place_targets(res, [tok, *frame.objs], plover, pat.cameo) if t not in hit.source]
    if pat.lemma == "ram" and not hit.target:
        return None  # "rammed his car into a wall": a vehicle driven into no one is no attack
    if pat.lemma in {"use", "employ"} and ((not hit.source and not hit.target) or manner_participle(tok)):
        # "the company used explosives to build a tunnel": a weapon used on no one by no one named;
        # "aircraft using guided missiles killed four": the means of the act its clause tells
        return None
    hit.cameo = recode_verb(hit, frame, res)
    if plover == "MOBILIZE":
        # "The U.S. deployed troops": a state moving troops is its military
        moved = [theme] if theme is not None else frame.objs
        if any(lemma_in(o, MILITARY_NOUNS) for o in moved):
            hit.source = [f"{s}.MIL" if is_country(s) else s for s in hit.source]
    return hit


def protesters_of(res: Resolver, noun: Token, sources: list[str]) -> list[str]:
    """The protesters of a repressed protest that names none ("police crushed the protests"): the
    civilians (CVL, kind ``group``) of the repressor's one country, their mention the protest noun."""
    countries = {country_of(res.article, r) for r in sources}
    if len(countries) != 1 or None in countries:
        return []
    ref = f"{countries.pop()}.CVL"
    if res.article.actor(ref) is None:
        seg = next(x for x in res.article.segments if x.index == res.seg)
        s, e = seg.char_span(noun.i, noun.i + 1)
        res.article.actors.append(Actor(id=ref, name="protesters", country=ref[:3], sector="CVL", kind="group",
                                        label="NOUN", mentions=[res.article.mention(s, e, via="protest")]))
    return [ref]


def shared_passive(tok: Token) -> bool:
    """``tok`` is a verb coordinated with a passive, with no subject, auxiliary or object of its own,
    that the tagger read as a past tense ("X was detained in April and sentenced to ten months")."""
    return tok.dep_ == "conj" and tok.tag_ in {"VBD", "VBN"} and not is_passive(tok) \
        and not any(c.dep_ in SUBJ | OBJ | {"aux", "auxpass"} for c in tok.children) \
        and is_passive(tok.head) and any(c.dep_ in PASS_SUBJ for c in tok.head.children)


def shared_passive_frame(frame: VerbFrame) -> VerbFrame:
    """The frame of a :func:`shared_passive` verb: passive, its object the first verb's passive subject."""
    head = frame.tok.head
    return replace(frame, passive=True, objs=[c for c in head.children if c.dep_ in PASS_SUBJ])


def manner_participle(tok: Token) -> bool:
    """A present participle that tells how another act was done ("aircraft using missiles killed four",
    "attacked the post using grenades")."""
    return tok.tag_ == "VBG" and tok.dep_ in {"acl", "advcl", "xcomp", "pcomp"}


def passive_owner(frame: VerbFrame, theme: Token | None, res: Resolver) -> list[str]:
    """A force posture told in the passive with no agent: whose troops were deployed or whose post was
    set up is who deployed or set it up ("Russian troops were deployed to the border", "a Turkish
    observation point was established"): the actor of the moved or built thing's phrase."""
    moved = [theme] if theme is not None else [o for o in frame.objs if o.dep_ in PASS_SUBJ]
    return unique(r for o in moved for r in res.np(o))


#: Weapons and tactics of crowd control (PLOVER ASSAULT crowd-control): tear gas, water cannon, rubber
#: bullets, batons, pepper spray, stun grenades, lathi charges, firing.
CROWD_WEAPONS = word_list("events", "crowd_weapons")


def crowd_weapon(tok: Token) -> bool:
    """The sentence of ``tok`` names a weapon or tactic of crowd control."""
    return any(t.lower_ in CROWD_WEAPONS or t.lemma_.lower() in CROWD_WEAPONS for t in tok.doc)


#: Aircraft: what they destroy or target they strike from the air.
AIRCRAFT = frozenset({"warplane", "jet", "aircraft", "helicopter", "drone", "bomber", "gunship", "airforce"})
#: Non-military means a state targets another with ("targeted X with sanctions", "measures targeting X").
SANCTION_MEANS = frozenset({"sanction", "sanctions", "tariff", "tariffs", "measure", "measures", "action",
                            "actions", "restriction", "restrictions", "embargo", "penalty", "penalties",
                            "expulsion", "expulsions", "duty", "duties"})


def aerial(subj: Token) -> bool:
    """The subject is an aircraft or an air force ("Syrian warplanes", "the Air Force")."""
    words = [t.lemma_.lower() for t in subj.subtree]
    if subj.lemma_.lower() == "bomber" and any(w in {"suicide", "car", "truck", "motorcycle"} for w in words):
        return False  # "a suicide car bomber struck a compound": a person with a bomb, no aircraft
    return any(w in AIRCRAFT for w in words) or any(a == "air" and b == "force" for a, b in zip(words, words[1:]))


def recode_verb(hit: Hit, frame: VerbFrame, res: Resolver) -> str:
    """The hit's CAMEO code after three rules on its verb's dependents (docs/events.md):

    - a protest (CAMEO 114, complain officially) by no state or political body is a demonstration
      (141): "students gathered to protest the new law";
    - destruction or targeting by aircraft is an aerial attack (195): "warplanes destroyed a depot";
    - targeting with sanctions or other non-military measures is a sanction (163): "targeted X with
      sanctions", "measures targeting X";
    - withdrawing or pulling out from an agreement or a body reduces relations (160), it is no
      military retreat: "withdrew from the treaty", "pulled out of the talks";
    - property destroyed by protesters is a violent protest (145): "protesters burned tyres";
    - force or coercion "to death" is a killing (1823): "hacked a man to death";
    - a place taken with no fight is occupied (192, COERCE), not attacked: :func:`unopposed`;
    - people seized are abducted (181), or arrested (173) by the state's forces;
    - looting or damage by rioters or protesters is a violent protest (145, PLOVER PROTEST riot), and
      so is an attack by protesters ("demonstrators threw stones at police"), not by a mob, and an
      attack or damage by unarmed people coordinated with their protest ("blocked the road and pelted
      police", "burned tyres and barricaded roads"), and protesters storming a building;
    - peacekeepers arriving or sent are military assistance (074, AID), no visit or posture;
    - a road or access blocked by a state's bodies is a restriction of movement (191), no protest."""
    tok, code = frame.tok, hit.cameo
    if code == "114" and tok.lemma_.lower() == "protest" and not political(res.article, hit.source):
        return "141"
    if code in {"1712", "180", "171"} and not frame.passive:
        subj = [c for c in frame.children if c.dep_ in SUBJ]
        if subj and aerial(subj[0]):
            return "195"
    if code == "180" and tok.lemma_.lower() in {"target", "hit", "strike"}:
        means = [g for c in frame.children if c.dep_ == "prep" and c.lower_ == "with"
                 for g in c.children if g.dep_ == "pobj"]
        if tok.dep_ == "acl":
            means.append(tok.head)
        if any(m.lower_ in SANCTION_MEANS and not any(a.lower_ == "military" for a in m.children) for m in means):
            return "163"
    if code == "1712" and not frame.passive and (any(
        c.dep_ in SUBJ and lemma_in(c, PROTESTER_NOUNS) for c in frame.children
    ) or (protest_conjunct(frame) and unarmed(res, hit.source))):
        return "145"  # "protesters burned tyres", "rioters torched cars": a violent protest, not coercion
    if code == "144" and state_doers(res, hit.source):
        # "authorities blocked access to news websites", "police blocked the road to parliament": a state's
        # bodies that block restrict movement (CAMEO 191, PLOVER COERCE), they do not protest
        return "191"
    if code == "192" and not frame.passive and any(lemma_in(s, PROTESTER_NOUNS) for s in doers(frame)):
        # "protesters occupied a shopping mall", "demonstrators who had occupied the square": a sit-in, a
        # protest (CAMEO 141), no military occupation of territory
        return "141"
    if code == "190" and tok.lemma_.lower() in STORMING and not frame.passive and any(
        lemma_in(s, PROTESTER_NOUNS) and s.lemma_.lower() not in MOBS for s in doers(frame)
    ):
        return "145"  # "demonstrators stormed the parliament": a violent demonstration (ACLED), a riot
    if code == "180" and not frame.passive and (any(
        lemma_in(s, PROTESTER_NOUNS) and s.lemma_.lower() not in MOBS for s in doers(frame)
    ) or (protest_conjunct(frame) and unarmed(res, hit.source))):
        # "demonstrators threw stones at police": protesters who hurt or attack riot (PLOVER PROTEST riot:
        # "participants intend to cause physical injury and/or property damage"); a mob's attack stays one
        return "145"
    if plover_of(code) in {"CONSULT", "MOBILIZE"} and any(peacekeepers(t) for t in moved_or_moving(frame)):
        # "Nepalese peacekeepers arrived in Haiti", "the UN deployed peacekeepers to Mali": peacekeepers
        # sent to a country are military assistance to it (CAMEO 074, PLOVER AID "military and police
        # assistance including ... personnel"), neither a visit nor a force posture
        return "074"
    if code == "150" and joint_exercise(frame, res, hit.source):
        # "Russia and China held joint naval exercises": PLOVER "joint military operations are coded as
        # COOPERATE but single-country exercises should be coded as MOBILIZE" (CAMEO 062)
        return "062"
    if code == "190" and tok.lemma_.lower() in TAKEOVER and unopposed(tok):
        # "seized the crossing without resistance", "took control of the base after X withdrew": a
        # place taken with no fight is an occupation (CAMEO 192, PLOVER COERCE), no act of force
        return "192"
    if code == "171" and tok.lemma_.lower() in SNATCHING and people_taken(frame, res):
        # "kidnappers seized a local official": people seized are abducted (181), or arrested (173) by
        # the state's police, soldiers or courts
        return "173" if state_captor(res, hit.source) else "181"
    if code == "181" and tok.lemma_.lower() in CARRYING_OFF:
        # "soldiers picked up three activists", "gunmen took away the village head": abducted, or
        # arrested when the state's police, soldiers or courts carry them off
        return "173" if state_captor(res, hit.source) else "181"
    if code == "171" and tok.lemma_.lower() in LOOTING | DAMAGING and not frame.passive and any(
        c.dep_ in SUBJ and lemma_in(c, PROTESTER_NOUNS) for c in frame.children
    ):
        # "rioters looted shops", "demonstrators smashed windows": PLOVER PROTEST riot, whose
        # participants "intend to cause physical injury and/or property damage"
        return "145"
    if code != "173" and plover_of(code) in {"ASSAULT", "COERCE"} and to_death(tok):
        return "1823"  # "hacked / beaten / stoned / burned a man to death": a killing, whatever the verb's own code
    if code == "175" and not crowd_weapon(tok):
        # "police dispersed the protesters", "broke up the sit-in": repression with no weapon or tactic of
        # crowd control named is coercion (PLOVER: ASSAULT crowd-control only with an explicit crowd
        # control weapon or tactic; "police pushed back protesters" restricts)
        return "170"
    if code == "087" and tok.lemma_.lower() in {"withdraw", "pull"}:
        left = [g for c in frame.children if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out")
                for g in [*c.children, *(x for d in c.children if d.lower_ == "of" for x in d.children)]
                if g.dep_ == "pobj"]
        if any(lemma_in(g, PACT_NOUNS) for g in left):
            return "160"
    return code


def joint_exercise(frame: VerbFrame, res: Resolver, source: list[str]) -> bool:
    """Exercises or drills held by the forces of more than one state, or called joint."""
    drills = [o for o in frame.objs if o.lemma_.lower() in {"exercise", "drill", "maneuver", "manoeuvre", "game"}]
    if not drills:
        return False
    if any(c.lower_ in {"joint", "combined", "multinational"} for d in drills for c in d.children):
        return True
    return len({country_of(res.article, r) for r in source} - {None}) > 1


#: Words of peacekeeping: peacekeepers and peacekeeping troops, forces, missions.
PEACEKEEPING = frozenset({"peacekeeper", "peacekeepers", "peacekeeping", "peace-keeping", "peace-keeper",
                          "peace-keepers", "blue-helmets"})


def moved_or_moving(frame: VerbFrame) -> list[Token]:
    """Who moves: the subject of a verb of going ("troops arrived"), the object of one of sending."""
    subj = [c for c in frame.children if c.dep_ in SUBJ | PASS_SUBJ]
    return [*subj, *frame.objs]


def peacekeepers(tok: Token) -> bool:
    """``tok`` names peacekeepers ("peacekeepers", "peacekeeping troops", "a peacekeeping force", "the first
    contingent of Fijian peacekeeping troops")."""
    words = [tok, *(c for c in tok.children if c.dep_ in {"compound", "amod"})]
    words += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj" for g in [g, *(x for x in g.children if x.dep_ in {"compound", "amod"})]]
    return any(w.lower_ in PEACEKEEPING or w.lemma_.lower() in PEACEKEEPING for w in words)


#: Verbs of taking hold of something: of people, an abduction or an arrest (not a seizure of goods).
SNATCHING = frozenset({"seize", "grab", "snatch"})
#: Verbs of carrying people off ("took away", "picked up", "whisked away"): only people are abducted.
CARRYING_OFF = frozenset({"take", "pick", "whisk", "drag", "hold"})
#: Places of custody: people held in one are detained ("held in custody", "held in a jail").
CUSTODY = frozenset({"custody", "detention", "jail", "prison", "captivity", "cell", "cells", "camp", "camps"})
#: Verbs of plunder and of damage: done by rioters or protesters, part of the riot.
LOOTING = frozenset({"loot", "ransack", "plunder", "pillage"})
DAMAGING = frozenset({"damage", "smash", "wreck", "vandalize", "vandalise", "deface"})
#: The state's sectors of capture: people they seize are arrested.
CAPTORS = frozenset({"COP", "MIL", "GOV", "JUD", "SPY"})


def people_taken(frame: VerbFrame, res: Resolver) -> bool:
    """An object of the verb is a person or a group of people (not a place, a thing or a body)."""
    return any((a := res.article.actor(r)) is not None and a.kind in {"person", "group"}
               for o in frame.objs for r in res.np(o))


def state_captor(res: Resolver, source: list[str]) -> bool:
    """A source is the state's police, army, government, courts or services."""
    return any(s in CAPTORS for s in sectors_of(res.article, source))


def particular(noun: Token) -> bool:
    """A noun phrase that reports one new act: an indefinite article, a possessive or a "by"/"of" phrase
    naming its doers ("a demonstration", "the teachers' march", "the rally of students"), not a bare
    plural ("to crush protests") nor a definite mention of a known one ("crushed the protests that began
    in 1989")."""
    return any((c.dep_ == "det" and c.lower_ in {"a", "an"}) or c.dep_ == "poss"
               or (c.dep_ == "prep" and c.lower_ in {"by", "of"}) for c in noun.children)


#: Verbs of forcing one's way into a place: protesters who do it riot.
STORMING = frozenset({"storm", "invade", "overrun"})
#: Verbs of protest: an attack coordinated with one by the same people is part of the protest.
PROTEST_VERBS = frozenset({"protest", "demonstrate", "march", "rally", "block", "barricade", "picket"})


def protest_conjunct(frame: VerbFrame) -> bool:
    """The verb is coordinated with a verb of protest ("residents blocked the highway and pelted police
    with stones"): one crowd's protest turned violent."""
    tok = frame.tok
    verbs = [*tok.conjuncts] + ([tok.head] if tok.dep_ == "conj" else [])
    return any(v.pos_ in {"VERB", "AUX"} and v.lemma_.lower() in PROTEST_VERBS for v in verbs)


def unarmed(res: Resolver, source: list[str]) -> bool:
    """Named doers none of whom is an armed or police body (soldiers who block a road and attack a
    village do not riot)."""
    return bool(source) and not any(s in ARMED for s in sectors_of(res.article, source))


#: Sectors of a state's bodies: what they block they restrict.
STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})


def state_doers(res: Resolver, source: list[str]) -> bool:
    """Named doers who are all a state's government, forces, police, courts or services."""
    sectors = sectors_of(res.article, source)
    return bool(sectors) and all(s in STATE_BODIES for s in sectors)


def doers(frame: VerbFrame) -> list[Token]:
    """The subject words of the verb; for a relative clause ("protesters who had occupied ..."), the
    noun it describes."""
    subj = [c for c in frame.children if c.dep_ in SUBJ]
    if frame.tok.dep_ == "relcl" and (not subj or subj[0].tag_ in {"WDT", "WP"}):
        return [frame.tok.head]
    return subj


#: Crowds with no cause of protest: their violence is mob violence, no riot of protesters.
MOBS = frozenset({"mob", "mobs"})
#: Verbs of taking a place (under CAMEO 190 with a place or "control" as object).
TAKEOVER = frozenset({"take", "seize", "capture", "gain", "establish", "wrest", "regain", "retake", "recapture",
                      "overrun", "recover", "assume", "enter"})
#: What a place taken "without" any of them was taken without: no fight.
NO_FIGHT = frozenset({"resistance", "fight", "fighting", "battle", "clash", "clashes", "bloodshed", "shot", "shots",
                      "opposition", "violence", "bullet", "combat"})
#: Words of a fight that, named in the sentence, make a place taken after its holder left a battle's gain.
FOUGHT = frozenset({"fighting", "fight", "battle", "clash", "clashes", "combat", "gunbattle", "firefight", "offensive",
                    "assault"})
#: A side leaving: a place taken after it, or after its withdrawal, is taken unopposed.
LEAVING = frozenset({"withdraw", "withdrawal", "pull", "pullout", "pull-out", "leave", "departure", "abandon",
                     "retreat", "evacuate", "evacuation", "vacate", "flee", "hand", "handover"})


def unopposed(tok: Token) -> bool:
    """A takeover the sentence tells as met by no fight (PLOVER: ASSAULT is an act that can do
    substantial physical harm; occupying a place is COERCE, CAMEO 192): "without (a fight, resistance,
    a shot)", "unopposed", "peacefully", "met no resistance", or after the holder left ("after X
    withdrew", "following the withdrawal of X") unless the sentence tells of fighting ("after X pulled
    back following two days of fighting": ACLED's "government regains territory" is a battle)."""
    fought = False
    for t in tok.doc:
        low, lemma = t.lower_, t.lemma_.lower()
        if low in {"unopposed", "uncontested", "peacefully"}:
            return True
        if lemma in NO_FIGHT and (
            (t.dep_ == "pobj" and t.head.lower_ == "without")
            or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
            or (t.dep_ in {"dobj", "obj"} and any(c.dep_ == "neg" for c in t.head.children))
        ):
            return True
        fought = fought or (lemma in FOUGHT and t.pos_ in {"NOUN", "VERB"})
    if fought:
        return False
    for c in tok.subtree:  # the takeover's own "after"/"following" phrase or clause
        if c.i == tok.i or c.lemma_.lower() not in LEAVING:
            continue
        if c.dep_ == "pobj" and c.head.lower_ in {"after", "following", "upon"}:
            return True
        if c.dep_ == "advcl" and c.head.i == tok.i and any(m.dep_ == "mark" and m.lower_ in {"after", "as", "once"}
                                                            for m in c.children):
            return True
    return False


#: Verbs that are a bombing only when what goes off is a weapon ("a mine went off", not "an alarm
#: went off" or "went off script").
GOING_OFF = frozenset({("go", "off"), ("explode", None), ("detonate", None), ("rip", "through")})


def going_off_without_device(pat: VerbPattern, frame: VerbFrame) -> bool:
    """A verb of going off whose subject is no weapon ("the alarm went off", "the crowd exploded"); used
    transitively in the active ("militants detonated a car bomb") the subject is the bomber."""
    if (pat.lemma, pat.particle) not in GOING_OFF:
        return False
    if pat.particle is None and frame.objs and not frame.passive:
        return False
    return not device_subject(frame)


def device_subject(frame: VerbFrame) -> bool:
    """The subject of the verb (or the noun a relative clause or, in a headline-like sentence with no
    verb of its own, a participle on it describes: "A bomb detonated near the station") is a weapon."""
    tok = frame.tok
    subj = [c for c in frame.children if c.dep_ in SUBJ]
    if tok.dep_ == "relcl" or (subj and subj[0].tag_ == "WDT"):
        subj = [tok.head]
    elif headline_participle(tok):
        subj = [headline_noun(tok)]
    if not subj and tok.dep_ == "conj":
        subj = [c for c in tok.head.children if c.dep_ in SUBJ]
    return any(lemma_in(s, INSTRUMENTS) or lemma_in(s, VIOLENCE_CUES) for s in subj)


#: Verbs of a projectile reaching a place ("mortar rounds landed near the base", "shells hit the market",
#: "rockets slammed into a district"), under the codes of fire from afar: with any other subject they
#: name no attack.
IMPACT_VERBS = frozenset({"land", "fall", "hit", "slam", "rain", "crash", "strike"})
IMPACT_CODES = frozenset({"194"})
#: Verbs of aiming at a place, under the aerial code: an air strike only when aircraft do it
#: ("warplanes targeted the district", "jets hit rebel positions").
AIR_VERBS = frozenset({"target", "hit"})
AIR_CODES = frozenset({"195"})


def subject_fits(p: VerbPattern, frame: VerbFrame) -> bool:
    """False for a pattern of fire from afar whose verb needs a projectile or aircraft subject that
    this verb lacks ("the plane landed", "prices fell", "the storm hit the coast")."""
    if p.cameo in IMPACT_CODES and p.lemma in IMPACT_VERBS:
        return projectile_subject(frame)
    if p.cameo in AIR_CODES and p.lemma in AIR_VERBS:
        subj = [c for c in frame.children if c.dep_ in SUBJ]
        return not frame.passive and bool(subj) and aerial(subj[0])
    return True


def projectile_subject(frame: VerbFrame) -> bool:
    """The subject of the verb (or of the verb it is coordinated with) is a projectile."""
    subj = [c for c in frame.children if c.dep_ in SUBJ]
    if not subj and frame.tok.dep_ == "conj":
        subj = [c for c in frame.tok.head.children if c.dep_ in SUBJ]
    return any(projectile(s) for s in subj)


#: What one "meets" without a meeting: "met no resistance", "met the deadline", "met with criticism".
#: (Meeting demands, conditions or needs is acceding to them, not listed here.)
MET_THINGS = frozenset({"resistance", "criticism", "approval", "success", "deadline", "target", "targets", "fate",
                        "death", "end", "goal", "goals", "standard", "standards", "challenge", "skepticism",
                        "scepticism", "disapproval", "condemnation", "outrage", "silence", "setback", "obstacle"})


#: Reflexive pronouns: "barricaded himself inside a room" obstructs no one's passage.
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself",
                        "yourselves"})


def held_in_custody(frame: VerbFrame, res: Resolver, lex: Lexicon) -> bool:
    """People held (not "held responsible", not a place) by the state's police, army or courts, or "in
    custody / detention / jail": detained (CAMEO 173)."""
    if any(c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"} for c in frame.children):
        return False  # "held X responsible", "held X to account"
    custody = any(c.dep_ == "prep" and c.lower_ in {"in", "under"} and any(
        g.dep_ == "pobj" and g.lemma_.lower() in CUSTODY for g in c.children) for c in frame.children)
    return custody or state_captor(res, verb_sources(lex, doer_verb(frame), res))


def doer_verb(frame: VerbFrame) -> Token:
    """The verb whose subject or agent is the doer: the verb itself, or for the second verb of a
    coordinated passive ("X was detained and sentenced") the first one, whose agent it shares."""
    tok = frame.tok
    return tok.head if frame.passive and not is_passive(tok) else tok


def self_barricade(pat: VerbPattern, frame: VerbFrame) -> bool:
    """A blockade (CAMEO 144, obstructing others' passage) whose object is the doer itself ("a gunman
    barricaded himself inside a house"): holding out, no blockade."""
    return pat.cameo == "144" and any(o.lower_ in REFLEXIVES for o in frame.objs)


def met_thing(frame: VerbFrame) -> bool:
    """"met no resistance", "met the deadline", "was met with criticism": the verb "meet" with a thing,
    not a party, names no meeting; nor does a passive "met with" anything and no "by" phrase ("was met
    with laughter", :func:`.uses.reception`, tenth round)."""
    if frame.tok.lemma_.lower() != "meet":
        return False
    things = [*frame.objs, *(g for c in frame.children if c.dep_ == "prep" and c.lower_ == "with"
                             for g in c.children if g.dep_ == "pobj")]
    return any(t.lemma_.lower() in MET_THINGS or t.lower_ in MET_THINGS for t in things) or reception(frame.tok)


#: Buildings and venues: clearing one ("police evacuated the mall after a bomb threat") is safety, no retreat.
BUILDINGS = frozenset({"building", "buildings", "mall", "school", "schools", "hospital", "hotel", "office", "offices",
                       "station", "stadium", "theatre", "theater", "church", "mosque", "factory", "plant", "tower",
                       "block", "house", "houses", "home", "homes", "shop", "store", "supermarket", "terminal",
                       "airport", "cinema", "restaurant", "premises", "campus", "museum", "court", "courthouse"})


def cleared_building(frame: VerbFrame) -> bool:
    """"Police evacuated a shopping mall", "the school was evacuated": clearing a building of people for
    their safety is no military retreat (an army evacuating a base or a town still retreats)."""
    return frame.tok.lemma_.lower() == "evacuate" and any(lemma_in(o, BUILDINGS) for o in frame.objs)


def court_plea(frame: VerbFrame) -> bool:
    """"pleaded guilty", "pleads not guilty", "pleaded guilty Monday to ...": a plea in court, no appeal
    (found by reading the audit tune half; :func:`.uses.plea` also finds "guilty" where the parser
    hangs it lower)."""
    return plea(frame.tok)


def declined_speech(tok: Token, pat: VerbPattern) -> bool:
    """A refusal whose refused act is speech ("declined to comment", "refused to elaborate"): no
    political refusal."""
    if plover_of(pat.cameo) != "REJECT":
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in DECLINED_SPEECH and not answers_demand(c)
               for c in tok.children)


#: What one answers when refusing to answer it is a rejection: demands, requests, offers, proposals.
ANSWERED = frozenset({"demand", "request", "call", "appeal", "ultimatum", "offer", "proposal", "plea", "invitation"})


def answers_demand(speech: Token) -> bool:
    """The speech verb answers a demand, request or offer ("refused to reply to X's demand"):
    refusing it rejects the demand (CAMEO 12), it is no declined comment."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in ANSWERED for g in c.children) for c in speech.children)


def candidate_patterns(lex: Lexicon, tok: Token) -> list[VerbPattern] | None:
    """The patterns of the verb's lemma, or of its very form when a PETRARCH entry has it ("LEFT")."""
    whole = hyphenated(tok)
    if whole:  # "lathi-charged", "pepper-sprayed": the parser splits the word, its lemma is the last part's
        pats = lex.verbs.get(f"{whole.rsplit('-', 1)[0]}-{tok.lemma_.lower()}")
        if pats:
            return pats
    pats = lex.verbs.get(tok.lemma_.lower()) or lex.verbs.get(tok.lower_)
    if not pats and tok.tag_ in {"VBD", "VBN", "VBZ", "VBG", "VBP", "VB"}:
        # a lemmatizer slip ("staged" -> "stag"; "retook" tagged as a present or a base form and left as it is):
        # the one lexicon verb the form inflects
        lemmas = lex.lemmas_of_form(tok.lower_)
        pats = lex.verbs.get(next(iter(lemmas))) if len(lemmas) == 1 else None
    form = lex.verbs.get(tok.lower_) if tok.lower_ != tok.lemma_.lower() else None
    if form and any(p.vp_target for p in form):
        pats = form
    return pats


def dated(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("called a strike on Monday"): no particle of the
    verb ("call on" X is an appeal)."""
    return prep.dep_ == "prep" and prep.lower_ in {"on", "at"} and any(
        g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in prep.children)


def verb_frame(tok: Token) -> VerbFrame:
    children = list(tok.children)
    passive = is_passive(tok)
    particles = {c.lower_ for c in children if (c.dep_ in {"prt", "prep", "advmod"} and not dated(c))
                 or (c.dep_ == "dative" and c.pos_ == "ADP")}  # "providing photographs ... to X"
    if any(for_infinitive(c) for c in children):  # "called for the minister to resign"
        particles.add("for")
    objs = [c for c in children if c.dep_ in OBJ and not misparsed_reporter(c)]
    if not objs and not passive:
        objs = believed_objects(tok)
    datives = [c for c in children if c.dep_ == "dative"]
    if passive:
        objs += [c for c in children if c.dep_ in PASS_SUBJ] or (
            [tok.head] if reduced_passive(tok) or weapon_participle(tok) else
            [c for c in tok.head.children if c.dep_ in SUBJ] if participle_complement(tok) else [])
        if tok.dep_ == "conj" and not objs:  # "was convicted and sentenced": shared passive subject
            objs += [c for c in tok.head.children if c.dep_ in PASS_SUBJ]
    return VerbFrame(tok, children, passive, particles, objs, datives)


#: Participles of belief or report that open a reduced relative clause ("arms believed to belong to ...").
BELIEF_PARTICIPLES = frozenset({"believe", "think", "say", "suspect", "report", "allege", "estimate", "know",
                                "fear", "presume", "understand", "expect", "claim"})


def believed_objects(tok: Token) -> list[Token]:
    """The object of a verb that the parser took for the subject of a reduced relative clause ("seized
    weapons believed to belong to the rebels" read as "seized [weapons believed ...]" with "weapons" the
    subject of a clause "believed"): the subject of a ccomp participle of belief or report that has a
    "to" infinitive and no subject of its own before the verb (tenth round, from a CASE tune miss)."""
    out = []
    for c in tok.children:
        if c.dep_ != "ccomp" or c.tag_ not in {"VBD", "VBN"} or c.lemma_.lower() not in BELIEF_PARTICIPLES:
            continue
        if not any(x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
                   for x in c.children):
            continue
        out += [n for n in c.children if n.dep_ == "nsubj" and n.pos_ in {"NOUN", "PROPN"} and n.i > tok.i]
    return out


def best_pattern(pats: list[VerbPattern], frame: VerbFrame,
                 res: Resolver) -> tuple[VerbPattern, Token | None] | None:
    """The most specific matching pattern and the token of its object word (the theme)."""
    tok = frame.tok
    best: tuple[tuple[int, int, int, int], VerbPattern, Token | None] | None = None
    for p in pats:
        if p.particle and p.particle not in frame.particles:
            continue
        if p.needs_object and not frame.objs:
            continue
        if p.needs_actor_object and not any(res.np(o) for o in frame.objs):
            continue
        theme: Token | None = None
        by_compound = 0
        if p.objects:
            theme, by_compound = pattern_theme(p, frame)
            if theme is None:
                continue
        if (p.context or p.pre_context) and not context_ok(tok, p.context, p.pre_context):
            continue
        if p.vp_target and not (form_ok(p, tok) and compound_ok(p, tok)):  # PETRARCH: word forms, "%"
            continue
        # among equally specific patterns, one whose target preposition is present wins, and an
        # unmarked one beats one whose prepositions are absent ("protested to X" / "protested in Y")
        prep_fit = 0 if not p.preps else (1 if frame.particles & set(p.preps) else -1)
        score = (p.specificity, prep_fit, p.priority, by_compound)
        if best is None or score > best[0]:
            best = (score, p, theme)
    return None if best is None else (best[1], best[2])


def pattern_theme(p: VerbPattern, frame: VerbFrame) -> tuple[Token | None, int]:
    """The dependent that is one of the pattern's object words (1: found through a compound)."""
    cands = list(frame.objs)
    for o in frame.objs:  # "lifted a state of emergency": the "of" noun of a container head
        if o.lemma_.lower() in CONTAINERS:
            cands += [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    for c in frame.children:
        # a preposition's object counts as the pattern's object word when the pattern names it as its
        # particle ("call into question") or the verb has no direct object ("went on strike"); "seized a
        # suspect at the airport" took no airport
        if c.dep_ == "prep" and ((p.particle is None and not frame.objs) or c.lower_ == p.particle):
            cands += [g for g in c.children if g.dep_ == "pobj"]
        if c.dep_ in {"xcomp", "oprd"}:  # "go on strike", "held the workers hostage"
            cands.append(c)
    cands = [c for c in cands if hyphenated(c) not in WHOLE_WORDS or hyphenated(c) in p.objects]
    theme = next((c for c in cands if lemma_in(c, p.objects) or hyphenated(c) in p.objects), None)
    if theme is not None:
        return theme, 0
    # "violated the ceasefire agreement": the compound names what it is
    theme = next((c for c in cands if any(g.dep_ == "compound" and lemma_in(g, p.objects)
                                          and hyphenated(g) not in WHOLE_WORDS for g in c.children)), None)
    return theme, 1


#: Hyphenated words whose last part is not what they name ("the cease-fire" is no fire, a "sit-in" no "in").
WHOLE_WORDS = frozenset({"cease-fire", "sit-in", "die-in", "break-in", "stand-off", "set-up", "lock-in"})


def verb_targets(lex: Lexicon, frame: VerbFrame, res: Resolver, pat: VerbPattern, theme: Token | None,
                 sources: list[str]) -> list[str]:
    """Targets of a (non-PETRARCH) verb pattern: the accused, datives, the theme's or the objects'
    actors, then the embedded, conditional and protest targets, then the verb phrase's first actor."""
    tok = frame.tok
    plover = plover_of(pat.cameo) or ""
    preps = pat.preps or DEFAULT_PREPS.get(plover, ())
    targets: list[str] = []
    if plover == "ACCUSE":  # "complained to the UN over Israeli air raids": the accused, not the addressee
        targets += accused(lex, frame, res)
    targets += dative_targets(frame, res)
    if theme is not None:
        targets = theme_targets(lex, frame, res, theme, plover, preps, sources, targets)
    else:
        targets = object_targets(lex, frame, res, plover, preps, sources, targets)
    if plover == "REJECT" and not targets and refused_topic(frame, res):
        return []  # "refused to acknowledge the failures of the new law": a topic, no one refused
    if not targets:
        targets += clause_targets(lex, frame, res, plover)
    targets = [t for t in targets if t not in sources]  # "reneged on his commitment to X": own phrase
    if not targets and plover != "MOBILIZE" and not own_complement(tok, res, sources):
        targets += verb_phrase_targets(tok, res, set(sources) | set(res.np(theme) if theme is not None else []))
    return targets


def refused_topic(frame: VerbFrame, res: Resolver) -> bool:
    """What a refusal refuses to do is done to a topic, no actor ("refused to acknowledge the failures
    of the new law", "declined to accept the results"): the act's object names no actor itself, by
    its modifiers or as a part of one (``partitive_heads``: "the role of X" stands for X)."""
    clauses = [c for c in frame.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"]
    objs = [g for c in clauses for g in c.children if g.dep_ in OBJ]
    # only an object whose actor is reached through what the topic is about ("the failures of X's law")
    return bool(objs) and not any(topic_actor(o, res) for o in objs) and any(res.np(o) for o in objs)


def topic_actor(obj: Token, res: Resolver) -> bool:
    """``obj`` names an actor: itself, a modifier, or as a part ("the role of X")."""
    if res.at(obj) is not None or any(res.at(c) is not None for c in obj.lefts if c.dep_ in MODIFIERS):
        return True
    return lemma_in(obj, PARTITIVE) and bool(res.np(obj))


def accused(lex: Lexicon, frame: VerbFrame, res: Resolver) -> list[str]:
    out: list[str] = []
    for c in frame.children:
        if c.dep_ == "prep" and c.lower_ in ACCUSED_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    out += res.np(g) or (noun_sources(lex, g, res) if is_event_noun(lex, g) else [])
    return out


def dative_targets(frame: VerbFrame, res: Resolver) -> list[str]:
    out: list[str] = []
    for d in frame.datives:
        if d.pos_ == "ADP":  # "to X" parsed as a dative
            out += [r for g in d.children if g.dep_ == "pobj" for r in res.np(g)] or dangling_object(res, d)
        else:
            out += res.np(d)
    return out


def theme_targets(lex: Lexicon, frame: VerbFrame, res: Resolver, theme: Token, plover: str,
                  preps: tuple[str, ...], sources: list[str], targets: list[str]) -> list[str]:
    """Targets when the pattern named an object word (the theme): "imposed sanctions on X"."""
    tok = frame.tok
    if theme.dep_ == "pobj":  # "called into question the role of X": object is the target
        for o in frame.objs:
            targets += res.np(o)
    if plover == "REQUEST" and is_event_noun(lex, theme):  # "demanded the withdrawal of X's forces"
        targets += [r for c in theme.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
    if not targets:  # (not the theme itself: "contribute troops to a force" is no troops -> troops)
        targets += [r for r in prep_targets(res, [tok, theme], preps) if r not in res.np(theme)]
    if not targets and plover in {"ASSAULT", "COERCE"} and repressed(lex, theme):
        # "crushed the protests", "broke up a rally": the protest stands for its protesters
        targets += noun_sources(lex, theme, res) or protesters_of(res, theme, sources)
    if not targets and plover != "MOBILIZE":  # "rejected Iraq's proposal": the owner
        own = {country_of(res.article, r) for r in sources} - {None}
        # "contribute (its) troops to ...": the source's own troops are no target
        targets += [r for r in res.np(theme) if country_of(res.article, r) not in own]
    return targets


def object_targets(lex: Lexicon, frame: VerbFrame, res: Resolver, plover: str, preps: tuple[str, ...],
                   sources: list[str], targets: list[str]) -> list[str]:
    """Targets from the direct objects, else the verb's and objects' prepositional phrases."""
    tok, objs = frame.tok, frame.objs
    if plover != "MOBILIZE" and not (targets and any(d.pos_ == "ADP" for d in frame.datives)):
        for o in objs:  # (with a recipient "to X", the object is what is given)
            found = res.np(o)
            if not found and is_event_noun(lex, o):  # "condemned the attack by X"
                found = noun_sources(lex, o, res)
            if not found and plover in {"ASSAULT", "COERCE"} and repressed(lex, o):
                # "crushed the protests": the protest stands for its protesters
                found = noun_sources(lex, o, res) or protesters_of(res, o, sources)
            if not found and plover in {"ASSAULT", "COERCE"}:  # "attacked a camp for refugees"
                found = [r for c in o.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}
                         for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
            targets += found
    # "offered its troops to X": an object owned by the source is no target
    targets = [t for t in targets if t not in sources]
    if not targets:  # "lift the curfew on Palestinians", "sent arms to Pakistan"
        targets += prep_targets(res, [tok, *objs], preps)
    if not targets and not objs:  # "donated and delivered goods to X": shared object and recipient
        shared = [c for c in frame.children if c.dep_ == "conj" and c.pos_ == "VERB"
                  and not any(g.dep_ in SUBJ for g in c.children)]
        shared_objs = [g for c in shared for g in c.children if g.dep_ in OBJ]
        if shared_objs:
            targets += prep_targets(res, [*shared, *shared_objs], preps)
    return targets


def clause_targets(lex: Lexicon, frame: VerbFrame, res: Resolver, plover: str) -> list[str]:
    """Targets named in a complement, purpose or condition clause, by type (the first rule that finds
    one wins)."""
    tok, objs = frame.tok, frame.objs
    if plover == "REQUEST" and (found := complement_targets(tok, res)):
        return found
    if plover in EMBEDDING and (found := embedded_targets(lex, tok, res)):
        return found
    if plover == "THREATEN" and (found := condition_subjects(tok, res)):
        return found  # "threatened retaliation if the U.S. imposed ..."
    if plover == "PROTEST" and (found := protest_object(lex, tok, res)):
        return found  # "... in protest against X's decision"
    if plover == "MOBILIZE":  # "mobilized reservists for a war against X"
        found = [r for h in [tok, *objs] for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                 for g in c.children if g.dep_ == "pobj" and is_event_noun(lex, g)
                 for r in prep_targets(res, [g], ("against", "on", "with"))]
        if found:
            return found
    if plover in {"ASSAULT", "COERCE"}:
        # "fired shots to scatter the striking students": force used on those its purpose clause acts on
        found = [r for c in frame.children if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                 for g in c.children if g.dep_ in OBJ for r in res.np(g)]
        if found:
            return found
    out: list[str] = []
    if plover in {"THREATEN", "AGREE"}:
        # "threatened to resume attacks in Israel", "agreed to set up a centre in Tokyo":
        # the place of the threatened or agreed act
        for c in frame.children:
            if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB":
                objs_c = [g for g in c.children if g.dep_ in OBJ]
                out += place_targets(res, [c, *objs_c], "COERCE", "170")
    return out
