"""quotes stage (placeholder: replaced by the quotes implementation)."""

from __future__ import annotations

from typing import ClassVar

from ..config import Config
from ..model import Article


class QuoteStage:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ('segments', 'actors')
    assigns: ClassVar[tuple[str, ...]] = ('quotes', 'attributions')

    @classmethod
    def from_config(cls, config: Config) -> QuoteStage:
        return cls()

    def __call__(self, article: Article) -> Article:
        return article
