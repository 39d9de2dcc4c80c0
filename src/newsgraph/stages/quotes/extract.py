"""Direct, partial and indirect quotes and outlet attributions of one article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import Actor, Article, Attribution, Quote, Scope, Segment
from ...vocab import QuoteKind
from ..common import ACTOR_MENTIONS, TokenRef, actor_at
from .lexicon import (
    ARMED_SECTORS,
    AS_LEMMAS,
    BELIEF_LEMMAS,
    FINDING_NOUNS,
    FORCE_LEMMAS,
    INDIRECT_LEMMAS,
    INTENTION_LEMMAS,
    OBJECT_LEMMAS,
    OUTLET_CUES,
    PERSON_PRONOUNS,
    PLATFORMS,
    PREPOSITION_LEMMAS,
    PRONOUNS,
    REPORT_NOUNS,
    SIDE_LEMMAS,
    SPEECH_ACT_NOUNS,
    STANCE_ADJECTIVES,
    STANCE_AGENTS,
    STANCE_NOUNS,
    VIEW_NOUNS,
    armed_nouns,
    people_nouns,
    speaker_nouns,
)
from .marks import Marked, find_quoted
from .sources import documents, speaker_kind
from .speech import (
    is_charge,
    is_cue,
    is_outlet,
    name_span,
    offsets,
    outlet_text,
    speaker_head_from,
    subject_of,
    verb_lemma,
    via_of,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: scratch key: quote id -> display name of its speaker (used by the provenance stage)
SPEAKER_NAMES = "quote_speaker_names"
#: an upper-case speaker label at the start of a line ("TAPPER:", "JAKE TAPPER:")
_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]+){0,2}):")
_COLON_END = re.compile(r":[ \t]*(?:\n|$)")
#: the dash before a quotation's signature ('“…” ― Jane Roe')
_SIGNATURE = re.compile(r"[ \t\xa0]*(?P<br>\n[ \t\xa0]*\n?[ \t\xa0]*)?[―—–-][ \t\xa0]*(?=[A-Z])")
#: A colon (after an optional parenthesis such as a party and state) right before an opening quote mark
_NAME_COLON = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*:\s*$")
_SCARE = re.compile(r"(?:so-called|so called|dubbed|self-styled|nicknamed|known as)\s*$", re.I)
_NOT_SPEAKER = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_TOPIC_VERBS = frozenset({"ask", "comment", "respond", "reply", "answer", "testify", "question"})
_HOLDER_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you"})
#: Pronouns that name people when a "who" clause follows ("those who …", "anyone who …")
_WHO_PRONOUNS = frozenset({"those", "anyone", "anybody", "everyone", "everybody", "someone", "somebody", "others"})
#: Verbs that only carry a report noun: "made the claim that", "issued a warning that", "repeated her
#: promise to" (the verb's subject holds the claim; "rejected the claim that" does not).
_CARRIER_VERBS = frozenset({
    "make", "issue", "repeat", "reiterate", "voice", "express", "offer", "renew", "raise", "restate",
    "release", "put", "deliver", "echo", "share", "announce", "air", "publish",
})
#: Verbs of giving that carry a thing said as their object ("gave a blunt assessment")
_GIVING_VERBS = frozenset({"give", "provide", "offer", "lodge", "level"})
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT"})
#: Fractions of a group of people ("a third of voters", "two-thirds say …")
_FRACTIONS = ("third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths")
#: Words of a share of a group: the holder when their "of" phrase names holders ("most of the voters")
_SHARES = frozenset({"most", "many", "some", "few", "several", "both", "all", "half", "majority", "plurality",
                     "minority", "percent", "%", "others", "none", "each", "handful", "dozens", "hundreds",
                     "thousands", "millions", "number", "lot", *_FRACTIONS})
#: those of them that hold a view alone ("most oppose it", "others disagree", "a third say so")
_GROUP_SHARES = frozenset({"most", "many", "some", "few", "several", "others", "percent", "%", "majority",
                           "plurality", "half", *_FRACTIONS})
#: Endings of agent nouns of people in the plural, and the common ones that name things
_AGENT_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents")
_THING_AGENTS = frozenset({
    "numbers", "papers", "letters", "orders", "centers", "centres", "members", "others", "matters", "computers",
    "powers", "factors", "sectors", "corridors", "doors", "floors", "errors", "colors", "colours", "offers",
    "answers", "borders", "markets", "events", "documents", "comments", "statements", "agreements", "elements",
    "governments", "percents", "payments", "investments", "arguments", "amendments", "shipments",
    "restaurants", "plants", "grants", "waters", "filters", "ratings", "registers", "barriers", "chapters",
    "quarters", "headquarters", "towers", "layers", "motors", "monitors", "meters", "sensors", "vectors",
})
#: Pronouns that stand for a thing said or held ("most oppose it"), as the object of a stance verb.
_THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "nothing", "something", "anything", "everything"})
#: Nouns a relative clause hangs on as a time, place, reason or manner ("the day he said it"), never its object
_ADVERBIAL_HEADS = frozenset({"time", "way", "day", "year", "week", "month", "moment", "night", "morning", "reason",
                              "place", "point", "era", "hour", "minute", "season"})
_SMALL = frozenset({"of", "the", "a", "an", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from"})


@dataclass
class Found:
    kind: QuoteKind
    start: int
    end: int
    text: str
    cue: str | None = None
    cue_seg: int = -1
    speaker: str | None = None
    name: str | None = None
    speaker_span: tuple[int, int] | None = None
    via: str | None = None
    flags: list[str] = field(default_factory=list)
    speaker_kind: str | None = None
    #: an indirect quote of a speech verb ("said that"), not of a belief, intention or stance
    spoken: bool = True
    #: the words a free relative gives its speaker ("what the mayor calls waste"): kept inside another quote
    named: bool = False


@dataclass
class _Speaker:
    actor: str | None
    name: str | None
    span: tuple[int, int]
    kind: str | None = None


class Extractor:
    """Runs over one article; keeps its working state on the instance, not on the module."""

    def __init__(self, article: Article, max_chars: int) -> None:
        self.a = article
        self.max_chars = max_chars
        self.found: list[Found] = []
        self.attributions: list[Attribution] = []
        self._quoted: list[tuple[int, int]] = []  # quoted stretches: speech inside them is the quote's
        self._persons = self._person_mentions()
        self._labels: frozenset[str] | None = None

    # -- speakers -------------------------------------------------------------------------------
    def _person_mentions(self) -> list[tuple[int, int, str | None, str]]:
        """(start, end, actor id, name) of every person named in the article, in order."""
        out: list[tuple[int, int, str | None, str]] = []
        refs: list[TokenRef] = self.a.scratch.get(ACTOR_MENTIONS, [])
        segs = self.a.segments
        for r in refs:
            actor = self.a.actor(r.ref)
            if actor is None or actor.kind != "person" or r.seg >= len(segs) or r.via == "coref":
                continue
            s, e = segs[r.seg].char_span(r.start_tok, r.end_tok)
            out.append((s, e, actor.id, actor.name))
        for seg in segs:
            for ent in seg.doc.ents:
                if ent.label_ == "PERSON" and ent.text.lower() not in PLATFORMS and not outlet_text(ent.text):
                    s, e = seg.char_span(ent.start, ent.end)
                    out.append((s, e, actor_at(self.a, seg.index, ent.root.i), ent.text))
        out.sort(key=lambda x: x[0])
        return out

    def _full_name(self, name: str) -> str:
        last = name.split()[-1] if name.split() else name
        best = name
        for _s, _e, _id, n in self._persons:
            parts = n.split()
            if len(parts) > len(best.split()) and parts[-1] == last:
                best = n
        return best

    def _titled(self, noun: str, before: int) -> tuple[str | None, str] | None:
        """The last person named before ``before`` with ``noun`` as title or apposition near the name
        ("spokesperson Jane Doe" ... "the spokesperson said")."""
        text = self.a.text
        for s, e, pid, name in reversed([p for p in self._persons if p[1] <= before][-4:]):
            near = text[max(0, s - 40):s].lower().split()[-1:]
            tail = text[e:e + 60].lower()
            if tail.startswith(","):
                near += tail.split()[:5]
            if any(w.strip(",.;") == noun for w in near):
                return pid, name
        # a title before a name the model did not tag: "Police spokesperson Jane Doe"
        seg_now = self.a.segment_at(before)
        if seg_now is None:
            return None
        for seg in reversed(self.a.segments[max(0, seg_now.index - 3):seg_now.index + 1]):
            for t in reversed(seg.doc):
                if seg.start + t.idx >= before:
                    continue
                h = t.head
                if (t.lower_ == noun and t.dep_ == "compound" and h.pos_ == "PROPN" and h.i > t.i
                        and seg.doc[t.i + 1].pos_ == "PROPN"):
                    i = t.i + 1
                    while i < h.i and seg.doc[i].pos_ != "PROPN":
                        i += 1
                    s0, e0 = seg.char_span(i, h.i + 1)
                    return actor_at(self.a, seg.index, h.i), text[s0:e0]
        return None

    def speaker(self, seg: Segment, head: Token) -> _Speaker:
        """The speaker headed by ``head``, with the kind of source it is (sources.speaker_kind); a title
        with a name in apposition is the named person ("the head of the group, Jane Roe, said …")."""
        if head.pos_ == "NOUN" and head.ent_type_ == "":
            named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and c.ent_type_ in ("PERSON", "")), None)
            if named is not None:
                head = named
        sp = self._speaker(seg, head)
        sp.kind = speaker_kind(head, self.a.actor(sp.actor) if sp.actor else None)
        return sp

    def _speaker(self, seg: Segment, head: Token) -> _Speaker:
        i, j = name_span(seg, head)
        if head.pos_ == "NOUN" and head.ent_type_ == "":
            while i > 0 and seg.doc[i - 1].dep_ in ("amod", "compound") and i <= seg.doc[i - 1].head.i <= head.i \
                    and not is_cue(seg.doc[i - 1]):
                i -= 1  # "senior official", "foreign ministry"
        if head.ent_type_ in ("PERCENT", "CARDINAL"):
            # "47% say …", "40 percent said …": the share is named by its number
            i = min([i, *(e.start for e in seg.doc.ents if e.start <= head.i < e.end)])
            for p in head.children:  # "one in five say …": the share with its "in" phrase
                if p.dep_ == "prep" and p.lower_ == "in" and p.i == head.i + 1 and any(o.like_num for o in p.children):
                    j = max(j, max(t.i for t in p.subtree) + 1)
        span = seg.char_span(i, j)
        ref = actor_at(self.a, seg.index, head.i)
        for k in range(i, j):
            if ref is not None:
                break
            ref = actor_at(self.a, seg.index, k)
        if ref is not None and self.a.actor(ref) is not None:
            actor = self.a.actor(ref)
            assert actor is not None
            return _Speaker(ref, actor.name, span)
        low = head.lower_
        if low in PRONOUNS:
            if low in PERSON_PRONOUNS or low in ("i", "we", "they"):
                prev = [p for p in self._persons if p[1] <= span[0]]
                if prev and low in PERSON_PRONOUNS | {"i"}:
                    _s, _e, pid, pname = prev[-1]
                    return _Speaker(pid, self._full_name(pname), span)
            return _Speaker(None, None, span)
        if head.pos_ == "NOUN" and head.ent_type_ == "":
            for actor in self.a.actors:
                if actor.kind == "person" and actor.role and actor.role.lower() == head.lemma_.lower():
                    return _Speaker(actor.id, actor.name, span)
            if any(t.lower_ == "the" for t in head.children):
                titled = self._titled(head.lower_, span[0])
                if titled is not None:
                    return _Speaker(titled[0], self._full_name(titled[1]), span)
            return _Speaker(None, None, span)
        text = seg.doc[i:j].text
        if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and j - i == 1):
            text = self._full_name(text)
        return _Speaker(None, text, span)

    # -- indirect quotes and attributions -----------------------------------------------------
    def _stance_cue(self, seg: Segment, tok: Token) -> tuple[tuple[Token, tuple[int, int]], str] | None:
        """A view held without a verb of saying, cued at ``tok``: a stance noun ("his support for"), a
        stance adjective ("is wary of"), a side-taking agent noun ("a critic of") or a finding "in" a
        poll; ((holder, content span), cue), or None."""
        found: tuple[Token, tuple[int, int]] | None = None
        if tok.pos_ == "NOUN" and tok.lower_ in STANCE_NOUNS:
            found = self._stance_noun(seg, tok)
        if found is None and (tok.pos_ == "ADJ" or tok.tag_ == "VBN") and tok.lower_ in STANCE_ADJECTIVES:
            found = self._stance_adjective(seg, tok)
        if found is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in STANCE_AGENTS:
            found = self._stance_agent(seg, tok)
        if found is not None:
            return found, tok.text
        if tok.lower_ == "in" and (found_in := _finding_in(tok)) is not None:
            return found_in, "in"
        return None

    def indirect(self, seg: Segment) -> None:
        self._speaker_line(seg)
        if not seg.parsed:
            return
        doc = seg.doc
        for tok in doc:
            head: Token | None = None
            lo = hi = -1
            said = True
            named = False
            self_at: Token | None = None
            if tok.lower_ == "according":
                head = speaker_head_from(tok, -1, -1, [])
                if head is None:
                    continue
                cue = "according to"
                said = True
                end_phrase = max(t.i for t in head.subtree) + 1
                if tok.i <= 1:
                    lo, hi = end_phrase, len(doc)
                else:
                    lo, hi = 0, tok.i
            elif tok.lower_ in ("in", "to", "from", "by") and (view := _view_phrase(tok)) is not None:
                if any(s0 < seg.start + tok.idx < e0 for s0, e0 in self._quoted):
                    continue  # "in my view" inside a quotation: the quoted speaker's words
                head, (lo, hi), cue = view
                if not self._can_hold(seg, head) or head.lower_ in ("it", "its", "my", "our"):
                    continue  # the writer's own view ("in our judgment") is no attribution
                said = " words" in cue  # "in her words" reports speech; a view is held
            elif tok.pos_ == "VERB" and verb_lemma(tok) in _CARRIER_VERBS | _GIVING_VERBS and (
                    carried := _carried(tok)) is not None:
                at = seg.start + tok.idx
                if any(s0 < at < e0 for s0, e0 in self._quoted):
                    continue
                head = self._holder(seg, tok)
                if head is None or head.lower_ in ("it", "there", "this", "that", "which", "who"):
                    continue
                lo, hi = carried
                cue = tok.text
                said = False
            elif tok.lower_ == "self" and (own := self._self_described(seg, tok)) is not None:
                head, (lo, hi) = own
                cue = doc[tok.i:tok.head.i + 1].text
                self_at = tok
            elif (held := self._stance_cue(seg, tok)) is not None:
                at = seg.start + tok.idx
                if any(s0 < at < e0 for s0, e0 in self._quoted):
                    continue  # inside a quotation: the quoted speaker's words
                (head, (lo, hi)), cue = held
                said = False
            elif tok.dep_ in _NOUN_DEPS and (sense := _report_noun(tok)) is not None:
                noun = self._noun_cue(seg, tok, sense)
                if noun is None:
                    continue
                head, (lo, hi), said = noun
                cue = tok.text
            elif tok.tag_ == "VBN" and verb_lemma(tok) in OUTLET_CUES and self._reported_by(seg, tok):
                continue
            elif (tok.pos_ == "VERB" or tok.dep_ == "aux" and tok.tag_ in ("VBP", "VBD", "VBZ")
                  and tok.head.tag_ == "VBG") and _reporting(verb_lemma(tok)):
                passive = _passive_stance(tok)
                if passive is None and _bare_participle(tok):
                    continue  # "Asked whether she would run, Roe said …": the one asked is no holder of the question
                span = passive[1] if passive else _complement(tok)
                if span is None:
                    continue
                said = passive is None and verb_lemma(tok) in INDIRECT_LEMMAS and _is_clause(doc, span)
                at = seg.start + tok.idx
                if not said and any(s0 < at < e0 for s0, e0 in self._quoted):
                    continue  # '"We condemn this attack," according to …': the quoted speaker's words
                if passive is not None:
                    head = passive[0] if self._can_hold(seg, passive[0]) else None
                else:
                    head = subject_of(tok, -1, -1) if said else self._holder(seg, tok)
                if head is None or head.lower_ in ("there", "this", "that", "which", "who") or (
                        head.lower_ == "it" and not said):
                    continue  # "it says that …" (a report, a law, a company) has an unresolved speaker
                if verb_lemma(tok) in SIDE_LEMMAS and not (
                        self._is_people(seg, head) or head.lower_ in ("those", "others")
                        or self._names_person(seg, doc[span[0]:span[1]].root)):
                    continue  # "Iran backed the militias": a state's act, not a stance
                if verb_lemma(tok) in FORCE_LEMMAS and self._force_act(seg, tok, head, doc[span[0]:span[1]].root):
                    continue  # "rebels attacked the town": an act of force, not a stance
                if verb_lemma(tok) in ("cite", "quote") and any(
                        o.dep_ == "dobj" and self._can_hold(seg, o) for o in tok.children):
                    continue  # "…, officials said, citing witnesses": a source named, not a claim
                cue = tok.text
                lo, hi = span
                named = span == _free_relative(tok)
            else:
                continue
            lo, hi = self._trim(doc, lo, hi)
            first = doc[lo] if lo < hi else None
            if first is not None and first.dep_ == "prep" and first.i > tok.i and any(
                    t.ent_type_ in ("DATE", "TIME") for t in first.subtree):
                lo, hi = self._trim(doc, max(t.i for t in first.subtree) + 1, hi)
            if hi <= lo:
                continue
            hi_i, hj = name_span(seg, head)
            if is_outlet(self.a, seg, hi_i, hj):
                self._attribute(seg, head, tok, cue)
                continue
            if lo <= head.i < hi:
                continue
            s, e = seg.char_span(lo, hi)
            if sum(self.a.text.count(c, s, e) for c in '"“”«»') % 2:
                tail = self.a.text[e:e + 2]
                for k, ch in enumerate(tail):
                    if ch in '"”»':
                        e += k + 1
                        break
            sp = self.speaker(seg, head)
            if sp.actor is not None and sp.kind in ("person", "organization") and (
                    rel := _relative_subject(tok, head)) is not None:
                sp.span = seg.char_span(rel.i, rel.i + 1)  # "Smith, who said …": the pronoun names Smith here
            if self_at is not None:
                sp.span = seg.char_span(self_at.i, self_at.i + 1)  # "a self-described hawk": "self" names the holder
            self.found.append(Found(
                "indirect", s, e, self.a.text[s:e], cue=cue, cue_seg=seg.index, speaker=sp.actor, spoken=said,
                name=sp.name, speaker_span=sp.span, speaker_kind=sp.kind, via=via_of(seg, tok) if cue != "according to" else None,
                named=named,
            ))
        self._trailing_outlet(seg)
        self._trailing_report(seg)
        self._colon_report(seg)

    def _self_described(self, seg: Segment, tok: Token) -> tuple[Token, tuple[int, int]] | None:
        """"Jane Roe, a teacher and self-described fiscal hawk": the one described calls herself what the noun
        after *self-described* (*-proclaimed, -styled, -identified*) says. ((holder, content span)); the holder is
        the name the noun is in apposition to (through coordination), else the noun itself when it is a common noun
        that can hold a view and words stand between it and the participle ("self-described moderate voters"; not
        "the self-proclaimed Islamic State", a name); None otherwise."""
        verb = tok.head
        noun = verb.head
        if tok.dep_ != "npadvmod" or verb.lower_ not in _SELF_VERBS or verb.dep_ != "amod" or verb.i != tok.i + 2 \
                or noun.pos_ not in ("NOUN", "PROPN") or noun.i <= verb.i:
            return None
        up = noun
        while up.dep_ == "conj" and up.head.i < up.i:
            up = up.head
        if up.dep_ == "appos" and self._can_hold(seg, up.head):
            return up.head, (verb.i + 1, noun.i + 1)
        if noun.i > verb.i + 1 and noun.pos_ == "NOUN" and noun.ent_type_ == "" and self._can_hold(seg, noun):
            return noun, (verb.i + 1, noun.i)
        return None

    def _speaker_line(self, seg: Segment) -> None:
        """A line that opens with a person's name and a colon gives that person's words: a transcript
        turn ("SMITH: We will win.") or a headline ("Jane Doe: The Plan Is Dead"). The name is a person
        the model tags, a person actor, the surname of a person the article names, or an upper-case
        label that opens two lines or more (a transcript); the words run to the end of the line."""
        doc = seg.doc
        text = self.a.text
        if seg.start > 0 and text[:seg.start].rstrip(" \t")[-1:] not in ("\n", ""):
            return  # not at the start of a line
        colon = next((t.i for t in doc[:12] if t.text == ":"), None)
        if colon is None or colon == 0 or len([t for t in doc[colon + 1:] if not t.is_punct]) < 3:
            return
        last = doc[colon - 1]
        if last.text == ")":  # "Rep. Jane Doe (D-Ohio):"
            opening = next((t.i for t in reversed(doc[:colon - 1]) if t.text == "("), None)
            if opening is None or opening == 0:
                return
            last = doc[opening - 1]
        if not (last.is_alpha and last.text[:1].isupper()) or any(t.is_punct and t.text not in (".", "-")
                                                                  for t in doc[:last.i]):
            return
        if not (self._person_word(seg, last) or last.text in self._transcript_labels()
                or last.i == 0 and last.pos_ in ("NOUN", "PROPN") and last.lemma_.lower() in documents()):
            return  # a headline "Poll: …" gives the poll's finding
        lo, hi = self._trim(doc, colon + 1, len(doc))
        if hi <= lo:
            return
        s, e = seg.char_span(lo, hi)
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        if any(c.isalnum() for c in text[e:line_end]):  # the turn runs on to the end of its line
            e = len(text[:line_end].rstrip(" \t.,;:!?"))
        kind: QuoteKind = "indirect"
        sp = self.speaker(seg, last)
        self.found.append(Found(kind, s, e, text[s:e], cue=":", cue_seg=seg.index, speaker=sp.actor,
                                name=sp.name, speaker_span=sp.span, speaker_kind=sp.kind))

    def _transcript_labels(self) -> frozenset[str]:
        """Upper-case speaker labels of a transcript ("TAPPER:", "JAKE TAPPER:"): the last word of a label
        that opens two lines or more of the article."""
        if self._labels is None:
            counts: dict[str, int] = {}
            for m in _LABEL.finditer(self.a.text):
                word = m.group(1).split()[-1]
                counts[word] = counts.get(word, 0) + 1
            self._labels = frozenset(w for w, n in counts.items() if n >= 2)
        return self._labels

    def _actor_of(self, seg: Segment, tok: Token) -> Actor | None:
        """The actor the actors stage linked token ``tok`` of ``seg`` to, if any."""
        ref = actor_at(self.a, seg.index, tok.i)
        return self.a.actor(ref) if ref else None

    def _person_word(self, seg: Segment, tok: Token) -> bool:
        """``tok`` is (the end of) a person's name: a PERSON entity, a person actor, or a surname of a
        person named in the article ("TAPPER" after "Jake Tapper")."""
        if tok.ent_type_ == "PERSON":
            return True
        actor = self._actor_of(seg, tok)
        if actor is not None:
            return actor.kind == "person"
        low = tok.lower_
        return any(name.split()[-1].lower() == low for _s, _e, _id, name in self._persons if name.split())

    def _colon_cue(self, m: Marked, seg: Segment) -> tuple[Segment, Token, Token] | None:
        """A quotation that opens its sentence right after a sentence ending in a speech verb and a colon
        ("The mayor said on Monday:" / "“The bridge stays closed.”"): that verb and its subject."""
        text = self.a.text
        if seg.index == 0 or text[seg.start:m.start].strip():
            return None
        prev = self.a.segments[seg.index - 1]
        if not prev.parsed or not text[prev.start:prev.end].rstrip().endswith(":"):
            return None
        verb = next((t for t in reversed(prev.doc) if t.pos_ in ("VERB", "AUX") and is_cue(t)
                     and not any(c.dep_ == "ccomp" and c.i > t.i for c in t.children)), None)
        if verb is None:
            return None
        head = subject_of(verb, -1, -1)
        if head is None or head.lower_ in ("it", "there", "this", "that", "which", "who"):
            return None
        if is_outlet(self.a, prev, *name_span(prev, head)):
            return None
        return prev, verb, head

    def _colon_report(self, seg: Segment) -> None:
        """"The mayor said on Monday:" and the words in the next sentence or paragraph, without quote marks:
        that paragraph is what the speech verb's subject said (quoted words are the quote rules' own)."""
        text = self.a.text
        if not text[seg.start:seg.end].rstrip().endswith(":"):
            return
        segs = self.a.segments
        if seg.index + 1 >= len(segs):
            return
        nxt = segs[seg.index + 1]
        first = text[nxt.start:nxt.end].lstrip()[:1]
        if not first or first in "\"“«„‘'" or any(s0 <= nxt.start < e0 for s0, e0 in self._quoted):
            return
        verb = next((t for t in reversed(seg.doc) if t.pos_ in ("VERB", "AUX") and verb_lemma(t) in INDIRECT_LEMMAS
                     and _complement(t) is None), None)
        if verb is None:
            return
        head = subject_of(verb, -1, -1)
        if head is None or head.lower_ in ("it", "there", "this", "that", "which", "who"):
            return
        if is_outlet(self.a, seg, *name_span(seg, head)):
            return  # "Reuters reported the following:": an attribution with the paragraph as its scope
        end = nxt.end
        k = nxt.index + 1
        while k < len(segs) and segs[k].paragraph == nxt.paragraph:
            end = segs[k].end
            k += 1
        s, e = nxt.start, len(text[:end].rstrip(" \t\n.,;:!?"))
        s = len(text) - len(text[s:].lstrip())
        if e - s < 10:
            return
        sp = self.speaker(seg, head)
        self.found.append(Found("indirect", s, e, text[s:e], cue=verb.text, cue_seg=seg.index, speaker=sp.actor,
                                name=sp.name, speaker_span=sp.span, speaker_kind=sp.kind, via=via_of(seg, verb)))

    def _trailing_report(self, seg: Segment) -> None:
        """"…, campaign finance records show." with the closing verb tagged as a noun (the parse then has
        no clause to report): the words before the comma are what the noun phrase before the verb reports."""
        doc = seg.doc
        words = [t for t in doc if not t.is_punct and not t.is_space]
        if len(words) < 5:
            return
        verb = words[-1]
        if verb.pos_ in ("VERB", "AUX") or verb_lemma(verb) not in INDIRECT_LEMMAS | BELIEF_LEMMAS:
            return
        comma = next((t.i for t in reversed(doc[:verb.i]) if t.is_punct), None)
        if comma is None or doc[comma].text not in (",", "—", "–") or not 1 <= verb.i - comma - 1 <= 6:
            return
        holder = doc[verb.i - 1]
        if holder.pos_ not in ("NOUN", "PROPN") or not self._can_hold(seg, holder):
            return
        lo, hi = self._trim(doc, 0, comma)
        if hi - lo < 3:
            return
        s, e = seg.char_span(lo, hi)
        if any(f.start <= s < f.end for f in self.found):
            return
        sp = self.speaker(seg, holder)
        self.found.append(Found("indirect", s, e, self.a.text[s:e], cue=verb.text, cue_seg=seg.index,
                                speaker=sp.actor, name=sp.name, speaker_span=sp.span, speaker_kind=sp.kind))

    def _noun_cue(self, seg: Segment, noun: Token, sense: str) -> tuple[Token, tuple[int, int], bool] | None:
        """A report noun with its complement right after it ("her claim that the vote was rigged", "his
        plan to run"): the holder is the noun's possessor, its "by"/"from" phrase, or the subject of a
        verb that only carries the noun ("made the claim that", "issued a warning that"). Speech nouns
        with a "that" clause are said; beliefs and intentions are held."""
        span: tuple[int, int] | None = None
        clause = False
        for c in noun.children:
            if c.dep_ not in ("acl", "ccomp") or min(t.i for t in c.subtree) != noun.i + 1:
                continue
            first, end = noun.doc[noun.i + 1], max(t.i for t in c.subtree) + 1
            if (first.lower_ == "that" and (first.dep_ == "mark" or first.tag_ == "IN") and sense != "intend"
                    and _is_clause(noun.doc, (noun.i + 2, end))):
                clause = True  # a "that" tagged IN is a complementiser, however the parse attached it
                span = noun.i + 2, end
                break
            if first.lower_ == "not" and first.dep_ == "neg" and noun.i + 2 < len(noun.doc):
                first = noun.doc[noun.i + 2]  # "her decision not to run": the negated infinitive
            if first.lower_ == "to" and first.dep_ == "aux" and sense in ("intend", "say"):
                span = noun.i + 1, end
                break
        if span is None:
            span, clause = _copula_complement(noun, sense)
        if span is None:
            return None
        holder: Token | None = None
        for c in noun.children:
            if c.dep_ == "poss":
                holder = c
            elif c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < span[0]:
                holder = next((o for o in c.children if o.dep_ == "pobj"), holder)
        if holder is None and noun.dep_ == "dobj" and verb_lemma(noun.head) in _CARRIER_VERBS:
            return (h, span, clause and sense == "say") if (h := self._holder(seg, noun.head)) else None
        if holder is None or not self._can_hold(seg, holder):
            return None
        return holder, span, clause and sense == "say"

    def _stance_noun(self, seg: Segment, noun: Token) -> tuple[Token, tuple[int, int]] | None:
        """"his support for the bill", "the mayor's criticism of the plan", "criticism of the plan by the
        mayor", "criticism from the mayor": a stance noun's holder (its possessor, its "by" phrase, or a "from"
        phrase after its object) and its prepositional object."""
        preps = STANCE_NOUNS.get(noun.lower_, frozenset())
        holder: Token | None = None
        obj: Token | None = None
        after = noun.i + 1  # where the object's preposition may stand: right after the noun or its holder
        for c in noun.children:
            if c.dep_ == "poss":
                holder = c
            elif c.dep_ == "prep" and c.i > noun.i:
                pobj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
                if pobj is None:
                    continue
                if c.lower_ in ("by", "from") and holder is None:
                    holder = pobj  # "criticism of the plan by the mayor", "a call from the farmers for calm"
                    after = after if c.i > after else max(t.i for t in c.subtree) + 1
                elif c.lower_ in preps and obj is None and c.i == after:
                    obj = pobj
        if holder is None or obj is None or not self._can_hold(seg, holder):
            return None
        if holder.lower_ in ("its", "it"):
            return None
        return holder, (min(t.i for t in obj.subtree), max(t.i for t in obj.subtree) + 1)

    def _stance_adjective(self, seg: Segment, adj: Token) -> tuple[Token, tuple[int, int]] | None:
        """"the mayor is concerned about the budget", "voters are skeptical of the plan", "she is willing to
        run", "he is convinced that it will pass": an adjective of feeling or readiness after a copula, its
        holder the copula's subject, and its complement (lexicon.STANCE_ADJECTIVES: a preposition's object,
        a to-infinitive or a "that" clause, on the adjective or, as the parse may hang it, on the copula)."""
        if adj.dep_ not in ("acomp", "oprd") or adj.head.pos_ not in ("AUX", "VERB"):
            return None
        comps = STANCE_ADJECTIVES.get(adj.lower_, frozenset())
        holder = self._holder(seg, adj.head)
        if holder is None or holder.lower_ in ("it", "there", "this", "that", "which", "what"):
            return None
        for c in [*adj.children, *(c for c in adj.head.children if c.i > adj.i)]:
            span: tuple[int, int] | None = None
            if c.dep_ == "prep" and c.lower_ in comps and c.i > adj.i:
                obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    span = min(t.i for t in obj.subtree), max(t.i for t in obj.subtree) + 1
            elif c.dep_ in ("xcomp", "ccomp") and c.i > adj.i:
                to = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                if to and "to" in comps or not to and "that" in comps and _is_clause(adj.doc, (
                        min(t.i for t in c.subtree), max(t.i for t in c.subtree) + 1)):
                    span = min(t.i for t in c.subtree), max(t.i for t in c.subtree) + 1
            if span is not None:
                return holder, span
        return None

    def _stance_agent(self, seg: Segment, noun: Token) -> tuple[Token, tuple[int, int]] | None:
        """"Jane Roe, a longtime critic of the mayor", "she is a supporter of the plan": a noun for one who
        takes a side (lexicon.STANCE_AGENTS) with its "of" object; the holder is the name it stands in
        apposition to or the subject of the copula it completes."""
        preps = STANCE_AGENTS.get(noun.lemma_.lower(), frozenset())
        obj = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ in preps and p.i == noun.i + 1
                    for o in p.children if o.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        holder: Token | None = None
        if noun.dep_ == "appos":
            holder = noun.head
        elif noun.dep_ == "attr" and noun.head.pos_ in ("AUX", "VERB"):
            holder = self._holder(seg, noun.head)
        if holder is None or not self._can_hold(seg, holder) or holder.pos_ == "PRON" and holder.lower_ not in (
                _HOLDER_PRONOUNS):
            return None
        return holder, (min(t.i for t in obj.subtree), max(t.i for t in obj.subtree) + 1)

    def _can_hold(self, seg: Segment, tok: Token) -> bool:
        """``tok`` can hold a view: a name, a person pronoun (or its possessive), an actor, or a noun of
        a speaker (lexicon.speaker_nouns); a share of people ("most", "both of whom", "89% of voters", "a
        majority of Democrats") when its "of" phrase can hold one, or alone for "most", "many", "some"."""
        if tok.lower_ in _SHARES or tok.like_num:
            of = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"), None)
            if of is not None:
                return of.lower_ in ("whom", "them", "us") or self._can_hold(seg, of)
            if tok.like_num and any(p.dep_ == "prep" and p.lower_ == "in" and any(o.like_num for o in p.children)
                                    for p in tok.children):
                return True  # "one in five say …": a share of those asked
            return tok.lower_ in _GROUP_SHARES
        if tok.lower_ in _WHO_PRONOUNS and any(c.dep_ == "relcl" and any(
                w.lower_ in ("who", "whom") for w in c.children) for c in tok.children):
            return True  # "those who oppose the plan", "anyone who doubts it": people
        if tok.pos_ == "PRON" or tok.tag_ == "PRP$":
            return tok.lower_ in _HOLDER_PRONOUNS or tok.lower_ in ("his", "her", "their", "its", "my", "our")
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            return True
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
            return True  # "the party's committeeman, Jane Roe, has called for …": the named person holds it
        if actor_at(self.a, seg.index, tok.i) is not None:
            return True
        nouns = speaker_nouns()
        if tok.lemma_.lower() in nouns or tok.lower_ in nouns:
            return True
        # people named by an agent noun in the plural: "farmers", "pastors", "activists", "historians"
        return tok.tag_ == "NNS" and tok.lower_.endswith(_AGENT_ENDINGS) and tok.lower_ not in _THING_AGENTS

    def _force_act(self, seg: Segment, verb: Token, subj: Token, obj: Token) -> bool:
        """A verb of force ("attack", "hit") names an act: an armed subject (a military, rebel, police or
        criminal agent noun, or an actor of those sectors), a place or facility as object, or an instrument
        ("with rockets")."""
        if subj.lemma_.lower() in armed_nouns() or subj.lower_ in armed_nouns():
            return True
        actor = self._actor_of(seg, subj)
        if actor is not None and actor.sector in ARMED_SECTORS:
            return True
        if obj.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        return any(p.dep_ == "prep" and p.lower_ == "with" for p in verb.children)

    def _is_people(self, seg: Segment, tok: Token) -> bool:
        """``tok`` names a person or people: a PERSON name or person actor, a person pronoun, a plural
        NORP ("Republicans"), or a noun of people (lexicon unnamed_people, the actors' role titles)."""
        if tok.lower_ in _HOLDER_PRONOUNS or tok.ent_type_ == "PERSON":
            return True
        actor = self._actor_of(seg, tok)
        if actor is not None and actor.kind == "person":
            return True
        if tok.ent_type_ == "NORP" or tok.lower_ in ("republicans", "democrats", "conservatives", "liberals"):
            return tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("s")
        if tok.pos_ != "NOUN":
            return False
        return tok.lemma_.lower() in people_nouns()

    def _names_person(self, seg: Segment, obj: Token) -> bool:
        """A side verb's object names a person ("backed Jane Roe", "backed the governor") or a person's bid
        ("backed Jane Roe's campaign")."""
        if obj.ent_type_ == "PERSON" or obj.tag_ == "NN" and self._is_people(seg, obj):
            return True
        return any(c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in obj.children)

    def _holder(self, seg: Segment, verb: Token) -> Token | None:
        """Who holds a belief, intention or stance: the verb's own subject (or that of the verb it is
        coordinated with, or the noun a "who" clause hangs on), when it can hold a view: a name, a
        person pronoun, an actor, or a noun of a speaker (lexicon.speaker_nouns)."""
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and (
                verb.head.lower_ in FINDING_NOUNS or self._is_people(seg, verb.head)):
            return verb.head  # "recent polls showing a tightening race", "pastors supporting the senator"
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb_lemma(verb) in SIDE_LEMMAS | OBJECT_LEMMAS and (
                verb.head.pos_ in ("NOUN", "PROPN") and self._can_hold(seg, verb.head)
                or verb.head.lower_ in ("those", "others")):
            return verb.head  # "a super PAC backing the governor", "those opposing the plan"
        subj = subject_of(verb.head if verb.dep_ == "aux" else verb, -1, -1)
        if subj is None:
            subj = _governing_subject(verb)
        if subj is None or not self._can_hold(seg, subj):
            return None
        if subj.like_num or subj.lower_ in ("%", "percent", "majority", "plurality", "minority", "half", "handful",
                                             "dozens", "hundreds", "thousands", "millions", "number", "lot",
                                             *_FRACTIONS):
            # "89% of young voters", "a majority of Democrats": the people are the speaker
            return next((o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"), subj)
        return subj

    def _reported_by(self, seg: Segment, verb: Token) -> bool:
        """"as reported by the BBC", "…, first reported by Axios": an outlet citation."""
        for c in verb.children:
            if c.dep_ == "agent":
                for o in c.children:
                    if o.dep_ == "pobj" and is_outlet(self.a, seg, *name_span(seg, o)):
                        self._attribute(seg, o, verb, verb.text)
                        return True
        return False

    @staticmethod
    def _trim(doc: object, lo: int, hi: int) -> tuple[int, int]:
        from spacy.tokens import Doc

        assert isinstance(doc, Doc)
        while lo < hi and ((doc[lo].is_punct and doc[lo].text not in "“\"«„") or doc[lo].is_space
                           or doc[lo].lower_ == "that" and doc[lo].dep_ == "mark"):
            lo += 1
        while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in "”\"»)" or doc[hi - 1].is_space):
            hi -= 1
        return lo, hi

    def _attribute(self, seg: Segment, head: Token, cue_tok: Token, cue: str) -> None:
        i, j = name_span(seg, head)
        s, e = seg.char_span(i, j)
        cs, ce = offsets(seg, cue_tok)
        if cue == "according to":
            ce = cs + len(seg.doc[cue_tok.i: cue_tok.i + 2].text)
        lo, hi = min(s, cs), max(e, ce)
        for at in self.attributions:
            if at.evidence is not None and at.evidence.start <= s < at.evidence.end:
                return
        scope = Scope(start=seg.start, end=seg.end)
        if _COLON_END.search(self.a.text[seg.start:seg.end]):
            scope = Scope(start=seg.start, end=self._paragraph_end(seg))
        ref = None
        for k in range(i, j):
            ref = ref or actor_at(self.a, seg.index, k)
        source = self.a.text[s:e]  # as cited ("AFP"), not the canonical name
        self.attributions.append(Attribution(
            source=source, cue=cue, scope=scope, actor=ref, evidence=self.a.span(lo, hi),
        ))

    def _paragraph_end(self, seg: Segment) -> int:
        segs = self.a.segments
        k = seg.index + 1
        para = segs[k].paragraph if k < len(segs) else seg.paragraph
        end = seg.end
        while k < len(segs) and segs[k].paragraph == para:
            end = segs[k].end
            k += 1
        return end

    def _trailing_outlet(self, seg: Segment) -> None:
        """", Newsweek writes." / ", AFP reported, citing …" however the parser attached it."""
        doc = seg.doc
        n = len(doc)
        if _COLON_END.search(self.a.text[seg.start:seg.end]) and seg.parsed:
            for verb in doc:  # "Reuters reported the following:" covers what follows
                subj = subject_of(verb, -1, -1) if verb_lemma(verb) in OUTLET_CUES else None
                if subj is not None and is_outlet(self.a, seg, *name_span(seg, subj)):
                    self._attribute(seg, subj, verb, verb.text)
                    return
        for verb in doc:
            if verb_lemma(verb) not in OUTLET_CUES or verb.tag_ not in ("VBZ", "VBD", "VBP"):
                continue
            after = doc[verb.i + 1] if verb.i + 1 < n else None
            if after is not None and not after.is_punct:
                continue
            j = verb.i
            i = j
            while i > 0 and not doc[i - 1].is_punct and j - i < 5:
                i -= 1
            if i == j or i == 0 or doc[i - 1].text not in (",", "—", "–"):
                continue
            if is_outlet(self.a, seg, i, j):
                self._attribute(seg, doc[j - 1], verb, verb.text)

    # -- quoted stretches ---------------------------------------------------------------------
    def marked(self, m: Marked, prev: Found | None) -> Found | None:
        a = self.a
        seg_o = a.segment_at(m.start)
        seg_c = a.segment_at(max(m.end - 1, m.start)) or seg_o
        if seg_o is None or seg_c is None:
            return None
        q_lo = self._tok_at(seg_o, m.start, True)
        inner = a.text[m.inner_start:m.inner_end]
        if _SCARE.search(a.text[max(0, m.start - 12):m.start]):
            return None  # the so-called "spring offensive"
        # 0. a quotation signed with a dash and a name: '“We will be back.” ― Jane Roe'
        signed = self._signed(m)
        if signed is not None:
            sseg, shead = signed
            sp = self.speaker(sseg, shead)
            return Found("direct", m.start, m.end, inner, cue=self.a.text[m.end:m.end + 3].strip()[:1],
                         cue_seg=sseg.index, speaker=sp.actor, name=sp.name, speaker_span=sp.span,
                         speaker_kind=sp.kind, flags=list(m.flags))
        # 1. cue after the closing mark: "…," he said / "…" insists Burton
        ends_utterance = inner.rstrip()[-1:] in ",.!?…—-" or a.text[m.end:m.end + 1] == ","
        found = self._cue_after(m, seg_c) if m.closed and ends_utterance else None
        head: Token | None = None
        if found is not None:
            head = self._head(m, found[0], found[1])
            if head is None or found[0].start + head.idx < m.start or head.ent_type_ in _NOT_SPEAKER:
                head = found = None  # 'The group, known as "X", has denied …': the subject precedes
        embedded = False
        if found is None:
            found = self._cue_before(m, seg_o, q_lo)
            embedded = found is not None and found[2]
            head = self._head(m, found[0], found[1]) if found is not None else None
        if found is not None and head is not None:
            cseg, verb, _emb = found
            if embedded and self._looks_like_title(inner):
                return None
            sp = self.speaker(cseg, head)
            cue = "according to" if verb.lower_ == "according" else verb.text
            via = via_of(cseg, verb) if cseg.parsed else None
            kind = self._kind(m, seg_o)
            if cseg.index == seg_o.index and verb.i < q_lo and all(t.is_punct for t in cseg.doc[verb.i + 1:q_lo]):
                kind = "direct"  # 'Protesters chanted "Down with …"', 'He said: "…"'
            elif embedded or is_charge(verb):
                kind = "partial"
            return Found(kind, m.start, m.end, inner, cue=cue, cue_seg=cseg.index, speaker=sp.actor,
                         name=sp.name, speaker_span=sp.span, speaker_kind=sp.kind, via=via, flags=list(m.flags))
        # 1b. the sentence before ends "… said:" and the quotation opens the next one
        colon = self._colon_cue(m, seg_o)
        if colon is not None:
            cseg, verb, head = colon
            sp = self.speaker(cseg, head)
            return Found("direct", m.start, m.end, inner, cue=verb.text, cue_seg=cseg.index, speaker=sp.actor,
                         name=sp.name, speaker_span=sp.span, speaker_kind=sp.kind,
                         via=via_of(cseg, verb) if cseg.parsed else None, flags=list(m.flags))
        # 1c. a person's name and a colon right before the quotation: 'The council heard from Jane Roe: "…"'
        named = self._name_colon(m, seg_o)
        if named is not None:
            sp = self.speaker(seg_o, named)
            return Found("direct", m.start, m.end, inner, cue=":", cue_seg=seg_o.index, speaker=sp.actor,
                         name=sp.name, speaker_span=sp.span, speaker_kind=sp.kind, flags=list(m.flags))
        # 2. inside an indirect quote: its speaker's words
        for f in self.found:
            if f.kind == "indirect" and m.start <= f.start and f.end <= m.end and not (
                    f.speaker_span is not None and m.start <= f.speaker_span[0] < m.end):
                # (a speaker inside the quotation, '"… Jane says she will …"', is not its speaker)
                return Found("direct", m.start, m.end, inner, cue=f.cue, cue_seg=f.cue_seg,
                             speaker=f.speaker, name=f.name, speaker_span=f.speaker_span, speaker_kind=f.speaker_kind, via=f.via,
                             flags=list(m.flags))
            if f.kind == "indirect" and f.start <= m.start and m.end <= f.end + 1:
                if self._looks_like_title(inner) or not f.spoken:
                    return None
                return Found("partial", m.start, m.end, inner, cue=f.cue, cue_seg=f.cue_seg,
                             speaker=f.speaker, name=f.name, speaker_span=f.speaker_span, speaker_kind=f.speaker_kind, via=f.via,
                             flags=list(m.flags))
        # 3. continuation of the previous speaker's quote in the next sentence
        if prev is not None and prev.kind == "direct" and prev.speaker_span is not None:
            if self._starts_sentence(m, seg_o) and seg_o.index - prev.cue_seg <= 1 and m.start - prev.end < 400:
                return Found("direct", m.start, m.end, inner, cue=prev.cue, cue_seg=seg_c.index,
                             speaker=prev.speaker, name=prev.name, speaker_span=prev.speaker_span, speaker_kind=prev.speaker_kind,
                             via=prev.via, flags=[*m.flags, "continued"])
        return None

    def _name_colon(self, m: Marked, seg: Segment) -> Token | None:
        """The last word of a person's name (a PERSON entity or a person actor) that a colon separates from
        the opening mark, a parenthesis of party and state allowed between: 'Rep. Jane Roe (D-Ore.): "…"'."""
        before = _NAME_COLON.search(self.a.text[seg.start:m.start])
        if before is None:
            return None
        end = seg.start + before.start()
        tok = next((t for t in seg.doc if seg.start + t.idx + len(t.text) == end), None)
        if tok is None or tok.is_punct:
            return None
        actor = self._actor_of(seg, tok)
        if tok.ent_type_ == "PERSON" or actor is not None and actor.kind == "person":
            return tok
        return None

    def _signed(self, m: Marked) -> tuple[Segment, Token] | None:
        """A closed quotation followed by a dash and a person's name, as a signature ('“…” ― Jane Roe',
        '"…" -Mayor Jane Roe, writing on …', or a quoted paragraph with a short line '- Jane Roe.' below it):
        the name (a PERSON entity or a person actor) is the speaker."""
        if not m.closed:
            return None
        dash = _SIGNATURE.match(self.a.text, m.end)
        if dash is None:
            return None
        if dash.group("br") is not None and len(self.a.text[dash.end():].split("\n", 1)[0]) > 60:
            return None  # a signature on a line of its own is short: '"…"\n\n- Jane Roe.'
        if dash.group("br") is not None and self.a.text[m.start - 1:m.start] not in ("", "\n"):
            return None  # only a quotation that is a paragraph of its own is signed below it
        seg = self.a.segment_at(dash.end())
        if seg is None:
            return None
        first = next((t for t in seg.doc if seg.start + t.idx + len(t.text) > dash.end()), None)
        if first is None or seg.start + first.idx < m.end:  # "-President" may be one token
            return None
        head: Token | None = None
        for t in seg.doc[first.i:first.i + 6]:
            actor = self._actor_of(seg, t)
            if t.ent_type_ == "PERSON" or (actor is not None and actor.kind == "person"):
                head = t
            elif head is not None or not (t.pos_ == "PROPN" or t.is_title):
                break
        return (seg, head) if head is not None else None

    @staticmethod
    def _head(m: Marked, seg: Segment, verb: Token) -> Token | None:
        inside = [t.i for t in seg.doc if m.start <= seg.start + t.idx < m.end]
        lo, hi = (inside[0], inside[-1] + 1) if inside else (-1, -1)
        near = [t for t in seg.doc if abs(t.i - verb.i) <= 4 and not (lo <= t.i < hi)]
        head = speaker_head_from(verb, lo, hi, near)
        if head is not None and head.pos_ in ("NOUN",) and head.ent_type_ == "":
            for c in head.children:  # "the ministry spokesman, Nasser Kanaani"
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    return c
        return head

    @staticmethod
    def _tok_at(seg: Segment, char: int, first: bool) -> int:
        """Index of the first token starting at/after ``char`` (first) or ending at/before it."""
        rel = char - seg.start
        if first:
            for t in seg.doc:
                if t.idx >= rel:
                    return int(t.i)
            return len(seg.doc)
        for t in seg.doc:
            if t.idx >= rel:
                return int(t.i)
        return len(seg.doc)

    def _cue_after(self, m: Marked, seg: Segment) -> tuple[Segment, Token, bool] | None:
        start = self._tok_at(seg, m.end, False)
        toks = [t for t in seg.doc[start:]]
        words = [t for t in toks if not t.is_punct and not t.is_space]
        if not words:
            segs = self.a.segments
            nxt = seg.index + 1
            if nxt >= len(segs) or segs[nxt].paragraph != seg.paragraph:
                return None
            if "\n" in self.a.text[seg.end:segs[nxt].start]:
                return None
            seg = segs[nxt]
            first = seg.doc[0] if len(seg.doc) else None
            if first is None or first.text[:1] in "\"“«„" or (first.text[:1].isupper() and not (
                    first.pos_ in ("PROPN", "PRON") or is_cue(first))):
                return None
            toks = list(seg.doc)
            words = [t for t in toks if not t.is_punct and not t.is_space]
        for n, t in enumerate(words[:16]):
            if t.text[:1] in "\"“«„":
                return None
            if is_cue(t):
                between = words[:n]
                if n > 6 and any(b.pos_ in ("VERB", "AUX") and not _in_clause(b, t) for b in between):
                    return None
                return seg, t, False
        return None

    def _cue_before(self, m: Marked, seg: Segment, q_lo: int) -> tuple[Segment, Token, bool] | None:
        doc = seg.doc
        before = [t for t in doc[:q_lo]]
        quote_toks = [t for t in doc[q_lo:] if seg.start + t.idx < m.end]
        for t in reversed(before):
            if t.text in (".", "!", "?"):
                break
            if not is_cue(t) and t.lower_ != "according":
                continue
            gap = [g for g in doc[t.i + 1:q_lo] if not g.is_punct]
            if verb_lemma(t) in _TOPIC_VERBS and gap and gap[0].lower_ in ("about", "on", "over", "regarding"):
                continue  # 'asked about the "red lines"': the quoted words are the topic
            if len(gap) <= 3 and t.lower_ != "according" and not is_charge(t):
                ancestor = any(t in list(q.ancestors) for q in quote_toks)
                return seg, t, ancestor and len(gap) > 0 and doc[q_lo - 1].text not in ",:"
            if seg.parsed and any(t in list(q.ancestors) or q.head.i == t.i for q in quote_toks):
                return seg, t, True
        return None

    @staticmethod
    def _looks_like_title(inner: str) -> bool:
        words = [w for w in inner.replace("-", " ").split() if w[:1].isalpha()]
        content = [w for w in words if w.lower() not in _SMALL]
        if len(content) >= 2 and all(w[:1].isupper() for w in content):
            return True
        return False

    def _starts_sentence(self, m: Marked, seg: Segment) -> bool:
        before = self.a.text[seg.start:m.start].rstrip()
        return not before or before[-1] in ".!?\"”»:"

    def _kind(self, m: Marked, seg: Segment) -> QuoteKind:
        before = self.a.text[seg.start:m.start].rstrip()
        if not before or before[-1] in ",:;—–-(.!?\"”»" or before.endswith(("said", "says", "told")):
            return "direct"
        inner = self.a.text[m.inner_start:m.inner_end]
        if len(inner.split()) >= 8 and inner.rstrip()[-1:] in ".!?,":
            return "direct"
        return "partial"

    # -- run ------------------------------------------------------------------------------------
    def _dateline(self) -> None:
        """"KYIV (Reuters) -": the agency covers the whole article."""
        dl = self.a.dateline or {}
        src = dl.get("source")
        if not isinstance(src, str) or not src:
            return
        lo, hi = int(dl.get("start", 0)), int(dl.get("end", 0))
        at = self.a.text.find(src, lo, max(hi, lo + len(src)))
        if at < 0:
            return
        seg = self.a.segment_at(at)
        ref = None
        if seg is not None:
            for t in seg.doc:
                if at <= seg.start + t.idx < at + len(src):
                    ref = ref or actor_at(self.a, seg.index, t.i)
        self.attributions.append(Attribution(
            source=src, cue="dateline", scope=Scope(start=0, end=len(self.a.text)), actor=ref,
            evidence=self.a.span(at, at + len(src)),
        ))

    def run(self) -> tuple[list[Quote], list[Attribution], dict[str, str]]:
        self._dateline()
        marks = find_quoted(self.a.text, self.max_chars)
        self._quoted = [(m.start, m.end) for m in marks]
        for seg in self.a.segments:
            self.indirect(seg)
        marked: list[Found] = []
        prev: Found | None = None
        results: list[Found | None] = []
        for m in marks:
            f = self.marked(m, prev)
            results.append(f)
            if f is not None:
                prev = f
        # an unclosed paragraph of a multi-paragraph quotation takes the speaker of the next one
        for k in range(len(marks) - 2, -1, -1):
            nxt = results[k + 1]
            if results[k] is None and not marks[k].closed and nxt is not None and nxt.kind == "direct":
                gap = self.a.text[marks[k].end:marks[k + 1].start]
                if not gap.strip() and "capped" not in marks[k].flags:
                    m = marks[k]
                    results[k] = Found("direct", m.start, m.end, self.a.text[m.inner_start:m.inner_end],
                                       cue=nxt.cue, cue_seg=nxt.cue_seg, speaker=nxt.speaker, name=nxt.name,
                                       speaker_span=nxt.speaker_span, speaker_kind=nxt.speaker_kind, via=nxt.via, flags=[*m.flags, "continued"])
        marked = [f for f in results if f is not None]
        # a belief or stance reported inside another indirect quote is part of what that one reports
        self.found = [f for f in self.found if f.spoken or f.named or not any(
            g is not f and g.start <= f.start and f.end <= g.end for g in self.found)]
        # an indirect quote that is really the direct quote's words is dropped
        keep = [f for f in self.found if not any(
            _overlap(f, d) > (0.5 if d.kind == "direct" else 0.8) * (f.end - f.start) for d in marked)]
        allq = sorted(keep + marked, key=lambda f: (f.start, f.kind != "indirect"))
        quotes: list[Quote] = []
        names: dict[str, str] = {}
        for n, f in enumerate(allq, 1):
            qid = f"q{n}"
            sp = self.a.span(*f.speaker_span) if f.speaker_span else None
            quotes.append(Quote(
                id=qid, text=f.text, kind=f.kind, speaker=f.speaker, cue=f.cue, via=f.via,
                evidence=self.a.span(f.start, f.end), speaker_span=sp, flags=f.flags,
                speaker_kind=f.speaker_kind,
            ))
            name = f.name or (sp.text if sp and sp.text.lower() not in PRONOUNS else None)
            if name:
                names[qid] = name
        self.attributions.sort(key=lambda at: at.scope.start)
        return quotes, self.attributions, names


def _overlap(a: Found, b: Found) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _is_clause(doc: object, span: tuple[int, int]) -> bool:
    """The complement [lo, hi) holds a finite verb (a reported clause, not an object)."""
    from spacy.tokens import Doc

    assert isinstance(doc, Doc)
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[span[0]:span[1]])


def _passive_stance(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """"the bill, opposed by most Republicans, …", "a view endorsed by the crowd": a stance verb's participle
    on a noun with a "by" agent; (the agent, the noun phrase up to its head); "the plan was praised by the
    mayor": a passive stance verb with a "by" agent; (the agent, the passive subject)."""
    lemma = verb_lemma(verb)
    if verb.tag_ != "VBN" or not (lemma in OBJECT_LEMMAS or lemma in SIDE_LEMMAS):
        return None
    agent = next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    if agent is None:
        return None
    if verb.dep_ == "acl":
        noun = verb.head
        return agent, (min(t.i for t in noun.subtree), noun.i + 1)
    # "the governor was endorsed by the union": the passive subject is what the agent holds a view of
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subj is None or subj.lower_ in ("who", "which", "that"):
        return None
    return agent, (min(t.i for t in subj.subtree), max(t.i for t in subj.subtree) + 1)


def _bare_participle(verb: Token) -> bool:
    """A past participle heading an adverbial clause of its own, with no subject or auxiliary: "Asked whether she
    would run, …", "when told of the plan, …" — passive in sense: the main clause's subject is the one asked or
    told, not the one asking or telling."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children)


def _carried(verb: Token) -> tuple[int, int] | None:
    """The object of a verb that only carries a thing said, when a speech-act noun heads it ("offered no
    proof that …", "voiced sharp criticism of the plan"); its whole phrase."""
    for o in verb.children:
        if o.dep_ == "dobj" and o.i > verb.i and o.lower_ in SPEECH_ACT_NOUNS:
            if _report_noun(o) and any(c.dep_ in ("acl", "ccomp") and min(t.i for t in c.subtree) == o.i + 1
                                       for c in o.children):
                return None  # "her claim that …": the report noun's own rule
            return min(t.i for t in o.subtree), max(t.i for t in o.subtree) + 1
    return None


def _finding_in(prep: Token) -> tuple[Token, tuple[int, int]] | None:
    """"In a new poll, the mayor leads by ten points" / "the governor trails in the latest survey": an
    "in" phrase on the main verb whose noun is a count or a study (lexicon.FINDING_NOUNS) reports the
    clause; (the noun, the clause without the phrase). A main verb of saying has its own quote."""
    verb = prep.head
    if prep.dep_ != "prep" or verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or _reporting(verb_lemma(verb)):
        return None
    noun = next((o for o in prep.children if o.dep_ == "pobj"), None)
    if noun is None or noun.lower_ not in FINDING_NOUNS:
        return None
    if not any(c.dep_ in ("compound", "amod", "acl", "nmod", "poss") or c.lower_ in ("a", "an", "this", "that")
               for c in noun.children):
        return None  # "trails in the polls": the polls in general, no one count
    lo, hi = min(t.i for t in prep.subtree), max(t.i for t in prep.subtree) + 1
    doc = prep.doc
    if lo <= 1:
        return noun, (hi, len(doc))
    return noun, (0, lo)


def _report_noun(tok: Token) -> str | None:
    """The sense of a report noun (lexicon.REPORT_NOUNS: say, hold, intend), by its singular form."""
    low = tok.lower_
    if tok.pos_ not in ("NOUN", "VERB") or tok.tag_ not in ("NN", "NNS", "VBG"):
        return None
    return REPORT_NOUNS.get(low) or (REPORT_NOUNS.get(low[:-1]) if low.endswith("s") else None)


def _reporting(lemma: str) -> bool:
    return (lemma in INDIRECT_LEMMAS or lemma in BELIEF_LEMMAS or lemma in INTENTION_LEMMAS
            or lemma in OBJECT_LEMMAS or lemma in SIDE_LEMMAS or lemma in AS_LEMMAS
            or lemma in PREPOSITION_LEMMAS)


def _complement(verb: Token) -> tuple[int, int] | None:
    """Token range of what ``verb`` reports: its ccomp (speech and belief verbs), its to-infinitive
    with the object before it (intention verbs: "wants to leave", "urged Congress to act"), a
    misattached "that" clause, or the clause a parenthetical "…, officials said, …" (parataxis)
    comments on."""
    lemma = verb_lemma(verb)
    if (span := _free_relative(verb)) is not None:
        return span
    if lemma in INDIRECT_LEMMAS or lemma in BELIEF_LEMMAS:
        # a clause after the verb first: "It is working out: she said she has hired …" reports what follows
        for c in sorted(verb.children, key=lambda c: c.i < verb.i):
            if c.dep_ == "ccomp" and (c.i > verb.i or lemma in INDIRECT_LEMMAS or _set_off(verb, c)):
                if c.i > verb.i and _trailing_report(c):
                    continue  # "Voters trust him, a new poll shows": the poll reports, not the voters
                if c.i > verb.i and verb.dep_ == "relcl":
                    # "the tax, which he said would be the lowest ever": the relative pronoun before the
                    # verb is the reported clause's subject; the words after the verb are what was said
                    return verb.i + 1, max(t.i for t in c.subtree) + 1
                return min(t.i for t in c.subtree), max(t.i for t in c.subtree) + 1
        if (span := _unmarked_clause(verb)) is not None:
            return span
        if (span := _short_answer(verb)) is not None:
            return span
    if (lemma in INDIRECT_LEMMAS or lemma in BELIEF_LEMMAS) and _trailing_report(verb):
        return _parataxis(verb)
    if (lemma in INDIRECT_LEMMAS or lemma in BELIEF_LEMMAS) and (span := _as_clause(verb)) is not None:
        return span
    if lemma == "find":
        span = _finding(verb)
        if span is not None:
            return span
    if lemma in INTENTION_LEMMAS:
        span = _infinitive(verb)
        if span is not None:
            return span
    if lemma in OBJECT_LEMMAS or lemma in SIDE_LEMMAS or lemma in AS_LEMMAS or lemma in PREPOSITION_LEMMAS:
        span = _object(verb, lemma)
        if span is not None:
            return span
    if (span := _relative_gap(verb)) is not None:
        return span
    if lemma in BELIEF_LEMMAS and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        return _parataxis(verb)  # "Turnout fell, the survey found, …"
    if lemma not in INDIRECT_LEMMAS:
        return None
    for t in verb.subtree:
        if t.dep_ == "mark" and t.lower_ == "that" and t.i > verb.i and t.head.dep_ in ("acl", "advcl", "relcl"):
            h = t.head
            path = h.head
            ok = True
            while path.i != verb.i:
                if path.pos_ in ("VERB", "AUX") or path.head.i == path.i:
                    ok = False
                    break
                path = path.head
            if ok:
                return min(x.i for x in h.subtree), max(x.i for x in h.subtree) + 1
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        return _parataxis(verb)
    return None


#: "self-described", "self-proclaimed" …: the one so described says it of herself
_SELF_VERBS = frozenset({"described", "proclaimed", "styled", "identified", "declared", "professed"})
#: what a verb's free relative is named as: "calls it waste" (oprd), "thinks is unfair" (ccomp), "sees as" (prep)
_NAMING_DEPS = frozenset({"oprd", "ccomp", "attr", "acomp"})


def _free_relative(verb: Token) -> tuple[int, int] | None:
    """"fought what the mayor calls waste", "objected to what they see as a tax grab", "chose what she said is the
    cheapest plan": a verb of saying or stance whose clause opens with a free relative *what* before its own subject
    names the thing in its own words; those words are what follows the verb in its clause (the *what* and the
    subject lie before it). None when no name or clause follows ("what he wrote", "what they want to do"), when
    *what* is the verb's subject, or when it opens the sentence (a headline's "What we know")."""
    first = min(verb.subtree, key=lambda t: t.i)
    if first.lower_ != "what" or first.head.i == verb.i and first.dep_ in ("nsubj", "nsubjpass"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not first.i < subj.i < verb.i or subj.tag_ in ("WDT", "WP"):
        return None
    if first.i == first.sent.start or not any(
            c.i > verb.i and (c.dep_ in _NAMING_DEPS or c.dep_ == "prep" and c.lower_ == "as") for c in verb.children):
        return None  # "What we know so far", "what they want", "what she told the court": no name given
    end = max(t.i for t in verb.subtree) + 1
    lo = verb.i + 1
    doc = verb.doc
    if doc[lo].lower_ == "as" and lo + 1 < end:
        lo += 1  # "what they see as a tax grab": the words after "as"
    return lo, end


def _relative_gap(verb: Token) -> tuple[int, int] | None:
    """"everything the senator proposed", "the plan the mayor praised", "the issues she spoke about": a verb of
    saying or stance in a relative clause whose object is the noun the clause hangs on (no object or clause of
    its own, its own subject no relative pronoun); that noun phrase up to its head."""
    noun = verb.head
    if verb.dep_ != "relcl" or verb.i < noun.i or noun.pos_ not in ("NOUN", "PRON") or noun.ent_type_ in _NOT_SPEAKER \
            or noun.lemma_.lower() in _ADVERBIAL_HEADS:
        return None  # "the first time she spoke", "the way he put it": a time or a manner, not an object
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i < verb.i and subj.tag_ in ("WDT", "WP"):
        return None
    rel = next((c for c in verb.children if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and noun.i < c.i < subj.i), None)
    if rel is not None and verb_lemma(verb) in OBJECT_LEMMAS | SIDE_LEMMAS:
        # "the tax, which the senator proposed": the relative pronoun is the object; the noun with it
        return min(t.i for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("mark", "cc", "punct", "advmod")), rel.i + 1
    for c in verb.children:
        if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "advcl") or c.tag_ == "WRB":
            return None
        if c.dep_ == "prep" and any(o.dep_ in ("pobj", "pcomp") for o in c.children) and c.lower_ in (
                PREPOSITION_LEMMAS.get(verb_lemma(verb), frozenset())):
            return None  # "the day he spoke about taxes": the topic is its own object
    return min(t.i for t in noun.subtree if t.i == noun.i or t.dep_ not in ("mark", "cc", "punct", "advmod")), noun.i + 1


def _relative_subject(verb: Token, head: Token) -> Token | None:
    """The relative pronoun through which ``head`` is the subject of ``verb`` ("the mayor, who said …", "voters
    who back the plan"), or None."""
    v = verb
    for _ in range(3):
        rel = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")), None)
        if rel is not None:
            return rel if v.dep_ == "relcl" and v.head.i == head.i else None
        if v.dep_ not in ("conj", "xcomp", "advcl", "aux") or v.head.i == v.i:
            return None
        v = v.head
    return None


def _copula_complement(noun: Token, sense: str) -> tuple[tuple[int, int] | None, bool]:
    """"The mayor's answer was that the ferry would stay open", "her plan is to sell the pier": a report noun as
    the subject of *be* whose complement clause ("that …", said or held) or to-infinitive (intended) follows the
    verb; the token range and whether it is a clause."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i < noun.i:
        return None, False
    for c in verb.children:
        if c.i <= verb.i:
            continue
        end = max(t.i for t in c.subtree) + 1
        first = noun.doc[min(t.i for t in c.subtree)]
        if c.dep_ == "ccomp" and first.lower_ == "that" and first.dep_ == "mark" and sense != "intend" and (
                first.i == verb.i + 1):
            return (first.i + 1, end), True
        if c.dep_ == "xcomp" and first.lower_ == "to" and first.dep_ == "aux" and first.i == verb.i + 1 and (
                sense == "intend"):
            return (first.i, end), False
    return None, False


def _view_phrase(tok: Token) -> tuple[Token, tuple[int, int], str] | None:
    """"In the view of the council, …", "in her words", "to the mayor's mind", "from the farmers' perspective":
    a prepositional cue (lexicon.VIEW_NOUNS, with the preposition each takes) whose holder is the noun's
    possessor or its "of" object; what is held is the rest of the clause the phrase opens (a phrase inside or
    after its clause gives nothing)."""
    noun = next((o for o in tok.children if o.dep_ == "pobj"), None)
    if tok.dep_ != "prep" or noun is None or tok.lower_ not in VIEW_NOUNS.get(noun.lower_, frozenset()):
        return None
    if any(c.dep_ in ("amod", "compound", "nummod") and c.lower_ != "own" for c in noun.children):
        return None  # "in a 5-to-3 view", "in other words": no holder's view
    holder = next((c for c in noun.children if c.dep_ == "poss"), None)
    end = noun.i + 1
    if holder is None:
        of = next((p for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" and p.i == noun.i + 1), None)
        holder = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
        end = max(t.i for t in of.subtree) + 1 if of is not None else end
    if holder is None:
        return None
    clause = tok.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    lo = min(t.i for t in clause.subtree)
    hi = max(t.i for t in clause.subtree) + 1
    first = min(t.i for t in tok.subtree)
    last = max(t.i for t in tok.subtree) + 1
    if first > lo + 1:
        return None  # inside or after its clause the phrase often qualifies a neighbouring quote (tune: 3 of 9 right)
    lo = last
    cue = tok.doc[tok.i:end if holder.dep_ != "poss" else noun.i + 1].text
    return holder, (lo, hi), cue


def _governing_subject(verb: Token) -> Token | None:
    """The subject of the clause a non-finite verb hangs in, further up than ``subject_of`` looks: "the senators
    face a hard task in defending the tax", "farmers spent the week in protest, denouncing the tariff" (through
    prepositions, objects and complements, never out of a relative or reported clause)."""
    if verb.tag_ not in ("VBG", "VB", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    v = verb
    for _ in range(6):
        if v.dep_ in ("relcl", "ccomp", "csubj", "parataxis", "ROOT", "appos") or v.head.i == v.i:
            return None
        came, v = v, v.head
        if v.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("dobj", "dative") and c.i != came.i for c in v.children):
                return None  # "urged Smith to stop attacking the plan": the object is who does it
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return None if subj.dep_ == "nsubjpass" or subj.tag_ in ("WDT", "WP") else subj
    return None


def _short_answer(verb: Token) -> tuple[int, int] | None:
    """"half said so", "everyone said yes", "two in five say likewise of the council": a verb of saying whose
    object stands for a whole answer (with its "of" phrase)."""
    if verb_lemma(verb) not in ("say", "answer", "reply"):
        return None
    for c in verb.children:
        if c.i > verb.i and all(t.dep_ == "det" for t in verb.doc[verb.i + 1:c.i]) and c.dep_ in (
                "dobj", "advmod", "intj", "oprd", "ccomp") and (
                c.lower_ in ("so", "yes", "no", "otherwise") or c.lower_ == "same" or (
                c.lower_ == "that" and any(p.dep_ == "prep" and p.lower_ == "of" for p in verb.children))):
            hi = max(t.i for t in c.subtree) + 1
            for p in verb.children:
                if p.dep_ == "prep" and p.lower_ == "of" and p.i >= hi:
                    hi = max(t.i for t in p.subtree) + 1
            return min(t.i for t in c.subtree), hi
    return None


def _unmarked_clause(verb: Token) -> tuple[int, int] | None:
    """"Okafor said after the meeting he would not accept the offer": a finite clause with its own subject
    and no subordinator after a verb of saying or belief with no complement of its own, which the parse
    hangs on the verb as an adverbial clause, is the reported clause ("said he would go if asked" keeps the
    "if" clause inside it; "left when he arrived" is no report)."""
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i:
            continue
        if any(m.dep_ in ("mark", "advmod") and m.i < c.i and m.tag_ in ("IN", "WRB") for m in c.children):
            return None
        if not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
            return None
        if not (c.tag_ in ("VBD", "VBZ", "VBP") or any(a.dep_ == "aux" and a.tag_ in ("MD", "VBD", "VBZ", "VBP")
                                                         for a in c.children)):
            return None
        return verb.i + 1, max(t.i for t in c.subtree) + 1
    return None


def _as_clause(verb: Token) -> tuple[int, int] | None:
    """"As the mayor noted, the bridge is closed" / "…, as officials said": a saying verb in an "as"
    clause with nothing of its own to report reports the clause it hangs on (without the "as" clause)."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") and not (c.lower_ == "it" and verb_lemma(verb) == "put it")
           for c in verb.children):
        return None
    own = {t.i for t in verb.subtree}
    lo_own, hi_own = min(own), max(own)
    rest = [t.i for t in verb.head.subtree if t.i not in own and not t.is_punct]
    if not rest:
        return None
    if lo_own < verb.head.i:  # the "as" clause comes first: the main clause follows it
        return (hi_own + 1, max(rest) + 1) if max(rest) > hi_own else None
    before = [i for i in rest if i < lo_own]
    return (min(before), lo_own) if before else None


