"""Who: resolve the source and target actors of an event trigger from the dependency parse.

Actors come from the actors stage (``common.actor_at``); outlets (``Actor.media``) are never
event actors. A noun phrase resolves to the actor of its head, else of its modifiers
("ISIS targets", "U.S. and Russian warplanes"), else of an "of" phrase ("the role of Washington",
"numbers of civilians"); coordinated phrases give one id each (compound actor lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Token

from ...model import Article
from ...resources import word_list
from ..common import actor_at

SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj"})
MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
#: "X-led coalition", "X-backed forces": the prefix names the leader or backer.
BACKED = re.compile(r"^(?P<who>.+?)[-\u2010\u2011](?P<how>backed|led|sponsored|supported|funded|armed|allied)$",
                    re.IGNORECASE)
BACKED_WORDS = word_list("events", "backed_words")
#: Heads that stand for a part of what their "of" phrase names ("numbers of civilians").
PARTITIVE = word_list("events", "partitive_heads")
#: Nouns naming an act, whose participle's agent is the act's author ("crimes committed by X").
ACTS = word_list("events", "act_nouns")
#: Pronouns read as the reporting verb's subject when the actors stage leaves them unresolved.
PRONOUNS = word_list("events", "pronouns")


class Resolver:
    """Actor lookups for one article (resolved ids are checked against ``Actor.media``)."""

    def __init__(self, article: Article, seg: int) -> None:
        self.article = article
        self.seg = seg

    # -- single tokens -------------------------------------------------------------------
    def at(self, tok: Token) -> str | None:
        ref = actor_at(self.article, self.seg, tok.i)
        if ref is None:
            return None
        actor = self.article.actor(ref)
        if actor is not None and actor.media:
            return None
        return ref

    def is_media(self, tok: Token) -> bool:
        ref = actor_at(self.article, self.seg, tok.i)
        actor = self.article.actor(ref)
        return bool(actor is not None and actor.media)

    def by_name(self, text: str) -> str | None:
        """An actor of the article one of whose mentions reads ``text`` ("U.S." of "U.S.-led")."""
        t = text.casefold()
        for a in sorted(self.article.actors, key=lambda x: ("." in x.id, x.id)):  # countries first
            if a.media:
                continue
            if a.name.casefold() == t or any(m.text.casefold() == t for m in a.mentions):
                return a.id
        return None

    def backer(self, tok: Token) -> tuple[str, str] | None:
        """(actor id, relation) of an "X-backed"/"X-led" modifier token (one token or "X - backed")."""
        m = BACKED.match(tok.text)
        if not m:
            how = tok.lower_
            if how in BACKED_WORDS and tok.i >= 2 and tok.doc[tok.i - 1].text in {"-", "\u2010", "\u2011"}:
                ref = self.at(tok.doc[tok.i - 2])
                return (ref, how) if ref else None
            return None
        ref = self.by_name(m.group("who"))
        if ref is None:
            ref = self.at(tok)
            actor = self.article.actor(ref)
            if actor is not None and actor.led_by:
                ref = actor.led_by
        return (ref, m.group("how").lower()) if ref else None

    # -- noun phrases --------------------------------------------------------------------
    def np(self, head: Token, depth: int = 0) -> list[str]:
        """Actor ids of the phrase headed by ``head`` and of its coordinated phrases."""
        out: list[str] = []
        for h in [head, *head.conjuncts] if head.dep_ != "conj" else [head]:
            for ref in self._np_one(h, depth):
                if ref not in out:
                    out.append(ref)
        return out

    def _np_one(self, head: Token, depth: int) -> list[str]:
        if head.tag_ in {"WDT", "WP"} or head.lower_ in {"which", "who", "that"}:
            rel = _relative_antecedent(head)
            return self._np_one(rel, depth + 1) if rel is not None and depth < 3 else []
        own = self.at(head)
        if own is not None and self._bound(head, own):
            own = None  # "police fired on them": "them" is never the clause's own subject (binding)
        if own is None and head.lower_ in PRONOUNS and depth < 3:
            return self._antecedent(head, depth) or self._plural_antecedent(head)
        mods: list[str] = []
        for child in head.lefts:
            if child.dep_ not in MODIFIERS:
                continue
            for c in [child, *child.conjuncts]:
                b = self.backer(c)
                if b is not None:
                    continue
                ref = self.at(c)
                if ref is not None and ref == own and (c.pos_ == "PROPN" or c.ent_type_ in {"GPE", "NORP"}):
                    # one mention over "U.S. and Russian warplanes": read the modifier by its name
                    ref = self.by_name(c.text) or ref
                if ref and ref != own and ref not in mods:
                    mods.append(ref)
        if own:
            sector = own.split(".", 1)[1] if "." in own else None
            out = [own]
            # "U.S. and Russian warplanes": a coordinated country modifier takes the head's sector
            coordinated = any(any(c.dep_ == "conj" for c in t.children)
                              for t in head.lefts if t.dep_ in MODIFIERS)
            for m in mods:
                if coordinated and not own.startswith(m):
                    cand = f"{m}.{sector}" if sector and is_country(m) else m
                    if cand not in out:
                        out.append(cand)
            return out
        if head.lemma_.lower() in PARTITIVE or head.lower_ in PARTITIVE or not mods:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ == "of" and depth < 3:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = self.np(pobj, depth + 1)
                            if found:
                                return found
        if mods:
            return mods
        for child in head.lefts:  # "their forces": the possessive pronoun's antecedent
            if child.dep_ == "poss" and child.lower_ in PRONOUNS and self.at(child) is None and depth < 3:
                found = self._antecedent(child, depth)
                if found:
                    return found
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "by" and depth < 3:  # "condemned an attack by X"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.np(pobj, depth + 1)
            if child.dep_ == "appos":
                ref = self.at(child)
                if ref:
                    return [ref]
            if child.dep_ == "acl" and child.tag_ == "VBN" and depth < 3 \
                    and head.lemma_.lower() in ACTS:  # "crimes committed by Croat forces"
                for agent in child.children:
                    if agent.dep_ == "agent":
                        found = [r for g in agent.children if g.dep_ == "pobj" for r in self.np(g, depth + 1)]
                        if found:
                            return found
        return []

    def _antecedent(self, pron: Token, depth: int) -> list[str]:
        """An unresolved pronoun in a reported clause stands for the reporting verb's subject
        ("Bosnian Serbs said their forces had completed ...", "X says it will ...")."""
        node = pron
        for _ in range(10):
            if node.head.i == node.i:
                return []
            if node.dep_ == "ccomp" and node.head.pos_ in {"VERB", "AUX"}:
                subj = [c for c in node.head.children if c.dep_ in SUBJ]
                if subj and subj[0].lower_ not in PRONOUNS:
                    return self.np(subj[0], depth + 1)
                return []
            node = node.head
        return []

    def _bound(self, pron: Token, ref: str) -> bool:
        """``pron`` is an object pronoun ("them", "him", "her") resolved to the subject of its own
        clause, which a non-reflexive pronoun never stands for ("X threatened to fire on them")."""
        if pron.lower_ not in {"them", "him", "her"} or pron.dep_ not in {"pobj", "dobj", "obj", "dative"}:
            return False
        return ref in self._clause_subjects(pron)

    def _clause_subjects(self, pron: Token) -> set[str]:
        """The actors of the subject of ``pron``'s clause (through a controlled "to" clause)."""
        node = pron.head
        for _ in range(8):
            subj = [c for c in node.children if c.dep_ in SUBJ]
            if subj:
                return {r for s in subj if (r := self.at(s)) is not None}
            if node.dep_ not in {"prep", "pobj", "xcomp", "dobj", "advcl", "conj"} or node.head.i == node.i:
                return set()
            node = node.head
        return set()

    def _plural_antecedent(self, pron: Token) -> list[str]:
        """"them" as an object ("threatened to turn water cannon on them", "fired at them") left
        unresolved by the actors stage: the last group named by a plural noun before it, in its own
        sentence or the previous one, other than its clause's subject ("Hundreds of students occupied
        the campus. Police ... on them"; "besieged a campus, trapping 800 students, and threatened
        to fire on them")."""
        if pron.lower_ != "them" or pron.dep_ not in {"pobj", "dobj", "obj"}:
            return []
        here = next((x for x in self.article.segments if x.index == self.seg), None)
        prev = next((x for x in self.article.segments if x.index == self.seg - 1), here)
        if here is None or prev is None:
            return []
        start, end = prev.start, here.start + pron.idx
        subjects = self._clause_subjects(pron)
        best: tuple[int, str] | None = None
        for a in self.article.actors:
            if a.media or a.kind != "group" or a.id in subjects or country_of(self.article, a.id) is None:
                continue  # (a group of no country would give a target no coder can use)
            for m in a.mentions:
                if start <= m.start and m.end <= end and m.via in {None, "ner", "noun"} \
                        and m.text.split()[-1].lower().endswith("s") and (best is None or m.start > best[0]):
                    best = (m.start, a.id)
        return [best[1]] if best is not None else []

    def objects_of(self, prep: Token) -> list[Token]:
        return [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]


