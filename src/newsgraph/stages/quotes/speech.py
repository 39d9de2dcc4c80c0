"""Token-level helpers: cue verbs, speakers, the medium (``via``) and outlets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Article, Segment
from ..common import actor_at
from .lexicon import (
    CHARGE_LEMMAS,
    COGNITION_LEMMAS,
    FINDING_NOUNS,
    FOREIGN_CUES,
    MEDIA_NOUNS,
    MEDIA_WORDS,
    OUTLETS,
    PLATFORMS,
    SPEECH_LEMMAS,
    VIA_NOUNS,
    people_nouns,
    phrasal_lemmas,
    speaker_nouns,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

PHRASAL = phrasal_lemmas()
#: media nouns that name other bodies too: an outlet only as "news agency", "press agency"
_AMBIGUOUS_MEDIA = frozenset({"agency"})
NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


#: Forms the tagger's lemmatiser gets wrong, by lower-case form: the lemma a reporting verb has.
#: ("hopes", "hoped", "hoping" come out as *hop*; "slamming", "tweeting" unchanged).
_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope", "slamming": "slam", "tweeting": "tweet",
                "underlining": "underline"}


def verb_lemma(tok: Token) -> str:
    """The lower-case lemma of a verb, with the lemmatiser's known slips mended ("hoping" -> hope); a
    phrasal verb of the lists with its particle ("pointed out" -> "point out") or its "it" ("put it"); "would
    like" -> want."""
    lemma = _LEMMA_FIXES.get(tok.lower_) or str(tok.lemma_).lower()
    if lemma in ("like", "love") and any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in tok.children):
        return "want"  # "would like to run": a wish, not a liking
    for c in tok.children:
        if c.dep_ == "prt" and f"{lemma} {c.lower_}" in PHRASAL:
            return f"{lemma} {c.lower_}"
        if (c.dep_ == "dobj" and c.lower_ == "it" and f"{lemma} it" in PHRASAL
                and not any(p.dep_ == "prep" for p in tok.children)):
            return f"{lemma} it"  # "as the mayor put it", "put it bluntly" (not "put it on the table")
    return lemma


def is_cue(tok: Token) -> bool:
    """A speech or charge verb (or a foreign reporting verb), never a thinking verb."""
    low = tok.lower_
    if low in FOREIGN_CUES:
        return True
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
        return False
    lemma = verb_lemma(tok)
    if lemma in COGNITION_LEMMAS:
        return False
    return lemma in SPEECH_LEMMAS or lemma in CHARGE_LEMMAS


def is_charge(tok: Token) -> bool:
    return verb_lemma(tok) in CHARGE_LEMMAS


def offsets(seg: Segment, tok: Token) -> tuple[int, int]:
    s = seg.start + tok.idx
    return s, s + len(tok.text)


def name_span(seg: Segment, head: Token) -> tuple[int, int]:
    """Token range [i, j) naming the speaker headed by ``head``: its entity, else head + compounds."""
    if head.ent_type_ in NAME_ENTS:
        for ent in seg.doc.ents:
            if ent.start <= head.i < ent.end:
                i, j = ent.start, ent.end
                while i < head.i and (seg.doc[i].lower_ in ("the", "a", "an") or is_cue(seg.doc[i])):
                    i += 1
                while j - 1 > head.i and seg.doc[j - 1].pos_ in ("VERB", "AUX"):
                    j -= 1  # a title-case headline: "U.S. Military Intends" is the military
                return i, j
    i = head.i
    while i > 0:
        prev = seg.doc[i - 1]
        if is_cue(prev):
            break
        if prev.dep_ in ("compound", "flat", "nmod") and prev.head.i >= i and prev.head.i <= head.i:
            i -= 1
        elif prev.dep_ == "punct" and prev.text == "." and i - 1 > 0 and seg.doc[i - 2].dep_ == "compound":
            i -= 1
        else:
            break
    return i, head.i + 1


def subject_of(verb: Token, lo: int, hi: int) -> Token | None:
    """The subject of ``verb`` outside the quoted token range [lo, hi)."""
    v: Token | None = verb
    for _ in range(3):
        if v is None:
            break
        for c in v.children:
            if c.dep_ in SUBJ_DEPS and not (lo <= c.i < hi) and not is_dateline(c):
                if c.dep_ == "nsubjpass":  # "X is said to…", "he was told that…": not the speaker
                    for a in v.children:
                        if a.dep_ == "agent":
                            return next((o for o in a.children if o.dep_ == "pobj"), None)
                    return c if _has_contracted(v, c) else None
                if c.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                    return v.head  # "the official, who said …"
                return c
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "Since announcing that he would not run, Mr. Lee has …": the clause's subject
        elif v.dep_ == "acl" and v.head.dep_ in ("dobj", "pobj") and v.head.head.i != v.head.i:
            # "the ministry issued a statement saying …"
            owner = v.head.head
            v = owner.head if owner.dep_ == "prep" else owner
        else:
            break
    return None


def is_dateline(tok: Token) -> bool:
    """``tok`` ends the place of a dateline that opens the sentence ("CLEVELAND - When …", "LOS ANGELES (AP) —
    …"), which the parse may take for the subject: upper-case words from the sentence's start, then a dash, a
    parenthesis or a comma."""
    doc = tok.doc
    if tok.i > 3 or tok.i + 1 >= len(doc) or not all(t.is_upper and t.is_alpha for t in doc[: tok.i + 1]):
        return False
    return len(tok.text) > 1 and doc[tok.i + 1].text in ("-", "—", "–", "(", ",", "--")


