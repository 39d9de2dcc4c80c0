"""Which way a date named without its year or week points: the tense of the clause around it.

A bare "March", "Dec. 7", "Friday" or "Christmas" is read in the past ("past"), in the future
("future") or, where the text does not tell, as the nearest one ("unknown"). In a parsed sentence,
future: a future auxiliary governs the date ("will", "shall", "going to"); past: the first verb
above the date is in the past tense or present perfect. In a sentence triage left unparsed, the
verb nearest the date decides, with the auxiliaries just before it. A date inside a noun phrase
("the Jan. 14 deadline", "its Friday issue") takes no tense from the verb.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from ...model import Segment
from .vocabulary import FUTURE_AUXILIARIES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

Tense = Literal["past", "future", "unknown"]
#: longer sentences are read in the past without looking (parse walks are per token)
MAX_TOKENS = 400
PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve", "had"})
#: present forms of "be" that, with "to" and a verb, state what is arranged ("is to reopen", "are due
#: to meet"); "was to", "had been due to" look back from the past
BE_FORMS = frozenset({"is", "are", "'s", "'re", "am"})
#: participles that schedule rather than report: "the vote scheduled for Friday" points forward (and
#: "set" before "for": "the vote set for Friday", not "the peak set on Sept. 3")
SCHEDULING = frozenset({"scheduled", "planned", "slated", "expected", "proposed", "timed", "pencilled",
                        "penciled", "rescheduled", "postponed", "delayed", "moved", "pushed"})
#: verbs of intent: "planned to fly home on Saturday" names a day after the planning, not before it
INTENT = frozenset({"plan", "intend", "expect", "hope", "want", "aim", "schedule", "agree", "decide",
                    "promise", "prepare", "threaten", "vow", "pledge", "seek", "arrange", "try"})
#: words after which a date takes no tense from the verb: "the office was created, effective March 1"
UNTENSED_BEFORE = frozenset({"effective"})


def is_future(seg: Segment, start_tok: int) -> bool:
    """Whether the clause governing token ``start_tok`` is in the future tense."""
    doc = seg.doc
    if not seg.parsed:
        return any(t.lower_ in FUTURE_AUXILIARIES for t in doc) or "going to" in doc.text.lower()
    tok = doc[start_tok]
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in FUTURE_AUXILIARIES for c in anc.children):
                return True
            if anc.lower_ == "going" and any(c.lower_ == "to" for c in anc.rights):
                return True
            if arranged(anc):
                return True
    return False


def arranged(verb: Token) -> bool:
    """ "is to reopen", "are due to meet": an infinitive under a form of "be" (or "due") states an
    arrangement, which lies ahead."""
    if verb.tag_ != "VB" or not any(c.lower_ == "to" and c.i < verb.i for c in verb.children):
        return False
    head = verb.head
    if head.lower_ == "due":
        head = head.head
    return head.i != verb.i and head.lower_ in BE_FORMS


def reduced_relative(verb: Token) -> bool:
    """A past participle after its noun, with no auxiliary ("the ban imposed Tuesday", "the
    peak set on Sept. 3"): the event it reports has happened; one that schedules ("the vote
    scheduled for Friday") does not say so."""
    doc = verb.doc
    if verb.tag_ != "VBN" or verb.lower_ in SCHEDULING or verb.i == 0:
        return False
    if verb.lower_ == "set" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "for":
        return False
    return doc[verb.i - 1].tag_ in ("NN", "NNS", "NNP", "NNPS")


def is_past_verb(verb: Token) -> bool:
    """A verb in the past tense ("closed", "was closed") or present perfect ("has closed")."""
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "VBD" for c in auxes):
        return True
    return verb.tag_ == "VBN" and any(c.lower_ in PERFECT_AUXILIARIES for c in auxes)


def parsed_tense(seg: Segment, start_tok: int, end_tok: int) -> Tense:
    """The tense of the first verb above the date, unless a noun or "effective" comes first; a past
    participle that modifies a noun is past."""
    for anc in seg.doc[start_tok].ancestors:
        if start_tok <= anc.i < end_tok:
            continue
        if anc.pos_ == "NOUN" or anc.lower_ in UNTENSED_BEFORE:
            return "unknown"
        if anc.pos_ in ("VERB", "AUX"):
            return "past" if is_past_verb(anc) or (anc.dep_ == "acl" and reduced_relative(anc)) else "unknown"
    return "unknown"


