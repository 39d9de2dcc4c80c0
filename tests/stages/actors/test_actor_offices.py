"""Offices, bodies and the people they serve (session 10, issue 14): a company's users are civilians, a
former office-holder named by the office is an elite, a court named after its seat is a court, a titled name
the NER missed, bare "prosecutors" for the one prosecution service named, a title word as a surname. Our own
sentences."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import phrase_actor, run_actors

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    # the people an organisation serves are civilians, not the organisation (one-country story: its country)
    ("Some Twitch viewers mocked the mayor of Leeds.", "Twitch viewers", "GBR", "CVL"),
    ("Netflix subscribers in Ohio complained about the price.", "Netflix subscribers", "USA", "CVL"),
    # a former office-holder named by the office: ELI of the body's country
    ("The former head of Kenya's electoral commission was arrested.", "former head", "KEN", "ELI"),
    ("A former deputy chief of the Ghanaian police resigned.", "former deputy chief", "GHA", "ELI"),
    # a court named after its seat is a court
    ("Capitol Hill Municipal Court fined him on Monday.", "Capitol Hill Municipal Court", "USA", "JUD"),
])
def test_bodies_and_offices(pipeline: Pipeline, text: str, phrase: str, country: str | None, sector: str) -> None:
    a = phrase_actor(run_actors(pipeline, text, "2019-06-01"), phrase)
    assert (a.country, a.sector) == (country, sector)


def test_the_office_itself_stays_the_body(pipeline: Pipeline) -> None:
    """Without "former" the head of a body is no elite: no ELI actor is made."""
    art = run_actors(pipeline, "The head of Kenya's electoral commission was arrested.", "2019-06-01")
    assert not [a for a in art.actors if a.sector == "ELI"]


def test_institution_officials_keep_the_institution(pipeline: Pipeline) -> None:
    """The court rule is for a court at the end: 'Pentagon officials' stay the Pentagon's (MIL)."""
    a = phrase_actor(run_actors(pipeline, "Pentagon officials said the drill was over.", "2019-06-01"),
                     "Pentagon officials")
    assert (a.country, a.sector) == ("USA", "MIL")


def test_titled_name_the_ner_missed(pipeline: Pipeline) -> None:
    """'Deputy Director of Public Prosecution' (singular, as some services write it) before a name the NER
    did not tag, starting with a known given name: a titled prosecutor; 'Ms <surname>' is her again."""
    text = ("Deputy Director of Public Prosecution Anna-Lena Quenterby closed the case in Stockholm. "
            "Ms Quenterby said the evidence was weak.")
    art = run_actors(pipeline, text, "2019-06-01")
    a = phrase_actor(art, "Deputy Director of Public Prosecution Anna-Lena Quenterby")
    assert (a.country, a.sector) == ("SWE", "JUD")
    assert any(m.text == "Quenterby" for m in a.mentions)


def test_titled_name_with_no_entity(pipeline: Pipeline) -> None:
    """The NER tags nothing in 'Deputy Director of Public Prosecution Anna-Lena Berglund': a title, then a
    known given name, is still a titled person (the gazetteer pass)."""
    text = "Deputy Director of Public Prosecution Anna-Lena Berglund closed the case in Uppsala."
    art = run_actors(pipeline, text, "2019-06-01")
    a = phrase_actor(art, "Deputy Director of Public Prosecution Anna-Lena Berglund")
    assert (a.country, a.sector, a.kind) == ("SWE", "JUD", "person")


@pytest.mark.parametrize(("text", "expected"), [
    # one country's prosecution service named before: bare "Prosecutors" later are that service
    ("The Swedish Prosecution Authority reopened the case in London. British police said the man had left. "
     "The weather was cold. Prosecutors later said that the review would take months.", "SWE.JUD"),
    # two countries' prosecutors named: no guess
    ("Swedish prosecutors and Danish prosecutors met in Oslo. The weather was cold. "
     "Prosecutors later said that the review would take months.", "NOUN.prosecutors"),
])
def test_bare_prosecutors_are_the_one_service_named(pipeline: Pipeline, text: str, expected: str) -> None:
    art = run_actors(pipeline, text, "2019-06-01")
    assert any(m.text == "Prosecutors" for m in art.actor(expected).mentions)


def test_title_word_after_a_given_name_is_a_surname(pipeline: Pipeline) -> None:
    """'Paul Judge': a title word after a given name ends the name; the title before binds."""
    art = run_actors(pipeline, "Kenyan Defence Minister Paul Judge toured a clinic in Uganda.", "2019-06-01")
    a = phrase_actor(art, "Kenyan Defence Minister Paul Judge")
    assert (a.id, a.country, a.sector) == ("PER.paul_judge", "KEN", "GOV")
    king = phrase_actor(run_actors(pipeline, "King Abdullah arrived in Paris.", "2019-06-01"), "King Abdullah")
    assert king.country == "JOR"
