"""Coreference inside an article (coreference.py): pronouns, 'the country', noun phrases that refer back."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import run_actors, token_ref

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("Mexican President Claudia Sheinbaum spoke in Mexico City. She said the plan would work.", "She",
         "PER.claudia_sheinbaum"),
        ("NATO met in Brussels. Its members agreed to spend more.", "Its", "NATO"),
        ("Israeli troops entered the camp. They detained five people.", "They", "ISR.MIL"),
    ],
)
def test_pronouns(pipeline: Pipeline, text: str, pronoun: str, expected: str) -> None:
    art = run_actors(pipeline, text, published="2025-03-01")
    assert token_ref(art, pronoun + " ", pronoun) == expected


def test_locative_country_is_not_an_actor(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "Rebels attacked a base in Mali. The government said the country was calm.")
    assert art.actor("MLI") is not None  # "the country" -> Mali in focus
    assert token_ref(art, "in Mali", "Mali") is None
    assert token_ref(art, "The government", "government") == "MLI.GOV"
