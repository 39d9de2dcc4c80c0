"""quantities stage (placeholder: replaced by the quantities implementation)."""

from __future__ import annotations

from typing import ClassVar

from ..config import Config
from ..model import Article


class QuantityStage:
    name: ClassVar[str] = "quantities"
    requires: ClassVar[tuple[str, ...]] = ('segments', 'actors', 'places', 'dates', 'events')
    assigns: ClassVar[tuple[str, ...]] = ('quantities',)

    @classmethod
    def from_config(cls, config: Config) -> QuantityStage:
        return cls()

    def __call__(self, article: Article) -> Article:
        return article
