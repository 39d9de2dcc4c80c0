"""Helpers of the actors tests: run the pipeline up to the actors stage, and read what it found."""

from __future__ import annotations

from importlib import resources
from typing import Any

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.stages.common import actor_at


def run_actors(pipeline: Pipeline, text: str, published: str | None = None, stage: Any = None) -> Article:
    """``text`` through the stages up to actors (``stage`` instead of the pipeline's own, if given)."""
    art = Article(text=text, published=published)
    for s in pipeline.stages:
        if s.name == "actors":
            (stage or s)(art)
            break
        s(art)
    return art


def actor(art: Article, actor_id: str) -> Any:
    """The article's actor ``actor_id`` (the test fails when there is none)."""
    a = art.actor(actor_id)
    assert a is not None, f"{actor_id} not in {[x.id for x in art.actors]}"
    return a


def token_ref(art: Article, phrase: str, word: str, nth: int = 0) -> str | None:
    """actor_at for the token ``word`` inside the ``nth`` occurrence of ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = art.text.index(phrase, start + 1)
    char = start + phrase.index(word)
    seg = art.segment_at(char)
    assert seg is not None
    for tok in seg.doc:
        if seg.start + tok.idx == char:
            return actor_at(art, seg.index, tok.i)
    raise AssertionError(f"no token at {word!r}")


def phrase_actor(art: Article, phrase: str) -> Any:
    """The actor one of whose mentions reads ``phrase``."""
    for a in art.actors:
        if any(m.text == phrase for m in a.mentions):
            return a
    raise AssertionError(f"no actor for {phrase!r} in {[(a.id, [m.text for m in a.mentions]) for a in art.actors]}")


def data_rows(name: str) -> list[tuple[str, int, list[str]]]:
    """(file:line, line number, TAB-separated cells) of a shipped actors data file, or of every ``.tsv``
    file of a folder when ``name`` ends with '/'."""
    base = resources.files("newsgraph.stages.actors").joinpath("data")
    files = [base.joinpath(name)] if not name.endswith("/") else \
        [f for f in base.joinpath(name).iterdir() if f.name.endswith(".tsv")]
    rows = []
    for f in files:
        for n, line in enumerate(f.read_text("utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                rows.append((f"{f.name}:{n}", n, line.split("\t")))
    return rows
