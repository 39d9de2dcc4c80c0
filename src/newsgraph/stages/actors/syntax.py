"""Token-level helpers of the actors stage: entity index, capitalisation, locatives, datelines."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...resources import word_list
from ..common import OF_PLACE_NOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from .lexicon import Lexicon

#: prepositions after which a country is where something happens ("in Syria"), not who acts; "to" and
#: "from" are left out: "arms to Iran", "calls from the country" name recipients and sources
_LOCATIVE = word_list("actors", "locative_prepositions")
_AT_TARGET = word_list("actors", "aim_words")
_LAUNCH_VERBS = word_list("actors", "launch_verbs")
_TERRITORY_VERBS = word_list("actors", "territory_verbs")
#: weapons and warfare substances ("poison gas", "nerve agent"): never actors
_WEAPON_WORDS = word_list("actors", "weapon_words")
#: group nouns that are also the last word of place names: "Brindlecombe Park" is a place, not civilians
PLACE_AGENT_NOUNS = word_list("actors", "place_agent_nouns")
#: nouns of texts and meetings a city's name may stand before ("the Paris agreement", "the Doha talks")
_VENUE_NOUNS = word_list("actors", "venue_nouns")
_TITLE_WORDS = word_list("actors", "title_words")
HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def ent_index(doc: Doc) -> dict[int, Span]:
    out: dict[int, Span] = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            out[k] = ent
    return out


def title_word(word: str) -> bool:
    """A lower-case word that ends the generic name of a body ("defense ministry")."""
    return word in _TITLE_WORDS


def capital_word(t: Token) -> bool:
    return t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "ORG", "GPE", "FAC"))


def capital_noun(t: Token) -> bool:
    """A capitalised word the tagger took for a common noun ('Fornost and Gondor')."""
    return t.text[:1].isupper() and t.is_alpha and t.pos_ in ("NOUN", "ADJ")


def claim(claimed: list[bool], i: int, j: int) -> None:
    for k in range(i, j):
        claimed[k] = True


def locative(doc: Doc, i: int) -> bool:
    """'in Syria', 'rockets fired from Syria': the country is where something happens, not who acts."""
    k = i - 1
    while k >= 0 and (doc[k].pos_ in ("DET", "ADJ", "CCONJ") or doc[k].text == ","
                      or doc[k].ent_type_ in ("GPE", "LOC")):
        k -= 1
    if k > 0 and doc[k].lower_ == "of" and doc[k - 1].lemma_.lower() in OF_PLACE_NOUNS and doc[k - 1].pos_ == "NOUN":
        return True  # "the north Lebanese port of Tripoli": a place, not the Libyan government
    if k >= 0 and doc[k].lower_ == "from" and doc[k].pos_ == "ADP" and doc[k].head.lemma_.lower() in _LAUNCH_VERBS:
        return True  # "fired rockets from Lebanon": where they were fired from, not who fired or was hit
    if k < 0 or doc[k].lower_ not in _LOCATIVE or doc[k].pos_ != "ADP":
        return False
    if doc[k].lower_ == "at":  # "fired two shells at Seoul", "angry at Washington": a target
        heads = {doc[k].head.lemma_.lower(), doc[k].head.head.lemma_.lower()}
        return not heads & _AT_TARGET
    return True


def names_venue(doc: Doc, end: int) -> bool:
    """'the Paris accord', 'the Minsk accords', 'the Doha peace talks': the name ending before
    ``end`` is the city a text was signed or a meeting held in, before (up to two lower-case words and)
    the noun of that text or meeting: no government acting."""
    for k in range(end, min(end + 3, len(doc))):
        t = doc[k]
        if t.lemma_.lower() in _VENUE_NOUNS or t.lower_ in _VENUE_NOUNS:
            return True
        if not (t.is_alpha and t.is_lower and t.pos_ in ("NOUN", "ADJ", "PROPN")):
            return False
    return False


def weapon(doc: Doc, end: int) -> bool:
    """The two words ending before ``end`` name a weapon or warfare substance ("poison gas", "Chlorine Gas",
    "a nerve agent"): never an actor, whatever the NER calls it."""
    return end >= 2 and f"{doc[end - 2].lower_} {doc[end - 1].lower_}" in _WEAPON_WORDS


def taken_ground(tok: Token) -> bool:
    """The object of a verb of taking or entering ground ("seized Goma", "stormed the town")."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _TERRITORY_VERBS


