"""Periods named by reference to the article's date: "the year" after a preposition of time, "the
latest period" of a results report; a figure a number changes to is no year (sentences written for
these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.pipeline import Pipeline
from newsgraph.stages.dates import find_dates

PUBLISHED = dt.date(2011, 6, 15)


def found(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, PUBLISHED, refs=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The brewer's shares touched a low for the year in April.", [("the year", "2011"), ("April", "2011-04")]),
        ("Sales for the year rose 4 percent.", [("the year", "2011")]),
        ("The fund is up 12% for the year.", [("the year", "2011")]),
        ("Rainfall during the year was below average.", [("the year", "2011")]),
        ("Its shares hit a peak for the year of 95 cents.", [("the year", "2011")]),
    ],
)
def test_the_year_after_a_preposition_is_the_article_s_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Net income for the year ended April 30 rose.",  # a fiscal year named by its end: a duration
        "In the year before, the mill lost money.",
        "The flood came in the year of the great drought.",
        "She was named coach of the year.",
        "They married in the year in which the war ended.",
    ],
)
def test_the_year_that_is_not_the_article_s_year(text: str) -> None:
    assert ("the year", "2011") not in found(text)


def test_the_year_with_a_year_named_is_that_year() -> None:
    assert found("The bridge opened in the year 2004.") == [("2004", "2004")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The results for the latest period were weak.", [("the latest period", "2011-01-01/2011-03-31")]),
        ("The chain made a profit in the most recent period.", [("the most recent period", "2011-01-01/2011-03-31")]),
    ],
)
def test_the_latest_period_is_the_last_quarter_ended(text: str, expected: list[tuple[str, str]]) -> None:
    got = find_dates(text, PUBLISHED, refs=True)
    assert [(m.text, f"{m.start_date}/{m.end_date}") for m in got] == expected


@pytest.mark.parametrize(
    "text",
    ["The latest period of unrest began in spring.", "Net income for the period rose."],
)
def test_a_period_that_is_no_reported_quarter(text: str) -> None:
    assert not [m for m in find_dates(text, PUBLISHED, refs=True) if "period" in m.text]


@pytest.mark.parametrize(
    "text",
    [
        "The death toll rose to 2019 on Tuesday.",
        "Registered voters climbed to 1987, the clerk said.",
        "Membership jumped by 1500 last year.",
    ],
)
def test_a_figure_a_number_changes_to_is_no_year(pipeline: Pipeline, text: str) -> None:
    dates = [d.text for d in pipeline.extract_text(text, published="2020-05-06").dates]
    assert not [d for d in dates if d.isdigit()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was postponed to 2021.", "2021"),
        ("Rents fell to 2009 levels.", "2009"),
        ("Sales rose in 2016.", "2016"),
    ],
)
def test_a_year_after_a_verb_of_change_stays_a_year(pipeline: Pipeline, text: str, expected: str) -> None:
    assert expected in [d.value for d in pipeline.extract_text(text, published="2020-05-06").dates]
