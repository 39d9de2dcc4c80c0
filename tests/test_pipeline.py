"""The spine: stage contracts, failure isolation, per-instance resources."""

from __future__ import annotations

from typing import ClassVar

import pytest

from newsgraph.config import default_config
from newsgraph.errors import ConfigError, ModelNotFoundError, PipelineError
from newsgraph.model import Article, ReadFailure, article_id
from newsgraph.nlp import BLOCK_CHARS, NlpStage, blocks, split_sentences
from newsgraph.pipeline import DEFAULT_STAGES, Pipeline


class Needs:
    name: ClassVar[str] = "needs"
    requires: ClassVar[tuple[str, ...]] = ("events",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article) -> Article:
        return article


class Explodes:
    """Fails on articles that mention 'boom'."""

    name: ClassVar[str] = "explodes"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("stats",)

    def __call__(self, article: Article) -> Article:
        if "boom" in article.text:
            raise RuntimeError("kaboom")
        article.stats["seen"] = True
        return article


def test_default_stage_order() -> None:
    p = Pipeline.from_config()
    assert p.names == list(DEFAULT_STAGES)
    assert p.names[:3] == ["clean", "nlp", "actors"]


def test_unmet_requirement_is_rejected() -> None:
    with pytest.raises(PipelineError, match="requires events"):
        Pipeline([Needs()])


def test_unknown_stage_name() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'sentiment'"):
        Pipeline.from_config(stages=["clean", "sentiment"])


def test_one_failing_article_does_not_stop_the_batch() -> None:
    p = Pipeline([Explodes()])
    arts = [Article(text="fine one", input="a"), Article(text="boom here", input="b"), Article(text="fine two", input="c")]
    results = p.process_batch(arts)
    assert [r.ok for r in results] == [True, False, True]
    failure = results[1].failure
    assert failure is not None and failure.input == "b" and "kaboom" in failure.reason
    assert failure.error_type == "ProcessingError"
    assert results[0].article is not None and results[0].article.stats["seen"] is True


def test_process_passes_read_failures_through_in_order() -> None:
    p = Pipeline([Explodes()])
    items: list[Article | ReadFailure] = [
        Article(text="one", input="1"),
        ReadFailure(input="bad.bin", reason="binary", error_type="BinaryInputError"),
        Article(text="two", input="2"),
    ]
    out = list(p.process(items, batch_size=10))
    assert [r.ok for r in out] == [True, False, True]
    assert out[1].failure is not None and out[1].failure.input == "bad.bin"


def test_missing_model_fails_early() -> None:
    cfg = default_config().with_overrides(nlp__model="no_such_pipeline_xyz")
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline_xyz"):
        Pipeline.from_config(cfg)


def test_config_override_of_unknown_key() -> None:
    with pytest.raises(ConfigError):
        default_config().with_overrides(nlp__colour="red")


def test_two_pipelines_keep_their_own_config() -> None:
    a = Pipeline.from_config(default_config().with_overrides(nlp__triage=False))
    b = Pipeline.from_config()
    nlp_a = a.stage("nlp")
    nlp_b = b.stage("nlp")
    assert isinstance(nlp_a, NlpStage) and isinstance(nlp_b, NlpStage)
    assert nlp_a.triage is False and nlp_b.triage is True


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("One. Two three. Four?", 3),
        ("A paragraph here.\n\nAnother paragraph without a full stop", 2),
        ("The U.S. and Russia met. They agreed.", 2),
        ("", 0),
    ],
)
def test_sentence_split(text: str, n: int) -> None:
    spans = split_sentences(text)
    assert len(spans) == n
    for start, end, _ in spans:
        assert text[start:end].strip() == text[start:end]


def test_long_sentence_is_cut() -> None:
    text = ", ".join(f"item {i}" for i in range(400)) + "."
    spans = split_sentences(text, max_tokens=50)
    assert len(spans) > 5
    assert all(end - start < len(text) for start, end, _ in spans)


