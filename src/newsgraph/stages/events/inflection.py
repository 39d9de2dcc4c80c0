"""Inflected word forms of trigger lemmas: the triage cues of a lexicon and the word forms a
PETRARCH pattern matches. Regular inflections are generated; irregular ones come from
``data/words/irregular_verbs.txt`` and ``data/verb_forms.tsv`` (WordNet verb.exc, generated)."""

from __future__ import annotations

from functools import lru_cache

from ...resources import read_text, word_map

DATA_PACKAGE = "newsgraph.stages.events"
VOWELS = frozenset("aeiou")


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of ``lemma`` plus a few irregular forms (over-generation is harmless)."""
    w = lemma.lower()
    forms = {w}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and len(w) > 2 and w[-2] not in VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        if len(w) >= 3 and w[-1] not in VOWELS | set("wxy") and w[-2] in VOWELS and w[-3] not in VOWELS:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    forms |= irregular_forms(w)
    forms |= shipped_forms().get(w, frozenset())
    return forms


def irregular_forms(lemma: str) -> frozenset[str]:
    """The irregular forms of ``lemma`` listed in ``data/words/irregular_verbs.txt``."""
    return frozenset(word_map("events", "irregular_verbs").get(lemma, "").split())


@lru_cache(maxsize=1)
def shipped_forms() -> dict[str, frozenset[str]]:
    """Irregular forms from data/verb_forms.tsv (WordNet verb.exc, generated)."""
    text = read_text(DATA_PACKAGE, "data", "verb_forms.tsv")
    acc: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, _, form = line.partition("\t")
        acc.setdefault(lemma, set()).add(form.strip())
    return {k: frozenset(v) for k, v in acc.items()}


def noun_forms(noun: str) -> set[str]:
    w = noun.lower()
    if w.endswith("s"):
        return {w, w + "es"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in VOWELS:
        return {w, w[:-1] + "ies"}
    return {w, w + "s"}
