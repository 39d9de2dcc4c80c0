"""Load PETRARCH-format verb dictionaries (``config.events.petrarch_verbs``) as verb patterns.

Supported: synsets (``&NAME`` followed by ``+member`` lines), verb groups
(``--- VERB [code] ---`` then the verb and ``+synonym`` lines), and patterns
``- pre words * post words [code]``. ``_`` joins words; ``$`` (source), ``+`` (target) and ``%``
(compound) markers are dropped; a synset reference in a pattern matches any of its phrases (nested
synsets expanded); context words match word forms exactly, in order, other words may come between. Codes that are not CAMEO codes are kept as
written (they code no PLOVER type; the event stage counts them in ``stats``).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import DictionaryError
from .lexicon import VerbPattern

_HEADER = re.compile(r"^---\s*(?P<verb>[^\[]+?)\s*\[(?P<code>[^\]]*)\].*---")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]")


def _code(raw: str) -> str | None:
    code = raw.strip().split(":")[0].strip()
    if not code.isdigit():  # "---" (no event), "+++"/"###"/"025?" (PETRARCH test markers) code nothing
        return None
    return code


def _members(name: str, synsets: dict[str, list[str]], depth: int = 0) -> list[str]:
    """The phrases of a synset, nested synsets ("+&TIETYPES") expanded."""
    out: list[str] = []
    for m in synsets.get(name.rstrip("_").upper(), []):
        if m.startswith("&") and depth < 4:
            out += _members(m[1:].split()[0], synsets, depth + 1)
        else:
            out.append(" ".join(w.lower() for w in m.split()))
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
    """Context elements of a pattern side: one per word; a synset reference gives one element
    listing its phrases as alternatives ("military|economic|austrian florin")."""
    out: list[str] = []
    for w in re.split(r"[\s_]+", text):
        w = w.strip().strip("$+%^")
        if not w:
            continue
        if w.startswith("&"):
            members = _members(w[1:], synsets)
            if members:
                out.append("|".join(dict.fromkeys(members)))
            continue
        out.append(w.lower())
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


def load_petrarch_verbs(path: str) -> list[VerbPattern]:
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
    out: list[VerbPattern] = []
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
                out.append(VerbPattern(v[0], codes[0], context=v[2], pre_context=v[1], rule=f"{name}:{n}",
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
            if code is None or "*" not in body:
                continue
            pre, _, post = body.partition("*")
            ctx = _words(post, synsets)
            prec = _words(pre, synsets)
            marks = _markers(post, synsets)
            for v, vpre, vpost in verbs:
                out.append(VerbPattern(v, code, context=vpost + ctx, pre_context=prec + vpre, rule=f"{name}:{n}",
                                       priority=2, vp_target=True, reverse=rev,
                                       post_source=marks["$"] + len(vpost) if "$" in marks else -1,
                                       post_target=marks["+"] + len(vpost) if "+" in marks else -1,
                                       pre_target="+" in _markers(pre, synsets)))
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
