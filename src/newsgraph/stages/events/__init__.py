"""events stage (placeholder: replaced by the events implementation)."""

from __future__ import annotations

from typing import ClassVar

from ...config import Config
from ...model import Article


class EventStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ('segments', 'actors', 'places', 'dates', 'quotes')
    assigns: ClassVar[tuple[str, ...]] = ('events',)

    @classmethod
    def from_config(cls, config: Config) -> EventStage:
        return cls()

    def __call__(self, article: Article) -> Article:
        return article
