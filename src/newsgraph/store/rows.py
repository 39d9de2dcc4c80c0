"""Articles <-> table rows. Each record is stored as typed columns for queries plus its JSON
(without the parts that have their own table, e.g. mentions) so the contract form can be rebuilt
exactly from the tables (:func:`rebuild_output`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from ..model import (
    Actor,
    Article,
    ArticleInfo,
    Attribution,
    DateRef,
    Event,
    Mention,
    Output,
    Place,
    Quantity,
    Quote,
    Removed,
    SourcingProfile,
)

_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def to_day(value: str | None) -> date | None:
    """First calendar day of an ISO date, month (YYYY-MM) or year (YYYY); None otherwise."""
    if not value:
        return None
    m = _DAY.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet: the article's source name, else the host of its URL (without www.)."""
    if source and source.strip():
        return source.strip()
    if url:
        host = urlsplit(url.strip()).hostname or ""
        host = host.removeprefix("www.")
        return host or None
    return None


def resolve_day(value: str | None, dates: Sequence[DateRef], published: date | None) -> date | None:
    """The day of an event/quantity date: a DateRef id or ISO-like string; else publication day."""
    if value:
        for d in dates:
            if d.id and d.id == value:
                return to_day(d.start or d.value) or published
        day = to_day(value)
        if day is not None:
            return day
    return published


def _dump(rec: Any, exclude: set[str] | None = None) -> str:
    return json.dumps(rec.model_dump(mode="json", exclude=exclude), ensure_ascii=False)


def _empty(columns: Sequence[str]) -> dict[str, list[Any]]:
    return {c: [] for c in columns}


COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id",
        "title",
        "url",
        "source",
        "outlet",
        "published",
        "published_day",
        "author",
        "language",
        "input",
        "text",
        "removed",
        "sourcing",
        "stats",
        "schema_version",
        "n_events",
        "n_quotes",
        "n_quantities",
        "ingested_at",
    ),
    "actors": (
        "article_id",
        "ord",
        "actor_id",
        "name",
        "country",
        "sector",
        "kind",
        "role",
        "affiliation",
        "led_by",
        "media",
        "label",
        "known",
        "n_mentions",
        "data",
    ),
    "mentions": ("article_id", "entity", "ref", "ord", "start", "end", "text", "via"),
    "events": (
        "article_id",
        "ord",
        "event_id",
        "plover",
        "mode",
        "cameo",
        "source",
        "target",
        "source1",
        "target1",
        "modality",
        "alleged_by",
        "place",
        "date",
        "day",
        "goldstein",
        "quad_class",
        "hedged",
        "sentence",
        "rule",
        "evidence_start",
        "evidence_end",
        "evidence",
        "cluster_id",
        "data",
    ),
    "quotes": (
        "article_id",
        "ord",
        "quote_id",
        "text",
        "kind",
        "speaker",
        "cue",
        "via",
        "evidence_start",
        "evidence_end",
        "data",
    ),
    "attributions": ("article_id", "ord", "source", "cue", "actor", "scope_start", "scope_end", "data"),
    "quantities": (
        "article_id",
        "ord",
        "quantity_id",
        "value",
        "unit",
        "approximate",
        "hedged",
        "holder",
        "place",
        "date",
        "day",
        "low",
        "high",
        "previous",
        "event",
        "evidence_start",
        "evidence_end",
        "evidence",
        "data",
    ),
    "places": (
        "article_id",
        "ord",
        "place_id",
        "name",
        "country",
        "lat",
        "lon",
        "geonameid",
        "feature",
        "qualifier",
        "n_mentions",
        "data",
    ),
    "dates": ("article_id", "ord", "date_id", "text", "value", "start", "end", "precision", "data"),
}


