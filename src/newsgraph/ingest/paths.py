"""Expanding inputs (files, directories, globs) and dispatching each file to its reader."""

from __future__ import annotations

import glob
import gzip
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

from ..errors import EmptyInputError, InputNotFoundError, NewsgraphError, NoArticlesError
from ..model import Article, ReadFailure
from .common import ReadOptions, check_size, decode_bytes, failure, looks_binary
from .html import html_article
from .jsonl import read_jsonl_lines
from .text import read_text_bytes
from .warc import read_warc

#: File name endings -> format. Longer endings are tried first.
FORMATS: Mapping[str, str] = MappingProxyType({
    ".warc.gz": "warc", ".warc": "warc", ".arc.gz": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".html.gz": "html", ".htm.gz": "html",
    ".txt": "text", ".text": "text", ".txt.gz": "text",
})
_ENDINGS = tuple(sorted(FORMATS, key=len, reverse=True))
_GLOB_CHARS = frozenset("*?[")


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    for ending in _ENDINGS:
        if name.endswith(ending):
            return FORMATS[ending]
    return None


def _sniff(head: bytes) -> str:
    s = head.lstrip()[:1024].lower()
    if s.startswith(b"warc/"):
        return "warc"
    if s.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in s or b"<head" in s:
        return "html"
    if s.startswith(b"{"):
        return "jsonl"
    return "text"


def expand(spec: str) -> Iterator[Path | NewsgraphError]:
    """Files named by one input spec (file, directory, glob), or the error that it names none."""
    path = Path(spec)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and format_of(p) is not None
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not files:
            yield NoArticlesError("the directory holds no .txt, .html, .jsonl or .warc(.gz) files",
                                  input=spec)
        yield from files
        return
    if path.exists():
        yield path
        return
    if _GLOB_CHARS & set(spec):
        matches = sorted(Path(m) for m in glob.glob(spec, recursive=True))
        files = [m for m in matches if m.is_file()]
        dirs = [m for m in matches if m.is_dir()]
        for d in dirs:
            yield from expand(str(d))
        if not files and not dirs:
            yield InputNotFoundError("the glob matches no files", input=spec)
        yield from files
        return
    yield InputNotFoundError("no such file or directory", input=spec)


def _read_small(path: Path, name: str, opts: ReadOptions) -> bytes:
    """The bytes of a (possibly gzipped) file, refusing files over the limit."""
    check_size(path.stat().st_size, opts.max_bytes if not name.lower().endswith(".gz") else opts.max_bytes * 20, name)
    if path.name.lower().endswith(".gz"):
        try:
            with gzip.open(path, "rb") as fh:
                data = fh.read(opts.max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            from ..errors import CorruptArchiveError

            raise CorruptArchiveError(f"not a readable gzip file ({exc})", input=name,
                                      hint="re-download the file or decompress it first") from None
    else:
        data = path.read_bytes()
    check_size(len(data), opts.max_bytes, name)
    return data


def read_file(path: Path, opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    """Articles from one file (its format from the name ending, else from its first bytes)."""
    name = str(path)
    try:
        if path.stat().st_size == 0:
            raise EmptyInputError("the file is empty", input=name)
        fmt = format_of(path)
        if fmt is None:
            with path.open("rb") as fh:
                head = fh.read(65536)
            if looks_binary(head):
                from ..errors import BinaryInputError

                raise BinaryInputError("the file is binary, not text", input=name)
            fmt = _sniff(head)
        if fmt == "warc":
            yield from read_warc(path, name, opts)
        elif fmt == "jsonl":
            yield from _jsonl(path, name, opts)
        elif fmt == "html":
            data = _read_small(path, name, opts)
            yield html_article(data, name, opts)
        else:
            yield read_text_bytes(_read_small(path, name, opts), name, opts)
    except NewsgraphError as exc:
        yield failure(exc, name)
    except OSError as exc:
        yield failure(InputNotFoundError(f"cannot read the file ({exc.strerror or exc})", input=name,
                                         hint="check the file exists and is readable"), name)


def _jsonl(path: Path, name: str, opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:  # type: ignore[operator]
        head = fh.read(4096)
        if looks_binary(head):
            from ..errors import BinaryInputError

            raise BinaryInputError("the file is binary, not JSON Lines", input=name)
        fh.seek(0)
        yield from read_jsonl_lines(fh, name, opts)


def read_specs(specs: list[str], opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    for spec in specs:
        for item in expand(spec):
            if isinstance(item, NewsgraphError):
                yield failure(item, spec)
            else:
                yield from read_file(item, opts)


__all__ = ["FORMATS", "decode_bytes", "expand", "format_of", "read_file", "read_specs"]
