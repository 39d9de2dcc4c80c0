"""PETRARCH2 unit-test records scored with their own dictionaries (used by benchmarks/events.py).

Actors come from the actors stage loaded with the records' actor/agent dictionaries
(config actors.petrarch_actors / petrarch_agents); verbs from the records' verb dictionary
only (the shipped lexicon is switched off). A record is coded exactly when the set of
(source, target, code) triples produced equals the expected set.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsgraph.config import default_config
from newsgraph.stages.actors import load_petrarch_agents
from newsgraph.stages.actors.lexicon import norm
from newsgraph.stages.events import EventStage
from newsgraph.stages.events.lexicon import build_lexicon


def _code(ref: str, art: Any = None, agents: dict[str, Any] | None = None) -> str:
    """Our actor id in PETRARCH form: "DAG.GOV" -> "DAGGOV"; a generic actor ("NOUN.senior_official")
    named by a noun of the loaded PETRARCH agent dictionary -> "---" + the agent code ("---GOV", as
    PETRARCH codes an agent without an actor); other unknown or unresolved ones -> "---"."""
    if not ref:
        return "---"
    flat = ref.replace(".", "")
    if flat.replace("/", "").isalnum() and flat.isupper():
        return flat
    if agents and art is not None and ref.startswith("NOUN."):
        actor = art.actor(ref)
        words = norm(actor.name if actor is not None else ref[5:].replace("_", " ")).split()
        spans = sorted(((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)),
                       key=lambda x: (x[0] - x[1], x[0]))
        for i, j in spans:  # the longest agent phrase in the name ("official" of "official news agency")
            agent = agents.get(" ".join(words[i:j]))
            if agent is not None and agent.code:
                return "---" + agent.code
    return "---"


def _split(code: str) -> list[str]:
    """PETRARCH's "FRO/BIL/SAM": an actor coded as several actors (a compound)."""
    return code.split("/") if "/" in code else [code]


def pairs(sources: list[str], targets: list[str], code: str, art: Any = None,
          agents: dict[str, Any] | None = None) -> set[tuple[str, str, str]]:
    """PETRARCH's codings of one event: one per (source, target) pair; a compound source without
    a target codes each member against the others ("X and Y renewed ties"); no source, no coding;
    only CAMEO codes count (PETRARCH's "---", "+++" and "025?" code nothing)."""
    if not re.fullmatch(r"\d{2,4}[A-Z]?", code):  # "174K": a dictionary's variant of CAMEO 174
        return set()
    src = [c for c in dict.fromkeys(x for s in sources for x in _split(_code(s, art, agents))) if c != "---"]
    tgt = [c for c in dict.fromkeys(x for t in targets for x in _split(_code(t, art, agents))) if c != "---"]
    if not src:
        return set()
    if not tgt and len(src) > 1:
        return {(s, t, code) for s in src for t in src if s != t}
    return {(s, t, code) for s in src for t in (tgt or ["---"]) if s != t}


def records(folder: Path) -> list[dict[str, Any]]:
    root = ET.parse(folder / "PETR.UnitTest.records.xml").getroot()
    out = []
    for s in root.iter("Sentence"):
        text = re.sub(r"\s+", " ", (s.findtext("Text") or "")).strip()
        if not text:
            continue
        codings = {(c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
                   for c in s.findall("EventCoding") if c.get("eventcode")}
        raw_date = s.get("date") or ""
        date = f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}" if re.fullmatch(r"\d{8}", raw_date) else None
        out.append({"id": s.get("id"), "text": text, "codings": codings, "published": date,
                    "noevents": any(c.get("noevents") for c in s.findall("EventCoding"))})
    return out


def run_petrarch_tests(folder: Path, limit: int | None, build_pipeline: Callable[[Any], Any],
                       run_articles: Callable[..., list[Any]]) -> dict[str, Any]:
    recs = records(folder)[:limit] if limit else records(folder)
    cfg = default_config().model_copy(deep=True)
    cfg.actors.petrarch_actors = [str(folder / "PETR.Validate.actors.txt")]
    cfg.actors.petrarch_agents = [str(folder / "PETR.Validate.agents.txt")]
    cfg.events.petrarch_verbs = [str(folder / "PETR.Validate.verbs.txt")]  # their verbs are triage cues too
    p = build_pipeline(cfg)
    lex = build_lexicon(petrarch_verbs=[str(folder / "PETR.Validate.verbs.txt")], builtin=False,
                        petrarch_discards=[str(folder / "PETR.Validate.discards.txt")])
    stage = EventStage(lex)
    agents = load_petrarch_agents(str(folder / "PETR.Validate.agents.txt"))
    arts = run_articles(p, [r["text"] for r in recs], keep_segments=True,
                        published=[r["published"] for r in recs])
    exact = 0
    found = total = 0
    per_record: list[tuple[bool, int, int]] = []
    for rec, art in zip(recs, arts):
        got: set[tuple[str, str, str]] = set()
        for seg in art.segments:
            if not seg.parsed:
                continue
            for hit in stage.coder.hits(art, seg):
                coded = pairs(hit.source, hit.target, hit.cameo, art, agents)
                got |= coded
                if hit.reverse:  # PETRARCH's "[032:033]": the reverse direction has its own code
                    got |= {(t, s, hit.reverse) for s, t, _c in coded if t != "---"}
        want = rec["codings"]
        exact += got == want
        found += len(got & want)
        total += len(want)
        per_record.append((got == want, len(got & want), len(want)))
    return {"n": len(recs), "exact": exact / len(recs) if recs else 0.0,
            "coding_recall": found / total if total else 0.0, "records": per_record}
