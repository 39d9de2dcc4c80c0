"""The place-as-target and domestic rules (docs/events.md, Arguments).

CAMEO codes the country where some actions happen as their target when no target actor is named
("visited Germany", "arrived in Berlin", "troops entered Lebanon", "withdrew from Georgia"), and a
domestic protest or coercion against the source's own state. The target is a country actor id;
a country without an actor in the article gets a state actor so that ids never dangle.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from spacy.tokens import Token

from ...model import Actor, Article, Segment
from ...resources import word_map
from ..common import place_at
from .args import OBJ, PRONOUNS, Resolver, country_of, is_country

#: Place-as-target rule (docs/events.md): for these types CAMEO codes the country where the action
#: happens (visited, entered, deployed into, withdrew from, sent aid to) as the target when no target
#: actor is named. PLOVER type -> prepositions whose object is read as the place ("" = direct object);
#: CONSULT only for visits (CAMEO 042, "visited Germany", "arrived in Moscow").
PLACE_TARGET_PREPS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    kind: tuple("" if p == "-" else p for p in preps.split())
    for kind, preps in word_map("events", "place_target_preps").items()
})
#: Types coded against the source's own state when neither a target nor a place is named.
DOMESTIC = frozenset({"PROTEST", "COERCE"})


def place_targets(res: Resolver, heads: list[Token], plover: str, cameo: str,
                  own: Token | None = None) -> list[str]:
    """The place-as-target rule: the country of a place named as the direct object or in a locative
    phrase of ``heads`` (see ``PLACE_TARGET_PREPS``, ``data/words/place_target_preps.txt``), as that country's actor id. The country is the
    phrase's country actor ("arrived in Moscow" -> RUS) or ``Place.country`` of ``common.place_at``
    ("arrived in Berlin" -> DEU); a country with no actor in the article gets a state actor whose
    mention is the place name."""
    preps = PLACE_TARGET_PREPS.get(plover)
    if not preps or not place_rule_applies(plover, cameo):
        return []
    phrases: list[Token] = []
    for h in heads:
        for c in h.children:
            if c.dep_ in OBJ and "" in preps and c is not own:
                phrases.append(c)
            elif c.dep_ == "prep" and c.lower_ in preps:
                phrases += [g for g in c.children if g.dep_ == "pobj"]
    for ph in phrases:
        found: list[str] = []
        for t in _np_tokens(ph):  # "in Iraq and Afghanistan": both
            cc = country_at(res, t)
            if cc is not None and cc not in found:
                found.append(country_actor(res.article, cc, t, res.seg))
        if found:
            return found
    return []


def domestic_target(article: Article, seg: Segment, sources: list[str]) -> list[str]:
    """The domestic rule: a protest or coercion with neither a target nor a place is coded against
    the state its (single-country) source belongs to ("Egyptian students protested" -> EGY)."""
    countries = {country_of(article, r) for r in sources}
    if len(countries) != 1:
        return []
    cc = countries.pop()
    if cc is None or not is_country(cc):
        return []
    if cc in sources and not _group_mention(article, seg, cc):
        return []
    if article.actor(cc) is None:
        src = article.actor(sources[0])
        m = next((m for m in (src.mentions if src else []) if seg.start <= m.start < seg.end), None)
        if m is None:
            return []
        article.actors.append(Actor(id=cc, name=_country_name(cc), country=cc, kind="state", label="GPE",
                                    mentions=[article.mention(m.start, m.end, via="affiliation")], known=True))
    return [cc]


def _group_mention(article: Article, seg: Segment, cc: str) -> bool:
    """The state actor ``cc`` is mentioned in the sentence by a group phrase ("Afghan guerillas",
    "Young Algerians" resolved to the state), not by the country's name: the group acts domestically."""
    actor = article.actor(cc)
    for m in actor.mentions if actor is not None else []:
        if seg.start <= m.start < seg.end and any(w.isalpha() and w.islower() and w not in {"the", "of", "and"}
                                                  for w in m.text.split()) and m.text.lower() not in PRONOUNS:
            return True
        if seg.start <= m.start < seg.end and seg.doc is not None:
            span = seg.doc.char_span(m.start - seg.start, m.end - seg.start, alignment_mode="expand")
            if span is not None and span[-1].ent_type_ == "NORP" and span[-1].tag_ == "NNPS":
                return True  # "Nigerians", "Palestinians": the people, a group, not the state's name
    return False


def place_rule_applies(plover: str, cameo: str) -> bool:
    return plover in PLACE_TARGET_PREPS and (plover != "CONSULT" or cameo.startswith("042")) \
        and (plover != "REQUEST" or cameo.startswith("023"))


def _np_tokens(head: Token) -> list[Token]:
    """The head of a noun phrase, its modifiers and coordinated heads, in text order (no preps)."""
    out = [head]
    for c in head.children:
        if c.dep_ in {"compound", "amod", "nmod", "poss", "appos"}:
            out.append(c)
        elif c.dep_ == "conj":
            out += _np_tokens(c)
    return sorted(out, key=lambda t: t.i)


def country_at(res: Resolver, tok: Token) -> str | None:
    ref = res.at(tok)
    if ref is not None:
        actor = res.article.actor(ref)
        if is_country(ref) and (actor is None or actor.country in {None, ref}):
            return ref
        return None  # an actor that is not a state ("Syrian troops") is no place
    pid = place_at(res.article, res.seg, tok.i)
    if pid is None:
        return None
    for pl in res.article.places:
        if pl.id == pid:
            return pl.country if pl.country and is_country(pl.country) else None
    return None


def country_actor(article: Article, cc: str, tok: Token, seg_index: int) -> str:
    """``cc``'s actor id, adding a state actor named by the place mention when the article has none."""
    if article.actor(cc) is not None:
        return cc
    seg = next(x for x in article.segments if x.index == seg_index)
    s, e = seg.char_span(tok.i, tok.i + 1)
    for pl in article.places:  # the whole place mention ("southern Lebanon"), not one token of it
        m = next((m for m in pl.mentions if m.start <= s < m.end), None)
        if m is not None:
            s, e = m.start, m.end
            break
    article.actors.append(Actor(id=cc, name=_country_name(cc), country=cc, kind="state",
                                mentions=[article.mention(s, e, via="place")], label="GPE", known=True))
    return cc


@lru_cache(maxsize=512)
def _country_name(cc: str) -> str:
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=cc)
    except (ImportError, LookupError, KeyError):
        return cc
    return str(getattr(c, "common_name", None) or c.name) if c is not None else cc
