"""How the coder reads sentences for PETRARCH verb patterns (hits of other patterns are untouched).

PETRARCH codes from a constituency parse; these rules give the same readings over the dependency
parse:

- **Comma clauses** (``eliminated``): PETRARCH removes short comma-delimited clauses before coding,
  internal ones between two commas of ``INTERNAL`` words and a terminal one after the last comma of
  ``TERMINAL`` words (its default configuration, 2 to 8 words; initial clauses are kept): "X
  restored ties with Y, a government spokesman said on Friday." codes no "said" event. Only clauses
  with a verb that do not continue a list ("Mordor, the Shire and Bree welcomed") are removed.
- **Verb phrases** (``absorbed``): a verb is coded with its whole phrase; a verb inside a coded verb's
  phrase is part of that event ("urged X to help").
- **Word forms and markers** (``form_ok``, ``compound_ok``): PETRARCH matches word forms, not lemmas,
  and its ``%`` marker needs a coordinated actor.

Who the source and target of such a hit are: :mod:`.roles`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from ..inflection import verb_forms
from ..patterns import VerbPattern

INTERNAL = (2, 8)
TERMINAL = (2, 8)
SENTENCE_END = frozenset({".", "!", "?", "''", '"', "\u201d"})


def eliminated(doc: Doc) -> frozenset[int]:
    """Indices of the tokens in the comma-delimited clauses PETRARCH would remove from ``doc``."""
    commas = [t.i for t in doc if t.text == ","]
    if not commas:
        return frozenset()
    out: set[int] = set()
    end = len(doc)
    while end > 0 and doc[end - 1].text in SENTENCE_END:
        end -= 1
    bounds = [(commas[k] + 1, commas[k + 1], INTERNAL) for k in range(len(commas) - 1)]
    bounds.append((commas[-1] + 1, end, TERMINAL))
    for start, stop, (lo, hi) in bounds:
        words = [t for t in doc[start:stop] if not t.is_punct]
        if not lo <= len(words) <= hi or not any(t.pos_ in {"VERB", "AUX"} for t in words):
            continue
        top = next((t for t in words if t.dep_ != "cc"), words[0])  # ", and X welcomed": from X
        while start <= top.head.i < stop and top.head.i != top.i:
            top = top.head
        if top.dep_ in {"conj", "appos"} and top.head.i < start:
            continue  # "Freedonia, Sylvania and X restored ...": a list goes on, no clause
        out.update(range(start, stop))
    return frozenset(out)


def absorbed(triggers: list[Token], coded_verbs: list[Token]) -> list[bool]:
    """PETRARCH codes a verb together with its whole verb phrase: a verb inside the phrase of another
    coded verb ("urged X to help", "is reported to be close to resuming", "restored ties after crowds
    burned ...") is part of that event, not one of its own. Coordinated verbs ("condemned ... and
    promised ...") stay separate events, and so does a clause before the verb ("X did Y, Z said"). A verb
    phrase starts at the verb that governs a coded verb's chain ("is about to restore": "is")."""
    coded: dict[int, set[int]] = {}  # phrase head -> the coded verbs whose phrase it starts
    for v in coded_verbs:
        coded.setdefault(v.i, set()).add(v.i)
        node = v
        while node.dep_ in {"xcomp", "acomp"} and node.head.i != node.i:
            node = node.head
            coded.setdefault(node.i, set()).add(v.i)
    out: list[bool] = []
    for t in triggers:
        node, only_conj, hit = t, True, False
        for _ in range(40):
            if node.head.i == node.i:
                break
            only_conj = only_conj and node.dep_ == "conj"
            node = node.head
            if node.i in coded and coded[node.i] - {t.i} and not only_conj and node.i < t.i:  # "X did Y, Z said": Y is not in "said"'s phrase
                hit = True
                break
        out.append(hit)
    return out


@lru_cache(maxsize=4096)
def _forms(lemma: str) -> frozenset[str]:
    return frozenset(verb_forms(lemma))


def form_ok(pat: VerbPattern, verb: Token) -> bool:
    """PETRARCH matches whole words: the verb's word must be one of the pattern verb's forms (regular
    inflections, known irregular ones, or the entry itself), not just share its lemma ("departes");
    words joined to "*" by "_" must touch the verb ("RECENTLY_*": "recently allowed", not "recently
    did allow")."""
    if verb.lower_ != pat.lemma and verb.lower_ not in _forms(pat.lemma):
        return False
    doc = verb.doc
    if getattr(pat, "pre_adjacent", False) and pat.pre_context:
        alts = [a.split() for a in pat.pre_context[-1].split("|")]
        if not any([t.lower_ for t in doc[max(0, verb.i - len(a)):verb.i]] == a for a in alts):
            return False
    if getattr(pat, "post_adjacent", False) and pat.context:
        alts = [a.split() for a in pat.context[0].split("|")]
        if not any([t.lower_ for t in doc[verb.i + 1:verb.i + 1 + len(a)]] == a for a in alts):
            return False
    return True


def compound_ok(pat: object, verb: Token) -> bool:
    """A PETRARCH pattern's "%" markers hold: "%" before the verb needs a coordinated subject ("X and Y
    agree"), after it a coordinated noun phrase after the verb ("talks with X and Y")."""
    if getattr(pat, "compound_pre", False):
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subj and verb.dep_ in {"xcomp", "conj"}:
            subj = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not any(c.dep_ == "conj" for s in subj for c in s.children):
            return False
    if getattr(pat, "compound_post", False):
        after = [t for t in verb.subtree if t.i > verb.i and t.pos_ in {"NOUN", "PROPN"}]
        if not any(c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} for t in after for c in t.children):
            return False
    return True


class _Hit(Protocol):
    tokens: list[Token]
    cameo: str
    petrarch: bool


H = TypeVar("H", bound=_Hit)


def petrarch_filter(doc: Doc, hits: list[H]) -> list[H]:
    """PETRARCH patterns' hits less those in removed comma clauses, those absorbed by a coded verb's
    phrase and those of null-coded patterns (other hits pass unchanged)."""
    if not any(h.petrarch for h in hits):
        return hits
    gone = eliminated(doc)
    hits = [h for h in hits if not (h.petrarch and h.tokens[0].i in gone)]
    pv = [h for h in hits if h.petrarch]
    coded = [h.tokens[0] for h in pv if h.cameo[:2].isdigit()]
    drop = {id(h) for h, a in zip(pv, absorbed([h.tokens[0] for h in pv], coded)) if a}
    return [h for h in hits if id(h) not in drop and not (h.petrarch and not h.cameo[:2].isdigit())]
