"""Load PETRARCH-format verb dictionaries (``config.events.petrarch_verbs``) as verb patterns.

Supported: synsets (``&NAME`` followed by ``+member`` lines), verb groups
(``--- VERB [code] ---`` then the verb and ``+synonym`` lines; a form with its own entry, "LEFT",
wins over its lemma's), and patterns ``- pre words * post words [code]``. Words joined by ``_``
must be consecutive, words separated by blanks may have others between them; a synset reference
matches any of its phrases (nested synsets expanded); words match word forms exactly. Markers:
``$`` (source) and ``+`` (target) positions, ``^`` (skip a noun phrase before them), ``%`` (a
compound actor is required; see :class:`PetrarchPattern`). Codes: CAMEO codes with an optional
one-letter variant ("174K"); ``---`` matches and codes nothing; test markers ("+++", "025?") are
skipped. How the coder applies PETRARCH's clause rules to these patterns: :mod:`.clauses`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ....errors import DictionaryError
from ..patterns import PetrarchPattern

#: PETRARCH's null code: a pattern with it matches (beating the verb's own code) but codes no event
NULL_CODE = "---"
_HEADER = re.compile(r"^---\s*(?P<verb>[^\[]+?)\s*\[(?P<code>[^\]]*)\].*---")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]")


_CODE = re.compile(r"\d{2,4}[A-Z]?")


def _code(raw: str) -> str | None:
    """A CAMEO code, optionally with a one-letter variant suffix ("174K": CAMEO 174, a dictionary's own
    variant); "---" (no event) and "+++"/"###"/"025?" (PETRARCH test markers) code nothing."""
    code = raw.strip().split(":")[0].strip()
    return code if _CODE.fullmatch(code) else None


def _members(name: str, synsets: dict[str, list[str]], depth: int = 0) -> list[str]:
    """The phrases of a synset, nested synsets ("+&TIETYPES") expanded."""
    out: list[str] = []
    for m in synsets.get(name.rstrip("_").upper(), []):
        if m.startswith("&") and depth < 4:
            out += _members(m[1:].split()[0], synsets, depth + 1)
        else:
            out.append(" ".join(w.lower() for w in m.split()))
    return out


def _skips(text: str) -> dict[str, int]:
    """How many "^" (skip a noun phrase) come right before the "$" and "+" markers of a pattern side."""
    out: dict[str, int] = {}
    run = 0
    for w in re.split(r"[\s_]+", text):
        if w == "^":
            run += 1
            continue
        for mark in "$+":
            if w.startswith(mark) and mark not in out:
                out[mark] = run
        if w:
            run = 0
    return out


def _markers(text: str, synsets: dict[str, list[str]]) -> dict[str, int]:
    """Positions of the source "$" and target "+" markers: how many context elements precede them."""
    out: dict[str, int] = {}
    for w in re.split(r"[\s_]+", text):
        for mark in "$+":
            if w.startswith(mark) and mark not in out:
                out[mark] = len(_words(text[:text.find(w)], synsets)) if text.find(w) >= 0 else 0
    return out


def _words(text: str, synsets: dict[str, list[str]]) -> tuple[str, ...]:
    """Context elements of a pattern side: one per word, words joined by "_" form one element of
    consecutive words ("NEW_&TIETYPES_RELATIONS": "new economic relations", not "new global economic
    relations"); a synset reference gives its phrases as alternatives ("military|economic|austrian
    florin")."""
    out: list[str] = []
    for group in text.split():
        alts = [""]
        for w in group.split("_"):
            w = w.strip().strip("$+%^")
            if not w:
                continue
            if w.startswith("&"):
                members = list(dict.fromkeys(_members(w[1:], synsets)))
                if not members:
                    continue
                alts = [f"{a} {m}".strip() for a in alts for m in members]
            else:
                alts = [f"{a} {w.lower()}".strip() for a in alts]
        alts = [a for a in alts if a]
        if alts:
            out.append("|".join(alts))
    return tuple(out)


def _codes(raw: str) -> tuple[str | None, str | None]:
    """``[032:033]``: the code of source -> target and of the reverse direction (target -> source)."""
    fwd, _, rev = raw.partition(":")
    return _code(fwd), (_code(rev) if rev else None)


def _verb_entry(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """A verb line of a group: ``WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}`` -> (verb form, words before,
    words after) for the entry and its irregular forms; ``+`` marks the verb word (else the first)."""
    forms = re.findall(r"\{([^}]*)\}", text)
    main = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).split()
    out = []
    for entry in main[:1] + [w for f in forms for w in f.split()]:
        words = [w for w in entry.split("_") if w]
        if not words:
            continue
        k = next((j for j, w in enumerate(words) if w.startswith("+")), 0)
        words = [w.lstrip("+").lower() for w in words]
        out.append((words[k], tuple(words[:k]), tuple(words[k + 1:])))
    return out


@dataclass
class _Reader:
    """The state of reading one verb dictionary: synsets so far, the current verb group and its code."""

    name: str
    synsets: dict[str, list[str]] = field(default_factory=dict)
    current_syn: str | None = None
    verbs: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    verb_code: tuple[str | None, str | None] = (None, None)
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=set)
    out: list[PetrarchPattern] = field(default_factory=list)

    def add_verb(self, entry: str, codes: tuple[str | None, str | None], n: int) -> None:
        """A verb of the current group (with its irregular forms), coded by itself when ``codes`` has a code."""
        for v in _verb_entry(entry):
            if v in self.seen:
                continue
            self.seen.add(v)
            self.verbs.append(v)
            if codes[0]:
                self.out.append(PetrarchPattern(v[0], codes[0], context=v[2], pre_context=v[1],
                                                rule=f"{self.name}:{n}", priority=2, vp_target=True,
                                                reverse=codes[1]))

    def line(self, s: str, n: int, where: str) -> None:
        """One stripped, non-comment line."""
        m = _HEADER.match(s)
        if m:
            self.current_syn = None
            self.verbs, self.seen = [], set()
            self.verb_code = _codes(m.group("code"))
            self.add_verb(m.group("verb"), self.verb_code, n)
            return
        if s.startswith("&"):
            self.current_syn = s[1:].split()[0].rstrip("_").upper()
            self.synsets[self.current_syn] = []
            self.verbs = []
            return
        if s.startswith("+") and self.current_syn is not None:
            self.synsets[self.current_syn].append(s[1:].replace("_", " ").strip())
            return
        pm = _PATTERN.match(s)
        if pm:
            if not self.verbs:
                raise DictionaryError("pattern outside a verb group", input=where, line=n)
            self.pattern(pm, n)
            return
        if s.startswith("---"):
            raise DictionaryError(f"malformed verb group header '{s}'", input=where, line=n)
        if s.startswith("-"):
            return
        if self.verbs or self.verb_code[0] is not None or re.match(r"^\+?[A-Z]", s):  # a verb of the group
            own = re.search(r"\[([^\]]*)\]", s)
            self.add_verb(s, _codes(own.group(1)) if own else self.verb_code, n)

    def pattern(self, pm: re.Match[str], n: int) -> None:
        """A pattern line ``- pre * post [code]``: one pattern per verb of the group."""
        code, rev = _codes(pm.group("code"))
        body = pm.group("body")
        if code is None and pm.group("code").strip() == NULL_CODE:
            code = NULL_CODE  # matches and wins like any pattern, then codes nothing ("MOVE * EASE")
        if code is None or "*" not in body:
            return
        synsets = self.synsets
        pre, _, post = body.partition("*")
        ctx = _words(post, synsets)
        prec = _words(pre, synsets)
        marks = _markers(post, synsets)
        skips = _skips(post)
        for v, vpre, vpost in self.verbs:
            self.out.append(PetrarchPattern(
                v, code, context=vpost + ctx, pre_context=prec + vpre, rule=f"{self.name}:{n}", priority=2,
                vp_target=True, reverse=rev,
                post_source=marks["$"] + len(vpost) if "$" in marks else -1,
                post_target=marks["+"] + len(vpost) if "+" in marks else -1,
                pre_target="+" in _markers(pre, synsets), compound_pre="%" in pre, compound_post="%" in post,
                source_skip=skips.get("$", 0), target_skip=skips.get("+", 0),
                pre_adjacent=pre.endswith("_") and bool(prec) and not vpre,
                pre_target_first=_markers(pre, synsets).get("+") == 0 and bool(prec),
                post_adjacent=post.startswith("_") and bool(ctx) and not vpost))


