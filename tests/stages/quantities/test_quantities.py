"""Quantities: number parsing (pure functions), units, the stage on real text, and the benchmark floor."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.model import Article, Event
from newsgraph.pipeline import Pipeline
from newsgraph.stages.numbers import AbsurdNumber, find_numbers, parse_number
from newsgraph.stages.quantities import QuantityStage, find_quantities

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,723", 1723), ("1.5", 1.5), ("twenty-one", 21), ("one hundred and sixty-one", 161),
        ("two thousand and two hundred", 2200), ("2.5 million", 2_500_000), ("$", None), ("a dozen", 12),
        ("half a dozen", 6), ("three quarters", 0.75), ("two thirds", 2 / 3), ("one and a half", 1.5),
        ("10k", 10_000), ("1.2bn", 1.2e9), ("minus five", -5), ("3/4", 0.75), ("2 1/4", 2.25),
        ("1e10", 1e10), ("seventy", 70), ("four hundred thousand", 400_000), ("troops", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    got = parse_number(text)
    if value is None:
        assert got is None
    else:
        assert got == pytest.approx(value)


@pytest.mark.parametrize("text", ["1e999", "10^999", "9" * 30])
def test_absurd_numbers_are_rejected(text: str) -> None:
    with pytest.raises(AbsurdNumber):
        parse_number(text)
    rejected: list[str] = []
    assert find_numbers(f"They counted {text} of them", rejected) == []
    assert len(rejected) == 1


def test_find_numbers_spans_and_ips() -> None:
    text = "Around 1,723 troops, up from the 1,251 reported; 192.168.1.2 is not a count."
    found = find_numbers(text)
    assert [(m.text, m.value) for m in found][:2] == [("1,723", 1723), ("1,251", 1251)]
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("text", "evidence", "value", "unit", "kind", "approximate"),
    [
        ("The deal is worth $4.5bn to them", "$4.5bn", 4.5e9, "USD", "currency", False),
        ("a loan of about £ 8.10 million", "£ 8.10 million", 8.1e6, "GBP", "currency", True),
        ("it paid 420 million euros", "420 million euros", 4.2e8, "EUR", "currency", False),
        ("unemployment hit 27% in May", "27%", 27, "%", "percent", False),
        ("nearly twenty percent voted", "twenty percent", 20, "%", "percent", True),
        ("the town lies 17 km from the border", "17 km", 17, "km", "dimension", False),
        ("a six-mile trip", "six-mile", 6, "mi", "dimension", False),
        ("a 5,000mAh cell", "5,000mAh", 5000, "mAh", "dimension", False),
        ("clocked at 3.2GHz", "3.2GHz", 3.2, "GHz", "dimension", False),
        ("a 55in set", "55in", 55, "in", "dimension", False),
        ("it does 52mpg", "52mpg", 52, "mpg", "dimension", False),
        ("a link of 10Gbps", "10Gbps", 10, "Gbps", "dimension", False),
        ("a 4 megabyte file", "4 megabyte", 4, "MB", "dimension", False),
        ("a 900-square-foot shop", "900-square-foot", 900, "ft2", "dimension", False),
        ("between 200 and 300 people", "between 200 and 300", 250, None, "number", True),
        ("hundreds of civilians", "hundreds", 200, None, "vague", True),
        ("tens of thousands of refugees", "tens of thousands", 20_000, None, "vague", True),
        ("more than 40 people died", "40", 40, None, "number", True),
        ("a clip of ~30 seconds", "30", 30, None, "number", True),
        ("debts in excess of 900 million", "900 million", 9e8, None, "number", True),
    ],
)
def test_find_quantities(
    text: str, evidence: str, value: float, unit: str | None, kind: str, approximate: bool
) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert (q.text, q.unit, q.kind, q.approximate) == (evidence, unit, kind, approximate)
    assert q.value == pytest.approx(value)
    assert text[q.start:q.end] == q.text


def test_range_keeps_its_bounds_and_change_is_not_a_range() -> None:
    rng = find_quantities("between 200 and 300 people")[0]
    assert (rng.low, rng.high) == (200, 300)
    change = find_quantities("The rate rose from 5% to 7% this year")
    assert [q.value for q in change] == [5, 7]
    # "by X to Y": the size of the change, then the new level; a bare low end is still a range
    grew = find_quantities("Membership grew by 2.5 million to 40 million")
    assert [(q.value, q.low) for q in grew] == [(2.5e6, None), (40e6, None)]
    assert [(q.low, q.high) for q in find_quantities("it was trimmed by 4 to 6 percent")] == [(4, 6)]
    # after a verb of change, ends of very different sizes are a change and a level
    assert [q.low for q in find_quantities("Output sank 2% to 40%")] == [None, None]
    assert [(q.low, q.high) for q in find_quantities("Output should sink 3% to 5%")] == [(3, 5)]


# -- the stage ----------------------------------------------------------------------------------
def test_example_quantities(example_article: Article) -> None:
    qs = {q.evidence.text: q for q in example_article.quantities}
    now, before = qs["1,723"], qs["1,251"]
    assert (now.value, now.unit, now.approximate, now.hedged) == (1723, "troop", True, True)  # the counted noun's lemma
    assert now.holder == "USA.MIL" and before.holder == "USA.MIL"
    assert now.previous == before.id and before.previous is None
    assert before.unit == "troop" and not before.approximate and not before.hedged
    places = {p.id: p for p in example_article.places}
    assert now.place is not None and places[now.place].country == "SYR"
    assert before.place == now.place
    assert before.date == "2017-06"  # "in June" of the publication year
    assert now.date != "2017-06"
    for q in example_article.quantities:
        assert example_article.text[q.evidence.start:q.evidence.end] == q.evidence.text


def test_example_without_publication_date(pipeline: Pipeline, example_text: str) -> None:
    art = pipeline.extract_text(example_text)
    qs = {q.evidence.text: q for q in art.quantities}
    before = qs["1,251"]
    assert before.date == "June"  # an unknown year: kept as text, never invented


@pytest.mark.parametrize(
    ("text", "evidence", "unit", "previous"),
    [
        ("The number of refugees rose from 1.2 million to 1.5 million.", "1.5 million", "refugee", "1.2 million"),
        ("Russia has about 3,000 soldiers there, up from 1,500 troops last year.", "3,000", "soldier", "1,500"),
        ("Police arrested 45 protesters, compared with 30 protesters a week earlier.", "45", "protester", "30"),
    ],
)
def test_previous_values_of_a_series(
    pipeline: Pipeline, text: str, evidence: str, unit: str, previous: str
) -> None:
    art = pipeline.extract_text(text, published="2017-12-06")
    qs = {q.evidence.text: q for q in art.quantities}
    assert qs[evidence].unit == unit
    assert qs[evidence].previous == qs[previous].id


def test_coordinated_counts_share_the_counted_noun(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("At least 35 people were killed and more than 100 injured in Kabul.")
    qs = {q.evidence.text: q for q in art.quantities}
    assert (qs["35"].unit, qs["100"].unit) == ("people", "people")
    assert qs["35"].approximate and qs["100"].approximate
    assert qs["35"].previous is None and qs["100"].previous is None  # not a series


def test_stage_skips_dates_names_and_uncounted_numbers(pipeline: Pipeline) -> None:
    art = pipeline.extract_text(
        "On 3 March 2016, two F-16 jets struck 12 targets. One official said 1e999 was absurd.",
        published="2017-12-06",
    )
    texts = [q.evidence.text for q in art.quantities]
    assert "3" not in texts and "2016" not in texts and "16" not in texts and "One" not in texts
    assert "12" in texts and "two" in texts
    assert art.stats["quantities"]["rejected"] == ["not a finite number: '1e999'"]


def test_casualty_count_attaches_to_its_event(pipeline: Pipeline) -> None:
    text = "Airstrikes killed 12 civilians in Idlib on Tuesday."
    art = Article(text=text, published="2017-12-06")
    for stage in pipeline.stages:
        if stage.name == "quantities":
            break
        stage(art)
    k = text.index("killed")
    art.events = [Event(id="e9", plover="ASSAULT", cameo="190", evidence=art.span(0, len(text)),
                        rule="test", trigger=art.span(k, k + len("killed")))]
    QuantityStage()(art)
    q = next(q for q in art.quantities if q.evidence.text == "12")
    assert (q.unit, q.event) == ("civilian", "e9")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every number with a counted noun, unit = the noun's lemma (issue 15)
        ("Three people were hurt and the militia fired five ballistic missiles.", [("Three", 3, "people"), ("five", 5, "missile")]),
        ("Output fell by 12 million barrels a day.", [("12 million barrels", 12e6, "barrel")]),
        ("She has written twelve novels and raised three children.", [("twelve", 12, "novel"), ("three", 3, "child")]),
        ("Dozens of shops stayed shut.", [("Dozens", 24, "shop")]),
        # spaCy's DATE/ORDINAL labels do not hide ranges and fractions
        ("Between 40 and 60 workers walked out.", [("Between 40 and 60", 50, "worker")]),
        ("A third of the voters stayed home.", [("A third", 1 / 3, "fraction")]),
        ("Nearly half the town left.", [("half", 0.5, "fraction")]),
        ("It took a half-dozen tries.", [("a half-dozen", 6, "try")]),
        # a plural count counts the first noun, not a singular head
        ("The camera has a 24 megapixel full frame sensor and 9 focus points.", [("24 megapixel", 24, "MP"), ("9", 9, "point")]),
        # durations and ages are quantities; points in time are dates
        ("The nurse was jailed for six months after a two-day trial.", [("six", 6, "month"), ("two", 2, "day")]),
        ("The 34-year-old driver and Ms Lane, 29, were named.", [("34", 34, "year"), ("29", 29, "year")]),
        ("Prices stayed high within 2 days. Two years ago they fell.", [("2", 2, "day")]),
        ("She was 17 when she left.", [("17", 17, "year")]),
        ("The crossing takes 5 to 6 hours by ferry.", [("5 to 6", 5.5, "hour")]),
        # a singular noun before a plural one modifies it: the plural is what is counted
        ("She logged a record 38 home runs.", [("38", 38, "run")]),
        # "N+" and "N-plus" before a noun: at least that many
        ("The fair drew 300+ traders and 40-plus vans over 20+ years.", [("300+", 300, "trader"), ("40-plus", 40, "van"), ("20+", 20, "year")]),
        # elided units: the level's noun, the count of a harm verb, "others", "N of M"
        ("The number of clinics will grow from 16 to 80.", [("16", 16, "clinic"), ("80", 80, "clinic")]),
        ("Floods killed 1,000 in the week.", [("1,000", 1000, "people")]),
        ("The five banks join nine others on the list.", [("five", 5, "bank"), ("nine", 9, "bank")]),
        ("They won in 12 of 20 trials.", [("12", 12, "trial"), ("20", 20, "trial")]),
        # measures and money
        ("He lost 20 pounds in a year.", [("20 pounds", 20, "lb")]),
        ("He was fined 500 pounds.", [("500 pounds", 500, "GBP")]),
        ("The tractor gets a 212 horsepower motor, 380 lb-ft of pull and a 65W adapter.", [("212 horsepower", 212, "hp"), ("380 lb-ft", 380, "lb-ft"), ("65W", 65, "W")]),
        ("Estimates fell to 350–375 million people.", [("350–375 million", 362.5e6, "people")]),
        ("Temperatures hit 40C.", [("40C", 40, "deg")]),
        ("She was aged 70½ then.", [("70½", 70.5, "year")]),
        # no quantities: times, ordinals, results, names, years
        ("The match began at 1:57 am, paused at 3 p.m., and the 9th seed won.", []),
        ("The Senate voted 52-48 after a 3-1 win.", []),
        ("A third and final round is due in the 2019 budget.", []),
        ("Her laptop still runs Windows 8, and she rewatches 30 Rock.", []),
        ("She bought size 9 boots, read page 40 and moved to phase 2 rules.", []),
        ("Buyers of Zenfone 9 handsets and eReader 4 units got refunds.", []),
        ("The 3-D remake, a six-figure deal, hit a 10-K and a two-pointer on a 2-in-1 tablet.", []),
        ("In Nairobi 40 families were moved.", [("40", 40, "family")]),
        ("The tier 4 plan covers 30 clinics.", [("30", 30, "clinic")]),
        # a bare number after "was" whose subject is a person noun is an age
        ("Their grandson was just 6 when the mill closed.", [("6", 6, "year")]),
        ("Dana Ruiz (38) and the girl, 9, were found.", [("38", 38, "year"), ("9", 9, "year")]),
        ("At 52, the coach, who is now 60, joined us.", [("52", 52, "year"), ("60", 60, "year")]),
        ("The nurse retired at 61 after a long spell.", [("61", 61, "year")]),
        # a bare number after "a NOUN of": a score on a scale, or the people of a place or a group
        ("The essay earned a mark of 88, and a village of 900 turned out.", [("88", 88, "mark"), ("900", 900, "people")]),
        # a count before a day word: the day is the date, the number counts
        ("The ferry carried 90 cars last night and 70 tonight.", [("90", 90, "car"), ("70", 70, "car")]),
        # a bare new level after a change counts what the quantity before it counts
        ("The parcel weighed 12 kg at first and was down to around 9 later.", [("12 kg", 12, "kg"), ("9", 9, "kg")]),
        # a bare count that a state of harm follows counts people
        ("Medics listed 23 dead and 11 hurt.", [("23", 23, "people"), ("11", 11, "people")]),
        ("Roughly 60 are still missing in the hills.", [("60", 60, "people")]),
        # a number after a letter and a hyphen is a name; 5G, 4K and 24/7 are labels
        ("Flu-19 wards reopened and the café runs 24/7 on 5G links.", []),
        ("The 2023/24 plan starts at 8 o'clock with a 50/50 draw.", []),
        ("The set streams 1080p clips and 4 channels.", [("4", 4, "channel")]),
        ("The Ebola-14 outbreak emptied 30 wards.", [("30", 30, "ward")]),
        # a fraction word after an ordinal or hyphened to a noun names a part, not a share
        ("Margins widened 3% in the second half.", [("3%", 3, "%")]),
        ("The visitors trailed at half-time, yet half of the fans stayed.", [("half", 0.5, "fraction")]),
    ],
)
def test_counted_quantities(pipeline: Pipeline, text: str, expected: list[tuple[str, float, str]]) -> None:
    art = pipeline.extract_text(text, published="2020-01-15")
    got = [(q.evidence.text, q.value, q.unit) for q in art.quantities]
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected], got
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in expected])


def test_pence_glued_to_the_amount() -> None:
    assert [(q.text, q.unit) for q in find_quantities("The stock slid 14p to 212.5p")] == [
        ("14p", "pence"), ("212.5p", "pence")]
    assert all(q.unit != "pence" for q in find_quantities("a 720p stream at a price of $3"))
    assert all(q.unit != "pence" for q in find_quantities("the 6p gene"))  # no money in the sentence


def test_currency_names_that_are_no_money() -> None:
    for text in ("Sales topped the 50,000 mark", "the 19 euro zone states", "she saw 4 real problems"):
        assert all(q.kind != "currency" for q in find_quantities(text)), text
    assert [q.unit for q in find_quantities("he was paid 300 marks")] == ["DEM"]


@pytest.mark.parametrize(
    ("text", "evidence", "low", "high", "unit"),
    [
        ("The upgrade may cost $6-9 million in all", "$6-9 million", 6e6, 9e6, "USD"),
        ("a grant of £40-55m for the port", "£40-55m", 40e6, 55e6, "GBP"),
        ("seats sell for €15-25 apiece", "€15-25", 15, 25, "EUR"),
    ],
)
def test_money_range_written_with_one_currency(text: str, evidence: str, low: float, high: float, unit: str) -> None:
    q = find_quantities(text)[0]
    assert (q.text, q.unit, q.kind) == (evidence, unit, "currency")
    assert (q.low, q.high) == pytest.approx((low, high))
    assert [m.text for m in find_quantities("he paid $8 to 12 porters")] == ["$8", "12"]


def test_range_low_end_takes_the_scale_word() -> None:
    q = find_quantities("down to 350–375 million")[0]
    assert (q.low, q.high) == (350e6, 375e6)
    assert parse_number("70½") == 70.5


# -- benchmark floor ----------------------------------------------------------------------------
def _benchmark() -> ModuleType:
    from benchmarks import quantities

    return quantities


FLOORS = {"number": 0.88, "percent": 0.80, "currency": 0.90, "dimension": 0.78, "date": 0.78}


@pytest.mark.parametrize("subset", sorted(FLOORS))
def test_benchmark_floor(gold_dir: Path, subset: str) -> None:
    bench = _benchmark()
    score = bench.score_subset(subset, gold_dir)
    assert score.gold > 0
    assert score.value_accuracy >= FLOORS[subset], (subset, score)


# -- never crash ---------------------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "1,723", "1e999", "10^999", "$", "£", "€", "US$", " ", "-", "/", "%", "and", "a", "half", "dozen",
    "million", "twenty", "one", "hundred", "of", "thousands", "troops", "km", "between", "to", "from",
    "up from", "3/4", "0", ".5", "½", "9" * 25, "over", "point", "m", "bn", "cents", ",", ".",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map(" ".join) | st.text(max_size=60))
def test_finders_never_crash_and_keep_offsets(text: str) -> None:
    rejected: list[str] = []
    for q in find_quantities(text, rejected):
        assert text[q.start:q.end] == q.text
        assert abs(q.value) <= 1e18
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text
