"""Eleventh round of issue 14 (the event-notes set): territory retaken, gunfights, bombs that go off
with no author, crowd control and the protests it meets, riots, sport. Every sentence is our own."""

from __future__ import annotations

import pytest
from tests.stages.events.event_probes import kept, run

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        # a place reclaimed or retaken from an enemy is taken by force (ACLED "government regains territory")
        ("Chad's army said it had reclaimed the commune of Bol from the jihadists.", "ASSAULT", "190"),
        # "retook" read by the tagger as a base form is still "retake"
        ("The Malian army, backed by French troops, retook the desert town of Kidal from rebels on Sunday.",
         "ASSAULT", "190"),
        # the holder pulled back after fighting: a battle's gain, no takeover without a fight
        ("Nigerian troops regained control of the district after the insurgents pulled back following "
         "three days of fighting.", "ASSAULT", "190"),
        ("Nigerian troops regained control of the district after the insurgents pulled back.", "COERCE", "192"),
        # grenades tossed, money granted, barbs traded, trees uprooted
        ("Unknown gunmen tossed a grenade into a market crowd in Cotabato, Philippines.", "ASSAULT", "180"),
        ("The European Union granted Niger 40 million euros to repair schools.", "AID", "071"),
        ("Indian and Pakistani diplomats traded barbs at the United Nations on Friday.", "ACCUSE", "111"),
        ("Settlers uprooted dozens of olive trees near Hebron on Monday.", "COERCE", "1712"),
        # tear gas fired at a crowd is crowd control (PLOVER ASSAULT crowd-control), not small-arms fire
        ("Police in Nairobi fired tear gas at protesters outside parliament.", "ASSAULT", "175"),
        # a gunfight of police and a gang: both take part, an armed clash even in a crime story
        ("Police officers and members of a drug gang engaged in a gunfight in Tijuana, Mexico, on Friday.",
         "ASSAULT", "190"),
        ("An armed confrontation between two militias left ten dead in Kasai, Congo.", "ASSAULT", "190"),
        # a bomb that went off with no author, the verb hung by the parser on the bomb's hiding place
        ("A bomb hidden in a car detonated near a bus station in Quetta, wounding eleven people.", "ASSAULT", "183"),
        ("A bomb hidden in a cart detonated near a mosque in Kabul; no group has claimed responsibility.",
         "ASSAULT", "183"),
        # a protest broken up: the protest and the intervention are two events
        ("Police broke up a demonstration by teachers in Harare.", "PROTEST", "141"),
        ("Police broke up a demonstration by teachers in Harare.", "COERCE", "170"),
        ("A demonstration by nurses in Lusaka was broken up by police.", "PROTEST", "141"),
        # protesters occupying a place hold a sit-in; protesters who stone or hurl rocks riot
        ("Protesters occupied the main square of Tbilisi on Monday.", "PROTEST", "141"),
        ("Protesters who had occupied the university building in Belgrade were evicted by police.", "PROTEST", "141"),
        ("Demonstrators threw stones at police in Nairobi.", "PROTEST", "145"),
        ("BEIRUT (Reuters) - Protesters hurled rocks at security forces near the parliament on Sunday.",
         "PROTEST", "145"),
        # a mob's attack stays an attack (mob violence)
        ("A mob attacked a police station in Bihar, India.", "ASSAULT", "180"),
    ],
)
def test_acts(everything: Pipeline, text: str, plover: str, cameo: str) -> None:
    assert (plover, cameo) in kept(run(everything, text))


@pytest.mark.parametrize(
    "text",
    [
        # sport: a country's name stands for its team, a title is a prize
        "India's bowlers destroyed the Australian batting line-up in Chennai.",
        "The Kenyan champion defended his title against a Ugandan challenger in Nairobi.",
    ],
)
def test_no_political_event(everything: Pipeline, text: str) -> None:
    assert kept(run(everything, text)) == []


def test_generic_protests_crushed_are_no_protest(everything: Pipeline) -> None:
    """"vowed to crush protests" names no particular protest: no PROTEST event."""
    art = run(everything, "The Iranian government vowed to crush protests in Tehran.")
    assert "PROTEST" not in {p for p, _c in kept(art)}


def test_gunfight_parties_are_sources(everything: Pipeline) -> None:
    art = run(everything, "Soldiers and gang members engaged in a gunfight in Tijuana, Mexico, on Friday.")
    evs = [e for e in art.events if e.plover == "ASSAULT" and e.trigger is not None and e.trigger.text == "gunfight"]
    assert len(evs) == 1 and evs[0].source and (evs[0].confidence or 0) >= 0.5
