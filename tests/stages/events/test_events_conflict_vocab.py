"""General rules of conflict, protest and crime coding (issue 14): bombs with and without an author,
weapons seized, places captured, defections, sexual violence, protest gatherings, aerial attacks,
sanctions as means, the crime domain. Every sentence is our own."""

from __future__ import annotations

import pytest
from tests.stages.events.event_probes import kept, run

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        # bombs: set off, planted, exploded with no author named
        ("Militants set off a bomb at a checkpoint in the south.", "ASSAULT", "183"),
        ("The bombs had been planted by the insurgents along the road.", "ASSAULT", "183"),
        ("A car bomb exploded outside a police station in the capital on Monday.", "ASSAULT", "183"),
        ("A roadside bomb went off near the market in the capital on Monday.", "ASSAULT", "183"),
        ("Landmines have killed dozens of farmers in the northern hills.", "ASSAULT", "1823"),
        # weapons taken out of use: seized, found, defused, intercepted
        ("Police officers seized three rifles and a box of ammunition from the house.", "COERCE", "171"),
        ("Army engineers defused two bombs planted near the bridge.", "COERCE", "171"),
        ("Customs officers intercepted a shipment of pistols at the port.", "COERCE", "171"),
        # places taken by force
        ("Government troops captured a neighborhood on the edge of the city.", "ASSAULT", "190"),
        ("Rebels took over three villages after heavy fighting.", "ASSAULT", "190"),
        ("The militants gained control of the airbase on Friday.", "ASSAULT", "190"),
        ("Rebels seized the town of Karvala on Tuesday.", "ASSAULT", "190"),
        # defection: soldiers give up the fight for their side
        ("Hundreds of soldiers defected to the rebels last week.", "RETREAT", "0874"),
        # leaving or abandoning a stronghold, base or position is a military retreat
        ("Kenyan troops abandoned their positions near the border on Sunday.", "RETREAT", "087"),
        ("Rebel fighters began leaving their last stronghold in the city on Tuesday.", "RETREAT", "087"),
        # sexual violence (and the "-ed" form the lemmatizer cuts to "rap")
        ("Soldiers raped two women in the village.", "ASSAULT", "1821"),
        ("Two women were raped in the district on Sunday, police said.", "ASSAULT", "1821"),
        # protest gatherings
        ("Thousands of students gathered in the square in a peaceful protest against the new law.", "PROTEST", "141"),
        ("Hundreds of nurses took part in a march through the capital on Friday.", "PROTEST", "141"),
        ("Protesters staged a sit-in outside the ministry.", "PROTEST", "141"),
        ("Students gathered in the square to protest the new law.", "PROTEST", "141"),
        # aircraft destroy from the air; sanctions are no assault
        ("Government warplanes destroyed a fuel depot near the border.", "ASSAULT", "195"),
        ("The European Union targeted Iran with new sanctions on Monday.", "SANCTION", "163"),
        ("Germany imposed new tariffs on steel from China.", "SANCTION", "163"),
        ("The White House announced measures targeting Russia after the cyberattack.", "SANCTION", "163"),
        # claimed weapons, dropped bombs, reported seizures
        ("The militant group claimed responsibility for the truck bomb at the port on Friday.", "ASSAULT", "183"),
        ("The militant group took credit for the suicide bombing in the market.", "ASSAULT", "183"),
        ("A helicopter dropped barrel bombs on the town on Thursday.", "ASSAULT", "195"),
        ("Police said weapons and ammunition had been seized from the house.", "COERCE", "171"),
        # a group told before ("the police", "the students") acts with an unknown source
        ("The students protested against the law.", "PROTEST", "141"),
        ("The police arrested two men.", "COERCE", "173"),
        # repression of protests, bases, diplomatic expulsions
        # repression: with a crowd-control weapon named, an assault; with none, coercion (PLOVER manual)
        ("Riot police chased protesters through the old town.", "COERCE", "170"),
        ("Riot police fired tear gas and chased protesters through the old town.", "ASSAULT", "175"),
        ("Police dispersed the protesters outside parliament on Monday.", "COERCE", "170"),
        ("Turkish troops have established three observation points near the border.", "MOBILIZE", "150"),
        ("The government announced the expulsion of twenty Russian diplomats.", "SANCTION", "161"),
        # a doer the actors stage leaves unresolved; the subject of a coordinated verb; places freed
        ("Troopers from the northern command captured two rebel camps.", "ASSAULT", "190"),
        ("A roadside bomb killed or wounded nine villagers near the market on Monday.", "ASSAULT", "180"),
        ("Army units freed four villages from the insurgents on Sunday.", "ASSAULT", "190"),
        ("Protesters shut down roads in the capital on Sunday.", "PROTEST", "144"),
        ("Rioters set fire to the police station on Monday.", "PROTEST", "145"),  # a cease-fire is no fire; a riot
        ("Egypt and Libya swapped prisoners on Monday.", "RETREAT", "084"),
        ("Workers at the port went on strike on Monday.", "PROTEST", "143"),  # "go on" is no "go off"
        ("Rioters ransacked the offices of the ruling party on Monday.", "PROTEST", "145"),  # PLOVER riot
        # protesters who stone police riot (PLOVER PROTEST riot; eleventh round), a mob's attack stays ASSAULT
        ("Protesters stoned police officers in the capital on Friday.", "PROTEST", "145"),
        ("Government troops exchanged fire with rebels near the border on Monday.", "ASSAULT", "190"),
        ("Rebels took the town of Karvala on Tuesday.", "ASSAULT", "190"),
        ("The rebels announced a ceasefire on Sunday.", "RETREAT", "0871"),
        ("A court remanded the opposition leader in custody.", "COERCE", "173"),
        ("Students burned an effigy of the governor in the town on Friday.", "PROTEST", "141"),
        # a protest against an abstraction is literal; shooting is no fire disaster
        ("Thousands of people marched in the capital against corruption.", "PROTEST", "141"),
        ("Police opened fire on protesters in the capital, killing two.", "ASSAULT", "180"),
        # a mob's killing is a riot even over an alleged crime
        ("An angry mob lynched a man accused of stealing cattle in the village.", "ASSAULT", "1823"),
        # event nouns: sexual violence, hostage-taking (hyphenated words looked up whole), die-ins, swaps
        ("Sexual violence against women by the army has forced thousands to flee.", "ASSAULT", "1821"),
        ("The militant group claimed responsibility for the hostage-taking at the hotel on Friday.", "ASSAULT", "181"),
        ("Activists held a die-in outside the ministry on Monday.", "PROTEST", "141"),
        ("Armenia and Azerbaijan carried out a prisoner swap at the border on Monday.", "RETREAT", "084"),
        # projectiles that land, fall, hit or slam into a place: shelling with no author named
        ("Several mortar rounds landed near the army base on Thursday.", "ASSAULT", "194"),
        ("Five shells hit residential areas near the airport on Monday.", "ASSAULT", "194"),
        ("Rockets slammed into a residential district of the city on Monday.", "ASSAULT", "194"),
        # a quantity head stands for its "of" noun: hundreds of troops are troops
        ("The Syrian army dispatched hundreds of troops to the border region on Monday.", "MOBILIZE", "154"),
        # an agentless passive posture: the owner of the troops or the post set it up
        ("A Turkish observation point was established near the village on Monday.", "MOBILIZE", "150"),
        ("Russian troops were deployed to the border on Monday.", "MOBILIZE", "154"),
        # fortifying positions is a force posture
        ("Kenyan rebels fortified their positions near the border.", "MOBILIZE", "150"),
        # aircraft that target or hit a place strike from the air; a person set ablaze is attacked
        ("Government warplanes targeted a village in the north on Monday.", "ASSAULT", "195"),
        ("Syrian jets hit rebel positions near the border on Monday.", "ASSAULT", "195"),
        ("A shopkeeper was set ablaze by a furious crowd near the market on Friday.", "ASSAULT", "180"),
        # vigilantes and warplanes are armed perpetrators: the killing they are named in is an attack
        ("Six farmers were murdered by vigilantes in the district on Sunday.", "ASSAULT", "1823"),
        # places retaken and enemies driven out; blame and attribution; damage; bombs neutralised
        ("Kenyan troops retook the town of Karvala from the rebels on Sunday.", "ASSAULT", "190"),  # tagged VBP
        ("Kenyan troops drove the rebels out of the town on Sunday.", "ASSAULT", "190"),
        ("Kenya attributed the attack to the rebel group.", "ACCUSE", "112"),
        ("Kenya blamed the bombing on the rebels.", "ACCUSE", "112"),
        ("Demonstrators damaged several government buildings in the capital on Monday.", "PROTEST", "145"),
        ("Rioters smashed shop windows in the city centre on Friday.", "PROTEST", "145"),
        ("Soldiers smashed shop windows in the city centre on Friday.", "COERCE", "171"),
        ("Soldiers neutralised two roadside bombs near the town on Monday.", "COERCE", "171"),
        # readying an attack is a force posture, not a stated threat
        ("The Kenyan army prepared to resume shelling rebel positions near the border.", "MOBILIZE", "150"),
        # a participle of taking out of use on a weapon, with no agent, is a passive seizure
        ("Soldiers stood before a cache of weapons found near the border on Monday.", "COERCE", "171"),
        # "X was behind / is responsible for the attack" names its author
        ("Kenyan officials said the Somali militants were behind the attack on the hotel.", "ASSAULT", "180"),
    ],
)
def test_conflict_and_protest_vocabulary(pipeline: Pipeline, text: str, plover: str, cameo: str) -> None:
    assert (plover, cameo) in kept(run(pipeline, text))


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("China protested the visit of the Japanese minister.", "ACCUSE"),  # a state's protest stays 114
        ("Soldiers destroyed the houses of the suspects.", "COERCE"),  # no aircraft: destroy property
        ("Prosecutors charged twenty protesters with vandalism.", "ACCUSE"),  # a legal charge, no baton charge
        ("The government announced the expulsion of 300 migrants.", "COERCE"),  # no diplomats: deportation
        ("Norway is supplying satellite images to the army of Ruritania.", "AID"),  # photos are aid
    ],
)
def test_rules_keep_their_limits(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover in {p for p, _c in kept(run(pipeline, text))}


@pytest.mark.parametrize(
    "text",
    [
        "A drone captured footage of the flooded villages after the storm.",  # images are captured, not people
        "Police arrested four members of a drug trafficking gang in the capital.",  # ordinary crime
        "Police arrested four members of a mafia syndicate in the port city.",
        "Soldiers evacuated villagers after torrential rains flooded the valley.",  # a disaster's relief
        "Fans gathered in the square for the final match.",  # a gathering that is no protest
        "A fire broke out at a textile factory, destroying two warehouses.",  # a fire is a disaster
        "A factory and six warehouses burned in the night.",  # what burns does no act
        "A school gym destroyed by a boiler explosion has been rebuilt.",  # damage by a cause
        "The sanctions hit the country hard.",  # a measure is no doer
        "The fire alarm went off in the hotel in the capital on Monday.",  # only a weapon goes off as a bombing
        "The speaker went off script during the rally.",
        "The minister took the floor at the conference.",
        "Germany will keep the existing tariffs on steel from China.",  # a standing state, no new act
        "The campaign released an attack ad against the senator on Monday.",  # a kind of ad, no attack
        "The senator visited a stadium in Denver on Friday.",  # travel with no host
        "The cease-fire agreement between the government and the rebels is set to take effect tomorrow.",
        "A gas cylinder exploded in a restaurant in the capital.",
        "The ministers took part in a meeting in Paris.",
        "The plane landed in Paris on Monday.",  # only a projectile's landing is a shelling
        "Prices fell in the capital on Monday.",
        "The storm hit the coast on Monday.",
        "The new airline targets business travellers in the capital.",  # an airline is no aircraft
        "The scandal damaged the reputation of the minister.",  # damage to an abstraction is no act of force
        "Families left the town after the floods.",  # leaving a town is no retreat
        "The rifles used in the robbery were made abroad.",  # weapons used: no act on them
        # a crime about goods and brands is crime, not business: the crime penalty applies to a state's police too
        "Kenyan customs officers confiscated ten tons of counterfeit perfume bearing the labels of famous brands.",
    ],
)
def test_no_political_event(pipeline: Pipeline, text: str) -> None:
    assert kept(run(pipeline, text)) == []


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The rebels said they would keep fighting until they gain full control of the valley.", "hypothetical"),
        ("The rebels fought for two weeks until they gained control of the northern villages.", "asserted"),
    ],
)
def test_act_in_a_pending_time_clause(everything: Pipeline, text: str, modality: str) -> None:
    [ev] = [e for e in everything.extract_text(text).events if e.trigger and e.trigger.text.startswith("gain")]
    assert ev.modality == modality


