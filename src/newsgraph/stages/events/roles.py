"""Role conventions applied after the arguments are found (docs/events.md, Arguments):

- **Reciprocal events** (PLOVER manual, "Compound and Reciprocal Actors" and CONSULT: "where there is
  no clear distinction between whether an entity is hosting or visiting, all participants are coded
  in the actor field"; ASSAULT: "where the violence is two-sided, all participants are coded in the
  actor field"): a meeting, a telephone call or talks (CONSULT other than a visit, a hosting or a
  mediation) and a clash list every party as a source and have no target.
- **Own targets**: the source itself, or a body affiliated to a source organisation, is no target of
  the source's event.
- **Located groups**: a generic group with no country ("refugees fleeing the war in Liberia",
  "all sides in the war in Yemen") stands for the country of a place named in its own phrase.
- **Implied authors**: an agentless passive arrest or detention is the police's, a passive sentence
  or conviction the judiciary's, of the article's one country ("X was arrested", "X was sentenced
  to five years").
- **Named doers**: the subject of an attack that is a proper name no dictionary knows and the NER
  labels as nothing ("Dahalo attacked a village") is an armed group of that name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from spacy.tokens import Token

from ...model import Actor, Article, Mention, Segment
from ...resources import word_list
from .args import Resolver, country_of, uncoded
from .place_target import country_actor, country_at
from .syntax import ANIMALS

#: CONSULT codes with a host/visitor or mediator/party distinction: directed (042 visit, 043 host,
#: 045 mediate).
DIRECTED_CONSULT = ("042", "043", "045")
#: Triggers of violence that is two-sided by its very meaning (PLOVER ASSAULT: all participants are
#: actors); "X battled / fought Y" keeps X as the actor and Y as the recipient.
TWO_SIDED = word_list("events", "two_sided")
#: Prepositions locating a group ("refugees in Liberia", "Albanians from Kosovo").
GROUP_PLACE_PREPS = word_list("events", "group_place_preps")


def reciprocal(plover: str, cameo: str, trigger: Token, petrarch: bool) -> bool:
    """The event is reciprocal: every party is a source, none is a target. PETRARCH dictionary
    patterns keep PETRARCH's directed coding."""
    if petrarch:
        return False
    if plover == "CONSULT":
        return not cameo.startswith(DIRECTED_CONSULT)
    return plover == "ASSAULT" and trigger.lemma_.lower() in TWO_SIDED


def merge_parties(source: list[str], target: list[str]) -> list[str]:
    """Sources followed by the targets, each once."""
    out: list[str] = []
    for r in [*source, *target]:
        if r not in out:
            out.append(r)
    return out


def drop_own(article: Article, source: list[str], target: list[str]) -> list[str]:
    """``target`` without the sources themselves and the bodies of a source organisation
    (an actor whose affiliation is a source)."""
    own = set(source)
    out: list[str] = []
    for t in target:
        actor = article.actor(t)
        if t in own or (actor is not None and actor.affiliation in own):
            continue
        out.append(t)
    return out


def locate_groups(article: Article, seg: Segment, res: Resolver, refs: list[str],
                  exclude: list[str]) -> list[str]:
    """``refs`` with every generic group that a place in its own phrase locates replaced by that
    place's country (a country in ``exclude``, the other side of the event, is not used)."""
    if seg.doc is None or not any(uncoded(article, r) for r in refs):
        return refs
    out: list[str] = []
    for r in refs:
        cc = _group_country(res, seg, r) if uncoded(article, r) else None
        ref = cc if cc is not None and cc not in exclude else r
        if ref not in out:
            out.append(ref)
    return out


def _group_country(res: Resolver, seg: Segment, ref: str) -> str | None:
    doc = seg.doc
    heads = [t for t in doc if res.at(t) == ref and res.at(t.head) != ref]
    for head in heads[:2]:
        for t in head.subtree:
            if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.lower_ not in GROUP_PLACE_PREPS:
                continue
            for w in sorted([t, *[c for c in t.children if c.dep_ in {"compound", "amod", "nmod"}]],
                            key=lambda x: x.i):
                cc = country_at(res, w)
                if cc is not None:
                    return country_actor(res.article, cc, w, seg.index)
    return None


#: Types whose generic perpetrator ("gunmen", "a mob") is located in the country where it acts.
LOCATED_ACTS = frozenset({"ASSAULT", "COERCE", "PROTEST", "THREATEN", "MOBILIZE"})


def locate_perpetrators(article: Article, seg: Segment, plover: str | None, refs: list[str],
                        place: str | None) -> list[str]:
    """A generic group with a sector but no country ("gunmen": UAF, "a mob": CVL) that attacks,
    coerces or protests is of the country where it acts: the event's place's country, else the one
    country the article names (none when it names several). Its id becomes ``<country>.<sector>``."""
    if plover not in LOCATED_ACTS or not any(uncoded(article, r) for r in refs):
        return refs
    cc = place_country(article, place) or article_country(article)
    if cc is None:
        return refs
    out: list[str] = []
    for r in refs:
        actor = article.actor(r)
        ref = r
        if uncoded(article, r) and actor is not None and actor.kind == "group" and actor.sector:
            ref = f"{cc}.{actor.sector}"
            if article.actor(ref) is None:
                article.actors.append(actor.model_copy(update={"id": ref, "country": cc, "known": False}))
        if ref not in out:
            out.append(ref)
    return out


