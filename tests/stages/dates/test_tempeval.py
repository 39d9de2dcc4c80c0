"""Dates on TempEval-3 (TimeBank + AQUAINT): the benchmark's scoring and a floor on a fixed subset."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from benchmarks import dates as bench
from newsgraph.pipeline import Pipeline


def test_timeml_values_of_newsgraph_dates() -> None:
    assert bench.timeml_values("2017-12-04", "2017-12-04", "2017-12-04", "day") == {"2017-12-04"}
    assert bench.timeml_values("2015-12-06", "2015-12-06", "2015-12-06", "year") == {"2015"}
    assert bench.timeml_values("2017-11-22", "2017-11-22", "2017-11-22", "week") == {"2017-W47"}
    assert bench.timeml_values("1990s", "1990-01-01", "1999-12-31", "range") == {"199"}
    assert bench.timeml_values("1400/1499", "1400-01-01", "1499-12-31", "range") == {"14"}
    assert bench.timeml_values("2017-12-02/2017-12-03", "2017-12-02", "2017-12-03", "range") == {"2017-W48-WE"}
    assert bench.timeml_values("2016-05-01/2016-10-31", "2016-05-01", "2016-10-31", "range") == {"2016-05", "2016-10"}
    assert bench.timeml_values("PRESENT_REF", "2017-12-06", "2017-12-06", "day") == {"PRESENT_REF"}
    assert bench.timeml_values(None, None, None, "unknown") == frozenset()


def test_values_compare_in_one_spelling() -> None:
    assert bench.same_value("2017-W5", {"2017-W05"}) and bench.same_value("201X", {"201"})
    assert bench.same_value("2017-W05", {"2017-W05"}) and not bench.same_value("2017-W15", {"2017-W05"})
    assert not bench.same_value("2005-XX-XX", {"2005"})  # a day of 2005 is not the year


def test_scoring_counts_strict_relaxed_and_value_matches() -> None:
    doc = bench.Document("d", dt.date(2017, 12, 6), "They met on Monday in June.",
                         timexes=(bench.Timex(12, 18, "DATE", "2017-12-04", "Monday"),
                                  bench.Timex(22, 26, "DATE", "2017-06", "June")), others=())
    preds = [bench.Prediction(9, 18, "on Monday", frozenset({"2017-12-04"})),
             bench.Prediction(22, 26, "June", frozenset({"2016-06"}))]
    score = bench.Score()
    bench.score_document(doc, preds, score)
    assert (score.gold, score.predicted, score.strict_gold, score.relaxed_gold, score.value_gold) == (2, 2, 1, 2, 1)
    assert score.relaxed == (1.0, 1.0, 1.0) and score.value_accuracy == 0.5


def test_split_is_fixed_and_disjoint(gold_dir: Path) -> None:
    docs = bench.load_documents(gold_dir)
    tune, check = bench.split(docs)
    assert len(docs) == 256 and (len(tune), len(check)) == (154, 102)
    assert not {d.name for d in tune} & {d.name for d in check}
    assert [d.name for d in bench.split(docs)[1]] == [d.name for d in check]


def test_tempeval_floor_on_a_fixed_subset(gold_dir: Path) -> None:
    """The first ten articles of each part (about 150 gold dates); measured 0.97/0.89 relaxed F1 and
    0.83/0.66 value F1 (tune/check)."""
    scores = bench.run(gold_dir, limit=10)
    check = scores["check"]
    assert check.gold > 80
    assert check.relaxed[2] >= 0.85, bench.report(scores)
    assert check.value[2] >= 0.60, bench.report(scores)
    assert scores["tune"].value[2] >= 0.75, bench.report(scores)


def test_a_count_of_units_of_a_period_is_scored_as_the_period(pipeline: Pipeline) -> None:
    text = "Profit rose in the first six months of 2013 and in the first four months of the year."
    art = pipeline.extract_text(text, published="2014-02-03")
    preds = [p for d in art.dates for p in bench.predictions(d, dt.date(2014, 2, 3))]
    assert [(p.text, set(p.values), text[p.start:p.end]) for p in preds] == [
        ("2013", {"2013"}, "2013"), ("the year", {"2014"}, "the year")]