def _relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("Iran, which supported ...")."""
    clause = tok.head
    while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i:
        if clause.dep_ in {"ROOT"}:
            return None
        clause = clause.head
    if clause.dep_ in {"relcl", "acl"}:
        return clause.head
    return None


def is_country(ref: str) -> bool:
    """``ref`` is a country's ISO3 code (Kosovo's user-assigned XKX included); "ICC" or "ILO" is none."""
    return len(ref) == 3 and ref.isupper() and ref in iso3_codes()


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes, with XKX for Kosovo."""
    import pycountry

    return frozenset({c.alpha_3 for c in pycountry.countries} | {"XKX"})


def country_of(article: Article, ref: str) -> str | None:
    """ISO3 country of an actor id (the Actor's country, else an id like 'USA' or 'USA.MIL')."""
    actor = article.actor(ref)
    if actor is not None and actor.country:
        return actor.country
    if actor is not None and actor.affiliation and actor.affiliation != ref:
        return country_of(article, actor.affiliation)
    if actor is not None and actor.led_by and actor.led_by != ref:  # "Saudi-led coalition" codes as SAU
        return country_of(article, actor.led_by) or (actor.led_by if is_country(actor.led_by) else None)
    if actor is not None and actor.kind == "organization" and actor.sector in {"IGO", "NGO"}:
        return None  # "ILO", "WFP": an organisation's three-letter id is no country code
    head, _, rest = ref.partition(".")
    if rest and not rest.replace(".", "").isupper():  # "PER.askar_akayev", "ORG.fis": a namespace, no country
        return None
    return head if is_country(head) else None


def uncoded(article: Article, ref: str) -> bool:
    """A generic group with no country or international sector ("NOUN.people")."""
    actor = article.actor(ref)
    return ref.startswith("NOUN.") and country_of(article, ref) is None \
        and not (actor is not None and actor.sector in {"IGO", "NGO"})


def unique(items: Iterable[str | None]) -> list[str]:
    """The non-empty ids of ``items``, each once, in order."""
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def prep_targets(res: Resolver, heads: list[Token], preps: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                objs = [g for g in c.children if g.dep_ == "pobj"]
                for g in objs:
                    out += res.np(g)
                if not objs and not any(g.dep_ == "pcomp" for g in c.children):
                    out += dangling_object(res, c)
    return out


def dangling_object(res: Resolver, prep: Token) -> list[str]:
    """A preposition the parser left without object ("granted asylum to five officers holed up in
    ..." with "officers" parsed as a clause subject): the first actor right after it, before a verb."""
    for t in prep.doc[prep.i + 1: prep.i + 8]:
        if t.pos_ in {"VERB", "AUX", "PUNCT"} or t.dep_ == "prep":
            return []
        ref = res.at(t)
        if ref is not None:
            return [ref]
    return []
