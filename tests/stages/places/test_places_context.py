"""places stage, issue 15: context decides, people are no places, spotting recall (own sentences)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Place
from newsgraph.pipeline import Pipeline
from newsgraph.stages.common import place_at
from newsgraph.vocab import PLACE_NAMED_ONLY


def _run(pipeline: Pipeline, text: str) -> Article:
    art = Article(text=text, raw_text=text)
    for stage in pipeline.stages:
        if stage.name != "clean":
            art = stage(art)
    return art


def _place(art: Article, words: str) -> Place | None:
    """The place with a mention reading ``words``."""
    return next((p for p in art.places if any(m.text == words for m in p.mentions)), None)


def _located(art: Article, words: str) -> Place | None:
    """The place with a location mention reading ``words``."""
    return next((p for p in art.places if any(m.text == words and m.via not in PLACE_NAMED_ONLY for m in p.mentions)),
                None)


# -- a person's name is never a place ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a courtesy title before a town's name (Lodi, Italy and California)
        ("Speaking for the council, Ms Lodi said the city would act. Lodi spoke on Monday.", "Lodi"),
        # the surname of a person the article names, alone later on (Warren, Michigan)
        ("Senator Alice Warren toured a factory with union leaders. Warren said wages must rise.", "Warren"),
    ],
)
def test_people_are_no_places(pipeline: Pipeline, text: str, name: str) -> None:
    art = _run(pipeline, text)
    assert _place(art, name) is None, [(p.name, [m.text for m in p.mentions]) for p in art.places]


def test_a_surname_used_as_a_big_place_stays_a_place(pipeline: Pipeline) -> None:
    art = _run(pipeline, "Coach Dan Houston praised his players. The team flew to Houston on Friday.")
    houston = _located(art, "Houston")
    assert houston is not None and houston.country == "USA"


# -- context decides -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a parenthesised "(District, Region)" qualifier: the village lies there, not at a namesake abroad
        ("On 4 May, gunmen attacked Kalama (Konduga LGA, Borno), killing two farmers.", "Kalama", "NGA"),
        # a big city after a comma is the unit a district lies in
        ("Hawkers and police clashed in Eastleigh, Nairobi, on Friday.", "Eastleigh", "KEN"),
        # a lower-case admin noun after a state: a county in Florida, not the Colombian municipality Florida
        ("Officials in a west Florida county said the storm flooded roads.", "west Florida county", "USA"),
    ],
)
def test_stated_units_decide(pipeline: Pipeline, text: str, name: str, country: str) -> None:
    art = _run(pipeline, text)
    place = _located(art, name)
    assert place is not None and place.country == country, [(p.name, p.country) for p in art.places]


def test_parenthesised_units_are_places_whatever_the_ner_says(pipeline: Pipeline) -> None:
    art = _run(pipeline, "On 4 May, gunmen attacked Kalama (Konduga LGA, Borno), killing two farmers.")
    borno = _located(art, "Borno")
    assert borno is not None and borno.feature == "admin1" and borno.country == "NGA"


def test_a_small_namesake_abroad_needs_strong_evidence(pipeline: Pipeline) -> None:
    # Auno is known to the gazetteer only as a French village; the story's places are all in Nigeria
    text = ("Insurgents attacked the village of Auno near Maiduguri in Borno State on Sunday. "
            "Soldiers reached the village of Auno at dawn.")
    art = _run(pipeline, text)
    auno = _located(art, "Auno")
    assert auno is not None and auno.country == "NGA", [(p.name, p.country) for p in art.places]


# -- names that are not the place ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Researchers studied the Reston virus in monkeys at the laboratory.", "Reston"),
        ("The claim was first reported by the Post on Tuesday.", "Post"),
        ("The Ministry of Commerce said exports fell by a fifth.", "Commerce"),
        ("The Chamber of Commerce welcomed the plan.", "Commerce"),
        ("Lawmakers of the TNA backed the motion on Friday.", "TNA"),
        ("The textbooks were printed in Chinese and in English.", "Chinese"),
        ("Traffic was detoured at Amarillo Street on Monday.", "Amarillo"),
    ],
)
def test_not_a_toponym(pipeline: Pipeline, text: str, name: str) -> None:
    art = _run(pipeline, text)
    assert _place(art, name) is None, [(p.name, [m.text for m in p.mentions]) for p in art.places]


# -- every toponym mention, with its use ---------------------------------------------------------------


def test_governments_and_adjectives_are_named_places_but_not_locations(pipeline: Pipeline) -> None:
    art = _run(pipeline, "Russian jets struck targets near Idlib. Russia denied it on Monday.")
    russia = _place(art, "Russia")
    assert russia is not None and russia.country == "RUS" and russia.name == "Russia"
    assert {m.text: m.via for m in russia.mentions} == {"Russian": "adjective", "Russia": "metonym"}
    idlib = _located(art, "Idlib")
    assert idlib is not None and idlib.country == "SYR"
    # only locations are token references (what events and quantities read)
    seg = art.segments[0]
    assert place_at(art, seg.index, 0) is None
    assert place_at(art, seg.index, next(t.i for t in seg.doc if t.text == "Idlib")) == idlib.id


def test_a_people_is_no_adjective_place(pipeline: Pipeline) -> None:
    art = _run(pipeline, "The Russians said the talks would go on.")
    assert _place(art, "Russians") is None


def test_one_sense_per_discourse(pipeline: Pipeline) -> None:
    text = ("TOPEKA -- The Topeka mayor wants a new patrol program. "
            "The Topeka Police Department agreed to it on Monday.")
    art = _run(pipeline, text)
    place = _located(art, "TOPEKA")
    assert place is not None and place.feature == "city"
    assert [m.text for m in place.mentions] == ["TOPEKA", "Topeka", "Topeka"]


@pytest.mark.parametrize("dash", ["\u2014", "-", "\ufffd"])
def test_a_dateline_with_its_agency_is_a_place(pipeline: Pipeline, dash: str) -> None:
    art = pipeline.extract_text(f"AMMAN (AP) {dash} A government spokesman says the border will reopen next week.")
    assert art.dateline is not None and art.dateline["place"] == "AMMAN"
    place = _located(art, "AMMAN")
    assert place is not None and place.country == "JOR" and place.feature == "city"


def test_a_city_after_a_comma_is_no_district_of_a_smaller_namesake(pipeline: Pipeline) -> None:
    """Two Ontario towns are called Paris and London; "Paris, London" in a list names the capitals."""
    art = _run(pipeline, "After Paris, London was the busiest route for the new night trains.")
    assert _place(art, "Paris").country == "FRA"  # type: ignore[union-attr]
    assert _place(art, "London").country == "GBR"  # type: ignore[union-attr]  # acting: "London was"
    art = _run(pipeline, "Flooding closed roads in Paris, Ontario, on Monday.")
    assert _located(art, "Paris").country == "CAN"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "words", "country"),
    [
        ("The Oman Film Society opened its festival on Friday.", "Oman", "OMN"),
        ("The Kenya Wildlife Service said two lions had been shot.", "Kenya", "KEN"),
        ("A statement from the Workers' Party of Vietnam praised the deal.", "Vietnam", "VNM"),
    ],
)
def test_a_place_inside_an_organisations_name_is_named_not_located(
    pipeline: Pipeline, text: str, words: str, country: str
) -> None:
    art = pipeline.extract_text(text)
    place = _place(art, words)
    assert place is not None and place.country == country
    assert [m.via for m in place.mentions if m.text == words][0] in ("name", "metonym")
    assert not place.located  # the organisation says whose it is, not where anything happened


def test_a_small_namesake_inside_an_organisations_name_is_no_place(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The Bravo Film Society opened its festival on Friday.")
    assert _place(art, "Bravo") is None


def test_an_armed_groups_name_is_no_place_though_a_town_bears_it(pipeline: Pipeline) -> None:
    """"Hamas" is an alternate name of a German town in the gazetteer; the actors stage knows the group."""
    art = pipeline.extract_text("The envoy met Hamas leaders in Doha. He refused to talk to Hamas again.")
    assert _place(art, "Hamas") is None
    assert _located(art, "Doha") is not None
    art = pipeline.extract_text("Shanghai police arrested two men on Monday.")
    assert _place(art, "Shanghai").country == "CHN"  # type: ignore[union-attr]  # a place inside a group's name


def test_a_saints_name_in_a_buildings_name_is_no_town(pipeline: Pipeline) -> None:
    """"St. Peter's Basilica": no town called St. Peter, and no vote for the country of one."""
    art = pipeline.extract_text("Pilgrims filled St. Peter's Basilica. The Rome police closed the square.")
    assert all(not m.text.startswith("St. Peter") for p in art.places for m in p.mentions)
    assert _place(art, "Rome").country == "ITA"  # type: ignore[union-attr]
    art = pipeline.extract_text("Britain's Foreign Office summoned the ambassador.")
    assert _place(art, "Britain") is not None


def test_a_possessive_in_a_towns_own_name_is_kept(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Ferries from St. John's were cancelled because of the storm.")
    assert _place(art, "St. John's").country == "CAN"  # type: ignore[union-attr]
    art = pipeline.extract_text("Cuba's president spoke on Monday.")
    assert _place(art, "Cuba").country == "CUB"  # type: ignore[union-attr]  # not the Spanish village Cubas


def test_a_town_the_ner_calls_a_person_is_a_place_after_a_locative_word(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Heavy fighting was reported in Goma on Tuesday.")
    goma = _located(art, "Goma")
    assert goma is not None and goma.country == "COD"


def test_a_village_the_gazetteer_lacks_is_placed_at_the_focus(pipeline: Pipeline) -> None:
    text = ("Floods cut roads around Kisumu in western Kenya. The village of Kinaro was cut off, "
            "officials in Kisumu said.")
    art = _run(pipeline, text)
    village = _located(art, "Kinaro")
    assert village is not None and village.country == "KEN" and village.geonameid is None
    assert [m.via for m in village.mentions] == ["cue"]


def test_state_abbreviation_after_a_comma_is_a_place(pipeline: Pipeline) -> None:
    art = _run(pipeline, "Steven Ward of Alexandria, La., was arrested on Friday.")
    state = _located(art, "La.")
    town = _located(art, "Alexandria")
    assert state is not None and state.feature == "admin1" and state.name == "La."
    assert town is not None and town.country == "USA" and abs((town.lat or 0) - 31.3) < 0.5


def test_lower_case_admin_suffix_joins_the_name(pipeline: Pipeline) -> None:
    art = _run(pipeline, "Gunmen killed three people in the Tillabéri region of Niger on Monday.")
    region = _located(art, "Tillabéri region")
    assert region is not None and region.feature == "admin1" and region.country == "NER"


# -- local news: towns named by their people, offices and public bodies (issue 15) -------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the NER calls these towns persons or organisations; the civic noun after them says otherwise
        ("A Torrington woman was charged with theft on Friday.", "Torrington"),
        ("Hamden police closed the road after the crash.", "Hamden"),
        ("Naugatuck Mayor Ann Roe said the budget would balance.", "Naugatuck"),
    ],
)
def test_a_town_before_its_people_or_offices_is_a_place(pipeline: Pipeline, text: str, words: str) -> None:
    place = _located(pipeline.extract_text(text), words)
    assert place is not None and place.country == "USA"


def test_a_rank_before_an_office_is_no_town(pipeline: Pipeline) -> None:
    """"Vice" is a town's name in the gazetteer; "Vice Mayor" is a title."""
    art = pipeline.extract_text("The permit was opposed only by Vice Mayor Carl Doe.")
    assert _place(art, "Vice") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("He is due to appear in Torrington Superior Court next month.", "Torrington"),
        ("The Naugatuck Fire Department sent two engines to the blaze.", "Naugatuck"),
    ],
)
def test_a_small_town_naming_a_local_public_body_is_named(pipeline: Pipeline, text: str, words: str) -> None:
    place = _place(pipeline.extract_text(text), words)
    assert place is not None and place.country == "USA"


