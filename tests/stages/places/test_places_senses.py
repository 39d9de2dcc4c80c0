"""places stage, issue 15: one sense per discourse, read the other way (own sentences)."""

from __future__ import annotations

from newsgraph.model import Article, Place
from newsgraph.pipeline import Pipeline
from newsgraph.vocab import PLACE_NAMED_ONLY


def _run(pipeline: Pipeline, text: str) -> Article:
    art = Article(text=text, raw_text=text)
    for stage in pipeline.stages:
        if stage.name != "clean":
            art = stage(art)
    return art


def _located(art: Article, words: str) -> Place | None:
    return next((p for p in art.places if any(m.text == words and m.via not in PLACE_NAMED_ONLY for m in p.mentions)),
                None)


def test_a_name_read_as_a_person_throughout_is_no_place(pipeline: Pipeline) -> None:
    # a big town bears the name, and "a Madison impersonator" alone would read it as the town's modifier
    text = ("Readers meet a Madison impersonator. The actor has played Madison for twenty years. Madison, he "
            "says, was a patient listener, and Madison wrote letters late at night. Visitors asked how Madison "
            "chose his cabinet.")
    art = _run(pipeline, text)
    assert _located(art, "Madison") is None, [(p.name, [m.text for m in p.mentions]) for p in art.places]


def test_a_name_used_once_as_a_location_stays_a_place(pipeline: Pipeline) -> None:
    text = ("The Madison Foundation met on Monday. Madison officials said the Madison Foundation would build a "
            "park in Madison next year.")
    art = _run(pipeline, text)
    madison = _located(art, "Madison")
    assert madison is not None and madison.country == "USA" and madison.lat is not None and 42 < madison.lat < 44
