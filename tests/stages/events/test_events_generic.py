"""Confidence: a bare plural event noun after a word of taking part, with no side and no date, tells a
history, not an act (docs/events.md, Confidence, ``generic``). Every sentence is our own."""

from __future__ import annotations

from newsgraph.pipeline import Pipeline


def test_a_history_of_conflicts_is_no_event(pipeline: Pipeline) -> None:
    """A bare plural event noun after a word of taking part, with no side and no date, tells a history."""
    history = pipeline.extract_text("Britain, which was involved in long wars in Iraq, sent two envoys.")
    assert not [e for e in history.events if e.plover == "ASSAULT"]
    clash = pipeline.extract_text("Police were involved in clashes with protesters in Lagos on Sunday.")
    assert [e for e in clash.events if e.plover == "ASSAULT"]
