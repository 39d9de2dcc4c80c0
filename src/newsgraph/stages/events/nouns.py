"""Noun triggers ("airstrikes against X", "the talks with Y") and the two clause-shaped triggers
without a trigger word of their own: "X-backed Y" modifiers and "X said Y must ..." demands
(docs/events.md, Triggers)."""

from __future__ import annotations

from spacy.tokens import Token

from ...resources import word_list
from .args import OBJ, PASS_SUBJ, SUBJ, Resolver, country_of, prep_targets, unique
from .cameo import plover_of
from .hit import Hit
from .lexicon import Lexicon
from .modality import SPEECH
from .patterns import NounPattern
from .place_target import place_targets
from .sources import came_under, claim_verb, is_event_noun, noun_sources, partakers, undergone, verb_sources
from .syntax import INSTRUMENTS, clause_tokens, hyphenated, protest_purpose
from .targets import DEFAULT_PREPS, EMBEDDING, complement_targets, embedded_targets, protest_object

MUST = word_list("events", "must_aux")
#: "protesters gathered / marched": people protesting who gather or march hold a protest.
PROTESTERS = word_list("events", "protester_nouns")
#: Partisans of a cause or a leader: their gathering or march is a rally (CAMEO 141 "demonstrate or rally").
PARTISANS = frozenset({"opponent", "opponents", "supporter", "supporters", "loyalist", "loyalists"})
GATHERING = word_list("events", "gathering_verbs")
#: Verbs besides plain speech verbs whose "Y must ..." complement is a demand.
SAY_MUST = word_list("events", "say_must_verbs")


#: Envoys whose expulsion cuts diplomatic relations.
DIPLOMATS = frozenset({"diplomat", "ambassador", "envoy", "attache", "consul", "embassy"})
#: Weapons whose claimed use is a bombing ("claimed the truck bomb"); other claimed
#: means are attacks.
BOMBS = frozenset({"bomb", "bombing", "blast", "explosion", "device", "ied", "explosive", "car-bomb", "mine",
                   "landmine"})


def claim_hit(lex: Lexicon, tok: Token, res: Resolver) -> Hit | None:
    """"X claimed responsibility for the truck bomb": a weapon (no event noun of its own) whose use X
    claims is X's attack (PLOVER codes the claimed act with the claimer as its source)."""
    if tok.pos_ not in {"NOUN", "PROPN"} or is_event_noun(lex, tok) or tok.lemma_.lower() not in INSTRUMENTS:
        return None
    verb = claim_verb(tok)
    if verb is None:
        return None
    source = verb_sources(lex, verb, res)
    if not source:
        return None
    cameo = "183" if tok.lemma_.lower() in BOMBS else "180"
    return Hit([tok], cameo, None, f"clause:{cameo}:claimed weapon", source, [], noun=True)


