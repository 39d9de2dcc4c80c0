"""Context-free resolution of phrases (resolution.py, resolver.py, scan.py): sponsors, coalitions, namesakes, sectors set by words."""

from __future__ import annotations

import pytest

from newsgraph.stages.actors import default_resolver


@pytest.mark.parametrize(
    ("text", "date", "country", "sector"),
    [
        ("Syrian President Bashar al-Assad", None, "SYR", "GOV"),
        ("Pentagon spokesperson Eric Pahon", None, "USA", "MIL"),
        ("Turkish Foreign Minister Jane Doe", None, "TUR", "GOV"),
        ("ordinary Kenyans", None, "KEN", "CVL"),
        ("Russia's post-war reconciliation task force", None, "RUS", "MIL"),
        ("Moscow", None, "RUS", "GOV"),
        ("Kazakhstan", None, "KAZ", None),
        ("former President Hosni Mubarak", None, "EGY", "ELI"),
        ("Angela Merkel", "2015-01-01", "DEU", "GOV"),
        ("Angela Merkel", "2023-01-01", "DEU", "ELI"),
        ("Putin", "2016-05-05", "RUS", "GOV"),
        ("pro-Russian separatists", None, None, "REB"),
        ("Newsweek", None, "USA", "MED"),
        ("Hamas gunmen", None, "PSE", "INS"),
        # community leaders are civilians, not the government "leader" alone suggests
        ("Afghan tribal elders", None, "AFG", "CVL"),
        ("a village chief", None, None, "CVL"),
    ],
)
def test_resolver(text: str, date: str | None, country: str | None, sector: str | None) -> None:
    a = default_resolver().resolve(text, date=date)
    assert a is not None
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize("text", ["is", "the", "Zorblat Quenterby", "talks", ""])
def test_resolver_unknown(text: str) -> None:
    assert default_resolver().resolve(text) is None


@pytest.mark.parametrize(
    ("text", "actor_id", "country", "led_by"),
    [
        ("U.S.-backed forces", "NOUN.forces", None, None),
        ("Iranian-backed militias", "NOUN.militias", None, None),
        ("Saudi-led coalition", "COALITION.SAU_LED", None, "SAU"),
        ("NATO-led forces", "NOUN.NATO_led_forces", None, "NATO"),
        ("Somalia-based paramilitary group", "SOM.UAF", "SOM", None),
    ],
)
def test_sponsors_are_not_the_actor(text: str, actor_id: str, country: str | None, led_by: str | None) -> None:
    a = default_resolver().resolve(text)
    assert a is not None
    assert (a.id, a.country, a.led_by) == (actor_id, country, led_by)


def test_resolver_coalition() -> None:
    a = default_resolver().resolve("the U.S.-led coalition")
    assert a is not None and a.led_by == "USA" and a.id == "COALITION.USA_LED"


@pytest.mark.parametrize(("context", "country"), [("", "USA"), ("Saudi", "SAU"), ("Ukraine", "UKR")])
def test_context_picks_the_namesake(context: str, country: str) -> None:
    a = default_resolver().resolve("the National Guard", context=context, date="2022-01-01")
    assert a is not None and (a.country, a.sector) == (country, "MIL")


@pytest.mark.parametrize(("text", "want"), [
    ("Western Sahara", "ESH"), ("Sahrawi officials", "ESH.GOV"), ("Polisario Front", "POLISARIO"),
])
def test_western_sahara(text: str, want: str) -> None:
    a = default_resolver().resolve(text)
    assert a is not None and a.id == want and a.country == "ESH"


def test_unknown_names_stay_unresolved() -> None:
    assert default_resolver().resolve("Zorblat Quenterby", date="2020-01-01") is None