def _has_contracted(verb: Token, subj: Token) -> bool:
    """"He's said he will run", "she's called for a recount": the "'s" the parse took for a passive "is" is
    "has" when the participle keeps a clause, an object or a prepositional object of its own and no
    infinitive ("he's expected to win" and "it's said that …" stay passive)."""
    if subj.lower_ in ("it", "this", "that", "there", "which"):
        return False
    if not any(a.dep_ == "auxpass" and a.text in ("'s", "’s") for a in verb.children):
        return False
    kids = {c.dep_ for c in verb.children}
    return "xcomp" not in kids and bool(kids & {"ccomp", "dobj", "prep"})


def nearest_name(tokens: list[Token]) -> Token | None:
    """The last proper noun, pronoun or noun of a speaker in ``tokens`` (speaker fallback without a parse):
    a common noun only when it names one who speaks (lexicon.speaker_nouns, people_nouns), never a time, a
    place or a thing near the cue ("said of their time in office", "chanted in the streets")."""
    best: Token | None = None
    speakers = speaker_nouns() | people_nouns()
    for t in tokens:
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue  # "… said Wednesday, "…"": a date is no speaker
        if t.pos_ in ("PROPN", "PRON") and t.is_alpha and not t.lower_.endswith(("self", "selves")) or t.pos_ == "NOUN" and t.is_alpha and (
                t.ent_type_ != "" or t.lemma_.lower() in speakers or t.lower_ in speakers):
            best = t
    return best


def via_of(seg: Segment, verb: Token) -> str | None:
    """The medium a statement was made to: "told AFP", "in an interview with CNN", "on Twitter"."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell":
            if c.pos_ == "PROPN" or c.ent_type_ == "ORG" or outlet_text(c.text):
                i, j = name_span(seg, c)
                return seg.doc[i:j].text
            if c.lower_ in VIA_NOUNS or c.lower_ in PLATFORMS or c.lower_ in MEDIA_NOUNS:
                words = [t.text for t in c.subtree if t.i <= c.i and t.dep_ not in ("det", "poss", "case")]
                return " ".join(words)
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            low = pobj.lower_
            named = seg.doc[name_span(seg, pobj)[0]:pobj.i + 1].text.lower()
            if prep.lower_ in ("on", "via") and (low in PLATFORMS or named in PLATFORMS or pobj.ent_type_ == "ORG"):
                i, j = name_span(seg, pobj)
                return seg.doc[i:j].text
            if prep.lower_ in ("in", "during", "at") and low in VIA_NOUNS:
                for p2 in pobj.children:
                    if p2.dep_ == "prep" and p2.lower_ in ("with", "to", "on"):
                        for o in p2.children:
                            if o.dep_ == "pobj":
                                i, j = name_span(seg, o)
                                return seg.doc[i:j].text
                i, _ = name_span(seg, pobj)
                names = [t for t in seg.doc[i:pobj.i] if t.pos_ == "PROPN"]
                if names:  # "in a Fox News interview" -> Fox News
                    return seg.doc[names[0].i:names[-1].i + 1].text
                words = [t.text for t in seg.doc[i:pobj.i + 1] if t.dep_ != "det"]
                return " ".join(words)
    return None


def outlet_text(text: str) -> bool:
    low = text.lower().strip()
    if low.startswith("the "):
        low_nt = low[4:]
    else:
        low_nt = low
    return low in OUTLETS or low_nt in OUTLETS


def is_outlet(article: Article, seg: Segment, i: int, j: int) -> bool:
    """Tokens [i, j) of ``seg`` name a news outlet or agency (or generic media)."""
    toks = seg.doc[i:j]
    if outlet_text(toks.text):
        return True
    head = toks.root
    if head.lower_ in MEDIA_NOUNS and head.pos_ == "NOUN" and (
            head.lower_ not in _AMBIGUOUS_MEDIA or any(t.lower_ in ("news", "press", "wire") for t in toks)):
        return True  # "the agency" alone is a government agency as often as a news agency
    if head.pos_ in ("NOUN", "PROPN") and (head.lower_ in FINDING_NOUNS or head.lemma_.lower() in FINDING_NOUNS):
        return False  # "a CNN poll", "a Bloomberg survey": the count or study reports, not the outlet
    for k in range(i, j):
        ref = actor_at(article, seg.index, k)
        actor = article.actor(ref)
        if actor is not None:
            return actor.media
    if head.pos_ == "PROPN" or head.ent_type_ == "ORG":
        return toks[-1].lower_ in MEDIA_WORDS
    return False


def speaker_head_from(verb: Token, lo: int, hi: int, window: list[Token]) -> Token | None:
    """Subject by the parse, else the nearest name in the window around the cue."""
    if verb.lower_ == "according":
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                for o in c.children:
                    if o.dep_ == "pobj":
                        return _author(o)
        return None
    subj = subject_of(verb, lo, hi)
    if subj is not None:
        return subj
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        for a in verb.subtree:  # "described as “reckless” by the opposition"
            if a.dep_ in ("agent", "prep") and a.lower_ == "by":
                return next((o for o in a.children if o.dep_ == "pobj"), None)
        return None
    return nearest_name([t for t in window if t.i != verb.i and not (lo <= t.i < hi)])


def _author(tok: Token) -> Token:
    """"a statement from the ministry" -> ministry; other nouns stay."""
    if tok.lower_ in VIA_NOUNS or tok.lower_ in ("report", "reports", "document", "study"):
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in ("from", "by", "of"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        return o
    return tok
