"""provenance stage (placeholder: replaced by the provenance implementation)."""

from __future__ import annotations

from typing import ClassVar

from ..config import Config
from ..model import Article


class ProvenanceStage:
    name: ClassVar[str] = "provenance"
    requires: ClassVar[tuple[str, ...]] = ('events', 'quotes', 'attributions', 'quantities')
    assigns: ClassVar[tuple[str, ...]] = ('sourcing',)

    @classmethod
    def from_config(cls, config: Config) -> ProvenanceStage:
        return cls()

    def __call__(self, article: Article) -> Article:
        return article
