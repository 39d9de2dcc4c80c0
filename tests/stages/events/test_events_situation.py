"""Where and when an event happened (docs/events.md, Date and place): the most specific place of a level,
the places inside the trigger's own arguments, the dateline as the last resort, and no date from a
duration. Every sentence is our own."""

from __future__ import annotations

from newsgraph.model import Article, Event
from newsgraph.pipeline import Pipeline


def _place(art: Article, e: Event) -> str | None:
    return next((p.name for p in art.places if p.id == e.place), None)


def _events(pipeline: Pipeline, text: str, published: str = "2024-03-10") -> tuple[Article, list[Event]]:
    art = pipeline.extract_text(text, published=published)
    return art, [e for e in art.events if e.plover is not None]


def test_the_narrowest_place_of_the_clause_wins(pipeline: Pipeline) -> None:
    art, events = _events(pipeline, "A journalist in Mexico was shot dead by gunmen in the city of Culiacan on Tuesday.")
    assert events and {_place(art, e) for e in events} == {"Culiacan"}
    assert {e.features["place_level"] for e in events} == {"clause"}


def test_a_district_beats_the_province_it_is_in(pipeline: Pipeline) -> None:
    art, events = _events(pipeline, "A roadside bomb killed two farmers in Helmand's Nad Ali district on Friday.")
    assert events and {_place(art, e) for e in events} == {"Nad Ali district"}


def test_a_place_inside_the_object_places_the_event(pipeline: Pipeline) -> None:
    art, events = _events(pipeline, "Government troops recaptured the town of Kidal from the rebels.")
    assault = [e for e in events if e.plover == "ASSAULT"]
    assert assault and _place(art, assault[0]) == "Kidal"
    assert assault[0].features["place_level"] == "argument"


def test_the_dateline_places_an_event_the_text_does_not(pipeline: Pipeline) -> None:
    art, events = _events(pipeline, "NAIROBI, Kenya (Reuters) - Police arrested twelve opposition activists "
                                    "on Tuesday, their lawyer said.")
    arrest = [e for e in events if e.plover == "COERCE"]
    assert arrest and _place(art, arrest[0]) == "NAIROBI"
    assert arrest[0].features["place_level"] == "dateline"
    assert arrest[0].place_evidence is not None and arrest[0].place_evidence.text == "NAIROBI"


def test_a_duration_dates_no_event(pipeline: Pipeline) -> None:
    _art, events = _events(pipeline, "The mayor imposed a curfew in Bukavu after two nights of unrest.")
    curfew = [e for e in events if e.plover == "COERCE"]
    assert curfew and curfew[0].date is None


def test_a_relative_clause_of_an_argument_is_no_place_of_the_event(pipeline: Pipeline) -> None:
    art, events = _events(pipeline, "Rebels attacked the army, which had fought them for years in Mopti.")
    assault = [e for e in events if e.plover == "ASSAULT" and e.trigger is not None and e.trigger.text == "attacked"]
    assert assault and assault[0].features.get("place_level") != "argument"

