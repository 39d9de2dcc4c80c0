"""Dates in news sentences (written for these tests): what is no date, the present and the past as
such, the tense of a clause, quarters and their year-back comparisons, seasons and fiscal years."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez, 51, a teacher from the town, said the march was peaceful.",
        "The mayor, 64, and his deputy, 47, resigned.",
        "A woman in her 30s and a man in his forties were treated.",
        "Some 1,200 protesters and 300 police officers were on the streets.",
        "Fifty-two people were arrested, the daily reported.",
        "The daily said the weekly meeting and the annual report were delayed.",
        "Prices rose and may fall again, analysts said.",
        "Jan Novak told the committee the figures were wrong.",
    ],
)
def test_ages_counts_and_newspapers_are_no_dates(pipeline: Pipeline, text: str) -> None:
    art = pipeline.extract_text(text, published="2019-03-14")
    assert [d.text for d in art.dates] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the present, the past, the future as such (TimeML's reference values)
        ("The company is now the largest lender.", [("now", "PRESENT_REF", "2019-03-14", "2019-03-14")]),
        ("Talks have recently stalled.", [("recently", "PAST_REF", None, "2019-03-14")]),
        ("The plant will close in the near future.", [("the near future", "FUTURE_REF", "2019-03-14", None)]),
        # a month and day without a year: the tense decides, else the nearest one
        ("The dividend is payable Dec. 7 to holders of record.", [("Dec. 7", "2018-12-07", "2018-12-07",
                                                                   "2018-12-07")]),
        ("The dividend is payable April 2 to holders of record.", [("April 2", "2019-04-02", "2019-04-02",
                                                                    "2019-04-02")]),
        ("The ministry said the ceasefire ended on Feb. 2.", [("Feb. 2", "2019-02-02", "2019-02-02",
                                                               "2019-02-02")]),
        ("The ministry said the ceasefire ended on June 20.", [("June 20", "2018-06-20", "2018-06-20",
                                                                "2018-06-20")]),
        ("The ministry said the ceasefire will end on April 2.", [("April 2", "2019-04-02", "2019-04-02",
                                                                   "2019-04-02")]),
        # seasons and fiscal years keep their year, not their days
        ("The harvest failed last autumn.", [("last autumn", "2018-FA", None, None)]),
        ("Revenue fell in fiscal 2017.", [("fiscal 2017", "2017", None, None)]),
    ],
)
def test_news_dates(pipeline: Pipeline, text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    art = pipeline.extract_text(text, published="2019-03-14")
    assert [(d.text, d.value, d.start, d.end) for d in art.dates] == expected


def test_a_year_back_comparison_after_a_quarter_is_that_quarter_a_year_before(pipeline: Pipeline) -> None:
    art = pipeline.extract_text(
        "The bank's third-quarter profit rose 12% to $40 million. Revenue was flat from a year earlier.",
        published="2019-10-24")
    assert [(d.text, d.value) for d in art.dates] == [("third-quarter", "2019-Q3"), ("a year earlier", "2018-Q3")]


def test_the_quarter_is_the_last_one_that_ended(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Sales in the latest quarter beat forecasts.", published="2019-10-24")
    assert [(d.text, d.value, d.start, d.end) for d in art.dates] == [
        ("the latest quarter", "2019-Q3", "2019-07-01", "2019-09-30")]


# -- conventions of TimeML values (rules read from TempEval-3 tune misses; sentences our own) ------------
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day named without its year, read in the past more than FAR_DAYS back: the nearer reading
        ("The run-off is on Nov. 20, the election board said.", "2019-10-28", ("Nov. 20", "2019-11-20")),
        ("Voters went to the polls on Oct. 27, the board said.", "2019-10-28", ("Oct. 27", "2019-10-27")),
        # a weekday named with the day: the year in which that day is that weekday
        ("Doors open on Sunday, May 17, the organisers said.", "2020-02-10", ("Sunday, May 17",
                                                                                "2020-05-17")),
        ("Doors opened on Friday, May 17, the organisers said.", "2020-02-10", ("Friday, May 17",
                                                                                 "2019-05-17")),
        # a month with a year named relative to the publication date
        ("The mine closed in August last year.", "2019-03-14", ("August last year", "2018-08")),
        ("The mine reopens in March of next year.", "2019-03-14", ("March of next year", "2020-03")),
        # a year-back comparison with no quarter named: the year before the publication year
        ("Exports fell 4% from a year earlier, the agency said.", "2019-03-14", ("a year earlier", "2018")),
        # a year-back quarter named as such
        ("Profit beat the year-earlier second quarter.", "2019-10-24", ("the year-earlier second quarter",
                                                                        "2018-Q2")),
        # the future or the past as such
        ("The hearing was put off to a future date.", "2019-03-14", ("a future date", "FUTURE_REF")),
    ],
)
def test_timeml_conventions(pipeline: Pipeline, text: str, published: str, expected: tuple[str, str]) -> None:
    art = pipeline.extract_text(text, published=published)
    assert expected in [(d.text, d.value) for d in art.dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rents have climbed in recent months.", ("recent months", "PAST_REF", "2019-03-14")),
        ("Shares slid over the past several weeks.", ("the past several weeks", "PAST_REF", "2019-03-14")),
        ("More layoffs are expected in the coming weeks.", ("the coming weeks", "FUTURE_REF", None)),
        ("Losses narrowed over the past few quarters.", ("the past few quarters", "PAST_REF", None)),
        # a number makes it a period, not PAST_REF
        ("Shares slid over the past three weeks.", ("the past three weeks", "2019-02-21/2019-03-14", "2019-03-14")),
    ],
)
def test_units_counted_vaguely_are_the_past_or_the_future(pipeline: Pipeline, text: str,
                                                          expected: tuple[str, str, str | None]) -> None:
    art = pipeline.extract_text(text, published="2019-03-14")
    got = [(d.text, d.value, d.end) for d in art.dates]
    assert len(got) == 1
    text_, value, end = expected
    assert got[0][:2] == (text_, value)
    if end is not None:
        assert got[0][2] == end


def test_the_following_year_or_month_follows_the_last_date_named(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The bridge opened in March 2011. The following month, traffic doubled. "
                                "The following year, tolls were cut.", published="2019-03-14")
    assert [(d.text, d.value) for d in art.dates] == [("March 2011", "2011-03"), ("following month", "2011-04"),
                                                      ("following year", "2012")]
    alone = pipeline.extract_text("Prices will rise the following year.", published="2019-03-14")
    assert [(d.text, d.value) for d in alone.dates] == [("following year", "2020")]
