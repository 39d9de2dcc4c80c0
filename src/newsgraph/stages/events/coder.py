"""The event coder: triggers from the lexicon, arguments from the dependency parse.

One event per trigger (verb or event noun) with the source and target *lists* of actors
(PLOVER's compound-actor convention: "U.S. and Russian warplanes conducted airstrikes" is one
ASSAULT with two sources). See docs/events.md for the rules.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...model import Article, Event, Segment
from ...vocab import QUAD_CLASS
from ..common import date_at, date_value, place_at
from .args import OBJ, PASS_SUBJ, SUBJ, Resolver, _is_country, country_of
from .lexicon import Lexicon, NounPattern, VerbPattern, cameo_info, plover_of
from .modality import ANNOUNCE, INTEND, SPEECH, _has_aux, modality_of
from .petrarch_clauses import (
    compound_ok,
    form_ok,
    marked_roles,
    petrarch_filter,
    petrarch_roles,
)
from .phrase import _context_ok, _discarded, _vp_targets
from .place_target import (
    DOMESTIC,
    _country_actor,
    _country_at,
    _domestic_target,
    _place_rule_applies,
    place_targets,
)
from .roles import drop_own, locate_groups, merge_parties, reciprocal
from .syntax import (
    ATTEMPTS,
    DURATIONS,
    GATHER,
    INSTRUMENTS,
    REPORTING,
    STATIVE_PASSIVE,
    _clause_tokens,
    _condition_subjects,
    _dangling_object,
    _descriptive,
    _in_place_phrase,
    _is_passive,
    _lemma_in,
    _misparsed_reporter,
    _noun_clause_anchor,
    _own_complement,
    _prep_targets,
    _protest_purpose,
    _reduced_passive,
    _reported,
    _uncoded,
    _uniq,
)

#: Verbs whose object (not subject) does what the complement says ("urged X to", "accused X of").
OBJECT_CONTROL = frozenset({
    "urge", "ask", "order", "force", "help", "allow", "call", "accuse", "blame", "assist", "encourage",
    "press", "pressure", "persuade", "invite", "tell", "warn", "charge", "condemn", "criticize", "praise",
    "support", "compel", "prevent", "stop", "convince", "request", "require", "enable", "aid",
})
#: Default target prepositions by PLOVER type when the pattern names none.
DEFAULT_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("against", "on", "at"), "CONSULT": ("with", "to"), "COOPERATE": ("with", "to"),
    "PROTEST": ("against",), "THREATEN": ("against", "with"), "COERCE": ("against", "on"),
    "MOBILIZE": ("against", "to", "into"), "SANCTION": ("against", "on", "from"), "AID": ("to", "for"),
    "AGREE": ("with", "to"), "SUPPORT": ("for", "to"), "CONCEDE": ("to",), "RETREAT": ("to", "from"),
    "REQUEST": ("on", "to", "from"), "REJECT": ("from",),
}
#: Intended cooperative actions are coded as the CAMEO 03 "express intent to ..." code (PLOVER AGREE).
INTENT_CODES: dict[str, str] = {
    "CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONCEDE": "035", "RETREAT": "035",
}
THREAT_CODES: dict[str, str] = {"PROTEST": "133", "SANCTION": "131", "COERCE": "132", "ASSAULT": "138"}
REFUSE_CODES: dict[str, str] = {
    "CONSULT": "125", "COOPERATE": "121", "AID": "122", "SUPPORT": "120", "CONCEDE": "124", "RETREAT": "124",
    "AGREE": "120",
}
#: Types never aimed at the source's own state (a bare own-country target is dropped).
NOT_SELF = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "RETREAT", "AID"})
REFUSE = frozenset({"refuse", "decline", "reject", "fail"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "'d", "wo"})
MUST = frozenset({"must", "should"})
SAY_MUST = frozenset({"declare", "insist", "reiterate", "conclude", "repeat", "emphasize", "emphasise",
                      "remind", "demand", "announce", "urge"})
#: Types whose target may sit in a purpose or complement clause.
EMBEDDING = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "PROTEST", "AID"})
EMBEDDED_PREPS = ("against", "with", "to", "on", "at", "from", "for")
MILITARY_NOUNS = frozenset({"troop", "troops", "soldier", "soldiers", "force", "forces", "warship", "warships",
                            "jet", "jets", "tank", "tanks", "battalion", "brigade", "unit", "units", "army",
                            "marine", "marines", "warplane", "warplanes", "reinforcement", "reinforcements"})
#: Object heads that stand for their "of" noun ("a state of emergency", "700 kg of medicine").
CONTAINERS = frozenset({"state", "part", "number", "series", "round", "wave", "set", "return", "entry", "deployment",
                        "delivery", "arrival", "release", "ton", "tonne", "kg", "kilogram", "pound", "shipment",
                        "consignment", "batch", "load", "package", "amount", "quantity", "worth", "lot"})


@dataclass
class Hit:
    """A matched trigger with its arguments."""

    tokens: list[Token]
    cameo: str
    mode: str | None
    rule: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    passive: bool = False
    noun: bool = False
    #: code of the reverse direction (PETRARCH ``[032:033]``: "X arrived in Y" is also Y hosting X)
    reverse: str | None = None
    #: matched by a PETRARCH verb pattern (PETRARCH's clause rules apply, see .petrarch_clauses)
    petrarch: bool = False


class Coder:
    """Codes the parsed segments of an article with one lexicon."""

    def __init__(self, lexicon: Lexicon, max_sentence_chars: int = 2000) -> None:
        self.lex = lexicon
        self.max_sentence_chars = max_sentence_chars

    # -- entry point -----------------------------------------------------------------------
    def code(self, article: Article) -> list[Event]:
        events: list[Event] = []
        stats = article.stats
        for seg in article.segments:
            if not seg.parsed:
                continue
            if seg.end - seg.start > self.max_sentence_chars:
                stats["events_skipped_long_sentences"] = stats.get("events_skipped_long_sentences", 0) + 1
                continue
            events.extend(self.code_segment(article, seg))
        for k, ev in enumerate(events, 1):
            ev.id = f"e{k}"
        return events

    def code_segment(self, article: Article, seg: Segment) -> list[Event]:
        res = Resolver(article, seg.index)
        transparent = frozenset(t.i for t in seg.doc if self._transparent(t, res))
        out: list[Event] = []
        seen: set[tuple[str, tuple[str, ...], tuple[str, ...], int]] = set()
        for hit in _with_reverse(self.hits(article, seg)):
            ev = self._event(article, seg, res, hit, transparent)
            if ev is None:
                continue
            key = (ev.cameo, tuple(ev.source), tuple(ev.target), hit.tokens[0].i)
            if key in seen:
                continue
            seen.add(key)
            out.append(ev)
        return out

    def hits(self, article: Article, seg: Segment) -> list[Hit]:
        """Matched triggers of one parsed segment with their arguments, in text order."""
        doc: Doc = seg.doc
        if self.lex.discards and _discarded(doc, self.lex.discards):
            return []
        res = Resolver(article, seg.index)
        hits: list[Hit] = []
        consumed: set[int] = set()
        for tok in doc:
            if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
                hit = self._verb_hit(tok, res, consumed)
                if hit is not None:
                    hits.append(hit)
        for tok in doc:
            if tok.i in consumed or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            hit = self._noun_hit(tok, res)
            if hit is not None:
                hits.append(hit)
        for tok in doc:
            hit = self._backer_hit(tok, res) or self._must_hit(tok, res)
            if hit is not None:
                hits.append(hit)
        hits = petrarch_filter(doc, hits)  # PETRARCH's clause rules, for PETRARCH patterns' hits only
        return sorted(hits, key=lambda h: h.tokens[0].i)

    def _transparent(self, tok: Token, res: Resolver) -> bool:
        """A reporting verb whose speaker is an outlet or unknown ("..., Newsweek reports")."""
        if tok.lemma_.lower() not in REPORTING and tok.lower_ not in {"according"}:
            return False
        if tok.lower_ == "according":
            return True
        subj = [c for c in tok.children if c.dep_ in SUBJ]
        if not subj:
            return True
        return any(res.is_media(x) for s in subj for x in (s, *s.conjuncts)) or not res.np(subj[0])

    # -- verbs -----------------------------------------------------------------------------
    def _verb_hit(self, tok: Token, res: Resolver, consumed: set[int]) -> Hit | None:
        if tok.dep_ in {"amod", "aux", "auxpass", "compound"} or _descriptive(tok):
            return None
        pats = self.lex.verbs.get(tok.lemma_.lower()) or self.lex.verbs.get(tok.lower_)
        form = self.lex.verbs.get(tok.lower_) if tok.lower_ != tok.lemma_.lower() else None
        if form and any(p.vp_target for p in form):  # a PETRARCH entry for this very form ("LEFT")
            pats = form
        if not pats:
            return None
        children = list(tok.children)
        passive = _is_passive(tok)
        particles = {c.lower_ for c in children if c.dep_ in {"prt", "prep", "advmod"}
                     or (c.dep_ == "dative" and c.pos_ == "ADP")}  # "providing photographs ... to X"
        objs = [c for c in children if c.dep_ in OBJ and not _misparsed_reporter(c)]
        datives = [c for c in children if c.dep_ == "dative"]  # "give Tanzania a grant"
        if passive:
            objs += [c for c in children if c.dep_ in PASS_SUBJ] or ([tok.head] if _reduced_passive(tok) else [])
            if tok.dep_ == "conj" and not objs:  # "was convicted and sentenced": shared passive subject
                objs += [c for c in tok.head.children if c.dep_ in PASS_SUBJ]
        best: tuple[tuple[int, int, int, int], VerbPattern, Token | None] | None = None
        for p in pats:
            if p.particle and p.particle not in particles:
                continue
            if p.needs_object and not objs:
                continue
            if p.needs_actor_object and not any(res.np(o) for o in objs):
                continue
            theme: Token | None = None
            by_compound = 0
            if p.objects:
                cands = list(objs)
                for o in objs:  # "lifted a state of emergency": the "of" noun of a container head
                    if o.lemma_.lower() in CONTAINERS:
                        cands += [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for g in c.children if g.dep_ == "pobj"]
                for c in children:
                    if c.dep_ == "prep" and (p.particle is None or c.lower_ == p.particle):
                        cands += [g for g in c.children if g.dep_ == "pobj"]
                    if c.dep_ == "xcomp":  # "go on strike"
                        cands.append(c)
                theme = next((c for c in cands if _lemma_in(c, p.objects)), None)
                if theme is None:  # "violated the ceasefire agreement": the compound names what it is
                    theme = next((c for c in cands if any(g.dep_ == "compound" and _lemma_in(g, p.objects)
                                                          for g in c.children)), None)
                    by_compound = 1
                if theme is None:
                    continue
            if (p.context or p.pre_context) and not _context_ok(tok, p.context, p.pre_context):
                continue
            if p.vp_target and not (form_ok(p, tok) and compound_ok(p, tok)):  # PETRARCH: word forms, "%"
                continue
            # among equally specific patterns, one whose target preposition is present wins, and an
            # unmarked one beats one whose prepositions are absent ("protested to X" / "protested in Y")
            prep_fit = 0 if not p.preps else (1 if particles & set(p.preps) else -1)
            score = (p.specificity, prep_fit, p.priority, by_compound)
            if best is None or score > best[0]:
                best = (score, p, theme)
        if best is None:
            return None
        _score, pat, theme = best
        cameo = pat.cameo
        plover = plover_of(cameo) or ""
        hit = Hit([tok], cameo, pat.mode, pat.rule, passive=passive, reverse=pat.reverse, petrarch=pat.vp_target)
        if theme is not None:
            consumed.add(theme.i)
            consumed.update(c.i for c in theme.conjuncts)
        # -- source
        hit.source = self.verb_sources(tok, res)
        hit.source += [r for r in self._co_actors(tok, res, consumed) if r not in hit.source]
        # -- target
        targets: list[str] = []
        if pat.vp_target:  # PETRARCH's roles: see .petrarch_clauses.petrarch_roles
            hit.source, targets = petrarch_roles(tok, pat, res, hit.source, objs, passive)
        elif not pat.notarget:
            preps = pat.preps or DEFAULT_PREPS.get(plover, ())
            if plover == "ACCUSE":  # "complained to the UN over Israeli air raids": the accused, not the addressee
                for c in children:
                    if c.dep_ == "prep" and c.lower_ in {"over", "about", "against"}:
                        for g in c.children:
                            if g.dep_ == "pobj":
                                targets += res.np(g) or (self.noun_sources(g, res) if self._is_event_noun(g) else [])
            for d in datives:
                if d.pos_ == "ADP":  # "to X" parsed as a dative
                    targets += [r for g in d.children if g.dep_ == "pobj" for r in res.np(g)] \
                        or _dangling_object(res, d)
                else:
                    targets += res.np(d)
            if theme is not None:
                if theme.dep_ == "pobj":  # "called into question the role of X": object is the target
                    for o in objs:
                        targets += res.np(o)
                if plover == "REQUEST" and self._is_event_noun(theme):  # "demanded the withdrawal of X's forces"
                    targets += [r for c in theme.children if c.dep_ == "prep" and c.lower_ == "of"
                                for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
                if not targets:  # (not the theme itself: "contribute troops to a force" is no troops -> troops)
                    targets += [r for r in _prep_targets(res, [tok, theme], preps) if r not in res.np(theme)]
                if not targets and plover != "MOBILIZE":  # "rejected Iraq's proposal": the owner
                    own = {country_of(res.article, r) for r in hit.source} - {None}
                    # "contribute (its) troops to ...": the source's own troops are no target
                    targets += [r for r in res.np(theme) if country_of(res.article, r) not in own]
            else:
                if plover != "MOBILIZE" and not (targets and any(d.pos_ == "ADP" for d in datives)):
                    for o in objs:  # (with a recipient "to X", the object is what is given)
                        found = res.np(o)
                        if not found and self._is_event_noun(o):  # "condemned the attack by X"
                            found = self.noun_sources(o, res)
                        if not found and plover in {"ASSAULT", "COERCE"}:  # "attacked a camp for refugees"
                            found = [r for c in o.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}
                                     for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
                        targets += found
                # "offered its troops to X": an object owned by the source is no target
                targets = [t for t in targets if t not in hit.source]
                if not targets:  # "lift the curfew on Palestinians", "sent arms to Pakistan"
                    targets += _prep_targets(res, [tok, *objs], preps)
                if not targets and not objs:  # "donated and delivered goods to X": shared object and recipient
                    shared = [c for c in children if c.dep_ == "conj" and c.pos_ == "VERB"
                              and not any(g.dep_ in SUBJ for g in c.children)]
                    shared_objs = [g for c in shared for g in c.children if g.dep_ in OBJ]
                    if shared_objs:
                        targets += _prep_targets(res, [*shared, *shared_objs], preps)
            if not pat.vp_target:
                if not targets and plover == "REQUEST":
                    targets += self._complement_targets(tok, res)
                if not targets and plover in EMBEDDING:
                    targets += self._embedded_targets(tok, res)
                if not targets and plover == "THREATEN":  # "threatened retaliation if the U.S. imposed ..."
                    targets += _condition_subjects(tok, res)
                if not targets and plover == "PROTEST":  # "... in protest against X's decision"
                    targets += self._protest_object(tok, res)
                if not targets and plover == "MOBILIZE":  # "mobilized reservists for a war against X"
                    targets += [r for h in [tok, *objs] for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                                for g in c.children if g.dep_ == "pobj" and self._is_event_noun(g)
                                for r in _prep_targets(res, [g], ("against", "on", "with"))]
                if not targets and plover in {"THREATEN", "AGREE"}:
                    # "threatened to resume attacks in Israel", "agreed to set up a centre in Tokyo":
                    # the place of the threatened or agreed act
                    for c in children:
                        if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB":
                            objs_c = [g for g in c.children if g.dep_ in OBJ]
                            targets += place_targets(res, [c, *objs_c], "COERCE", "170")
            if not pat.vp_target:  # "reneged on his commitment to X": the source's own phrase is no target
                targets = [t for t in targets if t not in hit.source]
            if not targets and (pat.vp_target or plover != "MOBILIZE") \
                    and (pat.vp_target or not _own_complement(tok, res, hit.source)):
                targets += _vp_targets(tok, res, set(hit.source) | set(res.np(theme) if theme is not None else []))
        if pat.post_source >= 0 or pat.post_target >= 0 or pat.pre_target:
            targets = marked_roles(tok, pat, res, hit, targets)
        hit.target = _uniq(t for t in targets if t not in hit.source)
        if not hit.target and hit.source and not pat.notarget and not pat.vp_target:
            hit.target = [t for t in place_targets(res, [tok, *objs], plover, cameo) if t not in hit.source]
        if plover == "MOBILIZE":
            # "The U.S. deployed troops": a state moving troops is its military
            moved = [theme] if theme is not None else objs
            if any(_lemma_in(o, MILITARY_NOUNS) for o in moved):
                hit.source = [f"{s}.MIL" if _is_country(s) else s for s in hit.source]
        return hit

    def verb_sources(self, tok: Token, res: Resolver, depth: int = 0) -> list[str]:
        """Who does what ``tok`` says: subject, passive agent, or the controlling phrase."""
        if depth > 6:
            return []
        children = list(tok.children)
        passive = _is_passive(tok)
        if passive:
            out: list[str] = []
            agents = [c for c in children if c.dep_ == "agent"]
            if not agents:  # "was condemned and sanctioned by France": the agent is shared
                for v in tok.conjuncts:
                    if _is_passive(v) or v.tag_ == "VBN":
                        agents += [c for c in v.children if c.dep_ == "agent"]
            for c in agents:
                for g in c.children:
                    if g.dep_ == "pobj":
                        out += res.np(g)
            if not agents and tok.lemma_.lower() in STATIVE_PASSIVE:  # "Vietnam is committed to", "X is opposed to"
                out += [r for c in children if c.dep_ in PASS_SUBJ for r in res.np(c)]
            return _uniq(out)
        else:
            subj = [c for c in children if c.dep_ in SUBJ]
            # "The Red Cross working in Yemen said": a participle parsed as the subject stands for its own
            subj = [g for s in subj for g in ([x for x in s.children if x.dep_ in SUBJ] or [s])
                    if s.pos_ == "VERB" and s.tag_ == "VBG"] + [s for s in subj if not (s.pos_ == "VERB" and s.tag_ == "VBG")]
            if subj:
                out = []
                for s in subj:
                    found = res.np(s)
                    if not found and self._is_event_noun(s) and depth < 6:  # "US Predator attacks killed"
                        found = self.noun_sources(s, res, depth + 1)
                    out += found
                for c in [*subj[0].children, *children]:  # "Like Syria and Iran, Russia ..."
                    if c.dep_ == "prep" and c.lower_ == "like":
                        out += [r for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
                return _uniq(out)
        return self._controller(tok, res, depth)

    def _controller(self, tok: Token, res: Resolver, depth: int) -> list[str]:
        dep, head = tok.dep_, tok.head
        if head.i == tok.i:
            return []
        if dep == "conj":
            head_pass = [c for c in head.children if c.dep_ in PASS_SUBJ]
            if head_pass:  # "X was indicted by Y and will resign": X resigns
                return res.np(head_pass[0])
            return self.verb_sources(head, res, depth + 1)
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
                return self.noun_sources(head, res, depth + 1)
            if head.pos_ == "ADJ" and head.head.i != head.i:  # "X is willing to withdraw"
                return self.verb_sources(head.head, res, depth + 1)
            return self.verb_sources(head, res, depth + 1)
        if dep in {"relcl", "acl"}:
            if head.pos_ in {"NOUN", "PROPN"} and self._is_event_noun(head):
                return self.noun_sources(head, res, depth + 1)
            found = res.np(head)
            if not found and dep == "acl" and head.dep_ in OBJ and head.head.pos_ in {"VERB", "AUX"}:
                # "issued a declaration demanding ...", "sent a letter urging ...": the issuer
                found = self.verb_sources(head.head, res, depth + 1)
            return found
        if dep == "pcomp" or (dep == "pobj" and tok.tag_ == "VBG"):
            gov = head.head
            if gov.pos_ in {"VERB", "AUX"}:
                if gov.lemma_.lower() in OBJECT_CONTROL or head.lower_ in {"of", "from"}:
                    objs = [c for c in gov.children if c.dep_ in OBJ]
                    if objs:  # "accused X of ...": X acts; unknown X is unknown, never the accuser
                        return res.np(objs[0])
                return self.verb_sources(gov, res, depth + 1)
            if head.lower_ in {"of", "from", "in"} and gov.dep_ in OBJ \
                    and gov.head.lemma_.lower() in OBJECT_CONTROL:  # "accused the coalition of supporting"
                return res.np(gov)
            verb = gov
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ in {"VERB", "AUX"}:
                return self.verb_sources(verb, res, depth + 1)
            return []
        if dep == "advcl" and (tok.tag_ in {"VBG", "VBN"} or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            # participle or purpose clause ("sent personnel to investigate ..."): the main subject
            return self.verb_sources(head, res, depth + 1)
        return []

    def _co_actors(self, tok: Token, res: Resolver, consumed: set[int]) -> list[str]:
        """"in cooperation with X", "together with X", "along with X": X acts too."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"in"}:
                for g in c.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() in {"cooperation", "coordination", "partnership",
                                                                   "conjunction", "concert"}:
                        consumed.add(g.i)
                        out += _prep_targets(res, [g], ("with",))
            if c.dep_ == "prep" and c.lower_ in {"alongside"}:
                out += _prep_targets(res, [tok], ("alongside",))
            if c.dep_ == "advmod" and c.lower_ in {"together", "along", "jointly"}:
                out += _prep_targets(res, [c], ("with",))
        return _uniq(out)

    def _protest_object(self, tok: Token, res: Resolver) -> list[str]:
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
                                    out += res.np(g) or self.noun_sources(g, res)
        return out

    def _embedded_targets(self, tok: Token, res: Resolver) -> list[str]:
        """Target of a threat, demand or protest read from its purpose or complement clause
        ("threatened to break off relations with Congo", "strike to protest against X's decision")."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ not in {"xcomp", "advcl", "ccomp"} or c.pos_ not in {"VERB", "AUX"}:
                continue
            # "sent material to help defend X": one level further down a bare helper verb
            clauses = [c, *[g for g in c.children if g.dep_ in {"xcomp", "ccomp"} and g.pos_ == "VERB"
                            and c.lemma_.lower() in {"help", "try", "seek", "continue", "begin", "start"}]]
            for cl in clauses:
                objs = [g for g in cl.children if g.dep_ in OBJ | {"dative"}]
                if any(plover_of(p.cameo) == "MOBILIZE" for p in self.lex.verbs.get(cl.lemma_.lower(), [])):
                    # "refused to deploy troops in Iraq": the troops moved are no target, the place is
                    out += place_targets(res, [cl, *objs], "MOBILIZE", "150")
                    objs = []
                for o in objs:
                    out += res.np(o)
                out += _prep_targets(res, [cl, *objs], EMBEDDED_PREPS)
                if out:
                    return out
        return out

    def _complement_targets(self, tok: Token, res: Resolver) -> list[str]:
        """The object of what is demanded ("calls ... to expel U.S. forces")."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ in {"ccomp", "acl"}:  # "demanding that President X abandon ...", "its demand that X ..."
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

    # -- nouns -----------------------------------------------------------------------------
    def _is_event_noun(self, tok: Token) -> bool:
        return (tok.lemma_.lower() in self.lex.nouns) or (tok.lower_ in self.lex.nouns)

    def _noun_pattern(self, tok: Token) -> NounPattern | None:
        pats = self.lex.nouns.get(tok.lower_) or self.lex.nouns.get(tok.lemma_.lower())
        if not pats:
            return None
        compounds = {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
        compounds |= {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
        with_comp = [p for p in pats if p.compound and p.compound in compounds]
        if with_comp:
            return with_comp[0]
        plain = [p for p in pats if not p.compound]
        return plain[0] if plain else None

    def _noun_hit(self, tok: Token, res: Resolver) -> Hit | None:
        if tok.dep_ == "compound" and (self._is_event_noun(tok.head) or res.at(tok.head) is not None):
            return None  # "war crimes", "border patrol agents": a modifier naming a kind, not an event
        pat = self._noun_pattern(tok)
        if pat is None:
            return None
        plover = plover_of(pat.cameo) or ""
        toks = [tok]
        if pat.compound:
            toks = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}
                    and pat.compound in {c.lemma_.lower(), c.lower_}][:1] + [tok]
        hit = Hit(toks, pat.cameo, pat.mode, pat.rule, noun=True)
        preps = pat.preps or DEFAULT_PREPS.get(plover, ("against", "on"))
        hit.source = self.noun_sources(tok, res, exclude_preps=preps)
        if pat.cameo.startswith("150") and len({country_of(res.article, r) for r in hit.source} - {None}) > 1:
            # "French and Egyptian warships launched war games": exercises of several states are joint
            hit.cameo, hit.rule, plover = "062", f"{pat.rule} (joint)", "COOPERATE"
        targets = _prep_targets(res, [tok], preps)
        if not targets and tok.dep_ in OBJ and tok.head.lemma_.lower() not in self.lex.light_verbs \
                and tok.head.pos_ in {"VERB", "AUX"}:  # "condemned the offensive (by X) against Y"
            targets = _prep_targets(res, [tok.head], tuple(p for p in preps if p != "with"))
        if not targets and plover == "REQUEST" and tok.dep_ in OBJ:  # "reiterated its demand (today) that X ..."
            targets = [r for c in tok.head.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)
                       for g in c.children if g.dep_ in SUBJ | PASS_SUBJ for r in res.np(g)]
        if not targets:  # "offensive by X and their allies against Y": the prep may attach lower
            phrase = [t for t in _clause_tokens(tok) if t.i != tok.i and t.dep_ not in {"prep"}]
            targets = _prep_targets(res, phrase, preps)
        if not targets:
            targets = self._complement_targets(tok, res)
        if not targets and plover in EMBEDDING and tok.dep_ in OBJ:  # "began a hunger strike to protest ..."
            targets = self._embedded_targets(tok.head, res)
        if not targets and plover == "PROTEST":  # "staged a hunger strike in protest against X"
            targets = self._protest_object(tok, res)
        hit.target = _uniq(t for t in targets if t not in hit.source)
        if not hit.target and hit.source and not pat.needs_target:  # "the visit to Germany"
            heads = [tok, tok.head] if tok.dep_ in OBJ and tok.head.pos_ in {"VERB", "AUX"} else [tok]
            hit.target = [t for t in place_targets(res, heads, plover, pat.cameo, own=tok) if t not in hit.source]
        if pat.needs_target and not hit.target and not _protest_purpose(tok):
            return None
        return hit

    def noun_sources(self, tok: Token, res: Resolver, depth: int = 0,
                     exclude_preps: tuple[str, ...] = ()) -> list[str]:
        out: list[str] = []
        for c in tok.children:
            if c.dep_ == "poss":
                out += res.np(c)
            elif c.dep_ in {"amod", "compound", "nmod"}:
                for m in [c, *c.conjuncts]:
                    b = res.backer(m)
                    if b is not None:
                        out.append(b[0])
                    else:
                        ref = res.at(m)
                        if ref:
                            out.append(ref)
            elif c.dep_ == "prep" and c.lower_ in {"by", "from"} and c.lower_ not in exclude_preps:
                out += [r for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
            elif c.dep_ == "agent":
                out += [r for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
        if not out and tok.dep_ in OBJ and tok.head.pos_ in {"VERB", "AUX"} and depth < 6:
            verb = tok.head
            by = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"]
            if by and verb.lemma_.lower() not in self.lex.light_verbs:
                out = [r for g in by for r in res.np(g)]  # "condemned the offensive by X" (by on the verb)
            else:
                out = self.verb_sources(verb, res, depth + 1)
        if not out and tok.dep_ == "conj" and depth < 6:
            out = self.noun_sources(tok.head, res, depth + 1)
        if not out and tok.dep_ == "pobj" and tok.head.lower_ == "of" and depth < 6 \
                and _lemma_in(tok.head.head, CONTAINERS | DURATIONS):  # "began two weeks of war games"
            out = self.noun_sources(tok.head.head, res, depth + 1)
        if not out and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB" \
                and tok.head.head.lemma_.lower() in GATHER and depth < 6:  # "converged for a rally"
            out = self.verb_sources(tok.head.head, res, depth + 1)
        return _uniq(out)

    def _backer_hit(self, tok: Token, res: Resolver) -> Hit | None:
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

    def _must_hit(self, tok: Token, res: Resolver) -> Hit | None:
        """"X said (that) Y must/should do Z": X demands of Y (CAMEO 10 DEMAND)."""
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in SPEECH | SAY_MUST:
            return None
        if not any(c.dep_ == "aux" and c.lower_ in MUST for c in tok.children):
            return None
        speaker = self.verb_sources(tok.head, res)
        subj = [c for c in tok.children if c.dep_ in SUBJ | PASS_SUBJ]
        target = [r for s in subj for r in res.np(s) if r not in speaker]
        if not speaker or not target:
            return None
        return Hit([tok.head], "100", None, "clause:100:X said Y must", speaker, target)

    # -- assembling ------------------------------------------------------------------------
    def _event(self, article: Article, seg: Segment, res: Resolver, hit: Hit,
               transparent: frozenset[int]) -> Event | None:
        info = cameo_info(hit.cameo)
        plover = plover_of(hit.cameo)
        if info is None or plover is None:
            article.stats["events_unmapped_code"] = article.stats.get("events_unmapped_code", 0) + 1
            return None
        if not hit.source and not hit.target:
            return None
        if not hit.source and not (hit.passive or hit.noun or _agentless(hit.tokens[-1], self)):
            article.stats["events_dropped_no_source"] = article.stats.get("events_dropped_no_source", 0) + 1
            return None
        trig = hit.tokens[-1]
        mod = modality_of(trig if not hit.noun else _noun_clause_anchor(trig), transparent)
        modality = mod.modality
        alleged_by: str | None = None
        future = _has_aux(trig, FUTURE) or trig.head.lemma_.lower() in INTEND
        if mod.by_token is not None and modality in {"alleged", "announced", "negated"}:
            speakers = self.verb_sources(mod.by_token, res)
            by_lemma = mod.by_token.lemma_.lower()
            if modality in {"alleged", "announced"} and by_lemma in SPEECH | ANNOUNCE \
                    and self._same_side(article, speakers, hit.source):
                # an actor (or its official) stating its own action: announced, or intended if future
                modality = "intended" if future else "announced"
            elif modality == "alleged":
                alleged_by = speakers[0] if speakers else None
            refusal = by_lemma in REFUSE
        else:
            refusal = False
        hedged = mod.hedged
        cameo, mode = hit.cameo, hit.mode or info.mode
        planned = modality == "intended" or (
            modality in {"alleged", "announced"} and _has_aux(trig, FUTURE - {"would", "'d"}))
        marks = {m.lower_ for c in trig.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
        # "will withdraw unless X ..." is a threat; "would meet him if he ..." a conditional offer
        conditional = "unless" in marks or ("if" in marks and plover not in {*INTENT_CODES, "AGREE"})
        if (modality == "hypothetical" or _has_aux(trig, frozenset({"may", "might", "could", "would"}))) \
                and marks & {"if", "unless"} and plover in THREAT_CODES and not hit.noun and _reported(trig):
            planned = True  # "X may halt mediation if cooperation founders, an official said": a threat
        threat = modality == "intended" and mod.by_token is not None \
            and mod.by_token.lemma_.lower() in {"threaten", "warn"}
        if threat and not hit.noun and plover not in {"THREATEN", "MOBILIZE"}:
            # "threatened to withdraw / to cut aid": a threat (CAMEO 13), whatever is threatened
            cameo, plover, mode = THREAT_CODES.get(plover, "130"), "THREATEN", None
        elif planned and conditional and not hit.noun and plover not in {"THREATEN", "MOBILIZE"}:
            # "will withdraw its force unless X ...": a conditional plan is a threat (CAMEO 13)
            cameo, plover, mode = THREAT_CODES.get(plover, "130"), "THREATEN", None
        elif planned and plover in INTENT_CODES and (not hit.noun or _noun_clause_anchor(trig) is not trig):
            # CAMEO 03: "express intent to" cooperate, aid, yield, meet = PLOVER AGREE
            cameo, plover, mode = INTENT_CODES[plover], "AGREE", None
        elif planned and plover in THREAT_CODES and not hit.noun:
            # CAMEO 13: a stated intention to act against a target = THREATEN
            cameo, plover, mode = THREAT_CODES[plover], "THREATEN", None
        elif modality == "negated" and plover in REFUSE_CODES and (refusal or future):
            # CAMEO 12: refusing to cooperate, meet, yield ("will not accept", "refused to meet") = REJECT
            cameo, plover, mode, modality = REFUSE_CODES[plover], "REJECT", None, "asserted"
        info = cameo_info(cameo) or info
        s, e = seg.char_span(min(t.i for t in hit.tokens), max(t.i for t in hit.tokens) + 1)
        place, date, place_tok = self._where_when(article, seg, hit, mod.by_token)
        named = target = hit.target if hit.petrarch else \
            locate_groups(article, seg, res, drop_own(article, hit.source, hit.target), hit.source)
        source = hit.source if hit.petrarch else locate_groups(article, seg, res, hit.source, named)
        base = plover_of(hit.cameo) or plover  # the act's own type before an intent/threat recoding
        place_rule = _place_rule_applies(plover, cameo) or _place_rule_applies(base, hit.cameo)
        if target and place_rule and all(_uncoded(article, t) for t in target):
            target = []  # "killed 23 people in Tel Aviv": an uncoded group gives way to the place's state
        if not target and source and place_tok is not None and place_rule:
            # the place-as-target rule over the clause's locative phrase ("protesters rallied in Cairo")
            cc = _country_at(res, place_tok)
            if cc is not None and cc not in source:
                target = [_country_actor(article, cc, place_tok, seg.index)]
        domestic = plover in DOMESTIC or base in DOMESTIC  # also "threatened to impose a curfew"
        if target and domestic and all(_uncoded(article, t) for t in target):
            target = []  # "police prevented a demonstration by students": coded against the state
        if not target and domestic:
            target = _domestic_target(article, seg, source)
        target = target or named
        if target and plover in NOT_SELF:
            # "promised to democratize Serbia", "surrendered in Soroti": a cooperative act aimed at
            # the source's own state is no target (domestic targets are for PROTEST, COERCE ...)
            own = {country_of(article, r) for r in source}
            target = [t for t in target if t in source or not (_is_country(t) and t in own)]
        if source and target and reciprocal(plover, cameo, trig, hit.petrarch):
            source, target = merge_parties(source, target), []  # "X met Y": both are actors (PLOVER)
        return Event(
            id="", plover=plover, mode=mode, cameo=cameo,  # type: ignore[arg-type]
            source=source, target=target, modality=modality,  # type: ignore[arg-type]
            alleged_by=alleged_by, place=place, date=date_value(article, date),
            evidence=article.span(seg.start, seg.end), rule=hit.rule, trigger=article.span(s, e),
            goldstein=info.goldstein, quad_class=QUAD_CLASS.get(plover), hedged=hedged, sentence=seg.index,
        )

    @staticmethod
    def _same_side(article: Article, speakers: list[str], sources: list[str]) -> bool:
        """Speaker and actor are the same actor or of the same country (an official for its state)."""
        if not speakers or not sources:
            return False
        if set(speakers) & set(sources):
            return True
        sc = {country_of(article, r) for r in speakers} - {None}
        return bool(sc & {country_of(article, r) for r in sources})

    def _where_when(self, article: Article, seg: Segment, hit: Hit,
                    governor: Token | None) -> tuple[str | None, str | None, Token | None]:
        """Place and date stated in the trigger's clause (not in embedded clauses)."""
        trig = hit.tokens[-1]
        region = _clause_tokens(trig)
        anchors = {trig.i}
        if hit.noun and trig.head.pos_ in {"VERB", "AUX"}:
            anchors.add(trig.head.i)
            for c in trig.head.children:
                if c.dep_ in {"prep", "npadvmod"}:
                    region += _clause_tokens(c)
        place = date = None
        place_tok: Token | None = None
        for t in sorted(region, key=lambda x: x.i):
            if place is None and _in_place_phrase(t, anchors):
                place = place_at(article, seg.index, t.i)
                place_tok = t if place is not None else None
            if date is None:
                date = date_at(article, seg.index, t.i)
        when = [t for c in trig.children if c.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and m.lower_
                in {"when", "as", "while"} for m in c.children) for t in _clause_tokens(c)]
        for t in sorted(when, key=lambda x: x.i) if place is None else []:  # "killed X when they blew up in Y"
            if _in_place_phrase(t, anchors) and (place := place_at(article, seg.index, t.i)) is not None:
                place_tok = t
                break
        if date is None and governor is not None:
            for t in _clause_tokens(governor):
                date = date_at(article, seg.index, t.i)
                if date:
                    break
        return place, date, place_tok


def _agentless(trig: Token, coder: Coder) -> bool:
    """An active verb whose subject is an instrument or an event ("A roadside bombing killed ...")."""
    for c in trig.children:
        if c.dep_ in SUBJ:
            return c.lemma_.lower() in INSTRUMENTS or coder._is_event_noun(c)
    # "an attempt to assassinate X (was thwarted)": the attempt's author is unknown
    return trig.dep_ == "acl" and trig.head.lemma_.lower() in ATTEMPTS and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in trig.head.children)


def _with_reverse(hits: list[Hit]) -> list[Hit]:
    """Hits plus, for a pattern with a reverse code, the target -> source hit."""
    out: list[Hit] = []
    for h in hits:
        out.append(h)
        if h.reverse and h.source and h.target:
            out.append(dataclasses.replace(h, cameo=h.reverse, source=list(h.target), target=list(h.source),
                                           reverse=None))
    return out
