"""What a number counts: the counted noun and the unit written for it (spaCy tokens of one sentence).

- :func:`counted_noun`: the noun the number modifies ("1,723 troops", "five ballistic missiles",
  "hundreds of civilians"; "a 2,016 pixel sensor": a plural number counts the first noun, not a
  singular head).
- :func:`noun_unit`: the unit for a counted noun: its lemma, lower case ("troops" -> "troop",
  "children" -> "child"; "percentage" -> "%").
- :func:`time_unit`: a span of time after the number ("two hours", "a 12-hour shoot", "the
  56-year-old", "six years old") -> "hour", "year" (ages and durations are quantities; points in
  time such as "two years ago" are the dates stage's).
- :func:`age_unit`: a bare age ("Webb, 51, ...", "aged 26", "the age of 70", "since I was 17").
- :func:`is_name_number`: a number that belongs to a name or a model ("Windows 8 SDK", "30 Rock").
- :func:`level_unit`: the counted noun of a level that the sentence names elsewhere ("the number of
  electric vehicles will grow from 16 to 80", "graduates more than doubled to 8,000").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ...model import Segment
from ...resources import word_list, word_map

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: Nouns that name the level of something counted: "the number of refugees", "the total of firms".
AGGREGATES = word_list("quantities", "aggregates")
#: Verbs (lemmas) of a level that changes: their subject is what the new level counts.
CHANGE_VERBS = word_list("quantities", "change_verbs")
#: Verbs (lemmas) whose bare count is of people: "killed 1,000", "14 were injured", "police arrested 45".
PEOPLE_VERBS = word_list("quantities", "people_verbs")
#: Words of a state of harm whose bare count is of people: "45 dead", "70 are still missing".
PEOPLE_STATES = word_list("quantities", "people_states")
_STATE_VERBS = frozenset({"be", "remain", "stay", "lie", "leave"})
#: Subjects of an age verb, pronouns and nouns of a person ("since I was 17", "my son was only 3").
PRONOUN_SUBJECTS = word_list("quantities", "pronoun_subjects")
_AGE_VERBS = frozenset({"be", "turn", "reach"})
#: Verbs of a life's events: "at N" after them is an age ("retired at 65", "died at 91").
_LIFE_VERBS = frozenset({"die", "retire", "marry", "wed", "graduate", "debut", "become", "emigrate", "enlist"})
_AGE_CUES = re.compile(r"(?:\baged?|\bage\s+of)\s*$", re.IGNORECASE)


def time_units() -> Mapping[str, str]:
    """Word for a span of time -> the unit written ("hours" -> "hour")."""
    return word_map("quantities", "time_units")


def noun_unit(tok: Token) -> str:
    """The unit written for a counted noun: its lemma in lower case (plural proper nouns too)."""
    lemma = tok.lemma_.lower() if tok.pos_ == "NOUN" or tok.tag_ == "NNPS" else tok.text.lower()
    if lemma in ("percentage", "percent"):
        return "%"
    if lemma in ("person", "persons") or tok.lower_ in PEOPLE_STATES:
        return "people"  # "30 hurt" read as a noun counts people
    return lemma or tok.text.lower()


def _first_noun_after(doc: Doc, last: int) -> int | None:
    """The first noun right after the number, over adjectives, adverbs, names and determiners."""
    j = last
    if j < len(doc) and doc[j].lower_ == "of":
        j += 1
    for k in range(j, min(len(doc), j + 5)):
        t = doc[k]
        if t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.text.islower()):  # a lower-case "name" is a noun
            return _compound_end(doc, k)
        if t.pos_ in ("ADJ", "PROPN", "DET", "ADV") or t.tag_ in ("JJ", "NNP", "HYPH", "RB"):
            continue
        break
    return None


def _compound_end(doc: Doc, k: int) -> int:
    """ "45 home runs", "40 food vans": a singular noun before a plural one is a modifier; the plural
    noun is what is counted."""
    j = k
    while doc[j].tag_ == "NN" and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN":
        j += 1
    return j if doc[j].tag_ == "NNS" else k


def _number_token(doc: Doc, first: int, last: int) -> Token:
    """The number's own token in its span ("40" in "40-plus", "100" in "100+")."""
    for t in reversed(doc[first:last]):
        if t.like_num or t.text[:1].isdigit():
            return t
    return doc[last - 1]


