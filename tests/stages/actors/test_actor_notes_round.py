"""Sectors of the notes-set round (issue 14): security forces, juntas, peacekeepers, state-led coalitions,
unidentified men, a party's people, groups of a faith and of civil society, a security service's generic name.
Every sentence is invented for these tests."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import phrase_actor, run_actors

from newsgraph.pipeline import Pipeline


def _coded(pipeline: Pipeline, text: str, phrase: str) -> tuple[str | None, str | None]:
    a = phrase_actor(run_actors(pipeline, text, "2024-03-10"), phrase)
    return a.country, a.sector


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # security forces are police and internal security (Phoenix CAMEO agents: SECURITY_FORCE [~COP]) ...
    ("Security forces in Belarus detained forty students outside the university.", "Security forces",
     ("BLR", "COP")),
    ("Zambian security forces raided the offices of an opposition newspaper.", "Zambian security forces",
     ("ZMB", "COP")),
    # ... and the military where the sentence has them face a non-state armed group
    ("Guinean security forces clashed with jihadist fighters near the border.", "Guinean security forces",
     ("GIN", "MIL")),
    ("Gunmen ambushed Malawian security forces on the road to the lake.", "Malawian security forces",
     ("MWI", "MIL")),
])
def test_security_forces(pipeline: Pipeline, text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert _coded(pipeline, text, phrase) == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # a military junta / government is coded by the sector that tells it from a civilian one (CAMEO GOVMIL)
    ("The military junta in Mali expelled the French ambassador.", "military junta", ("MLI", "MIL")),
    ("Chad's military government banned the rally.", "Chad's military government", ("TCD", "MIL")),
    # a junta alone is the ruling government (CAMEO JUNTA [~GOV])
    ("Sudan's junta ordered a curfew in the capital on Monday.", "Sudan's junta", ("SDN", "GOV")),
])
def test_juntas(pipeline: Pipeline, text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert _coded(pipeline, text, phrase) == expected


def test_peacekeepers_are_the_mission(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "UN peacekeepers withdrew from the town of Gao.", "2024-03-10")
    a = phrase_actor(art, "UN peacekeepers")
    assert (a.id, a.country, a.sector) == ("UN.PKO", None, "IGO")
    art = run_actors(pipeline, "Peacekeepers escorted the convoy to Bangui.", "2024-03-10")
    assert phrase_actor(art, "Peacekeepers").sector == "IGO"


def test_state_led_coalition_is_military(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "The Egyptian-led coalition bombed a convoy near the port.", "2024-03-10")
    a = phrase_actor(art, "Egyptian-led coalition")
    assert (a.id, a.sector, a.led_by) == ("COALITION.EGY_LED", "MIL", "EGY")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("A journalist was kidnapped by unidentified men in Lagos on Friday.", "unidentified men", ("NGA", "UAF")),
    ("Masked men torched two buses in Bamako overnight.", "Masked men", ("MLI", "UAF")),
    # victims stay civilians
    ("Two unidentified men were found dead near Lagos on Friday.", "Two unidentified men", ("NGA", "CVL")),
])
def test_unidentified_men(pipeline: Pipeline, text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert _coded(pipeline, text, phrase) == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Ruling-party youths beat opposition activists at a rally in Harare.", "party youths", ("ZWE", "POL")),
    ("Opposition supporters blocked the main road in Lusaka on Monday.", "Opposition supporters", ("ZMB", "OPP")),
])
def test_party_people(pipeline: Pipeline, text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert _coded(pipeline, text, phrase) == expected


@pytest.mark.parametrize(("text", "phrase", "sector"), [
    ("Christian and Muslim groups clashed in Jos after a church was burned.", "Christian and Muslim groups", "REL"),
    ("Women's groups in Nairobi condemned the police killings.", "Women's groups", "NGO"),
    ("Advocacy groups in Accra called for a recount.", "Advocacy groups", "NGO"),
])
def test_groups_of_faith_and_civil_society(pipeline: Pipeline, text: str, phrase: str, sector: str) -> None:
    assert _coded(pipeline, text, phrase)[1] == sector


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("A dissident was arrested by the State Security Service in Minsk, Belarusian media reported.",
     "State Security Service", ("BLR", "SPY")),
    ("Officers of the State Committee for National Security questioned a Kyrgyz editor in Osh.",
     "State Committee for National Security", ("KGZ", "SPY")),
])
def test_security_service_by_its_generic_name(pipeline: Pipeline, text: str, phrase: str,
                                              expected: tuple[str, str]) -> None:
    assert _coded(pipeline, text, phrase) == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Supporters of two rival clans fought in Baidoa, leaving four dead.", "Supporters", ("SOM", "ETH")),
    ("Clansmen torched huts near Garissa.", "Clansmen", ("KEN", "ETH")),
    # leaders with no office of their own are the community's they lead (community leaders: civilians)
    ("Leaders of the two communities signed a pact in Garissa.", "Leaders", ("KEN", "CVL")),
    # followers of a person stay the people they are
    ("Supporters of a mayoral hopeful forced their way into the tally centre in Kitwe.", "Supporters", ("ZMB", "CVL")),
])
def test_followers_of_a_clan(pipeline: Pipeline, text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert _coded(pipeline, text, phrase) == expected


def test_dateline_country_is_no_actor(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "KHARKIV, Ukraine (AP) - Ukrainian troops shelled enemy trenches overnight.",
                     "2024-03-10")
    assert art.actor("UKR") is None  # "Ukraine" says where the story was filed
    assert phrase_actor(art, "Ukrainian troops").id == "UKR.MIL"


def test_crowd_numbers_are_people(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "Hundreds marched in Minsk against the government on Sunday.", "2024-03-10")
    assert (phrase_actor(art, "Hundreds").country, phrase_actor(art, "Hundreds").sector) == ("BLR", "CVL")
    art = run_actors(pipeline, "Russia massed thousands of troops near the border.", "2024-03-10")
    assert phrase_actor(art, "troops").id == "RUS.MIL"
    assert all(a.sector != "CVL" for a in art.actors)  # "thousands of troops" are the troops


def test_security_forces_and_their_pronoun_move_together(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "Nigerien security forces fought jihadists who they said had crossed the border.",
                     "2024-03-10")
    assert phrase_actor(art, "Nigerien security forces").id == "NER.MIL"
    assert art.actor("NER.COP") is None


def test_headline_number_is_no_crowd(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "News Dozens reported dead in Ruritania as the floods spread.", "2024-03-10")
    assert all(a.sector != "CVL" for a in art.actors)
