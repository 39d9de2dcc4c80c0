"""PETRARCH compatibility: reading PETRARCH verb dictionaries and discard lists
(:mod:`.dictionary`) and PETRARCH's clause and role rules for the hits of those patterns
(:mod:`.clauses`, :mod:`.roles`)."""

from __future__ import annotations

from ..patterns import PetrarchPattern
from .dictionary import NULL_CODE, load_petrarch_discards, load_petrarch_verbs

__all__ = ["NULL_CODE", "PetrarchPattern", "load_petrarch_discards", "load_petrarch_verbs"]
