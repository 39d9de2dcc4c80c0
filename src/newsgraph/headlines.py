"""Headline grammar: a second reading of the sentences the tagger and parser misread.

The tagger and parser are trained on running text. In a Title-Case or ALL-CAPS line they read most
words as proper nouns, and in a line without a finite verb (headline grammar: "Troops shell border
villages", a photo caption) they often read the present-tense verb as one more noun of a compound.
Such a sentence gets a second reading of a re-written copy that splits into the same tokens; the doc
keeps its words, offsets and entities and takes the copy's tags, lemmas and tree. The model is passed
in: spaCy is loaded in :mod:`newsgraph.nlp` only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# The two readings:
# 1. re-cased: a Title-Case or ALL-CAPS line is read in sentence case (entity words keep their case;
#    an ALL-CAPS name longer than an acronym becomes Title-Case);
# 2. verb reading: where the sentence still has no finite verb, a word read as a noun that is a
#    later stage's cue in verb form ("shell", "shells": "shelled"/"shelling" are cues) is put in the
#    past tense, one word at a time; the first copy in which it reads as a verb with a subject is kept.
# A sentence in sentence case with a finite verb is never re-read.

#: Penn tags of a finite verb (a sentence with none is a headline or a fragment).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Title-Case: at least this share of the longer words outside entities, after the first, start upper-case.
TITLE_SHARE = 0.75
#: ALL-CAPS: at least this share of the letters are upper-case.
CAPS_SHARE = 0.8
#: Penn tags of the function words a Title-Case headline capitalises (IN, TO, CC, DT).
FUNCTION_TAGS = frozenset({"IN", "TO", "CC", "DT"})
#: Fewest words for a line to be judged (and fewest longer words for Title-Case).
HEADLINE_MIN_WORDS = 3
#: Most verb-reading copies tried per sentence (each is one more parse).
VERB_TRIES = 3
#: Parts of speech (in the reading it starts from) a re-read verb's subject must have: "Local riot
#: officers fire rubber bullets" is not "Local rioted".
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: ALL-CAPS entity words up to this length stay upper-case (acronyms).
ACRONYM_LEN = 4
_VOWEL_GROUPS = re.compile(r"[aeiou]+")


def headline_casing(doc: Doc) -> str | None:
    """``"caps"`` for an ALL-CAPS line, ``"title"`` for a Title-Case one, else None.

    Title-Case is judged on the words of four letters or more outside named entities after the first,
    so that a sentence full of names or with lower-case function words ("of", "in") is judged right.
    """
    words = [t for t in doc if t.is_alpha]
    if len(words) < HEADLINE_MIN_WORDS:
        return None
    letters = "".join(t.text for t in words)
    if len(letters) > 8 and sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters):
        return "caps"
    plain = [t for t in words[1:] if not t.ent_type_ and len(t) > 3]
    if len(plain) >= HEADLINE_MIN_WORDS and sum(t.text[0].isupper() for t in plain) >= TITLE_SHARE * len(plain):
        return "title"
    if capitalised_function_word(words[1:]):
        longer = [t for t in words[1:] if len(t) > 3]
        if len(longer) >= HEADLINE_MIN_WORDS and sum(t.text[0].isupper() for t in longer) >= TITLE_SHARE * len(longer):
            return "title"
    return None


def capitalised_function_word(words: list[Token]) -> bool:
    """A preposition, conjunction or article written with a capital inside a line ("... In Eastern ..."),
    outside named entities: running text never has one, a Title-Case headline often does (then the
    names the NER made of its words do not hide it)."""
    return any(t.tag_ in FUNCTION_TAGS and t.text[0].isupper() and not t.ent_type_
               and t.nbor(-1).text not in {".", ":", "!", "?", '"', "\u201c"} for t in words)


def has_finite_verb(doc: Doc) -> bool:
    return any(t.tag_ in FINITE_TAGS for t in doc)


def sentence_cased(doc: Doc, style: str) -> list[str]:
    """The words of a Title-Case or ALL-CAPS ``doc`` in sentence case; entity words keep their case."""
    out: list[str] = []
    for t in doc:
        text = t.text
        if t.ent_type_:
            long_caps = style == "caps" and len(text) > ACRONYM_LEN and text.isupper()
            out.append(text[0] + text[1:].lower() if long_caps else text)
        elif t.i == 0 or t.nbor(-1).text in {".", ":", "!", "?"}:
            out.append(text[0].upper() + text[1:].lower())
        else:
            out.append(text.lower())
    return out


def past_tense(base: str) -> str:
    """The regular past tense of a verb's base form ("fire" -> "fired", "ban" -> "banned")."""
    w = base
    if w.endswith("e"):
        return w + "d"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ied"
    if (len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou"
            and len(_VOWEL_GROUPS.findall(w)) == 1):
        return w + w[-1] + "ed"
    return w + "ed"