def dateline(doc: Doc, i: int, j: int) -> bool:
    """'WASHINGTON —', 'KYIV (Reuters) -': a dateline names where the story was filed; so does the country
    after its town ('KHARKIV, Ukraine (AP) -')."""
    if i >= 2 and doc[i - 1].text == "," and any(t.is_alpha for t in doc[:i - 1]) \
            and all(t.text.isupper() for t in doc[:i - 1] if t.is_alpha) \
            and j < len(doc) and doc[j].text in ("\u2014", "\u2013", "-", "("):
        return True
    if not all(t.text.isupper() for t in doc[i:j] if t.is_alpha):
        return False
    return j < len(doc) and doc[j].text in ("\u2014", "\u2013", "-", "(", ",", ":")


def looks_like_place(text: str) -> bool:
    from .places_names import is_place_name

    return is_place_name(text)


def of_proper_noun(doc: Doc, j: int) -> tuple[int, int] | None:
    """The proper noun after 'of' at token ``j`` ("of Morocco", "of the Netherlands"), as a span."""
    if j + 1 >= len(doc) or doc[j].lower_ != "of":
        return None
    k = j + 1 + (1 if doc[j + 1].lower_ == "the" else 0)
    m = k
    while m < len(doc) and m - k < 4 and (doc[m].pos_ == "PROPN" or (m > k and doc[m].text == "-")):
        m += 1
    return (k, m) if m > k else None


