"""A matched trigger with its arguments, before it becomes an :class:`~newsgraph.model.Event`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class Hit:
    """A matched trigger with its arguments."""

    tokens: list[Token]
    cameo: str
    mode: str | None
    rule: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    passive: bool = False
    noun: bool = False
    #: code of the reverse direction (PETRARCH ``[032:033]``: "X arrived in Y" is also Y hosting X)
    reverse: str | None = None
    #: matched by a PETRARCH verb pattern (PETRARCH's clause rules apply, see .petrarch.clauses)
    petrarch: bool = False


def with_reverse(hits: list[Hit]) -> list[Hit]:
    """Hits plus, for a pattern with a reverse code, the target -> source hit."""
    out: list[Hit] = []
    for h in hits:
        out.append(h)
        if h.reverse and h.source and h.target:
            out.append(dataclasses.replace(h, cameo=h.reverse, source=list(h.target), target=list(h.source),
                                           reverse=None))
    return out
