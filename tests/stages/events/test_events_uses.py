"""Uses of trigger words that report no political act, and modality fixes (docs/events.md, tenth round):
acts charged in court, crime between private persons, pleas, receptions, lectures, beliefs, warnings
about how things are, possibilities reported by a speaker, reports inside a condition, acts sought.
Every sentence here is written for these tests (issue 14)."""

from __future__ import annotations

from newsgraph.model import Article, Event
from newsgraph.pipeline import Pipeline


def by_trigger(art: Article, word: str) -> Event:
    [e] = [e for e in art.events if e.trigger is not None and e.trigger.text == word]
    return e


def below(e: Event) -> bool:
    return (e.confidence or 0.0) < 0.5


def test_act_named_in_a_conviction_is_the_case_not_an_event(everything: Pipeline) -> None:
    art = everything.extract_text("A jury convicted the farmer of attacking a tax inspector.")
    charged = by_trigger(art, "attacking")
    assert charged.features.get("charged") == 1.0 and below(charged)
    assert by_trigger(art, "convicted").plover == "SANCTION"
    assert "charged" not in by_trigger(art, "convicted").features


def test_force_between_private_persons_is_crime(everything: Pipeline) -> None:
    art = everything.extract_text("John Miller stabbed Peter Hall during an argument over a fence.")
    e = by_trigger(art, "stabbed")
    assert e.plover == "ASSAULT" and e.features.get("private") == 1.0 and below(e)


def test_force_against_a_politician_is_no_private_crime(everything: Pipeline) -> None:
    art = everything.extract_text("John Miller attacked Senator Jane Brown.")
    e = by_trigger(art, "attacked")
    assert e.plover == "ASSAULT" and "private" not in e.features


def test_guilty_plea_is_no_appeal_and_demands_nothing(everything: Pipeline) -> None:
    art = everything.extract_text("A farmer from Ohio pleaded guilty on Tuesday to threatening Senator John Smith.")
    assert not [e for e in art.events if e.trigger is not None and e.trigger.text == "pleaded"]
    threat = by_trigger(art, "threatening")
    assert threat.plover == "THREATEN" and threat.modality == "asserted" and not below(threat)


def test_met_with_laughter_is_a_reception(everything: Pipeline) -> None:
    art = everything.extract_text("The refusal of Labour leader Tom Green to answer was met with laughter.")
    assert not [e for e in art.events if e.trigger is not None and e.trigger.text == "met"]


def test_met_with_a_minister_is_a_meeting(everything: Pipeline) -> None:
    art = everything.extract_text("French Defence Minister Paul Roux met with the German minister.")
    e = by_trigger(art, "met")
    assert e.plover == "CONSULT" and not below(e)


def test_a_talk_is_a_lecture(everything: Pipeline) -> None:
    art = everything.extract_text("Admiral John Reed gave a talk at the university on Friday.")
    e = by_trigger(art, "talk")
    assert e.features.get("lecture") == 1.0 and below(e)


def test_recognizing_that_is_a_belief(everything: Pipeline) -> None:
    art = everything.extract_text(
        "President Smith and Prime Minister Jones recognize that the trade deal is not a good deal.")
    e = by_trigger(art, "recognize")
    assert e.features.get("cognition") == 1.0 and below(e)


def test_recognizing_a_government_is_support(everything: Pipeline) -> None:
    art = everything.extract_text("France recognized the new government of the island.")
    e = by_trigger(art, "recognized")
    assert e.plover == "SUPPORT" and "cognition" not in e.features and not below(e)


def test_warning_about_how_things_are_is_no_threat(everything: Pipeline) -> None:
    art = everything.extract_text("The Electoral Commission warned that voters are entitled to accurate information.")
    e = by_trigger(art, "warned")
    assert e.features.get("warning") == 1.0 and below(e)


def test_warning_of_an_act_to_come_is_a_threat(everything: Pipeline) -> None:
    art = everything.extract_text("The Chinese ambassador warned that China will not sit on its hands.")
    e = by_trigger(art, "warned")
    assert e.plover == "THREATEN" and "warning" not in e.features and not below(e)