def test_a_street_named_after_a_town_names_no_public_body(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Traffic was diverted from Hamden Court to the bypass by the town council.")
    assert _place(art, "Hamden") is None


def test_a_first_name_that_a_town_bears_is_no_place(pipeline: Pipeline) -> None:
    """George, South Africa is a town of over 100,000; in "of George Osborne" it begins a person's name."""
    art = pipeline.extract_text("Critics attacked the budget of George Osborne last spring.")
    assert _place(art, "George") is None


def test_a_dateline_after_the_bylines_date_is_a_place(pipeline: Pipeline) -> None:
    art = _run(pipeline, "By Ann Roe, staff writer. March 3, 2010 TORRINGTON -- The town council met on Monday.")
    assert _located(art, "TORRINGTON") is not None


def test_towns_listed_after_a_locative_word_are_places(pipeline: Pipeline) -> None:
    """spaCy calls "Prospect" an organisation here; following "in Naugatuck," in a list closed by "and" it is
    a town like the first."""
    art = pipeline.extract_text("The candidates knocked on doors in Naugatuck, Prospect and Seymour on Sunday.")
    for words in ("Naugatuck", "Prospect"):
        place = _located(art, words)
        assert place is not None and place.country == "USA", words


def test_a_country_the_ner_reads_as_a_place_is_no_persons_mention(pipeline: Pipeline) -> None:
    """A misread headline can make a "person" whose surname is a country ("Rebuilding Syria"); the
    country's later mentions, which the NER reads as places, stay places."""
    from newsgraph.stages.places.gazetteer import load_gazetteer
    from newsgraph.stages.places.people import People
    from newsgraph.stages.places.spot import spot_segment

    art = _run(pipeline, "Syria, which has suffered for years, now hopes for aid.")
    seg = art.segments[0]
    spot = next(sp for sp in spot_segment(seg, load_gazetteer()) if seg.doc[sp.start_tok].text == "Syria")
    linked = People(frozenset({(seg.index, spot.start_tok)}), frozenset({"syria"}))
    assert not linked.names_person(load_gazetteer(), seg, spot)
    assert _place(art, "Syria") is not None


def test_a_town_the_ner_calls_a_date_after_a_locative_word_is_a_place() -> None:
    from spacy.tokens import Span

    from newsgraph.nlp import load_model
    from newsgraph.stages.places.gazetteer import load_gazetteer
    from newsgraph.stages.places.spot import misread_date

    doc = load_model()("Medics worked beside the coalition troops in Manbij and left at Christmas in March.")
    manbij, christmas, march = (doc.text.index(w) for w in ("Manbij", "Christmas", "March"))
    spans = [doc.char_span(i, i + len(w)) for i, w in ((manbij, "Manbij"), (christmas, "Christmas"), (march, "March"))]
    doc.ents = [Span(doc, s.start, s.end, label="DATE") for s in spans if s is not None]
    read = {ent.text: misread_date(doc, ent, load_gazetteer()) for ent in doc.ents}
    assert read == {"Manbij": True, "Christmas": False, "March": False}


def test_a_town_in_a_list_of_places_is_a_place_whatever_the_ner_says(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The new line will call at Hilversum and Almelo from next year.")
    almelo = _located(art, "Almelo")
    assert almelo is not None and almelo.country == "NLD"


def test_a_country_abbreviation_opening_an_organisations_name_is_named(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The medic served alongside US Special Forces for a year.")
    us = _place(art, "US")
    assert us is not None and us.country == "USA"


def test_a_dotted_state_abbreviation_is_the_state_not_a_country_code(pipeline: Pipeline) -> None:
    """"S.D." is South Dakota; SD is also Sudan's country code, which only an undotted "SD" may mean."""
    art = pipeline.extract_text("The finalists were Rapid City, S.D. and Tempe, Ariz., the judges said.")
    state = _place(art, "S.D.")
    assert state is not None and state.country == "USA"


def test_a_county_opening_an_organisations_name_is_the_county(pipeline: Pipeline) -> None:
    """Not the island of Guernsey: the name goes on with "County"."""
    art = pipeline.extract_text("Work crews are repairing the Guernsey County Administration Building.")
    county = _place(art, "Guernsey County")
    assert county is not None and county.country == "USA" and county.feature == "admin2"
    assert _place(art, "Guernsey") is None


def test_a_country_the_ner_calls_a_person_is_a_place_after_a_locative_word(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Fighting flared in northern Mali on Monday.")
    mali = _located(art, "northern Mali")
    assert mali is not None and mali.country == "MLI"


def test_a_county_and_a_town_inside_it_choose_each_other(pipeline: Pipeline) -> None:
    """Athens, Greece is far bigger, and many states have a Henderson County; together they name the
    Texas town and its county."""
    art = pipeline.extract_text("The Athens Police Department detained a driver on Monday. "
                                "He was later booked into the Henderson County Jail.")
    athens = _place(art, "Athens")
    assert athens is not None and athens.country == "USA"
    assert athens.lat is not None and abs(athens.lat - 32.2) < 0.3 and athens.lon is not None and abs(athens.lon + 95.85) < 0.3


def test_a_dotted_state_abbreviation_before_a_noun_is_the_state(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Scandal-hit Ga. preacher to be buried on Saturday.")
    state = _place(art, "Ga.")
    assert state is not None and state.country == "USA" and state.feature == "admin1"


def test_place_adjectives_listed_before_a_lower_case_adjective_and_a_noun(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The quarter was home to German, Irish and other immigrant families.")
    assert _place(art, "German") is not None and _place(art, "Irish") is not None


def test_a_town_after_a_persons_name_and_of_is_where_they_live(pipeline: Pipeline) -> None:
    """spaCy calls "Wooster" a person here; after "Amstutz, of" it is the town the man comes from."""
    art = pipeline.extract_text("The budget is fair, said Amstutz, of Wooster.")
    town = _located(art, "Wooster")
    assert town is not None and town.country == "USA"


def test_a_saints_name_inside_a_name_is_no_town(pipeline: Pipeline) -> None:
    """"Mary" is a city of Turkmenistan; in "St. Mary" it names the saint."""
    for text in ("The choir sang at St. Mary Cathedral on Sunday.", "The bazaar was held at St. Mary."):
        art = pipeline.extract_text(text)
        assert all(p.country != "TKM" for p in art.places), text


# -- session 8: names inside titles and other names, joined and abbreviated countries -------------------


def test_a_place_adjective_in_a_persons_title_is_a_place(pipeline: Pipeline) -> None:
    """The actors stage reads "French President Anne Dupont" as one person; the adjective still names France."""
    art = pipeline.extract_text("French President Anne Dupont met reporters in Lyon.")
    france = _place(art, "French")
    assert france is not None and france.country == "FRA"


def test_a_place_before_a_title_and_a_name_is_a_place(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Nairobi Archbishop Tom Roe led the service.")
    nairobi = _place(art, "Nairobi")
    assert nairobi is not None and nairobi.country == "KEN"


def test_a_country_of_two_names_joined_by_and_is_one_place(pipeline: Pipeline) -> None:
    """The NER takes "Antigua" alone; the country's name goes on with "and Barbuda"."""
    art = pipeline.extract_text("Talks in Antigua and Barbuda ended on Friday.")
    country = _located(art, "Antigua and Barbuda")
    assert country is not None and country.country == "ATG" and country.feature == "country"
    assert _place(art, "Antigua") is None and _place(art, "Barbuda") is None


def test_the_initials_of_a_country_the_article_names_are_the_country(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Papua New Guinea has held an election. Voters in PNG queued for hours.")
    initials = _located(art, "PNG")
    assert initials is not None and initials.country == "PNG"


def test_a_name_the_ner_reads_as_a_person_once_is_a_place_after_in(pipeline: Pipeline) -> None:
    """spaCy calls "Hydra's port" a person's; "waited in Hydra" is the Greek island town."""
    art = pipeline.extract_text("Stranded travellers waited in Hydra for a ferry. With Hydra's port shut, few could leave.")
    town = _located(art, "Hydra")
    assert town is not None and town.country == "GRC"


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The De Beers mine closed on Friday.", "De"),  # not Germany by its country code
        ("Officers said C.A. Moore drove away.", "C.A."),  # initials of a person, not a country's code
    ],
)
def test_codes_in_other_names_are_no_places(pipeline: Pipeline, text: str, wrong: str) -> None:
    art = pipeline.extract_text(text)
    assert _place(art, wrong) is None, [(p.name, p.country) for p in art.places]


def test_a_longer_name_at_the_start_of_an_organisation_wins_over_a_country_inside_it(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The Panama Canal Authority raised its fees.")
    assert _place(art, "Panama") is None
    canal = _place(art, "Panama Canal")
    assert canal is not None and canal.country == "PAN"


def test_a_dotted_us_in_an_agencys_name_is_the_united_states(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The mayor thanked the U.S. Department of Energy for the grant.")
    usa = _place(art, "U.S.")
    assert usa is not None and usa.country == "USA"


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a short word in title case is no code: ACT is the Australian Capital Territory, "the Act" a law
        ("The council signed the Act into law. The Act takes effect in May.", "Act"),
        # a capitalised word before a number is a designation, not the town of that word
        ("Voters in Ward 6 and Lot 12 elected a new board. Ward 6 residents were pleased.", "Ward"),
    ],
)
def test_designations_and_title_case_codes_are_no_places(pipeline: Pipeline, text: str, wrong: str) -> None:
    art = pipeline.extract_text(text)
    assert _place(art, wrong) is None, [(p.name, p.country) for p in art.places]


def test_a_name_with_a_middle_initial_gives_a_surname_whatever_the_ner_label(pipeline: Pipeline) -> None:
    from newsgraph.stages.places.people import person_words

    """spaCy calls "Jamal R. Fenton" an organisation here; Fenton is a town in Michigan."""
    art = _run(pipeline, "Police shot Jamal R. Fenton on Friday.")
    assert "fenton" in person_words(art).surnames


def test_a_landmark_the_actors_stage_reads_as_a_sector_stays_a_place(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("He teaches at Kansas State University.")
    campus = _located(art, "Kansas State University")
    assert campus is not None and campus.country == "USA"


def test_a_name_in_a_list_of_states_is_the_state(pipeline: Pipeline) -> None:
    """New York names a city and a state; among Ohio, Utah and Iowa it is the state."""
    art = pipeline.extract_text("The band toured Ohio, New York, Utah and Iowa last year.")
    ny = _place(art, "New York")
    assert ny is not None and ny.feature == "admin1"


def test_a_town_and_its_state_are_no_list(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("He was born in Washington, Georgia and moved away at ten.")
    town = _place(art, "Washington")
    assert town is not None and town.feature == "city"


def test_a_saints_abbreviation_in_a_joined_country_name(pipeline: Pipeline) -> None:
    """A country's name joined by "and", with "St." read as "Saint"."""
    art = pipeline.extract_text("Talks with Sao Tome and Principe ended. The envoy of St. Vincent and Grenadines left.")
    assert (country := _place(art, "Sao Tome and Principe")) is not None and country.country == "STP"
    assert _place(art, "Sao Tome and") is None


def test_the_end_of_a_longer_towns_name_is_not_the_shorter_town(pipeline: Pipeline) -> None:
    """"New Madrid" is a town of Missouri; Madrid is far bigger but not named here."""
    art = pipeline.extract_text("Volunteers will clean New Madrid reservoir on Saturday.")
    assert _place(art, "Madrid") is None


def test_towns_joined_by_a_hyphen_are_both_places(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Jane Roe, MLA for Penticton-Summerland, spoke.")
    assert {(p.name, p.country) for p in art.places} >= {("Penticton", "CAN"), ("Summerland", "CAN")}


def test_a_brand_of_two_hyphenated_village_names_is_no_place(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The Coca-Cola company grew last year.")
    assert art.places == []


def test_a_big_town_owning_a_common_noun_is_a_place(pipeline: Pipeline) -> None:
    """spaCy calls "Mesa" an organisation here; "Mesa's new library" is the Arizona city's."""
    art = pipeline.extract_text("Visitors admired Mesa's new library.")
    mesa = _place(art, "Mesa")
    assert mesa is not None and mesa.country == "USA"


def test_a_dotted_state_in_brackets_qualifies_the_county_before_it(pipeline: Pipeline) -> None:
    """"(Ga.)" is Georgia, the state; not GA, Gabon's country code."""
    art = pipeline.extract_text("The Floyd County (Ga.) school board voted on Monday.")
    county = _place(art, "Floyd County")
    assert county is not None and county.country == "USA"


def test_names_listed_before_counties_are_counties(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Sales rose in Clay and Union counties last year.")
    clay = _place(art, "Clay")
    assert clay is not None and clay.feature == "admin2"
    assert _place(art, "Union counties") is not None


def test_a_lawmakers_party_label_names_the_home_town(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("House Minority Leader Jane Roe, R-Marshall, spoke first.")
    town = _place(art, "Marshall")
    assert town is not None and town.country == "USA"


def test_the_place_of_a_group_of_people_is_a_place(pipeline: Pipeline) -> None:
    """The actors stage reads "every resident of Nashville" as a group; its place is still named."""
    art = pipeline.extract_text("Every resident of Nashville will receive a letter. Students from Boston visited.")
    assert _located(art, "Nashville") is not None and _located(art, "Boston") is not None


def test_a_big_town_the_ner_once_calls_a_person_stays_the_town(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Pueblo residents marched on Friday. Organisers said Pueblo says no to the plan. "
                                "Pueblo’s council will vote.")
    pueblo = next((p for p in art.places if p.name == "Pueblo"), None)
    assert pueblo is not None and pueblo.country == "USA" and len(pueblo.mentions) >= 2


def test_a_saints_possessive_names_an_institution_or_a_feast(pipeline: Pipeline) -> None:
    """St. John's is a Canadian city; "St. Anne's Lutheran School", "St. Anne's pupils", "St. Patrick's
    Day" name a school and a feast, not the town."""
    art = pipeline.extract_text("Students at St. Anne's Lutheran School won prizes. St. Anne's pupils cheered. "
                                "Police stressed safety on St. Patrick's Day.")
    assert art.places == [], [(p.name, p.country) for p in art.places]
    art = pipeline.extract_text("She moved to St. John's last year.")
    assert _place(art, "St. John's") is not None


def test_the_x_is_no_newspaper_where_a_big_town_bears_the_name(pipeline: Pipeline) -> None:
    """Whichever Portland the context picks, "the Portland Trail Blazers" names a town; "the Post" does not."""
    art = pipeline.extract_text("Harden scored to lift the Houston Rockets over the Portland Trail Blazers.")
    assert _place(art, "Portland") is not None
    art = pipeline.extract_text("She told the Post on Monday that the plan failed.")
    assert art.places == []


def test_a_country_written_with_st_is_a_candidate_beside_the_towns(pipeline: Pipeline) -> None:
    """South Africa has a small St. Lucia; written "St. Lucia", the Caribbean country is a candidate too."""
    art = pipeline.extract_text("A ship under the flag of St. Lucia sank. Talks in St. Vincent ended.")
    assert {(p.name, p.country) for p in art.places} == {("St. Lucia", "LCA"), ("St. Vincent", "VCT")}


def test_a_country_named_by_its_people_may_go_by_its_initials(pipeline: Pipeline) -> None:
    """"South Africans" names South Africa as well as its full name does: "across SA" is then the country."""
    art = pipeline.extract_text("Mining firms face strikes. Many South Africans work in mines across SA and in Zambia.")
    sa = _located(art, "SA")
    assert sa is not None and sa.country == "ZAF"


def test_a_name_the_ner_cuts_short_is_read_whole(pipeline: Pipeline) -> None:
    """spaCy reads "Boa" as a place and "Vista" as an organisation here; the state capital is meant."""
    art = pipeline.extract_text("Thousands of families now live in Boa Vista, far from home.")
    boa = _located(art, "Boa Vista")
    assert boa is not None and boa.country == "BRA"
    assert {p.name for p in art.places} == {"Boa Vista"}


def test_a_compass_word_alone_names_no_place(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Traffic was closed between North and Strickland avenues in Ashford, Kent.")
    assert "North" not in {m.text for p in art.places for m in p.mentions}
    assert _located(art, "Ashford") is not None


@pytest.mark.parametrize("county", ["Devon", "Cheshire", "Hampshire"])
def test_a_county_the_ner_calls_a_person_is_a_place_after_a_locative_word(pipeline: Pipeline, county: str) -> None:
    art = pipeline.extract_text(f"The circus returns to {county} in June.")
    place = _located(art, county)
    assert place is not None and place.country == "GBR"


def test_feasts_are_no_towns(pipeline: Pipeline) -> None:
    """Passover, Easter and Christmas are also the names of small towns; in news they are feasts."""
    art = pipeline.extract_text("Families eat matzo during Passover. Shops close for Easter and for Christmas.")
    assert art.places == [], [(p.name, p.country) for p in art.places]


def test_the_places_a_group_of_people_is_from_stay_places(pipeline: Pipeline) -> None:
    """The actors stage reads "a man from Ashford, Kent" as civilians; the town and its county stay places."""
    art = pipeline.extract_text("A man from Ashford, Kent, was hurt.")
    assert {(p.name, p.country) for p in art.places} == {("Ashford", "GBR"), ("Kent", "GBR")}


def test_a_small_town_where_a_verb_of_going_goes_is_a_place(pipeline: Pipeline) -> None:
    """The NER calls Tenby (5,000 people) a person; "drove to" says it is where they went, "talked to" does not."""
    art = pipeline.extract_text("They drove to Tenby on Sunday.")
    tenby = _located(art, "Tenby")
    assert tenby is not None and tenby.country == "GBR"
    assert pipeline.extract_text("She talked to Tenby about it.").places == []


def test_a_county_or_festival_name_names_its_place(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The Muscat Jazz Festival opens tonight. She told the Suffolk Times she was glad.")
    muscat, suffolk = _place(art, "Muscat"), _place(art, "Suffolk")
    assert muscat is not None and muscat.country == "OMN"
    assert suffolk is not None and suffolk.country == "GBR"
    assert all(m.via == "name" for p in (muscat, suffolk) for m in p.mentions)


def test_the_eu_is_named_like_the_european_union(pipeline: Pipeline) -> None:
    """"EU" is no acronym to skip: like "the European Union" it names Europe (the geoparsing gold sets' point)."""
    art = pipeline.extract_text("Farmers across the EU protested. Some 10,000 EU workers left.")
    eu = _place(art, "EU")
    assert eu is not None and eu.feature == "continent"
    assert [m.text for m in eu.mentions] == ["EU", "EU"]
    union = _place(pipeline.extract_text("Leaders met in the European Union."), "European Union")
    assert union is not None and union.id == eu.id


def test_a_country_before_its_currency_is_named(pipeline: Pipeline) -> None:
    """The NER reads "12.5 billion US dollars" as money; the country in it is named, not a location."""
    art = pipeline.extract_text("The plan lists 300 projects worth 12.5 billion US dollars. He paid 50 dollars.")
    us = _place(art, "US")
    assert us is not None and us.country == "USA"
    assert [m.via for m in us.mentions] == ["name"]
    assert _located(art, "US") is None


@pytest.mark.parametrize(("text", "name", "country"), [
    ("DUNMORE, Pa. (AP) - Crews cleared the roads on Monday.", "DUNMORE", "USA"),
    ("FORT HARLAN, Ky. - Soldiers trained on Monday.", "FORT HARLAN", "USA"),
])
def test_a_dateline_before_its_state_is_a_place(pipeline: Pipeline, text: str, name: str, country: str) -> None:
    """"DUNMORE, Pa. (AP) -": the dateline's town, and a base the gazetteer lacks placed in the state."""
    place = _place(pipeline.extract_text(text), name)
    assert place is not None and place.country == country


def test_compass_words_inside_an_entity_qualify_the_name(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Ann Roe, who lives in Harrow, north west London, was not in court.")
    west = next((p for p in art.places if p.qualifier == "west"), None)
    assert west is not None and west.country == "GBR" and west.mentions[0].text == "west London"


def test_a_country_adjective_the_ner_calls_a_person_is_an_adjective(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The hotel was designed by the Slovak architect Jan Novak.")
    slovakia = _place(art, "Slovak")
    assert slovakia is not None and [m.via for m in slovakia.mentions] == ["adjective"]


def test_a_people_adjective_before_a_kind_of_place_gives_the_country(pipeline: Pipeline) -> None:
    """spaCy calls "English" a language; before "city of" it names England, and Worcester is the English one."""
    art = pipeline.extract_text("Floods hit the English city of Worcester on Monday.")
    worcester = _located(art, "Worcester")
    assert worcester is not None and worcester.country == "GBR"
    assert _place(art, "English") is not None
    assert [p.name for p in pipeline.extract_text("She teaches English grammar in Ohio.").places] == ["Ohio"]


def test_an_organisation_labelled_town_its_state_qualifies_is_a_place(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The cars will be built at the company's Bowling Green, Kentucky plant.")
    town = _located(art, "Bowling Green")
    assert town is not None and town.country == "USA"


def test_a_firms_initials_are_no_country_code(pipeline: Pipeline) -> None:
    """GTM is Guatemala's ISO code, but "GTM Research" is a firm; "US" and "UAE" stay countries in names."""
    art = pipeline.extract_text("According to GTM Research, shipments grew. The UAE Football Association agreed.")
    assert [(p.name, p.country) for p in art.places] == [("UAE", "ARE")]


def test_a_region_or_county_the_ner_once_calls_a_person_stays_the_place(pipeline: Pipeline) -> None:
    """A one-word "person" the article never names in full, whose name a county of 50,000+ or a written
    region bears, is the place; a title before it still makes a person."""
    art = pipeline.extract_text("Families remain in the Lesbos camp. With Lesbos's economy in ruins, many left.")
    lesbos = _place(art, "Lesbos")
    assert lesbos is not None and lesbos.country == "GRC"
    assert pipeline.extract_text("Lesbos said he would run. Coach Lesbos won.").places == []


def test_a_capitalised_compass_word_before_a_state_qualifies_it(pipeline: Pipeline) -> None:
    """"Northeast Georgia" is a part of the state, not a name the gazetteer lacks; North Carolina stays whole."""
    art = pipeline.extract_text("Most Northeast Georgia school systems are fine. Schools in Athens and Gainesville "
                                "closed. Storms hit North Carolina.")
    part = next((p for p in art.places if p.qualifier == "northeast"), None)
    assert part is not None and part.country == "USA" and part.mentions[0].text == "Northeast Georgia"
    assert _place(art, "North Carolina") is not None


def test_a_capital_the_ner_calls_a_person_is_the_government_acting(pipeline: Pipeline) -> None:
    tbilisi = _place(pipeline.extract_text("On Friday Tbilisi announced new border talks."), "Tbilisi")
    assert tbilisi is not None and tbilisi.country == "GEO" and [m.via for m in tbilisi.mentions] == ["metonym"]
    assert pipeline.extract_text("Ann Tbilisi spoke. Later Tbilisi said no.").places == []


def test_a_country_or_state_ending_an_organisations_name_is_named(pipeline: Pipeline) -> None:
    """"Cancer Research UK", "Small Business BC": the name says whose the body is; "GTM Research" and
    demonyms do not name a place this way."""
    art = pipeline.extract_text("Cancer Research UK said so. Staff of Small Business BC came.")
    assert {(p.name, p.country) for p in art.places} == {("UK", "GBR"), ("BC", "CAN")}
    assert all(m.via == "name" for p in art.places for m in p.mentions)


def test_the_adjective_of_a_homeland_region_names_it(pipeline: Pipeline) -> None:
    """"Kurdish" and "Siberian" are the region table's adjectives of Kurdistan and Siberia; macro-regions
    ("Arab", "Western") still name no one place."""
    art = pipeline.extract_text("Troops pressed into a Kurdish enclave. Siberian winters are long. "
                                "Arab leaders met. Western governments agreed.")
    assert {(p.name, [m.via for m in p.mentions][0]) for p in art.places} == {
        ("Kurdistan", "adjective"), ("Siberia", "adjective")}


def test_greater_before_an_adjective_compares(pipeline: Pipeline) -> None:
    """"greater Kurdish autonomy" asks for more autonomy; it names no "Greater Kurdistan"."""
    art = pipeline.extract_text("The fighters seek greater Kurdish autonomy in the north.")
    assert [(p.name, p.qualifier) for p in art.places] == [("Kurdistan", None)]


def test_the_residents_of_a_town_name_the_town(pipeline: Pipeline) -> None:
    art = _run(pipeline, "Homes within Lakeland city limits need a permit. Residents of Lakeland can ask for "
                         "one at the library.")
    hits = [m for p in art.places for m in p.mentions if m.text == "Lakeland" and m.via not in PLACE_NAMED_ONLY]
    assert len(hits) == 2, [(p.name, [m.text for m in p.mentions]) for p in art.places]


def test_a_towns_fire_chief_the_ner_calls_a_person_names_the_town(pipeline: Pipeline) -> None:
    art = _run(pipeline, "The roof collapsed, Lakeland Fire Chief Ann Baxter told reporters on Sunday.")
    town = _located(art, "Lakeland")
    assert town is not None and town.country == "USA"


def test_a_hall_named_like_a_town_is_no_town_office(pipeline: Pipeline) -> None:
    # an office word wants a body word between ("City Hall"); "Union Hall" alone names a building
    art = _run(pipeline, "The dance moved from the gym to Union Hall on Friday.")
    assert _located(art, "Union") is None


def test_a_title_case_dateline_before_a_colon_is_where_the_story_was_filed(pipeline: Pipeline) -> None:
    art = _run(pipeline, "Muscat: Ministers met on Sunday to discuss the budget.")
    town = _located(art, "Muscat")
    assert town is not None and town.country == "OMN"
    assert _located(_run(pipeline, "Update: The council met again on Monday."), "Update") is None


def test_a_big_towns_other_spelling_after_a_locative_word_the_ner_calls_a_person(pipeline: Pipeline) -> None:
    art = _run(pipeline, "Fighters from Misrata joined the push toward the coast.")
    town = _located(art, "Misrata")
    assert town is not None and town.country == "LBY"


# -- one sense per discourse, read the other way (senses.py) --------------------------------------------


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


def test_a_towns_possessive_inside_a_facilitys_name_names_the_town(pipeline: Pipeline) -> None:
    art = _run(pipeline, "Exeter’s Riverside Hospital opened a new ward this week.")
    exeter = _place(art, "Exeter")
    assert exeter is not None and exeter.country == "GBR"
