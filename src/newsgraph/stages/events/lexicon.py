"""Event lexicon: verb and noun patterns, the CAMEO table (PLOVER type, mode, Goldstein).

Patterns are data (``data/verbs.yaml``, ``data/nouns.yaml``, ``data/verbs_wordnet.tsv``); users add
their own YAML files (``config.events.patterns``) and PETRARCH verb dictionaries
(``config.events.petrarch_verbs``, see :mod:`.petrarch`). See docs/events.md for the format.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ...errors import DictionaryError
from ...vocab import PLOVER_TYPES, QUAD_CLASS

DATA_PACKAGE = "newsgraph.stages.events"


@dataclass(frozen=True)
class CameoInfo:
    code: str
    plover: str
    mode: str | None
    goldstein: float
    description: str


@dataclass(frozen=True)
class VerbPattern:
    """One verb pattern: ``lemma`` (+ particle, object lemmas, target prepositions) -> CAMEO."""

    lemma: str
    cameo: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    mode: str | None = None
    notarget: bool = False
    rule: str = ""
    priority: int = 0
    needs_object: bool = False
    #: the direct object must be an actor ("released the prisoners", not "released a report")
    needs_actor_object: bool = False  # higher wins among equally specific patterns (user > seed > wordnet)
    #: PETRARCH-style context words that must follow the verb in the clause (lower-case lemmas/words)
    context: tuple[str, ...] = ()
    #: ... and words that must precede it
    pre_context: tuple[str, ...] = ()
    #: PETRARCH-style target: the first actor of the verb phrase after the verb (object, its
    #: prepositional phrases, infinitive complements), never the subject of a reported clause
    vp_target: bool = False
    #: CAMEO code of the reverse direction (target -> source), PETRARCH's ``[032:033]``
    reverse: str | None = None
    #: PETRARCH role markers after the verb: the source ("$") / target ("+") is the first actor after
    #: the n-th context element (0: right after the verb); -1: not marked
    post_source: int = -1
    post_target: int = -1
    #: "+" before the verb: the subject is the target ("+ * MONEY FROM $": X received money from Y)
    pre_target: bool = False

    @property
    def preps_required(self) -> bool:
        return bool(self.preps) and bool(self.objects)

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.particle else 0) + len(self.context) + len(self.pre_context)


@dataclass(frozen=True)
class NounPattern:
    """One event noun ("airstrikes against X"): head lemma (+ compound), target prepositions."""

    noun: str
    cameo: str
    compound: str | None = None
    preps: tuple[str, ...] = ()
    mode: str | None = None
    rule: str = ""
    #: emitted only with a target ("campaign +against =target": not an advertising campaign)
    needs_target: bool = False


@dataclass
class Lexicon:
    """All patterns of one pipeline, indexed by lemma."""

    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)
    nouns: dict[str, list[NounPattern]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    version: str = ""
    #: PETRARCH discard phrases (lower-case): a sentence containing one codes no event
    discards: frozenset[str] = frozenset()

    def add_verb(self, p: VerbPattern) -> None:
        self.verbs.setdefault(p.lemma, []).append(p)

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
        return frozenset(w for w in words if w)


# -- CAMEO table ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoInfo]:
    text = resources.files(DATA_PACKAGE).joinpath("data/cameo.tsv").read_text("utf-8")
    out: dict[str, CameoInfo] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        code, plover, mode, gold, desc = (line.split("\t") + [""] * 5)[:5]
        out[code] = CameoInfo(code, plover, mode or None, float(gold), desc)
    return out


def cameo_info(code: str) -> CameoInfo | None:
    """The table row of ``code``, falling back to its 3-digit parent and 2-digit root."""
    table = cameo_table()
    for c in (code, code[:3], code[:2], code[:2] + "0"):
        if c in table:
            return table[c]
    return None


def plover_of(code: str) -> str | None:
    info = cameo_info(code)
    if info is None:
        return None
    if info.plover in PLOVER_TYPES:
        return info.plover
    return None


def quad_class(plover: str) -> int | None:
    return QUAD_CLASS.get(plover)


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


def _check_code(code: str, where: str) -> tuple[str, str | None]:
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
        c, mode = _check_code(code, where)
        for text in items or []:
            p = parse_verb_pattern(str(text), c, where.rsplit("/", 1)[-1], priority)
            if mode and not p.mode:
                p = VerbPattern(p.lemma, p.cameo, p.particle, p.objects, p.preps, mode, p.notarget,
                                p.rule, p.priority, needs_object=p.needs_object,
                                needs_actor_object=p.needs_actor_object)
            lex.add_verb(p)
    for code, items in (data.get("nouns") or {}).items():
        c, mode = _check_code(code, where)
        for text in items or []:
            n = parse_noun_pattern(str(text), c, where.rsplit("/", 1)[-1])
            if mode and not n.mode:
                n = NounPattern(n.noun, n.cameo, n.compound, n.preps, mode, n.rule, n.needs_target)
            lex.add_noun(n)
    lv = data.get("light_verbs")
    if lv:
        lex.light_verbs = lex.light_verbs | frozenset(str(v).lower() for v in lv)


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError(f"not valid YAML: {exc}", input=where) from None
    return data or {}


@lru_cache(maxsize=1)
def _builtin_yaml() -> tuple[tuple[str, str], ...]:
    root = resources.files(DATA_PACKAGE).joinpath("data")
    return tuple((name, root.joinpath(name).read_text("utf-8")) for name in ("verbs.yaml", "nouns.yaml"))


def load_seed_verbs() -> list[VerbPattern]:
    lex = Lexicon()
    name, text = _builtin_yaml()[0]
    add_yaml(lex, _read_yaml(text, name), name, 1)
    return [p for ps in lex.verbs.values() for p in ps]


def _add_wordnet(lex: Lexicon) -> None:
    try:
        text = resources.files(DATA_PACKAGE).joinpath("data/verbs_wordnet.tsv").read_text("utf-8")
    except FileNotFoundError:
        return
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
    lex = Lexicon(version="1.3")
    if builtin:
        for name, text in _builtin_yaml():
            add_yaml(lex, _read_yaml(text, name), name, 1)
        _add_wordnet(lex)
    for path in patterns:
        p = Path(path)
        try:
            text = p.read_text("utf-8")
        except OSError as exc:
            raise DictionaryError(f"cannot read pattern file: {exc.strerror}", input=str(p)) from None
        add_yaml(lex, _read_yaml(text, str(p)), str(p), 2)
    if petrarch_verbs:
        from .petrarch import load_petrarch_verbs

        for path in petrarch_verbs:
            for vp in load_petrarch_verbs(path):
                lex.add_verb(vp)
    if petrarch_discards:
        from .petrarch import load_petrarch_discards

        lex.discards = frozenset().union(*(load_petrarch_discards(p) for p in petrarch_discards))
    return lex


# -- inflection (for triage cues) --------------------------------------------------------------
_VOWELS = set("aeiou")


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of ``lemma`` plus a few irregular forms (over-generation is harmless)."""
    w = lemma.lower()
    forms = {w}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        if len(w) >= 3 and w[-1] not in _VOWELS | set("wxy") and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    forms |= IRREGULAR.get(w, set())
    forms |= _shipped_forms().get(w, frozenset())
    return forms