def test_reported_possibility_is_hypothetical(everything: Pipeline) -> None:
    art = everything.extract_text("The minister said that troops could be deployed in the capital.")
    e = by_trigger(art, "deployed")
    assert e.modality == "hypothetical" and below(e)


def test_report_inside_a_condition_is_hypothetical(everything: Pipeline) -> None:
    art = everything.extract_text(
        "If the rebels stand up and declare that they attacked the convoy, the army will respond.")
    assert by_trigger(art, "attacked").modality == "hypothetical"


def test_act_sought_is_demanded(everything: Pipeline) -> None:
    art = everything.extract_text("The United States is seeking the extradition of the businessman from Canada.")
    e = by_trigger(art, "extradition")
    assert e.modality == "demanded" and below(e)
    art = everything.extract_text("The government requires deeper concessions from the rebels.")
    assert by_trigger(art, "concessions").modality == "demanded"
    art = everything.extract_text("Officials said that rolling back the tariffs requires deeper concessions from China.")
    assert by_trigger(art, "concessions").modality == "demanded"


def test_party_is_a_political_actor(everything: Pipeline) -> None:
    art = everything.extract_text("The Labour Party praised the new budget.")
    e = by_trigger(art, "praised")
    assert e.plover == "SUPPORT" and "political_actor" not in e.features and not below(e)


def test_siege_is_a_blockade(everything: Pipeline) -> None:
    art = everything.extract_text("Rebel forces have laid siege to the northern town.")
    assert (by_trigger(art, "laid").plover, by_trigger(art, "laid").cameo) == ("COERCE", "191")
    art = everything.extract_text("Police besieged the university for three days.")
    assert by_trigger(art, "besieged").plover == "COERCE"


def test_balking_is_a_refusal(everything: Pipeline) -> None:
    art = everything.extract_text("Norway is balking at agreeing to a fixed quota of fish exports.")
    assert by_trigger(art, "agreeing").plover == "REJECT"


def test_appeal_to_voters_is_attractiveness(everything: Pipeline) -> None:
    art = everything.extract_text("The president's tough stance holds appeal to voters in rural states.")
    e = by_trigger(art, "appeal")
    assert e.features.get("attraction") == 1.0 and below(e)


def test_meeting_a_threshold_is_no_meeting(everything: Pipeline) -> None:
    art = everything.extract_text("The Labour Party will need to meet the fundraising thresholds for the next debate.")
    e = by_trigger(art, "meet")
    assert e.features.get("satisfied") == 1.0 and below(e)
    art = everything.extract_text("The Labour Party leader met the French president in Paris.")
    e = by_trigger(art, "met")
    assert "satisfied" not in e.features and not below(e)


def test_simple_present_in_a_relative_clause_is_habitual(everything: Pipeline) -> None:
    art = everything.extract_text("The report condemns security forces who kill protesters.")
    e = by_trigger(art, "kill")
    assert e.features.get("habitual") == 1.0 and below(e)
    art = everything.extract_text("The report condemns security forces who killed protesters on Friday.")
    assert "habitual" not in by_trigger(art, "killed").features


def test_object_read_as_the_subject_of_a_reduced_relative(everything: Pipeline) -> None:
    art = everything.extract_text("Police seized rifles thought to belong to the militia.")
    assert by_trigger(art, "seized").plover == "COERCE"



def test_subject_of_drew_criticism_is_the_target(everything: Pipeline) -> None:
    art = everything.extract_text(
        "The campaign spokeswoman Jane Roe drew heavy criticism from Republican senators for her remarks.")
    e = by_trigger(art, "criticism")
    assert e.plover == "ACCUSE" and e.source == ["NOUN.senators"] and e.target == ["PER.jane_roe"]
    art = everything.extract_text("Iraq received military aid from Iran.")
    e = by_trigger(art, "aid")
    assert e.plover == "AID" and e.source == ["IRN"] and e.target == ["IRQ"]


def test_condition_below_the_reporting_verb_is_hypothetical(everything: Pipeline) -> None:
    art = everything.extract_text("The minister said the army will respond if the rebels try to attack the convoy.")
    e = by_trigger(art, "attack")
    assert e.modality == "hypothetical" and below(e)
