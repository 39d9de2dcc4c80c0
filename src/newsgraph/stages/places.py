"""places stage (placeholder: replaced by the places implementation)."""

from __future__ import annotations

from typing import ClassVar

from ..config import Config
from ..model import Article


class PlaceStage:
    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ('segments', 'actors')
    assigns: ClassVar[tuple[str, ...]] = ('places',)

    @classmethod
    def from_config(cls, config: Config) -> PlaceStage:
        return cls()

    def __call__(self, article: Article) -> Article:
        return article