def present_bases(word: str) -> list[str]:
    """The base forms ``word`` (lower case) can be the present tense of ("clashes" -> clash, clashe)."""
    if word.endswith("ies") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith("es") and len(word) > 4:
        return [word[:-2], word[:-1]]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return [word[:-1]]
    return [word]


def cue_verb_past(word: str, cues: frozenset[str]) -> str | None:
    """The past tense of ``word`` where it is the present form of a verb among ``cues`` (the cues
    hold the verb's "-ed" or "-ing" form), else None."""
    for base in present_bases(word.lower()):
        past = past_tense(base)
        stem = base[:-1] if base.endswith("e") and len(base) > 2 else base
        if past in cues or stem + "ing" in cues or past[:-2] + "ing" in cues:
            return past
    return None


def reread(nlp: Language, words: list[str], spaces: list[bool]) -> Doc | None:
    """Tag and parse a copy; None where it does not split into the same tokens."""
    doc = nlp("".join(w + (" " if s else "") for w, s in zip(words, spaces)))
    return doc if [t.text for t in doc] == words else None


def verb_reading(nlp: Language, doc: Doc, words: list[str], spaces: list[bool],
                 cues: frozenset[str]) -> Doc | None:
    """The first copy in which a noun-read cue verb, put in the past tense, reads as a verb with a
    subject that the reading it starts from took for a noun phrase."""
    tried = 0
    for tok in doc:
        if tried >= VERB_TRIES:
            break
        if tok.i == 0 or tok.pos_ not in {"NOUN", "PROPN", "ADJ"} or not tok.is_alpha or tok.ent_type_:
            continue
        past = cue_verb_past(words[tok.i], cues)
        if past is None:
            continue
        tried += 1
        copy = [*words[:tok.i], past, *words[tok.i + 1:]]
        other = reread(nlp, copy, spaces)
        if other is None:
            continue
        verb = other[tok.i]
        if verb.tag_ == "VBD" and any(c.dep_ in {"nsubj", "nsubjpass"} and doc[c.i].pos_ in NOMINAL
                                      for c in verb.children):
            return other
    return None


def with_reading(doc: Doc, reading: Doc) -> Doc:
    """The words, spacing and entities of ``doc`` with the tags, lemmas and tree of ``reading``."""
    from spacy.tokens import Doc as SpacyDoc

    return SpacyDoc(
        doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in reading], pos=[t.pos_ for t in reading], morphs=[str(t.morph) for t in reading],
        lemmas=[t.lemma_ for t in reading], heads=[t.head.i for t in reading], deps=[t.dep_ for t in reading],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in {"B", "I"} else "O" for t in doc],
    )


def second_reading(nlp: Language, doc: Doc, cues: frozenset[str] | None) -> Doc | None:
    """``doc`` re-read by headline grammar (see above), or None where its first reading stands.

    ``cues``: the word forms that may be verbs in a verbless line (None: no verb reading).
    """
    if len(doc) < HEADLINE_MIN_WORDS:
        return None
    style = headline_casing(doc)
    if style is None and has_finite_verb(doc):
        return None
    spaces = [bool(t.whitespace_) for t in doc]
    words = sentence_cased(doc, style) if style else [t.text for t in doc]
    reading = reread(nlp, words, spaces) if style else doc
    if reading is not None and cues and not has_finite_verb(reading):
        reading = verb_reading(nlp, reading, words, spaces, cues) or (reading if style else None)
    if reading is None or reading is doc:
        return None
    return with_reading(doc, reading)
