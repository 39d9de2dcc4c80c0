"""Event lexicon: verb and noun patterns indexed by lemma, loaded from the shipped data, user
pattern files and PETRARCH dictionaries.

Patterns are data (``data/verbs.yaml``, ``data/nouns.yaml``, ``data/verbs_wordnet.tsv``); users add
their own YAML files (``config.events.patterns``) and PETRARCH verb dictionaries
(``config.events.petrarch_verbs``, see :mod:`.petrarch`). The pattern types are in :mod:`.patterns`,
the CAMEO table in :mod:`.cameo`. See docs/events.md for the format.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ...errors import DictionaryError
from ...resources import read_text, word_list
from .cameo import plover_of
from .inflection import noun_forms, verb_forms
from .patterns import NounPattern, VerbPattern
from .petrarch import load_petrarch_discards, load_petrarch_verbs

DATA_PACKAGE = "newsgraph.stages.events"


@dataclass
class Lexicon:
    """All patterns of one pipeline, indexed by lemma."""

    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)
    nouns: dict[str, list[NounPattern]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    version: str = ""
    #: PETRARCH discard phrases (lower-case): a sentence containing one codes no event
    discards: frozenset[str] = frozenset()

    #: inflected form -> the lexicon verbs it can be a form of (built on first use)
    _forms: dict[str, frozenset[str]] | None = field(default=None, init=False, repr=False, compare=False)

    def add_verb(self, p: VerbPattern) -> None:
        self.verbs.setdefault(p.lemma, []).append(p)
        self._forms = None

    def lemmas_of_form(self, form: str) -> frozenset[str]:
        """The lexicon verbs of which ``form`` (lower case) is an inflection: the parser's lemmatizer
        cuts some "-ed" forms of verbs in "e" wrongly ("staged" -> "stag", "raped" -> "rap")."""
        if self._forms is None:
            acc: dict[str, set[str]] = {}
            for lemma in self.verbs:
                for f in verb_forms(lemma):
                    acc.setdefault(f, set()).add(lemma)
            self._forms = {k: frozenset(v) for k, v in acc.items()}
        return self._forms.get(form, frozenset())

    def add_noun(self, p: NounPattern) -> None:
        self.nouns.setdefault(p.noun, []).append(p)

    def cue_words(self) -> frozenset[str]:
        """Lower-case inflected word forms of every trigger (verbs, particles' verbs, nouns)."""
        words: set[str] = set()
        for lemma in self.verbs:
            words.update(verb_forms(lemma))
        for noun, pats in self.nouns.items():
            words.update(noun_forms(noun))
            for p in pats:
                if p.compound:
                    words.update(noun_forms(p.compound))
        for verb in CLAUSE_VERBS:  # the clause rules' verbs ("protesters gathered", "took part in")
            words.update(verb_forms(verb))
        return frozenset(w for w in words if w)


#: Verbs of the clause rules, which no pattern names: people gathering, marching, taking part.
CLAUSE_VERBS = word_list("events", "gathering_verbs") | word_list("events", "gather_verbs") | frozenset(
    {"participate", "join", "take"})


# -- parsing pattern strings -------------------------------------------------------------------
def parse_verb_pattern(text: str, cameo: str, rule: str, priority: int = 0) -> VerbPattern:
    parts = text.split()
    if not parts:
        raise DictionaryError("empty verb pattern", input=rule)
    lemma = parts[0].lower()
    particle: str | None = None
    objects: set[str] = set()
    preps: list[str] = []
    mode: str | None = None
    notarget = False
    needs_object = needs_actor = False
    for p in parts[1:]:
        if p.startswith("~"):
            particle = p[1:].lower()
        elif p.startswith("+"):
            preps.extend(x.lower() for x in p[1:].split("|") if x)
        elif p.startswith(">"):
            objects.update(x.lower() for x in p[1:].split("|") if x)
        elif p.startswith("@"):
            mode = p[1:]
        elif p == "!notarget":
            notarget = True
        elif p == "=obj":
            needs_object = True
        elif p == "=actor":
            needs_object = needs_actor = True
        else:
            raise DictionaryError(f"unknown pattern part '{p}' in '{text}'", input=rule,
                                  hint="parts are lemma, ~particle, +prep, >object, @mode, !notarget, =obj, =actor")
    return VerbPattern(lemma, cameo, particle, frozenset(objects), tuple(preps), mode, notarget,
                       f"{rule}:{cameo}:{text}", priority, needs_object=needs_object,
                       needs_actor_object=needs_actor)


def parse_noun_pattern(text: str, cameo: str, rule: str) -> NounPattern:
    parts = text.split()
    words = [p for p in parts if p[0] not in "+@="]
    if not words:
        raise DictionaryError(f"noun pattern without a noun: '{text}'", input=rule)
    preps: list[str] = []
    mode: str | None = None
    for p in parts:
        if p.startswith("+"):
            preps.extend(x.lower() for x in p[1:].split("|") if x)
        elif p.startswith("@"):
            mode = p[1:]
    noun = words[-1].lower()
    compound = words[-2].lower() if len(words) > 1 else None
    return NounPattern(noun, cameo, compound, tuple(preps), mode, f"{rule}:{cameo}:{text}",
                       needs_target="=target" in parts)


def check_code(code: str, where: str) -> tuple[str, str | None]:
    code, _, mode = str(code).partition("@")
    if not code.isdigit() or plover_of(code) is None:
        raise DictionaryError(f"unknown CAMEO code '{code}'", input=where,
                              hint="use a CAMEO code from 02 to 20 (see data/cameo.tsv)")
    return code, mode or None


def add_yaml(lex: Lexicon, data: dict[str, Any], where: str, priority: int) -> None:
    if not isinstance(data, dict):
        raise DictionaryError("pattern file must be a mapping with 'verbs' and/or 'nouns'", input=where)
    for key in data:
        if key not in {"version", "verbs", "nouns", "light_verbs"}:
            raise DictionaryError(f"unknown key '{key}'", input=where)
    for code, items in (data.get("verbs") or {}).items():
        c, mode = check_code(code, where)
        for text in items or []:
            p = parse_verb_pattern(str(text), c, where.rsplit("/", 1)[-1], priority)
            if mode and not p.mode:
                p = VerbPattern(p.lemma, p.cameo, p.particle, p.objects, p.preps, mode, p.notarget,
                                p.rule, p.priority, needs_object=p.needs_object,
                                needs_actor_object=p.needs_actor_object)
            lex.add_verb(p)
    for code, items in (data.get("nouns") or {}).items():
        c, mode = check_code(code, where)
        for text in items or []:
            n = parse_noun_pattern(str(text), c, where.rsplit("/", 1)[-1])
            if mode and not n.mode:
                n = NounPattern(n.noun, n.cameo, n.compound, n.preps, mode, n.rule, n.needs_target)
            lex.add_noun(n)
    lv = data.get("light_verbs")
    if lv:
        lex.light_verbs = lex.light_verbs | frozenset(str(v).lower() for v in lv)


def read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError(f"not valid YAML: {exc}", input=where) from None
    return data or {}


@lru_cache(maxsize=1)
def builtin_yaml() -> tuple[tuple[str, str], ...]:
    return tuple((name, read_text(DATA_PACKAGE, "data", name)) for name in ("verbs.yaml", "nouns.yaml"))


def load_seed_verbs() -> list[VerbPattern]:
    lex = Lexicon()
    name, text = builtin_yaml()[0]
    add_yaml(lex, read_yaml(text, name), name, 1)
    return [p for ps in lex.verbs.values() for p in ps]


def add_wordnet(lex: Lexicon) -> None:
    text = read_text(DATA_PACKAGE, "data", "verbs_wordnet.tsv")
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, code, seed = (line.split("\t") + ["", "", ""])[:3]
        if lemma in lex.verbs:
            continue
        lex.add_verb(VerbPattern(lemma, code, rule=f"verbs_wordnet.tsv:{code}:{lemma}<{seed}", priority=0))


def build_lexicon(patterns: Iterable[str] = (), petrarch_verbs: Iterable[str] = (), *,
                  builtin: bool = True, petrarch_discards: Iterable[str] = ()) -> Lexicon:
    """The shipped lexicon (unless ``builtin`` is False) plus user pattern files, PETRARCH verb
    dictionaries (user patterns win over shipped ones of the same specificity) and PETRARCH
    discard lists (sentences naming a discarded topic, "baseball", "typhoon", code nothing)."""
    lex = Lexicon()
    if builtin:
        for name, text in builtin_yaml():
            data = read_yaml(text, name)
            if name == "verbs.yaml":  # the shipped lexicon's version is the verb file's
                lex.version = str(data.get("version", ""))
            add_yaml(lex, data, name, 1)
        add_wordnet(lex)
    for path in patterns:
        p = Path(path)
        try:
            text = p.read_text("utf-8")
        except OSError as exc:
            raise DictionaryError(f"cannot read pattern file: {exc.strerror}", input=str(p)) from None
        add_yaml(lex, read_yaml(text, str(p)), str(p), 2)
    for path in petrarch_verbs:
        for vp in load_petrarch_verbs(path):
            lex.add_verb(vp)
    if petrarch_discards:
        lex.discards = frozenset().union(*(load_petrarch_discards(p) for p in petrarch_discards))
    return lex
