"""quotes stage: direct, partial and indirect quotes with speakers, cues and media; outlet citations.

See docs/quotes.md. ``QuoteStage`` assigns ``article.quotes`` (ids q1, q2 ... in text order) and
``article.attributions``; the display names of speakers go to ``scratch["quote_speaker_names"]``
for the provenance stage.
"""

from __future__ import annotations

from typing import ClassVar

from ...config import Config
from ...model import Article
from .extract import SPEAKER_NAMES, Extractor
from .lexicon import cue_forms
from .marks import find_quoted

__all__ = ["QuoteStage", "SPEAKER_NAMES", "find_quoted"]


class QuoteStage:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ("segments", "actors")
    assigns: ClassVar[tuple[str, ...]] = ("quotes", "attributions")

    def __init__(self, max_quote_chars: int = 3000) -> None:
        self.max_quote_chars = max_quote_chars

    @classmethod
    def from_config(cls, config: Config) -> QuoteStage:
        return cls(max_quote_chars=config.quotes.max_quote_chars)

    def triage_cues(self) -> frozenset[str]:
        """Inflected speech and reporting verbs and 'according' (quote marks always parse)."""
        return cue_forms()

    def __call__(self, article: Article) -> Article:
        quotes, attributions, names = Extractor(article, self.max_quote_chars).run()
        article.quotes = quotes
        article.attributions = attributions
        article.scratch[SPEAKER_NAMES] = names
        return article
