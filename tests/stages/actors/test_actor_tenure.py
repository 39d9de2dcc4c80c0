"""Roles at the article's date (tenure.py): date parsing, the who's-who row that holds, careers after office."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import actor, run_actors

from newsgraph.pipeline import Pipeline
from newsgraph.stages.actors import default_resolver


@pytest.mark.parametrize(("raw", "iso"), [
    ("1 July 2021", "2021-07-01"), ("July 1, 2021", "2021-07-01"), ("October 2021", "2021-10-01"),
    ("12 Aug. 2019", "2019-08-12"), ("2022-04-01", "2022-04-01"), ("31 February 2020", None),
    ("sometime in 2020", None),
])
def test_parse_date_natural(raw: str, iso: str | None) -> None:
    from newsgraph.stages.actors.tenure import parse_date

    assert parse_date(raw) == iso


@pytest.mark.parametrize(("text", "date", "country", "sector"), [
    ("Sergei Naryshkin", "2013-01-01", "RUS", "LEG"),  # Duma speaker then
    ("Sergei Naryshkin", "2019-01-01", "RUS", "SPY"),  # foreign intelligence director
    ("Vladimir Putin", "2005-01-01", "RUS", "GOV"),
    ("Shehbaz Sharif", "2012-01-01", "PAK", "GOV"),  # chief minister of Punjab
    ("Governor Vyacheslav Gladkov", None, "RUS", "GOV"),
    ("Nawaz Sharif", "1995-06-01", "PAK", "POL"),  # between his terms he led his party
    ("Kevin Rudd", "2012-06-01", "AUS", "ELI"),  # between foreign minister and his second term: out of office
])
def test_date_bounded_roles(text: str, date: str | None, country: str, sector: str) -> None:
    a = default_resolver().resolve(text, date=date)
    assert a is not None and (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(("text", "date", "sector"), [
    ("Scott Morrison", "2020-01-01", "GOV"),  # prime minister
    ("Scott Morrison", "2023-06-01", "LEG"),  # still a member of parliament: not ELI
    ("Scott Morrison", "2025-06-01", "ELI"),  # out of every office
    ("Keir Starmer", "2022-01-01", "OPP"),  # leader of the opposition
    ("Chuck Schumer", "2020-01-01", "LEG"),
    ("Joe Biden", "2000-01-01", "LEG"),  # a senator then, president later
])
def test_careers_after_office(text: str, date: str, sector: str) -> None:
    a = default_resolver().resolve(text, date=date)
    assert a is not None and a.sector == sector


@pytest.mark.parametrize(("text", "date", "country", "sector"), [
    ("UNITA", "1995-01-01", "AGO", "REB"),  # an armed group until the 2002 ceasefire
    ("UNITA", "2010-01-01", "AGO", "OPP"),
    ("Sudan People's Liberation Army", "1995-01-01", "SDN", "REB"),
    ("Jonas Savimbi", "1995-01-01", "AGO", "REB"),
])
def test_armed_groups_change_with_the_date(text: str, date: str, country: str, sector: str) -> None:
    a = default_resolver().resolve(text, date=date)
    assert a is not None and (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(("text", "date", "sector"), [
    ("President Nimeiri dissolved the cabinet.", "1980-05-01", "GOV"),
    ("Gaafar Nimeiry spoke to reporters in Cairo on Monday.", "1995-05-01", "ELI"),  # after his years in office
])
def test_earlier_heads_are_dated(pipeline: Pipeline, text: str, date: str, sector: str) -> None:
    a = actor(run_actors(pipeline, text, date), "PER.gaafar_nimeiry")
    assert (a.country, a.sector) == ("SDN", sector)


def test_state_office_outranks_a_party_post_held_at_the_same_time() -> None:
    from newsgraph.stages.actors import Entry
    from newsgraph.stages.actors.tenure import pick

    def row(sector: str, role: str, start: str, end: str | None) -> Entry:
        return Entry(id="PER.x", name="X", country="RUS", sector=sector, kind="person", source="person",
                     role=role, start=start, end=end)

    pm = row("GOV", "Prime Minister", "2008-05", "2012-05")
    party = row("POL", "Party leader", "2008-05", "2012-05")
    later_party = row("POL", "Party leader", "2010-01", None)
    assert pick([party, pm], "2009-01-01") == (pm, False)
    assert pick([pm, later_party], "2011-01-01") == (pm, False)  # the office, although the post is newer
    assert pick([pm, later_party], "2015-01-01") == (later_party, False)


def test_people_have_the_roles_of_the_article_date(pipeline: Pipeline) -> None:
    """Regression: in an October 2016 article Donald Trump was 'President' (his first row, from 2017) and
    Hillary Clinton 'Secretary of State' (a role she had left in 2013)."""
    art = run_actors(pipeline, "Donald Trump mocked Hillary Clinton at a rally in Ohio, and she answered him "
                               "at a town hall in Nevada.", published="2016-10-12")
    trump, clinton = actor(art, "PER.donald_trump"), actor(art, "PER.hillary_clinton")
    assert (trump.country, trump.sector, trump.role, trump.affiliation) == ("USA", None, None, None)
    assert (clinton.country, clinton.sector, clinton.role, clinton.affiliation) == \
        ("USA", "ELI", "former Secretary of State", None)
    later = run_actors(pipeline, "Donald Trump signed the order at the White House.", published="2018-03-01")
    assert actor(later, "PER.donald_trump").role == "President"


def test_a_title_the_text_gives_still_holds_before_the_first_recorded_role() -> None:
    a = default_resolver().resolve("Donald Trump", date="2016-10-12")
    assert a is not None and (a.id, a.sector, a.role) == ("PER.donald_trump", None, None)
    titled = default_resolver().resolve("President Donald Trump", date="2016-10-12")
    assert titled is not None and (titled.id, titled.sector, titled.role) == ("PER.donald_trump", "GOV", "President")


def test_an_article_with_no_date_says_whose_roles_are_undated(pipeline: Pipeline) -> None:
    text = "Donald Trump mocked Hillary Clinton at a rally in Ohio. Zorblat Quenterby watched."
    undated = run_actors(pipeline, text)
    assert undated.stats["actors"] == {"roles_undated": ["PER.donald_trump", "PER.hillary_clinton"]}
    assert "actors" not in run_actors(pipeline, text, published="2016-10-12").stats
