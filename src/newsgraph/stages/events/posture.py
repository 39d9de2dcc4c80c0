"""Missile tests (docs/events.md, twelfth round): a missile or rocket fired or launched into the sea,
with no actor as its target, demonstrates military power (CAMEO 150, PLOVER MOBILIZE); it attacks no one."""

from __future__ import annotations

from ...model import Article, Event
from .cameo import cameo_info, plover_of
from .statements import cue_of

#: Verbs of firing a missile.
LAUNCHING = frozenset({"fire", "launch", "test", "test-fire"})
#: What is fired in a test.
MISSILES = frozenset({"missile", "missiles", "rocket", "rockets"})
#: Waters a test missile falls into.
WATERS = frozenset({"sea", "ocean", "gulf", "waters", "water", "bay"})
#: CAMEO "demonstrate military or police power".
POSTURE = "150"


def missile_tests(article: Article, events: list[Event]) -> None:
    """Recode to ``POSTURE`` an attack (180 or its kin) whose verb fires a missile into the sea and
    whose targets name no actor ("launched a missile into the sea")."""
    info = cameo_info(POSTURE)
    for ev in events:
        if ev.plover != "ASSAULT" or any(not t.startswith("NOUN.") for t in ev.target):
            continue
        cue = cue_of(article, ev)
        if cue is None or cue.lemma_.lower() not in LAUNCHING:
            continue
        if not any(c.dep_ == "dobj" and c.lower_ in MISSILES for c in cue.children):
            continue
        into = [g for c in cue.children if c.dep_ == "prep" and c.lower_ == "into" for g in c.children]
        if not any(g.lower_ in WATERS for g in into):
            continue
        ev.cameo = POSTURE  # type: ignore[assignment]
        ev.plover = plover_of(POSTURE)  # type: ignore[assignment]
        ev.mode = info.mode if info else None
        ev.goldstein = info.goldstein if info else None
        ev.target = []
        ev.features["test"] = 1.0
