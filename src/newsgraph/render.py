"""Readable summary of one extracted article (Rich renderables; the CLI prints them)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import Article


def _name(article: Article, actor_id: str | None) -> str:
    if actor_id is None:
        return "—"
    actor = article.actor(actor_id)
    return actor.name if actor else actor_id


def _names(article: Article, ids: list[str]) -> str:
    return ", ".join(_name(article, i) for i in ids) or "—"


def _place_name(article: Article, place_id: str | None) -> str:
    if place_id is None:
        return ""
    for p in article.places:
        if p.id == place_id:
            return p.name
    return place_id


def summary(article: Article) -> RenderableType:
    """Title, actors, events, quotes, numbers, places, provenance — one block per article."""
    parts: list[RenderableType] = []
    head = Text()
    head.append(article.title or "(no title)", style="bold")
    meta = [x for x in (article.source, article.published, article.url, article.input) if x]
    if meta:
        head.append("\n" + " · ".join(meta), style="dim")
    head.append(f"\n{len(article.text.split())} words, id {article.ensure_id()}", style="dim")
    if article.removed:
        head.append(f"\nremoved {len(article.removed)} boilerplate block(s): ", style="dim")
        head.append("; ".join(r.text[:60].replace("\n", " / ") for r in article.removed), style="dim")
    parts.append(head)

    if article.actors:
        t = Table(title="Actors", title_justify="left", expand=False)
        for col in ("id", "name", "country", "sector", "kind", "role", "mentions"):
            t.add_column(col)
        for a in article.actors:
            t.add_row(
                a.id, a.name, a.country or "", a.sector or "", a.kind + (" (media)" if a.media else ""),
                a.role or "", str(len(a.mentions)),
            )
        parts.append(t)

    if article.events:
        t = Table(title="Events", title_justify="left")
        for col in ("type", "cameo", "source", "target", "modality", "where/when", "provenance", "evidence"):
            t.add_column(col)
        for e in article.events:
            mod = e.modality + (f" by {_name(article, e.alleged_by)}" if e.alleged_by else "")
            if e.hedged:
                mod += ", hedged"
            where = " ".join(x for x in (_place_name(article, e.place), e.date or "") if x)
            t.add_row(
                e.plover + (f" ({e.mode})" if e.mode else ""), e.cameo, _names(article, e.source),
                _names(article, e.target), mod, where, " → ".join(e.provenance),
                (e.trigger.text if e.trigger else e.evidence.text[:50]),
            )
        parts.append(t)

    if article.quotes:
        t = Table(title="Quotes", title_justify="left")
        for col in ("kind", "speaker", "cue", "via", "provenance", "text"):
            t.add_column(col)
        for q in article.quotes:
            text = q.text if len(q.text) <= 90 else q.text[:87] + "…"
            speaker = _name(article, q.speaker) if q.speaker else (q.speaker_span.text if q.speaker_span else "—")
            t.add_row(q.kind, speaker, q.cue or "", q.via or "", " → ".join(q.provenance), text)
        parts.append(t)

    if article.quantities:
        t = Table(title="Numbers", title_justify="left")
        for col in ("value", "unit", "flags", "holder", "place", "date", "evidence"):
            t.add_column(col)
        for n in article.quantities:
            flags = ", ".join(f for f, on in (("approx.", n.approximate), ("hedged", n.hedged)) if on)
            value = f"{n.value:,.0f}" if float(n.value).is_integer() else f"{n.value:,}"
            t.add_row(value, n.unit, flags, _name(article, n.holder) if n.holder else "",
                      _place_name(article, n.place), n.date or "", n.evidence.text[:60])
        parts.append(t)

    if article.places:
        t = Table(title="Places", title_justify="left")
        for col in ("name", "country", "lat", "lon", "geonameid", "mentions"):
            t.add_column(col)
        for p in article.places:
            t.add_row(
                p.name, p.country or "", "" if p.lat is None else f"{p.lat:.2f}",
                "" if p.lon is None else f"{p.lon:.2f}", str(p.geonameid or ""),
                ", ".join(sorted({m.text for m in p.mentions})),
            )
        parts.append(t)

    if article.dates:
        t = Table(title="Dates", title_justify="left")
        for col in ("text", "value", "range", "precision"):
            t.add_column(col)
        for d in article.dates:
            rng = f"{d.start} … {d.end}" if d.start and d.end and d.start != d.end else ""
            t.add_row(d.text, d.value or "(unresolved)", rng, d.precision)
        parts.append(t)

    if article.attributions or article.sourcing:
        prov = Text()
        if article.attributions:
            cites = ", ".join(f"{a.source} ({a.cue})" for a in article.attributions)
            prov.append("Provenance: ", style="bold")
            prov.append(cites)
        if article.sourcing:
            s = article.sourcing
            prov.append(
                f"\nSourcing: {s.sourced_sentences}/{s.sentences} sentences sourced "
                f"({s.share_sourced:.0%}), {s.unattributed_assertions} unattributed assertion(s)"
            )
            if s.speakers:
                prov.append("; speakers: " + ", ".join(f"{k} ×{v}" for k, v in s.speakers.items()))
        parts.append(prov)
    return Panel(Group(*parts), expand=True)
