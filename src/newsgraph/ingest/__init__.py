"""Readers: plain text, HTML, JSON Lines, WARC; files, directories and globs, streamed.

:func:`read_paths` yields one :class:`~newsgraph.model.Article` at a time, or a
:class:`~newsgraph.model.ReadFailure` for each bad input; it never raises for bad input
(only a bad ``published`` option raises :class:`~newsgraph.errors.InvalidValueError`).
See docs/input.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from ..model import Article, ReadFailure
from .common import DEFAULT_MAX_BYTES, ReadOptions, validate_published
from .html import HtmlResult, extract_html, html_article
from .jsonl import record_article
from .paths import FORMATS, expand, format_of, read_file, read_specs
from .text import split_title, text_article


def read_paths(
    paths: Sequence[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
    published: str | None = None, encoding_fallback: bool = True, source: str | None = None,
) -> Iterator[Article | ReadFailure]:
    """Articles (or failures) from files, directories and globs, one at a time.

    ``published`` (YYYY-MM-DD) and ``source`` fill articles whose input has none.
    """
    published = validate_published(published, input="--published")
    opts = ReadOptions(max_bytes=max_bytes, published=published,
                       encoding_fallback=encoding_fallback, source=source)
    return read_specs([os.fspath(p) for p in paths], opts)


__all__ = [
    "FORMATS", "HtmlResult", "ReadOptions", "expand", "extract_html", "format_of", "html_article",
    "read_file", "read_paths", "record_article", "split_title", "text_article",
]