def _parataxis(verb: Token) -> tuple[int, int] | None:
    """The clause a parenthetical "…, officials said, …" comments on: the words before it, or, when the
    clause's own verb comes after it ("At times, aides said, the mayor was angry"), the words after it."""
    left = min(x.i for x in verb.subtree)
    right = max(x.i for x in verb.subtree)
    head = verb.head
    main = [x.i for x in head.subtree if x.i < left]
    after = [x.i for x in head.subtree if x.i > right and not verb.doc[x.i].is_punct]
    if head.i > right and after:
        return right + 1, max(after) + 1
    return (min(main), left) if main else None


def _trailing_report(verb: Token) -> bool:
    """A saying or finding verb that closes the sentence after a comma, with nothing of its own to report,
    parsed as the complement of the clause before it: "Voters trust him, a new poll shows." """
    if verb.dep_ != "ccomp" or verb.i < verb.head.i or verb_lemma(verb) not in INDIRECT_LEMMAS | BELIEF_LEMMAS:
        return False
    lo = min(t.i for t in verb.subtree if not t.is_punct)
    if lo == 0 or verb.doc[lo - 1].text not in (",", "—", "–"):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children) and all(
        t.is_punct for t in verb.doc[verb.i + 1:max(t.i for t in verb.subtree) + 1])


