"""Cleaning (site tails, widgets) and the dateline parser."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean import CleanStage, clean_text, parse_dateline
from newsgraph.config import default_config
from newsgraph.errors import EmptyInputError
from newsgraph.model import Article

BODY = "Officials met in Geneva on Monday to discuss the ceasefire, the ministry said."
TAIL = "Be the first to comment\n\nLeave a Reply\n\nYour email address will not be published."


def test_example_tail_removed_and_listed(example_text: str) -> None:
    text, removed = clean_text(example_text)
    assert text.endswith("working with local communities in the devastated region.")
    assert "Be the first to comment" not in text
    assert "Leave a Reply" not in text
    assert [r.reason for r in removed] == ["comment-form"]
    assert removed[0].text == TAIL


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Be the first to comment", "comment-form"),
        ("Leave a Reply", "comment-form"),
        ("Leave a comment", "comment-form"),
        ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ("Save my name, email, and website in this browser for the next time I comment.", "comment-form"),
        ("12 Comments", "comment-form"),
        ("Share this:", "share-prompt"),
        ("Share this article", "share-prompt"),
        ("Facebook Twitter Email", "share-prompt"),
        ("Facebook X LinkedIn", "share-prompt"),
        ("Click to share on Twitter (Opens in new window)", "share-prompt"),
        ("Subscribe to our newsletter", "newsletter"),
        ("Sign up for our daily newsletter to get the latest news.", "newsletter"),
        ("We use cookies to give you the best experience on our website.", "cookie-notice"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Click here to read the full report", "click-prompt"),
        ("READ MORE: Five things to know about the summit", "related-link"),
        ("Tags: Syria, Russia, Iran, ISIS", "tags"),
        ("Updated at 1:23 p.m.", "timestamp"),
        ("Posted: 08/09/2012 9:21 am", "timestamp"),
        ("Copyright 2019 Example News. All rights reserved.", "copyright"),
        ("Order Reprints", "page-furniture"),
        ("|---|---|", "markup"),
    ],
)
def test_widget_lines_removed(line: str, reason: str) -> None:
    text, removed = clean_text(f"{BODY}\n\n{line}\n\n{BODY}")
    assert text == f"{BODY}\n\n{BODY}"
    assert [(r.text, r.reason) for r in removed] == [(line, reason)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The spokesman declined to comment on the report.",
        "Be the first to comment was the slogan of the campaign, which ran for three weeks in Ohio.",
        "Shares of the company fell 3 percent after it said it would share the data with regulators.",
        "Readers can leave a comment below, the editor said in a statement on Monday.",
        "The ministry urged citizens to subscribe to the emergency alert service before the storm.",
        "Regulators said the website uses cookies to track users without their consent, a breach of EU law.",
        "The advertisement, which aired on Sunday, drew complaints from both campaigns.",
        "More than 200 people were killed in the fighting, the United Nations said.",
        "Related stories about the blast were published by three outlets on Tuesday, officials noted.",
        "Click here, he told the crowd, pointing at the screen.",
        "Posted 12 photos on Instagram, the singer said she was leaving.",
        "Tags on the crates showed they had been shipped from Odessa in March.",
    ],
)
def test_article_sentences_kept(sentence: str) -> None:
    text = f"{BODY}\n\n{sentence}\n\n{BODY}"
    cleaned, removed = clean_text(text)
    assert cleaned == text
    assert removed == []


def test_related_list_removed_with_headlines() -> None:
    text = (f"{BODY}\n\nRelated stories\nTrump meets Putin in Helsinki\nOil prices fall on supply news\n\n"
            f"The talks resume on Friday, the spokesman said at a news conference.")
    cleaned, removed = clean_text(text)
    assert cleaned == f"{BODY}\n\nThe talks resume on Friday, the spokesman said at a news conference."
    assert removed[0].reason == "related-list"
    assert removed[0].text.splitlines() == [
        "Related stories", "Trump meets Putin in Helsinki", "Oil prices fall on supply news",
    ]


def test_comment_form_labels_removed_only_inside_the_form() -> None:
    text = f"{BODY}\n\nLeave a Reply\nComment\nName *\nEmail *\nWebsite\nPost Comment"
    cleaned, removed = clean_text(text)
    assert cleaned == BODY
    assert len(removed) == 1 and removed[0].reason == "comment-form"
    kept = f"{BODY}\n\nWebsite\n\n{BODY}"
    assert clean_text(kept) == (kept, [])


def test_reader_comment_section_cut() -> None:
    text = (f"{BODY}\n\nPosted by laurie at September 10, 2012 9:01 AM\n\nComments\n\n"
            "Great post, I loved the photos!\n\nPosted by: Ellen at September 10, 2012 11:40 AM\n\n"
            "Same weather here in Ohio.\n\nPosted by: Toni at September 10, 2012 12:11 PM")
    cleaned, removed = clean_text(text)
    assert cleaned == f"{BODY}\n\nPosted by laurie at September 10, 2012 9:01 AM"
    assert [r.reason for r in removed] == ["comments"]
    assert removed[0].text.startswith("Comments") and removed[0].text.endswith("12:11 PM")


def test_reactions_section_of_a_news_story_kept() -> None:
    text = (f"{BODY}\n\nReactions\n\nThe German chancellor said:\n\n\u201cWe welcome the deal.\u201d\n\n"
            "The French president wrote:\n\n\u201cA good day for Europe.\u201d")
    assert clean_text(text) == (text, [])


@pytest.mark.parametrize(
    ("text", "place", "source"),
    [
        ("WASHINGTON (Reuters) - The Pentagon said on Monday.", "WASHINGTON", "Reuters"),
        ("MOSCOW, Dec 6 (AFP) — Russia said its troops would leave.", "MOSCOW", "AFP"),
        ("BEIRUT, Lebanon (AP) — Israeli jets struck targets.", "BEIRUT, Lebanon", "AP"),
        ("Washington (Reuters) - The Pentagon said on Monday.", "Washington", "Reuters"),
        ("NEW YORK — Stocks rose on Friday.", "NEW YORK", None),
        # a dash lost to a wrong decoding is the replacement character
        ("CAIRO (AP) \ufffd Egypt's cabinet met on Sunday.", "CAIRO", "AP"),
    ],
)
def test_dateline(text: str, place: str, source: str | None) -> None:
    d = parse_dateline(text)
    assert d is not None
    assert d["place"] == place and d["source"] == source
    assert text[d["start"]:d["end"]].startswith(place)
    assert text[d["end"]:].startswith(" ")


@pytest.mark.parametrize(
    "text",
    ["UPDATE: the story was changed.", "The U.S. - Russia talks failed.", "Officials said on Monday."],
)
def test_no_dateline(text: str) -> None:
    assert parse_dateline(text) is None


def test_stage_keeps_raw_text_and_sets_dateline() -> None:
    raw = f"MOSCOW, Dec 6 (AFP) — {BODY}\n\nAdvertisement\n\n{BODY}"
    art = CleanStage.from_config(default_config())(Article(text=raw))
    assert art.raw_text == raw
    assert "Advertisement" not in art.text
    assert [r.reason for r in art.removed] == ["advertisement"]
    assert art.dateline is not None
    assert art.text[art.dateline["start"]:art.dateline["end"]] == "MOSCOW, Dec 6 (AFP) —"
    assert art.dateline["date"] == "Dec 6"


def test_stage_rejects_text_that_is_only_boilerplate() -> None:
    with pytest.raises(EmptyInputError) as info:
        CleanStage()(Article(text="Advertisement\n\nShare this:", input="widget.txt"))
    assert info.value.input == "widget.txt"


@pytest.mark.parametrize("text", ["x", "X", "Email"])
def test_single_word_texts(text: str) -> None:
    cleaned, removed = clean_text(text)
    assert (cleaned, removed) == ((text, []) if text.lower() == "x" else ("", removed))


def test_stage_disabled_by_config() -> None:
    cfg = default_config().with_overrides(clean__enabled=False)
    raw = f"{BODY}\n\nAdvertisement"
    art = CleanStage.from_config(cfg)(Article(text=raw))
    assert art.text == raw and art.removed == []


def test_pipeline_removes_example_tail(example_article: Article) -> None:
    assert example_article.text.rstrip().endswith("devastated region.")
    assert any("Leave a Reply" in r.text for r in example_article.removed)


_POOL = [
    BODY, "The spokesman declined to comment on the report.", "Advertisement", "Leave a Reply",
    "Share this:", "Related stories", "Trump meets Putin in Helsinki", "Comments",
    "Posted by: Ann at May 2, 2012 9:01 AM", "Ann says:", "Tags", "Syria, Russia, Iran, ISIS",
    "We use cookies to improve your experience.", "", "Name *", "MOSCOW, Dec 6 (AFP) — Talks resumed.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_POOL), max_size=14), st.sampled_from(["\n", "\n\n"]))
def test_clean_text_properties(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    cleaned, removed = clean_text(text)
    assert clean_text(cleaned) == (cleaned, [])  # idempotent
    for r in removed:
        assert r.text and r.text in text
    kept = [ln for ln in cleaned.splitlines() if ln]
    assert all(ln in lines for ln in kept)
    assert kept.count(BODY) == lines.count(BODY) or "Comments" in lines
