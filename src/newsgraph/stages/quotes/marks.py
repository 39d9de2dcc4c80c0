"""Find quoted stretches in article text by their marks, robust to unbalanced input.

Straight (") and typographic (“ ” „ « ») double quotes are paired inside a paragraph. An opening
mark without its closing mark ends at the paragraph boundary (a blank line, or a line break after
sentence-final punctuation) or after ``max_chars``; such stretches are flagged ``unbalanced``
(and ``capped`` when the length cap cut them). Curly single quotes (‘…’) are paired only at word
boundaries, so apostrophes (U.S.’s, Shi’ite) never open a quote. Two straight apostrophes (''…'')
typed for a double quote pair like straight double quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = frozenset("“„«")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
_BOUNDARY = re.compile(r"\n[ \t]*\n|(?<=[.!?:;”\"»])[ \t]*\n|\n(?=[ \t]*[\"“«„])")


@dataclass
class Marked:
    """A quoted stretch: ``open_at``/``close_at`` are the offsets of the marks (close_at may be None)."""

    start: int  # offset of the opening mark
    end: int  # offset just past the closing mark, or the end of the stretch when unbalanced
    inner_start: int
    inner_end: int
    flags: list[str] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return "unbalanced" not in self.flags


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch a quote may not cross."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _opens(text: str, i: int) -> bool:
    """Straight mark at ``i`` reads as an opening mark (space or start before, text after)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’")


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "“\"([") and after.isalnum()


def _single_closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() or before in ".,!?") and (after.isspace() or after in ".,;:!?)”\"")


def _make(text: str, start: int, close: int | None, limit: int, max_chars: int) -> Marked:
    flags: list[str] = []
    if close is None:
        end = limit
        flags.append("unbalanced")
    else:
        end = close + 1
    if end - start > max_chars:
        end = start + max_chars
        flags.append("capped")
        if "unbalanced" not in flags:
            flags.insert(0, "unbalanced")
    inner_start = start + 1
    inner_end = end - 1 if close is not None and "capped" not in flags else end
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if close is None or "capped" in flags:
        end = inner_end
    return Marked(start, end, inner_start, inner_end, flags)


def find_quoted(text: str, max_chars: int = 3000) -> list[Marked]:
    """Every double-quoted stretch, in order; unbalanced ones end at a boundary or the cap."""
    out: list[Marked] = []
    for p_start, p_end in paragraph_bounds(text):
        open_at: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in OPENERS and ch not in CLOSERS and ch != STRAIGHT:
                continue
            if open_at is not None and i - open_at > max_chars:
                out.append(_make(text, open_at, None, i, max_chars))
                open_at = None
            if open_at is None:
                if ch in OPENERS or (ch == STRAIGHT and _opens(text, i)):
                    open_at = i
                elif ch == STRAIGHT and not _closes(text, i):
                    open_at = i  # mid-word straight mark: best guess is an opening
                continue  # a closing mark with nothing open is stray
            # a quote is open
            if ch in CLOSERS or ch == STRAIGHT:
                out.append(_make(text, open_at, i, p_end, max_chars))
                open_at = None
            elif ch in OPENERS:
                if _closes(text, i) and text[open_at] == ch and ch == "“":
                    out.append(_make(text, open_at, i, p_end, max_chars))  # “…“ typed for “…”
                    open_at = None
                else:
                    out.append(_make(text, open_at, None, _trim_end(text, open_at, i), max_chars))
                    open_at = i
        if open_at is not None:
            out.append(_make(text, open_at, None, _trim_end(text, open_at, p_end), max_chars))
    for p_start, p_end in paragraph_bounds(text):  # ''…'': two apostrophes typed for double quotes
        for st, en in find_two_apostrophes(text, p_start, p_end):
            if en - st <= max_chars + 3 and not any(m.start <= st < m.end or st <= m.start < en for m in out):
                out.append(Marked(st, en, st + 2, en - 2))
    doubles = [m for m in out if m.inner_end > m.inner_start]
    singles: list[Marked] = []
    for p_start, p_end in paragraph_bounds(text):  # British style ‘…’ outside double quotes
        for s, e in find_single_quoted(text, p_start, p_end):
            if e - s <= max_chars and not any(m.start <= s < m.end or s <= m.start < e for m in doubles):
                singles.append(Marked(s, e, s + 1, e - 1))
    return sorted(doubles + singles, key=lambda m: m.start)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def find_two_apostrophes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Stretches quoted with two straight apostrophes (''…'', as some archives and plain-text styles type
    double quotes) inside ``text[lo:hi]``, as (start, end) including the marks; paired like straight
    quotes (an opening pair has a space or an opening bracket before it and text after it)."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    i = text.find("''", lo, hi)
    while 0 <= i < hi - 1:
        before = text[i - 1] if i > 0 else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        if open_at is None:
            if (before.isspace() or before in "([{—–-/:") and not after.isspace() and after != "'":
                open_at = i
        elif not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
            out.append((open_at, i + 2))
            open_at = None
        i = text.find("''", i + 2, hi)
    return out


def find_single_quoted(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Curly single-quoted stretches ‘…’ inside ``text[lo:hi]`` as (start, end) including marks."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch == "‘" and open_at is None and _single_opens(text, i):
            open_at = i
        elif ch == "’" and open_at is not None and _single_closes(text, i):
            out.append((open_at, i + 1))
            open_at = None
    return out
