"""Finding toponyms in the sentences of an article (token spans to resolve).

Sources: spaCy GPE/LOC/FAC entities, and gazetteer names over capitalised token runs that spaCy missed
or mislabelled ("Raqqa" tagged ORG). Names used as actors are dropped: tokens the actors stage linked
as a metonym, and country/capital names that are the subject or agent of a verb, a possessor
("Russia's") or a modifier ("U.S. forces"). Locative uses ("in Syria", "from Raqqa") are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...model import Segment
from ...nlp import CAPS_ABBREVIATIONS
from ...resources import word_list
from ..common import OF_PLACE_NOUNS
from .gazetteer import Entry, Gazetteer, name_key
from .resolve import SUFFIX_KIND, abbreviation, spelled_out

QUALIFIERS = word_list("places", "qualifiers")
#: compass and position words ("west", "northern"): alone, no place's name
DIRECTIONS = word_list("places", "directions")
LOCATIVE_PREPS = frozenset({
    "in", "at", "from", "near", "to", "into", "across", "throughout", "outside", "inside", "around",
    "toward", "towards", "via", "through", "within", "between", "of", "on", "over", "off", "along",
})
#: head nouns a place name may modify and still be a place ("Raqqa province", "the Syria border")
PLACE_HEADS = word_list("places", "place_heads")
_ENT_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACE_LABELS = frozenset({"PERSON", "WORK_OF_ART", "EVENT", "DATE", "TIME", "LAW", "LANGUAGE",
                               "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
#: labels spaCy's small model puts on some towns ("Raqqa" ORG, "Aleppo" NORP, "Manbij" PRODUCT)
_MAYBE_PLACE_LABELS = frozenset({"ORG", "NORP", "PRODUCT"})
#: verbs whose object is typically a place: "captured Manbij", "shelled Douma"
_PLACE_OBJECT_FORMS = word_list("places", "place_object_verbs")
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
    #: "cue" (after "the village of") |
    #: "adjective" (a place adjective: "Russian troops") |
    #: "org" (inside an organisation's name: "the Oman Film Society")
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
    if not parsed:  # "Russia said"; not "voters in Russia queued", the object of a preposition
        return nxt is not None and nxt.tag_.startswith("VB") and nxt.tag_ != "VBG" \
            and not (i > 0 and doc[i - 1].tag_ == "IN" and doc[i - 1].lower_ != "by")
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
        while k >= 0 and i - k <= 8 and (doc[k].lower_ in ("the", "and", "or", ",") or doc[k].lower_ in QUALIFIERS
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
    Peace", "Department of Human Services"): what follows it is part of that name, not a location; not
    after a person ("Steven Sachs of Alexandria")."""
    return doc[k].lower_ == "of" and k > 0 and _capitalised(doc[k - 1]) and not doc[k - 1].is_sent_start \
        and doc[k - 1].lower_ not in OF_PLACE_NOUNS and doc[k - 1].ent_type_ != "PERSON"


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


def _abbreviated(tok: Token) -> bool:
    """A capitalised abbreviation with its dots ("S.D.", "Ont.")."""
    return tok.text[:1].isupper() and "." in tok.text and tok.text.replace(".", "").isalpha()


#: classes of data/features.tsv whose one-word names ("Euphrates", "Sahara") are spotted anywhere; a one-word
#: island, landmark, facility or region name ("Java", "Heathrow") needs a locative word or an entity label
_BARE_FEATURES = frozenset({"river", "sea", "ocean", "gulf", "strait", "lake", "desert", "mountains"})


#: one-word names that towns bear but news means otherwise: celestial bodies ("on Earth", "to Mars": Earth,
#: Texas and Mars, Pennsylvania exist), month names ("in March" is no town in Cambridgeshire) and bare
#: compass adjectives ("Eastern" is no Ugandan region)
NOT_TOPONYMS = word_list("places", "not_toponyms")


def _modifies_next(doc: Doc, j: int) -> bool:
    """The word before token ``j`` modifies what follows: a noun or adjective ("Russian troops", "Kenyan
    police"), a hyphenated compound ("Russian-backed") or a coordinated adjective ("Russian and Syrian
    jets", "German, Irish and other immigrant families"); not a people or a language ("the Russians
    said", "printed in Chinese")."""
    if j >= len(doc):
        return False
    nxt = doc[j]
    if nxt.text in ("-", "–") and j + 1 < len(doc) and doc[j + 1].is_alpha:
        return True
    if nxt.lower_ in ("and", "or", ",") and j + 1 < len(doc):
        after = doc[j + 1]
        if after.is_lower and after.pos_ == "ADJ" and nxt.lower_ != ",":
            return _modifies_next(doc, j + 2)  # "German, Irish and other immigrant families"
        return _capitalised(after) and after.pos_ in ("ADJ", "PROPN") and _modifies_next(doc, j + 2)
    return nxt.pos_ in ("NOUN", "PROPN", "ADJ") and not nxt.is_punct


def _demonym_persons(doc: Doc, gaz: Gazetteer) -> set[int]:
    """One-word "persons" of the NER that are a country's adjective before a common noun ("the Slovak
    architect"), and "languages" before a kind of place ("the English city of"): adjectives, not people
    or languages."""
    return {ent.start for ent in doc.ents
            if len(ent) == 1 and ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].pos_ == "NOUN"
            and ((ent.label_ == "PERSON" and any(e.kind == "country" for e in gaz.demonym(ent.text)))
                 or (ent.label_ == "LANGUAGE" and doc[ent.end].lemma_.lower() in PLACE_HEADS
                     and any(e.kind in ("country", "admin1") for e in gaz.demonym(ent.text))))}


_ADJECTIVE_ENDING = re.compile(r"(?:ish|ian|an|i|ese)$")


def region_adjective(gaz: Gazetteer, word: str) -> bool:
    """An adjective the region table writes for one hand-written homeland region ("Kurdish" ->
    Kurdistan, "Siberian" -> Siberia): every reading of the word is that region, and the word is an
    adjective's form, not the region's own name."""
    entries = [e for e, _ in gaz.lookup(word)]
    return bool(entries) and all(e.kind == "region" for e in entries) and len({e.geonameid for e in entries}) == 1 \
        and name_key(entries[0].name) != name_key(word) and bool(_ADJECTIVE_ENDING.search(word.lower()))