def noun_pattern(lex: Lexicon, tok: Token) -> NounPattern | None:
    """The noun pattern of ``tok``: one whose compound word is present, else a plain one."""
    # a hyphenated word is looked up whole first ("hostage-taking", "die-in": the parser splits them)
    pats = lex.nouns.get(hyphenated(tok)) or lex.nouns.get(tok.lower_) or lex.nouns.get(tok.lemma_.lower())
    if tok.lower_ == "fire" and came_under(tok) is not None:
        pats = [*(pats or []), *lex.nouns.get("gunfire", [])]  # "came under fire": gunfire, no blaze
    if not pats:
        return None
    compounds = {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
    compounds |= {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
    with_comp = [p for p in pats if p.compound and p.compound in compounds]
    if with_comp:
        return with_comp[0]
    plain = [p for p in pats if not p.compound]
    return plain[0] if plain else None


def noun_hit(lex: Lexicon, tok: Token, res: Resolver) -> Hit | None:
    if tok.dep_ == "compound" and (is_event_noun(lex, tok.head) or res.at(tok.head) is not None):
        return None  # "war crimes", "border patrol agents": a modifier naming a kind, not an event
    pat = noun_pattern(lex, tok)
    if pat is None:
        return None
    plover = plover_of(pat.cameo) or ""
    if tok.dep_ == "compound" and plover == "ASSAULT" and tok.head.pos_ in {"NOUN", "PROPN"}:
        return None  # "an attack ad", "an assault rifle", "a war room": a word of force naming a kind of thing
    toks = [tok]
    if pat.compound:
        toks = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}
                and pat.compound in {c.lemma_.lower(), c.lower_}][:1] + [tok]
    hit = Hit(toks, pat.cameo, pat.mode, pat.rule, noun=True)
    expelled = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in DIPLOMATS]
    if pat.cameo == "174" and expelled:
        # "the expulsion of 30 diplomats": a cut in diplomatic relations (CAMEO 161, as the verb)
        hit.cameo, hit.rule, plover = "161", f"{pat.rule} (diplomats)", "SANCTION"
    preps = pat.preps or DEFAULT_PREPS.get(plover, ("against", "on"))
    hit.source = noun_sources(lex, tok, res, exclude_preps=preps)
    parties = between_parties(tok, res) if plover == "ASSAULT" else []
    if plover == "ASSAULT" and not hit.source:  # "police and cartel gunmen engaged in a gunfight": both fight
        parties += partakers(lex, tok, res)
    hit.source = unique([*hit.source, *parties])  # "clashes between X and Y": every party acts
    if expelled:  # the expelled diplomats' state is the target, never the expeller
        hit.source = [r for r in hit.source if r not in {x for g in expelled for x in res.np(g)}]
    if pat.cameo.startswith("150") and len({country_of(res.article, r) for r in hit.source} - {None}) > 1:
        # "French and Egyptian warships launched war games": exercises of several states are joint
        hit.cameo, hit.rule, plover = "062", f"{pat.rule} (joint)", "COOPERATE"
    targets = prep_targets(res, [tok], preps)
    if undergone(tok):  # "X has suffered bombings (by Y)": X is the target
        if not hit.source:  # "X drew criticism from Y": the "from" or "by" phrase of the noun or its verb
            hit.source = prep_targets(res, [tok, tok.head], ("from", "by"))
        targets += [r for r in verb_sources(lex, tok.head, res) if r not in hit.source]
    if (verb := came_under(tok)) is not None:  # "X came under fire from Y": X is the target, Y the source
        if not hit.source:
            hit.source = prep_targets(res, [verb], ("from", "by"))
        targets += [r for r in verb_sources(lex, verb, res) if r not in hit.source]
    if not targets and tok.dep_ in OBJ and tok.head.lemma_.lower() not in lex.light_verbs \
            and tok.head.pos_ in {"VERB", "AUX"}:  # "condemned the offensive (by X) against Y"
        targets = prep_targets(res, [tok.head], tuple(p for p in preps if p != "with"))
    if not targets and plover == "REQUEST" and tok.dep_ in OBJ:  # "reiterated its demand (today) that X ..."
        targets = [r for c in tok.head.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)
                   for g in c.children if g.dep_ in SUBJ | PASS_SUBJ for r in res.np(g)]
    if not targets:  # "offensive by X and their allies against Y": the prep may attach lower
        phrase = [t for t in clause_tokens(tok) if t.i != tok.i and t.dep_ not in {"prep"}]
        targets = prep_targets(res, phrase, preps)
    if not targets:
        targets = complement_targets(tok, res)
    if not targets and plover in EMBEDDING and tok.dep_ in OBJ:  # "began a hunger strike to protest ..."
        targets = embedded_targets(lex, tok.head, res)
    if not targets and plover == "PROTEST":  # "staged a hunger strike in protest against X"
        targets = protest_object(lex, tok, res)
    hit.target = unique(t for t in targets if t not in hit.source)
    if not hit.target and hit.source and not pat.needs_target and not parties:  # "the visit to Germany"
        heads = [tok, tok.head] if tok.dep_ in OBJ and tok.head.pos_ in {"VERB", "AUX"} else [tok]
        hit.target = [t for t in place_targets(res, heads, plover, pat.cameo, own=tok) if t not in hit.source]
    if pat.needs_target and not hit.target and not protest_purpose(tok):
        return None
    verb = came_under(tok)
    if tok.lower_ == "fire" and verb is not None and criticism(res, hit, verb):
        # "the government came under fire from the opposition over the budget": criticism (111), no gunfire
        if not hit.source:
            return None
        hit.cameo, hit.mode, hit.rule = "111", None, f"{pat.rule} (criticism)"
    return hit


#: Sectors of the politicians, parties and bodies that "come under fire" in words.
CRITICIZED = frozenset({"GOV", "LEG", "PTY", "OPP", "JUD", "MED", "BUS", "NGO", "EDU"})


def criticism(res: Resolver, hit: Hit, verb: Token) -> bool:
    """"came under fire" is criticism, not gunfire, when no side is an armed or police body, the sentence
    names no weapon or armed perpetrator, and it names what is criticized ("over the budget") or a
    political or civil side ("from the opposition", "the minister came under fire")."""
    from .confidence import ARMED, sectors_of, violent

    sides = sectors_of(res.article, [*hit.source, *hit.target])
    if any(s in ARMED for s in sides) or violent(hit.tokens[-1].sent.as_doc()):
        return False
    topic = any(c.dep_ == "prep" and c.lower_ in {"over", "for", "about"} for c in verb.children)
    people = any((a := res.article.actor(r)) is not None and a.kind == "person" for r in hit.target)
    return topic or people or any(s in CRITICIZED for s in sides)