def _set_off(verb: Token, clause: Token) -> bool:
    """A belief or finding verb after its clause, set off by a comma: "Turnout fell, the survey shows"
    ("what they believe" has no comma and is no report)."""
    end = max(t.i for t in clause.subtree)
    return end < verb.i and any(t.text in (",", "—", "–") for t in verb.doc[end:verb.i])


def _infinitive(verb: Token) -> tuple[int, int] | None:
    """"wants to leave" -> "to leave"; "urged Congress to act" -> "Congress to act"; "called for a
    recount" -> "a recount"."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            lo = min(t.i for t in c.subtree)
            for o in verb.children:
                if o.dep_ in ("dobj", "dative") and verb.i < o.i < c.i:
                    lo = min(lo, min(t.i for t in o.subtree))
            return lo, max(t.i for t in c.subtree) + 1
    if verb_lemma(verb) == "call":
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ == "for" and p.i > verb.i and all(
                    t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("ADV", "PART") for t in verb.doc[verb.i + 1:p.i]):
                objs = [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
                if objs:
                    return min(t.i for t in objs[0].subtree), max(t.i for t in objs[0].subtree) + 1
            if p.dep_ == "advcl" and p.i > verb.i and any(  # "called for the footage to be released"
                    m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in p.children):
                return verb.i + 2, max(t.i for t in p.subtree) + 1
    return None


def _finding(verb: Token) -> tuple[int, int] | None:
    """What was found: the object with its complement ("the jury found him not guilty", "found the rule
    unlawful"), or, when a study, poll or record finds it, the bare object ("the poll finds a divided
    electorate"); "police found the car" is no finding."""
    obj = next((o for o in verb.children if o.dep_ == "dobj" and o.i > verb.i), None)
    comp = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and c.i > verb.i), None)
    if obj is None:
        if comp is not None and comp.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in comp.children) and not any(
                t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in comp.subtree):
            return min(t.i for t in comp.subtree), max(t.i for t in comp.subtree) + 1  # "found both men unknown"
        return None
    lo, hi = min(t.i for t in obj.subtree), max(t.i for t in obj.subtree) + 1
    if comp is not None and comp.i > obj.i:
        return lo, max(t.i for t in comp.subtree) + 1
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and (subj.lemma_.lower() in documents() or subj.lower_ in documents()):
        return lo, hi
    return None