def counted_noun(seg: Segment, first: int, last: int, value: float) -> int | None:
    """Token index of the noun the number counts ("1,723 troops", "12 Syrian civilians")."""
    doc = seg.doc
    num_tok = _number_token(doc, first, last)
    if seg.parsed:
        head = num_tok.head
        if num_tok.dep_ in ("nummod", "quantmod", "amod", "compound") and head.pos_ in ("NOUN", "PROPN") \
                and head.i >= last:
            nxt = doc[last] if last < len(doc) else None
            # "a 2,016 pixel RGB sensor": a number above one does not count a singular head; it counts
            # the noun right after it (an adjectival measure)
            if value > 1 and value == int(value) and head.tag_ in ("NN", "NNP") and nxt is not None and nxt.i < head.i \
                    and nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ in ("NN", "NNP"):
                return int(nxt.i)
            return int(head.i)
        for t in doc[first:last]:  # "hundreds of civilians"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                            return int(g.i)
    # no parse, or the parse did not say: the first noun right after the number
    return _first_noun_after(doc, last)


def time_unit(doc: Doc, last: int) -> str | None:
    """ "two hours", "a 12-hour shoot", "56-year-old", "6 years old" -> the time unit after the number."""
    j = last
    if j < len(doc) and doc[j].text in ("-", "–"):
        j += 1
    if j >= len(doc):
        return None
    return time_units().get(doc[j].lower_)


def age_unit(seg: Segment, first: int, last: int, value: float) -> str | None:
    """ "year" for a bare age: "Webb, 51, of ...", "Braun, 38 – who", "Lee (41)", "the boy, 7,", "aged 26",
    "the age of 70½", "since I was 17", "she turned 40", "who is 72", "At 35, she ...", "retired at 65"."""
    if value != int(value) and value * 2 != int(value * 2):
        return None
    if not 0 < value <= 120:
        return None
    doc = seg.doc
    before = seg.text[:doc[first].idx]
    if _AGE_CUES.search(before):
        return "year"
    nxt = doc[last] if last < len(doc) else None
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "NUM", "SYM") or nxt.text in ("%", "-", "–")):
        return None
    closes = nxt is None or nxt.text in (",", ")", "(", "–", "—", ";", ".")
    if first >= 2 and doc[first - 1].text in (",", "(") and closes:  # "Webb, 51, of Fort Worth", "Lee (41)"
        name = doc[first - 2]
        if name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and name.text[:1].isupper()) \
                or (name.pos_ == "NOUN" and name.lemma_.lower() in PRONOUN_SUBJECTS):  # "the boy, 7,"
            return "year"
    if first == 1 and doc[0].lower_ == "at" and nxt is not None and nxt.text == ",":
        return "year"  # "At 35, she became ..."
    if first >= 2 and doc[first - 1].lower_ == "at" and any(
            t.lemma_.lower() in _LIFE_VERBS for t in doc[max(0, first - 5):first - 1]):
        return "year"  # "retired at 65", "died at 91", "became a mother at 19"
    k = first - 1
    while k > 0 and doc[k].pos_ == "ADV":  # "was only 1", "is nearly 80"
        k -= 1
    if k >= 1 and doc[k].lemma_.lower() in _AGE_VERBS:  # "since I was 17", "she turned 40"
        subj = doc[k - 1]
        if subj.lower_ in PRONOUN_SUBJECTS or subj.lemma_.lower() in PRONOUN_SUBJECTS or subj.ent_type_ == "PERSON":
            return "year"
    return None


#: Entity labels of places and peoples: a count may follow them ("in Kabul 35 people").
_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def is_name_number(seg: Segment, first: int, last: int, noun: int | None) -> bool:
    """A number that is part of a name, a model or a title: right after a label noun ("size 8", "version
    2.0"), or right after a capitalised word inside the sentence ("the Windows 8 SDK", "an iPhone 7")
    unless a plural noun follows (a model's small number: "Nexus 7 tablets" is still one), or counting a
    capitalised singular name ("30 Rock")."""
    doc = seg.doc
    if not doc[first].text[:1].isdigit():
        return False
    if first > 0 and doc[first - 1].lower_ in LABEL_NOUNS:
        return True  # "size 8 shoes", "version 2.0", "level 3 rules", "the number 23 shirt"
    word = doc[noun].text if noun is not None else ""
    if noun is not None and doc[noun].tag_ == "NNP" and word.istitle() and not any(c in doc[first].text for c in ".,"):
        return True
    if first == 0:
        return False
    prev = doc[first - 1]
    glued = prev.idx + len(prev.text) + 1 == doc[first].idx and seg.text[prev.idx + len(prev.text)] == " "
    capital = prev.text[:1].isupper() or (prev.text[:1].islower() and any(c.isupper() for c in prev.text))
    if not glued or first - 1 == 0 or not capital or prev.pos_ != "PROPN":
        return False
    if prev.ent_type_ == "DATE":  # "May 5": the dates stage's
        return False
    if noun is None or doc[noun].tag_ != "NNS":
        return True
    # a plural noun after "Nexus 7", "iPhone 6": a model's number (small, no separators) after a name that
    # is no place or people ("in Kabul 35 people died" is a count)
    return doc[first].text.isdigit() and int(doc[first].text) < 100 and prev.ent_type_ not in _PLACE_ENTS


