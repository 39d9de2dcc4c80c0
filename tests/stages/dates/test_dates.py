"""Dates: the grammar (pure functions) and the dates stage on real text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.stages.common import DATE_MENTIONS
from newsgraph.stages.dates import DateStage, find_dates, parse_published, resolve_date

REF = dt.date(2017, 12, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value", "start", "end", "precision"),
    [
        ("in June", "2017-06", "2017-06-01", "2017-06-30", "month"),
        ("on Monday", "2017-12-04", "2017-12-04", "2017-12-04", "day"),
        ("on Wednesday", "2017-12-06", "2017-12-06", "2017-12-06", "day"),
        ("earlier this year", "2017", "2017-01-01", "2017-12-06", "range"),
        ("in the past few days", "PAST_REF", "2017-12-03", "2017-12-06", "range"),
        ("the last two weeks", "2017-11-22/2017-12-06", "2017-11-22", "2017-12-06", "range"),
        ("last week", "2017-W48", "2017-11-27", "2017-12-03", "week"),
        ("yesterday", "2017-12-05", "2017-12-05", "2017-12-05", "day"),
        ("two weeks ago", "2017-11-22", "2017-11-22", "2017-11-22", "week"),
        ("three days ago", "2017-12-03", "2017-12-03", "2017-12-03", "day"),
        ("last year", "2016", "2016-01-01", "2016-12-31", "year"),
        ("in December", "2017-12", "2017-12-01", "2017-12-31", "month"),
        ("December 4, 2017", "2017-12-04", "2017-12-04", "2017-12-04", "day"),
        ("3 March 2016", "2016-03-03", "2016-03-03", "2016-03-03", "day"),
        ("Dec. 31 , 1994", "1994-12-31", "1994-12-31", "1994-12-31", "day"),
        ("2016-02-29", "2016-02-29", "2016-02-29", "2016-02-29", "day"),
        ("in March 2011", "2011-03", "2011-03-01", "2011-03-31", "month"),
        ("in 2015", "2015", "2015-01-01", "2015-12-31", "year"),
        ("Q3 2019", "2019-Q3", "2019-07-01", "2019-09-30", "range"),
        ("the first quarter of 2013", "2013-Q1", "2013-01-01", "2013-03-31", "range"),
        ("the 1990s", "1990s", "1990-01-01", "1999-12-31", "range"),
        ("from May to October 2016", "2016-05-01/2016-10-31", "2016-05-01", "2016-10-31", "range"),
        ("between 2014 and 2018", "2014/2018", "2014-01-01", "2018-12-31", "range"),
        ("since March 2011", "2011-03-01/2017-12-06", "2011-03-01", "2017-12-06", "range"),
        ("mid-November", "2017-11", "2017-11-10", "2017-11-20", "range"),
    ],
)
def test_resolves_against_publication_date(text: str, value: str, start: str, end: str, precision: str) -> None:
    found = find_dates(text, REF)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    assert (m.value, str(m.start_date), str(m.end_date), m.precision) == (value, start, end, precision)


@pytest.mark.parametrize(
    ("text", "future", "value"),
    [("Friday", False, "2017-12-01"), ("Friday", True, "2017-12-08"), ("next Monday", False, "2017-12-11"),
     ("last Monday", False, "2017-12-04"), ("last Wednesday", False, "2017-11-29"),
     ("in March", False, "2017-03"), ("in March", True, "2018-03")],
)
def test_future_tense_points_forward(text: str, future: bool, value: str) -> None:
    found = find_dates(text, REF, future=future)
    assert [m.value for m in found] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [("December 4, 2017", "2017-12-04"), ("in 2015", "2015"), ("yesterday", None), ("in June", None),
     ("Monday", None), ("earlier this year", None)],
)
def test_without_publication_date_only_absolute_dates_resolve(text: str, value: str | None) -> None:
    found = find_dates(text, None)
    assert len(found) == 1
    assert found[0].value == value


@pytest.mark.parametrize("text", ["February 30, 2017", "31 April 2016", "2019-02-29"])
def test_impossible_dates_are_rejected_with_a_reason(text: str) -> None:
    rejected: list[str] = []
    assert find_dates(text, REF, rejected=rejected) == []
    assert rejected and "no such date" in rejected[0]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a day of the month without its month: the most recent one (the nearest for "Tuesday the 12th")
        ("It happened on the 4th.", "2017-12-04", "2017-12-04"),
        ("They met on the 18th.", "2017-11-18", "2017-11-18"),
        ("Talks resume Tuesday the 12th.", "2017-12-12", "2017-12-12"),
        ("the 20th day of next month", "2018-01-20", "2018-01-20"),
        ("the week of the 18th", "2017-11-13", "2017-11-19"),
        # years and days in words
        ("They moved in nineteen ninety two.", "1992-01-01", "1992-12-31"),
        ("born March twenty one nineteen seventy nine", "1979-03-21", "1979-03-21"),
        ("in two thousand and fifteen", "2015-01-01", "2015-12-31"),
        # spans up to or from the reference date
        ("between now and May 21", "2017-12-06", "2018-05-21"),
        ("between March 2016 and now", "2016-03-01", "2017-12-06"),
        ("casualties to date", None, "2017-12-06"),
        ("the year to date", "2017-01-01", "2017-12-06"),
        # parts of a period, several periods
        ("the first 2 weeks of 2027", "2027-01-04", "2027-01-17"),
        ("the last week of this month", "2017-12-25", "2017-12-31"),
        ("the first five days of last year", "2016-01-01", "2016-01-05"),
        ("the third month of 2021", "2021-03-01", "2021-03-31"),
        ("the last 2 quarters", "2017-04-01", "2017-09-30"),
        ("the next 4 business days", "2017-12-07", "2017-12-12"),
        ("by the end of the month", None, "2017-12-31"),
        ("the end of next month", "2018-01-16", "2018-01-31"),
        # decades, centuries, day ranges, holiday weekends, durations from an anchor
        ("in the nineties", "1990-01-01", "1999-12-31"),
        ("the 15th century", "1400-01-01", "1499-12-31"),
        ("from April ninth through seventeenth", "2017-04-09", "2017-04-17"),
        ("between the eighth and the nineteenth of April", "2017-04-08", "2017-04-19"),
        ("over the Labor Day weekend", "2017-09-02", "2017-09-04"),
        ("for two weeks starting Monday", "2017-12-04", "2017-12-17"),
        ("two years and three months ago", "2015-09-06", "2015-09-06"),
        ("more than two weeks ago", None, "2017-11-21"),
        ("next 6th of April", "2018-04-06", "2018-04-06"),
        ("on Feb 29", "2016-02-29", "2016-02-29"),
        ("from this March to Nov 2019", "2017-03-01", "2019-11-30"),
        ("from July 12th of 2019 to July the 14th 2019", "2019-07-12", "2019-07-14"),
        ("born in April of 87", "1987-04-01", "1987-04-30"),
        ("in June of 87 cases", "2017-06-01", "2017-06-30"),
    ],
)
def test_wider_grammar(text: str, start: str | None, end: str) -> None:
    found = find_dates(text, REF, loose=False)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    assert (str(m.start_date) if m.start_date else None, str(m.end_date)) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["He may go", "They march on", "24/7 coverage", "a 1,723-strong force", "The 18th amendment passed.",
     "She finished 24th in the race.", "A man in his twenties was held.", "For the second time, troops left.",
     "Fifteen twenty people died.", "The 1st Battalion moved on 5th Avenue."],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF, loose=False) == []


def test_resolve_date_on_an_entity_span() -> None:
    m = resolve_date("the past few days", REF)
    assert m is not None and m.end_date == REF and m.precision == "range"
    assert resolve_date("several officials", REF) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2017-12-06", dt.date(2017, 12, 6)), ("2017-12-06T10:00:00Z", dt.date(2017, 12, 6)), (None, None),
     ("yesterday", None), ("2017-02-30", None)],
)
def test_parse_published(raw: str | None, expected: dt.date | None) -> None:
    assert parse_published(raw) == expected


# -- the stage ----------------------------------------------------------------------------------
EXPECTED = {"June": "2017-06", "Monday": "2017-12-04", "earlier this year": "2017"}


def test_example_dates(example_article: Article) -> None:
    by_text = {d.text: d for d in example_article.dates}
    for text, value in EXPECTED.items():
        assert by_text[text].value == value
    assert by_text["earlier this year"].end == "2017-12-06"
    past = [d for d in example_article.dates if "past few days" in d.text]
    assert len(past) == 1 and past[0].end == "2017-12-06" and past[0].precision == "range"
    for d in example_article.dates:
        assert example_article.text[d.evidence.start:d.evidence.end] == d.evidence.text == d.text
    assert [d.id for d in example_article.dates] == [f"d{i + 1}" for i in range(len(example_article.dates))]
    assert not any("six-year" in d.text for d in example_article.dates)  # a duration, not a date
    refs = {r.ref for r in example_article.scratch[DATE_MENTIONS]}
    assert refs == {d.id for d in example_article.dates}


def test_example_without_publication_date(pipeline: Pipeline, example_text: str) -> None:
    art = pipeline.extract_text(example_text)
    by_text = {d.text: d for d in art.dates}
    for text in EXPECTED:
        assert by_text[text].value is None and by_text[text].precision == "unknown"


def test_stage_rejects_impossible_dates_and_counts_them(pipeline: Pipeline) -> None:
    art = pipeline.extract_text(
        "The army said on February 30, 2017 that it would withdraw. Talks resumed on 3 March 2016.",
        published="2017-12-06",
    )
    assert [d.value for d in art.dates] == ["2016-03-03"]
    assert art.stats["dates"]["rejected"] == ["no such date: 2017-02-30"]


def test_stage_declares_its_contract() -> None:
    assert DateStage.name == "dates"
    assert DateStage.requires == ("segments",)
    assert DateStage.assigns == ("dates",)


# -- never crash ---------------------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "February", "30", "31", "2017", "0000", "9999", "Monday", "last", "next", "week", "the", "past",
    "few", "days", "ago", "in", "June", "-", "/", "to", "from", "between", "and", "Q5", "Q3", "13/13",
    "2/29", "29", "Feb", "since", "before", "after", "mid", "Easter", "weekend", "ninety", "1990s",
    "20170230", "week 54", "first", "quarter", "of", ",", ".", "the 18th", "Tue", "nineteen", "two thousand",
    "business", "quarters", "now", "date", "century", "nineties", "end", "starting", "more than", "weekend of",
    "Labor Day", "day", "month", "year", "this", "3 weeks and 4 days ago",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=10).map(" ".join) | st.text(max_size=50),
       st.sampled_from([None, REF, dt.date(2016, 2, 29), dt.date(1, 1, 1), dt.date(9999, 12, 31)]))
def test_find_dates_never_crashes_and_keeps_offsets(text: str, ref: dt.date | None) -> None:
    for m in find_dates(text, ref, rejected=[]):
        assert text[m.start:m.end] == m.text
        if m.start_date and m.end_date:
            assert m.start_date <= m.end_date


# -- benchmark floor ----------------------------------------------------------------------------
def test_date_benchmark_floor(gold_dir: Path) -> None:
    """DateTime subset of the Recognizers-Text specs: raw and convention-adjusted value accuracy."""
    from benchmarks import quantities as bench

    score = bench.score_subset("date", gold_dir)
    assert score.gold > 600
    assert score.value_accuracy >= 0.79, score
    assert score.adjusted_accuracy >= 0.82, score