def adjective_spots(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, str]]:
    """Place adjectives used as modifiers ("Russian troops", "the South Korean president", "Texan
    voters"): the place they name is mentioned, though not as a location (source "adjective"). Plurals
    name people ("Russians"), not places; compass adjectives ("Western") name no one place."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        if i in taken or not _capitalised(doc[i]):  # every reading starts with this token
            i += 1
            continue
        hit = 0
        for n in (2, 1):
            toks = doc[i:i + n]
            if len(toks) < n or any(t.i in taken or not _capitalised(t) for t in toks):
                continue
            last = toks[-1]
            if last.tag_ in ("NNS", "NNPS") or last.lower_ in NOT_TOPONYMS or not (
                    any(e.kind != "region" for e in gaz.demonym(toks.text)) or region_adjective(gaz, toks.text)):
                continue  # "Arab" names a people and a hand-written macro-region, no one place
            if _modifies_next(doc, i + n):
                hit = n
                break
        if hit:
            out.append((i, i + hit, "adjective"))
            i += hit
        else:
            i += 1
    return out


#: the population from which a town named inside an organisation's name counts ("the Karachi Stock
#: Exchange"); a smaller namesake is more often a person or a word ("Victoria", "Bravo")
ORG_TOWN_POP = 100_000


def org_name_spots(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, str]]:
    """Places named inside an organisation's name, where the name says where it is or whose it is
    ("the **Oman** Film Society", "the **Kenya** Wildlife Service", "the Communist Party of **Vietnam**"):
    named, not used as a location (source "org"). Only countries, states and sizeable towns, only at the
    start of the name before another capitalised word, or after its last "of"."""
    out: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "EVENT"):
            continue  # bodies, and events named after their place ("the Dunmore Film Festival")
        i, j = ent.start, ent.end
        if doc[i].lower_ == "the":
            i += 1
        spans: list[tuple[int, int]] = []
        for n in (3, 2, 1):  # the longest name at the start, followed by more of the name
            if i + n + 1 < j and doc[i + n].tag_ == "POS" and _capitalised(doc[i + n + 1]) \
                    and _possessor_town(gaz, doc[i:i + n]):
                spans.append((i, i + n))  # "Ashford's Memorial Hospital": the town's own hospital
                break
            if i + n >= j or not _capitalised(doc[i + n]) or _STREET_WORD.fullmatch(doc[i + n].text):
                continue
            if _org_place(gaz, doc[i:i + n], body_follows(doc, i + n)):
                spans.append((i, i + n))
                break
            if n > 1 and any(primary for _, primary in gaz.lookup(doc[i:i + n].text)):
                break  # "the Panama Canal Authority": the canal, not Panama, the country
        of = max((k for k in range(i + 1, j - 1) if doc[k].lower_ == "of"), default=None)
        if of is not None and j - of - 1 <= 3 and _org_place(gaz, doc[of + 1:j]):
            spans.append((of + 1, j))
        elif of is None and j - i >= 2 and not spans:
            end = _state_at_end(doc, gaz, i, j)
            if end is not None:
                spans.append((end, j))
        out.extend((a, b, "org") for a, b in spans if not any(t in taken for t in range(a, b)))
    return out


#: a town this big names the place of what its possessive precedes ("Ashford's Memorial Hospital")
POSSESSOR_TOWN_POP = 20_000


def _possessor_town(gaz: Gazetteer, toks: Span) -> bool:
    """A country, state or town of ``POSSESSOR_TOWN_POP`` or more by its own name, before a possessive
    inside an organisation's or facility's name; smaller namesakes are more often a founder's surname
    ("Macy's", "Dillard's")."""
    return _org_place(gaz, toks) or any(
        primary and e.kind in ("city", "admin2") and e.population >= POSSESSOR_TOWN_POP
        for e, primary in gaz.lookup(toks.text))


#: currencies named after their country ("US dollars", "Hong Kong dollars")
CURRENCY_NOUNS = word_list("places", "currency_nouns")


def currency_spots(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, str]]:
    """A country named before its currency in an amount ("59.2 billion US dollars", "500 Hong Kong
    dollars"), which the NER reads as money: named, not a location (source "org")."""
    out: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ != "MONEY":
            continue
        for k in range(ent.start + 1, ent.end):
            if doc[k].lower_ not in CURRENCY_NOUNS:
                continue
            for n in (3, 2, 1):
                i = k - n
                if i < ent.start or any(t in taken for t in range(i, k)):
                    continue
                toks = doc[i:k]
                if all(_capitalised(t) or t.text.replace(".", "").isupper() for t in toks) and any(
                        e.kind == "country" for e, _ in gaz.lookup(toks.text)):
                    out.append((i, k, "org"))
                    break
    return out


def _state_at_end(doc: Doc, gaz: Gazetteer, i: int, j: int) -> int | None:
    """Where a country or first-level unit that ends an organisation's name begins ("Cancer Research
    **UK**", "Hockey **Canada**", "Small Business **BC**"): its own name or a postal abbreviation, one or two
    words, after at least one word of the name; None if the name ends otherwise."""
    for n in (2, 1):
        k = j - n
        if k <= i or not all(_capitalised(t) or t.text.isupper() for t in doc[k:j]):
            continue
        words = doc[k:j].text
        if any(e.kind == "country" or (primary and e.kind == "admin1") for e, primary in gaz.lookup(words)) \
                and not gaz.demonym(words) and not _acronym_only(doc[k:j]):
            return k
        if n == 1 and abbreviation(words) and words.isupper():
            return k
    return None


def _acronym_only(toks: Span) -> bool:
    """A short capitalised code that is no country abbreviation ("GTM")."""
    return len(toks) == 1 and "." not in toks.text and _acronym(toks[0])


#: words of the names of local public bodies ("Superior Court", "Fire Department", "Board of Finance")
LOCAL_INSTITUTIONS = word_list("places", "local_institutions")
#: offices and buildings of such a body, after a body word ("Fire Chief", "City Manager", "City Hall")
LOCAL_OFFICES = word_list("places", "local_offices")


def _org_place(gaz: Gazetteer, toks: Span, local: bool = False) -> bool:
    """A country (by any of its names: "US"), a state or a sizeable town or county; in the name of a local public
    body (``local``: "the Ashford Superior Court", "Dunmore County Commission") a town or county of any
    size; a county named with its unit word ("the Guernsey County Administration Building")."""
    if not all(_capitalised(t) or (t.is_upper and t.text.replace(".", "").isalpha()) for t in toks):
        return False  # "Kenya", "US", "U.S."; not "2020" or "the"
    if gaz.demonym(toks.text):
        return False  # "the Syrian Democratic Forces": an adjective, read by adjective_spots
    if len(toks) == 1 and len(toks.text.replace(".", "")) <= 2 and not toks.text.isupper():
        return False  # "De Beers": a country's code is written in capitals ("US", "UK")
    if _acronym_only(toks):
        return False  # "GTM Research", "KOB-TV": a firm's initials, not Guatemala's code
    if len(toks) == 1 and "." in toks.text:  # "U.S.", "S.C." spell a name's initials; "C.A. Moore" no code
        letters = toks.text.replace(".", "")
        names = [e.name for e, _ in gaz.lookup(toks.text) if e.kind in ("country", "admin1")]
        names += abbreviation(toks.text)
        return any(letters in _initials(name.split()) for name in names)
    return any(e.kind == "country" or (primary and (e.kind == "admin1" or (e.kind == "region" and len(toks) > 1)
                                                   or (e.kind in ("city", "admin2") and e.population >= ORG_TOWN_POP)
                                                   or (local and e.kind in ("city", "admin2"))
                                                   or (e.kind == "admin2" and toks[-1].lower_ in SUFFIX_KIND)))
               for e, primary in gaz.lookup(toks.text))


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
        while k < len(doc) and k - j <= 3 and (_capitalised(doc[k]) or _dotted(doc[k])):
            k += 1
        return [(j + 1, k)]
    return []


def _dotted(tok: Token) -> bool:
    """An abbreviation with a full stop: "La.", "Calif.", "W." of "W. Va."."""
    return tok.text[:1].isupper() and tok.text.endswith(".") and tok.text[:-1].replace(".", "").isalpha()


#: "the village of X": the name after it is a settlement, known to the gazetteer or not
_SETTLEMENT_NOUNS = frozenset({"village", "villages", "hamlet", "town", "township", "settlement", "locality",
                               "community"})


def cue_spots(doc: Doc, taken: set[int], person_org: set[int]) -> list[tuple[int, int, str]]:
    """Names right after "the village of", "the town of" ... (source "cue"), whatever the NER called them
    and whether or not the gazetteer knows them: a village the gazetteer lacks is placed at the article's
    focus."""
    out: list[tuple[int, int, str]] = []
    for k in range(1, len(doc) - 1):
        if doc[k].lower_ != "of" or doc[k - 1].text not in _SETTLEMENT_NOUNS:
            continue
        i = j = k + 1
        while j < len(doc) and j - i < 3 and _capitalised(doc[j]) and j not in taken \
                and not (j in person_org and doc[j].ent_type_ != "PERSON"):
            j += 1
        if j > i:
            out.append((i, j, "cue"))
            taken.update(range(i, j))
    return out


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
            if any(e.kind in kinds for e, _ in gaz.lookup(name)) or (not paren and abbreviation(name)):
                out.append((a, b, "unit"))
                taken.update(range(a, b))
    return out


#: the capitalised word that makes a name before it a street or road ("Amarillo Street", "Kansas Route")
_STREET_WORD = re.compile(r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Lane|Ln\.?|"
                          r"Parkway|Pkwy\.?|Highway|Hwy\.?|Route|Rte\.?|Way|Court|Ct\.?|Pike|Turnpike|Expressway)")
#: abbreviations that name a country (or a union of them) in running text ("US troops", "the UK", "the DRC",
#: "EU workers")
_COUNTRY_ABBREVIATIONS = frozenset({"us", "uk", "usa", "uae", "drc", "ussr", "dc", "eu"})


def _acronym(tok: Token) -> bool:
    """An acronym ("TNA", "MoD", "IoTX", "AI"): two capitals or more in a short word that is not written
    as a name; country abbreviations ("US", "U.K.") are kept."""
    text = tok.text.replace(".", "")
    caps = sum(ch.isupper() for ch in text)
    return caps >= 2 and len(text) <= 5 and text.lower() not in _COUNTRY_ABBREVIATIONS


def _short_word(toks: Span) -> bool:
    """One word of one or two letters not written in capitals: "Mr", "Lt", "St" are no country codes; a
    dotted state abbreviation is a place ("a Ga. pastor", "Pa. voters")."""
    word = toks[0].text
    return len(toks) == 1 and len(word.rstrip(".")) <= 2 and not word.isupper() \
        and not (word.endswith(".") and abbreviation(word))


def _run_length(doc: Doc, gaz: Gazetteer, i: int, taken: set[int], person_org: set[int], persons: set[int],
                orgs: set[int], listed: bool = False) -> int:
    """Length of the longest capitalised run at ``i`` that the gazetteer knows and the precision rules let
    through, or 0. ``listed``: the run follows a location in a list ("in Ashford, Dunmore and Kenton")."""
    for n in range(min(_MAX_RUN, len(doc) - i), 0, -1):
        toks = doc[i:i + n]
        if any(t.i in taken or not (_capitalised(t) or t.lower_ in ("of", "de", "the", "and")
                                     or (t.is_digit and t.i > i) or (t.text in _JOINERS and 0 < t.i - i < n - 1)
                                     or (t.is_lower and len(t) <= 3 and t.is_alpha and 0 < t.i - i < n - 1))
               for t in toks) \
                or not (_capitalised(toks[-1]) or (n > 1 and toks[-1].is_digit)) or _short_word(toks):
            continue
        if n == 1 and (_acronym(toks[0]) or gaz.demonym(toks.text)):
            continue  # "TNA", "MoD", "AI" are no country codes; "in English" is a language, not English, IN
        lookups = gaz.lookup(toks.text)
        entries = [e for e, _ in lookups]
        if not entries:
            continue
        if n == 1 and not any(primary or e.kind in ("country", "admin1", "admin2") or _spelling_of(toks.text, e)
                              for e, primary in lookups) and not after_locative(doc, i):
            continue  # one word only another name of a town (a holiday, a nickname); counties go by their names
        if n == 1 and len(toks.text) <= 3 and not toks.text.isupper() and not any(primary for _, primary in lookups):
            continue  # "the Act": a code is written in capitals (ACT), a short word in title case is none
        if n == 1 and i + 1 < len(doc) and doc[i + 1].like_num and not (doc[i + 1].is_digit and len(doc[i + 1]) == 4):
            continue  # "Ward 6", "Lot 12": a numbered designation, not the town of the word ("Paris 2024" is)
        if civic_modifier(doc, i, i + n, entries):
            return n  # "the Ashford mayor", "Dunmore police", "a Millbrook man", whatever the NER said
        if i not in orgs and (not any(t.i in person_org for t in toks) or _misread_body(doc, i)) \
                and _local_body(doc, i, i + n, lookups):
            return n  # "Ashford Public Schools", "Dunmore Fire Department" with no entity around them
        if county_list(doc, i + n) and any(e.kind == "admin2" for e in entries):
            return n  # "in Clay, Polk and Union counties": each a county
        if _party_label(doc, i) and any(primary and e.kind in ("city", "admin2") for e, primary in lookups):
            return n  # "Sen. Ann Lee, R-Ashford": the lawmaker's home town
        if _hyphen_pair(doc, gaz, i, i + n, lookups):
            return n  # "Ashford-Dunmore": two places joined (a riding, a route, a friendship group)
        # spaCy calls some states people ("Tamil Nadu"): only a whole multi-word state/country name
        # may override a PERSON label
        if any(t.i in person_org for t in toks) and not (
            n > 1 and all(t.i in persons for t in toks)
            and any(e.kind in ("country", "admin1") for e in entries)
        ) and not (n == 1 and i in persons and (_town_after_locative(doc, gaz, i, listed) or _capital(doc, i, lookups))) \
                and not big_town_named_person(doc, i, i + n, lookups) \
                and not qualified_town(doc, gaz, i + n, entries) and not residence(doc, i, i + n, lookups):
            continue
        # precision: a bare gazetteer name must be a known major place, or follow a locative word;
        # ORG/NORP-tagged names ("Raqqa", "Aleppo") only right after a locative preposition
        major = any((e.kind in ("country", "admin1", "continent") or e.population >= 100_000
                     or (e.kind == "region" and (not e.feature or n > 1 or e.feature in _BARE_FEATURES)))
                    for e in entries)
        if n == 1 and not doc[i].tag_.startswith("NNP"):
            continue  # a capitalised common word ("Transforming", "Centre" of a title)
        # in a list, only a whole name: "the Ely Cadets, Orwell Youth Club" lists no town
        loc = (listed and not (i + n < len(doc) and _capitalised(doc[i + n]))) or after_locative(doc, i)
        sentence_initial = all(t.is_punct or t.is_space for t in doc[:i])
        # a multi-word state or country name ("Tamil Nadu") stands even when spaCy calls it NORP/ORG
        sure = n > 1 and any(e.kind in ("country", "admin1") for e in entries)
        # an ORG-labelled big place modifying a common noun: "a Lubbock man", "Houston police"
        modifier = major and i + n < len(doc) and ((doc[i + n].is_lower and doc[i + n].pos_ == "NOUN")
                                                   or _possessor_of_common_noun(doc, i + n))
        qualified = i in orgs and qualified_town(doc, gaz, i + n, entries)  # "GM's Ashford, Kentucky plant"
        if i in orgs and not (sure or loc or modifier or qualified):
            continue
        if i + n < len(doc) and _STREET_WORD.fullmatch(doc[i + n].text):
            continue  # a street or road named after a place: "Kansas Route 10", "Amarillo Street"
        if i in orgs and not major and i + n < len(doc) and doc[i + n].ent_iob_ == "I":
            continue  # the first words of an organisation's name: "on Fox News", "at Notre Dame College"
        if i in orgs and doc[i].ent_iob_ == "I" and i > 0 and _capitalised(doc[i - 1]) and not sure:
            continue  # the last word of a brand's or body's name: "a Burger Hull", "the Rosa Lincoln Fund"
        if i > 0 and _capitalised(doc[i - 1]) and any(primary for _, primary in gaz.lookup(doc[i - 1:i + n].text)):
            continue  # "New Madrid": the end of a longer town's name, not Madrid
        if loc or sure or qualified or (major and not sentence_initial):
            return n
    return 0


def _possessor_of_common_noun(doc: Doc, j: int) -> bool:
    """A possessive at ``j`` before a lower-case word: "Mesa's new library" (a place's own things)."""
    return j + 1 < len(doc) and doc[j].tag_ == "POS" and doc[j + 1].is_lower and doc[j + 1].is_alpha


def _local_body(doc: Doc, i: int, j: int, lookups: Sequence[tuple[Entry, bool]]) -> bool:
    """A town or county of the gazetteer (tokens ``i:j``) before the name of a local public body ending in
    one of LOCAL_INSTITUTIONS ("Ashford Public Schools", "Dunmore City Council"), whatever the NER said."""
    if doc[j - 1].lower_ in LOCAL_INSTITUTIONS or (i > 0 and _capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start):
        return False  # "Police Department" itself; "Beverly Hills Police": the end of a longer name
    return body_follows(doc, j) and any(primary and e.kind in ("city", "admin2") for e, primary in lookups)


def _misread_body(doc: Doc, i: int) -> bool:
    """The NER's "person" at ``i`` ends in a body word ("Ashford Fire" of "Ashford Fire Chief Ann Lee",
    "Dunmore City" of "Dunmore City Manager"): a town's public body misread, no one's name."""
    ent = next((e for e in doc.ents if e.start <= i < e.end), None)
    return ent is not None and ent.label_ == "PERSON" and ent.end - ent.start > 1 \
        and doc[ent.end - 1].lower_ in _BODY_WORDS


def body_follows(doc: Doc, j: int) -> bool:
    """The name of a local public body follows at ``j``: up to two of _BODY_WORDS, then a capitalised word of
    LOCAL_INSTITUTIONS ("Public Schools", "Fire Department"; not "Crimes Court")."""
    k = j
    while k < len(doc) and k - j < 2 and doc[k].lower_ in _BODY_WORDS:
        k += 1
    return k < len(doc) and _capitalised(doc[k]) and (
        doc[k].lower_ in LOCAL_INSTITUTIONS or (k > j and doc[k].lower_ in LOCAL_OFFICES))


#: words between a town's name and its public body's ("Ashford Public Schools", "Dunmore City Council")
_BODY_WORDS = frozenset({"public", "city", "county", "town", "village", "municipal", "area", "community",
                         "unified", "regional", "school", "volunteer", "borough", "township", "fire", "police",
                         "superior", "district", "board", "of", "housing", "planning", "zoning", "parks"})


#: plural unit nouns that end a list of names of that unit ("Clay and Union counties")
_PLURAL_UNITS = frozenset({"counties", "parishes"})


def county_list(doc: Doc, j: int) -> bool:
    """A list of names ending in "counties" or "parishes" goes on from token ``j`` (or ends there): each
    name in it is a county ("Clay, Polk and Union counties")."""
    k = j
    while k < len(doc) and k - j < 30:
        if doc[k].lower_ in _PLURAL_UNITS:
            return k > j and _capitalised(doc[k - 1]) or k == j
        if not (_capitalised(doc[k]) or doc[k].text == "," or doc[k].lower_ in ("and", "or")):
            return False
        k += 1
    return False


#: party letters of a US lawmaker's label ("R-Ashford", "DFL-Dunmore")
_PARTY_LETTERS = frozenset({"R", "D", "I", "DFL", "GOP"})


def _party_label(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a party's letter and a hyphen written together: "R-Ashford", "D-Dunmore"."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text in _PARTY_LETTERS \
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_


#: a town joined to another by a hyphen needs this many people
PAIR_TOWN_POP = 5_000


def _hyphen_pair(doc: Doc, gaz: Gazetteer, i: int, j: int, lookups: Sequence[tuple[Entry, bool]]) -> bool:
    """Two names joined by a hyphen, each a country, state or town of 5,000+ people by its own name:
    "Ashford-Dunmore", "Kenya-Uganda" (not "Coca-Cola": villages of those names are smaller)."""
    if not _pair_part(lookups):
        return False
    if j + 1 < len(doc) and doc[j].text == "-" and not doc[j].whitespace_ and not doc[j - 1].whitespace_ \
            and _capitalised(doc[j + 1]):
        other = doc[j + 1]
    elif i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and _capitalised(doc[i - 2]):
        other = doc[i - 2]
    else:
        return False
    return other.lower_ not in QUALIFIERS and doc[i].lower_ not in QUALIFIERS and _pair_part(gaz.lookup(other.text))


def _pair_part(lookups: Sequence[tuple[Entry, bool]]) -> bool:
    return any(primary and (e.kind in ("country", "admin1") or (e.kind == "city" and e.population >= PAIR_TOWN_POP))
               for e, primary in lookups)


def _spelling_of(word: str, entry: Entry) -> bool:
    """The word spells the place's own name, in part or without its article ("Hajjah" for Al-Hajjah,
    "Stratford" for Stratford-upon-Avon), rather than being an unrelated other name of it."""
    key, own = name_key(word), name_key(entry.name)
    return len(key) >= 5 and key in own


#: tokens that join the parts of a hyphenated or apostrophised name ("Deir ez-Zor", "Ras al-Ain")
_JOINERS = frozenset({"-", "'", "’"})
#: a one-word name the NER calls a person is a town after a locative word when a town this big bears it
#: ("fighting near Gao", "rebels seized Goma"); the actors stage leaves such a name alone too
PERSON_TOWN_POP = 50_000


#: words that make a title of the office after them ("Vice Mayor", "Deputy Sheriff"), not a town's name
_RANKS = frozenset({"vice", "deputy", "acting", "assistant", "interim", "former", "chief", "senior", "junior"})
#: nouns of a town's people and offices that the town's name modifies ("Dunmore police", "a Millbrook man")
CIVIC_NOUNS = word_list("places", "civic_nouns")


def civic_modifier(doc: Doc, i: int, j: int, entries: list[Entry]) -> bool:
    """Tokens ``i:j`` name a town or subdivision the gazetteer knows and modify one of its civic nouns
    ("the Ashford mayor", "Dunmore police", "a Millbrook man"); not the end of a longer name ("Mary
    Ashford") nor a possessor ("Ashford's mayor" is read elsewhere)."""
    if j >= len(doc) or doc[j].lower_ not in CIVIC_NOUNS or doc[i].ent_iob_ == "I" or doc[i].lower_ in _RANKS:
        return False
    if i > 0 and _capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start:
        return False
    return any(e.kind in ("city", "admin1", "admin2") for e in entries)


def residence(doc: Doc, i: int, j: int, lookups: Sequence[tuple[Entry, bool]]) -> bool:
    """A town after a person's name (or age) and ", of": where the person lives ("Ann Lee, of Ashford,
    said", "Tom Roe, 23, of Kenton"), whatever label the NER gave the town."""
    if i < 3 or doc[i - 1].lower_ != "of" or doc[i - 2].text != ",":
        return False
    if j < len(doc) and _capitalised(doc[j]):
        return False  # "of Ashford Council": a longer name
    before = doc[i - 3]
    return (before.ent_type_ == "PERSON" or before.like_num) and any(
        primary and e.kind in ("city", "admin2") for e, primary in lookups)


def qualified_town(doc: Doc, gaz: Gazetteer, j: int, entries: list[Entry]) -> bool:
    """A comma at ``j`` and then the state, province or country that holds a town of the name before it:
    "camped in Villa Nueva, Oaxaca, Mexico" is a town, whatever label the NER gave it."""
    if j >= len(doc) or doc[j].text != ",":
        return False
    k = m = j + 1
    while m < len(doc) and m - k < 3 and (_capitalised(doc[m]) or doc[m].text == "." or _abbreviated(doc[m])):
        m += 1
    words = doc[k:m].text.split()
    if words and words[-1].lower() in SUFFIX_KIND:
        words = words[:-1]  # "Oaxaca State", "Sindh province"
    if not words:
        return False
    units = [u for u, _ in gaz.lookup(" ".join(words)) if u.kind in ("admin1", "country")]
    units += [u for name in abbreviation(" ".join(words)) for u, _ in gaz.lookup(name) if u.kind == "admin1"]
    return any(e.kind == "city" and e.cc == u.cc and (u.kind == "country" or e.admin1 == u.geonameid)
               for e in entries for u in units)


def _capital(doc: Doc, i: int, lookups: Sequence[tuple[Entry, bool]]) -> bool:
    """A capital city the NER calls a one-word person ("Tbilisi announced talks"): capitals act in news,
    people called like them are rare (the people rule still drops a surname of someone named in full)."""
    return _one_word_entity(doc, i) and any(primary and e.kind == "city" and e.capital for e, primary in lookups)


def _one_word_entity(doc: Doc, i: int) -> bool:
    """Token ``i`` is an entity of one word, not the first name of a longer one."""
    return doc[i].ent_iob_ == "B" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")


def _town_after_locative(doc: Doc, gaz: Gazetteer, i: int, listed: bool = False) -> bool:
    """A one-word town or county the NER calls a person, after a locative word or in a list of locations
    ("stops in Utrecht and Gouda", "returns to Ashfordshire"), or a town of any size where a verb of going
    goes ("drove to Dunmore"); not the first name of a longer person's name ("the administration of George
    Bush")."""
    if not _one_word_entity(doc, i):
        return False
    lookups = gaz.lookup(doc[i].text)
    if goal_of_going(doc, i) and any(primary and e.kind in ("city", "admin2") for e, primary in lookups):
        return True
    return (listed or after_locative(doc, i)) and any(
        ((primary or _spelling_of(doc[i].text, e)) and e.kind in ("city", "admin2") and e.population >= PERSON_TOWN_POP)
        or e.kind in ("country", "admin1") for e, primary in lookups)  # a spelling inside the town's own name


#: a name of several words the NER calls a person is a town after a locative word when a town this big
#: bears the name, in any of its spellings ("clashes in Wad Medani")
BIG_TOWN_POP = 100_000


def big_town_named_person(doc: Doc, i: int, j: int, lookups: Sequence[tuple[Entry, bool]]) -> bool:
    """Tokens ``i:j`` are a whole person entity of two or three words, after a locative word, and a name
    (its own or another spelling) of a town of BIG_TOWN_POP or more."""
    whole = doc[i].ent_iob_ == "B" and (j >= len(doc) or doc[j].ent_iob_ != "I") \
        and all(t.ent_iob_ == "I" for t in doc[i + 1:j])
    return 2 <= j - i <= 3 and whole and after_locative(doc, i) \
        and any(e.kind == "city" and e.population >= BIG_TOWN_POP for e, _ in lookups)


#: verbs of going somewhere ("drive", "fly", "return"), by lemma
GOING_VERBS = word_list("places", "going_verbs")


def goal_of_going(doc: Doc, i: int) -> bool:
    """Token ``i`` is where a verb of going goes: "driving to Dunmore", "flew back to Ashford", "moved
    into Kenton"; not "talked to Smith"."""
    k = i - 1
    if k < 1 or doc[k].lower_ not in ("to", "into", "toward", "towards"):
        return False
    k -= 1
    if doc[k].lower_ in ("back", "home", "out", "up", "down", "over", "on"):
        k -= 1
    return k >= 0 and doc[k].pos_ in ("VERB", "AUX") and doc[k].lemma_.lower() in GOING_VERBS


def _gazetteer_runs(doc: Doc, gaz: Gazetteer, taken: set[int], person_org: set[int]) -> list[tuple[int, int, str]]:
    """Capitalised runs the gazetteer knows that the NER missed or mislabelled ("Raqqa" tagged ORG),
    with lower-case particles and hyphens inside a name ("Deir ez-Zor")."""
    persons = {t.i for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
    # spaCy tags some towns ORG/NORP/PRODUCT; such a name is a place only right after a preposition
    # or a verb that takes places ("captured Manbij")
    orgs = {t.i for ent in doc.ents if ent.label_ in _MAYBE_PLACE_LABELS for t in ent}
    places = {ent.start: ent.end for ent in doc.ents if ent.label_ in ("GPE", "LOC")}
    located_ends: set[int] = set()  # where a location that a locative word or a list governs ends
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        listed = _listed_after(doc, i, located_ends)
        if i in places and (listed or after_locative(doc, i)):
            located_ends.add(places[i])
        if i in taken or (i in person_org and i not in persons) or doc[i].is_stop \
                or not (_capitalised(doc[i]) or (doc[i].is_upper and _abbreviated(doc[i]))):
            i += 1
            continue
        matched = _run_length(doc, gaz, i, taken, person_org, persons, orgs, listed) \
            or _dateline_run(doc, gaz, i, taken)
        if matched:
            out.append((i, i + matched, "gazetteer"))
            taken.update(range(i, i + matched))
            if listed or after_locative(doc, i):
                located_ends.add(i + matched)
            i += matched
        else:
            i += 1
    return out


def _listed_after(doc: Doc, i: int, located_ends: set[int]) -> bool:
    """Token ``i`` follows a location in a list: "in Ashford, Dunmore and Kenton" (a comma, "and", "or"
    or ", and" right after the end of a located name). A name after a mere comma must be followed by more
    of the list: in "in Ashford, Kenton said" the comma ends the phrase."""
    k = i - 1
    joined = k >= 0 and doc[k].lower_ in ("and", "or")
    if joined:
        k -= 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k == i - 1 or k + 1 not in located_ends:
        return False
    if joined:
        return True
    j = i + 1
    while j < len(doc) and _capitalised(doc[j]):
        j += 1
    return j < len(doc) and (doc[j].text == "," or doc[j].lower_ in ("and", "or"))


#: What ends a dateline: dashes, and the replacement character a mis-decoded dash becomes.
DATELINE_DASHES = ("--", "---", "—", "–", "-", "\ufffd")


def dateline_dash(doc: Doc, j: int) -> bool:
    """Whether a dateline's dash follows at token ``j``, after the agency in brackets if there is one
    ("TOPEKA --", "BEIRUT (AP) —")."""
    if j < len(doc) and doc[j].text == "(":
        k = j + 1
        while k < len(doc) and k - j <= 5 and doc[k].text != ")":
            k += 1
        if k >= len(doc) or doc[k].text != ")" or k == j + 1 or not doc[j + 1].text[:1].isupper():
            return False
        j = k + 1
    return j < len(doc) and doc[j].text in DATELINE_DASHES


def _dateline_run(doc: Doc, gaz: Gazetteer, i: int, taken: set[int]) -> int:
    """A dateline: a name in capitals at the start of a line or sentence, before a dash or a bracketed
    agency and a dash ("TOPEKA -- The mayor said ...", "BEIRUT (AP) — ..."), or after the date of a byline
    ("March 24, 2009 TOPEKA --"), when the gazetteer knows it; or before its state or country and the dash
    ("RALEIGH, N.C. (AP) -", "FORT ASHFORD, Wash. -"), where the unit places a name the gazetteer lacks."""
    if i > 0 and not (doc[i - 1].is_space or doc[i - 1].is_punct or doc[i].is_sent_start or doc[i - 1].like_num):
        return 0
    for n in range(min(4, len(doc) - i), 0, -1):
        toks = doc[i:i + n]
        if any(t.i in taken or not (t.is_upper and (t.is_alpha or _abbreviated(t))) for t in toks) \
                or not toks[-1].is_alpha:
            continue
        if dateline_dash(doc, i + n) and gaz.lookup(toks.text):
            return n
        unit_end = _dateline_unit_end(doc, gaz, i + n)
        if unit_end is not None and dateline_dash(doc, unit_end):
            return n
    return _colon_dateline(doc, gaz, i, taken)


#: a town this big (or a capital, state or country) opens a dateline written "Name:" ("Dunmore: The ...")
COLON_DATELINE_POP = 100_000


def _colon_dateline(doc: Doc, gaz: Gazetteer, i: int, taken: set[int]) -> int:
    """A dateline in title case before a colon at the start of a line ("Dunmore: The council ..."), as many
    papers write it: a name of up to three words that a capital, a big town, a state or a country bears."""
    if i > 0 and not doc[i - 1].is_space:
        return 0
    for n in range(min(3, len(doc) - i - 1), 0, -1):
        toks = doc[i:i + n]
        if doc[i + n].text != ":" or any(t.i in taken or not (t.is_title and t.is_alpha) for t in toks):
            continue
        if any(e.capital or e.kind in ("country", "admin1") or e.population >= COLON_DATELINE_POP
               for e, primary in gaz.lookup(toks.text) if primary):
            return n
    return 0


def _dateline_unit_end(doc: Doc, gaz: Gazetteer, j: int) -> int | None:
    """Where the state, province or country after a dateline's name ends (", N.C.", ", Kenya"), or None."""
    if j >= len(doc) or doc[j].text != ",":
        return None
    for end in range(min(len(doc), j + 4), j + 1, -1):
        words = doc[j + 1:end].text
        if all(t.text[:1].isupper() or t.text == "." for t in doc[j + 1:end]) and (
                abbreviation(words) or any(e.kind in ("country", "admin1") for e, _ in gaz.lookup(words))):
            return end
    return None


#: a name the NER calls a date after a locative word is a town when one this big bears it ("in Manbij")
MISREAD_DATE_POP = 20_000


def misread_date(doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
    """A date or time label on a proper name with no number after a locative word, which a town of
    20,000+ bears ("embedded with the forces in Manbij"); month names and holidays never qualify ("in
    March", "at Christmas": no town that big, or a word of NOT_TOPONYMS)."""
    if ent.label_ not in ("DATE", "TIME") or not after_locative(doc, ent.start):
        return False
    if any(t.like_num for t in ent):
        return False
    # the name may run into a time word the NER took with it ("fired at Kyiv overnight")
    name = ent[:next((k for k, t in enumerate(ent) if not t.tag_.startswith("NNP")), len(ent))]
    if not len(name) or any(not t.is_lower for t in ent[len(name):]) or name.text.lower() in NOT_TOPONYMS:
        return False
    return any(primary and (e.kind in ("country", "admin1") or e.population >= MISREAD_DATE_POP)
               for e, primary in gaz.lookup(name.text))


#: qualifiers that before an adjective compare, not locate ("greater Kurdish autonomy")
_COMPARATIVES = frozenset({"greater", "lower", "upper"})


def spot_segment(seg: Segment, gaz: Gazetteer) -> list[Spot]:
    """Toponym candidates of one sentence: NER GPE/LOC/FAC entities, then capitalised runs the gazetteer
    knows (with the precision rules of ``_gazetteer_runs``), the units that qualify them, a dateline, and
    place adjectives; never a word of NOT_TOPONYMS alone."""
    doc = seg.doc
    taken: set[int] = set()
    spots: list[tuple[int, int, str]] = []
    compass: set[int] = set()  # names an entity's capitalised compass word qualifies
    for ent in doc.ents:
        if ent.label_ in _ENT_LABELS and ent.start not in taken:
            i, j = ent.start, ent.end
            if doc[i].lower_ == "the":
                i += 1
            while i < j - 1 and doc[i].is_lower and doc[i].lower_ in QUALIFIERS:
                i += 1  # "north west London": the qualifier before the name, read as one below
            if i < j - 1 and doc[i].lower_ in DIRECTIONS and not gaz.lookup(doc[i:j].text) \
                    and any(e.kind in ("country", "admin1", "admin2") for e, _ in gaz.lookup(doc[i + 1:j].text)):
                i += 1  # "Northeast Georgia": a part of the state or country, not a name of its own
                compass.add(i)
            if i < j and any(t.tag_.startswith("NNP") for t in doc[i:j]) and not _short_word(doc[i:j]):
                j = _whole_name(doc, gaz, i, _joined_country(doc, gaz, i, j))
                spots.append((i, j, "ner"))  # not "Transforming" (VBG), not "Mr" (Mauritania's code)
                taken.update(range(i, j))
    person_org = {t.i for ent in doc.ents if ent.label_ in _NOT_PLACE_LABELS and not misread_date(doc, ent, gaz)
                  and not unit_named(doc, gaz, ent.start, ent.end) for t in ent}
    spots.extend(unit_named_spots(doc, gaz, taken))
    spots.extend(_gazetteer_runs(doc, gaz, taken, person_org))
    spots.extend(unit_spots(doc, gaz, spots, taken))
    spots.extend(cue_spots(doc, taken, person_org))
    spots.extend(adjective_spots(doc, gaz, taken | (person_org - _demonym_persons(doc, gaz))))
    spots.extend(org_name_spots(doc, gaz, taken))
    spots.extend(currency_spots(doc, gaz, taken))
    out: list[Spot] = []
    for i, j, source in sorted(spots):
        if j - i == 1 and (doc[i].lower_ in NOT_TOPONYMS or (doc[i].lower_ in DIRECTIONS and source != "adjective")
                           or doc[i].text in CAPS_ABBREVIATIONS):
            continue  # a compass word alone names no place ("West Surrey Racing", "North and Elm avenues"), nor "ST."
        if source != "adjective" and j < len(doc) and doc[j].is_lower and doc[j].lower_ in SUFFIX_KIND \
                and doc[j].lower_ != "city" and doc[j - 1].lower_ not in SUFFIX_KIND:
            j += 1  # "the Tillaberi region", "Kisumu county": the suffix says which namesake
        qual: str | None = None
        qual_tok: int | None = None
        if i > 0 and doc[i - 1].lower_ in QUALIFIERS and (doc[i - 1].is_lower or i in compass) \
                and not (source == "adjective" and doc[i - 1].lower_ in _COMPARATIVES):
            qual, qual_tok = doc[i - 1].lower_, i - 1
        out.append(Spot(seg.index, i, j, qual, qual_tok, source))
    return out


def unit_named(doc: Doc, gaz: Gazetteer, i: int, j: int) -> bool:
    """Tokens ``i:j`` are followed by a lower-case unit word and name a unit of that kind ("in Helmand's
    Nad Ali district", where the NER read a person): the unit word says it is a place."""
    if j >= len(doc) or not doc[j].is_lower or doc[j].lower_ not in SUFFIX_KIND or doc[j].lower_ == "city":
        return False
    kind = SUFFIX_KIND[doc[j].lower_]
    return any(primary and e.kind == kind for e, primary in gaz.lookup(doc[i:j].text))


def unit_named_spots(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, str]]:
    """Names of units that a lower-case unit word follows ("Beni territory", "Nad Ali district"), whatever
    the tagger or the NER made of the name: the longest run of up to three capitalised words before the
    unit word that the gazetteer knows as a unit of that kind. Adds the run to ``taken``."""
    out: list[tuple[int, int, str]] = []
    for k in range(1, len(doc)):
        if not doc[k].is_lower or doc[k].lower_ not in SUFFIX_KIND:
            continue
        for i in range(max(0, k - 3), k):
            if any(t.i in taken or not (_capitalised(t) and t.is_alpha) for t in doc[i:k]):
                continue
            if unit_named(doc, gaz, i, k):
                out.append((i, k, "gazetteer"))
                taken.update(range(i, k))
                break
    return out


#: a longer name that an entity's next words complete must be this big a town, or a subdivision or country
WHOLE_NAME_POP = 100_000


def _whole_name(doc: Doc, gaz: Gazetteer, i: int, j: int) -> int:
    """The end of the longest name that the entity ``i:j`` begins, where the NER cut a place's name short or
    in two ("Boa" + "Vista", "Baja" + "California"): up to three more capitalised words that make, with the
    entity, the own name of a country, a subdivision or a town of WHOLE_NAME_POP or more; else ``j``."""
    for end in range(min(len(doc), j + 3), j, -1):
        if not all(_capitalised(t) and t.is_alpha for t in doc[j:end]):
            continue
        if any(primary and (e.kind in ("country", "admin1", "admin2") or e.population >= WHOLE_NAME_POP)
               for e, primary in gaz.lookup(doc[i:end].text)):
            return end
    return j


def _joined_country(doc: Doc, gaz: Gazetteer, i: int, j: int) -> int:
    """The end of a country or state whose name joins two names with "and" ("Trinidad and Tobago", "St.
    Kitts and Nevis"), where the NER took only the first (or the first and the "and"); else ``j``, less
    an "and" the NER ended the name with."""
    k = j - 1 if doc[j - 1].lower_ == "and" else j  # the "and"
    if k < len(doc) and doc[k].lower_ == "and":
        for end in (k + 2, k + 3):
            if end <= len(doc) and all(_capitalised(t) for t in doc[k + 1:end]) and any(
                    primary and e.kind in ("country", "admin1") for e, primary in gaz.lookup(spelled_out(doc[i:end].text))):
                return end
    return k


def _initials(words: Sequence[str]) -> set[str]:
    """The initials a name is written with: "South Africa" -> SA, "Trinidad and Tobago" -> TT and T&T."""
    caps = [w[0] for w in words if w[:1].isupper()]
    out = {"".join(caps)}
    if "and" in words:
        out.add("&".join(caps))
    return {k for k in out if len(caps) >= 2}


def initials_spots(segments: Sequence[Segment], spots: Sequence[Spot], gaz: Gazetteer) -> list[Spot]:
    """A country or state the article names in full, or by its people, may then go by its initials
    ("South Africa ... SA holds", "South Africans ... across SA", "Trinidad and Tobago ... T&T missed
    the meeting"): an upper-case word that spells the initials of such a name, and that the gazetteer
    knows as a name of that place, is the place."""
    docs = {seg.index: seg.doc for seg in segments}
    named: dict[str, int] = {}
    for sp in spots:
        toks = docs[sp.seg][sp.start_tok:sp.end_tok]
        if len(toks) < 2:
            continue
        full = [e for e, primary in gaz.lookup(toks.text) if primary and e.kind in ("country", "admin1")]
        full += [e for e in gaz.demonym(toks.text) if e.kind in ("country", "admin1")]
        for e in full:
            for key in _initials([t.text for t in toks]):
                named[key] = e.geonameid
    if not named:
        return []
    covered = {(sp.seg, t) for sp in spots for t in range(sp.start_tok, sp.end_tok)}
    out: list[Spot] = []
    for seg in segments:
        for tok in seg.doc:
            key = tok.text.replace(".", "")
            if key in named and tok.text.isupper() and (seg.index, tok.i) not in covered \
                    and any(e.geonameid == named[key] for e, _ in gaz.lookup(tok.text)):
                out.append(Spot(seg.index, tok.i, tok.i + 1, None, None, "gazetteer"))
    return out


def repeat_spots(segments: Sequence[Segment], spots: Sequence[Spot], gaz: Gazetteer) -> list[Spot]:
    """One sense per discourse: every other occurrence of a gazetteer name the article already uses as a
    place is the place too ("TOPEKA -- Topeka Mayor ...", "the Modesto levee ... Modesto officials"),
    where the NER or the precision rules missed it; not inside a person's name."""
    docs = {seg.index: seg for seg in segments}
    lower_words = {t.text for seg in segments for t in seg.doc if t.is_lower}
    names: set[tuple[str, ...]] = set()
    for sp in spots:
        doc = docs[sp.seg].doc
        toks = doc[sp.start_tok:sp.end_tok]
        if not toks[0].text[:1].isupper() or len(toks[0]) <= 2 or not _sure_seed(doc, sp, gaz):
            continue
        if not gaz.lookup(toks.text):
            continue  # a name only the NER calls a place ("Doyle figures the cost..."): no name to repeat
        if len(toks) == 1 and toks[0].lower_ in lower_words:
            continue  # "March", "Mound": the article uses the word as a common noun too
        names.add(tuple(t.lower_ for t in toks))
    if not names:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    covered = {(sp.seg, t) for sp in spots for t in range(sp.qual_tok if sp.qual_tok is not None else sp.start_tok,
                                                          sp.end_tok)}
    out: list[Spot] = []
    for seg in segments:
        doc = seg.doc
        i = 0
        while i < len(doc):
            hit = next((w for w in by_first.get(doc[i].lower_, ()) if doc[i].text[:1].isupper()
                        and _matches(doc, i, w, seg.index, covered)), None)
            if hit is None:
                i += 1
                continue
            qual = doc[i - 1].lower_ if i > 0 and doc[i - 1].lower_ in QUALIFIERS and doc[i - 1].is_lower else None
            out.append(Spot(seg.index, i, i + len(hit), qual, i - 1 if qual else None, "gazetteer"))
            i += len(hit)
    return out


def _sure_seed(doc: Doc, sp: Spot, gaz: Gazetteer) -> bool:
    """A spot sure enough to stand for the name everywhere: the NER's GPE, a unit, a dateline, a name after
    a locative word, or a major place."""
    if sp.source == "unit" or (sp.source == "ner" and doc[sp.start_tok].ent_type_ == "GPE"):
        return True
    if sp.source != "gazetteer":
        return False
    toks = doc[sp.start_tok:sp.end_tok]
    if after_locative(doc, sp.start_tok) or (toks.text.isupper() and dateline_dash(doc, sp.end_tok)):
        return True
    return any(e.kind in ("country", "admin1") or e.population >= 100_000 for e, _ in gaz.lookup(toks.text))


def _matches(doc: Doc, i: int, words: tuple[str, ...], seg: int, covered: set[tuple[int, int]]) -> bool:
    j = i + len(words)
    if j > len(doc) or tuple(t.lower_ for t in doc[i:j]) != words:
        return False
    if any((seg, t) in covered or doc[t].ent_type_ == "PERSON" for t in range(i, j)):
        return False
    # a whole name, not part of a longer capitalised one before it ("North Topeka" is another place)
    return not (i > 0 and _capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start
                and doc[i - 1].ent_type_ in _ENT_LABELS)