def level_unit(seg: Segment, first: int) -> str | None:
    """The counted noun of a level named apart from the number: "the number/total of X" before it in
    the sentence (the population counts people), else the subject of the verb of change that governs
    it ("graduates more than doubled to 8,000")."""
    doc = seg.doc
    for t in reversed(doc[:first]):
        if t.lemma_.lower() in AGGREGATES and t.pos_ == "NOUN":
            if t.lemma_.lower() == "population":
                return "people"
            k = t.i + 1
            if k < first and doc[k].lower_ == "of":
                for u in doc[k + 1:min(first, k + 6)]:
                    if u.pos_ == "NOUN" and (u.i + 1 >= len(doc) or doc[u.i + 1].pos_ != "NOUN"):
                        return noun_unit(u)
    if not seg.parsed:
        return None
    for anc in doc[first].ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            if anc.lemma_.lower() not in CHANGE_VERBS:
                return None
            for c in anc.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN":
                    return noun_unit(c)
            return None
    return None


#: Nouns that name a label with the number after them ("size 8", "version 2.0", "page 12").
LABEL_NOUNS = word_list("quantities", "label_nouns")
#: Nouns of a score or a level on a scale whose value a bare number gives ("a grade of 93", "a rating of 4").
SCALES = word_list("quantities", "scales")
#: Nouns of a place or a group whose bare number counts its people ("a town of 5,000", "a crowd of 300").
PEOPLE_GROUPS = word_list("quantities", "people_groups")


def of_unit(seg: Segment, first: int) -> str | None:
    """The noun whose value a bare number gives after "of", when it is a scale (``scales``): "a score of
    85" -> "score", "a grade of 93", "a speed of 80"; a place or a group counts its people ("a town of
    5,000", "a crowd of 300"). Level nouns ("the number of") are :func:`level_unit`'s."""
    doc = seg.doc
    if first < 2 or doc[first - 1].lower_ != "of":
        return None
    noun = doc[first - 2]
    if noun.pos_ != "NOUN":
        return None
    if noun.lemma_.lower() in PEOPLE_GROUPS:
        return "people"
    return noun_unit(noun) if noun.lemma_.lower() in SCALES else None


def casualty_unit(seg: Segment, first: int) -> str | None:
    """ "people" for a bare count that a verb of harm, arrest or rescue governs ("killed 1,000", "14 were
    injured", "police arrested 45") or that a state of harm follows ("45 dead", "nine were dead", "70
    are still missing")."""
    if not seg.parsed:
        return None
    tok = seg.doc[first]
    if tok.head.i != tok.i and tok.head.lower_ in PEOPLE_STATES:
        return "people"  # "45 dead", "30 hurt"
    for anc in [tok.head, *tok.head.ancestors] if tok.head.i != tok.i else []:
        if anc.pos_ in ("VERB", "AUX"):
            if anc.lemma_.lower() in PEOPLE_VERBS or anc.lower_ in PEOPLE_STATES:
                return "people"
            if anc.lemma_.lower() in _STATE_VERBS and any(
                c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in PEOPLE_STATES for c in anc.children
            ):
                return "people"  # "nine were dead", "12 remain missing"
            return None
    return None


__all__ = [
    "AGGREGATES", "CHANGE_VERBS", "LABEL_NOUNS", "PEOPLE_GROUPS", "PEOPLE_STATES", "PEOPLE_VERBS", "PRONOUN_SUBJECTS", "age_unit", "casualty_unit", "counted_noun", "is_name_number", "level_unit", "noun_unit", "of_unit", "SCALES", "time_unit",
    "time_units",
]
