"""Noun phrases that refer back (session 10, issue 14): "the minister" is the body named lately by the same
noun, a plural qualified by a name or a place does not refer back. Our own sentences."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import phrase_actor, run_actors

from newsgraph.pipeline import Pipeline

_STORY = ("MOSCOW — Ruritania's foreign minister said on Tuesday that Moscow was ready to talk with Washington "
          "about arms control. The minister, speaking at a news conference, accused NATO of provoking tensions. "
          "Ukraine's president warned that no deal should be made behind Kyiv's back. He urged European leaders "
          "to stand firm. The Kremlin spokesman said Russia would not withdraw. Diplomats in Brussels said the "
          "alliance was divided. Officials in Berlin kept silent.")


def test_the_minister_is_the_minister_named_before(pipeline: Pipeline) -> None:
    """'the minister' after "Russia's foreign minister": that body, not Washington named in between."""
    text = _STORY.replace("Ruritania", "Russia")
    art = run_actors(pipeline, text, "2022-01-01")
    assert phrase_actor(art, "minister").id == "RUS.GOV"


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Officials", "DEU.GOV"),  # "Officials in Berlin": the place after "in", not the last sentence's Russia
])
def test_qualified_plurals_do_not_refer_back(pipeline: Pipeline, phrase: str, expected: str) -> None:
    art = run_actors(pipeline, _STORY.replace("Ruritania", "Russia"), "2022-01-01")
    assert phrase_actor(art, phrase).id == expected


def test_named_plurals_and_newcomers_stay_unlinked(pipeline: Pipeline) -> None:
    """'European leaders' (a region's adjective) and 'Diplomats in Brussels' (newcomers) take no country
    from the sentence before."""
    art = run_actors(pipeline, _STORY.replace("Ruritania", "Russia"), "2022-01-01")
    assert phrase_actor(art, "European leaders").country is None
    assert phrase_actor(art, "Diplomats").country is None


def test_a_person_noun_called_he_is_no_her(pipeline: Pipeline) -> None:
    """'the lawyer said he ... see her': the lawyer, already called "he", is not "her"."""
    text = ("Police in Tehran arrested a woman accused of spying. Nazila Qwertyan, 41, was detained at the "
            "airport. Qwertyan's lawyer said he had not been allowed to see her.")
    art = run_actors(pipeline, text, "2019-06-01")
    lawyer = phrase_actor(art, "Qwertyan's lawyer")
    assert not any(m.text == "her" for m in lawyer.mentions)
