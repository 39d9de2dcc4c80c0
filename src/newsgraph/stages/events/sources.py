"""Who acts: the source actors of a trigger, from its subject, passive agent, the phrase that
controls it ("urged X to ..."), or the modifiers of an event noun ("Russian airstrikes", "the
offensive by X"). See docs/events.md, Arguments."""

from __future__ import annotations

from spacy.tokens import Token

from ...resources import word_list
from .args import OBJ, PASS_SUBJ, SUBJ, Resolver, prep_targets, unique
from .cameo import plover_of
from .lexicon import Lexicon
from .modality import FOILING, PLOTS, SPEECH, foiled
from .syntax import (
    ATTEMPTS,
    DURATIONS,
    GATHER,
    INSTRUMENTS,
    STATIVE_PASSIVE,
    headline_noun,
    headline_participle,
    hyphenated,
    is_passive,
    lemma_in,
    projectile,
)

#: Verbs whose object (not subject) does what the complement says ("urged X to", "accused X of").
OBJECT_CONTROL = word_list("events", "object_control")
#: Object heads that stand for their "of" noun ("a state of emergency", "700 kg of medicine").
CONTAINERS = word_list("events", "containers")
#: "in cooperation with X", "together with X": X acts too.
JOINT_NOUNS = word_list("events", "joint_nouns")
JOINT_ADVERBS = word_list("events", "joint_adverbs")
#: Verbs whose subject undergoes the event noun they govern ("X suffered attacks"): the target.
UNDERGO = word_list("events", "undergo_verbs")
#: "claimed responsibility / credit for X": the claimer is X's author.
RESPONSIBILITY = word_list("events", "responsibility_nouns")
#: the "X-<word>" modifiers that make X the agent of the act the noun names ("X-led offensive"); the
#: others ("X-backed", "X-funded" ...) make X a supporter of whoever acts
LEADING = frozenset({"led"})


def claim_verb(tok: Token) -> Token | None:
    """The verb that claims responsibility for ``tok`` ("claimed responsibility for the attack",
    "took credit for the bombing": the "for" phrase on the noun or on the verb), or the copula that
    names its author ("X was behind the attack", "X is responsible for the bombing"), else None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in {"for", "behind"}:
        return None
    noun = prep.head
    if prep.lower_ == "behind":
        return noun if noun.lemma_.lower() == "be" else None
    if noun.lemma_.lower() == "responsible" and noun.head.lemma_.lower() == "be":
        return noun.head
    if noun.lemma_.lower() in RESPONSIBILITY and noun.dep_ in OBJ and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    if noun.pos_ in {"VERB", "AUX"} and any(c.dep_ in OBJ and c.lemma_.lower() in RESPONSIBILITY
                                           for c in noun.children):
        return noun
    return None


def claimed(tok: Token) -> bool:
    """``tok`` is what responsibility is claimed for ("claimed responsibility for the attack")."""
    return claim_verb(tok) is not None


def undergone(tok: Token) -> bool:
    """``tok`` is the object of a verb of undergoing ("suffered attacks", "faced shelling")."""
    return tok.dep_ in OBJ and tok.head.lemma_.lower() in UNDERGO


def came_under(tok: Token) -> Token | None:
    """The verb of "came under attack / fire / shelling" (also "was under attack"), whose subject
    undergoes the act named by ``tok``; None when ``tok`` is no such object of "under"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "under" or prep.head.i == prep.i:
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in {"come", "be", "remain", "fall"} else None


def repressed(lex: Lexicon, tok: Token) -> bool:
    """``tok`` is a protest noun that a verb of force or coercion acts upon ("crushed the protests",
    "dispersed a rally", "a march was broken up by police"): the protest is the protesters', never the
    repressor's."""
    if (tok.dep_ not in OBJ and tok.dep_ not in PASS_SUBJ) or tok.head.pos_ not in {"VERB", "AUX"}:
        return False
    noun = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_) or []
    if not any(plover_of(p.cameo) == "PROTEST" for p in noun):
        return False
    return any(plover_of(p.cameo) in {"ASSAULT", "COERCE"} for p in lex.verbs.get(tok.head.lemma_.lower(), []))


def is_event_noun(lex: Lexicon, tok: Token) -> bool:
    """``tok`` is a trigger noun of the lexicon ("attack", "talks")."""
    return (tok.lemma_.lower() in lex.nouns) or (tok.lower_ in lex.nouns) or (hyphenated(tok) in lex.nouns)