def _content(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, stripped text) of the lines that are neither comments nor blank."""
    out: list[tuple[int, str]] = []
    in_comment = False
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip()
        if "<!--" in line:
            in_comment = "-->" not in line
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if line.strip():
            out.append((n, line.strip()))
    return out


def load_petrarch_verbs(path: str) -> list[PetrarchPattern]:
    """Verb patterns of a PETRARCH verb dictionary file."""
    p = Path(path)
    try:
        lines = p.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(f"cannot read verb dictionary: {exc.strerror}", input=str(p)) from None
    reader = _Reader(p.name)
    for n, s in _content(lines):
        reader.line(s, n, str(p))
    return reader.out


def load_petrarch_discards(path: str) -> frozenset[str]:
    """Phrases of a PETRARCH discard file, lower-case, words joined by single spaces. A leading "+"
    (PETRARCH: discard the whole story) is treated like a sentence discard."""
    p = Path(path)
    try:
        lines = p.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(f"cannot read discard list: {exc.strerror}", input=str(p)) from None
    out: set[str] = set()
    for raw in lines:
        line = raw.split("#", 1)[0].split(";", 1)[0].strip().lstrip("+").replace("_", " ")
        if line and not line.startswith("<"):
            out.add(" ".join(line.lower().split()))
    return frozenset(out)
