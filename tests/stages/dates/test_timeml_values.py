"""Dates written as TimeML writes them: halves of a year, a day or week counted from a date named,
a holiday's week (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.pipeline import Pipeline


def values(pipeline: Pipeline, text: str, published: str) -> list[tuple[str, str | None]]:
    """(text, TimeML value) of each date found in ``text`` published on ``published``."""
    return [(d.text, d.value) for d in pipeline.extract_text(text, published=published).dates]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Orders for the mill dropped in the first half of 2014.",
            "2015-02-03",
            ("the first half of 2014", "2014-H1"),
        ),
        (
            "The brewer sees demand picking up in the second half of next year.",
            "2015-02-03",
            ("the second half of next year", "2016-H2"),
        ),
        ("Shipments slowed over the last half of 2013.", "2015-02-03", ("the last half of 2013", "2013-H2")),
        (
            "Margins narrowed in the first half of fiscal 2014.",
            "2015-02-03",
            ("the first half of fiscal 2014", "2014-H1"),
        ),
        # a fiscal half with no year: of the reference year, last year's when it has not begun
        (
            "The chain lost money in the fiscal first half.",
            "2015-09-03",
            ("the fiscal first half", "2015-H1"),
        ),
        (
            "The chain lost money in the fiscal second half.",
            "2015-03-03",
            ("the fiscal second half", "2014-H2"),
        ),
    ],
)
def test_a_half_of_a_year(pipeline: Pipeline, text: str, published: str, expected: tuple[str, str]) -> None:
    assert values(pipeline, text, published) == [expected]


def test_the_halves_of_a_game_are_no_dates(pipeline: Pipeline) -> None:
    art = pipeline.extract_text(
        "The hosts struck twice in the second half and once in the first half.",
        published="2015-03-03",
    )
    assert [d.text for d in art.dates] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoy landed the day before last Friday's summit.",
            ("the day before last Friday", "2015-02-26"),
        ),
        ("Stores reopened the day after Christmas.", ("the day after Christmas", "2014-12-26")),
        ("Traffic peaks the week before Easter.", ("the week before Easter", "2015-W13")),
    ],
)
def test_the_day_before_a_date_named(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert values(pipeline, text, "2015-03-03") == [expected]


def test_a_holiday_week_is_the_week_that_holds_it(pipeline: Pipeline) -> None:
    assert values(pipeline, "Hotels in the old town were full over Christmas week.", "2015-01-20") == [
        ("Christmas week", "2014-W52")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mill should restart in the second quarter of next year.",
            ("the second quarter of next year", "2016-Q2"),
        ),
        (
            "Freight volumes sagged in the fourth quarter of last year.",
            ("the fourth quarter of last year", "2014-Q4"),
        ),
    ],
)
def test_a_quarter_of_a_year_named_relative_to_now(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert values(pipeline, text, "2015-03-03") == [expected]


def test_a_date_in_the_possessive_ends_no_range(pipeline: Pipeline) -> None:
    text = "The agency made a small revision Friday to November's payroll count."
    assert values(pipeline, text, "2015-01-09") == [("Friday", "2015-01-09"), ("November", "2014-11")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both parties expect a close race on Election Day.", [("Election Day", "2014-11-04")]),
        ("Lines were long on election day in the capital, observers said.", []),
    ],
)
def test_election_day(pipeline: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(pipeline, text, "2014-10-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pickets gathered at the depot last weekend.", ("last weekend", "2015-W10-WE")),
        ("The depot reopens next weekend.", ("next weekend", "2015-W12-WE")),
    ],
)
def test_last_weekend_is_the_previous_week_s(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    art = pipeline.extract_text(text, published="2015-03-11")
    got = [(d.text, d.start, d.end) for d in art.dates]
    sat = dt.date.fromisocalendar(2015, int(expected[1][6:8]), 6)
    assert got == [(expected[0], sat.isoformat(), (sat + dt.timedelta(days=1)).isoformat())]


def test_the_nth_day_of_an_event_is_no_day_of_the_month(pipeline: Pipeline) -> None:
    assert values(pipeline, "Monday was the sixth day of the blockade.", "2015-03-11") == [("Monday", "2015-03-09")]
    assert values(pipeline, "The fair opens on the 12th day of next month.", "2015-03-11") == [("the 12th day of next month", "2015-04-12")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Factory orders fell 1.1%, the steepest drop in a year.", []),
        ("The mayor made her third trip abroad in two months on Friday.", [("Friday", "2015-03-06")]),
        ("The ferry will resume service in two weeks.", [("in two weeks", "2015-03-25")]),
    ],
)
def test_in_two_weeks_is_ahead_only_in_the_future(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(pipeline, text, "2015-03-11") == expected


@pytest.mark.parametrize(("stages"), [None, ["nlp", "dates"]])
def test_a_quoted_date_takes_the_tense_of_the_quoted_words(stages: list[str] | None) -> None:
    nlp = Pipeline.from_config() if stages is None else Pipeline.from_config(stages=stages)
    text = "``The envoy will go home on the early flight (5 a.m. Thursday),'' his spokesman said."
    assert values(nlp, text, "2015-03-11") == [("5 a.m. Thursday", "2015-03-12T05:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Sunday Times ran the interview in full.", []),
        (
            "An adviser told the Sunday Telegraph on Saturday that talks had stalled.",
            [("Saturday", "2015-03-07")],
        ),
        ("The minister said Sunday Times Square would close.", [("Sunday", "2015-03-08")]),
    ],
)
def test_a_newspaper_named_after_a_weekday_is_no_date(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(pipeline, text, "2015-03-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The smelter employs 1995 workers at two sites.", []),
        ("The 1996 elections returned the same coalition.", [("1996", "1996")]),
    ],
)
def test_a_number_that_counts_is_no_year(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(pipeline, text, "2015-03-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair runs again on June 12 and 13.", [("June 12", "2015-06-12"), ("13", "2015-06-13")]),
        ("Storms hit the coast on March 2 and 40 homes flooded.", [("March 2", "2015-03-02")]),
    ],
)
def test_a_second_day_after_and(pipeline: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(pipeline, text, "2015-03-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The notes convert at a 20% premium over Thursday's close.", ("Thursday", "2015-03-05")),
        ("Thursday's vote will settle the matter.", ("Thursday", "2015-03-12")),
    ],
)
def test_a_weekday_in_the_possessive_is_past_unless_ahead(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert values(pipeline, text, "2015-03-09") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The senator, a guest on the talk show "Next Week," defended the bill.', []),
        ("Next week, the senator will defend the bill.", [("Next week", "2015-W12")]),
        ("Rail Strike Ends Next Week", [("Next Week", "2015-W12")]),
    ],
)
def test_a_title_in_mid_sentence_is_no_date(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(pipeline, text, "2015-03-11") == expected