def tense_at(seg: Segment, start_tok: int, end_tok: int) -> Tense:
    """The tense that reads the date at tokens ``[start_tok, end_tok)`` of a sentence. A date in the
    possessive that the clause does not put ahead is past ("over Thursday's closing price", "Friday's
    ruling"): what a day owns has already happened."""
    doc = seg.doc
    if len(doc) >= MAX_TOKENS:
        return "past"
    if seg.parsed:
        tense = "future" if is_future(seg, start_tok) else parsed_tense(seg, start_tok, end_tok)
    else:
        tense = tagged_tense(seg, start_tok, end_tok)
    if tense == "unknown" and end_tok < len(doc) and doc[end_tok].tag_ == "POS":
        return "past"
    return tense


#: marks that open or close a quotation
QUOTE_MARK = re.compile(r"\"|''|``|\u201c|\u201d")


def quote_around(seg: Segment, tok: int) -> tuple[int, int] | None:
    """The character span of the quotation around token ``tok`` of a sentence, or None when it is not
    quoted: an odd number of quotation marks before it opens a quotation."""
    text = seg.doc.text
    at = seg.doc[tok].idx
    marks = [m.start() for m in QUOTE_MARK.finditer(text)]
    before = [i for i in marks if i < at]
    if len(before) % 2 == 0:
        return None
    after = [i for i in marks if i > at]
    return before[-1], after[0] if after else len(text)


def tagged_tense(seg: Segment, start_tok: int, end_tok: int) -> Tense:
    """Without a parse: the tense of the verb nearest the date (with the auxiliaries just before it),
    inside the quotation that holds the date if any ("'He will leave Thursday,' she said": the
    quoted verb, not the speech verb); a date right before a noun ("the Jan. 14 deadline") takes none."""
    doc = seg.doc
    if end_tok < len(doc) and doc[end_tok].tag_ in ("NN", "NNS"):
        return "unknown"
    before = start_tok - 1
    if before >= 0 and doc[before].lower_ in ("on", "at", "in"):
        before -= 1
    if before >= 0 and doc[before].lower_ in UNTENSED_BEFORE:
        return "unknown"  # "effective March 1"
    if before >= 0 and reduced_relative(doc[before]):
        return "past"  # "the ban imposed Tuesday", "the peak set on Sept. 3"
    verbs = [t for t in doc if t.tag_.startswith("VB") and not start_tok <= t.i < end_tok]
    quoted = quote_around(seg, start_tok)
    if quoted is not None and any(quoted[0] < t.idx < quoted[1] for t in verbs):
        verbs = [t for t in verbs if quoted[0] < t.idx < quoted[1]]  # the quoted words, not "he said"
    if not verbs:
        return "unknown"
    verb = min(verbs, key=lambda t: (t.i - end_tok + 1) if t.i >= end_tok else (start_tok - t.i))
    group = [verb]  # the verb and the auxiliaries (adverbs, "to") just before it: "will soon begin"
    j = verb.i - 1
    while j >= 0 and len(group) < 5 and (doc[j].tag_.startswith("VB") or doc[j].tag_ in ("MD", "RB", "TO")):
        group.append(doc[j])
        j -= 1
    words = [t.lower_ for t in reversed(group)]
    if any(w in FUTURE_AUXILIARIES for w in words) or "going to" in " ".join(words):
        return "future"
    phrase = f"{' '.join(words)} "
    infinitive = verb.tag_ == "VB" and len(group) >= 2 and group[1].lower_ == "to"
    due = j >= 1 and doc[j].lower_ == "due" and doc[j - 1].lower_ in BE_FORMS
    if infinitive and (any(f"{b} to " in phrase for b in BE_FORMS) or due):
        return "future"  # "is to reopen", "are due to meet"
    if infinitive and len(group) >= 3 and group[2].lemma_.lower() in INTENT:
        return "unknown"  # "planned to fly": ahead of the planning
    if any(t.tag_ == "VBD" for t in group):
        return "past"
    if verb.tag_ == "VBN" and any(t.lower_ in PERFECT_AUXILIARIES for t in group):
        return "past"
    return "unknown"
