"""Headline grammar (issue 14): Title-Case and ALL-CAPS lines and verbless fragments get a second reading
(``newsgraph.headlines.second_reading``) so that the event verbs of a headline fire. Every sentence is our own."""

from __future__ import annotations

import pytest
from tests.stages.events.event_probes import kept, run

from newsgraph.headlines import cue_verb_past, headline_casing, past_tense, present_bases, second_reading
from newsgraph.nlp import load_model
from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        # a verbless headline whose present-tense verb the parser takes for a noun of a compound
        ("Riot officers fire rubber bullets at students", "ASSAULT", "180"),
        # the same in ALL-CAPS, and a Title-Case headline
        ("POLICE FIRE RUBBER BULLETS AT STUDENTS IN KAMPALA", "ASSAULT", "180"),
        ("Soldiers Detain Dozens Of Traders After Riots In Kano", "COERCE", "173"),
        # a caption whose present-tense verb the first reading already finds keeps it (no second reading)
        ("Officers detain a farmer at a rally against the land law in Lima, Peru, Friday, May 3",
         "COERCE", "173"),
    ],
)
def test_headline_verbs_fire(pipeline: Pipeline, text: str, plover: str, cameo: str) -> None:
    assert (plover, cameo) in kept(run(pipeline, text))


def test_headline_source_is_resolved(pipeline: Pipeline) -> None:
    """The actors stage reads the second reading too: the subject of the headline verb is the source."""
    art = run(pipeline, "POLICE FIRE RUBBER BULLETS AT STUDENTS IN KAMPALA")
    ev = next(e for e in art.events if e.cameo == "180")
    assert ev.source == ["UGA.COP"]


def test_running_text_is_not_reread() -> None:
    nlp = load_model()
    doc = nlp("The police fired rubber bullets at the students in Kampala on Monday.")
    assert headline_casing(doc) is None
    assert second_reading(nlp, doc, frozenset({"fired", "firing"})) is None


def test_second_reading_keeps_words_offsets_and_entities() -> None:
    nlp = load_model()
    doc = nlp("Riot officers fire rubber bullets at students in Kampala")
    other = second_reading(nlp, doc, frozenset({"fired", "firing"}))
    assert other is not None
    assert [t.text for t in other] == [t.text for t in doc]
    assert [t.idx for t in other] == [t.idx for t in doc]
    assert [(e.text, e.label_) for e in other.ents] == [(e.text, e.label_) for e in doc.ents]
    assert other[2].pos_ == "VERB" and other[2].tag_ == "VBD"
    assert any(c.dep_ == "nsubj" and c.text == "officers" for c in other[2].children)


def test_adjective_is_no_subject() -> None:
    """An adjective before a noun-read cue verb is no subject: 'riot' stays a noun and 'fire' is the verb."""
    nlp = load_model()
    doc = nlp("Local riot officers fire rubber bullets at students in Kampala on Monday.")
    other = second_reading(nlp, doc, frozenset({"rioted", "rioting", "fired", "firing"}))
    assert other is not None
    assert other[1].pos_ != "VERB"
    assert other[3].tag_ == "VBD"


def test_no_verb_reading_without_a_cue() -> None:
    """Only a word that a later stage knows as a verb is tried as one."""
    nlp = load_model()
    doc = nlp("Riot officers fire rubber bullets at students in Kampala")
    assert second_reading(nlp, doc, frozenset({"shelled"})) is None


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("SOLDIERS DETAIN DOZENS OF TRADERS", "caps"),
        ("Soldiers Detain Dozens Of Traders After Riots", "title"),
        ("Soldiers detained dozens of traders after riots.", None),
        # the NER takes the capitalised words for names; a capitalised preposition still tells Title-Case
        ("Rebels Seize Key Town In Eastern Congo", "title"),
        # a name with a lower-case "of" is running text
        ("Protesters gathered outside the Ministry of Interior in Cairo.", None),
        # a sentence full of names is not Title-Case
        ("President Ana Lima met Prime Minister Jorge Sousa in Brasilia.", None),
    ],
)
def test_headline_casing(text: str, style: str | None) -> None:
    assert headline_casing(load_model()(text)) == style


def test_verb_forms() -> None:
    assert past_tense("fire") == "fired"
    assert past_tense("ban") == "banned"
    assert past_tense("visit") == "visited"
    assert past_tense("bury") == "buried"
    assert present_bases("clashes") == ["clash", "clashe"]
    assert present_bases("detains") == ["detain"]
    assert cue_verb_past("Shells", frozenset({"shelled"})) == "shelled"
    assert cue_verb_past("market", frozenset({"fired"})) is None
