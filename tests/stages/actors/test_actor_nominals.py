"""Actor noun phrases (nominals.py, demonyms.py): demonyms on things, prepositions, conjuncts, sponsors, newcomers."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import phrase_actor, run_actors, token_ref

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "phrase", "word", "expected"),
    [
        ("Russian airstrikes killed twelve people on Monday.", "Russian airstrikes", "airstrikes", "RUS"),
        ("Ghana rejected a Nigerian proposal on tariffs.", "Nigerian proposal", "proposal", "NGA"),
        ("Egyptian army bulldozers demolished ten homes.", "army bulldozers", "bulldozers", "EGY.MIL"),
        ("Officials from Chile and Peru met the minister.", "Officials", "Officials", "CHL.GOV"),
        ("Soldiers from Chad crossed the border.", "Soldiers", "Soldiers", "TCD.MIL"),
        ("Lawmakers in Kenya rejected the budget.", "Lawmakers", "Lawmakers", "KEN.LEG"),
        ("Danish media and government criticised the plan.", "government", "government", "DNK.GOV"),
        ("Pyongyang launched a missile toward Seoul late on Friday.", "Seoul", "Seoul", "KOR"),
        ("Kenya refunded the fees of 40 British nationals.", "British nationals", "nationals", "GBR"),
        ("Rebels shelled a hospital in the Syrian capital.", "Syrian capital", "capital", None),
        ("Government forces shelled rebel positions near Homs, Syria, on Monday.", "Government forces",
         "forces", "SYR.MIL"),
        ("Bolivia and Peru signed a water pact. They agreed to share the lake.", "They ", "They", "BOL"),
        ("Israeli warplanes struck targets near Damascus and French diplomats protested.", "Damascus",
         "Damascus", None),
        ("Troops in Syria will stay, the Pentagon said.", "Troops", "Troops", "NOUN.troops"),  # not SYR.MIL
        # a non-state armed group is a new actor at its first, definite mention; a bare "the troops" is not
        ("The rebels attacked the army on Monday.", "rebels", "rebels", "NOUN.rebels"),
        ("The troops attacked the town on Monday.", "troops", "troops", None),
        # the people of the place itself are the local ones at their first, definite mention
        ("The police detained three men in Accra on Monday.", "police", "police", "GHA.COP"),
        ("The students marched to the ministry in Lusaka.", "students", "students", "ZMB.EDU"),
        ("Their police detained three men in Accra on Monday.", "police", "police", None),
    ],
)
def test_event_actor_gaps(pipeline: Pipeline, text: str, phrase: str, word: str, expected: str | None) -> None:
    art = run_actors(pipeline, text, published="2020-01-01")
    assert token_ref(art, phrase, word) == expected


@pytest.mark.parametrize(("text", "phrase", "want"), [
    ("Several hundred ethnic Albanians marched in Serbia on Friday.", "ethnic Albanians", "SRB.ETH"),
    ("Ethnic Hungarians in Romania and Slovakia held rallies.", "Ethnic Hungarians", "NOUN.ethnic_hungarians"),
    ("Thousands of Iraqi Kurds fled across the mountains.", "Iraqi Kurds", "IRQ.ETH"),
    ("The Israeli side rejected the proposal.", "Israeli side", "ISR"),
    ("Soldiers in Ghana detained dozens of Sierra Leonean and Ivorian refugees.", "Sierra Leonean", "SLE.REF"),
])
def test_peoples_sides_and_split_demonyms(pipeline: Pipeline, text: str, phrase: str, want: str) -> None:
    """'ethnic X' is a people, not the state X (the one country the article names is theirs; two
    countries: none); 'Iraqi Kurds' as two entities are the Kurds of Iraq; 'the Israeli side' is the
    state; an entity cut inside a demonym ('Sierra' | 'Leonean') still gives the country's group."""
    art = run_actors(pipeline, text, "2001-01-01")
    got = {text[m.start:m.end]: a.id for a in art.actors for m in a.mentions}
    assert got.get(phrase) == want, got
    assert "ALB" not in {a.id for a in art.actors}


