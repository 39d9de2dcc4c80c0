"""An example third-party newsgraph stage: hedged reports and the verb each one hedges.

"Rebels reportedly seized the town" -> ``article.stats["hedges"]`` gets
``{"word": "reportedly", "start": 7, "end": 17, "verb": "seized"}``. Enabled by a
``[stages.hedges]`` table in the user's config; its keys are checked by :class:`HedgeSettings`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from newsgraph.config import Config
from newsgraph.model import Article
from newsgraph.stages import register_stage


class HedgeSettings(BaseModel):
    """The keys of ``[stages.hedges]``."""

    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(default=["reportedly", "allegedly", "purportedly"], min_length=1)


@register_stage(after="quotes", settings=HedgeSettings)
class HedgeStage:
    name: ClassVar[str] = "hedges"
    requires: ClassVar[tuple[str, ...]] = ("segments",)
    assigns: ClassVar[tuple[str, ...]] = ("stats",)

    def __init__(self, settings: HedgeSettings | None = None) -> None:
        self.words = frozenset(w.lower() for w in (settings or HedgeSettings()).words)

    @classmethod
    def from_config(cls, config: Config) -> HedgeStage:
        return cls(config.stage_settings(cls.name, HedgeSettings))

    def triage_cues(self) -> frozenset[str]:
        """Sentences holding a hedge word are parsed: the verb it hedges is its syntactic head."""
        return self.words

    def __call__(self, article: Article) -> Article:
        found: list[dict[str, Any]] = []
        for seg in article.segments:
            for tok in seg.doc:
                if tok.lower_ not in self.words:
                    continue
                start, end = seg.char_span(tok.i, tok.i + 1)
                verb = tok.head.text if seg.parsed and tok.head.pos_ in ("VERB", "AUX") else None
                found.append({"word": tok.text, "start": start, "end": end, "verb": verb})
        article.stats["hedges"] = found
        return article
