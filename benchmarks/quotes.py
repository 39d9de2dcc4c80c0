"""Quotes benchmark: newsgraph beside textacy's ``direct_quotations`` on the same spaCy model.

Data: ``../shared/gold/textacy_quote_tests`` (15 cases; speaker, cue and content exact match, or the
flat list of speaker tokens) and the example article (its one direct quote: speaker Eric Pahon, cue
"told", the two-sentence content). Run ``python benchmarks/quotes.py [--limit N]``; prints a table.
textacy is optional: without it only newsgraph's column is filled.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# run as a script, this folder is sys.path[0]: keep its modules from shadowing the stdlib (numbers.py)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
EXAMPLE = ROOT / "src" / "newsgraph" / "data" / "examples" / "us-troops-syria.txt"

Triple = tuple[tuple[str, ...], tuple[str, ...], str]  # speaker tokens, cue tokens, content


def gold_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_GOLD")
    return Path(env) if env else ROOT.parent / "shared" / "gold"


def load_cases(limit: int | None = None) -> list[dict[str, Any]]:
    path = gold_dir() / "textacy_quote_tests" / "textacy_direct_quotation_cases.json"
    cases: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
    return cases[:limit] if limit else cases


def newsgraph_triples(pipeline: Any, text: str) -> list[Triple]:
    """Quotes with quote marks (direct and partial) as (speaker tokens, cue tokens, content)."""
    art = pipeline.extract_text(text)
    out: list[Triple] = []
    for q in art.quotes:
        if q.kind == "indirect":
            continue
        speaker = tuple(q.speaker_span.text.split()) if q.speaker_span else ()
        cue = tuple((q.cue or "").split())
        out.append((speaker, cue, q.evidence.text))
    return out


def textacy_triples(nlp: Any, text: str) -> list[Triple]:
    from textacy.extract.triples import direct_quotations

    doc = nlp(text)
    try:
        found = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on unbalanced quote marks
        return []
    return [(tuple(t.text for t in q.speaker), tuple(t.text for t in q.cue), q.content.text) for q in found]


@dataclass
class Score:
    cases: int = 0
    cases_right: int = 0
    quotes: int = 0
    triples: int = 0
    speaker: int = 0
    cue: int = 0
    content: int = 0
    false_quotes: int = 0
    wrong: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        return {
            "cases right": self.cases_right / (self.cases or 1),
            "speaker": self.speaker / (self.quotes or 1),
            "cue": self.cue / (self.triples or 1),
            "content": self.content / (self.triples or 1),
            "false quotes": float(self.false_quotes),
        }


def _score_case(case: dict[str, Any], got: list[Triple], score: Score) -> None:
    score.cases += 1
    ok = True
    if "expected_quotes" in case:
        exp: list[Triple] = [
            (tuple(e["speaker_tokens"]), tuple(e["cue_tokens"]), e["content"]) for e in case["expected_quotes"]
        ]
        unmatched = list(got)
        for e in exp:
            score.quotes += 1
            score.triples += 1
            same = [g for g in unmatched if g[2] == e[2]]
            g = same[0] if same else None
            if g is not None:
                unmatched.remove(g)
                score.content += 1
                score.speaker += g[0] == e[0]
                score.cue += g[1] == e[1]
            ok = ok and g == e
        score.false_quotes += len(unmatched)
        ok = ok and not unmatched
    else:
        flat = [t for g in got for t in g[0]]
        expected = list(case["expected_speaker_tokens_flat"])
        score.quotes += 1
        score.speaker += flat == expected
        ok = flat == expected
    score.cases_right += ok
    if not ok:
        score.wrong.append(case["text"][:60].replace("\n", " "))


def _score_example(got: list[Triple], score: Score) -> None:
    """The example's direct quote (us-troops-syria.expected.md): Eric Pahon, "told", both sentences."""
    score.cases += 1
    score.quotes += 1
    score.triples += 1
    direct = [g for g in got if g[2].startswith("“We are going") and g[2].rstrip().endswith("attacks,”")]
    g = direct[0] if direct else None
    if g is not None:
        score.content += 1
        score.speaker += g[0][-2:] == ("Eric", "Pahon")
        score.cue += g[1] == ("told",)
    others = [x for x in got if x is not g and len(x[2].split()) > 3]  # only the one full quotation
    score.false_quotes += len(others)
    ok = g is not None and g[0][-2:] == ("Eric", "Pahon") and g[1] == ("told",) and not others
    score.cases_right += ok
    if not ok:
        score.wrong.append("example article")


