"""dates stage: every date expression, normalised against the publication date.

The grammar: ``grammar.py`` (regular-expression pieces) over ``vocabulary.py`` (the word lists in
``data/words/``); handlers in ``absolute.py``, ``relative.py``, ``periods.py`` (calendar periods),
``holidays.py`` and ``ranges.py``, each registered with a priority (``registry.py``); value
arithmetic in ``values.py`` and ``numerals.py``; ``scanner.py`` runs the rules, ``joining.py`` and
``modifiers.py`` combine matches; ``stage.py`` is the pipeline stage.
"""

from __future__ import annotations

from .match import DateMatch, ImpossibleDate
from .scanner import find_dates, resolve_date
from .stage import DateStage, parse_published

__all__ = ["DateMatch", "DateStage", "ImpossibleDate", "find_dates", "parse_published", "resolve_date"]