@pytest.mark.parametrize(("text", "phrase", "led_by"), [
    ("Vietnamese-led troops captured the border post.", "Vietnamese-led troops", "VNM"),
    ("Saudi-led forces attacked rebel positions in Yemen.", "Saudi-led forces", "SAU"),
    ("The U.S.-led coalition bombed the town.", "U.S.-led coalition", "USA"),
])
def test_led_forces_keep_their_leader(pipeline: Pipeline, text: str, phrase: str, led_by: str) -> None:
    a = phrase_actor(run_actors(pipeline, text), phrase)
    assert (a.led_by, a.country) == (led_by, None)


@pytest.mark.parametrize(("text", "phrase", "want"), [
    # a government "of" its leader is the government of the leader's country
    ("The military government of President Ferdinand Marcos banned the march.", "military government",
     "PHL.GOV"),
    ("The regime of Saddam Hussein collapsed.", "regime", "IRQ.GOV"),
    # heads of state of 1960-1990 in the who's-who (dated roles)
    ("Supporters of former President Julius Nyerere gathered in the square.", "former President Julius Nyerere",
     "PER.julius_nyerere"),
    ("Begin met Sadat at Camp David.", "Sadat", "PER.anwar_sadat"),
])
def test_governments_of_leaders_and_earlier_heads(pipeline: Pipeline, text: str, phrase: str, want: str) -> None:
    assert phrase_actor(run_actors(pipeline, text), phrase).id == want


@pytest.mark.parametrize(("text", "phrase", "want"), [
    # people who came from elsewhere never take the country of the place they are in
    ("Settlers in the occupied West Bank uprooted olive trees.", "Settlers",
     "NOUN.settlers"),
    ("Refugees in Kenya protested.", "Refugees", "NOUN.refugees"),
    ("Lawmakers in Kenya protested.", "Lawmakers", "KEN.LEG"),
    # a region named as a place counts as a country in focus: two countries, no guess
    ("Thousands of people marched through Hong Kong against Chinese rule.", "people",
     "NOUN.people"),
])
def test_newcomers_and_places_in_focus(pipeline: Pipeline, text: str, phrase: str, want: str) -> None:
    assert phrase_actor(run_actors(pipeline, text), phrase).id == want


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # "officers" with no force named: the force of the latest police or army actor
    ("Police cordoned off the warehouse in Leeds. Later, plain-clothes officers searched the building.",
     "plain-clothes officers", "GBR.COP"),
    ("Syrian troops entered the town on Monday. Officers said the operation was over.", "Officers", "SYR.MIL"),
    # no force before: the army's (CAMEO); a force named in the phrase holds
    ("Officers inspected the warehouse on Monday.", "Officers", "NOUN.officers"),
    ("Police cordoned off the warehouse. Army officers watched from a hill.", "Army officers", "NOUN.army_officers"),
])
def test_officers_belong_to_the_storys_force(pipeline: Pipeline, text: str, phrase: str, expected: str) -> None:
    art = run_actors(pipeline, text, published="2019-11-19")
    a = phrase_actor(art, phrase)
    assert a.id == expected
    assert a.sector == ("COP" if expected == "GBR.COP" else "MIL")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # the sides of a fight with no country are armed groups (UAF), not parties or nobody
    ("Heavy fighting erupted near the dam. The two sides blamed each other.", "two sides", "NOUN.warring_sides"),
    ("Warring factions shelled the outskirts on Sunday.", "Warring factions", "NOUN.warring_factions"),
    ("Warring parties in Yemen agreed to a truce on Friday.", "Warring parties", "YEM.UAF"),
])
def test_warring_sides_are_armed_groups(pipeline: Pipeline, text: str, phrase: str, expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    a = phrase_actor(art, phrase)
    assert (a.id, a.sector) == (expected, "UAF")


@pytest.mark.parametrize("text", [
    # no fighting in the story, or the sides are two states' forces already named: no armed group
    "Trade talks resumed in Geneva. The two sides agreed to meet again.",
    "Chadian and Nigerien forces clashed at the border. Both sides reported casualties.",
])
def test_sides_that_are_no_armed_groups(pipeline: Pipeline, text: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert art.actor("NOUN.warring_sides") is None


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # peacekeepers are the UN's inter-governmental mission (CAMEO PEACEKEEPING_TROOPS [IGO~]; orgs.tsv v6)
    ("Blue helmets patrolled the buffer zone on Monday.", "Blue helmets", ("UN.PKO", "IGO", "UN")),
    ("The U.N. peacekeepers withdrew from the camp.", "U.N. peacekeepers", ("UN.PKO", "IGO", "UN")),
    ("UN forces left the town after the attack.", "UN forces", ("UN.MIL", "MIL", "UN")),
])
def test_un_forces_carry_the_un(pipeline: Pipeline, text: str, phrase: str, expected: tuple[str, str, str]) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    a = phrase_actor(art, phrase)
    assert (a.id, a.sector, a.affiliation) == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # demonym spellings in -ean / -ian and other common variants
    ("Ecuadorean troops crossed the river.", "Ecuadorean troops", "ECU.MIL"),
    ("Salvadorean police arrested him.", "Salvadorean police", "SLV.COP"),
    ("Argentinean troops landed.", "Argentinean troops", "ARG.MIL"),
    ("Sierra Leonian police arrested him.", "Sierra Leonian police", "SLE.COP"),
    ("Tadjik police detained him.", "Tadjik police", "TJK.COP"),
    ("Somalian troops advanced.", "Somalian troops", "SOM.MIL"),
])
def test_demonym_spelling_variants(pipeline: Pipeline, text: str, phrase: str, expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, phrase).id == expected


