"""Named entities (entities.py): datelines, outlets, generic institutions, coordinated names, mis-tagged capitals."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import actor, phrase_actor, run_actors, token_ref

from newsgraph.pipeline import Pipeline


def test_dateline_is_not_an_actor(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "WASHINGTON \u2014 The White House said the talks would resume.")
    assert art.actor("USA") is None
    assert actor(art, "USA.GOV").mentions[0].text == "White House"


def test_generic_institution_takes_the_country_in_focus(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "Kenyan police fired tear gas in Nairobi. The Interior Ministry said 12 people "
                     "were arrested.")
    assert token_ref(art, "Interior Ministry", "Ministry") == "KEN.GOV"


def test_media_off_by_default(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "Reuters reported that Iran seized a tanker.")
    assert actor(art, "MEDIA.REUTERS").media


@pytest.mark.parametrize(("text", "phrase"), [
    ("The ministry shut down the opposition newspaper El Heraldo.", "El Heraldo"),
    ("The weekly Al Watan reported the attack.", "Al Watan"),
])
def test_outlet_named_after_a_media_noun(pipeline: Pipeline, text: str, phrase: str) -> None:
    a = phrase_actor(run_actors(pipeline, text), phrase)
    assert (a.media, a.sector, a.kind) == (True, "MED", "organization")


@pytest.mark.parametrize(("text", "phrase", "want"), [
    ("Tanzana closed its airspace on Monday.", "Tanzana", "TZA"),  # a letter missing
    ("Iran reopened its border with Uzbekstan.", "Uzbekstan", "UZB"),
    ("German troops entered the town.", "German troops", "DEU.MIL"),  # "German" stays a demonym
    ("Nigerain troops entered the town.", "Nigerain troops", "NGA.MIL"),  # two letters swapped
])
def test_misspelt_country_names(pipeline: Pipeline, text: str, phrase: str, want: str) -> None:
    assert phrase_actor(run_actors(pipeline, text), phrase).id == want


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # regression: one NER entity "Tajiks and Uzbeks" gave only the last people
        ("Tajiks and Uzbeks protested in the capital on Friday.", {"TJK", "UZB"}),
        ("Russia and Ukraine traded accusations on Monday.", {"RUS", "UKR"}),
        # regression: the NER split the country's name ("Trinidad" GPE, "Tobago" ORG): ORG.tobago
        ("Trinidad and Tobago stayed neutral in the vote.", {"TTO"}),
    ],
)
def test_coordinated_names_in_one_entity_are_split(pipeline: Pipeline, text: str, ids: set[str]) -> None:
    art = run_actors(pipeline, text)
    got = {a.id for a in art.actors}
    assert ids <= got and not any(x.startswith("ORG.") for x in got), got


def test_capital_tagged_as_a_person_is_the_country(pipeline: Pipeline) -> None:
    """Regression: the small model tags "Kyiv" PERSON here; it became an unknown person PER.kyiv."""
    art = run_actors(pipeline, "A parliamentary delegation visited Kyiv.")
    ids = {a.id for a in art.actors}
    assert "PER.kyiv" not in ids and "UKR" in ids, ids


def test_a_known_name_the_ner_cut_at_its_of_is_read_whole(pipeline: Pipeline) -> None:
    """The NER reads "the Communist Party" (ORG) and "Vietnam" (GPE); the lexicon knows the whole name, so
    the party is Vietnam's, not China's (whose entry also answers to a bare "Communist Party")."""
    art = run_actors(pipeline, "Leaders from the Communist Party of Vietnam met in Hanoi on Tuesday.")
    assert art.actor("CPV") is not None
    assert art.actor("CPC") is None


@pytest.mark.parametrize(("text", "phrase", "want"), [
    ("Suspected militants attacked a police post in Wajir county.", "police post", "KEN.COP"),
    ("Gunmen stormed an army base near Maiduguri overnight.", "army base", "NGA.MIL"),
])
def test_a_police_or_army_post_stands_for_its_force(pipeline: Pipeline, text: str, phrase: str, want: str) -> None:
    """Coders code an attack on a police post or an army base as one on the police or the army."""
    assert phrase_actor(run_actors(pipeline, text), phrase).id == want


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # a named unit after a state's possessive is that state's military, whatever the name alone resolves to
    ("Armenia's Ararat Corps moved to the border.", "Ararat Corps", "ARM.MIL"),
    ("Chad's Golden Lion Brigade shelled the town on Monday.", "Golden Lion Brigade", "TCD.MIL"),
    ("Russia's Vostok Battalion entered the city.", "Vostok Battalion", "RUS.MIL"),
    ("Peru's Condor Division attacked the camp.", "Condor Division", "PER.MIL"),
])
def test_a_unit_after_a_states_possessive_is_its_military(pipeline: Pipeline, text: str, phrase: str,
                                                          expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, phrase).id == expected


@pytest.mark.parametrize("text", [
    "Rebels used poison gas in the attack on the village.",
    "The Poison Gas attack killed dozens of people.",
    "Chlorine Gas was found in the cellar.",
    "A VX nerve agent was used against the defector.",
    "Soldiers said chemical agents had been stored in the depot.",
])
def test_weapons_are_no_actors(pipeline: Pipeline, text: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    words = ("gas", "Gas", "agent")
    assert not [a.id for a in art.actors if any(w in m.text for m in a.mentions for w in words)]


def test_a_company_named_gas_stays_an_actor(pipeline: Pipeline) -> None:
    """Only a weapon's two words make a weapon: a bare "Gas" ends many company names."""
    art = run_actors(pipeline, "Northwind Gas raised its prices on Monday.", "2020-01-01")
    assert any(m.text == "Northwind Gas" for a in art.actors for m in a.mentions)
