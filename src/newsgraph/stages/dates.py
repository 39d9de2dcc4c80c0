"""dates stage (placeholder: replaced by the dates implementation)."""

from __future__ import annotations

from typing import ClassVar

from ..config import Config
from ..model import Article


class DateStage:
    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ('segments',)
    assigns: ClassVar[tuple[str, ...]] = ('dates',)

    @classmethod
    def from_config(cls, config: Config) -> DateStage:
        return cls()

    def __call__(self, article: Article) -> Article:
        return article
