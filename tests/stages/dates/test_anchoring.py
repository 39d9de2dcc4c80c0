"""Which day a date named without its year or week is, read from the clause around it, and dates
read from the article around them (sentences written for these tests)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a past participle after its noun reports a past event
        ("The court lifted the ban imposed Tuesday, lawyers said.", "2021-06-10", ("Tuesday", "2021-06-08")),
        ("The index is near the peak reached on Sept. 3 and may climb.", "2021-03-01", ("Sept. 3", "2020-09-03")),
        # ... unless it schedules
        ("The talks scheduled for Wednesday may be put off.", "2021-06-14", ("Wednesday", "2021-06-16")),
        # "is to", "are due to": an arrangement, ahead
        ("The bank is to reopen its branches Monday.", "2021-06-11", ("Monday", "2021-06-14")),
        ("The permit had been due to lapse Monday.", "2021-06-11", ("Monday", "2021-06-07")),
        # an infinitive under a verb of intent: no past reading from the planning verb
        ("The delegation planned to fly home on Saturday.", "2021-06-10", ("Saturday", "2021-06-12")),
        # "effective" takes no tense from the verb: the nearer reading
        ("The board named a new treasurer, effective March 1.", "2021-11-20", ("March 1", "2022-03-01")),
        # "until" a month: by its end, nearer, not a year back
        ("The regulator gave the firm until mid-December to reply.", "2021-11-20",
         ("until mid-December", "../2021-12-20")),
        # a bare "May", a month only in its sentence, is read in both tenses there: the nearer one
        ("Lawyers expect a ruling once the board sits in May, a clerk says.", "2021-03-29", ("May", "2021-05")),
        # "since" a month still looks back
        ("Prices have doubled since December.", "2021-11-20", ("since December", "2020-12-01/2021-11-20")),
    ],
)
def test_clause_reads_the_date(pipeline: Pipeline, text: str, published: str, expected: tuple[str, str]) -> None:
    art = pipeline.extract_text(text, published=published)
    assert expected in [(d.text, d.value) for d in art.dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry sank last Jan. 12 off the coast.", ("last Jan. 12", "2021-01-12")),
        ("The ferry sank last Nov. 12 off the coast.", ("last Nov. 12", "2020-11-12")),
        ("The new ferry sails next Feb. 3, the operator said.", ("next Feb. 3", "2022-02-03")),
        ("The new ferry sails next Sept. 3, the operator said.", ("next Sept. 3", "2021-09-03")),
    ],
)
def test_last_or_next_month_and_day(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    art = pipeline.extract_text(text, published="2021-06-10")
    assert [(d.text, d.value) for d in art.dates] == [expected]


def test_a_weekday_then_a_number_is_no_day_of_the_month(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("By the close of trading Friday, 3,412,900 shares had changed hands.",
                                published="2021-06-10")
    assert [(d.text, d.value) for d in art.dates] == [("Friday", "2021-06-04")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy left early Monday morning.", ("Monday morning", "2021-06-07TMO")),
        ("The minister will speak later this evening.", ("later this evening", "2021-06-10TEV")),
        ("Talks collapsed last night.", ("last night", "2021-06-09")),
        ("Talks collapsed late Saturday night.", ("Saturday night", "2021-06-05")),
        ("The mayor spoke this evening.", ("this evening", "2021-06-10TEV")),
        ("The vote is set for next Tuesday evening.", ("next Tuesday evening", "2021-06-15TEV")),
    ],
)
def test_a_part_of_the_day_is_written_after_the_day(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    art = pipeline.extract_text(text, published="2021-06-10")
    got = [(d.text, d.value, d.start, d.end) for d in art.dates]
    assert got == [(*expected, expected[1][:10], expected[1][:10])]


def test_a_clock_time_is_on_the_day_named_with_it(pipeline: Pipeline) -> None:
    art = pipeline.extract_text(
        "The ferry docked at 7:15 a.m. (0515 GMT) Tuesday. The strike began on June 2 at the port. "
        "Pickets arrived at 5 p.m. and stayed. The mayor will speak at 11 a.m. EST Friday.",
        published="2021-06-10")
    assert [(d.text, d.value) for d in art.dates] == [
        ("7:15 a.m.", "2021-06-08T07:15"), ("Tuesday", "2021-06-08"), ("June 2", "2021-06-02"),
        ("5 p.m.", "2021-06-02T17:00"), ("11 a.m. EST Friday", "2021-06-11T11:00")]
    alone = pipeline.extract_text("Voting closes at 8 p.m.", published="2021-06-10")
    assert [(d.text, d.value) for d in alone.dates] == [("8 p.m.", "2021-06-10T20:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lisbon, nineteen fifty-five. An earthquake shakes the city.", [("nineteen fifty-five", "1955")]),
        ("It recalled a nineteen eighty-two strike at the mine.", [("nineteen eighty-two", "1982")]),
        ("Nineteen sixty-eight was a turbulent year.", [("Nineteen sixty-eight", "1968")]),
        ("Nineteen twenty people were hurt.", []),
        ("She sold nineteen forty-foot boats.", []),
    ],
)
def test_a_year_spoken_as_a_year_needs_no_cue(pipeline: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    art = pipeline.extract_text(text, published="2021-06-10")
    assert [(d.text, d.value) for d in art.dates] == expected


def test_a_year_back_period_or_a_year_s_quarter_is_the_quarter_named_before(pipeline: Pipeline) -> None:
    art = pipeline.extract_text(
        "The insurer lost $6 million in the second quarter. That compares with a profit in the same period "
        "a year earlier. Premiums beat last year's period. It had earned $2 million in the 2020 quarter.",
        published="2021-08-02")
    assert [(d.text, d.value) for d in art.dates] == [
        ("the second quarter", "2021-Q2"), ("the same period a year earlier", "2020-Q2"),
        ("last year's period", "2020-Q2"), ("the 2020 quarter", "2020-Q2")]
    alone = pipeline.extract_text("Premiums beat last year's period.", published="2021-08-02")
    assert [(d.text, d.value) for d in alone.dates] == [("last year's period", "2020")]


@pytest.mark.parametrize(
    "text",
    [
        'She led the "March of the Teachers," a rally in the capital.',
        'The "Summer of Hope" rallies drew thousands.',
        "Ministers Ana Lopez and Jan Novak signed the accord.",
    ],
)
def test_names_and_compounds_are_no_dates(pipeline: Pipeline, text: str) -> None:
    art = pipeline.extract_text(text, published="2021-06-10")
    assert [d.text for d in art.dates] == []


def test_a_month_of_a_year_is_still_a_date(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Sales rose in March of this year and in Jan and Feb.", published="2021-06-10")
    assert [(d.text, d.value) for d in art.dates] == [("March of this year", "2021-03"), ("Jan", "2021-01"),
                                                      ("Feb.", "2021-02")]


def test_a_date_named_by_reference_to_one_before_it(pipeline: Pipeline) -> None:
    art = pipeline.extract_text(
        "The mill opened on March 3, 2014. Workers struck the next evening. A fire broke out the same day. "
        "Output had doubled earlier that year. The firm was sold in June 2012; later that month its chief quit.",
        published="2020-05-05")
    assert [(d.text, d.value) for d in art.dates] == [
        ("March 3, 2014", "2014-03-03"), ("the next evening", "2014-03-04"), ("the same day", "2014-03-04"),
        ("earlier that year", "2014"), ("June 2012", "2012-06"), ("later that month", "2012-06")]
    alone = pipeline.extract_text("Workers struck the next evening.", published="2020-05-05")
    assert [(d.text, d.value) for d in alone.dates] == [("the next evening", None)]
    before = pipeline.extract_text("The fire broke out the day after Easter.", published="2020-05-05")
    assert "the day after" not in [d.text for d in before.dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sale should close at year-end.", [("year-end", "2021")]),
        ("Stocks were marked down at the month end, traders said.", [("the month end", "2021-06")]),
        ("The year-end dividend was cut.", []),
    ],
)
def test_year_end(pipeline: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    art = pipeline.extract_text(text, published="2021-06-10")
    assert [(d.text, d.value) for d in art.dates if d.value is not None] == expected


def test_a_year_after_pre_or_post(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("The post-1974 constitution and pre-2008 prices were debated.", published="2021-06-10")
    assert [(d.text, d.value) for d in art.dates] == [("1974", "1974"), ("2008", "2008")]
