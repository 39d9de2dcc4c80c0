"""Property tests: records -> store -> records gives the same records, for any values the contract
allows (hypothesis). Integers are kept within the 32-bit range of the INTEGER columns (offsets,
sentence numbers, counts) and floats finite, as extraction produces them."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import (
    Actor,
    Article,
    Attribution,
    DateRef,
    Event,
    Mention,
    Place,
    Quantity,
    Quote,
    Removed,
    Scope,
    SourcingProfile,
    Span,
)
from newsgraph.store import Store
from newsgraph.store.rows import output_to_article
from newsgraph.vocab import MODALITIES, PLOVER_TYPES

text = st.text(max_size=30)
opt_text = st.none() | text
idx = st.integers(min_value=0, max_value=2**31 - 1)
small = st.integers(min_value=-(2**31), max_value=2**31 - 1)
num = st.floats(allow_nan=False, allow_infinity=False)
opt_num = st.none() | num
json_value = st.recursive(
    st.none() | st.booleans() | small | num | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
json_dict = st.dictionaries(text, json_value, max_size=4)

span = st.builds(Span, start=idx, end=idx, text=text)
mention = st.builds(Mention, start=idx, end=idx, text=text, via=opt_text)
actor = st.builds(
    Actor,
    id=text,
    name=text,
    country=opt_text,
    sector=opt_text,
    kind=st.sampled_from(["state", "organization", "person", "group"]),
    role=opt_text,
    mentions=st.lists(mention, max_size=3),
    affiliation=opt_text,
    led_by=opt_text,
    media=st.booleans(),
    label=opt_text,
    known=st.booleans(),
)
event = st.builds(
    Event,
    id=text,
    plover=st.none() | st.sampled_from(sorted(PLOVER_TYPES)),
    mode=opt_text,
    cameo=text,
    source=st.lists(text, max_size=3),
    target=st.lists(text, max_size=3),
    modality=st.sampled_from(list(MODALITIES)),
    alleged_by=opt_text,
    place=opt_text,
    date=st.none() | text | st.sampled_from(["2017-12-06", "2017-12", "2017", "d1", "0000-13-45"]),
    provenance=st.lists(text, max_size=2),
    evidence=span,
    rule=text,
    trigger=st.none() | span,
    goldstein=opt_num,
    quad_class=st.none() | small,
    hedged=st.booleans(),
    sentence=st.none() | small,
    confidence=st.none() | st.floats(min_value=0.0, max_value=1.0),
    features=st.dictionaries(text, text | num, max_size=3),
    date_evidence=st.none() | span,
    place_evidence=st.none() | span,
)
quote = st.builds(
    Quote,
    id=text,
    text=text,
    kind=st.sampled_from(["direct", "indirect", "partial"]),
    speaker=opt_text,
    cue=opt_text,
    via=opt_text,
    evidence=span,
    speaker_span=st.none() | span,
    flags=st.lists(text, max_size=2),
    provenance=st.lists(text, max_size=2),
)
attribution = st.builds(
    Attribution,
    source=text,
    cue=text,
    scope=st.builds(Scope, start=idx, end=idx),
    actor=opt_text,
    evidence=st.none() | span,
)
quantity = st.builds(
    Quantity,
    id=text,
    value=num,
    unit=text,
    approximate=st.booleans(),
    hedged=st.booleans(),
    holder=opt_text,
    place=opt_text,
    date=opt_text,
    evidence=span,
    low=opt_num,
    high=opt_num,
    previous=opt_text,
    event=opt_text,
    provenance=st.lists(text, max_size=2),
)
place = st.builds(
    Place,
    id=text,
    name=text,
    country=opt_text,
    lat=opt_num,
    lon=opt_num,
    geonameid=st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1),
    mentions=st.lists(mention, max_size=3),
    feature=opt_text,
    qualifier=opt_text,
)
date_ref = st.builds(
    DateRef,
    id=text,
    text=text,
    value=opt_text,
    start=opt_text,
    end=opt_text,
    precision=st.sampled_from(["day", "week", "month", "year", "range", "unknown"]),
    evidence=span,
)
sourcing = st.builds(
    SourcingProfile,
    sentences=small,
    sourced_sentences=small,
    share_sourced=num,
    unattributed_assertions=small,
    outlets=st.dictionaries(text, small, max_size=3),
    speakers=st.dictionaries(text, small, max_size=3),
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    return Article(
        text=draw(st.text(min_size=1, max_size=200)),
        title=draw(opt_text),
        url=draw(st.none() | text | st.just("http://[broken/x")),
        source=draw(opt_text),
        published=draw(st.none() | text | st.sampled_from(["2017-12-06", "2017-12-06T10:00:00Z", "1999"])),
        author=draw(opt_text),
        language=draw(opt_text),
        input=draw(opt_text),
        record_id=draw(opt_text),
        removed=draw(st.lists(st.builds(Removed, text=text, reason=text), max_size=2)),
        dateline=draw(st.none() | json_dict),
        actors=draw(st.lists(actor, max_size=3)),
        events=draw(st.lists(event, max_size=3)),
        quotes=draw(st.lists(quote, max_size=2)),
        attributions=draw(st.lists(attribution, max_size=2)),
        quantities=draw(st.lists(quantity, max_size=2)),
        places=draw(st.lists(place, max_size=3)),
        dates=draw(st.lists(date_ref, max_size=2)),
        sourcing=draw(st.none() | sourcing),
        stats=draw(json_dict),
    )


def _unique(arts: list[Article]) -> list[Article]:
    out: dict[str, Article] = {}
    for a in arts:
        out.setdefault(a.ensure_id(), a)
    return list(out.values())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(), min_size=1, max_size=3))
def test_records_survive_the_store(arts: list[Article]) -> None:
    arts = _unique(arts)
    expected = sorted((a.to_output() for a in arts), key=lambda o: o.article.id)
    with tempfile.TemporaryDirectory() as d:
        with Store(Path(d) / "c.duckdb") as s:
            assert s.write(arts) == len(arts)
            got = list(s.outputs())
            assert s.count("events") == sum(len(a.events) for a in arts)
            assert s.write(arts) == 0  # idempotent for any records
    assert got == expected


@settings(max_examples=100, deadline=None)
@given(articles())
def test_output_to_article_inverts_to_output(art: Article) -> None:
    out = art.to_output()
    assert output_to_article(out).to_output() == out


def _dump(o: Any) -> Any:
    return o.model_dump(mode="json")