def balanced_entities(doc: Doc, lex: Lexicon | None = None) -> list[Span]:
    """The doc's entities, each cut before an opening bracket it does not close: the NER often runs a
    name into its short form ("The Ghanaian Nurses Union (GNU" -> "The Ghanaian Nurses Union"); a
    person's name without the possessive the NER took in ("Jane Doe's" -> "Jane Doe"). With the
    lexicon, an entity that coordinates known names ("Tajiks and Uzbeks", "Russia and Ukraine") is split
    into its conjuncts, unless it is a known name itself ("Trinidad and Tobago"), and a PERSON that is a
    country or capital's name ("visited Kyiv", a small-model error) is relabelled GPE; a country's name the
    NER split at its "and" ("Trinidad" + "Tobago") is joined again, as is a known name split at its "of"
    ("the Communist Party" + "Vietnam")."""
    from spacy.tokens import Span as SpanType

    known: Callable[[str], bool] | None = None if lex is None else lex.knows
    out: list[Span] = []
    for ent in doc.ents:
        if out and ent.start < out[-1].end:
            continue  # taken into the name before ("Claire Le" + "Quennec")
        words = [t.text for t in ent]
        if "(" in words and ")" not in words[words.index("("):] and words.index("(") > 0:
            ent = SpanType(doc, ent.start, ent.start + words.index("("), label=ent.label_)
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text in ("'s", "\u2019s"):
            ent = SpanType(doc, ent.start, ent.end - 1, label=ent.label_)  # "Jane Doe's": the name
        if ent.label_ == "PERSON" and ent[-1].lower_ in _NAME_PARTICLES and ent.end < len(doc) \
                and doc[ent.end].pos_ == "PROPN" and doc[ent.end].text[:1].isupper():
            ent = SpanType(doc, ent.start, ent.end + 1, label=ent.label_)  # "Claire Le" | "Quennec": a particle ends no name
        if lex is not None and ent.label_ == "PERSON" and lex.names_state(ent.text):
            ent = SpanType(doc, ent.start, ent.end, label="GPE")
        if lex is not None:
            ent = _known_longer(doc, ent, lex, out)
        cuts = [t.i for t in ent if t.lower_ in ("and", "or", ",") and ent.start < t.i < ent.end - 1]
        if known is not None and cuts and not known(ent.text):
            bounds = [ent.start, *[x for c in cuts for x in (c, c + 1)], ent.end]
            parts = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if b > a]
            if all(known(doc[a:b].text) for a, b in parts):
                out.extend(SpanType(doc, a, b, label=ent.label_) for a, b in parts)
                continue
        if out and lex is not None and ent.start == out[-1].end + 1 and doc[out[-1].end].lower_ in ("and", "&") \
                and lex.names_state(doc[out[-1].start:ent.end].text):
            # the NER split a country's name in two ("Trinidad" GPE, "Tobago" ORG): one GPE again
            out[-1] = SpanType(doc, out[-1].start, ent.end, label="GPE")
            continue
        if out and known is not None and out[-1].label_ == "ORG" and ent.start == out[-1].end + 1 \
                and doc[out[-1].end].lower_ == "of" and known(_without_the(doc[out[-1].start:ent.end])):
            # the NER cut a known name at its "of" ("the Communist Party" ORG, "Vietnam" GPE): one ORG
            out[-1] = SpanType(doc, out[-1].start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def _known_longer(doc: Doc, ent: Span, lex: Lexicon, out: list[Span]) -> Span:
    """A group or organisation the NER cut after a capitalised word of its name ("Social" | "Democrats"):
    the longer name when the lexicon knows it (it is another body than the shorter one, "the Democrats");
    an entity before that the word was ("The German" | "Social Democrats") gives it up."""
    from spacy.tokens import Span as SpanType

    k = ent.start - 1
    if ent.label_ not in ("NORP", "ORG") or k < 0 or not doc[k].text[:1].isupper() or doc[k].is_sent_start \
            or doc[k].pos_ not in ("PROPN", "ADJ", "NOUN") or not lex.lookup(doc[k:ent.end].text):
        return ent
    if out and out[-1].end > k:
        if out[-1].end - 1 == out[-1].start or out[-1].start >= k:
            out.pop()  # the word was an entity of its own
        else:
            out[-1] = SpanType(doc, out[-1].start, k, label=out[-1].label_)
    return SpanType(doc, k, ent.end, label=ent.label_)


def _without_the(span: Span) -> str:
    return span[1:].text if span[0].lower_ == "the" else span.text


#: particles inside names ("Le", "de", "van", "bin"): a name does not end on one
_NAME_PARTICLES = word_list("actors", "name_particles")


SPLIT_SUFFIX = re.compile(
    r"^(.+?)(-(?:led|backed|sponsored|allied|supported|funded|aligned|based|born|made))$", re.I)


def phrase_words(tokens: list[Token]) -> tuple[list[str], list[str], list[int]]:
    """A phrase's words, lemmas and owning token indices: "U.S.-backed" -> "U.S.", "-backed"; "Dol_Amroth"
    (PETRARCH-style joined words) -> its words; "Workers' Party": the plural possessive stays on the name."""
    words: list[str] = []
    lemmas: list[str] = []
    owner: list[int] = []
    for t in tokens:
        m = SPLIT_SUFFIX.match(t.text)
        parts = [x for x in t.text.split("_") if x]
        if m:
            words += [m.group(1), m.group(2)]
            lemmas += [m.group(1), m.group(2)[1:]]
            owner += [t.i, t.i]
        elif len(parts) > 1:  # "Dol_Amroth" (PETRARCH-style joined words): the words of a name
            words += parts
            lemmas += parts
            owner += [t.i] * len(parts)
        elif t.text in ("'", "\u2019") and words and words[-1][-1:] in ("s", "S") and t.i > 0 \
                and not t.doc[t.i - 1].whitespace_:
            words[-1] += "'"  # "Kurdistan Workers' Party": the plural possessive is part of the name
            lemmas[-1] = words[-1]
        else:
            words.append(t.text)
            lemmas.append(t.lemma_ if t.pos_ in ("NOUN", "PROPN") else t.text)
            owner.append(t.i)
    return words, lemmas, owner
