"""Readers: plain text, HTML, JSON Lines, WARC; files, directories and globs, streamed.

:func:`read_paths` yields one :class:`~newsgraph.model.Article` at a time, or a
:class:`~newsgraph.model.ReadFailure` for each bad input; it never raises for bad input.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputNotFoundError, NewsgraphError
from ..model import Article, ReadFailure
from .common import DEFAULT_MAX_BYTES, ReadOptions, check_size, failure, validate_published
from .text import read_text_bytes, split_title


def read_paths(
    paths: Sequence[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
    published: str | None = None, encoding_fallback: bool = True, source: str | None = None,
) -> Iterator[Article | ReadFailure]:
    """Articles (or failures) from files, directories and globs, one at a time."""
    published = validate_published(published, input="--published")
    opts = ReadOptions(max_bytes=max_bytes, published=published,
                       encoding_fallback=encoding_fallback, source=source)
    for p in paths:
        name = os.fspath(p)
        path = Path(name)
        if not path.is_file():
            yield failure(InputNotFoundError("no such file", input=name), name)
            continue
        try:
            check_size(path.stat().st_size, opts.max_bytes, name)
            yield read_text_bytes(path.read_bytes(), name, opts)
        except NewsgraphError as exc:
            yield failure(exc, name)


__all__ = ["ReadOptions", "read_paths", "split_title"]
