"""Articles <-> table rows, generated from the table specs of :mod:`newsgraph.store.schema`.

Each record is stored as typed columns for queries plus its JSON (without the parts that have
their own table, e.g. mentions) so the contract form can be rebuilt exactly from the tables
(:func:`rebuild_output`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from ..model import Article, ArticleInfo, Mention, Output
from .schema import ARTICLES, MENTIONS, RECORD_TABLES, RowContext, TableSpec
from .values import to_day

#: Column lists per table, as :func:`article_rows` returns them.
Rows = dict[str, dict[str, list[Any]]]

#: Child record tables in the order their records appear on the article.
CHILD_SPECS: tuple[TableSpec, ...] = tuple(s for s in RECORD_TABLES if s.source is not None)

#: table -> its column names (record tables only).
COLUMNS: dict[str, tuple[str, ...]] = {s.name: s.column_names for s in RECORD_TABLES}


def article_rows(articles: Iterable[Article]) -> Rows:
    """Column lists per table for a batch of extracted articles."""
    rows: Rows = {s.name: {c: [] for c in s.column_names} for s in RECORD_TABLES}
    now = datetime.now(UTC).replace(tzinfo=None)
    for art in articles:
        ctx = RowContext(
            article_id=art.ensure_id(), published_day=to_day(art.published), dates=art.dates, now=now
        )
        add_row(rows, ARTICLES, art, ctx)
        for spec in CHILD_SPECS:
            add_records(rows, spec, getattr(art, spec.source or ""), ctx)
    return rows


def add_records(rows: Rows, spec: TableSpec, records: Iterable[Any], ctx: RowContext) -> None:
    """One row per record, ``ord`` = its position; nested mentions go to the mentions table."""
    for i, rec in enumerate(records):
        add_row(rows, spec, rec, replace(ctx, ord=i))
        if "mentions" in spec.nested:
            entity = "actor" if spec.name == "actors" else "place"
            for j, m in enumerate(rec.mentions):
                add_row(rows, MENTIONS, m, replace(ctx, ord=j, entity=entity, ref=f"{i}"))


def add_row(rows: Rows, spec: TableSpec, record: Any, ctx: RowContext) -> None:
    cols = rows[spec.name]
    for name, value in spec.row(record, ctx).items():
        cols[name].append(value)


def rebuild_output(article: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> Output:
    """The contract record of one stored article from its row and its child rows (in ``ord`` order).

    ``children['mentions']`` rows carry ``entity`` ('actor'|'place') and ``ref`` (the record's ord).
    """
    mentions: dict[tuple[str, str], list[Mention]] = {}
    for m in children.get("mentions", []):
        mentions.setdefault((m["entity"], m["ref"]), []).append(
            Mention(start=m["start"], end=m["end"], text=m["text"], via=m["via"])
        )
    records: dict[str, list[Any]] = {}
    for spec in CHILD_SPECS:
        assert spec.record is not None and spec.source is not None
        out = records.setdefault(spec.source, [])
        for r in children.get(spec.name, []):
            rec = spec.record.model_validate_json(r["data"])
            if "mentions" in spec.nested:
                entity = "actor" if spec.name == "actors" else "place"
                rec.mentions = mentions.get((entity, str(r["ord"])), [])  # type: ignore[attr-defined]
            out.append(rec)
    sourcing = article.get("sourcing")
    return Output.model_validate(
        {
            "schema_version": article.get("schema_version") or Output.model_fields["schema_version"].default,
            "article": article_info(article),
            **records,
            "sourcing": json.loads(sourcing) if sourcing else None,
            "stats": json.loads(article["stats"] or "{}"),
        }
    )


def article_info(article: dict[str, Any]) -> ArticleInfo:
    """The ``article`` part of the contract from an articles row (JSON columns decoded)."""
    json_cols = {c.name for c in ARTICLES.columns if c.base_type == "JSON"}
    values: dict[str, Any] = {}
    for name in ArticleInfo.model_fields:
        if name not in article:
            continue
        v = article[name]
        values[name] = json.loads(v) if name in json_cols and v is not None else v
    values["removed"] = values.get("removed") or []
    return ArticleInfo.model_validate(values)


def output_to_article(out: Output) -> Article:
    """An Article carrying the records of a contract Output (e.g. read back from JSONL)."""
    info = out.article.model_dump(exclude={"removed"})
    return Article(
        **info,
        removed=out.article.removed,
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