def test_segments_offsets_and_triage() -> None:
    stage = NlpStage(triage=True, cue_words=lambda: frozenset({"attacked"}))
    text = "The sky was blue over the lake.\n\nRebels attacked the town of Homs on Monday."
    art = stage(Article(text=text))
    assert [s.parsed for s in art.segments] == [False, True]
    seg = art.segments[1]
    assert seg.paragraph == 1
    tok = next(t for t in seg.doc if t.text == "Homs")
    start, end = seg.char_span(tok.i, tok.i + 1)
    assert text[start:end] == "Homs"
    assert art.segment_at(start) is seg
    assert {t.dep_ for t in art.segments[0].doc} == {"dep"}
    assert all(t.head.i == t.i for t in art.segments[0].doc)
    assert any(t.dep_ == "nsubj" for t in seg.doc)


def test_unparsed_sentences_are_safe_to_walk() -> None:
    """Regression: walking the tree of a sentence the parser skipped crashed spaCy (segfault)."""
    stage = NlpStage(triage=True, cue_words=lambda: frozenset({"attacked"}))
    text = "Для салата вам понадобятся (на две порции): 150 г микса, 100 г филе, 1−2 ст."
    art = stage(Article(text=text))
    assert not any(s.parsed for s in art.segments)
    for seg in art.segments:
        for tok in seg.doc:
            assert list(tok.children) == []
            assert [t.i for t in tok.subtree] == [tok.i]
            assert tok.left_edge.i == tok.right_edge.i == tok.i


def test_article_id_is_stable_and_url_sensitive() -> None:
    assert article_id("Hello  world") == article_id("hello world")
    assert article_id("Hello world", "http://a") != article_id("Hello world")


HEADLINE_LIKE = [
    "Reports of fighting in the north.",
    "Police Chief On Leave After Raid On Opposition Offices",
    "The Of The Year: Of Arms And Men.",
    "Rebels Seize Town; Talks Of Ceasefire Collapse",
    "Deaths of protesters, arrests of journalists and closing of newspapers.",
]


def test_verbless_and_title_case_text_never_hangs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Regression: token identity checks (`tok.head is tok`) looped forever on verbless clauses."""
    import subprocess
    import sys

    src = tmp_path / "titles.txt"
    src.write_text("\n\n".join(HEADLINE_LIKE * 3), "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", str(src), "--format", "jsonl"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count("\n") == 1


class Stalls:
    """Never finishes on articles that mention 'stall'."""

    name: ClassVar[str] = "stalls"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article) -> Article:
        while "stall" in article.text:
            pass
        return article


def test_a_stage_that_never_ends_is_recorded_and_the_run_goes_on() -> None:
    cfg = default_config().with_overrides(pipeline__stage_timeout_s=0.5)
    p = Pipeline([Stalls()], cfg)
    results = p.process_batch([Article(text="stall forever", input="x"), Article(text="fine", input="y")])
    assert [r.ok for r in results] == [False, True]
    failure = results[0].failure
    assert failure is not None and failure.error_type == "StageTimeoutError" and failure.input == "x"
    assert "stalls" in failure.reason


# -- long texts --------------------------------------------------------------------------------
SENTENCES = [
    "Officials in the northern province said on Tuesday that {n} people were hurt when a bridge collapsed.",
    "The minister told reporters the army would send {n} trucks of food to the valley by Friday.",
    "Protesters gathered outside the town hall, and police arrested {n} of them after a scuffle.",
    "\u201cWe will rebuild everything,\u201d the mayor said, adding that the damage was worth ${n} million.",
]


def long_paragraph(chars: int) -> str:
    """One paragraph (no blank line) of at least ``chars`` characters, written for this test."""
    out: list[str] = []
    total = n = 0
    while total < chars:
        s = SENTENCES[n % len(SENTENCES)].format(n=n % 97 + 3) + " "
        out.append(s)
        total += len(s)
        n += 1
    return "".join(out)


def test_blocks_end_after_a_sentence_and_cover_the_text() -> None:
    text = long_paragraph(3000)
    cuts = blocks(text, 0, len(text), limit=1000)
    assert len(cuts) >= 3
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))  # consecutive, nothing lost
    for start, end in cuts[:-1]:
        assert end - start <= 1000
        assert text[start:end].rstrip()[-1] in ".\u201d"  # a sentence ends there


def test_one_word_longer_than_a_block_is_cut_at_the_limit() -> None:
    assert blocks("x" * 250, 0, 250, limit=100) == [(0, 100), (100, 200), (200, 250)]


def test_a_line_over_a_million_characters_is_processed() -> None:
    """Regression: one paragraph over spaCy's max_length (1,000,000) failed with E088."""
    text = "Rebels attacked the town. " + "x" * 1_100_000 + " Police said so."
    art = NlpStage(cue_words=lambda: frozenset({"attacked"}))(Article(text=text))
    assert art.segments[0].doc.text == "Rebels attacked the town."
    assert art.segments[0].parsed
    assert max(s.end - s.start for s in art.segments) <= BLOCK_CHARS
    assert sum(text[s.start:s.end].count("x") for s in art.segments) == 1_100_000  # nothing lost
    assert text[art.segments[-1].start:art.segments[-1].end].endswith("x Police said so.")
    assert all(s.doc.text == text[s.start:s.end] for s in art.segments)


