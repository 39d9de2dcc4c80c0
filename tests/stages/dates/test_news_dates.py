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
        ("The ministry said the ceasefire ended on April 2.", [("April 2", "2018-04-02", "2018-04-02",
                                                                "2018-04-02")]),
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