def verb_sources(lex: Lexicon, tok: Token, res: Resolver, depth: int = 0) -> list[str]:
    """Who does what ``tok`` says: subject, passive agent, or the controlling phrase."""
    if depth > 6:
        return []
    children = list(tok.children)
    passive = is_passive(tok)
    if passive:
        out: list[str] = []
        agents = [c for c in children if c.dep_ == "agent"]
        if not agents:  # "was condemned and sanctioned by France": the agent is shared
            for v in tok.conjuncts:
                if is_passive(v) or v.tag_ == "VBN":
                    agents += [c for c in v.children if c.dep_ == "agent"]
        for c in agents:
            for g in c.children:
                if g.dep_ == "pobj":
                    out += res.np(g)
        if not agents and tok.lemma_.lower() in STATIVE_PASSIVE:  # "Vietnam is committed to", "X is opposed to"
            out += [r for c in children if c.dep_ in PASS_SUBJ for r in res.np(c)]
        return unique(out)
    else:
        subj = [c for c in children if c.dep_ in SUBJ]
        # "Police lathi-charged ...": the parser takes the word's first part for the subject, its doer for a modifier
        subj = [g for s in subj for g in ([c for c in s.children if c.dep_ == "compound"] or [s])
                if s.i == tok.i - 2 and hyphenated(tok)] + [s for s in subj if not (s.i == tok.i - 2 and hyphenated(tok))]
        # "The Red Cross working in Yemen said": a participle parsed as the subject stands for its own
        subj = [g for s in subj for g in ([x for x in s.children if x.dep_ in SUBJ] or [s])
                if s.pos_ == "VERB" and s.tag_ == "VBG"] + [s for s in subj if not (s.pos_ == "VERB" and s.tag_ == "VBG")]
        if subj:
            out = []
            for s in subj:
                found = res.np(s)
                if not found and is_event_noun(lex, s) and depth < 6:  # "US Predator attacks killed"
                    found = noun_sources(lex, s, res, depth + 1)
                out += found
            for c in [*subj[0].children, *children]:  # "Like Syria and Iran, Russia ..."
                if c.dep_ == "prep" and c.lower_ == "like":
                    out += [r for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
            return unique(out)
    if tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        # "Fighting between the army and the rebels continued": a gerund named as a thing has the
        # parties of its "between" phrase as its doers
        between = [g for c in children if c.dep_ == "prep" and c.lower_ == "between"
                   for g in c.children if g.dep_ == "pobj"]
        found = [r for g in between for x in [g, *g.conjuncts] for r in res.np(x)]
        if found:
            return unique(found)
    return controller(lex, tok, res, depth)


def controller(lex: Lexicon, tok: Token, res: Resolver, depth: int) -> list[str]:
    dep, head = tok.dep_, tok.head
    if head.i == tok.i:
        return []
    if dep == "conj":
        head_pass = [c for c in head.children if c.dep_ in PASS_SUBJ]
        if head_pass:  # "X was indicted by Y and will resign": X resigns
            return res.np(head_pass[0])
        return verb_sources(lex, head, res, depth + 1)
    if dep == "xcomp":
        raised = [c for c in head.children if c.dep_ in PASS_SUBJ]
        if raised:  # "The U.S. was believed to have deployed ...", "X is expected to attack"
            return res.np(raised[0])
        if head.lemma_.lower() in OBJECT_CONTROL:
            for c in head.children:
                if c.dep_ in OBJ:
                    found = res.np(c)
                    if found:
                        return found
        if head.pos_ in {"NOUN", "PROPN"}:
            return noun_sources(lex, head, res, depth + 1)
        if head.pos_ == "ADJ" and head.head.i != head.i:  # "X is willing to withdraw"
            return verb_sources(lex, head.head, res, depth + 1)
        return verb_sources(lex, head, res, depth + 1)
    if foiled(tok):  # "police foiled a plot to bomb X": the plotters ("their plot", "a plot by Y")
        plot = head if dep == "acl" else next(c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}
                                              and c.lemma_.lower() in PLOTS)
        return noun_sources(lex, plot, res, depth + 1)
    if dep in {"relcl", "acl"}:
        if head.pos_ in {"NOUN", "PROPN"} and is_event_noun(lex, head):
            return noun_sources(lex, head, res, depth + 1)
        found = res.np(head)
        if not found and dep == "acl" and head.dep_ in OBJ and head.head.pos_ in {"VERB", "AUX"}:
            # "issued a declaration demanding ...", "sent a letter urging ...": the issuer
            found = verb_sources(lex, head.head, res, depth + 1)
        return found
    if dep == "pcomp" or (dep == "pobj" and tok.tag_ == "VBG"):
        gov = head.head
        if gov.pos_ in {"VERB", "AUX"}:
            if gov.lemma_.lower() in OBJECT_CONTROL or head.lower_ in {"of", "from"}:
                # "accused X of ...", "X was accused of ...": X acts; unknown X is unknown, never the accuser
                objs = [c for c in gov.children if c.dep_ in OBJ] or [
                    c for c in gov.children if c.dep_ in PASS_SUBJ]
                if objs:
                    return res.np(objs[0])
            return verb_sources(lex, gov, res, depth + 1)
        if head.lower_ in {"of", "from", "in"} and gov.dep_ in OBJ \
                and gov.head.lemma_.lower() in OBJECT_CONTROL:  # "accused the coalition of supporting"
            return res.np(gov)
        verb = gov
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in {"VERB", "AUX"}:
            return verb_sources(lex, verb, res, depth + 1)
        return []
    if dep == "dep" and tok.tag_ == "VBD" and head.tag_ in {"VBD", "VBN"}:
        # "Gunmen linked with the group yesterday attacked ...": a subjectless past verb hung on a
        # participle the parser took for the main verb has that verb's subject
        return verb_sources(lex, head, res, depth + 1)
    if dep == "advcl" and (tok.tag_ in {"VBG", "VBN"} or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        # participle or purpose clause ("sent personnel to investigate ..."): the main subject
        return verb_sources(lex, head, res, depth + 1)
    return []


#: Verbs of speech and reporting ("said", "reported"): what they name is no act of their subject.
REPORTING_WORDS = SPEECH | word_list("events", "reporting_verbs")
#: Types of verbs that speak of, judge or answer an act: its object act is not the subject's own.
VERBAL = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT"})


#: Verbs of greeting: they host people, and judge acts ("welcomed the release of the hostages").
GREETING = frozenset({"welcome", "greet", "salute"})


def judged(lex: Lexicon, verb: Token, noun: Token | None = None) -> bool:
    """``verb`` speaks of, judges or answers what it governs ("condemned the attack", "welcomed the
    ceasefire", "demanded an investigation", "reported clashes"): a verb of
    speech or reporting, or one whose every pattern is a verbal act; light verbs ("launched an attack")
    are none."""
    lemma = verb.lemma_.lower()
    if lemma in lex.light_verbs or lemma == "claim":  # "X claimed the attack": X owns it
        return False
    if lemma in REPORTING_WORDS or lemma in GREETING:
        return True  # "welcomed the release of X": the release is another's act the welcomer judges
    pats = lex.verbs.get(lemma, [])
    if noun is not None:  # only the patterns that take this noun as their object ("dismissed the criticism"
        # is a rejection, whatever "dismissed the mayors" is)
        word = noun.lemma_.lower()
        pats = [p for p in pats if not p.objects or word in p.objects or noun.lower_ in p.objects]
    return bool(pats) and all(plover_of(p.cameo) in VERBAL for p in pats)


def noun_sources(lex: Lexicon, tok: Token, res: Resolver, depth: int = 0,
                 exclude_preps: tuple[str, ...] = ()) -> list[str]:
    out: list[str] = []
    for c in tok.children:
        if c.dep_ == "poss":
            out += res.np(c)
        elif c.dep_ in {"amod", "compound", "nmod"}:
            for m in [c, *c.conjuncts]:
                b = res.backer(m)
                if b is not None:
                    if b[1] in LEADING:  # "a U.S.-led offensive" is the U.S.'s; "a U.S.-backed
                        out.append(b[0])  # campaign" is fought by others the U.S. backs
                else:
                    ref = res.at(m)
                    if ref:
                        out.append(ref)
        elif c.dep_ == "prep" and c.lower_ in {"by", "from"} and c.lower_ not in exclude_preps:
            out += [r for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
        elif c.dep_ == "agent":
            out += [r for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
    if not out and tok.dep_ in OBJ and tok.head.pos_ in {"VERB", "AUX"} and depth < 6 \
            and tok.head.lemma_.lower() not in FOILING:  # "police foiled an attack": not the police's
        verb = tok.head
        by = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
              for g in c.children if g.dep_ == "pobj"]
        if by and verb.lemma_.lower() not in lex.light_verbs:
            # "condemned the offensive by X", "X suffered bombings by Y" (the parser puts "by" on the verb)
            out = [r for g in by for r in res.np(g)]
        elif not undergone(tok) and not repressed(lex, tok) and not judged(lex, verb, tok):
            # "X suffered bombings": X is hit, not the bomber; "X condemned the attack": not X's attack
            out = verb_sources(lex, verb, res, depth + 1)
    if not out and tok.dep_ == "conj" and depth < 6:
        out = noun_sources(lex, tok.head, res, depth + 1)
    claimer = claim_verb(tok)
    if not out and claimer is not None and depth < 6:  # "X claimed responsibility for the bombing": X bombed
        out = verb_sources(lex, claimer, res, depth + 1)
    if not out and tok.dep_ == "pobj" and tok.head.lower_ == "of" and depth < 6 \
            and lemma_in(tok.head.head, CONTAINERS | DURATIONS):  # "began two weeks of war games"
        out = noun_sources(lex, tok.head.head, res, depth + 1)
    if not out and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB" \
            and tok.head.head.lemma_.lower() in GATHER and depth < 6:  # "converged for a rally"
        out = verb_sources(lex, tok.head.head, res, depth + 1)
    return unique(out)


def partakers(lex: Lexicon, tok: Token, res: Resolver) -> list[str]:
    """Who takes part in the act ``tok`` names, as the subject of a verb of taking part ("police and
    gang members engaged in a gunfight", "X took part in the clashes", "X were involved in clashes")."""
    verb = partaking_verb(tok)
    if verb is None:
        return []
    return verb_sources(lex, verb, res, 1) or [r for c in verb.children if c.dep_ in PASS_SUBJ for r in res.np(c)]


#: Verbs of taking part in an act named by a noun ("engaged in a gunfight"): their subject does the act.
PARTAKING = frozenset({"engage", "participate", "involve", "take"})


def partaking_verb(tok: Token) -> Token | None:
    """The verb of taking part whose "in" phrase ``tok`` is ("engaged in", "were involved in", "took part in")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return None
    verb = tok.head.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in PARTAKING:
        return None
    if verb.lemma_.lower() == "take" and not any(c.lower_ == "part" for c in verb.children):
        return None
    return verb


def co_actors(tok: Token, res: Resolver, consumed: set[int]) -> list[str]:
    """"in cooperation with X", "together with X", "along with X": X acts too."""
    out: list[str] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"in"}:
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in JOINT_NOUNS:
                    consumed.add(g.i)
                    out += prep_targets(res, [g], ("with",))
        if c.dep_ == "prep" and c.lower_ in {"alongside"}:
            out += prep_targets(res, [tok], ("alongside",))
        if c.dep_ == "advmod" and c.lower_ in JOINT_ADVERBS:
            out += prep_targets(res, [c], ("with",))
    return unique(out)


def agentless(lex: Lexicon, trig: Token) -> bool:
    """An active verb whose subject is an instrument or an event ("A roadside bombing killed ...")."""
    verb = trig.head if trig.dep_ == "conj" and not any(c.dep_ in SUBJ for c in trig.children) else trig
    for c in verb.children:  # "an explosion killed or wounded 26": the subject of the first verb
        if c.dep_ in SUBJ:
            return c.lemma_.lower() in INSTRUMENTS or projectile(c) or is_event_noun(lex, c)
    if trig.dep_ == "advcl" and trig.tag_ == "VBG" and trig.head.i != trig.i:
        # "a bomb exploded near the market, killing four": the main clause's subject is the means
        return any(c.dep_ in SUBJ and (c.lemma_.lower() in INSTRUMENTS or is_event_noun(lex, c))
                   for c in trig.head.children)
    if headline_participle(trig) and (lemma_in(means := headline_noun(trig), INSTRUMENTS) or projectile(means)):
        return True  # "A bomb detonated near the station": a headline's participle on the means
    # "an attempt to assassinate X (was thwarted)": the attempt's author is unknown
    return trig.dep_ == "acl" and trig.head.lemma_.lower() in ATTEMPTS and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in trig.head.children)
