"""How handlers join the grammar: each handler module decorates its handlers with :func:`rule`,
giving the pattern(s) the handler reads and an explicit priority; the scanner collects the rules
of every handler module (:func:`rules_of`) and orders them by priority.

Priorities matter only between matches of the same length (the longest match wins first); the
lower number wins. They are spaced by ten so that a new rule can slot in between two others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from .values import Resolved

#: a handler: (match, reference date or None, future tense) -> the value, or None when the match
#: is a date that cannot be resolved (relative, without a reference date); raises NotThisPattern
#: when the match is no date of this kind, ImpossibleDate when it names a day that does not exist
Handler = Callable[[re.Match[str], "dt.date | None", bool], "Resolved | None"]


@dataclass(frozen=True)
class Rule:
    """A handler with the patterns it reads, each with its priority."""

    handler: Handler
    patterns: tuple[tuple[int, re.Pattern[str]], ...]
    #: left out of ``find_dates(loose=False)``: forms that are often not dates in running text
    loose: bool = False
    #: only with ``find_dates(refs=True)``: the present, the past or the future as such ("now", "recently")
    reference: bool = False

    @property
    def name(self) -> str:
        return getattr(self.handler, "__name__", "handler")

    def __call__(self, m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
        return self.handler(m, ref, future)


def rule(*patterns: tuple[int, str], loose: bool = False, reference: bool = False,
         flags: int = re.I) -> Callable[[Handler], Rule]:
    """Register a handler for ``patterns`` (``(priority, regex)`` pairs), compiled with ``flags``."""

    def wrap(handler: Handler) -> Rule:
        return Rule(handler, tuple((prio, re.compile(p, flags)) for prio, p in patterns), loose, reference)

    return wrap


def rules_of(*modules: ModuleType) -> tuple[Rule, ...]:
    """The rules defined at the top level of ``modules`` (not those a module imports)."""
    return tuple(v for mod in modules for v in vars(mod).values()
                 if isinstance(v, Rule) and getattr(v.handler, "__module__", None) == mod.__name__)


def ordered(rules: Iterable[Rule]) -> tuple[tuple[int, re.Pattern[str], Rule], ...]:
    """Every (priority, pattern, rule), by priority (each priority is used once: see the tests)."""
    return tuple(sorted(((prio, pat, r) for r in rules for prio, pat in r.patterns), key=lambda t: t[0]))
