"""Party politicians, candidates and their campaigns (session 10, issue 14): campaign staff are the
candidate's party people (POL), an appositive naming a party gives its people POL, and party politicians
take the one country of the story. Our own sentences."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import phrase_actor, run_actors

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    # a known candidate's campaign staff: the candidate's country, POL (not the government's officials)
    ("President Joe Biden spoke in Ohio. Biden campaign officials shrugged off the billboard.",
     "Biden campaign officials", "USA", "POL"),
    ("Joe Biden campaign officials shrugged off the billboard in Ohio.",
     "Joe Biden campaign officials", "USA", "POL"),
    # an unknown candidate met before: the one country of the story
    ("Dorian Quimby spoke at a rally in Ohio. Quimby campaign officials shrugged off the billboard.",
     "Quimby campaign officials", "USA", "POL"),
])
def test_campaign_staff_are_the_candidates_party_people(pipeline: Pipeline, text: str, phrase: str,
                                                         country: str, sector: str) -> None:
    a = phrase_actor(run_actors(pipeline, text, "2019-06-01"), phrase)
    assert (a.country, a.sector) == (country, sector)


def test_campaign_without_a_person_is_no_campaign_staff(pipeline: Pipeline) -> None:
    """'bombing campaign officials' names no candidate: the officials keep their own sector."""
    art = run_actors(pipeline, "Kenyan officials defended the vaccination campaign in Nairobi.", "2019-06-01")
    a = phrase_actor(art, "Kenyan officials")
    assert (a.country, a.sector) == ("KEN", "GOV")


@pytest.mark.parametrize(("text", "name", "country", "sector", "affiliation"), [
    # an unknown person: the party's country and POL, the party as affiliation
    ("Dana Orwell, a veteran Scottish National Party member, said the plan would fail.", "Dana Orwell", "GBR",
     "POL", "SNP"),
    # a politician's noun (a hopeful) in apposition: POL, the country from the story
    ("Voters in Texas cheered. Doug Tenner, a presidential hopeful, disagreed.", "Doug Tenner", "USA", "POL",
     None),
])
def test_party_appositive_makes_a_party_politician(pipeline: Pipeline, text: str, name: str, country: str,
                                                   sector: str, affiliation: str | None) -> None:
    art = run_actors(pipeline, text, "2019-06-01")
    a = next(x for x in art.actors if x.name == name)
    assert (a.country, a.sector) == (country, sector)
    if affiliation:
        assert a.affiliation == affiliation


def test_a_voter_of_a_party_is_no_party_politician(pipeline: Pipeline) -> None:
    """'a Labour Party voter' names a voter, not one of the party's people: no POL."""
    art = run_actors(pipeline, "Mia Lund, a Labour Party voter, said the plan would fail.", "2019-06-01")
    a = next(x for x in art.actors if x.name == "Mia Lund")
    assert a.sector != "POL"


def test_titled_campaign_staff_take_the_one_country(pipeline: Pipeline) -> None:
    """A party title with no country ("campaign spokeswoman") in a story naming one country: that country's."""
    text = "Quimby campaign spokeswoman Dana Orwell said the campaign would sue the county in Ohio."
    art = run_actors(pipeline, text, "2019-06-01")
    a = next(x for x in art.actors if x.name == "Dana Orwell")
    assert (a.country, a.sector) == ("USA", "POL")
    two = run_actors(pipeline, "Campaign spokeswoman Dana Orwell said France and Spain would sue.", "2019-06-01")
    assert next(x for x in two.actors if x.name == "Dana Orwell").country is None


def test_ap_style_party_label_marks_a_us_politician(pipeline: Pipeline) -> None:
    """', D-Mont.,' after a name (AP style, no brackets): a US politician even when the story names
    another country."""
    text = "Sen. Maria Olsen, D-Mont., said China's trade rules were unfair."
    art = run_actors(pipeline, text, "2019-06-01")
    a = phrase_actor(art, "Sen. Maria Olsen")
    assert (a.country, a.sector) == ("USA", "LEG")


def test_a_surname_the_ner_tagged_org_is_the_person(pipeline: Pipeline) -> None:
    """'Trump' with the NER's ORG label: the head of state the surname fits at the date."""
    art = run_actors(pipeline, "Trump signed the farm bill on a windy afternoon.", "2019-06-01")
    assert phrase_actor(art, "Trump").id == "PER.donald_trump"


def test_legislative_council_is_a_legislature(pipeline: Pipeline) -> None:
    text = ("Police fired tear gas at protesters in Mong Kok. Lawmakers vowed to fight the bill in the "
            "Legislative Council. Britain said it was concerned. Students marched in Sha Tin.")
    a = phrase_actor(run_actors(pipeline, text, "2019-06-01"), "the Legislative Council")
    assert (a.country, a.sector) == ("HKG", "LEG")


@pytest.mark.parametrize(("text", "phrase"), [
    # a capitalised party name before "leader": the party's leader, not a trade-union leader (LAB)
    ("Labour leader Jane Roe said the government had failed.", "Labour leader Jane Roe"),
    # "leader" after the party's full name: a titled person, no longer the party itself
    ("Labour Party leader Jane Roe said the government had failed.", "Labour Party leader Jane Roe"),
])
def test_party_leader_before_a_name(pipeline: Pipeline, text: str, phrase: str) -> None:
    a = phrase_actor(run_actors(pipeline, text, "2019-06-01"), phrase)
    assert (a.kind, a.country, a.sector, a.affiliation) == ("person", "GBR", "POL", "LABOUR")


def test_lower_case_labour_leader_is_a_union_leader(pipeline: Pipeline) -> None:
    a = phrase_actor(run_actors(pipeline, "Veteran labour leader Jane Roe called a strike in Leeds.",
                                "2019-06-01"), "labour leader Jane Roe")
    assert a.sector == "LAB"


def test_labour_minister_stays_a_minister(pipeline: Pipeline) -> None:
    """Only "leader" after a party name is the party's title: "Labour Minister" is a labour minister (GOV)."""
    a = phrase_actor(run_actors(pipeline, "Labour Minister Jane Roe toured a mill near Leeds.", "1995-06-01"),
                     "Labour Minister Jane Roe")
    assert a.sector == "GOV"
