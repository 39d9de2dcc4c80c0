"""Load PETRARCH-format verb dictionaries (``config.events.petrarch_verbs``) as verb patterns.

Supported: synsets (``&NAME`` followed by ``+member`` lines), verb groups
(``--- VERB [code] ---`` then the verb and ``+synonym`` lines), and patterns
``- pre words * post words [code]``. ``_`` joins words; ``$`` (source), ``+`` (target) and ``%``
(compound) markers are dropped; a synset reference in a pattern matches any of its members
(the first member is used as the context word). Codes that are not CAMEO codes are kept as
written (they code no PLOVER type; the event stage counts them in ``stats``).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import DictionaryError
from .lexicon import VerbPattern

_HEADER = re.compile(r"^---\s*(?P<verb>[^\[]+?)\s*\[(?P<code>[^\]]*)\]\s*---")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]")


def _code(raw: str) -> str | None:
    code = raw.strip().split(":")[0].strip()
    if not code or code.startswith("-"):
        return None
    return code


def _words(text: str, synsets: dict[str, list[str]]) -> tuple[str, ...]:
    out: list[str] = []
    for w in re.split(r"[\s_]+", text):
        w = w.strip().strip("$+%^")
        if not w:
            continue
        if w.startswith("&"):
            members = synsets.get(w[1:].rstrip("_").upper())
            if members:
                out.append(members[0].split()[0].lower())
            continue
        out.append(w.lower())
    return tuple(out)


def load_petrarch_verbs(path: str) -> list[VerbPattern]:
    """Verb patterns of a PETRARCH verb dictionary file."""
    p = Path(path)
    try:
        lines = p.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(f"cannot read verb dictionary: {exc.strerror}", input=str(p)) from None
    synsets: dict[str, list[str]] = {}
    current_syn: str | None = None
    verbs: list[str] = []
    verb_code: str | None = None
    out: list[VerbPattern] = []
    name = p.name
    in_comment = False
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
            verbs = [m.group("verb").split()[0].lower()]
            verb_code = _code(m.group("code"))
            if verb_code:
                out.append(VerbPattern(verbs[0], verb_code, rule=f"{name}:{n}", priority=2))
            continue
        if s.startswith("&"):
            current_syn = s[1:].split()[0].rstrip("_").upper()
            synsets[current_syn] = []
            verbs = []
            continue
        if s.startswith("+"):
            if current_syn is not None:
                synsets[current_syn].append(s[1:].replace("_", " ").strip())
            elif verbs:
                word = s[1:].split()[0]
                if "_" not in word:
                    syn = word.lower()
                    verbs.append(syn)
                    if verb_code:
                        out.append(VerbPattern(syn, verb_code, rule=f"{name}:{n}", priority=2))
            continue
        pm = _PATTERN.match(s)
        if pm:
            if not verbs:
                raise DictionaryError("pattern outside a verb group", input=str(p), line=n)
            code = _code(pm.group("code"))
            body = pm.group("body")
            if code is None or "*" not in body:
                continue
            pre, _, post = body.partition("*")
            ctx = _words(post, synsets)
            prec = _words(pre, synsets)
            for v in verbs:
                out.append(VerbPattern(v, code, context=ctx, pre_context=prec, rule=f"{name}:{n}", priority=2))
            continue
        if s.startswith("---"):
            raise DictionaryError(f"malformed verb group header '{s}'", input=str(p), line=n)
        if re.match(r"^[A-Z][A-Z'_-]*\b", s):  # the verb line of a group (and irregular forms)
            continue
    return out
