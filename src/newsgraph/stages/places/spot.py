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
from .resolve import SUFFIX_KIND

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
    #: "ner" | "gazetteer" | "unit" (a qualifier of another name: "(Konduga LGA, Borno)") |
    #: "adjective" (a place adjective: "Russian troops")
    source: str


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


def _title_of(doc: Doc, k: int) -> bool:
    """``doc[k]`` is the "of" of a capitalised title or body ("Ministry of Commerce", "Justice of the
    Peace", "Department of Human Services"): what follows it is part of that name, not a location."""
    return doc[k].lower_ == "of" and k > 0 and _capitalised(doc[k - 1]) and not doc[k - 1].is_sent_start \
        and doc[k - 1].lower_ not in OF_PLACE_NOUNS


def after_locative(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a locative preposition or a verb that takes places ("in the Raqqa", "captured
    Manbij"), past a compass word and "the"; not the "of" of a title ("Ministry of Commerce")."""
    k = i - 1
    if k >= 0 and doc[k].lower_ in QUALIFIERS:
        k -= 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and (doc[k].lower_ in LOCATIVE_PREPS or doc[k].lower_ in _PLACE_OBJECT_FORMS) \
        and not _title_of(doc, k)


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


def _modifies_next(doc: Doc, j: int) -> bool:
    """The word before token ``j`` modifies what follows: a noun or adjective ("Russian troops", "Kenyan
    police"), a hyphenated compound ("Russian-backed") or a coordinated adjective ("Russian and Syrian
    jets"); not a people or a language ("the Russians said", "printed in Chinese")."""
    if j >= len(doc):
        return False
    nxt = doc[j]
    if nxt.text in ("-", "–") and j + 1 < len(doc) and doc[j + 1].is_alpha:
        return True
    if nxt.lower_ in ("and", "or", ",") and j + 1 < len(doc):
        return _capitalised(doc[j + 1]) and doc[j + 1].pos_ in ("ADJ", "PROPN") and _modifies_next(doc, j + 2)
    return nxt.pos_ in ("NOUN", "PROPN", "ADJ") and not nxt.is_punct


def adjective_spots(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, str]]:
    """Place adjectives used as modifiers ("Russian troops", "the South Korean president", "Texan
    voters"): the place they name is mentioned, though not as a location (source "adjective"). Plurals
    name people ("Russians"), not places; compass adjectives ("Western") name no one place."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        hit = 0
        for n in (2, 1):
            toks = doc[i:i + n]
            if len(toks) < n or any(t.i in taken or not _capitalised(t) for t in toks):
                continue
            last = toks[-1]
            if last.tag_ in ("NNS", "NNPS") or last.lower_ in NOT_TOPONYMS or not gaz.demonym(toks.text):
                continue
            if _modifies_next(doc, i + n):
                hit = n
                break
        if hit:
            out.append((i, i + hit, "adjective"))
            i += hit
        else:
            i += 1
    return out


def _unit_parts(doc: Doc, j: int) -> list[tuple[int, int]]:
    """Token ranges of the qualifier right after a name ending at ``j``: the comma-separated parts of a
    parenthesis ("(Konduga LGA, Borno)") or the name after a comma (", Borno")."""
    if j >= len(doc):
        return []
    if doc[j].text == "(":
        parts: list[tuple[int, int]] = []
        start = k = j + 1
        while k < len(doc) and k - j <= 12 and doc[k].text != ")":
            if doc[k].text == ",":
                parts.append((start, k))
                start = k + 1
            k += 1
        return [*parts, (start, k)] if k < len(doc) and doc[k].text == ")" else []
    if doc[j].text == ",":
        k = j + 1
        while k < len(doc) and k - j <= 3 and _capitalised(doc[k]):
            k += 1
        return [(j + 1, k)]
    return []


def unit_spots(doc: Doc, gaz: Gazetteer, spots: list[tuple[int, int, str]], taken: set[int]
               ) -> list[tuple[int, int, str]]:
    """The admin units that qualify a spotted name, whatever the NER called them: "Auno (Konduga LGA,
    Borno)", "Kalama, Borno" (source "unit"). A part in parentheses may end in an admin suffix
    ("District", "LGA"); after a comma only a state, province or country counts."""
    out: list[tuple[int, int, str]] = []
    for _, j, _ in list(spots):
        paren = j < len(doc) and doc[j].text == "("
        for a, b in _unit_parts(doc, j):
            toks = doc[a:b]
            if not len(toks) or any(t.i in taken or not t.text[:1].isupper() for t in toks):
                continue
            words = toks.text.split()
            name = " ".join(words[:-1]) if paren and len(words) > 1 and words[-1].lower() in SUFFIX_KIND else toks.text
            kinds = ("admin1", "admin2", "country") if paren else ("admin1", "country")
            if any(e.kind in kinds for e, _ in gaz.lookup(name)):
                out.append((a, b, "unit"))
                taken.update(range(a, b))
    return out


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
            loc = after_locative(doc, i)
            sentence_initial = all(t.is_punct or t.is_space for t in doc[:i])
            # a multi-word state or country name ("Tamil Nadu") stands even when spaCy calls it NORP/ORG
            sure = n > 1 and any(e.kind in ("country", "admin1") for e in entries)
            if i in orgs and not (sure or after_locative(doc, i)):
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
    spots.extend(unit_spots(doc, gaz, spots, taken))
    spots.extend(adjective_spots(doc, gaz, taken | person_org))
    out: list[Spot] = []
    for i, j, source in sorted(spots):
        if j - i == 1 and doc[i].lower_ in NOT_TOPONYMS:
            continue
        if source != "adjective" and j < len(doc) and doc[j].is_lower and doc[j].lower_ in SUFFIX_KIND \
                and doc[j].lower_ != "city" and doc[j - 1].lower_ not in SUFFIX_KIND:
            j += 1  # "the Tillaberi region", "Kisumu county": the suffix says which namesake

        qual: str | None = None
        qual_tok: int | None = None
        if i > 0 and doc[i - 1].lower_ in QUALIFIERS and doc[i - 1].is_lower:
            qual, qual_tok = doc[i - 1].lower_, i - 1
        out.append(Spot(seg.index, i, j, qual, qual_tok, source))
    return out