def between_parties(tok: Token, res: Resolver) -> list[str]:
    """The parties of a "between" phrase of an act of force or of talks ("clashes between the police
    and protesters", "talks between X and Y"): each is a source (PLOVER's reciprocal convention)."""
    return [r for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
            for g in c.children if g.dep_ == "pobj" for r in res.np(g)]


def backer_hit(tok: Token, res: Resolver) -> Hit | None:
    """"X-backed Y" (Y an actor): X SUPPORTs (backed, supported) or AIDs (funded, armed) Y."""
    if tok.dep_ not in {"amod", "compound", "nmod"}:
        return None
    b = res.backer(tok)
    if b is None or b[1] in {"led", "allied"}:
        return None
    how = b[1]
    targets = [r for r in res.np(tok.head) if r != b[0]]
    if not targets:
        return None
    code = "070" if how in {"funded", "armed", "sponsored"} else "051"
    return Hit([tok], code, None, f"modifier:{code}:X-{how}", [b[0]], targets, noun=True)


def must_hit(lex: Lexicon, tok: Token, res: Resolver) -> Hit | None:
    """"X said (that) Y must/should do Z": X demands of Y (CAMEO 10 DEMAND)."""
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in SPEECH | SAY_MUST:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in MUST for c in tok.children):
        return None
    speaker = verb_sources(lex, tok.head, res)
    subj = [c for c in tok.children if c.dep_ in SUBJ | PASS_SUBJ]
    target = [r for s in subj for r in res.np(s) if r not in speaker]
    if not speaker or not target:
        return None
    return Hit([tok.head], "100", None, "clause:100:X said Y must", speaker, target)


#: Names of a protest gathering: "gathered in a protest", "took part in a march".
PROTEST_GATHERINGS = frozenset({
    "protest", "demonstration", "rally", "march", "sit-in", "vigil", "die-in", "walkout", "picket", "procession",
})
#: Verbs of taking part: they hold a protest only with a protest gathering as their object.
PARTAKING = frozenset({"participate", "join", "take"})


def protest_gathering(tok: Token) -> bool:
    """``tok`` names a protest gathering ("protest", "sit-in": the parser splits "sit - in")."""
    word = tok.lemma_.lower()
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
        word = f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}"
    return word in PROTEST_GATHERINGS


def partisans(tok: Token, res: Resolver) -> bool:
    """Opponents or supporters of a coded actor or of a political act ("opponents of the coup",
    "supporters of the former president", "opposition supporters"): a political crowd. Fans of a
    club, named by no coded actor, are none."""
    if tok.lower_ not in PARTISANS:
        return False
    named = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    named += [c for c in tok.children if c.dep_ in {"compound", "amod", "poss"}]
    return any(any(not r.startswith("NOUN.") for r in res.np(g)) or (g.lemma_.lower() in POLITICAL_ACTS)
               for g in named)


#: Political acts and offices whose opponents or supporters form a political crowd.
POLITICAL_ACTS = frozenset({"coup", "junta", "regime", "government", "opposition", "election", "referendum",
                            "reform", "law", "bill", "independence", "president", "leader", "party",
                            "minister", "candidate", "king", "movement", "army", "military"})


