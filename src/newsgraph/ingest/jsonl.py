"""JSON Lines reader: one object per line with ``text`` or ``html``; bad lines are reported, the rest yield."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import (
    DuplicateRecordError,
    EmptyInputError,
    InputTooLargeError,
    MalformedRecordError,
    NestingTooDeepError,
    NewsgraphError,
    ReaderError,
)
from ..model import Article, ReadFailure
from .common import LongLine, ReadOptions, bounded_lines, failure, normalise_date, validate_published
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


def read_jsonl_lines(fh: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    """Articles from a JSON Lines stream, one per non-blank line; a bad line yields a failure naming it.

    No line is held beyond ``opts.max_bytes + 1`` bytes (a longer one is skipped unread and fails
    with :class:`InputTooLargeError`). A record whose ``id`` an earlier line of the same input
    already used fails with :class:`DuplicateRecordError` naming both lines.
    """
    any_line = False
    ids: dict[str, int] = {}
    for n, raw in enumerate(bounded_lines(fh, opts.max_bytes), start=1):
        where = f"{name}:{n}"
        if isinstance(raw, LongLine):
            any_line = True
            yield failure(InputTooLargeError(
                f"line of {raw.size:,} bytes is over the limit of {opts.max_bytes:,} bytes", input=where,
            ), where)
            continue
        if not raw.strip():
            continue
        any_line = True
        try:
            yield _line_article(raw, n, where, ids, opts)
        except NewsgraphError as exc:
            yield failure(exc, where)
        except Exception as exc:  # noqa: BLE001 - one bad line never stops the file
            yield failure(ReaderError(f"the reader failed on line {n} ({type(exc).__name__}: {str(exc)[:200]})",
                                      input=where), where)
    if not any_line:
        yield failure(EmptyInputError("no JSON lines", input=name), name)


def _line_article(raw: bytes, n: int, where: str, ids: dict[str, int], opts: ReadOptions) -> Article:
    """The Article of one line (``ids`` records each record id's line, to refuse repeats)."""
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MalformedRecordError("line is not valid UTF-8", input=where,
                                   hint="JSON Lines files must be UTF-8") from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(f"line {n} is not valid JSON: {exc.msg}", input=where) from None
    except RecursionError:
        raise NestingTooDeepError(f"line {n} nests JSON arrays or objects too deep to read",
                                  input=where) from None
    rid = record_id(obj, where) if isinstance(obj, dict) else None
    if rid is not None:
        if rid in ids:
            raise DuplicateRecordError(f"line {n} repeats the id '{rid}' of line {ids[rid]}", input=where)
        ids[rid] = n
    return record_article(obj, where, opts)
