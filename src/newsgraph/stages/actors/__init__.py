"""actors stage: mentions, resolution to country + sector, roles, coreference, user dictionaries."""

from __future__ import annotations

from .dictionaries import build_lexicon, load_petrarch_actors, load_petrarch_agents, load_user_dictionary
from .lexicon import Entry, Lexicon, builtin_lexicon
from .resolver import Resolver
from .stage import ActorStage


def default_resolver() -> Resolver:
    """A resolver over the shipped lexicon alone (no user dictionaries)."""
    return Resolver(builtin_lexicon())


__all__ = [
    "ActorStage", "Entry", "Lexicon", "Resolver", "build_lexicon", "builtin_lexicon", "default_resolver",
    "load_petrarch_actors", "load_petrarch_agents", "load_user_dictionary",
]
