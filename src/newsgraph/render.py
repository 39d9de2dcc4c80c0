"""What a reader sees of one extracted article: its summary as plain strings in grids.

Nothing here prints or styles: the CLI lays the grids out for a terminal, a pipe or a file
(``newsgraph.cli.tables``), and shows every string as data, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Article


@dataclass(frozen=True)
class Grid:
    """Rows of strings under named columns. ``wide`` names the free-text columns (evidence,
    quotes) that may fold over several lines; the others are short codes and names."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str | None = None
    wide: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Summary:
    """One article: a title, lines about it, its grids, and closing notes."""

    title: str
    meta: tuple[str, ...]
    grids: tuple[Grid, ...]
    notes: tuple[str, ...]


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
    return next((p.name for p in article.places if p.id == place_id), place_id)


def _meta(article: Article) -> tuple[str, ...]:
    lines = []
    facts = [x for x in (article.source, article.published, article.url, article.input) if x]
    if facts:
        lines.append(" · ".join(facts))
    lines.append(f"{len(article.text.split())} words, id {article.ensure_id()}")
    if article.removed:
        cut = "; ".join(r.text[:60].replace("\n", " / ") for r in article.removed)
        lines.append(f"removed {len(article.removed)} boilerplate block(s): {cut}")
    return tuple(lines)


def _actors(article: Article) -> Grid:
    return Grid(
        ("id", "name", "country", "sector", "kind", "role", "mentions"),
        tuple(
            (a.id, a.name, a.country or "", a.sector or "", a.kind + (" (media)" if a.media else ""),
             a.role or "", str(len(a.mentions)))
            for a in article.actors
        ),
        "Actors",
        frozenset({"name", "kind", "role"}),
    )


def _events(article: Article) -> Grid:
    rows = []
    for e in article.events:
        mod = e.modality + (f" by {_name(article, e.alleged_by)}" if e.alleged_by else "")
        if e.hedged:
            mod += ", hedged"
        where = " ".join(x for x in (_place_name(article, e.place), e.date or "") if x)
        rows.append((
            (e.plover or "—") + (f" ({e.mode})" if e.mode else ""), e.cameo, _names(article, e.source),
            _names(article, e.target), mod, where, " → ".join(e.provenance),
            e.trigger.text if e.trigger else e.evidence.text,
        ))
    return Grid(
        ("type", "cameo", "source", "target", "modality", "where/when", "provenance", "evidence"),
        tuple(rows), "Events", frozenset({"source", "target", "where/when", "provenance", "evidence"}),
    )


def _quotes(article: Article) -> Grid:
    rows = []
    for q in article.quotes:
        speaker = _name(article, q.speaker) if q.speaker else (q.speaker_span.text if q.speaker_span else "—")
        rows.append((q.kind, speaker, q.cue or "", q.via or "", " → ".join(q.provenance), q.text))
    return Grid(("kind", "speaker", "cue", "via", "provenance", "text"), tuple(rows), "Quotes",
                frozenset({"speaker", "provenance", "text"}))


def _numbers(article: Article) -> Grid:
    rows = []
    for n in article.quantities:
        flags = ", ".join(f for f, on in (("approx.", n.approximate), ("hedged", n.hedged)) if on)
        value = f"{n.value:,.0f}" if float(n.value).is_integer() else f"{n.value:,}"
        rows.append((value, n.unit, flags, _name(article, n.holder) if n.holder else "",
                     _place_name(article, n.place), n.date or "", n.evidence.text))
    return Grid(("value", "unit", "flags", "holder", "place", "date", "evidence"), tuple(rows), "Numbers",
                frozenset({"holder", "evidence"}))


def _places(article: Article) -> Grid:
    return Grid(
        ("name", "country", "lat", "lon", "geonameid", "mentions"),
        tuple(
            (p.name, p.country or "", "" if p.lat is None else f"{p.lat:.2f}",
             "" if p.lon is None else f"{p.lon:.2f}", str(p.geonameid or ""),
             ", ".join(sorted({m.text for m in p.mentions})))
            for p in article.places
        ),
        "Places",
        frozenset({"name", "mentions"}),
    )


def _dates(article: Article) -> Grid:
    rows = []
    for d in article.dates:
        rng = f"{d.start} to {d.end}" if d.start and d.end and d.start != d.end else ""
        rows.append((d.text, d.value or "(unresolved)", rng, d.precision))
    return Grid(("text", "value", "range", "precision"), tuple(rows), "Dates", frozenset({"text"}))


def date_note(article: Article) -> str | None:
    """Why dates stayed unresolved, when the reason is the missing publication date."""
    open_dates = [d for d in article.dates if d.value is None]
    if not open_dates or article.published:
        return None
    return (
        f"{len(open_dates)} of {len(article.dates)} date(s) unresolved: relative dates ('Monday', "
        "'last year') count from the publication date, and this article has none (the input gave no "
        "date). Give one with --published YYYY-MM-DD, or a `published` field in JSON Lines."
    )


def _provenance(article: Article) -> list[str]:
    lines = []
    if article.attributions:
        lines.append("Provenance: " + ", ".join(f"{a.source} ({a.cue})" for a in article.attributions))
    if article.sourcing:
        s = article.sourcing
        line = (f"Sourcing: {s.sourced_sentences}/{s.sentences} sentences sourced ({s.share_sourced:.0%}), "
                f"{s.unattributed_assertions} unattributed assertion(s)")
        if s.speakers:
            line += "; speakers: " + ", ".join(f"{k} ×{v}" for k, v in s.speakers.items())
        lines.append(line)
    return lines


def summary(article: Article) -> Summary:
    """Title, actors, events, quotes, numbers, places, dates and provenance of one article."""
    grids = tuple(g for g in (_actors(article), _events(article), _quotes(article), _numbers(article),
                              _places(article), _dates(article)) if g.rows)
    notes = [n for n in (date_note(article),) if n] + _provenance(article)
    return Summary(article.title or "(no title)", _meta(article), grids, tuple(notes))
