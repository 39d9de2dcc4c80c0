"""Helpers of the events tests: run a sentence through the pipeline, and read the events it keeps."""

from __future__ import annotations

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline


def run(pipeline: Pipeline, text: str) -> Article:
    return pipeline.extract_text(text)


def kept(art: Article) -> list[tuple[str | None, str]]:
    """(PLOVER type, CAMEO code) of the events at or above the default threshold."""
    return [(e.plover, e.cameo) for e in art.events if e.confidence is None or e.confidence >= 0.5]