def article_rows(articles: Iterable[Article]) -> dict[str, dict[str, list[Any]]]:
    """Column lists per table for a batch of extracted articles."""
    t = {name: _empty(cols) for name, cols in COLUMNS.items()}
    now = datetime.now(UTC).replace(tzinfo=None)
    for art in articles:
        aid = art.ensure_id()
        pub = to_day(art.published)
        a = t["articles"]
        for k, v in (
            ("id", aid),
            ("title", art.title),
            ("url", art.url),
            ("source", art.source),
            ("outlet", outlet_of(art.source, art.url)),
            ("published", art.published),
            ("published_day", pub),
            ("author", art.author),
            ("language", art.language),
            ("input", art.input),
            ("text", art.text),
            ("removed", json.dumps([r.model_dump(mode="json") for r in art.removed], ensure_ascii=False)),
            ("sourcing", _dump(art.sourcing) if art.sourcing is not None else None),
            ("stats", json.dumps(art.stats, ensure_ascii=False, default=str)),
            ("schema_version", Output.model_fields["schema_version"].default),
            ("n_events", len(art.events)),
            ("n_quotes", len(art.quotes)),
            ("n_quantities", len(art.quantities)),
            ("ingested_at", now),
        ):
            a[k].append(v)
        _actor_rows(t, aid, art.actors)
        _place_rows(t, aid, art.places)
        for i, e in enumerate(art.events):
            _add(
                t["events"],
                article_id=aid,
                ord=i,
                event_id=e.id,
                plover=e.plover,
                mode=e.mode,
                cameo=e.cameo,
                source=list(e.source),
                target=list(e.target),
                source1=e.source[0] if e.source else None,
                target1=e.target[0] if e.target else None,
                modality=e.modality,
                alleged_by=e.alleged_by,
                place=e.place,
                date=e.date,
                day=resolve_day(e.date, art.dates, pub),
                goldstein=e.goldstein,
                quad_class=e.quad_class,
                hedged=e.hedged,
                sentence=e.sentence,
                rule=e.rule,
                evidence_start=e.evidence.start,
                evidence_end=e.evidence.end,
                evidence=e.evidence.text,
                cluster_id=None,
                data=_dump(e),
            )
        for i, q in enumerate(art.quotes):
            _add(
                t["quotes"],
                article_id=aid,
                ord=i,
                quote_id=q.id,
                text=q.text,
                kind=q.kind,
                speaker=q.speaker,
                cue=q.cue,
                via=q.via,
                evidence_start=q.evidence.start,
                evidence_end=q.evidence.end,
                data=_dump(q),
            )
        for i, at in enumerate(art.attributions):
            _add(
                t["attributions"],
                article_id=aid,
                ord=i,
                source=at.source,
                cue=at.cue,
                actor=at.actor,
                scope_start=at.scope.start,
                scope_end=at.scope.end,
                data=_dump(at),
            )
        for i, n in enumerate(art.quantities):
            _add(
                t["quantities"],
                article_id=aid,
                ord=i,
                quantity_id=n.id,
                value=n.value,
                unit=n.unit,
                approximate=n.approximate,
                hedged=n.hedged,
                holder=n.holder,
                place=n.place,
                date=n.date,
                day=resolve_day(n.date, art.dates, pub),
                low=n.low,
                high=n.high,
                previous=n.previous,
                event=n.event,
                evidence_start=n.evidence.start,
                evidence_end=n.evidence.end,
                evidence=n.evidence.text,
                data=_dump(n),
            )
        for i, d in enumerate(art.dates):
            _add(
                t["dates"],
                article_id=aid,
                ord=i,
                date_id=d.id,
                text=d.text,
                value=d.value,
                start=d.start,
                end=d.end,
                precision=d.precision,
                data=_dump(d),
            )
    return t


def _add(cols: dict[str, list[Any]], **values: Any) -> None:
    for k, v in values.items():
        cols[k].append(v)


def _mentions(
    t: dict[str, dict[str, list[Any]]], aid: str, entity: str, ref: str, mentions: Sequence[Mention]
) -> None:
    for j, m in enumerate(mentions):
        _add(
            t["mentions"],
            article_id=aid,
            entity=entity,
            ref=ref,
            ord=j,
            start=m.start,
            end=m.end,
            text=m.text,
            via=m.via,
        )


