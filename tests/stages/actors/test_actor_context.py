"""The country a phrase takes from its sentence or article (context.py): one-country articles, shared city names, facilities, home offices."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import phrase_actor, run_actors

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("President Jean Dupont said France would act.", "Jean Dupont", "FRA"),
        ("President Jean Dupont threatened a curfew in Algiers after the unrest.", "Jean Dupont", "DZA"),
        # two countries named: nothing is guessed
        ("President Jean Dupont welcomed Chile's decision on Peru.", "Jean Dupont", None),
        ("President Jean Dupont welcomed Chilean leader Ana Perez.", "Jean Dupont", None),
    ],
)
def test_titled_person_takes_the_article_country(pipeline: Pipeline, text: str, name: str,
                                                 country: str | None) -> None:
    art = run_actors(pipeline, text, published="2020-01-01")
    people = [a for a in art.actors if a.name == name]
    assert len(people) == 1 and people[0].country == country


def test_a_country_named_in_a_known_persons_title_is_in_focus(pipeline: Pipeline) -> None:
    """'Iraq's ... frontman <known person>': Iraq is named (by name, not by a demonym), so the article's
    one country still reaches the titled unknown and the country-less group nouns."""
    text = ("Militants who answer to Iraq's Islamic State chief Abu Bakr al-Baghdadi tried to kill Prime Minister "
            "Jon Qwertyan.")
    art = run_actors(pipeline, text, "2015-01-01")
    got = {text[m.start:m.end]: (a.id, a.country) for a in art.actors for m in a.mentions}
    assert got["Militants"] == ("IRQ.INS", "IRQ")
    assert got["Prime Minister Jon Qwertyan"][1] == "IRQ"


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    # a city name several countries share: the country the sentence names otherwise
    ("Rival militias clashed in Tripoli, the north Lebanese port.", "Rival militias", "LBN", "REB"),
    ("Militias clashed in Tripoli.", "Militias", "LBY", "REB"),
    # an acronym in brackets is the name before it
    ("The Ghanaian Nurses Union (GNU) said it has ended the strike.", "GNU", "GHA", "LAB"),
    # regression: the NER ran the name into "(GUNA" and the bracketed span resolved to GHA GOV
    ("The Ghanaian Union of Nurses (GUNA) said it has ended the strike.", "Ghanaian Union of Nurses", "GHA", "LAB"),
    # former names and dissolved states: the successor state
    ("Kampuchean guerrillas attacked the camp.", "Kampuchean guerrillas", "KHM", "REB"),
    ("Soviet troops withdrew from Afghanistan.", "Soviet troops", "RUS", "MIL"),
    ("Aid workers visited Congolese refugees in Uganda.", "Congolese refugees", "COD", "REF"),
    ("Hong Kong police arrested protesters.", "Hong Kong police", "HKG", "COP"),
    # people named by occupation
    ("Algerian landowners protested against the reform.", "Algerian landowners", "DZA", "CVL"),
    # the person's appositive with an adjective in it
    ("Karim Haddad, Tunisia's leading human rights activist, began a sit-in.",
     "Karim Haddad", "TUN", "OPP"),
])
def test_context_names_and_former_states(pipeline: Pipeline, text: str, phrase: str, country: str,
                                         sector: str) -> None:
    a = phrase_actor(run_actors(pipeline, text), phrase)
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(("text", "phrase", "country"), [
    # a named facility "in" a place stands there
    ("The agency sent inspectors to the Natanz Fuel Enrichment Plant (FEP) in central Iran.",
     "Natanz Fuel Enrichment Plant", "IRN"),
    ("Acme Widgets Corporation in Ohio said it would appeal.", "Acme Widgets Corporation", None),
    # an opposition leader in a story whose only country is its interior minister's
    ("The Federal Minister for Interior Rehman Malik allowed opposition leader Maulana Abdul Qadir to hold "
     "a march.", "opposition leader Maulana Abdul Qadir", "PAK"),
    ("Opposition leader Jane Roe met President Putin.", "Opposition leader Jane Roe", None),
])
def test_facilities_and_home_offices(pipeline: Pipeline, text: str, phrase: str, country: str | None) -> None:
    assert phrase_actor(run_actors(pipeline, text), phrase).country == country


@pytest.mark.parametrize("verb", ["fired", "launched"])
def test_the_place_something_is_fired_from_is_no_actor(pipeline: Pipeline, verb: str) -> None:
    art = run_actors(pipeline, f"The militia {verb} rockets from Lebanon overnight.", "2024-01-01")
    assert "LBN" not in {a.id for a in art.actors}
    # a transfer's "from" still names who gives
    art = run_actors(pipeline, "The hospital received medicine from Norway.", "2024-01-01")
    assert "NOR" in {a.id for a in art.actors}


@pytest.mark.parametrize("text", ["Rebels seized Goma on Tuesday.", "Heavy fighting was reported in Goma on Tuesday.",
                                  # a town's own name of three letters ("Gao") is known too
                                  "Soldiers said they repelled an ambush near Gao on Friday."])
def test_a_town_the_ner_calls_a_person_is_no_person_where_it_is_ground(pipeline: Pipeline, text: str) -> None:
    art = run_actors(pipeline, text, "2024-01-01")
    assert not [a for a in art.actors if a.kind == "person"]


def test_a_companys_home_is_no_country_named(pipeline: Pipeline) -> None:
    # a story naming Kenya only: a Japanese company in it does not make the voters' country ambiguous
    art = run_actors(pipeline, "Kenya's election drew long queues. Voters waited for hours, and Toyota lent "
                     "buses to the polling stations.", published="2022-08-09")
    assert phrase_actor(art, "Voters").id == "KEN.CVL"


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # "the army", "the government", "the president" with nothing to refer to: the article's one country,
    # also when it is named only later or through a demonym
    ("The army said on Friday it had retaken the town of Zelmo in Chad.", "army", "TCD.MIL"),
    ("The government raised fuel prices. Thousands marched in Lusaka.", "government", "ZMB.GOV"),
    ("Kenyan police dispersed the crowd. The army was deployed overnight.", "army", "KEN.MIL"),
    ("The president said the referendum in Gabon would go ahead.", "The president", "GAB.GOV"),
])
def test_a_state_body_with_no_country_takes_the_one_country(pipeline: Pipeline, text: str, phrase: str,
                                                            expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, phrase).id == expected


@pytest.mark.parametrize("text", [
    "The army said on Friday that Chile and Peru had closed the border.",
    "The president said the vote would go ahead. Chile and Peru disagreed.",
    "The army said the situation was calm.",
])
def test_a_state_body_with_several_countries_or_none_is_nobody(pipeline: Pipeline, text: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert not [a.id for a in art.actors if a.id.startswith("NOUN.") and a.country is None and a.sector in ("MIL", "GOV")]


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # a foreign town's name in a story set in a US county or state: no country rather than a wrong one
    ("A student from Paris was charged in Oakridge County, the sheriff said.", "student", None),
    ("Deputies in Ohio questioned a man from Berlin on Monday.", "man", "USA"),  # (the one-country rule)
    # the town followed by its US state is the US town
    ("A teacher from Moscow, Idaho, was arrested on Monday.", "teacher", "USA"),
    # the foreign country named in the article: the foreign town
    ("A student from Paris was stopped in Lyon, French police said.", "student", "FRA"),
    ("A student from Paris met officials in Berlin.", "student", "FRA"),
    # "Washington" acting is the US capital, not the state: no local US story, the foreign town is abroad
    ("Students from Lyon marched in Tehran. Washington condemned the arrests.", "Students", "FRA"),
    # "<Town>, Washington" is the state
    ("A student from Paris was charged in Spokane, Washington, the sheriff said.", "student", "USA"),
])
def test_a_foreign_namesake_in_a_us_story_gives_no_country(pipeline: Pipeline, text: str, phrase: str,
                                                           expected: str | None) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, phrase).country == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the places of the story are in one country; other countries are named only as actors
    ("Police fired tear gas at protesters on Saturday, and students marched in Marseille and Nantes. "
     "German and British officials condemned the violence. Lawmakers called for calm.",
     {"Police": "FRA.COP", "protesters": "FRA.CVL", "students": "FRA.EDU", "Lawmakers": "FRA.LEG"}),
    # places in two countries: no setting, nothing is guessed
    ("Police fired tear gas at protesters on Saturday in Marseille, and students marched in Munich. "
     "German and British officials condemned the violence.",
     {"Police": "NOUN.police", "protesters": "NOUN.protesters", "students": "NOUN.students"}),
])
def test_people_of_the_place_take_the_country_where_the_story_is_set(pipeline: Pipeline, text: str,
                                                                     expected: dict[str, str]) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert {phrase: phrase_actor(art, phrase).id for phrase in expected} == expected


def test_state_agents_do_not_take_the_setting(pipeline: Pipeline) -> None:
    """Troops and officials with no country may be foreign: the setting gives them nothing."""
    text = ("Soldiers fired on a convoy near Marseille and Nantes on Monday. "
            "German and British officials condemned the shooting.")
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, "Soldiers").country is None


@pytest.mark.parametrize(("text", "name", "country"), [
    # a private person named in a story that names one country, as a state or a place: that country's
    # citizen (CVL, ICEWS's "Citizen (Country)")
    ("Jon Qwertyan was charged in Nairobi with fraud on Monday.", "Jon Qwertyan", "KEN"),
    ("Jon Qwertyan told reporters that Kenya needed new roads.", "Jon Qwertyan", "KEN"),
    # two countries: nothing is guessed
    ("Jon Qwertyan flew from Nairobi to Lima on Monday.", "Jon Qwertyan", None),
    # a country that only a company's home or an outlet gives is no place the story names
    ("Jon Qwertyan told Reuters the prices would rise.", "Jon Qwertyan", None),
])
def test_a_private_person_takes_the_one_country(pipeline: Pipeline, text: str, name: str,
                                                country: str | None) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert [(a.country, a.sector) for a in art.actors if a.name == name] == [(country, "CVL" if country else None)]


def test_a_titled_or_appositive_person_keeps_their_office(pipeline: Pipeline) -> None:
    """Only a person with no office of their own is a citizen: "Jon Qwertyan, a Kenyan lawmaker," is LEG."""
    art = run_actors(pipeline, "Jon Qwertyan, a lawmaker, was charged in Nairobi on Monday.", "2020-01-01")
    assert [(a.country, a.sector) for a in art.actors if a.name == "Jon Qwertyan"] == [("KEN", "LEG")]


@pytest.mark.parametrize(("text", "expected"), [
    # a name several countries' bodies bear takes the country where the story is (the lexicon's first pick
    # otherwise)
    ("The National Guard fired on protesters in Caracas on Monday.", "VEN.MIL"),
    ("The National Guard was deployed in Ohio after the storm.", "USA.MIL"),
])
def test_a_shared_body_name_takes_the_storys_country(pipeline: Pipeline, text: str, expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, "National Guard").id == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a town's name inside a unit's name gives no country: the one country of the story does
    ("The Golden Lion Brigade attacked rebels near Goma.", ("COD.MIL", "COD")),
    ("The Golden Lion Brigade attacked rebels near Goma, and Rwanda denied it.",
     ("NOUN.golden_lion_brigade", None)),
    # a unit named after its place keeps the place's country
    ("The Kyiv Territorial Defence Brigade shelled positions near Kharkiv.", ("UKR.MIL", "UKR")),
])
def test_a_units_name_is_no_place(pipeline: Pipeline, text: str, expected: tuple[str, str | None]) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    a = phrase_actor(art, text.split(" attacked")[0].split(" shelled")[0].removeprefix("The "))
    assert (a.id, a.country) == expected


@pytest.mark.parametrize(("text", "phrase", "country"), [
    # an office named without a name ("the army chief") in a story naming one country is that country's
    ("The army chief met the police commander in Nairobi.", "army chief", "KEN"),
    ("The army chief met envoys from Lima in Nairobi.", "army chief", None),
])
def test_an_unnamed_office_takes_the_one_country(pipeline: Pipeline, text: str, phrase: str, country: str | None) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, phrase).country == country


_SET_IN_FRANCE = "Police fired tear gas at protesters on Saturday in Marseille, and students marched in Nantes and Lille. "


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # the country named last only commented: the unqualified national body is the setting's, and so is
    # the pronoun that refers to it
    (_SET_IN_FRANCE + "Germany condemned the violence. The government said it would not yield.",
     "government", "FRA.GOV"),
    (_SET_IN_FRANCE + "Germany condemned the violence. The government said it would not yield.", "it", "FRA.GOV"),
    (_SET_IN_FRANCE + "Germany condemned the violence. The authorities said the protesters had looted a bank.",
     "authorities", "FRA.GOV"),
    # a body a foreign state acts upon is not its own
    (_SET_IN_FRANCE + "Germany condemned the violence. Berlin urged the government to release the students.",
     "government", "FRA.GOV"),
    # a foreign minister speaking of "the government": his own
    (_SET_IN_FRANCE + "Germany condemned the violence. German Foreign Minister Hans Vogel said the government "
     "would send aid.", "government", "DEU.GOV"),
    # the story went to the other country (a place of it in the sentence before): that country's
    (_SET_IN_FRANCE + "Germany's cabinet met in Berlin on Sunday. The government said it would send aid.",
     "government", "DEU.GOV"),
    # a qualified body keeps its country: "of <country>", a demonym
    (_SET_IN_FRANCE + "Germany condemned the violence. The government of Spain said it would send observers.",
     "government", "ESP.GOV"),
    (_SET_IN_FRANCE + "Germany condemned the violence. The German government said it would send observers.",
     "German government", "DEU.GOV"),
    # no setting (one sentence, no places): the country named last
    ("Germany condemned the violence. The government said it would not yield.", "government", "DEU.GOV"),
])
def test_an_unqualified_national_body_is_the_settings(pipeline: Pipeline, text: str, phrase: str,
                                                      expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, phrase).id == expected


_TWO_COUNTRIES = "The singer was arrested in Paris in 2012. He spent a year in Lyon. He moved to Madrid in 2015 and to " \
    "Seville in 2017. "


@pytest.mark.parametrize(("text", "phrase", "country"), [
    # a story set in no one country: the people of a place take the country of the places of their sentence
    (_TWO_COUNTRIES + "Last month a judge rejected his appeal at a hearing held in Madrid.", "judge", "ESP"),
    # places of two countries in the sentence: nothing is guessed
    (_TWO_COUNTRIES + "A judge ordered his release, and police searched homes in Lyon and Madrid.", "judge", None),
])
def test_people_of_the_place_take_the_country_of_their_sentence(pipeline: Pipeline, text: str, phrase: str,
                                                                country: str | None) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, phrase).country == country
