"""One sense per discourse, read the other way: a name the article uses as something else is no place.

``repeat_spots`` carries a name the article surely uses as a place to its other occurrences. The reverse
holds as well: a one-word name that the NER, across the article, reads as an organisation or a person
("the Ashgrove Foundation ... Ashgrove said ... at Ashgrove"), and that nowhere stands where only a place
can (after a locative word, as the NER's place, as a qualifying unit, before a civic noun, in the
dateline), is the organisation or person everywhere, although a town somewhere bears its name and a weak
cue ("an Ashgrove impersonator") let one occurrence through. Countries and states are exempt: a country
read as an organisation is a government acting, which the stage reads elsewhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from ...model import Segment
from .gazetteer import Gazetteer, name_key
from .spot import (
    Spot,
    civic_modifier,
    county_list,
    dateline_dash,
    goal_of_going,
    locative_use,
    qualified_town,
    residence,
)

#: NER labels that read a name as something other than a place
_OTHER_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW"})
#: the article reads a name as something else this many times at least ...
MIN_OTHER_READINGS = 2
#: ... and at least this share of its capitalised occurrences
MIN_OTHER_SHARE = 0.5


def _key(doc: Doc, i: int) -> str:
    word = doc[i].text
    return name_key(word[:-2] if word.endswith(("'s", "’s")) else word)


def _as_place(gaz: Gazetteer, doc: Doc, i: int) -> bool:
    """Occurrence ``i`` of a one-word name stands where only a place can."""
    tok = doc[i]
    if tok.ent_type_ in ("GPE", "LOC") or locative_use(doc, i, i + 1, parsed=False) or goal_of_going(doc, i):
        return True  # "in Ashgrove", "in Dunmore and Ashgrove", "drove to Ashgrove"
    if i > 0 and doc[i - 1].lower_ == "of" or county_list(doc, i + 1):
        return True  # "the town of Ashgrove", "Ann Lee of Ashgrove"; "Ashgrove and Dunmore counties"
    if i == 0 and tok.text.isupper() and (dateline_dash(doc, i + 1) or (len(doc) > 1 and doc[1].text == ",")):
        return True  # "ASHGROVE, Ky. -": a dateline
    lookups = gaz.lookup(tok.text)
    entries = [e for e, _ in lookups]
    return civic_modifier(doc, i, i + 1, entries) or qualified_town(doc, gaz, i + 1, entries) \
        or residence(doc, i, i + 1, lookups)


def other_sense_names(segments: Sequence[Segment], spots: Sequence[Spot], gaz: Gazetteer) -> frozenset[str]:
    """Keys of the one-word spotted names the article reads as an organisation or person throughout."""
    candidates = {
        _key(seg.doc, sp.start_tok)
        for seg in segments for sp in spots
        if sp.seg == seg.index and sp.end_tok - sp.start_tok == 1 and sp.source in ("gazetteer", "ner")
        and sp.qualifier is None
    }
    candidates = {k for k in candidates if k and not any(
        e.kind in ("country", "admin1", "continent", "region") for e, _ in gaz.lookup(k))}
    if not candidates:
        return frozenset()
    other: Counter[str] = Counter()
    total: Counter[str] = Counter()
    placed: set[str] = set()
    for seg in segments:
        doc = seg.doc
        for tok in doc:
            if not tok.text[:1].isupper():
                continue
            key = _key(doc, tok.i)
            if key not in candidates:
                continue
            total[key] += 1
            if tok.ent_type_ in _OTHER_LABELS:
                other[key] += 1
            if _as_place(gaz, doc, tok.i):
                placed.add(key)
    return frozenset(k for k in candidates if k not in placed and other[k] >= MIN_OTHER_READINGS
                     and other[k] >= MIN_OTHER_SHARE * total[k])


def other_sense(segments: dict[int, Segment], names: frozenset[str], sp: Spot) -> bool:
    """Spot ``sp`` is one of ``names`` (see ``other_sense_names``)."""
    return bool(names) and sp.end_tok - sp.start_tok == 1 and sp.qualifier is None \
        and sp.source in ("gazetteer", "ner") and _key(segments[sp.seg].doc, sp.start_tok) in names
