"""actors stage (placeholder: replaced by the actors implementation)."""

from __future__ import annotations

from typing import ClassVar

from ...config import Config
from ...model import Article


class ActorStage:
    name: ClassVar[str] = "actors"
    requires: ClassVar[tuple[str, ...]] = ('segments',)
    assigns: ClassVar[tuple[str, ...]] = ('actors',)

    @classmethod
    def from_config(cls, config: Config) -> ActorStage:
        return cls()

    def __call__(self, article: Article) -> Article:
        return article
