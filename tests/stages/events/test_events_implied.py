"""Implied authors and coordinated passives (docs/events.md, Arguments): an agentless passive arrest is
the police's and a sentence or conviction the judiciary's, of the article's one country; a second verb
coordinated with a passive shares its passive subject as the one acted upon. Every sentence here is
written for these tests (issue 14)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Event
from newsgraph.pipeline import Pipeline


def by_trigger(art: Article, word: str) -> Event:
    [e] = [e for e in art.events if e.trigger is not None and e.trigger.text == word]
    return e


def test_agentless_arrest_is_the_police_of_the_event_country(everything: Pipeline) -> None:
    art = everything.extract_text("Protesters marched in Cairo. An Egyptian activist was detained on Sunday.")
    e = by_trigger(art, "detained")
    assert e.source == ["EGY.COP"] and e.target == ["EGY.OPP"]
    actor = art.actor("EGY.COP")
    assert actor is not None and actor.kind == "group" and not actor.known
    assert e.features["source"] == "implied"


def test_implied_author_scores_below_a_named_one(everything: Pipeline) -> None:
    implied = by_trigger(everything.extract_text(
        "Protesters marched in Cairo. An Egyptian activist was arrested on Sunday."), "arrested")
    named = by_trigger(everything.extract_text(
        "Protesters marched in Cairo. Egyptian police arrested an activist on Sunday."), "arrested")
    assert implied.source == named.source == ["EGY.COP"]
    assert (implied.confidence or 0) < (named.confidence or 0)


def test_coordinated_passive_shares_the_one_acted_upon(everything: Pipeline) -> None:
    art = everything.extract_text(
        "The 52-year-old Kenyan mayor was detained in March and sentenced to ten months in jail.")
    e = by_trigger(art, "sentenced")
    assert e.source == ["KEN.JUD"] and e.target == ["KEN.GOV"]


def test_no_implied_author_with_several_countries(everything: Pipeline) -> None:
    art = everything.extract_text("The French minister met Kenyan officials. A student was arrested.")
    assert by_trigger(art, "arrested").source == []


def test_named_agent_is_kept(everything: Pipeline) -> None:
    art = everything.extract_text("An Egyptian activist was arrested by the army in Cairo.")
    assert "EGY.COP" not in by_trigger(art, "arrested").source


def test_clashes_between_two_sides_make_both_sources(everything: Pipeline) -> None:
    art = everything.extract_text("Clashes between Bolivian police and supporters of the opposition erupted in La Paz.")
    e = by_trigger(art, "Clashes")
    # the opposition's supporters are its side (CAMEO OPP; docs/actors.md, notes set round)
    assert e.plover == "ASSAULT" and e.source == ["BOL.COP", "BOL.OPP"] and e.target == []


def test_a_clash_with_a_named_group_keeps_the_group(everything: Pipeline) -> None:
    e = by_trigger(everything.extract_text("Police clashed with protesters in Lima."), "clashed")
    assert e.source == ["PER.COP", "PER.CVL"] and e.target == []


def test_crushed_protests_stand_for_the_protesters(everything: Pipeline) -> None:
    art = everything.extract_text("Iranian security forces moved to crush the protests in Tehran.")
    e = by_trigger(art, "crush")
    # security forces facing protesters are police (CAMEO COP; docs/actors.md, notes set round)
    assert e.source == ["IRN.COP"] and e.target == ["IRN.CVL"]
    assert not [x for x in art.events if x.plover == "PROTEST" and "IRN.COP" in x.source]


def test_dispersed_protest_is_no_act_of_the_police(everything: Pipeline) -> None:
    art = everything.extract_text("Kenyan police tried to disperse the marches in Nairobi.")
    assert by_trigger(art, "disperse").target == ["KEN.CVL"]
    assert all("KEN.COP" not in x.source for x in art.events if x.plover == "PROTEST")


def test_broken_up_protest_keeps_its_named_protesters(everything: Pipeline) -> None:
    art = everything.extract_text("Peruvian police broke up a demonstration by teachers in Lima.")
    assert by_trigger(art, "broke").target == ["PER.EDU"]


def test_refusal_of_a_topic_has_no_target(everything: Pipeline) -> None:
    art = everything.extract_text(
        "Republican Senator Tom Brant refused to acknowledge the failures of the Obama health law.")
    e = by_trigger(art, "refused")
    assert e.plover == "REJECT" and e.target == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Russia refused to acknowledge the role of NATO in the crisis.", "NATO"),
        ("Iran refused to accept the American proposal.", "USA"),
    ],
)
def test_refusal_of_an_actor_or_its_part_keeps_the_target(everything: Pipeline, text: str, target: str) -> None:
    assert by_trigger(everything.extract_text(text), "refused").target == [target]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Chilean students occupied the campus on Monday. Police threatened to turn water cannon on them.",
        "Chilean police ringed a college in Valparaiso, holding 300 students there, and threatened to turn water"
        " cannon on them.",
    ],
)
def test_weapon_threatened_on_them_targets_the_group_not_the_threatener(everything: Pipeline, text: str) -> None:
    e = by_trigger(everything.extract_text(text), "threatened")
    assert e.source == ["CHL.COP"] and e.target == ["CHL.EDU"]