@lru_cache(maxsize=1)
def _shipped_forms() -> dict[str, frozenset[str]]:
    """Irregular forms from data/verb_forms.tsv (WordNet verb.exc, generated)."""
    try:
        text = resources.files(DATA_PACKAGE).joinpath("data/verb_forms.tsv").read_text("utf-8")
    except FileNotFoundError:
        return {}
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
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        return {w, w[:-1] + "ies"}
    return {w, w + "s"}


IRREGULAR: dict[str, set[str]] = {
    "fight": {"fought"}, "strike": {"struck", "stricken"}, "hit": {"hit"}, "shoot": {"shot"},
    "seize": {"seized"}, "beat": {"beaten"}, "take": {"took", "taken"}, "give": {"gave", "given"},
    "send": {"sent"}, "hold": {"held"}, "meet": {"met"}, "lend": {"lent"}, "keep": {"kept"},
    "build": {"built"}, "break": {"broke", "broken"}, "cut": {"cut"}, "slay": {"slew", "slain"},
    "blow": {"blew", "blown"}, "forgive": {"forgave", "forgiven"}, "withdraw": {"withdrew", "withdrawn"},
    "go": {"went", "gone"}, "begin": {"began", "begun"}, "make": {"made"}, "lead": {"led"},
    "bring": {"brought"}, "buy": {"bought"}, "sell": {"sold"}, "win": {"won"}, "leave": {"left"},
    "feed": {"fed"}, "put": {"put"}, "throw": {"threw", "thrown"}, "tell": {"told"},
    "say": {"said"}, "run": {"ran"}, "seek": {"sought"}, "freeze": {"froze", "frozen"},
    "forbid": {"forbade", "forbidden"}, "shut": {"shut"}, "set": {"set"}, "stand": {"stood"}, "undertake": {"undertook", "undertaken"}, "overrun": {"overran"},
}
