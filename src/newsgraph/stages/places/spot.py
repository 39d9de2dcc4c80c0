"""Finding toponyms in the sentences of an article (token spans to resolve).

Sources: spaCy GPE/LOC/FAC entities, and gazetteer names over capitalised token runs that spaCy missed
or mislabelled ("Raqqa" tagged ORG). Names used as actors are dropped: tokens the actors stage linked
as a metonym, and country/capital names that are the subject or agent of a verb, a possessor
("Russia's") or a modifier ("U.S. forces"). Locative uses ("in Syria", "from Raqqa") are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...model import Segment
from ..common import OF_PLACE_NOUNS
from .gazetteer import Gazetteer

QUALIFIERS = frozenset({
    "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "upper", "lower", "greater", "coastal", "rural", "downtown",
})
LOCATIVE_PREPS = frozenset({
    "in", "at", "from", "near", "to", "into", "across", "throughout", "outside", "inside", "around",
    "toward", "towards", "via", "through", "within", "between", "of", "on", "over", "off", "along",
})
#: head nouns a place name may modify and still be a place ("Raqqa province", "the Syria border")
PLACE_HEADS = frozenset({
    "province", "city", "region", "border", "area", "county", "district", "state", "town", "village",
    "governorate", "countryside", "capital", "coast", "outskirts", "suburbs", "desert", "valley",
})
_ENT_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACE_LABELS = frozenset({"PERSON", "WORK_OF_ART", "EVENT", "DATE", "TIME", "LAW", "LANGUAGE",
                               "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
#: labels spaCy's small model puts on some towns ("Raqqa" ORG, "Aleppo" NORP, "Manbij" PRODUCT)
_MAYBE_PLACE_LABELS = frozenset({"ORG", "NORP", "PRODUCT"})
#: verbs whose object is typically a place: "captured Manbij", "shelled Douma"
_PLACE_OBJECT_FORMS = frozenset({
    "captured", "seized", "recaptured", "retook", "took", "shelled", "bombed", "besieged", "stormed",
    "liberated", "overran", "evacuated", "visited", "entered", "left", "reached", "fled", "crossed",
    "invaded", "toured", "attacked", "struck", "hit", "raided",
})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "compound", "amod", "nmod"})
_MAX_RUN = 6


@dataclass(frozen=True)
class Spot:
    seg: int
    start_tok: int  # name tokens (qualifier excluded)
    end_tok: int
    qualifier: str | None
    qual_tok: int | None  # token index of the qualifier word
    source: str  # "ner" | "gazetteer"


def _head_token(doc: Doc, i: int, j: int) -> Token:
    span = doc[i:j]
    return span.root


def acts_as_actor(doc: Doc, i: int, j: int, parsed: bool) -> bool:
    """True when tokens ``i:j`` name a government acting rather than a location."""
    root = _head_token(doc, i, j)
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS":
        return True  # "Russia's task force"
    if not parsed:
        return nxt is not None and nxt.tag_.startswith("VB") and nxt.tag_ != "VBG"
    dep = root.dep_
    if dep in ("nsubj", "nsubjpass"):
        return True
    if dep == "pobj" and root.head.dep_ == "agent":
        return True  # "accused by Russia"
    if dep in ("compound", "amod", "nmod", "poss"):
        return root.head.lemma_.lower() not in PLACE_HEADS
    if dep == "conj":
        # "both the U.S. and Russia have sponsored": a conjunct inherits its first conjunct's role
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        return first.i != root.i and first.dep_ in _ACTOR_DEPS
    return False


#: prepositions whose object is a location ("in Syria", "from Raqqa", "troops to Iraq")
STRICT_LOCATIVE_PREPS = frozenset({
    "in", "at", "from", "near", "to", "into", "across", "throughout", "outside", "inside", "around",
    "toward", "towards", "within", "through", "via", "along", "out", "onto", "beyond", "off",
})
_MOTION_VERBS = frozenset({"visit", "enter", "leave", "reach", "invade", "tour", "flee", "cross"})
_MOTION_FORMS = frozenset({"visited", "visits", "visiting", "entered", "enters", "left", "leaves", "leaving",
                           "reached", "reaches", "invaded", "invades", "toured", "fled", "flees", "crossed"})


def locative_use(doc: Doc, i: int, j: int, parsed: bool) -> bool:
    """True when tokens ``i:j`` are used as a location (how a country or capital name is a place)."""
    if not parsed:
        # walk back over "the", conjunctions and earlier names: "in Afghanistan and Iraq"
        k = i - 1
        while k >= 0 and i - k <= 8 and (doc[k].lower_ in ("the", "and", "or", ",")
                                           or doc[k].ent_type_ in _ENT_LABELS):
            k -= 1
        return k >= 0 and (doc[k].lower_ in STRICT_LOCATIVE_PREPS or doc[k].lower_ in _MOTION_FORMS
                       or doc[k].lemma_.lower() in _MOTION_VERBS)
    tok = doc[i:j].root
    for _ in range(4):
        dep, head = tok.dep_, tok.head
        if dep == "pobj":
            if head.lower_ in STRICT_LOCATIVE_PREPS:
                return True
            return head.lower_ == "of" and head.head.lemma_.lower() in OF_PLACE_NOUNS
        if dep in ("compound", "amod", "nmod"):
            return head.lemma_.lower() in PLACE_HEADS
        if dep == "dobj":
            return head.lemma_.lower() in _MOTION_VERBS
        if dep in ("conj", "appos") and head.i != tok.i:
            tok = head
            continue
        return dep == "ROOT" and tok.sent.start == tok.i  # a dateline or headline fragment
    return False


def _locative(doc: Doc, i: int) -> bool:
    if i > 0 and doc[i - 1].lower_ in QUALIFIERS:
        i -= 1
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.lower_ == "the" and i > 1:
        prev = doc[i - 2]
    return prev is not None and (prev.lower_ in LOCATIVE_PREPS or prev.lower_ in _PLACE_OBJECT_FORMS)


def _after_prep(doc: Doc, i: int) -> bool:
    k = i - 1
    if k >= 0 and doc[k].lower_ in QUALIFIERS:
        k -= 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and (doc[k].lower_ in LOCATIVE_PREPS or doc[k].lower_ in _PLACE_OBJECT_FORMS)


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


#: classes of data/features.tsv whose one-word names ("Euphrates", "Sahara") are spotted anywhere; a one-word
#: island, landmark, facility or region name ("Java", "Heathrow") needs a locative word or an entity label
_BARE_FEATURES = frozenset({"river", "sea", "ocean", "gulf", "strait", "lake", "desert", "mountains"})


#: one-word names that towns bear but news means otherwise: celestial bodies ("on Earth", "to Mars": Earth,
#: Texas and Mars, Pennsylvania exist) and bare compass adjectives ("Eastern" is no Ugandan region)
NOT_TOPONYMS = frozenset({"earth", "moon", "sun", "mars", "jupiter", "venus", "saturn", "mercury", "neptune",
                          "uranus", "pluto", "europa", "hell", "heaven", "eastern", "western", "northern",
                          "southern", "central"})


def spot_segment(seg: Segment, gaz: Gazetteer) -> list[Spot]:
    """Toponym candidates of one sentence: NER GPE/LOC/FAC entities, then capitalised runs the gazetteer
    knows (with the precision rules below), never a word of NOT_TOPONYMS alone."""
    doc = seg.doc
    taken: set[int] = set()
    spots: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ in _ENT_LABELS:
            i, j = ent.start, ent.end
            if doc[i].lower_ == "the":
                i += 1
            if i < j and any(t.tag_.startswith("NNP") for t in doc[i:j]):  # not "Transforming" (VBG)
                spots.append((i, j, "ner"))
                taken.update(range(i, j))
    person_org = {t.i for ent in doc.ents if ent.label_ in _NOT_PLACE_LABELS for t in ent}
    persons = {t.i for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
    # spaCy tags some towns ORG/NORP/PRODUCT; such a name is a place only right after a preposition
    # or a verb that takes places ("captured Manbij")
    orgs = {t.i for ent in doc.ents if ent.label_ in _MAYBE_PLACE_LABELS for t in ent}
    i = 0
    while i < len(doc):
        if i in taken or (i in person_org and i not in persons) or not _capitalised(doc[i]) or doc[i].is_stop:
            i += 1
            continue
        matched = 0
        for n in range(min(_MAX_RUN, len(doc) - i), 0, -1):
            toks = doc[i:i + n]
            if any(t.i in taken or not (_capitalised(t) or t.lower_ in ("of", "de", "the", "and")
                                         or (t.is_digit and t.i > i)) for t in toks) \
                    or not (_capitalised(toks[-1]) or (n > 1 and toks[-1].is_digit)):
                continue
            entries = [e for e, _ in gaz.lookup(toks.text)]
            if not entries:
                continue
            # spaCy calls some states people ("Tamil Nadu"): only a whole multi-word state/country name
            # may override a PERSON label
            if any(t.i in person_org for t in toks) and not (
                n > 1 and all(t.i in persons for t in toks)
                and any(e.kind in ("country", "admin1") for e in entries)
            ):
                continue
            # precision: a bare gazetteer name must be a known major place, or follow a locative word;
            # ORG/NORP-tagged names ("Raqqa", "Aleppo") only right after a locative preposition
            major = any((e.kind in ("country", "admin1", "continent") or e.population >= 100_000
                         or (e.kind == "region" and (not e.feature or n > 1 or e.feature in _BARE_FEATURES)))
                        for e in entries)
            if n == 1 and not doc[i].tag_.startswith("NNP"):
                continue  # a capitalised common word ("Transforming", "Centre" of a title)
            loc = _locative(doc, i)
            sentence_initial = all(t.is_punct or t.is_space for t in doc[:i])
            # a multi-word state or country name ("Tamil Nadu") stands even when spaCy calls it NORP/ORG
            sure = n > 1 and any(e.kind in ("country", "admin1") for e in entries)
            if i in orgs and not (sure or _after_prep(doc, i)):
                continue
            if not (loc or sure or (major and not sentence_initial)):
                continue
            matched = n
            break
        if matched:
            spots.append((i, i + matched, "gazetteer"))
            taken.update(range(i, i + matched))
            i += matched
        else:
            i += 1
    out: list[Spot] = []
    for i, j, source in sorted(spots):
        if j - i == 1 and doc[i].lower_ in NOT_TOPONYMS:
            continue
        qual: str | None = None
        qual_tok: int | None = None
        if i > 0 and doc[i - 1].lower_ in QUALIFIERS and doc[i - 1].is_lower:
            qual, qual_tok = doc[i - 1].lower_, i - 1
        out.append(Spot(seg.index, i, j, qual, qual_tok, source))
    return out