@pytest.mark.slow
def test_a_long_paragraph_is_split_into_blocks_and_read_by_later_stages() -> None:
    """A 300,000-character paragraph (three blocks): every sentence kept whole, dates found in the
    last block at the right offsets. (The actors and events stages are not yet linear in the text:
    see issue 16 item 5.)"""
    text = long_paragraph(300_000)
    art = Pipeline.from_config(stages=["clean", "nlp", "dates"]).extract_text(text, published="2024-03-05")
    assert art.stats["sentences"] == text.count(". ")  # one per sentence written: no block cut splits one
    late = [d for d in art.dates if d.evidence.start > 2 * BLOCK_CHARS]
    assert late and all(d.text == "Tuesday" or d.text == "Friday" for d in late)
    for d in late:
        assert text[d.evidence.start:d.evidence.end] == d.evidence.text


def test_a_text_over_max_chars_is_refused_and_the_batch_goes_on() -> None:
    p = Pipeline([NlpStage(max_chars=1000, cue_words=lambda: frozenset())])
    results = p.process_batch([Article(text="Rebels attacked. " * 100, input="long"),
                               Article(text="Rebels attacked.", input="short")])
    assert [r.ok for r in results] == [False, True]
    failure = results[0].failure
    assert failure is not None and failure.error_type == "InputTooLargeError" and failure.input == "long"
    assert "1,700 characters, more than [nlp] max_chars (1,000)" in failure.reason


def test_the_stage_time_limit_grows_with_the_text() -> None:
    p = Pipeline([Explodes()], default_config().with_overrides(pipeline__stage_timeout_s=60))
    assert [p.time_limit_s(Article(text="a" * n)) for n in (10, 100_000, 100_001, 250_000)] == [60, 60, 120, 180]
    off = Pipeline([Explodes()], default_config().with_overrides(pipeline__stage_timeout_s=0))
    assert off.time_limit_s(Article(text="a" * 250_000)) == 0


def test_a_headline_line_is_its_own_sentence_but_a_hard_wrap_is_not() -> None:
    """Regression: a title line without a full stop merged with the lead under it ("... In Nairobi Kenyan
    police arrested ..."), and the events of both lost their roles. A line cut by a hard wrap goes on."""
    text = ("Police Arrest Three Activists After Protest In Nairobi\n"
            "Kenyan police arrested three activists on Monday.\n"
            "The president met\nJohn Smith on Monday, and the talks\nwent well.\n"
            "By Ann Lee\nNAIROBI - Talks resumed.")
    got = [(text[a:b], para) for a, b, para in split_sentences(text)]
    assert got == [
        ("Police Arrest Three Activists After Protest In Nairobi", 0),
        ("Kenyan police arrested three activists on Monday.", 1),
        ("The president met\nJohn Smith on Monday, and the talks\nwent well.", 1),
        ("By Ann Lee", 1),
        ("NAIROBI - Talks resumed.", 2),
    ]


def test_a_headline_over_its_lead_keeps_the_leads_roles(pipeline: Pipeline) -> None:
    art = pipeline.extract_text("Police Arrest Three Activists After Protest In Nairobi\n"
                                "Kenyan police arrested three activists on Monday after a protest in Nairobi.")
    arrests = [e for e in art.events if e.plover == "COERCE"]
    assert arrests and all(e.source == ["KEN.COP"] for e in arrests)
