"""Load PETRARCH-format verb dictionaries (``config.events.petrarch_verbs``) as verb patterns.

Supported: synsets (``&NAME`` followed by ``+member`` lines), verb groups
(``--- VERB [code] ---`` then the verb and ``+synonym`` lines; a form with its own entry, "LEFT",
wins over its lemma's), and patterns ``- pre words * post words [code]``. Words joined by ``_``
must be consecutive, words separated by blanks may have others between them; a synset reference
matches any of its phrases (nested synsets expanded); words match word forms exactly. Markers:
``$`` (source) and ``+`` (target) positions, ``^`` (skip a noun phrase before them), ``%`` (a
compound actor is required; see :class:`PetrarchPattern`). Codes: CAMEO codes with an optional
one-letter variant ("174K"); ``---`` matches and codes nothing; test markers ("+++", "025?") are
skipped. How the coder applies PETRARCH's clause rules to these patterns: :mod:`.petrarch_clauses`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import DictionaryError
from .lexicon import VerbPattern


@dataclass(frozen=True)
class PetrarchPattern(VerbPattern):
    """A verb pattern read from a PETRARCH dictionary, with the markers our base pattern lacks:
    ``%`` (a compound, coordinated actor: "% * [030:030]" is "X and Y agree") before or after the
    verb, and ``^`` (skip one noun phrase) before the ``$``/``+`` role markers."""

    #: "%" before the verb: the subject is coordinated ("X and Y"); after it: an actor after the verb is
    compound_pre: bool = False
    compound_post: bool = False
    #: noun phrases skipped ("^") before the source / target marker after the verb
    source_skip: int = 0
    target_skip: int = 0
    #: "RECENTLY_*" / "*_TALKS": the words next to "*" must touch the verb ("recently did allow" is no match)
    pre_adjacent: bool = False
    post_adjacent: bool = False
    #: "+ HOSTING *": "+" opens the words before the verb, so the target is the actor right before them
    pre_target_first: bool = False

    @property
    def specificity(self) -> int:
        """PETRARCH tries longer patterns first: the number of words a match needs, plus the "%" markers."""
        words = sum(min(len(a.split()) for a in el.split("|")) for el in (*self.context, *self.pre_context))
        return words + int(self.compound_pre) + int(self.compound_post)

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


def load_petrarch_verbs(path: str) -> list[PetrarchPattern]:
    """Verb patterns of a PETRARCH verb dictionary file."""
    p = Path(path)
    try:
        lines = p.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(f"cannot read verb dictionary: {exc.strerror}", input=str(p)) from None
    synsets: dict[str, list[str]] = {}
    current_syn: str | None = None
    verbs: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    verb_code: tuple[str | None, str | None] = (None, None)
    out: list[PetrarchPattern] = []
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
    name = p.name
    in_comment = False

    def add_verb(entry: str, codes: tuple[str | None, str | None], n: int) -> None:
        for v in _verb_entry(entry):
            if v in seen:
                continue
            seen.add(v)
            verbs.append(v)
            if codes[0]:
                out.append(PetrarchPattern(v[0], codes[0], context=v[2], pre_context=v[1], rule=f"{name}:{n}",
                                           priority=2, vp_target=True, reverse=codes[1]))

    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip()
        if "<!--" in line:
            in_comment = "-->" not in line
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if not line.strip():
            continue
        s = line.strip()
        m = _HEADER.match(s)
        if m:
            current_syn = None
            verbs, seen = [], set()
            verb_code = _codes(m.group("code"))
            add_verb(m.group("verb"), verb_code, n)
            continue
        if s.startswith("&"):
            current_syn = s[1:].split()[0].rstrip("_").upper()
            synsets[current_syn] = []
            verbs = []
            continue
        if s.startswith("+") and current_syn is not None:
            synsets[current_syn].append(s[1:].replace("_", " ").strip())
            continue
        pm = _PATTERN.match(s)
        if pm:
            if not verbs:
                raise DictionaryError("pattern outside a verb group", input=str(p), line=n)
            code, rev = _codes(pm.group("code"))
            body = pm.group("body")
            if code is None and pm.group("code").strip() == NULL_CODE:
                code = NULL_CODE  # matches and wins like any pattern, then codes nothing ("MOVE * EASE")
            if code is None or "*" not in body:
                continue
            pre, _, post = body.partition("*")
            ctx = _words(post, synsets)
            prec = _words(pre, synsets)
            marks = _markers(post, synsets)
            skips = _skips(post)
            for v, vpre, vpost in verbs:
                out.append(PetrarchPattern(
                    v, code, context=vpost + ctx, pre_context=prec + vpre, rule=f"{name}:{n}", priority=2,
                    vp_target=True, reverse=rev,
                    post_source=marks["$"] + len(vpost) if "$" in marks else -1,
                    post_target=marks["+"] + len(vpost) if "+" in marks else -1,
                    pre_target="+" in _markers(pre, synsets), compound_pre="%" in pre, compound_post="%" in post,
                    source_skip=skips.get("$", 0), target_skip=skips.get("+", 0),
                    pre_adjacent=pre.endswith("_") and bool(prec) and not vpre,
                    pre_target_first=_markers(pre, synsets).get("+") == 0 and bool(prec),
                    post_adjacent=post.startswith("_") and bool(ctx) and not vpost))
            continue
        if s.startswith("---"):
            raise DictionaryError(f"malformed verb group header '{s}'", input=str(p), line=n)
        if s.startswith("-"):
            continue
        if verbs or verb_code[0] is not None or re.match(r"^\+?[A-Z]", s):  # a verb of the group
            own = re.search(r"\[([^\]]*)\]", s)
            add_verb(s, _codes(own.group(1)) if own else verb_code, n)
    return out


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
