"""The date grammar's rule table: every handler module registers its rules, priorities are unique."""

from __future__ import annotations

from newsgraph.stages.dates import absolute, holidays, periods, ranges, relative, scanner
from newsgraph.stages.dates.registry import ordered, rules_of


def test_each_priority_is_used_once() -> None:
    prios = [p for p, _, _ in scanner.RULES]
    assert len(prios) == len(set(prios))
    assert prios == sorted(prios)


def test_every_handler_module_registers_rules_once() -> None:
    for mod in (absolute, relative, periods, holidays, ranges):
        assert rules_of(mod), mod.__name__
    # periods.py imports absolute.month_day (for "the week of May 4"): it is counted once, in absolute
    names = [r.name for _, _, r in ordered(rules_of(absolute, periods)) if r.name == "month_day"]
    assert len(names) == 4  # its four patterns
    assert {r.name for _, _, r in scanner.RULES} >= {"holiday", "month_day", "weekday", "quarter", "day_range"}


def test_loose_rules_are_left_out_of_running_text() -> None:
    loose = {r.name for _, _, r in scanner.RULES if r.loose}
    assert loose == {"compact", "year_month_numeric", "month_day_numeric"}
    text = "filed 11/20, ref 20161016, batch 2014-12"
    assert [m.text for m in scanner.find_dates(text, None)] == ["11/20", "20161016", "2014-12"]
    assert [m.text for m in scanner.find_dates(text, None, loose=False)] == []
