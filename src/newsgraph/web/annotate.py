"""The article page's highlighted text: the article split into plain pieces, each carrying its marks.

Entity marks (event triggers, quantities, actors, places, dates, source cues) never overlap: where
two candidates overlap, the one of the higher kind wins (events, then quantities, actors, places,
dates, sources), and within a kind the longer one. Quotes are ranges under the marks. The pieces
hold plain text; the template escapes it (article text is never rendered as HTML).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Output

#: Mark kinds by priority (first wins an overlap).
KINDS = ("event", "quantity", "actor", "place", "date", "source")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    ann: str  # the id of the annotation in the page's detail table
    label: str


@dataclass
class Piece:
    text: str
    mark: Mark | None = None
    ranges: list[str] = field(default_factory=list)


def fmt_number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def candidate_marks(out: Output) -> list[Mark]:
    marks: list[Mark] = []
    for ev in out.events:
        if ev.trigger is not None:
            marks.append(Mark(ev.trigger.start, ev.trigger.end, "event", ev.id, ev.plover or ev.cameo))
    for n in out.quantities:
        marks.append(Mark(n.evidence.start, n.evidence.end, "quantity", n.id, n.unit))
    for ac in out.actors:
        for m in ac.mentions:
            marks.append(Mark(m.start, m.end, "actor", f"actor:{ac.id}", ac.id))
    for p in out.places:
        for m in p.mentions:
            marks.append(Mark(m.start, m.end, "place", f"place:{p.id}", p.country or "LOC"))
    for d in out.dates:
        marks.append(Mark(d.evidence.start, d.evidence.end, "date", d.id, d.value or "DATE"))
    for i, at in enumerate(out.attributions, 1):
        if at.evidence is not None:
            marks.append(Mark(at.evidence.start, at.evidence.end, "source", f"src{i}", "SOURCE"))
    return marks


def select_marks(marks: list[Mark], length: int) -> list[Mark]:
    """Non-overlapping marks inside the text, by kind priority then length; in text order."""
    rank = {k: i for i, k in enumerate(KINDS)}
    chosen: list[Mark] = []
    for m in sorted(marks, key=lambda m: (rank[m.kind], m.start - m.end, m.start)):
        if not (0 <= m.start < m.end <= length):
            continue
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def quote_ranges(out: Output, length: int) -> list[tuple[int, int, str]]:
    return [
        (q.evidence.start, q.evidence.end, q.id)
        for q in out.quotes
        if 0 <= q.evidence.start < q.evidence.end <= length
    ]


def pieces(out: Output) -> list[Piece]:
    """The article text cut at every mark and quote boundary."""
    text = out.article.text
    marks = select_marks(candidate_marks(out), len(text))
    ranges = quote_ranges(out, len(text))
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    for s, e, _ in ranges:
        cuts.update((s, e))
    by_start = {m.start: m for m in marks}
    result: list[Piece] = []
    points = sorted(cuts)
    i = 0
    while i < len(points) - 1:
        start = points[i]
        mark = by_start.get(start)
        end = mark.end if mark else points[i + 1]
        inside = [rid for s, e, rid in ranges if s <= start and end <= e]
        result.append(Piece(text[start:end], mark, inside))
        i = points.index(end)
    return result


def details(out: Output, extras: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """annotation id -> what the hover card shows (plain values; the page escapes them)."""
    names = {a.id: a.name for a in out.actors}
    places = {p.id: p.name for p in out.places}
    clusters = extras.get("clusters", {})

    def who(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "—"

    table: dict[str, dict[str, Any]] = {}
    for ev in out.events:
        conf = getattr(ev, "confidence", None)
        table[ev.id] = {
            "kind": "event", "title": f"{ev.plover or ev.cameo}" + (f" ({ev.mode})" if ev.mode else ""),
            "type": ev.plover, "mode": ev.mode, "cameo": ev.cameo, "modality": ev.modality,
            "confidence": conf if conf is not None else "not recorded", "rule": ev.rule, "source": who(ev.source), "target": who(ev.target),
            "place": places.get(ev.place or "", ev.place), "date": ev.date, "quad_class": ev.quad_class,
            "goldstein": ev.goldstein, "provenance": " → ".join(ev.provenance),
            "cluster_articles": (clusters.get(ev.id) or {}).get("n_articles"),
        }
    for n in out.quantities:
        table[n.id] = {
            "kind": "quantity", "title": f"{fmt_number(n.value)} {n.unit}", "approximate": n.approximate,
            "hedged": n.hedged, "holder": names.get(n.holder or "", n.holder), "place": places.get(n.place or "", n.place),
            "event": n.event, "provenance": " → ".join(n.provenance),
        }
    for ac in out.actors:
        table[f"actor:{ac.id}"] = {
            "kind": "actor", "title": ac.name, "id": ac.id, "type": ac.kind, "country": ac.country,
            "sector": ac.sector, "role": ac.role, "known": ac.known, "mentions": len(ac.mentions),
        }
    for p in out.places:
        table[f"place:{p.id}"] = {
            "kind": "place", "title": p.name, "id": p.id, "country": p.country, "feature": p.feature,
            "lat": p.lat, "lon": p.lon,
        }
    for d in out.dates:
        table[d.id] = {"kind": "date", "title": d.text, "value": d.value, "precision": d.precision,
                       "range": f"{d.start} – {d.end}" if d.start and d.end else None}
    for q in out.quotes:
        table[q.id] = {
            "kind": "quote", "title": f"{q.kind} quote", "speaker": names.get(q.speaker or "", q.speaker),
            "cue": q.cue, "provenance": " → ".join(q.provenance), "flags": ", ".join(q.flags) or None,
        }
    for i, at in enumerate(out.attributions, 1):
        table[f"src{i}"] = {"kind": "source", "title": at.source, "cue": at.cue, "actor": at.actor}
    return table
