"""Plain-text reader: title = first line when a blank line follows it."""

from __future__ import annotations

import re

from ..clean import parse_dateline
from ..model import Article
from .common import ReadOptions, decode_bytes, require_text, validate_published

_TITLE = re.compile(r"\A[ \t]*([^\n]{1,300}?)[ \t]*\r?\n[ \t]*\r?\n")


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body): the first line is a title when a blank line follows and the rest has text.

    A first line that reads like a paragraph (a dateline, over 30 words, or a sentence of over
    15 words ending in '.', ':' or ';') stays in the body.
    """
    m = _TITLE.match(text)
    if m is None:
        return None, text
    title = m.group(1).strip()
    body = text[m.end():]
    words = len(title.split())
    if (not title or not body.strip() or words > 30 or (words > 15 and title.endswith((".", ":", ";")))
            or parse_dateline(title) is not None):
        return None, text
    return title, body


def text_article(text: str, input: str, opts: ReadOptions, *, title: str | None = None,
                 url: str | None = None, source: str | None = None, published: str | None = None,
                 author: str | None = None, language: str | None = None,
                 find_title: bool = True) -> Article:
    """An Article from decoded text (title split off unless given)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if title is None and find_title:
        title, text = split_title(text)
    text = text.strip("\n")
    text = text.rstrip()
    require_text(text, input)
    return Article(
        text=text, raw_text=text, title=title, url=url, source=source or opts.source,
        published=published or opts.published, author=author, language=language, input=input,
    )


def read_text(text: str, *, input: str = "<text>", published: str | None = None, url: str | None = None,
              source: str | None = None, title: str | None = None) -> Article:
    """An Article from a string, made exactly as the plain-text reader makes one from a ``.txt``
    file: the first line is the title when a blank line follows it (so that a dateline such as
    ``WASHINGTON (AFP) -`` opens the body, where the cleaner finds it), line endings normalised,
    ``published`` checked (YYYY-MM-DD). A ``title`` given keeps the whole text as the body.

    Raises :class:`~newsgraph.errors.EmptyInputError` for a text without words and
    :class:`~newsgraph.errors.InvalidValueError` for a bad ``published``.
    """
    opts = ReadOptions(published=validate_published(published, input="published"), source=source)
    return text_article(text, input, opts, title=title, url=url)


def read_text_bytes(data: bytes, input: str, opts: ReadOptions) -> Article:
    text, encoding = decode_bytes(data, input, fallback=opts.encoding_fallback)
    art = text_article(text, input, opts)
    if encoding != "utf-8":
        art.stats["encoding"] = encoding
    return art
