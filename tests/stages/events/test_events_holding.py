"""Events that hold on unseen news: statements from quotes, generic perpetrators, confidence and its
features, precision rules (non-literal use, domains, declined speech, victims of 'suffered'), the
date and place of the event's clause, sentence or paragraph. Every sentence here is written for
these tests."""

from __future__ import annotations

import pytest

from newsgraph.config import default_config
from newsgraph.model import Article, Event
from newsgraph.pipeline import Pipeline


def by_type(art: Article, plover: str | None) -> list[Event]:
    return [e for e in art.events if e.plover == plover]


def test_statement_coded_from_quote(pipeline: Pipeline, everything: Pipeline) -> None:
    """A plain statement is coded, under the default threshold (a comment is news only when its
    content is, which no rule can tell): kept with min_confidence 0, left out at 0.5. (A short report
    whose only act is the statement raises it: test_events_notes_round.py; this report is longer.)"""
    text = ("The foreign minister of Peru said on Tuesday that the talks had been useful. The talks lasted "
            "two days. The weather in Lima was mild. A further round is planned for March.")
    assert [e for e in pipeline.extract_text(text).events if e.cameo == "010"] == []
    art = everything.extract_text(text)
    [e] = [e for e in art.events if e.cameo == "010"]
    assert e.confidence is not None and e.confidence < 0.5 and e.features["rule"] == "statement"
    assert e.plover is None
    assert e.source == ["PER.GOV"] or e.source[0].endswith("GOV")
    assert e.trigger is not None and e.trigger.text == "said"
    assert e.rule.startswith("quote:010")
    assert e.features["quote"] == art.quotes[0].id
    assert e.date is not None and e.features["date_level"] == "clause"


def test_statement_addressee_is_target(everything: Pipeline) -> None:
    art = everything.extract_text("Iran's foreign minister told the United Nations that the elections had been fair.")
    [e] = [e for e in art.events if e.cameo == "010"]
    assert e.target and all(t != e.source[0] for t in e.target)


def test_no_statement_when_content_is_coded(everything: Pipeline) -> None:
    """The content is an event of its own (announced by its actor): no extra statement."""
    art = everything.extract_text("Chile said it would send troops to Bolivia.")
    assert [e.cameo for e in art.events if e.cameo.startswith("01")] == []
    assert by_type(art, "MOBILIZE")


def test_statements_switch_off() -> None:
    p = Pipeline.from_config(default_config().with_overrides(events__statements=False, events__min_confidence=0.0))
    art = p.extract_text("The foreign minister of Peru said on Tuesday that the talks had been useful.")
    assert not [e for e in art.events if e.plover is None]


