"""PETRARCH codes composed from an actor and an agent: 'ARN' + '~GOV' -> 'ARNGOV'."""

from __future__ import annotations

from dataclasses import replace

from .actor_types import Item
from .lexicon import Agent, Entry, Lexicon, norm


def compose(e: Entry, head: Item | None, lex: Lexicon | None = None) -> Entry | None:
    """PETRARCH actor + PETRARCH agent code: 'ARN' + '~GOV' -> 'ARNGOV' (None when not both)."""
    if e.source != "petrarch" or head is None or head.agent is None:
        return None

    def lex_agent_code(words: list[str]) -> Agent | None:
        if lex is None:
            return None
        found = lex.agents.get(norm(" ".join(words))) or lex.roles.get(norm(" ".join(words)))
        return found if found is not None and found.code else None

    ag = head.agent
    if not ag.code:  # "Deputy Prime Minister": a PETRARCH agent inside the shipped title, if any
        words = head.text.split()
        for k in range(1, len(words)):
            inner = lex_agent_code(words[k:])
            if inner is not None:
                ag = inner
                break
    if not ag.code:
        return e  # PETRARCH semantics: no agent code, the actor's own code
    code = ag.code
    if e.id.endswith(code) or (ag.code_first and e.id.startswith(code)):
        return e  # "WHITE_HOUSE [USAGOV]" + officials [~GOV] stays USAGOV
    new_id = code + e.id if ag.code_first else e.id + code
    return replace(e, id=new_id, sector=ag.sector or e.sector, kind="organization")