def gathering_hit(tok: Token, res: Resolver) -> Hit | None:
    """"Protesters gathered outside the ministry", "demonstrators marched to X": people protesting
    who gather or march hold a protest (CAMEO 141); its target comes from the place (docs/events.md).
    So do people who gather in, for or during a protest, or who take part in one ("students gathered
    in a silent protest", "workers took part in a march"), and people who gather or march to demand,
    denounce or protest ("supporters gathered to demand fair elections")."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    subjects = [c for c in tok.children if c.dep_ in SUBJ]
    subj = [c for c in subjects if any(
        w.lemma_.lower() in PROTESTERS or w.lower_ in PROTESTERS or partisans(w, res)  # "hundreds of demonstrators"
        for w in [c, *(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)])]
    if lemma in GATHERING and subj:
        source = [r for s in subj for r in res.np(s)]
        return Hit([tok], "141", None, "clause:141:protesters gather", source, [], noun=True)
    if lemma in GATHERING and subjects and protest_purpose(tok):
        # "supporters gathered in the square to demand fair elections": people who gather or march
        # to demand, denounce or protest hold a protest, whoever they are
        source = [r for s in subjects for r in res.np(s)]
        return Hit([tok], "141", None, "clause:141:gather to protest", source, [], noun=True)
    if lemma not in GATHERING and lemma not in PARTAKING:
        return None
    preps = {"in", "for", "during", "at"} if lemma in GATHERING else {"in"}
    named = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
             for g in c.children if g.dep_ == "pobj" and protest_gathering(g)]
    if lemma == "join":
        named += [c for c in tok.children if c.dep_ in OBJ and protest_gathering(c)]
    if lemma == "take" and not any(c.lower_ == "part" for c in tok.children):
        return None
    if not named or not subjects:
        return None
    source = [r for s in subjects for r in res.np(s)]
    return Hit([tok], "141", None, "clause:141:gather in a protest", source, [], noun=True)


#: Verbs that give their object a judgement ("described the law as illegal", "called the plan a provocation").
JUDGING_VERBS = frozenset({"describe", "call", "label", "brand", "term", "characterize", "characterise", "dub"})
#: Judgements of disapproval (CAMEO 111 "criticize or denounce").
BAD_JUDGEMENTS = frozenset({
    "illegal", "unlawful", "illegitimate", "unacceptable", "irresponsible", "provocative", "dangerous",
    "outrageous", "absurd", "shameful", "disgraceful", "reckless", "hostile", "unjust", "unfair",
    "discriminatory", "counterproductive", "unfriendly", "null", "void", "baseless", "groundless",
    "provocation", "violation", "disgrace", "insult", "betrayal", "farce", "sham", "crime", "mistake",
})


def judged_hit(tok: Token, res: Resolver, lex: Lexicon) -> Hit | None:
    """"X described Y's plan as illegal", "X called the move a provocation": X criticizes Y (CAMEO 111)."""
    if tok.lemma_.lower() not in JUDGING_VERBS or tok.pos_ not in {"VERB", "AUX"}:
        return None
    heads = [c for c in tok.children if c.dep_ in {"oprd", "xcomp"}]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    heads += [g for c in tok.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in {"dobj", "attr", "acomp"}]
    if not any(h.lemma_.lower() in BAD_JUDGEMENTS or h.lower_ in BAD_JUDGEMENTS for h in heads):
        return None
    speaker = verb_sources(lex, tok, res)
    objs = [c for c in tok.children if c.dep_ in OBJ | {"ccomp"}]
    target = [r for o in objs for s in ([o] if o.dep_ != "ccomp" else [g for g in o.children if g.dep_ in SUBJ])
              for r in res.np(s) if r not in speaker]
    if not speaker:
        return None
    return Hit([tok], "111", None, "clause:111:X described Y as illegal", speaker, target)


#: Acts named by a verb and the object of its preposition (the pattern format has no prepositional object):
#: (verb lemmas, preposition, object lemmas) -> CAMEO code.
PREP_OBJECT_ACTS: tuple[tuple[frozenset[str], str, frozenset[str], str], ...] = (
    # "took Poland to court", "hauled the company before the tribunal": a lawsuit (115)
    (frozenset({"take", "haul", "drag", "bring"}), "to", frozenset({"court", "tribunal"}), "115"),
    (frozenset({"take", "haul", "drag", "bring"}), "before", frozenset({"court", "tribunal", "judge", "judges"}), "115"),
    # "withdrew from the dialogue with Serbia", "walked out of the talks": talks broken off (164)
    (frozenset({"withdraw", "pull", "quit", "exit"}), "from",
     frozenset({"talk", "talks", "dialogue", "negotiation", "negotiations", "mediation"}), "164"),
    (frozenset({"walk", "pull"}), "out", frozenset({"talk", "talks", "dialogue", "negotiation", "negotiations"}), "164"),
)


def prep_object_hit(tok: Token, res: Resolver, lex: Lexicon) -> Hit | None:
    """"X took Y to court" (115), "X withdrew from the dialogue with Y" (164): the target is the direct
    object, else the actor after "with" in the prepositional object's phrase."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = tok.lemma_.lower()
    for verbs, prep, objects, code in PREP_OBJECT_ACTS:
        if lemma not in verbs:
            continue
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == prep]
        if prep == "out" and any(c.lower_ == "out" for c in tok.children):  # "walked out of the talks"
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            preps += [g for c in tok.children if c.lower_ == "out" for g in c.children if g.lower_ == "of"]
        pobjs = [g for p in preps for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in objects]
        if not pobjs:
            continue
        speaker = verb_sources(lex, tok, res)
        if not speaker:
            return None
        objs = [c for c in tok.children if c.dep_ in OBJ]
        with_ = [g for o in pobjs for p in o.children if p.dep_ == "prep" and p.lower_ == "with"
                 for g in p.children if g.dep_ == "pobj"]
        target = [r for o in objs or with_ for r in res.np(o) if r not in speaker]
        return Hit([tok], code, None, f"clause:{code}:{lemma} {prep} {pobjs[0].lemma_.lower()}", speaker, target)
    return None