@pytest.mark.parametrize(("text", "phrase", "sector"), [
    # agents.tsv v10: a jury, a bishop, a girl or a boy are actors
    ("A jury in Nairobi convicted the two men on Monday.", "jury", "JUD"),
    ("A bishop in Nairobi called for calm.", "bishop", "REL"),
    ("A girl was hurt when police fired tear gas in Nairobi.", "girl", "CVL"),
])
def test_more_group_nouns(pipeline: Pipeline, text: str, phrase: str, sector: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    a = phrase_actor(art, phrase)
    assert (a.country, a.sector) == ("KEN", sector)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # "the city's", "the country's" before a group noun: the place (or country) named last owns the group
    ("Fans gathered in Lyon on Sunday. The city's police said two men were arrested.", "city's police", "FRA.COP"),
    ("Voters queued in Nairobi. The country's lawmakers approved the result.", "country's lawmakers", "KEN.LEG"),
    # a town before a body's office: the body of the town's country ("the Nairobi police commander")
    ("The Nairobi police commander said three men were charged.", "Nairobi police commander", "KEN.COP"),
    ("The Lyon police chief said German fans were arrested.", "Lyon police chief", "FRA.COP"),
])
def test_a_places_group(pipeline: Pipeline, text: str, phrase: str, expected: str) -> None:
    art = run_actors(pipeline, text, "2020-01-01")
    assert phrase_actor(art, phrase).id == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    # an agent noun between a people's name and "group" makes the phrase that agent's group, not the people
    ("Baloch rebel group", ("NOUN.rebel_group", "REB")),
    ("Tamil militant group", ("NOUN.militant_group", "INS")),
    ("Kurdish armed group", ("NOUN.armed_group", "UAF")),
    # the head right after the people's name: the people itself
    ("Kurdish group", ("KURDS", "ETH")),
    # an armed movement's own name is no people: "Islamist militant groups" are Islamists
    ("Islamist militant groups", ("ISLAMISTS", "INS")),
])
def test_a_peoples_rebel_group_is_no_people(phrase: str, expected: tuple[str, str]) -> None:
    from newsgraph.stages.actors import default_resolver

    a = default_resolver().resolve(phrase)
    assert a is not None and (a.id, a.sector) == expected
