"""Actors stage on the example article and on single sentences: ids, sectors, roles, mentions, token refs."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import actor, run_actors, token_ref

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.stages.actors import ActorStage
from newsgraph.stages.common import ACTOR_MENTIONS


@pytest.fixture(scope="session")
def actors_article(pipeline: Pipeline, example_text: str) -> Article:
    """The example through clean, nlp and actors only, segments kept."""
    art = Article(text=example_text, published="2017-12-06")
    for stage in pipeline.stages:
        stage(art)
        if stage.name == "actors":
            break
    return art


@pytest.mark.parametrize(
    ("actor_id", "country", "sector", "kind"),
    [
        ("USA", "USA", "GOV", "state"),
        ("USA.MIL", "USA", "MIL", "organization"),
        ("RUS", "RUS", "GOV", "state"),
        ("RUS.MIL", "RUS", "MIL", "organization"),
        ("IRN", "IRN", "GOV", "state"),
        ("TUR", "TUR", "GOV", "state"),
        ("SYR", "SYR", "GOV", "state"),
        ("SYR.MIL", "SYR", "MIL", "organization"),
        ("PER.bashar_al_assad", "SYR", "GOV", "person"),
        ("PER.eric_pahon", "USA", "MIL", "person"),
        ("PER.raymond_thomas", "USA", "MIL", "person"),
        ("ISIS", None, "INS", "group"),
        ("SDF", "SYR", "REB", "group"),
        ("KURDS", None, "ETH", "group"),
        ("COALITION.USA_LED", None, "MIL", "group"),  # a coalition a state leads: military (session 11)
    ],
)
def test_example_actors(actors_article: Article, actor_id: str, country: str | None, sector: str | None,
                        kind: str) -> None:
    a = actor(actors_article, actor_id)
    assert (a.country, a.sector, a.kind) == (country, sector, kind)


@pytest.mark.parametrize(
    ("actor_id", "role", "affiliation"),
    [("PER.eric_pahon", "spokesperson", "USA.MIL"), ("PER.bashar_al_assad", "President", "SYR.GOV"),
     ("PER.raymond_thomas", "commander", "USA.MIL")],
)
def test_example_roles(actors_article: Article, actor_id: str, role: str, affiliation: str) -> None:
    a = actor(actors_article, actor_id)
    assert (a.role, a.affiliation) == (role, affiliation)


def test_example_coalition_and_media(actors_article: Article) -> None:
    assert actor(actors_article, "COALITION.USA_LED").led_by == "USA"
    for media_id in ("MEDIA.NEWSWEEK", "MEDIA.AFP"):
        a = actor(actors_article, media_id)
        assert a.media and a.sector == "MED" and a.kind == "organization"
    assert not actor(actors_article, "USA.MIL").media


@pytest.mark.parametrize(
    ("mention", "actor_id", "via"),
    [
        ("Pahon", "PER.eric_pahon", "coref"),
        ("Washington", "USA", "metonym"),
        ("Moscow", "RUS", "metonym"),
        ("the country", "SYR", "coref"),
        ("Pentagon", "USA.MIL", "ner"),
        ("Syrian troops", "SYR.MIL", "noun"),
        ("Russian warplanes", "RUS.MIL", "noun"),
        ("U.S. forces", "USA.MIL", "noun"),
    ],
)
def test_example_mentions(actors_article: Article, mention: str, actor_id: str, via: str) -> None:
    a = actor(actors_article, actor_id)
    assert any(m.text == mention and m.via == via for m in a.mentions), a.mentions


def test_example_offsets(actors_article: Article) -> None:
    text = actors_article.text
    for a in actors_article.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("phrase", "word", "expected"),
    [
        ("by Syrian troops", "troops", "SYR.MIL"),
        ("the U.S.-led coalition", "coalition", "COALITION.USA_LED"),
        ("spokesperson Eric Pahon", "Pahon", "PER.eric_pahon"),
        ("U.S. and Russian warplanes", "U.S.", "USA.MIL"),
        ("U.S. and Russian warplanes", "warplanes", "RUS.MIL"),
        ("These troops", "troops", "USA.MIL"),
        ("Moscow and its allies", "its", "RUS"),
        ("in Syria after", "Syria", None),
        ("large numbers of civilians", "civilians", "SYR.CVL"),  # a story set in Syria: its civilians
        ("the two factions", "factions", None),
        ("Russia has accused the U.S.-led", "Russia", "RUS"),
    ],
)
def test_head_tokens_covered(actors_article: Article, phrase: str, word: str, expected: str | None) -> None:
    assert token_ref(actors_article, phrase, word) == expected


def test_refs_point_at_actors(actors_article: Article) -> None:
    ids = {a.id for a in actors_article.actors}
    refs = actors_article.scratch[ACTOR_MENTIONS]
    assert refs and all(r.ref in ids for r in refs)


@pytest.mark.parametrize(
    ("text", "actor_id", "country", "sector", "kind"),
    [
        ("Acme Widgets Corporation said it would appeal.", "ORG.acme_widgets_corporation", None, None,
         "organization"),
        ("Zorblat Quenterby said the talks failed.", "PER.zorblat_quenterby", None, None, "person"),
        ("Kenyan police arrested two men in Nairobi.", "KEN.COP", "KEN", "COP", "organization"),
        ("The Kremlin rejected the offer.", "RUS.GOV", "RUS", "GOV", "organization"),
        ("Taliban fighters seized the town.", "TALIBAN", "AFG", "INS", "group"),
        ("Brazilian President Jair Bolsonaro met Donald Trump.", "PER.jair_bolsonaro", "BRA", "GOV",
         "person"),
        ("Turkish Foreign Minister Amadeus Quill spoke on Monday.", "PER.amadeus_quill", "TUR", "GOV",
         "person"),
        ("Hezbollah fired rockets at northern Israel.", "HEZBOLLAH", "LBN", "INS", "group"),
        ("The German government on Friday praised the decision.", "DEU.GOV", "DEU", "GOV", "organization"),
        ("President Omar Hassan al-Bashir visited Cairo.", "PER.omar_al_bashir", "SDN", "ELI", "person"),
        ("Sri Lanka has recalled its ambassador from Oslo.", "LKA", "LKA", "GOV", "state"),
        ("Kenyan police officer Wanjiru Kamau told reporters the road was closed.", "PER.wanjiru_kamau", "KEN",
         "COP", "person"),
        ("Ugandan army spokesman John Smith told reporters.", "PER.john_smith", "UGA", "MIL", "person"),
    ],
)
def test_sentences(pipeline: Pipeline, text: str, actor_id: str, country: str | None, sector: str | None,
                   kind: str) -> None:
    art = run_actors(pipeline, text, published="2020-06-01")
    a = actor(art, actor_id)
    assert (a.country, a.sector, a.kind) == (country, sector, kind)


def test_stage_contract() -> None:
    assert ActorStage.name == "actors"
    assert ActorStage.requires == ("segments",)
    assert ActorStage.assigns == ("actors",)
