"""The 13 events of the canonical example (us-troops-syria.expected.md), through every stage."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Article, Event


def _actor_ids(art: Article, pred: Callable[[str, str], bool]) -> set[str]:
    return {a.id for a in art.actors if pred(a.id, a.name.lower())}


def _find(art: Article, plovers: set[str], trigger: str | None = None,
          src: str | None = None, tgt: str | None = None) -> list[Event]:
    out = []
    for e in art.events:
        if e.plover not in plovers:
            continue
        if trigger and (e.trigger is None or trigger not in e.trigger.text.lower()):
            continue
        if src and src not in e.source:
            continue
        if tgt and tgt not in e.target:
            continue
        out.append(e)
    return out


@pytest.fixture(scope="module")
def art(example_article: Article) -> Article:
    return example_article


def test_1_keep_troops_intended(art: Article) -> None:
    [e] = _find(art, {"MOBILIZE"}, "keep")
    assert e.source == ["USA.MIL"]
    assert e.modality == "intended"
    assert e.place is not None


def test_2_calls_to_expel(art: Article) -> None:
    [e] = _find(art, {"REQUEST"}, "call")
    assert {"SYR", "RUS", "IRN"} <= set(e.source)
    assert any(t.startswith("USA") for t in e.target)
    assert e.modality == "asserted"
    # the expulsion is only demanded: the demand is the event, the expulsion no event at the default threshold
    assert _find(art, {"SANCTION"}, "expel") == []


def test_3_dispute_legitimacy(art: Article) -> None:
    evs = _find(art, {"ACCUSE", "REJECT"}, tgt="USA")
    assert any({"RUS", "SYR", "IRN"} <= set(e.source) for e in evs)


def test_4_deployed_hedged(art: Article) -> None:
    [e] = _find(art, {"MOBILIZE"}, "deployed")
    assert e.source == ["USA.MIL"]
    assert e.hedged is True
    assert e.modality == "asserted"


@pytest.mark.parametrize(
    ("plovers", "trigger", "src_name", "tgt_name"),
    [
        ({"AID"}, "assisted", None, "syrian democratic forces"),
        ({"ASSAULT"}, "battling", "syrian democratic forces", "isis"),
    ],
)
def test_5_6_assist_and_battle(art: Article, plovers: set[str], trigger: str, src_name: str | None,
                               tgt_name: str) -> None:
    [e] = _find(art, plovers, trigger)
    tgt = _actor_ids(art, lambda i, n: tgt_name in n or i == tgt_name.upper())
    assert set(e.target) & tgt
    if src_name:
        src = _actor_ids(art, lambda i, n: src_name in n)
        assert set(e.source) & src
    else:
        assert e.source == ["USA.MIL"]


def test_7_offensive(art: Article) -> None:
    [e] = _find(art, {"ASSAULT"}, "offensive")
    assert "SYR.MIL" in e.source and {"RUS", "IRN"} <= {s.split(".")[0] for s in e.source}
    assert "ISIS" in e.target
    assert e.place is not None


def test_8_brokering_peace_talks(art: Article) -> None:
    evs = _find(art, {"CONSULT", "COOPERATE"}, src="RUS")
    assert any({"IRN", "TUR"} <= set(e.source) | set(e.target) for e in evs)


@pytest.mark.parametrize(("src", "trigger"), [("IRN", "supported"), ("TUR", "backed")])
def test_9_iran_turkey_support(art: Article, src: str, trigger: str) -> None:
    [e] = _find(art, {"SUPPORT", "AID"}, trigger)
    assert e.source == [src]
    assert e.target and src not in e.target


def test_10_accusation_and_alleged_support(art: Article) -> None:
    coalition = _actor_ids(art, lambda i, n: "coalition" in n or "COALITION" in i)
    accuse = [e for e in _find(art, {"ACCUSE"}, "accused", src="RUS") if set(e.target) & coalition]
    assert accuse and accuse[0].modality == "asserted"
    support = [e for e in _find(art, {"SUPPORT", "AID"}, "supporting") if set(e.source) & coalition]
    assert support
    assert all(e.modality == "alleged" and e.alleged_by == "RUS" for e in support)


def test_11_us_accuses_russia_of_killing(art: Article) -> None:
    [acc] = _find(art, {"ACCUSE"}, "accused", src="USA", tgt="RUS")
    assert acc.modality == "asserted"
    [kill] = _find(art, {"ASSAULT"}, "killing", src="RUS")
    assert kill.modality == "alleged" and kill.alleged_by == "USA"
    assert kill.target


def test_12_airstrikes(art: Article) -> None:
    [e] = [x for x in _find(art, {"ASSAULT"}, tgt="ISIS") if x.mode == "aerial"]
    assert {"USA.MIL", "RUS.MIL"} <= set(e.source)
    assert e.modality == "asserted"
    assert e.place is not None
    assert e.date == "2017-12-03/2017-12-06"  # "in the past few days"


def test_13_kurds_provide_security(art: Article) -> None:
    [e] = _find(art, {"AID", "COOPERATE"}, "provide")
    kurds = _actor_ids(art, lambda i, n: "kurd" in n)
    assert set(e.source) & kurds
    assert "RUS.MIL" in e.target
    assert e.modality == "announced"
    assert e.date == "2017-12-04"  # "Monday" before publication on 2017-12-06


def test_no_outlet_is_an_event_actor(art: Article) -> None:
    media = {a.id for a in art.actors if a.media}
    for e in art.events:
        assert not (set(e.source) | set(e.target)) & media
    assert not [e for e in art.events if e.trigger is not None and e.trigger.text.lower() in {"reports", "writes",
                                                                                             "adds", "notes"}]


def test_evidence_offsets_and_codes(art: Article) -> None:
    assert len(art.events) >= 13
    for e in art.events:
        assert art.text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.trigger is not None and art.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.goldstein is not None
        assert e.quad_class in {1, 2, 3, 4} if e.plover else e.quad_class is None  # a statement has no type
        assert e.confidence is not None and e.confidence >= 0.5  # the default threshold
        assert e.cameo[:2].isdigit() and e.rule
    assert [e.id for e in art.events] == [f"e{k}" for k in range(1, len(art.events) + 1)]


def test_no_act_not_done_is_an_event(art: Article) -> None:
    """The withdrawal that "would be conditions-based", the offer made "without offering" and the
    expulsion only called for are no events of the example at the default threshold."""
    assert {e.modality for e in art.events} <= {"asserted", "intended", "announced", "alleged"}
