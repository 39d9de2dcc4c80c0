"""Coreference inside an article (coreference.py): pronouns, 'the country', noun phrases that refer back."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.stages.actors.actor_probes import run_actors, token_ref

from newsgraph.config import default_config
from newsgraph.pipeline import Pipeline
from newsgraph.stages.actors import ActorStage


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("Mexican President Claudia Sheinbaum spoke in Mexico City. She said the plan would work.", "She",
         "PER.claudia_sheinbaum"),
        ("NATO met in Brussels. Its members agreed to spend more.", "Its", "NATO"),
        ("Israeli troops entered the camp. They detained five people.", "They", "ISR.MIL"),
    ],
)
def test_pronouns(pipeline: Pipeline, text: str, pronoun: str, expected: str) -> None:
    art = run_actors(pipeline, text, published="2025-03-01")
    assert token_ref(art, pronoun + " ", pronoun) == expected


def test_locative_country_is_not_an_actor(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "Rebels attacked a base in Mali. The government said the country was calm.")
    assert art.actor("MLI") is not None  # "the country" -> Mali in focus
    assert token_ref(art, "in Mali", "Mali") is None
    assert token_ref(art, "The government", "government") == "MLI.GOV"


@pytest.mark.parametrize("courtesy", ["Mrs", "Ms", "Mrs.", "Ms."])
def test_a_courtesy_title_and_surname_is_the_person_named_before(pipeline: Pipeline, courtesy: str) -> None:
    """Regression: "Mrs Clinton" (the NER takes "Mrs" into the name) became a second person PER.mrs_clinton."""
    art = run_actors(pipeline, f"Hillary Clinton toured a steel plant in Ohio on Monday. {courtesy} Clinton "
                               "promised the workers new contracts.", published="2016-10-12")
    assert [a.id for a in art.actors if a.kind == "person"] == ["PER.hillary_clinton"]
    assert token_ref(art, f"{courtesy} Clinton", "Clinton") == "PER.hillary_clinton"


@pytest.mark.parametrize(
    ("text", "short", "want"),
    [
        # regression: "the Post" became an unknown organisation ORG.post
        ("The Washington Post published the leaked memo. The Post said it had checked every page.", "Post",
         "MEDIA.WAPO"),
        ("Acme Widgets Corporation lost its appeal on Monday. The Corporation said it would pay.", "Corporation",
         "ORG.acme_widgets_corporation"),
    ],
)
def test_the_last_words_of_an_organisations_name_are_that_organisation(pipeline: Pipeline, text: str, short: str,
                                                                        want: str) -> None:
    art = run_actors(pipeline, text, published="2019-05-01")
    assert token_ref(art, f"The {short}", short) == want
    assert f"ORG.{short.lower()}" not in {a.id for a in art.actors}


def test_last_words_two_organisations_share_name_neither(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "Acme Widgets Corporation sued Zenith Parts Corporation on Monday. The Corporation "
                               "said it would appeal.", published="2019-05-01")
    assert token_ref(art, "The Corporation", "Corporation") not in ("ORG.acme_widgets_corporation",
                                                                   "ORG.zenith_parts_corporation")


@pytest.mark.parametrize(
    ("text", "phrase", "word", "expected"),
    [
        # a title after "the" refers back to the person who holds that office
        ("Senator Zorblat Quenterby toured the plant on Monday. The senator thanked the workers.",
         "The senator", "senator", "PER.zorblat_quenterby"),
        ("President Emmanuel Macron opened the summit in Lyon. Hours later a union leader faulted the president.",
         "the president", "president", "PER.emmanuel_macron"),
        # "the minister" is the foreign minister met before
        ("Foreign Minister Amadeus Quill of Freedonia arrived in Paris. The minister met the envoys.",
         "The minister", "minister", "PER.amadeus_quill"),
    ],
)
def test_title_after_the_refers_back(pipeline: Pipeline, text: str, phrase: str, word: str,
                                     expected: str) -> None:
    art = run_actors(pipeline, text, published="2019-08-01")
    assert token_ref(art, phrase, word) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "word"),
    [
        # another office, another president, or no office holder met: no link
        ("Senator Zorblat Quenterby toured the plant. The president of the club thanked him.",
         "The president", "president"),
        ("Senator Zorblat Quenterby toured the plant. The governor stayed home.", "The governor", "governor"),
    ],
)
def test_title_after_the_without_its_holder(pipeline: Pipeline, text: str, phrase: str, word: str) -> None:
    art = run_actors(pipeline, text, published="2012-08-01")
    assert token_ref(art, phrase, word) != "PER.zorblat_quenterby"


def test_he_looks_back_a_few_sentences(pipeline: Pipeline) -> None:
    # two sentences with no person between the name and "He"
    art = run_actors(pipeline, "Zorblat Quenterby won the mayoral vote in the north. The hall was full. "
                     "Rain fell all day. He thanked the volunteers.", published="2019-11-19")
    assert token_ref(art, "He thanked", "He") == "PER.zorblat_quenterby"


def test_pronouns_keep_their_gender(pipeline: Pipeline) -> None:
    # "her" is not the man just called "he"
    art = run_actors(pipeline, "Senator Ulla Brantwick spoke on Monday. She said the bill was fair. "
                     "Zorblat Quenterby arrived on Tuesday. At the meeting he praised her.", published="2019-11-19")
    assert token_ref(art, "he praised", "he") == "PER.zorblat_quenterby"
    assert token_ref(art, "praised her", "her") == "PER.ulla_brantwick"


def test_the_nationality_refers_back_to_the_person(pipeline: Pipeline) -> None:
    # a demonym used as a noun after "the" (an age before it allowed) is the person of that country
    art = run_actors(pipeline, "Mexican President Claudia Sheinbaum spoke in Mexico City. Later the "
                     "62-year-old Mexican left for Madrid.", published="2025-03-01")
    assert token_ref(art, "62-year-old Mexican", "Mexican") == "PER.claudia_sheinbaum"


def test_the_nationality_without_such_a_person(pipeline: Pipeline) -> None:
    art = run_actors(pipeline, "Zorblat Quenterby arrived on Monday. The Mexican left early.", published="2025-03-01")
    assert token_ref(art, "The Mexican", "Mexican") != "PER.zorblat_quenterby"


@pytest.mark.parametrize(("text", "expected"), [
    # "the president" with no holder met, in a story naming one country: that country's government
    ("Protests spread across Kenya on Monday. The president said the army would stay in barracks.", "KEN.GOV"),
    # two countries named: no guess
    ("Protests spread across Kenya and Uganda on Monday. The president said the army would stay in barracks.",
     None),
])
def test_the_head_of_the_one_country(pipeline: Pipeline, text: str, expected: str | None) -> None:
    art = run_actors(pipeline, text, published="2019-11-19")
    assert token_ref(art, "The president", "president") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an object pronoun never refers to the subject of its own clause (a reflexive would)
    ("Protesters blocked the bridge. Police threatened to fire rubber bullets at them.", "NOUN.protesters"),
    # a participle or a conjunct verb shares its head verb's subject
    ("Police encircled the dormitory, keeping 300 students there, and vowed to fire tear gas at them.",
     "NOUN.students"),
    # object control: the object of "asked" does the freeing, so "them" may be the askers
    ("Protesters gathered at the gate. They asked the police to free them.", "NOUN.protesters"),
])
def test_an_object_pronoun_is_not_its_clauses_subject(pipeline: Pipeline, text: str, expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert token_ref(art, text, "them") == expected


@pytest.mark.parametrize(("text", "pronoun", "nth", "expected"), [
    # he/she in a sentence whose subject is a person noun: that person
    ("A farmer died after he was struck by a stone near the market.", "he", 0, "NOUN.farmer"),
    # no person named lately: a person noun of the last sentence, of a fitting gender
    ("A woman was stopped at the checkpoint. Witnesses said she was released.", "she", 0, "NOUN.woman"),
    ("A man and his aunt were stopped. Police said he was released.", "he", 0, "NOUN.man"),
    # a named person first: the pronoun keeps to them
    ("Jane Doe said a protester was beaten. She called for an inquiry.", "She", 0, "PER.jane_doe"),
])
def test_he_she_refer_to_a_person_noun(pipeline: Pipeline, text: str, pronoun: str, nth: int,
                                       expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    at = text.index(f" {pronoun} ") + 1 if f" {pronoun} " in text else text.index(pronoun)
    assert token_ref(art, text[at:], pronoun) == expected


def test_an_organisation_named_after_a_person_of_the_story_is_the_person(pipeline: Pipeline, tmp_path: Path) -> None:
    """An outlet written as one word that is the surname of a person the article names in full is that
    person ("Whitfield" beside "Sarah Whitfield"); a given name before the outlet's name makes a person of
    the whole; an outlet of another name stays the outlet."""
    y = tmp_path / "outlet.yaml"
    y.write_text("actors:\n  - id: MEDIA.WHITFIELD\n    name: Whitfield\n    sector: MED\n    kind: organization\n"
                 "    aliases: [Whitfield]\n", "utf-8")
    stage = ActorStage.from_config(default_config().with_overrides(actors__dictionaries=[str(y)]))
    for text in ("Whitfield backed the plan on Monday. Mayor Sarah Whitfield spoke to Reuters.",
                 "Whitfield backed the plan on Monday. Sarah Whitfield, the mayor of Springfield, spoke to Reuters."):
        art = run_actors(pipeline, text, "2020-01-01", stage=stage)
        assert art.actor("MEDIA.WHITFIELD") is None
        assert token_ref(art, text, "Whitfield") == "PER.sarah_whitfield"
        assert art.actor("MEDIA.REUTERS") is not None