def _object(verb: Token, lemma: str) -> tuple[int, int] | None:
    """What a stance verb is about: its direct object, with an "as" complement ("described the talks as
    frank"), or the object of its preposition ("spoke about the economy", "voted against the bill")."""
    if lemma in OBJECT_LEMMAS or lemma in SIDE_LEMMAS or lemma in AS_LEMMAS:
        for o in verb.children:
            if o.dep_ == "dobj" and o.i > verb.i:
                lo, hi = min(t.i for t in o.subtree), max(t.i for t in o.subtree) + 1
                plain = hi
                for c in verb.children:
                    if c.i >= hi and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ in ("as", "of")
                                      or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as"
                                                                   for m in c.children)):
                        hi = max(hi, max(t.i for t in c.subtree) + 1)
                if lemma in AS_LEMMAS and lemma not in OBJECT_LEMMAS and not any(
                        t.lower_ == "as" for t in verb.doc[plain:hi]) and not any(
                        t.lower_ == "as" and t.dep_ == "prep" for t in verb.doc[o.i + 1:plain]):
                    return None  # "saw the car": no view without "as" (also one the parse hangs inside the object)
                if o.pos_ == "PRON" and o.i == verb.i + 1 and o.lower_ not in _THING_PRONOUNS and hi == plain:
                    continue  # "praised him": a person, not what is said; "called him a liar" says it
                if is_cue(verb) and any(t.text[:1] in '"“”«»' for t in verb.doc[lo:hi]):
                    return None  # 'called the attack "an act of terrorism"': the partial quote says it
                return lo, hi
    if lemma in OBJECT_LEMMAS and (span := _clausal_object(verb)) is not None:
        return span
    if lemma in OBJECT_LEMMAS or lemma in SIDE_LEMMAS:
        for c in verb.children:  # "they endorse putting cameras on officers": a gerund clause as object
            if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > verb.i and not any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return min(t.i for t in c.subtree), max(t.i for t in c.subtree) + 1
        if verb.dep_ == "aux" and verb.head.tag_ == "VBG" and verb.head.i == verb.i + 1:
            # "most oppose defunding the agency", parsed with the verb as an auxiliary of the gerund
            return verb.i + 1, max(t.i for t in verb.head.subtree) + 1
    preps = PREPOSITION_LEMMAS.get(lemma, frozenset())
    # the topic may hang on the addressee: "spoke to reporters about the plan"
    heard = [q for a in verb.children if a.dep_ == "prep" and a.lower_ in ("to", "with") and a.i > verb.i
             for o in a.children if o.dep_ == "pobj" for q in o.children
             if q.dep_ == "prep" and q.i > o.i and q.lower_ in ("about", "regarding")]
    for p in [*verb.children, *heard]:
        if p.dep_ == "prep" and p.lower_ in preps and p.i > verb.i and (p.head.i != verb.i or _only_adjuncts(verb, p)):
            objs = [o for o in p.children if o.dep_ in ("pobj", "pcomp") and o.ent_type_ not in ("DATE", "TIME")
                    and not any(t.lower_ == "anonymity" for t in o.subtree)]
            if objs:  # "spoke on Monday" is a time, "spoke on condition of anonymity" a manner, not a topic
                return min(t.i for t in objs[0].subtree), max(t.i for t in objs[0].subtree) + 1
    return None


