"""Twelfth round of issue 14 (the CAMEO sentences): appeals without pressure, labour's claims, a
leader's view told after its words, warnings that are comments, drills. Every sentence is our own."""

from __future__ import annotations

import pytest
from tests.stages.events.event_probes import kept, run

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        # urging, asking someone, calling on someone: an appeal (CAMEO 02), not a demand (10)
        ("The Danish prime minister urged Iceland to lift its fishing quota at once.", "REQUEST", "020"),
        ("The Chilean foreign minister asked Peru to mediate in the water dispute.", "REQUEST", "020"),
        ("The German chancellor called on Serbia to recognise Kosovo.", "REQUEST", "020"),
        # demanding stays a demand
        ("The Finnish government demanded that Estonia return the seized ferry.", "REQUEST", "100"),
        # drills staged or held show military power (150)
        ("South Korea's army staged large-scale drills near the border on Monday.", "MOBILIZE", "150"),
        ("Russia's navy held drills in the Baltic Sea on Tuesday.", "MOBILIZE", "150"),
        # joint exercises stay military cooperation
        ("India and France staged joint naval exercises off Goa.", "COOPERATE", "062"),
        # blocking a decision in a body is a veto; suspending a member from a body an expulsion
        ("The Slovak prime minister said Bratislava would block the new sanctions package in Brussels.",
         "REJECT", "129"),
        ("The African Union suspended Niger from its bodies on Thursday.", "SANCTION", "166"),
        # a conditional act announced to move the other side is a threat
        ("Unless the junta frees the president, the African Union will suspend Niger from its bodies, the "
         "bloc warned.", "THREATEN", "131"),
        # speaking with someone is a consultation
        ("Argentina's foreign minister spoke by phone with her Uruguayan counterpart on Sunday.", "CONSULT", "040"),
        # remorse expressed, an apology offered: an apology (055)
        ("The Dutch king offered an apology to the people of Indonesia for the colonial war.", "SUPPORT", "055"),
        # air strikes and raids carried out are military force
        ("Turkish commandos carried out raids on militant hideouts in northern Iraq.", "ASSAULT", "190"),
    ],
)
def test_acts(everything: Pipeline, text: str, plover: str, cameo: str) -> None:
    assert (plover, cameo) in kept(everything.extract_text(text))


def test_union_demand_is_political(everything: Pipeline) -> None:
    """A union's pay claim is a demand of CAMEO's labour sector, no private matter."""
    art = run(everything, "Dockworkers' unions in Portugal demanded an immediate pay rise on Friday.")
    assert ("REQUEST", "100") in kept(art)
    demand = next(e for e in art.events if e.cameo == "100")
    assert "political_actor" not in demand.features


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's own words quoted, the attribution after them
        '"We will not back down," the Slovak prime minister said of the planned tax, adding that talks '
        "would continue.",
        # a forecast told after its words
        "The economy would recover next year, the Greek finance minister told reporters.",
    ],
)
def test_view_told_after_its_words_is_news(everything: Pipeline, text: str) -> None:
    art = run(everything, text)
    said = [e for e in art.events if e.cameo == "010"]
    assert said and said[0].confidence is not None and said[0].confidence >= 0.5
    assert said[0].features.get("sole") == 1.0
    assert all((e.confidence or 0) < 0.5 for e in said[1:])


def test_fact_told_after_its_words_stays_below(everything: Pipeline) -> None:
    """A past fact with its source after it: the fact is the news, not the saying."""
    art = run(everything, "Temperatures rose above 45 degrees in Seville on Monday, the weather agency said.")
    assert all((e.confidence or 0) < 0.5 for e in art.events if e.cameo == "010")


@pytest.mark.parametrize(
    "text",
    [
        "Exports were likely to shrink this year, Romania's finance minister warned in a radio interview.",
        "The Peruvian finance minister warned that the deficit was growing.",
    ],
)
def test_warning_of_a_state_of_things_is_a_pessimistic_comment(everything: Pipeline, text: str) -> None:
    art = run(everything, text)
    assert (None, "012") in kept(art)
    assert "THREATEN" not in {e.plover for e in art.events}


def test_warning_of_an_act_stays_a_threat(everything: Pipeline) -> None:
    art = run(everything, "Colombia's president warned that the army would respond to any attack on the border.")
    assert ("THREATEN", "130") in kept(art)
    assert "012" not in {e.cameo for e in art.events}


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke with reporters in Lima on Friday.",  # no speaking "with" an actor
        "Workers at the port carried out a strike on Monday.",  # a strike carried out may be labour's
    ],
)
def test_no_consultation_or_force(everything: Pipeline, text: str) -> None:
    assert not {p for p, _c in kept(run(everything, text))} & {"CONSULT", "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Finland's government said on Monday it was too early to discuss new sanctions with Moscow.", "discuss"),
        # "too" on the complement of "was", not on the verb's head
        ("The Estonian cabinet said it was far too early to discuss fresh tariffs with Beijing.", "discuss"),
        ("The Irish government said it had not discussed the border with Britain.", "discussed"),
    ],
)
def test_act_ruled_out_leaves_the_statement(everything: Pipeline, text: str, verb: str) -> None:
    """"too early to discuss": the act is not done; what is left, the saying, is the report's news."""
    art = run(everything, text)
    act = next(e for e in art.events if e.trigger is not None and art.text[e.trigger.start:e.trigger.end] == verb)
    assert act.modality == "negated"
    assert (None, "010") in kept(art)


