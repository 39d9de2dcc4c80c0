"""events stage: who did what to whom, coded CAMEO + PLOVER with modality and allegations.

Triggers (verbs and event nouns) come from data lexicons (``data/*.yaml``, ``data/verbs_wordnet.tsv``,
user pattern files, PETRARCH verb dictionaries); arguments from the dependency parse and the
actors stage (``common.actor_at``). See docs/events.md.
"""

from __future__ import annotations

from typing import ClassVar

from ...config import Config
from ...model import Article
from .coder import Coder
from .lexicon import Lexicon, build_lexicon


class EventStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("segments", "actors", "places", "dates", "quotes")
    assigns: ClassVar[tuple[str, ...]] = ("events", "actors")  # adds a state actor for a place-country target

    def __init__(self, lexicon: Lexicon | None = None, *, max_sentence_chars: int = 2000,
                 min_confidence: float = 0.0, statements: bool = False) -> None:
        self.lexicon = lexicon if lexicon is not None else build_lexicon()
        self.coder = Coder(self.lexicon, max_sentence_chars, min_confidence=min_confidence, statements=statements)
        self._cues: frozenset[str] | None = None

    @classmethod
    def from_config(cls, config: Config) -> EventStage:
        ev = config.events
        lex = build_lexicon(ev.patterns, ev.petrarch_verbs, petrarch_discards=ev.petrarch_discards)
        return cls(lex, max_sentence_chars=ev.max_sentence_chars, min_confidence=ev.min_confidence,
                   statements=ev.statements)

    def triage_cues(self) -> frozenset[str]:
        """Lower-case word forms of every trigger: sentences with none of them are not parsed."""
        if self._cues is None:
            self._cues = self.lexicon.cue_words()
        return self._cues

    def __call__(self, article: Article) -> Article:
        article.events = self.coder.code(article)
        article.stats["events"] = len(article.events)
        return article


__all__ = ["EventStage"]