def _actor_rows(t: dict[str, dict[str, list[Any]]], aid: str, actors: Sequence[Actor]) -> None:
    for i, ac in enumerate(actors):
        _add(
            t["actors"],
            article_id=aid,
            ord=i,
            actor_id=ac.id,
            name=ac.name,
            country=ac.country,
            sector=ac.sector,
            kind=ac.kind,
            role=ac.role,
            affiliation=ac.affiliation,
            led_by=ac.led_by,
            media=ac.media,
            label=ac.label,
            known=ac.known,
            n_mentions=len(ac.mentions),
            data=_dump(ac, {"mentions"}),
        )
        _mentions(t, aid, "actor", f"{i}", ac.mentions)


def _place_rows(t: dict[str, dict[str, list[Any]]], aid: str, places: Sequence[Place]) -> None:
    for i, p in enumerate(places):
        _add(
            t["places"],
            article_id=aid,
            ord=i,
            place_id=p.id,
            name=p.name,
            country=p.country,
            lat=p.lat,
            lon=p.lon,
            geonameid=p.geonameid,
            feature=p.feature,
            qualifier=p.qualifier,
            n_mentions=len(p.mentions),
            data=_dump(p, {"mentions"}),
        )
        _mentions(t, aid, "place", f"{i}", p.mentions)


def rebuild_output(article: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> Output:
    """The contract record of one stored article from its row and its child rows (in ``ord`` order).

    ``children['mentions']`` rows carry ``entity`` ('actor'|'place') and ``ref`` (the record's ord).
    """
    ment: dict[tuple[str, str], list[Mention]] = {}
    for m in children.get("mentions", []):
        ment.setdefault((m["entity"], m["ref"]), []).append(
            Mention(start=m["start"], end=m["end"], text=m["text"], via=m["via"])
        )
    actors = []
    for r in children.get("actors", []):
        ac = Actor.model_validate_json(r["data"])
        ac.mentions = ment.get(("actor", str(r["ord"])), [])
        actors.append(ac)
    places = []
    for r in children.get("places", []):
        p = Place.model_validate_json(r["data"])
        p.mentions = ment.get(("place", str(r["ord"])), [])
        places.append(p)
    sourcing = article.get("sourcing")
    return Output(
        schema_version=article.get("schema_version") or Output.model_fields["schema_version"].default,
        article=ArticleInfo(
            id=article["id"],
            title=article["title"],
            text=article["text"],
            url=article["url"],
            source=article["source"],
            published=article["published"],
            removed=[Removed.model_validate(x) for x in json.loads(article["removed"] or "[]")],
            author=article["author"],
            input=article["input"],
            language=article["language"],
        ),
        actors=actors,
        events=[Event.model_validate_json(r["data"]) for r in children.get("events", [])],
        quotes=[Quote.model_validate_json(r["data"]) for r in children.get("quotes", [])],
        attributions=[Attribution.model_validate_json(r["data"]) for r in children.get("attributions", [])],
        quantities=[Quantity.model_validate_json(r["data"]) for r in children.get("quantities", [])],
        places=places,
        dates=[DateRef.model_validate_json(r["data"]) for r in children.get("dates", [])],
        sourcing=SourcingProfile.model_validate_json(sourcing) if sourcing else None,
        stats=json.loads(article["stats"] or "{}"),
    )


def output_to_article(out: Output) -> Article:
    """An Article carrying the records of a contract Output (e.g. read back from JSONL)."""
    info = out.article
    return Article(
        text=info.text,
        title=info.title,
        url=info.url,
        source=info.source,
        published=info.published,
        author=info.author,
        language=info.language,
        input=info.input,
        id=info.id,
        removed=info.removed,
        actors=out.actors,
        events=out.events,
        quotes=out.quotes,
        attributions=out.attributions,
        quantities=out.quantities,
        places=out.places,
        dates=out.dates,
        sourcing=out.sourcing,
        stats=out.stats,
    )