def test_author_named_by_a_copula(pipeline: Pipeline) -> None:
    """"X was behind the attack", "X is responsible for the ambush": X is the attack's source."""
    art = run(pipeline, "The army said the Ruritanian rebels were responsible for the ambush on the convoy.")
    evs = [e for e in art.events if e.plover == "ASSAULT"]
    assert evs and all(e.source for e in evs)
    assert run(pipeline, "The tree was behind the house.").events == []


def test_statement_to_reporters_is_no_demand(everything: Pipeline) -> None:
    text = ("Government forces and the rebels have agreed to a temporary ceasefire in the town, "
            "a security official told reporters on Friday.")
    [ev] = [e for e in everything.extract_text(text).events if e.plover == "AGREE"]
    assert ev.modality == "alleged" and (ev.confidence or 0) >= 0.5


def test_plea_in_court_is_no_appeal(pipeline: Pipeline) -> None:
    text = "A man from Ohio pleaded guilty on Monday to breaking into the office of a senator."
    assert "REQUEST" not in {p for p, _c in kept(run(pipeline, text))}


def test_event_noun_in_a_quote_is_no_incident(everything: Pipeline) -> None:
    text = '"The alliance must make sure the group cannot plot new attacks," a spokesman told reporters.'
    assert [e for e in everything.extract_text(text).events if e.plover == "ASSAULT" and not e.source] == []