def place_country(article: Article, place: str | None) -> str | None:
    for pl in article.places:
        if pl.id == place and pl.country and len(pl.country) == 3:
            return pl.country
    return None


def article_country(article: Article) -> str | None:
    """The one country of the article's states and of the places it uses as locations ("Sudanese
    refugees" names no place where anything happens), if there is exactly one."""
    found = {a.country for a in article.actors if a.kind == "state" and a.country}
    found |= {p.country for p in article.places if p.country and p.located}
    return found.pop() if len(found) == 1 else None


#: NER labels a doer's unknown name may carry: none, or a place or people the actors stage could not
#: resolve ("Dahalo" read as a GPE); persons, organisations and dates are the actors stage's to read.
_DOER_LABELS = frozenset({"", "GPE", "NORP"})


def named_doer(article: Article, seg: Segment, res: Resolver, trig: Token, plover: str | None) -> list[str]:
    """The subject of an attack that is a proper name no dictionary knows and the NER labels as nothing
    ("Dahalo attacked a village", "Zanta raided the camp"): an armed group of that name, sector UAF
    (unidentified armed force), which :func:`locate_perpetrators` then places in the country where it
    acts. A name the NER reads as a person or an organisation is left to the actors stage."""
    if plover != "ASSAULT" or trig.pos_ != "VERB":
        return []
    subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ not in _DOER_LABELS or res.at(subj) is not None \
            or subj.lower_ in ANIMALS:  # "Locusts invaded farms": a capitalised animal is no armed group
        return []
    toks = sorted([subj, *(c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                           and c.ent_type_ in _DOER_LABELS)], key=lambda t: t.i)
    start, end = seg.start + toks[0].idx, seg.start + toks[-1].idx + len(toks[-1].text)
    name = article.text[start:end]
    ref = "NOUN." + (re.sub(r"[^0-9a-z]+", "_", name.casefold()).strip("_") or "group")
    if article.actor(ref) is None:
        article.actors.append(Actor(id=ref, name=name, kind="group", sector="UAF", label="NOUN",
                                    mentions=[Mention(start=start, end=end, text=name, via="subject")]))
    return [ref]


#: Acts only a state body does, by the body that does them: an agentless passive arrest is the
#: police's, a sentence or conviction the courts' (CAMEO codebook 173 arrest, 1721 sentence).
IMPLIED_AUTHORS: Mapping[str, str] = MappingProxyType({
    "arrest": "COP", "detain": "COP", "apprehend": "COP",
    "sentence": "JUD", "convict": "JUD", "jail": "JUD", "indict": "JUD",
})
#: Names of the implied bodies.
_IMPLIED_NAMES = MappingProxyType({"COP": "police", "JUD": "judiciary"})
#: ``Mention.via`` of an implied author (the trigger stands for it; no word of the text names it).
IMPLIED_VIA = "implied"


def implied_author(article: Article, seg: Segment, trig: Token, plover: str | None, passive: bool,
                   place: str | None) -> list[str]:
    """The implied author of an agentless passive arrest, detention, sentence or conviction ("X was
    arrested", "X was sentenced to five years"): the police or the judiciary of the country of the
    event's place, else of the article's one country (kind ``group``, ``known=False``, its mention the trigger with ``via="implied"``). None
    when the article names several countries or none."""
    sector = IMPLIED_AUTHORS.get(trig.lemma_.lower())
    if sector is None or not passive or trig.pos_ != "VERB" or plover not in {"COERCE", "SANCTION"}:
        return []
    verbs = [trig, *trig.conjuncts]
    if any(c.dep_ == "agent" for v in verbs for c in v.children):
        return []  # "was arrested by the army": an author named, if unresolved, is no implied one
    cc = place_country(article, place) or home_country(article)
    if cc is None:
        return []
    ref = f"{cc}.{sector}"
    if article.actor(ref) is None:
        s, e = seg.char_span(trig.i, trig.i + 1)
        article.actors.append(Actor(id=ref, name=_IMPLIED_NAMES[sector], country=cc, sector=sector,
                                    kind="group", label="NOUN", known=False,
                                    mentions=[article.mention(s, e, via=IMPLIED_VIA)]))
    return [ref]


def home_country(article: Article) -> str | None:
    """The one country of the article's actors (persons, outlets and implied authors aside: a leader
    or a paper abroad is often quoted) and of the places it uses as locations, if there is exactly one."""
    found = {a.country or country_of(article, a.id) for a in article.actors
             if not a.media and a.kind != "person" and not implied(article, [a.id])}
    found |= {p.country for p in article.places if p.country and p.located}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def implied(article: Article, refs: list[str]) -> bool:
    """``refs`` is one implied author (:func:`implied_author`)."""
    actor = article.actor(refs[0]) if len(refs) == 1 else None
    return actor is not None and bool(actor.mentions) and all(m.via == IMPLIED_VIA for m in actor.mentions)