def _clausal_object(verb: Token) -> tuple[int, int] | None:
    """A clause in the place of a stance verb's object, after the verb: a question word or *whether*/*if*
    ("described what happened", "questioned whether the count was fair", "discussed who should lead") or
    *that* ("resents that the deal was struck"); the clause. None when the verb has a direct object."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i <= verb.i:
            continue
        first = verb.doc[min(t.i for t in c.subtree)]
        if first.tag_ in ("WDT", "WP", "WRB", "WP$") or first.lower_ in ("whether", "if", "that") and first.dep_ == "mark":
            return first.i, max(t.i for t in c.subtree) + 1
    return None


def _only_adjuncts(verb: Token, prep: Token) -> bool:
    """Between a prepositional verb and its preposition only adverbs, particles, or the verb's own object or
    other phrases of place, time and addressee: "spoke to reporters about the plan", "asked the mayor about
    the bridge" (never a clause of its own)."""
    between = range(verb.i + 1, prep.i)
    inside: set[int] = set()
    for c in verb.children:
        if verb.i < c.i < prep.i and c.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod", "prt"):
            inside |= {t.i for t in c.subtree}
    doc = verb.doc
    return all(i in inside or doc[i].pos_ in ("ADV", "PART", "ADP") for i in between) and not any(
        doc[i].pos_ in ("VERB", "AUX") for i in between)


def _in_clause(tok: Token, verb: Token) -> bool:
    """``tok`` sits in a relative, appositive or participle clause under ``verb``'s subject."""
    t = tok
    for _ in range(8):
        if t.dep_ in ("relcl", "appos", "acl"):
            return True
        if t.head.i == t.i or t.head.i == verb.i:
            return False
        t = t.head
    return False