@pytest.mark.parametrize(("text", "date", "country", "sector"), [
    ("ethnic Albanians", None, None, "ETH"),
    ("ethnic Albanian guerrillas", None, None, "REB"),
    ("Albanians", None, "ALB", None),
    ("Forces for Defence of Democracy", "2001-01-01", "BDI", "REB"),  # an armed group until 2003
    ("CNDD-FDD", "2015-01-01", "BDI", "POL"),  # then a party
    ("Rwandan Patriotic Front", "1992-01-01", "RWA", "REB"),
])
def test_ethnic_and_dated_groups(text: str, date: str | None, country: str | None, sector: str | None) -> None:
    a = default_resolver().resolve(text, date=date)
    assert a is not None and (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(("text", "want", "country"), [
    ("Liberation Tigers", "LTTE", "LKA"), ("International Labor Office", "ILO", None),
    ("Karen guerrillas", "MMR.REB", "MMR"), ("Revolutionary United Front", "RUF", "SLE"),
])
def test_groups_and_agencies(text: str, want: str, country: str | None) -> None:
    a = default_resolver().resolve(text, date="1995-01-01")
    assert a is not None and (a.id, a.country) == (want, country)


def test_known_coordinated_name_is_not_split() -> None:
    from newsgraph.stages.actors import builtin_lexicon

    lex = builtin_lexicon()
    assert lex.knows("Bosnia and Herzegovina") and lex.knows("Tajiks") and not lex.knows("Tajiks and Uzbeks")


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        # a capital after "in" is where the thing is, not the government acting
        ("a crowded bazaar in Kabul", ("AFG.CVL", "CVL")),
        ("a wedding in Kabul", ("AFG.CVL", "CVL")),
        ("officials in Kabul", ("AFG.GOV", "GOV")),
        ("Kabul", ("AFG", "GOV")),
    ],
)
def test_capital_after_in_is_a_location(phrase: str, want: tuple[str, str]) -> None:
    from newsgraph.stages.actors import default_resolver

    a = default_resolver().resolve(phrase, "", None)
    assert a is not None and (a.id, a.sector) == want


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        # seeking an office is not holding it
        ("a Senate candidate", "POL"),
        ("the Senate hopeful", "POL"),
        ("a Senate committee", "LEG"),
        # adjectives naming a legislature
        ("congressional leaders", "LEG"),
        ("a parliamentary delegation", "LEG"),
        ("legislative leaders", "LEG"),
        # a member noun after a sector noun belongs to it
        ("a military delegation", "MIL"),
        ("the police delegation", "COP"),
        ("Williams College", "EDU"),
    ],
)
def test_phrase_sector_rules(phrase: str, sector: str) -> None:
    from newsgraph.stages.actors import default_resolver

    a = default_resolver().resolve(phrase, "", "2024-01-01")
    assert a is not None and a.sector == sector, a


@pytest.mark.parametrize(
    ("phrase", "not_id"),
    [
        # regression: a lower-case common word matched the party named by it
        ("the labour ministry", "LABOUR"),
        ("child labour", "LABOUR"),
    ],
)
def test_lower_case_word_is_not_the_organisation_named_by_it(phrase: str, not_id: str) -> None:
    from newsgraph.stages.actors import default_resolver

    a = default_resolver().resolve(phrase, "", None)
    assert a is None or a.id != not_id
    named = default_resolver().resolve("Labour", "", None)
    assert named is not None and named.id == not_id


def test_a_town_name_is_the_town_not_its_namesake_by_an_alternate_name() -> None:
    """Regression: an alternate name of a larger town outranked the town's own name ("Porto" -> FRA)."""
    from newsgraph.stages.actors.places_names import place_country

    assert (place_country("porto"), place_country("tripoli"), place_country("aleppo")) == ("PRT", "LBY", "SYR")


def test_a_title_and_surname_alias_does_not_cut_a_full_name_short() -> None:
    # a who's-who alias "President Harrowby" must not leave "Zed" over in "President Harrowby Zed"
    # (family name first): the title, then the full name
    from newsgraph.stages.actors.lexicon import Agent, Entry, Lexicon
    from newsgraph.stages.actors.scan import scan

    lex = Lexicon()
    person = Entry(id="PER.harrowby_zed", name="Harrowby Zed", country="FRE", sector="GOV", kind="person",
                   source="person", role="President")
    lex.add("Harrowby Zed", person)
    lex.add("President Harrowby", person)
    lex.roles["president"] = Agent(sector="GOV", kind="person", role="President")
    items = scan(["President", "Harrowby", "Zed"], lex)
    assert [(it.kind, it.text) for it in items] == [("role", "President"), ("entry", "Harrowby Zed")]
