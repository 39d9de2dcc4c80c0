"""PETRARCH-style phrase matching: context words around a verb, role positions, the verb-phrase
target, discard phrases (used by the coder for every pattern that carries them)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .args import Resolver


def seq_match(words: list[str], elements: tuple[str, ...]) -> bool:
    """Each element ("a|b c": alternatives, each one or more consecutive words) occurs in ``words``
    in order; other words may come between elements."""
    return seq_ends(words, elements) is not None


def seq_ends(words: list[str], elements: tuple[str, ...]) -> list[int] | None:
    """Where each element of a match (see ``seq_match``) ends in ``words``; None: no match."""
    pos = 0
    ends: list[int] = []
    for el in elements:
        end = None
        for alt in el.split("|"):
            seq = alt.split()
            for k in range(pos, len(words) - len(seq) + 1):
                if words[k:k + len(seq)] == seq:
                    end = k + len(seq) if end is None else min(end, k + len(seq))
                    break
        if end is None:
            return None
        pos = end
        ends.append(end)
    return ends


def actor_after(doc: Doc, start: int, res: Resolver, skip: set[str]) -> list[str]:
    """The first actor of the sentence from token ``start`` on (with its coordinated phrase)."""
    for t in doc[start:]:
        ref = res.at(t)
        if ref is None or ref in skip:
            continue
        found = [r for r in res.np(t) if r not in skip] if t.pos_ in {"NOUN", "PROPN"} else []
        return found or [ref]
    return []


def context_ok(tok: Token, context: tuple[str, ...], pre: tuple[str, ...] = ()) -> bool:
    """PETRARCH-style context: ``context`` elements follow the verb in order, ``pre`` elements precede
    it; words match by their form (PETRARCH matches words, not lemmas)."""
    doc = tok.doc
    if context and not seq_match([t.lower_ for t in doc[tok.i + 1:]], context):
        return False
    return not pre or seq_match([t.lower_ for t in doc[:tok.i]], pre)


#: Dependencies followed from a verb into its phrase when looking for a PETRARCH-style target.
_VP_DEPS = frozenset({"dobj", "obj", "dative", "prep", "pobj", "attr", "oprd", "xcomp", "acl", "pcomp", "conj",
                      "ccomp", "nsubj", "nsubjpass",
                      "appos", "compound", "poss", "amod", "nmod", "npadvmod", "advmod", "cc", "det", "nummod",
                      "quantmod", "prt", "aux", "neg"})


def verb_phrase_targets(verb: Token, res: Resolver, sources: set[str]) -> list[str]:
    """The first actor of the verb phrase after ``verb`` (with its coordinated phrase), PETRARCH's
    target: "restored ties with X", "fired shells at X", "vowed to wage war on X", "allowed that X
    is ..."; a coded actor (country, organisation) is preferred over a generic noun ("crowds")."""
    region: list[Token] = []
    stack = [c for c in verb.children if c.i > verb.i and c.dep_ in _VP_DEPS and c.dep_ != "conj"]
    while stack:
        t = stack.pop()
        region.append(t)
        stack += [c for c in t.children if c.dep_ in _VP_DEPS and not (c.pos_ in {"VERB", "AUX"} and c.dep_ == "conj")]
    found: list[str] = []
    for t in sorted(region, key=lambda x: x.i):
        ref = res.at(t)
        if ref is None or ref in sources:
            continue
        here = [r for r in res.np(t) if r not in sources] if t.pos_ in {"NOUN", "PROPN"} else []
        here = here or [ref]
        if not generic_ref(ref):
            return here
        found = found or here
    return found


def generic_ref(ref: str) -> bool:
    """An actor id of a generic, uncoded group ("NOUN.crowds", "PER.x"): lower-case after the namespace."""
    _head, _, rest = ref.partition(".")
    return bool(rest) and not rest.replace(".", "").isupper()


def discarded(doc: Doc, phrases: frozenset[str]) -> bool:
    """Whether the sentence contains a discard phrase (whole words)."""
    text = " " + " ".join(t.lower_ for t in doc) + " "
    return any(f" {ph} " in text for ph in phrases)