def example_checklist(pipeline: Any) -> dict[str, bool]:
    """The "Quotes and provenance" items of us-troops-syria.expected.md, each found or not."""
    art = pipeline.extract_text(EXAMPLE.read_text("utf-8"), published="2017-12-06")
    qs = art.quotes
    direct = [q for q in qs if q.kind == "direct"]
    pahon = [q for q in qs if q.cue == "according to"]
    russia = [q for q in qs if q.cue == "accused" and q.kind == "partial"]
    return {
        "direct quote: Eric Pahon, told, via AFP": len(direct) == 1 and direct[0].cue == "told"
        and direct[0].via == "AFP" and (direct[0].provenance or [""])[-1] == "Eric Pahon",
        "indirect: the Pentagon claims": any(
            q.kind == "indirect" and q.cue == "claims" and q.speaker_span is not None
            and q.speaker_span.text.endswith("Pentagon") for q in qs),
        "indirect + partial “conditions-based”: Pahon": sorted(q.kind for q in pahon) == ["indirect", "partial"]
        and all(q.provenance[-1:] == ["Eric Pahon"] for q in pahon),
        "Newsweek reports/writes/adds/notes": [(a.source, a.cue) for a in art.attributions]
        == [("Newsweek", c) for c in ("reports", "writes", "adds", "notes")],
        "quote provenance Newsweek > AFP > Eric Pahon": bool(direct)
        and direct[0].provenance == ["Newsweek", "AFP", "Eric Pahon"],
        "“terrorism”, “extremist groups”: Russia's partial quotes": sorted(q.text for q in russia)
        == ["extremist groups", "terrorism"],
    }


def run(
    limit: int | None = None, with_textacy: bool = True, pipeline: Any = None
) -> dict[str, dict[str, float]]:
    """Scores per system: {"newsgraph": {...}, "textacy": {...}}; textacy absent -> newsgraph only."""
    from newsgraph.nlp import load_model
    from newsgraph.pipeline import Pipeline

    pipeline = pipeline or Pipeline.from_config()
    systems: dict[str, Callable[[str], list[Triple]]] = {"newsgraph": lambda t: newsgraph_triples(pipeline, t)}
    if with_textacy:
        try:
            import textacy.extract.triples  # noqa: F401
        except ImportError:
            pass
        else:
            nlp = load_model(pipeline.config.nlp.model)
            systems["textacy"] = lambda t: textacy_triples(nlp, t)
    cases = load_cases(limit)
    example = EXAMPLE.read_text("utf-8")
    out: dict[str, dict[str, float]] = {}
    for name, fn in systems.items():
        gold, ex = Score(), Score()
        for case in cases:
            _score_case(case, fn(case["text"]), gold)
        _score_example(fn(example), ex)
        out[name] = {**{f"gold {k}": v for k, v in gold.row().items()},
                     **{f"example {k}": v for k, v in ex.row().items()}}
        out[name]["_wrong"] = gold.wrong + ex.wrong  # type: ignore[assignment]
        if name == "newsgraph":
            checks = example_checklist(pipeline)
            out[name]["example expected.md items"] = sum(checks.values()) / len(checks)
            out[name]["_wrong"] += [f"example: {k}" for k, v in checks.items() if not v]  # type: ignore[operator]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--limit", type=int, default=None, help="first N gold cases only")
    ap.add_argument("--no-textacy", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.limit, with_textacy=not args.no_textacy)
    names = list(res)
    metrics = [k for k in res[names[0]] if not k.startswith("_")]
    print(f"{'metric':<28}" + "".join(f"{n:>12}" for n in names))
    metrics += [k for n in names for k in res[n] if not k.startswith("_") and k not in metrics]
    for m in metrics:
        cells = "".join(
            f"{'-':>12}" if m not in res[n] else
            f"{res[n][m]:>12.0f}" if m.endswith("false quotes") else f"{res[n][m]:>12.3f}" for n in names
        )
        print(f"{m:<28}{cells}")
    if "textacy" not in res:
        print("(textacy not installed or --no-textacy: newsgraph only)")
    for n in names:
        wrong = res[n]["_wrong"]
        if wrong:
            print(f"\n{n} wrong on:")
            for w in wrong:  # type: ignore[attr-defined]
                print(f"  - {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
