"""Shared helpers of the readers: decoding, limits, dates, failures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputNotFoundError,
    InputTooLargeError,
    InputUnreadableError,
    InvalidValueError,
    NewsgraphError,
)
from ..model import ReadFailure

DEFAULT_MAX_BYTES = 5_000_000
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ReadOptions:
    """Options every reader gets from :func:`newsgraph.ingest.read_paths`."""

    max_bytes: int = DEFAULT_MAX_BYTES
    published: str | None = None
    encoding_fallback: bool = True
    source: str | None = None


def validate_published(value: str | None, *, input: str | None = None) -> str | None:
    """``YYYY-MM-DD`` (a real calendar day) or None; anything else -> InvalidValueError."""
    if value is None:
        return None
    v = value.strip()
    if not _ISO_DATE.match(v):
        raise InvalidValueError(
            f"published date '{value}' is not YYYY-MM-DD", input=input or value,
            hint="give the publication date as YYYY-MM-DD, e.g. 2017-12-06",
        )
    try:
        date.fromisoformat(v)
    except ValueError:
        raise InvalidValueError(
            f"published date '{value}' is not a calendar day", input=input or value,
            hint="give the publication date as YYYY-MM-DD, e.g. 2017-12-06",
        ) from None
    return v


def normalise_date(value: object) -> str | None:
    """The YYYY-MM-DD prefix of an ISO-like date string, or None."""
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if not m:
        return None
    try:
        date.fromisoformat(m.group(1))
    except ValueError:
        return None
    return m.group(1)


def check_size(n: int, limit: int, input: str) -> None:
    if n > limit:
        raise InputTooLargeError(
            f"{n:,} bytes is over the limit of {limit:,} bytes", input=input,
        )


@dataclass(frozen=True)
class LongLine:
    """A line over the size bound, skipped unread: its length in bytes (newline included)."""

    size: int


def bounded_lines(fh: BinaryIO, limit: int, chunk: int = 1 << 20) -> Iterator[bytes | LongLine]:
    """The lines of a binary stream, none materialised beyond ``limit + 1`` bytes.

    A line (newline included) of over ``limit`` bytes is skipped in ``chunk``-sized reads and
    yields a :class:`LongLine` with its length instead, so a gzipped gigabyte line costs time,
    not memory.
    """
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = fh.readline(chunk)
            if not line:
                break
            size += len(line)
        yield LongLine(size)


def utf16_variant(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text without a byte-order mark, else None.

    Such text (mostly Latin script) has a NUL in every other byte: at odd positions for
    little-endian, even ones for big-endian. The head must also decode to printable text.
    """
    n = min(len(data), 8192) // 2
    if n < 2:
        return None
    head = data[:2 * n]
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    if zeros_odd >= 0.3 * n and zeros_even <= 0.02 * n:
        variant = "utf-16-le"
    elif zeros_even >= 0.3 * n and zeros_odd <= 0.02 * n:
        variant = "utf-16-be"
    else:
        return None
    text = head.decode(variant, errors="replace")
    printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r\f")
    return variant if printable >= 0.95 * len(text) else None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 kB; UTF-16 text is not binary."""
    head = data[:8192]
    if not head:
        return False
    if utf16_variant(head) is not None:
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(head) > 0.05


def decode_bytes(data: bytes, input: str, *, fallback: bool = True) -> tuple[str, str]:
    """Text and the encoding used. UTF-8 (with or without BOM), else detection.

    Raises BinaryInputError for binary data and EncodingError when no encoding fits.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    variant = utf16_variant(data)
    if variant is not None:
        try:
            return data[:len(data) // 2 * 2].decode(variant), variant
        except UnicodeDecodeError as exc:
            raise EncodingError(f"looks like {variant.upper()} without a byte-order mark, but byte "
                                f"{exc.start} does not decode", input=input) from None
    if looks_binary(data):
        raise BinaryInputError("the file is binary, not text", input=input)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if not fallback:
            raise EncodingError(
                f"not valid UTF-8 (byte {exc.start}) and encoding detection is off", input=input,
                hint="save the file as UTF-8 or turn on input.encoding_fallback",
            ) from None
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError("not UTF-8 and the encoding could not be detected", input=input)
    return str(best), str(best.encoding)


def _western(data: bytes) -> str | None:
    """The text as Windows-1252 when that reads as Latin-script text (mostly ASCII letters).

    Detection libraries often mistake short Western-European texts for Baltic or Cyrillic code
    pages; cp1252 is by far the most common legacy encoding of news text, so it is tried first.
    Texts in other scripts decode to mostly accented letters and fall through to detection.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return text if non_ascii / len(letters) < 0.15 else None


def require_text(text: str, input: str) -> str:
    if not text.strip():
        raise EmptyInputError("no text", input=input)
    return text


def os_error(exc: OSError, input: str) -> NewsgraphError:
    """The typed error for an operating-system error on ``input`` (a path that cannot be read)."""
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != input else ""
    if isinstance(exc, FileNotFoundError):
        return InputNotFoundError(f"no such file or directory{where}", input=input)
    if isinstance(exc, NotADirectoryError):
        return InputNotFoundError(f"no such file or directory: a folder on the path is a file{where}",
                                  input=input)
    if isinstance(exc, PermissionError):
        return InputUnreadableError(f"cannot read: permission denied{where}", input=input)
    return InputUnreadableError(f"cannot read: {(exc.strerror or str(exc)).lower()}{where}", input=input)


def failure(exc: NewsgraphError, input: str) -> ReadFailure:
    return ReadFailure(input=exc.input or input, reason=exc.message, error_type=exc.kind, hint=exc.hint)
