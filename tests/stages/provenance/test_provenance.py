"""Provenance chains on quotes, events and quantities; the sourcing profile."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Event, Quantity
from newsgraph.pipeline import Pipeline
from newsgraph.stages.provenance import ProvenanceStage


def run(pipeline: Pipeline, text: str, source: str | None = None) -> Article:
    art = Article(text=text, raw_text=text, source=source)
    for stage in pipeline.stages:
        stage(art)
    return art


def add_event(art: Article, phrase: str, alleged_by: str | None = None) -> Event:
    start = art.text.index(phrase)
    ev = Event(id=f"t{len(art.events) + 1}", plover="ASSAULT", cameo="190",
               evidence=art.span(start, start + len(phrase)), rule="test", alleged_by=alleged_by)
    art.events.append(ev)
    return ev


TEXT = (
    "Rebels shelled the airport on Monday, Newsweek writes.\n\n"
    '"We will retake the city," army spokesman John Smith told AFP. The fighting killed 12 people.\n\n'
    "The army said it had destroyed three rebel positions, Reuters reported."
)


@pytest.mark.parametrize(
    ("phrase", "chain"),
    [
        ("Rebels shelled the airport", ["Newsweek"]),
        ("We will retake the city", ["Newsweek", "AFP", "John Smith"]),
        ("The fighting killed 12 people", ["Newsweek"]),
        ("destroyed three rebel positions", ["Newsweek", "Reuters", "army"]),
    ],
)
def test_event_chains(pipeline: Pipeline, phrase: str, chain: list[str]) -> None:
    art = run(pipeline, TEXT)
    add_event(art, phrase)
    ProvenanceStage()(art)
    assert art.events[-1].provenance == chain


def test_quote_chain_and_publisher_first(pipeline: Pipeline) -> None:
    art = run(pipeline, TEXT, source="Daily Example")
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert [q.provenance for q in direct] == [["Daily Example", "Newsweek", "AFP", "John Smith"]]


def test_alleged_by_ends_chain(pipeline: Pipeline) -> None:
    art = run(pipeline, "Rebels shelled the airport on Monday.")
    add_event(art, "Rebels shelled the airport", alleged_by="RUS")
    ProvenanceStage()(art)
    assert art.events[-1].provenance == ["RUS"]


def test_quantity_chain(pipeline: Pipeline) -> None:
    art = run(pipeline, TEXT)
    start = art.text.index("12 people")
    art.quantities.append(Quantity(id="n1", value=12, unit="people", evidence=art.span(start, start + 9)))
    ProvenanceStage()(art)
    assert art.quantities[0].provenance == ["Newsweek"]


def test_single_citation_outside_lead_is_not_article_wide(pipeline: Pipeline) -> None:
    text = "Rebels shelled the airport on Monday.\n\nThe army said it had retaken the town, AFP reported."
    art = run(pipeline, text)
    add_event(art, "Rebels shelled the airport")
    ProvenanceStage()(art)
    assert art.events[-1].provenance == []


def test_sourcing_profile(pipeline: Pipeline) -> None:
    art = run(pipeline, TEXT)
    sp = art.sourcing
    assert sp is not None
    assert sp.sentences == 4
    assert sp.sourced_sentences == 3
    assert sp.share_sourced == 0.75
    assert sp.unattributed_assertions == 1
    assert sp.outlets == {"AFP": 1, "Newsweek": 1, "Reuters": 1}
    assert sp.speakers == {"John Smith": 1, "army": 1}


def test_example_provenance(example_article: Article) -> None:
    quotes = example_article.quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert direct[0].provenance == ["Newsweek", "AFP", "Eric Pahon"]
    assert all(q.provenance and q.provenance[0] == "Newsweek" for q in quotes)
    for ev in example_article.events:
        assert ev.provenance[:1] == ["Newsweek"]
    sp = example_article.sourcing
    assert sp is not None and sp.outlets["Newsweek"] == 4 and sp.outlets["AFP"] == 1
    assert sp.speakers["Eric Pahon"] == 3
    assert 0.5 < sp.share_sourced < 0.9


def test_dateline_agency_heads_every_chain(pipeline: Pipeline) -> None:
    text = ("KYIV (Reuters) - Ukraine said it had repelled an attack.\n\n"
            '"The enemy suffered heavy losses," army spokesman Serhiy Cherevatyi told national television.')
    art = run(pipeline, text)
    dl = [a for a in art.attributions if a.cue == "dateline"]
    assert [(a.source, a.scope.start, a.scope.end) for a in dl] == [("Reuters", 0, len(text))]
    assert [q.provenance for q in art.quotes] == [["Reuters", "Ukraine"], ["Reuters", "Serhiy Cherevatyi"]]
    assert art.quotes[1].via == "national television"
    assert art.sourcing is not None and art.sourcing.outlets == {"Reuters": 1}


def test_outlet_cited_throughout_is_article_wide(pipeline: Pipeline) -> None:
    text = ("Rebels shelled the airport on Monday.\n\n"
            "The army retook the town, AFP reported. Two soldiers died, AFP reported. "
            "The rebels retreated north, AFP reported.")
    art = run(pipeline, text)
    add_event(art, "Rebels shelled the airport")
    ProvenanceStage()(art)
    assert art.events[-1].provenance == ["AFP"]


def test_unnamed_sources_are_counted_apart(pipeline: Pipeline) -> None:
    text = ("Mayor Anna Berg said the dam was safe. A senior aide said the cracks were growing. "
            "Officials said the valley would be evacuated. Residents said they had not been warned. "
            "A city report found that the dam had not been inspected since 2010.")
    sp = run(pipeline, text).sourcing
    assert sp is not None
    assert sp.speakers == {"Anna Berg": 1, "city report": 1}
    assert sp.anonymous == {"senior aide": 1}
    assert sp.groups == {"Officials": 1, "Residents": 1}
    assert sp.speaker_kinds == {"group": 2, "anonymous": 1, "document": 1, "person": 1}
