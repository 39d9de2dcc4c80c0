"""Expanding inputs (files, directories, globs) and dispatching each file to its reader."""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from ..errors import (
    BinaryInputError,
    CorruptArchiveError,
    EmptyInputError,
    EncodingError,
    InputNotFoundError,
    InputTooLargeError,
    NewsgraphError,
    NoArticlesError,
    ReaderError,
)
from ..model import Article, ReadFailure
from .common import ReadOptions, check_size, decode_bytes, failure, looks_binary, os_error, utf16_variant
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
    variant = utf16_variant(head)
    if variant is not None:
        head = head[:len(head) // 2 * 2].decode(variant, errors="replace").encode("utf-8")
    s = head.lstrip()[:1024].lower()
    if s.startswith(b"warc/"):
        return "warc"
    if s.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in s or b"<head" in s:
        return "html"
    if s.startswith(b"{"):
        return "jsonl"
    return "text"


def expand(spec: str) -> Iterator[Path | NewsgraphError]:
    """Files named by one input spec (file, directory, glob), or the errors that it names none
    or that a part of it cannot be read (each unreadable folder is one error)."""
    path = Path(spec)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:  # a folder above the path is unreadable
        yield os_error(exc, spec)
        return
    if is_dir:
        yield from _directory(path, spec)
        return
    if exists:
        yield path
        return
    if _GLOB_CHARS & set(spec):
        yield from _glob(spec)
        return
    yield InputNotFoundError("no such file or directory", input=spec)


def _directory(path: Path, spec: str) -> Iterator[Path | NewsgraphError]:
    """The files of a known format under a directory, sorted; hidden files and folders skipped.
    A folder that cannot be listed, or a file that cannot be looked at, is an error, not a gap."""
    errors: list[OSError] = []
    files: list[Path] = []
    for root, dirs, names in os.walk(path, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for n in names:
            p = Path(root) / n
            if n.startswith(".") or format_of(p) is None:
                continue
            try:
                if p.is_file():
                    files.append(p)
            except OSError as exc:
                errors.append(exc)
    for err in sorted(errors, key=lambda e: str(e.filename)):
        yield os_error(err, str(err.filename or spec))
    if not files and not errors:
        yield NoArticlesError("the directory holds no .txt, .html, .jsonl or .warc(.gz) files", input=spec)
    yield from sorted(files)


def _glob(spec: str) -> Iterator[Path | NewsgraphError]:
    matches = sorted(Path(m) for m in glob.glob(spec, recursive=True))
    files: list[Path] = []
    dirs: list[Path] = []
    for m in matches:
        try:
            if m.is_file():
                files.append(m)
            elif m.is_dir():
                dirs.append(m)
        except OSError as exc:
            yield os_error(exc, str(m))
    for d in dirs:
        yield from expand(str(d))
    if not files and not dirs:
        yield InputNotFoundError("the glob matches no files", input=spec)
    yield from files


def _read_small(path: Path, name: str, opts: ReadOptions) -> bytes:
    """The bytes of a (possibly gzipped) file, never more than ``max_bytes + 1`` of them read."""
    gz = path.name.lower().endswith(".gz")
    check_size(path.stat().st_size, opts.max_bytes * 20 if gz else opts.max_bytes, name)
    with (gzip.open(path, "rb") if gz else path.open("rb")) as fh:
        data = fh.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        what = "decompresses to" if gz else "holds"
        raise InputTooLargeError(f"the file {what} over {opts.max_bytes:,} bytes, the limit", input=name)
    return data


def read_file(path: Path, opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    """Articles from one file (its format from the name ending, else from its first bytes).

    Never raises for a bad file: every error becomes a failure naming it, and the run goes on.
    """
    name = str(path)
    try:
        yield from _read_file(path, name, opts)
    except NewsgraphError as exc:
        yield failure(exc, name)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield failure(CorruptArchiveError(f"not a readable gzip file ({exc or type(exc).__name__})", input=name,
                                          hint="re-download the file or decompress it first"), name)
    except OSError as exc:
        yield failure(os_error(exc, name), name)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops a corpus
        yield failure(ReaderError(f"the reader failed ({type(exc).__name__}: {str(exc)[:200]})", input=name),
                      name)


def _read_file(path: Path, name: str, opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    if path.stat().st_size == 0:
        raise EmptyInputError("the file is empty", input=name)
    fmt = format_of(path)
    if fmt is None:
        with path.open("rb") as fh:
            head = fh.read(65536)
        if looks_binary(head):
            raise BinaryInputError("the file is binary, not text", input=name)
        fmt = _sniff(head)
    if fmt == "warc":
        yield from read_warc(path, name, opts)
    elif fmt == "jsonl":
        yield from _jsonl(path, name, opts)
    elif fmt == "html":
        yield html_article(_read_small(path, name, opts), name, opts)
    else:
        yield read_text_bytes(_read_small(path, name, opts), name, opts)


def _jsonl(path: Path, name: str, opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    fh: BinaryIO
    with (gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")) as fh:  # type: ignore[assignment]
        head = fh.read(4096)
        variant = utf16_variant(head)
        if variant is not None:
            raise EncodingError(f"the file is {variant.upper()}; JSON Lines must be UTF-8", input=name,
                                hint=f"convert it, e.g. iconv -f {variant.upper()} -t UTF-8")
        if looks_binary(head):
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