def test_statement_in_a_noun_modifier_is_background(everything: Pipeline) -> None:
    """"The bill, which the prime minister said was necessary, goes to parliament": a saying inside a
    clause that describes a noun is no report's news."""
    art = run(everything, "The bill, which the Danish prime minister said was necessary, goes to parliament in May.")
    said = [e for e in art.events if e.cameo == "010"]
    assert said and all((e.confidence or 0) < 0.5 and "sole" not in e.features for e in said)


@pytest.mark.parametrize(
    "text",
    [
        # acknowledging is a statement (the codebook's 015 comment)
        "The Ecuadorian finance minister acknowledged that the budget plan had serious flaws.",
        # "according to" a speaker, with the speaker's stated intent: the view is the news
        "According to a spokesman for the Chancellery, Chancellor Anna Vogt regards the tax bill as essential "
        "and will keep it.",
        # an opinion expressed ("expressed confidence that ...") is a statement
        "The Danish prime minister expressed confidence that the bridge would be finished within a year.",
    ],
)
def test_statement_cues(everything: Pipeline, text: str) -> None:
    assert (None, "010") in kept(run(everything, text))


def test_fact_according_to_a_source_stays_below(everything: Pipeline) -> None:
    art = run(everything, "According to the interior ministry, turnout in the first round was 61 percent.")
    assert all((e.confidence or 0) < 0.5 for e in art.events if e.cameo == "010")


def test_snow_closing_schools_is_no_ban(everything: Pipeline) -> None:
    art = run(everything, "A blizzard shut highways and rail lines in eastern Slovakia on Wednesday.")
    assert kept(art) == []


@pytest.mark.parametrize(
    "text",
    [
        # a weak act inside the words (below the threshold) does not keep the statement from being coded
        "The Austrian chancellor said the country would stay neutral whatever sanctions were imposed.",
    ],
)
def test_statement_beside_an_act_not_reported(everything: Pipeline, text: str) -> None:
    art = run(everything, text)
    assert (None, "010") in kept(art)
    assert all(e.plover is None for e in art.events if (e.confidence or 0) >= 0.5 and e.modality != "negated")



def test_cooperation_as_manner_is_no_act(everything: Pipeline) -> None:
    """"in cooperation with local banks" tells how the restructuring is done; the saying is the news."""
    art = run(everything, "The Ghanaian finance minister said the government would restructure its debt in "
                          "cooperation with local banks.")
    assert "COOPERATE" not in {p for p, _c in kept(art)}
    assert (None, "010") in kept(art)


@pytest.mark.parametrize(
    "text",
    [
        "The Estonian foreign minister described Russia's new border law as unacceptable.",
        "The Irish minister called the settlement plan illegal.",
        "Ankara branded the Greek move a provocation.",
    ],
)
def test_bad_judgement_is_criticism(everything: Pipeline, text: str) -> None:
    """Describing, calling or branding something illegal, unacceptable, a provocation: criticism (111)."""
    assert ("ACCUSE", "111") in kept(run(everything, text))


def test_good_judgement_is_no_criticism(everything: Pipeline) -> None:
    art = run(everything, "The Spanish prime minister called the election result a victory for democracy.")
    assert "ACCUSE" not in {p for p, _c in kept(art)}


@pytest.mark.parametrize(
    "text",
    [
        "Iran launched a ballistic missile into the Gulf of Oman during a military exercise.",
        "Iran test-launched a cruise missile into the Gulf of Oman, state television said.",
    ],
)
def test_missile_fired_into_the_sea_is_force_posture(everything: Pipeline, text: str) -> None:
    art = run(everything, text)
    assert ("MOBILIZE", "150") in kept(art)
    assert "ASSAULT" not in {p for p, _c in kept(art)}


def test_missile_fired_into_a_country_stays_an_attack(everything: Pipeline) -> None:
    assert ("ASSAULT", "180") in kept(run(everything, "Hamas fired rockets into Israel on Monday."))


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        # taking a state to court is a lawsuit (115)
        ("Brussels took Warsaw before the Court of Justice over its judicial reforms.", "ACCUSE", "115"),
        # withdrawing or pulling out of talks breaks them off (164), no military retreat
        ("Armenia's delegation walked out of the peace talks with Azerbaijan on Thursday.", "SANCTION", "164"),
        ("The Venezuelan opposition pulled out of the negotiations with the government in Mexico.",
         "SANCTION", "164"),
    ],
)
def test_acts_named_by_a_prepositional_object(everything: Pipeline, text: str, plover: str, cameo: str) -> None:
    art = run(everything, text)
    assert (plover, cameo) in kept(art)
    assert "RETREAT" not in {p for p, _c in kept(art)}


def test_taken_to_school_is_no_lawsuit(everything: Pipeline) -> None:
    assert kept(run(everything, "The minister took his children to school on Monday.")) == []


def test_concern_expressed_stays_disapproval(everything: Pipeline) -> None:
    art = run(everything, "The Japanese government expressed concern over the missile launch.")
    assert ("ACCUSE", "110") in kept(art) and (None, "010") not in kept(art)
