"""Records: JSON round trips, schema, vocabulary."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import Actor, Article, Event, Mention, Output, Span, output_schema
from newsgraph.vocab import MODALITIES, PLOVER_TYPES, QUAD_CLASS, SECTORS

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(min_size=5, max_size=200))
    n = len(text)
    spans = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    art = Article(text=text, title=draw(st.none() | words), published=draw(st.none() | st.just("2017-12-06")))
    for k in range(draw(st.integers(0, 3))):
        a, b = draw(spans)
        art.actors.append(Actor(
            id=f"A{k}", name=draw(words), kind=draw(st.sampled_from(["state", "organization", "person", "group"])),
            country=draw(st.none() | st.sampled_from(["USA", "RUS", "SYR"])),
            sector=draw(st.none() | st.sampled_from(sorted(SECTORS))),
            mentions=[Mention(start=a, end=b, text=text[a:b])],
        ))
    ids = [a.id for a in art.actors]
    for k in range(draw(st.integers(0, 3))):
        a, b = draw(spans)
        art.events.append(Event(
            id=f"e{k}", plover=draw(st.sampled_from(sorted(PLOVER_TYPES))), cameo="19",
            source=draw(st.lists(st.sampled_from(ids), max_size=2)) if ids else [],
            modality=draw(st.sampled_from(MODALITIES)),
            evidence=Span(start=a, end=b, text=text[a:b]), rule="test",
            goldstein=draw(st.none() | st.floats(-10, 10, allow_nan=False)),
        ))
    return art


@settings(max_examples=40, deadline=None)
@given(articles())
def test_json_round_trip(art: Article) -> None:
    data = art.to_json_dict()
    back = Output.model_validate(json.loads(json.dumps(data)))
    assert back.model_dump(mode="json") == data
    assert data["article"]["id"] == art.ensure_id()


def test_schema_names_the_contract_keys() -> None:
    schema = output_schema()
    props = schema["properties"]
    for key in ("article", "actors", "events", "quotes", "attributions", "quantities", "places"):
        assert key in props
    event = schema["$defs"]["Event"]["properties"]
    # a statement (CAMEO 01x) has no PLOVER type: plover is one of the 16 types or null
    plover = {tuple(o.get("enum", ())) or o["type"] for o in event["plover"]["anyOf"]}
    assert plover == {tuple(PLOVER_TYPES), "null"}
    assert set(event["modality"]["enum"]) == set(MODALITIES)


def test_vocabulary_is_consistent() -> None:
    assert len(PLOVER_TYPES) == 16
    assert set(QUAD_CLASS) == set(PLOVER_TYPES)
    for code in ("GOV", "MIL", "REB", "INS", "OPP", "POL", "JUD", "MED", "CVL", "BUS", "NGO", "IGO", "REL", "ETH"):
        assert code in SECTORS
