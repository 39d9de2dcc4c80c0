"""Where a story is set gives its local officials, forces and national bodies a country (session 10, issue
14): titled officials with no country, "Officials" and
"the interior minister" that referred back to a foreign state, and legislatures and courts named with no
country ("Congress"). Also a demonym naming a style or origin names no country, and campaign titles. Our
own sentences."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import phrase_actor, run_actors

from newsgraph.pipeline import Pipeline

#: an invented story set in Peru (dateline and three towns) that names the USA, the EU and Brazil too
_STORY = (
    "LIMA, Peru (AP) — Thousands of protesters marched through Lima on Tuesday to demand the resignation of "
    "President Tomas Qwertyan, a day after police fired tear gas at demonstrators in Arequipa. The United "
    "States and the European Union urged calm. Officials said 12 people were injured. Qwertyan told "
    "reporters he would not step down. Demonstrators blocked roads in Cusco, and the interior minister said "
    "troops would be deployed. Brazil's foreign ministry said it was monitoring the situation. The protests "
    "began after Congress passed a pension law."
)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("President Tomas Qwertyan", ("PER", "GOV")),  # a titled official whose title names no country
    ("Officials", ("PER", "GOV")),  # referred back to the USA of the sentence before: the setting's
    ("interior minister", ("PER", "GOV")),
    ("Congress", ("PER", "LEG")),  # a legislature named with no country: the setting's
    ("United States", ("USA", "GOV")),  # states acting keep their country
    ("Brazil's foreign ministry", ("BRA", "GOV")),
])
def test_the_setting_places_local_officials_and_bodies(pipeline: Pipeline, phrase: str,
                                                       expected: tuple[str, str]) -> None:
    a = phrase_actor(run_actors(pipeline, _STORY, "2019-06-01"), phrase)
    assert (a.country, a.sector) == expected


def test_congress_with_no_other_country_is_the_default(pipeline: Pipeline) -> None:
    """A story that names no country but "Congress" and "the Supreme Court": the US ones, whose senator the
    one-country rule still places."""
    art = run_actors(pipeline, "Congress passed the bill. Senator Jane Roe said the Supreme Court would "
                               "review it.", "2019-06-01")
    assert phrase_actor(art, "Congress").country == "USA"
    assert phrase_actor(art, "Senator Jane Roe").country == "USA"


def test_foreign_war_story_keeps_congress_american(pipeline: Pipeline) -> None:
    """Ukraine has no body called Congress: a story set there keeps the US one."""
    art = run_actors(pipeline, "Congress approved more aid to Ukraine as fighting raged in Kharkiv and "
                               "Bakhmut.", "2023-06-01")
    assert phrase_actor(art, "Congress").country == "USA"


def test_supreme_court_of_the_setting(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "The Supreme Court ruled on Monday in New Delhi. Protesters gathered in "
                               "Mumbai and Chennai. President Biden praised the ruling.", "2019-06-01")
    assert (phrase_actor(art, "Supreme Court").country) == "IND"


def test_a_style_demonym_names_no_country(pipeline: Pipeline) -> None:
    """'the Egyptian columns', 'French wine': a style or an origin, no Egyptian or French actor, so the story
    still names one country and its titled people are placed."""
    text = "Senator Jane Roe praised the Egyptian columns and French wine at a rally in Ohio."
    art = run_actors(pipeline, text, "2019-06-01")
    assert not [a for a in art.actors if a.country in ("EGY", "FRA")]
    assert phrase_actor(art, "Senator Jane Roe").country == "USA"


@pytest.mark.parametrize(("text", "phrase"), [
    ("A Republican campaign official said the governor would win in Ohio.", "Republican campaign official"),
    ("Campaign staffers were furious after the debate in Ohio.", "Campaign staffers"),
])
def test_campaign_titles_are_party_politicians(pipeline: Pipeline, text: str, phrase: str) -> None:
    a = phrase_actor(run_actors(pipeline, text, "2019-06-01"), phrase)
    assert (a.country, a.sector) == ("USA", "POL")


def test_a_name_after_village_of_is_a_place(pipeline: Pipeline) -> None:
    """'the village of Bir Taloun': a place the NER may take for a person; no person actor."""
    art = run_actors(pipeline, "Residents of the village of Bir Taloun said three houses were damaged in "
                               "Lebanon.", "2019-06-01")
    assert not [a for a in art.actors if a.kind == "person"]


def test_an_appositive_office_takes_the_one_country(pipeline: Pipeline) -> None:
    """'His lawyer, Grace Achieng,': a sector from the appositive, no title row; the story's one country."""
    text = ("A Nairobi man was charged on Monday with killing his neighbour, police said. "
            "His lawyer, Grace Achieng, said the charge was false.")
    art = run_actors(pipeline, text, "2019-06-01")
    a = next(x for x in art.actors if x.name == "Grace Achieng")
    assert (a.country, a.sector) == ("KEN", "JUD")


_NIGERIA = ("PORT HARCOURT, Nigeria — Gunmen killed 14 villagers in a raid on a village near Port Harcourt late on "
            "Saturday, local officials said. Soldiers later repelled the assailants. Chad and Niger have also "
            "been hit by similar raids. The army said on Sunday that troops had killed 20 insurgents. "
            "Residents fled to the state capital. Bandits also abducted 30 students from a school in Benin City.")


@pytest.mark.parametrize(("phrase", "expected"), [
    ("local officials", ("NGA", "GOV")),  # officials, not members of the "locals" (CVL)
    ("army", ("NGA", "MIL")),  # an unqualified national body is the setting's, not the country-less soldiers
])
def test_national_bodies_of_a_story_set_in_one_country(pipeline: Pipeline, phrase: str,
                                                       expected: tuple[str, str]) -> None:
    a = phrase_actor(run_actors(pipeline, _NIGERIA, "2021-06-01"), phrase)
    assert (a.country, a.sector) == expected


def test_the_state_as_a_modifier_is_no_country(pipeline: Pipeline) -> None:
    """'the state capital': "state" modifies another noun, no state acting (was the country named last)."""
    art = run_actors(pipeline, _NIGERIA, "2021-06-01")
    assert not [m for a in art.actors for m in a.mentions if m.text.lower().startswith("the state")]


def test_a_name_particle_ends_no_name(pipeline: Pipeline) -> None:
    """A name the NER may cut after its particle ('Claire Le' | 'Quennec'): a particle ends no name."""
    art = run_actors(pipeline, "PARIS — Opposition leader Claire Le Quennec criticized the deal.", "2019-06-01")
    assert phrase_actor(art, "Opposition leader Claire Le Quennec").id == "PER.claire_le_quennec"
