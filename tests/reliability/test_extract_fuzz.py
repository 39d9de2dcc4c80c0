"""Property tests of ``newsgraph.extract`` with the real pipeline (issue 16): hostile texts (quote
floods, unbalanced quotes, zero-width and right-to-left characters, symbol floods, NULs, mixed
scripts) give an article or a typed error, never an unforeseen exception; every span is
``text[start:end]``, every id reference resolves, and the same text gives the same JSON twice."""

from __future__ import annotations

import pytest
from benchmarks.reliability import BIDI, FOREIGN, QUOTES, ZERO_WIDTH, bad_spans, dangling_refs
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.clean import MAX_SYMBOL_RUN
from newsgraph.errors import NewsgraphError, ProcessingError
from newsgraph.pipeline import Pipeline

BODY = ("Rebels attacked an army base near the northern city on Monday, killing four soldiers, "
        "the defence ministry said.")
WORDS = ["the", "army", "rebels", "said", "attacked", "talks", "Geneva", "minister", "told", "police",
         "Monday", "killed", "protesters", "government", "Syria", "U.N.", "500", "people", "on", "in"]

token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(QUOTES)),
    st.sampled_from(list(ZERO_WIDTH + BIDI)),
    st.sampled_from(list(FOREIGN)),
    st.sampled_from([".", ",", "(", ")", "-", "\u2014", "!", "?", ":", "\n", "\n\n", "\x00", "\t"]),
    st.text(max_size=6),
)
hostile_text = st.lists(st.tuples(token, st.sampled_from(["", " "])), min_size=1, max_size=60).map(
    lambda parts: BODY + " " + "".join(t + sep for t, sep in parts)
)


def check(text: str, pipeline: Pipeline) -> None:
    """extract ``text`` twice; assert the properties; count the outcome."""
    try:
        art = newsgraph.extract(text, pipeline=pipeline, published="2020-01-02")
    except ProcessingError as exc:
        # a stage failing on an unforeseen exception is a bug, even though the run goes on
        assert "failed: " not in exc.message, exc.message
        _count(type(exc).__name__)
        return
    except NewsgraphError as exc:
        _count(type(exc).__name__)
        return
    out = art.to_output()
    assert bad_spans(out) == []
    assert dangling_refs(out) == []
    again = newsgraph.extract(text, pipeline=pipeline, published="2020-01-02").to_output()
    assert again.model_dump_json() == out.model_dump_json()
    _count("Article")


def _count(kind: str) -> None:
    if currently_in_test_context():
        event(kind)


@settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(hostile_text)
def test_hostile_text(pipeline: Pipeline, text: str) -> None:
    check(text, pipeline)


@pytest.mark.parametrize("text", [
    BODY + " " + "\u201c" * 20_000,  # a curly-quote flood (cut by the cleaner, else minutes in spaCy)
    BODY + " " + '"' * 3000 + " " + BODY,
    BODY + " " + " ".join('"' * 40 for _ in range(200)),  # many runs under the cut
    BODY + ' "' + BODY + " \u201cAnd another, he said. \u2018Unclosed " + BODY,
    "\u202e" + BODY + "\u202c \u200b\u200b" + BODY.replace(" ", "\u200b "),
    "\u0642\u0627\u0644\u062a " + BODY + " \u05d4\u05de\u05de\u05e9\u05dc\u05d4 " + BODY,
    BODY + " " + "$%#@&*().,;:!?" * 500,
])
def test_known_hostile_texts(pipeline: Pipeline, text: str) -> None:
    check(text, pipeline)


def test_quote_flood_is_defused_before_spacy(pipeline: Pipeline) -> None:
    art = newsgraph.extract(BODY + "\n\n" + '"' * 100_000, pipeline=pipeline)
    assert art.text == BODY + "\n\n" + '"' * MAX_SYMBOL_RUN
    assert [r.reason for r in art.removed] == ["symbol-run"]
    alone = newsgraph.extract(BODY, pipeline=pipeline)
    assert alone.events and [(e.cameo, e.evidence) for e in art.events] == [(e.cameo, e.evidence) for e in alone.events]
