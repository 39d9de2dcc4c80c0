"""places stage: a unit word names its place whatever the tagger said ("X district", "X territory"); a
big town's name the NER read as a person after a locative word; a town the NER ran into a time word."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Pipeline


def _located(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    art = pipeline.extract_text(text)
    return {m.text: p.country for p in art.places for m in p.mentions if m.via not in ("metonym", "adjective", "name")}


@pytest.mark.parametrize(("text", "surface", "country"), [
    # the NER reads a person, the unit word after the name says it is the district
    ("A roadside bomb killed two farmers in Helmand's Nad Ali district on Friday.", "Nad Ali district", "AFG"),
    # the tagger reads an adjective
    ("Gunmen killed nine villagers in Beni territory last week.", "Beni territory", "COD"),
    # a town of 300,000 in another spelling, read as a person, after "near"
    ("The convoy was ambushed near Wad Madani, officials said.", "Wad Madani", "SDN"),
])
def test_unit_word_or_big_town_names_the_place(pipeline: Pipeline, text: str, surface: str, country: str) -> None:
    assert _located(pipeline, text).get(surface) == country


def test_a_person_before_a_unit_word_that_names_no_unit_stays_a_person(pipeline: Pipeline) -> None:
    located = _located(pipeline, "Jordan Smith district manager said sales rose in the spring.")
    assert not any("Smith" in s for s in located)


def test_a_two_word_person_after_a_preposition_is_no_town(pipeline: Pipeline) -> None:
    located = _located(pipeline, "The minister met with Paul Smith in the capital on Monday.")
    assert "Paul Smith" not in located


@pytest.mark.parametrize(("text", "surface", "country"), [
    # a dateline in capitals after a headline, its abbreviation kept in one token ("ST." ends no sentence)
    ("Council approves new budget. ST. CLOUD -- The city council voted on Tuesday to raise fees.", "ST. CLOUD", "USA"),
    # a dateline's dash written with three hyphens
    ("Mayor steps down after audit. RALEIGH --- The mayor resigned on Friday.", "RALEIGH", "USA"),
    # a town the NER read as a person, placed by the abbreviated state after it
    ("The award went to Boise, Idaho, with Sioux Falls, S.D. and Tulsa, Okla., close behind.", "Sioux Falls", "USA"),
])
def test_datelines_and_abbreviated_states(pipeline: Pipeline, text: str, surface: str, country: str) -> None:
    assert _located(pipeline, text).get(surface) == country


def test_a_street_abbreviation_in_capitals_is_no_country(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Police closed MAIN ST. on Monday.")
    assert not any(p.country == "STP" for p in art.places)


def test_capital_abbreviations_end_no_sentence() -> None:
    from newsgraph.nlp import split_sentences

    text = "Budget passes. ST. CLOUD -- The council voted."
    starts = [text[s:e] for s, e, _p in split_sentences(text)]
    assert starts == ["Budget passes.", "ST. CLOUD -- The council voted."]
