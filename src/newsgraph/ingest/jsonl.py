"""JSON Lines reader: one object per line with ``text`` or ``html``; bad lines are reported, the rest yield."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import (
    DuplicateRecordError,
    EmptyInputError,
    InputTooLargeError,
    MalformedRecordError,
    NewsgraphError,
)
from ..model import Article, ReadFailure
from .common import ReadOptions, failure, normalise_date, validate_published
from .html import html_article
from .text import text_article

FIELDS = ("text", "html", "title", "url", "published", "source", "id", "author", "language")


def _str_field(obj: dict[str, Any], key: str, where: str) -> str | None:
    v = obj.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise MalformedRecordError(f"field '{key}' must be a string, not {type(v).__name__}", input=where)
    return v.strip() or None


def record_id(obj: dict[str, Any], where: str) -> str | None:
    """The record's own ``id`` (a string or an integer) as a string; None when it has none."""
    v = obj.get("id")
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (str, int)):
        raise MalformedRecordError(
            f"field 'id' must be a string or an integer, not {type(v).__name__}", input=where
        )
    return str(v).strip() or None


def record_article(obj: Any, where: str, opts: ReadOptions) -> Article:
    """An Article from one decoded JSON record."""
    if not isinstance(obj, dict):
        raise MalformedRecordError(f"expected a JSON object, got {type(obj).__name__}", input=where)
    text = _str_field(obj, "text", where)
    html = _str_field(obj, "html", where)
    if text is None and html is None:
        if any(isinstance(obj.get(k), str) for k in ("text", "html")):
            raise EmptyInputError("the record's text is empty", input=where)
        raise MalformedRecordError("the record has no 'text' or 'html' field", input=where)
    title = _str_field(obj, "title", where)
    url = _str_field(obj, "url", where)
    source = _str_field(obj, "source", where)
    raw_pub = _str_field(obj, "published", where)
    published = None
    if raw_pub is not None:
        published = normalise_date(raw_pub)
        if published is None:
            validate_published(raw_pub, input=where)  # raises InvalidValueError naming the line
    if text is not None:
        art = text_article(text, where, opts, title=title, url=url, source=source, published=published,
                           author=_str_field(obj, "author", where),
                           language=_str_field(obj, "language", where), find_title=title is None)
    else:
        assert html is not None
        art = html_article(html, where, opts, url=url, title=title, published=published, source=source)
    art.record_id = record_id(obj, where)
    return art


def read_jsonl_lines(lines: Iterable[bytes], name: str, opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    """Articles from JSON Lines, one per non-blank line; a bad line yields a failure naming it.

    A record whose ``id`` an earlier line of the same input already used fails with
    :class:`DuplicateRecordError` naming both lines.
    """
    any_line = False
    ids: dict[str, int] = {}
    for n, raw in enumerate(lines, start=1):
        where = f"{name}:{n}"
        if not raw.strip():
            continue
        any_line = True
        try:
            if len(raw) > opts.max_bytes:
                raise InputTooLargeError(
                    f"line of {len(raw):,} bytes is over the limit of {opts.max_bytes:,} bytes", input=where,
                )
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise MalformedRecordError("line is not valid UTF-8", input=where,
                                           hint="JSON Lines files must be UTF-8") from None
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedRecordError(f"line {n} is not valid JSON: {exc.msg}", input=where) from None
            rid = record_id(obj, where) if isinstance(obj, dict) else None
            if rid is not None:
                if rid in ids:
                    raise DuplicateRecordError(
                        f"line {n} repeats the id '{rid}' of line {ids[rid]}", input=where
                    )
                ids[rid] = n
            yield record_article(obj, where, opts)
        except NewsgraphError as exc:
            yield failure(exc, where)
    if not any_line:
        yield failure(EmptyInputError("no JSON lines", input=name), name)