def test_generic_perpetrator_takes_the_place_country(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Gunmen stormed a police post in Maiduguri on Sunday.")
    [e] = by_type(art, "ASSAULT")
    assert e.source == ["NGA.UAF"]
    actor = art.actor("NGA.UAF")
    assert actor is not None and actor.kind == "group" and actor.country == "NGA"


def test_an_unknown_name_attacking_is_an_armed_group_of_the_place(pipeline: Pipeline) -> None:
    """No dictionary knows "Zazamena" and the NER calls it a place; as the subject of an attack it names
    the attackers: a group of its own, unidentified armed (UAF), of the country where it acts."""
    art = pipeline.extract_text("Zazamena attacked a farmer near Ihosy, Madagascar, on Monday.")
    [e] = by_type(art, "ASSAULT")
    assert e.source == ["MDG.UAF"]
    named = art.actor("NOUN.zazamena")
    assert named is not None and named.kind == "group" and named.sector == "UAF"
    assert [m.text for m in named.mentions] == ["Zazamena"]


def test_a_known_state_attacking_makes_no_named_group(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Syria attacked the border town on Monday.")
    assert not [a for a in art.actors if a.id.startswith("NOUN.")]


def test_sufferer_is_target_not_source(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Pakistan has suffered bombings for years.")
    [e] = by_type(art, "ASSAULT")
    assert "PAK" not in e.source
    assert e.target == ["PAK"]


def test_sufferers_by_phrase_names_the_attacker(pipeline: Pipeline) -> None:
    """The parser hangs "by" on "suffered", not on the event noun: it still names who bombed."""
    art = pipeline.extract_text("Pakistan has suffered bombings by Taliban fighters for years.")
    [e] = by_type(art, "ASSAULT")
    assert e.target == ["PAK"] and e.source and "PAK" not in e.source


def test_declined_comment_is_no_rejection(everything: Pipeline) -> None:
    art = everything.extract_text("The Kenyan interior ministry declined to comment on the report.")
    assert by_type(art, "REJECT") == []


def test_every_event_has_confidence_and_features(everything: Pipeline) -> None:
    art = everything.extract_text("Russia attacked Ukraine on Monday. Iran urged Iraq to release the prisoners.")
    assert art.events
    for e in art.events:
        assert e.confidence is not None and 0.0 <= e.confidence <= 1.0
        assert {"rule", "literal", "source", "target", "domain"} <= set(e.features)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The senator attacked the judge's integrity in a speech.", "ASSAULT"),  # non-literal
        ("The striker attacked the goal in the last minute of the league match.", "ASSAULT"),  # sport
        ("Three people were killed when a gas cylinder exploded in a restaurant.", "ASSAULT"),  # accident
        ("Police seized 30 kilograms of heroin in Mombasa.", "COERCE"),  # ordinary crime
    ],
)
def test_low_confidence_readings_are_left_out(pipeline: Pipeline, everything: Pipeline, text: str,
                                              plover: str) -> None:
    kept = [e for e in everything.extract_text(text).events if e.plover == plover]
    assert all(e.confidence is not None and e.confidence < 0.5 for e in kept)
    assert by_type(pipeline.extract_text(text), plover) == []


def test_literal_attack_is_kept(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Rebels attacked an army base in Mali on Friday.")
    [e] = by_type(art, "ASSAULT")
    assert e.confidence is not None and e.confidence >= 0.5
    assert e.features["literal"] == 1.0 and e.features["domain"] == "politics"


def test_attack_without_named_actor_is_an_event(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("A roadside bomb exploded near a market in Kabul, killing four people.")
    evs = by_type(art, "ASSAULT")
    assert evs and evs[0].features["source"] == "unknown" and evs[0].source == []


def test_date_from_paragraph_when_clause_has_none(pipeline: Pipeline) -> None:
    text = "On March 3, 2021, fighting broke out in the north.\nRebels attacked an army base in Mali."
    art = pipeline.extract_text(text, published="2021-03-10")
    [e] = [e for e in by_type(art, "ASSAULT") if e.trigger is not None and e.trigger.text == "attacked"]
    assert e.date == "2021-03-03"
    assert e.features["date_level"] in {"paragraph", "sentence"}
    assert e.date_evidence is not None and text[e.date_evidence.start:e.date_evidence.end] == e.date_evidence.text


def test_publication_date_is_never_copied(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Rebels attacked an army base in Mali.", published="2021-03-10")
    [e] = by_type(art, "ASSAULT")
    assert e.date is None and e.date_evidence is None


def test_place_evidence_names_the_place(pipeline: Pipeline) -> None:
    text = "Rebels attacked an army base in Mali on Friday."
    art = pipeline.extract_text(text)
    [e] = by_type(art, "ASSAULT")
    assert e.place is not None and e.place_evidence is not None
    assert text[e.place_evidence.start:e.place_evidence.end] == "Mali"


def test_protesters_gathering_is_a_protest(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Hundreds of demonstrators gathered outside the parliament in Accra on Tuesday.")
    [e] = by_type(art, "PROTEST")
    assert e.rule.startswith("clause:141")


def test_claimed_responsibility_names_the_author(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Al-Shabaab claimed responsibility for the bombing of a hotel in Mogadishu.")
    evs = by_type(art, "ASSAULT")
    assert evs and evs[0].source and evs[0].source[0] != ""
    assert all(t not in evs[0].source for t in evs[0].target)


def test_military_post_set_up_is_mobilize(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Turkish soldiers set up a checkpoint outside the frontier village on Monday.")
    [e] = by_type(art, "MOBILIZE")
    assert e.source and e.source[0].startswith("TUR")


def test_weapons_found_without_actor_is_a_seizure(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Two explosive devices were discovered near a bridge in Jos on Thursday.")
    [e] = by_type(art, "COERCE")
    assert e.source == [] and e.features["source"] == "unknown"


def test_protest_over_an_accident_is_political(pipeline: Pipeline) -> None:
    """A disaster word in the sentence does not make the protest about it a non-event."""
    art = pipeline.extract_text("Students in Lagos protested against the government after a bus accident on Monday.")
    assert by_type(art, "PROTEST")


def test_arson_is_literal(everything: Pipeline) -> None:
    art = everything.extract_text("Rioters set fire to a police station in Karachi.")
    evs = [e for e in art.events if e.plover in {"COERCE", "ASSAULT", "PROTEST"}]
    assert evs and all(e.features["literal"] == 1.0 for e in evs)


def test_someone_carried_somewhere_makes_no_visit(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The Kenyan foreign minister was flown to Berlin for medical treatment.")
    assert by_type(art, "CONSULT") == []
    art = pipeline.extract_text("The Kenyan foreign minister flew to Berlin for talks with the German chancellor.")
    assert "042" in [e.cameo for e in by_type(art, "CONSULT")]


@pytest.mark.parametrize("text", [
    "Kenyan authorities ordered a quarantine of the port city.",
    "Kenya imposed a lockdown on Mombasa on Friday.",
])
def test_quarantines_and_lockdowns_are_restrictions(pipeline: Pipeline, text: str) -> None:
    assert [e.cameo for e in by_type(pipeline.extract_text(text), "COERCE")] == ["172"]


def test_a_buildings_lockdown_is_no_coercion(pipeline: Pipeline) -> None:
    assert by_type(pipeline.extract_text("The school was locked down after the threat."), "COERCE") == []


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("Kenya withdrew from the arms treaty on Friday.", "SANCTION", "160"),
    ("Kenya pulled out of the grain deal on Friday.", "SANCTION", "160"),
    ("Kenyan forces withdrew from the border town on Friday.", "RETREAT", "087"),
])
def test_leaving_a_pact_reduces_relations_leaving_a_place_is_retreat(
    pipeline: Pipeline, text: str, plover: str, cameo: str
) -> None:
    art = pipeline.extract_text(text)
    assert [(e.plover, e.cameo) for e in art.events] == [(plover, cameo)]


def test_a_thing_arriving_makes_no_visit(pipeline: Pipeline) -> None:
    assert by_type(pipeline.extract_text("Aid from Norway arrived in Juba on Monday."), "CONSULT") == []
    art = pipeline.extract_text("A delegation from Norway arrived in Juba on Monday.")
    assert [e.cameo for e in by_type(art, "CONSULT")] == ["042"]


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("Protesters burned tyres on the main road in Kisumu.", "PROTEST", "145"),
    ("Demonstrators torched two buses in Kisumu on Friday.", "PROTEST", "145"),
    ("Kenyan soldiers burned houses in the village.", "COERCE", "1712"),
])
def test_property_destroyed_by_protesters_is_a_violent_protest(
    pipeline: Pipeline, text: str, plover: str, cameo: str
) -> None:
    art = pipeline.extract_text(text)
    assert (plover, cameo) in [(e.plover, e.cameo) for e in art.events]
