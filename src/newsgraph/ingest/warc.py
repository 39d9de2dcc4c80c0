"""WARC / WARC.gz reader (warcio): HTTP responses with HTML, one Article per record.

The url comes from ``WARC-Target-URI``; the input is ``path#record-n`` (n counts all records
from 1). A truncated or corrupt archive yields the records before the damage, then a failure.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import CorruptArchiveError, InputTooLargeError, NewsgraphError, NoArticlesError
from ..model import Article, ReadFailure
from .common import ReadOptions, failure, normalise_date
from .html import html_article

_HTML_TYPES = ("text/html", "application/xhtml")


def gzip_intact(path: Path, chunk: int = 1 << 20) -> bool:
    """True when every gzip member of the file is complete (streamed, bounded memory)."""
    d = zlib.decompressobj(wbits=31)
    started = False  # the current member has had input but not reached its end
    try:
        with path.open("rb") as fh:
            buf = fh.read(chunk)
            while buf:
                started = True
                d.decompress(buf, chunk * 16)
                while d.unconsumed_tail and not d.eof:
                    d.decompress(d.unconsumed_tail, chunk * 16)
                if d.eof:
                    buf = d.unused_data
                    d = zlib.decompressobj(wbits=31)
                    started = False
                    if not buf:
                        buf = fh.read(chunk)
                    continue
                buf = fh.read(chunk)
    except zlib.error:
        return False
    return not started


#: The most header bytes (WARC and HTTP headers, continuation lines included) one record may have.
MAX_HEADER_BYTES = 1 << 20


class _Damaged(Exception):
    """Raised inside the archive iterator where warcio would only print a warning."""


class _HeaderTooLarge(Exception):
    """Raised inside the archive iterator when a record's headers pass MAX_HEADER_BYTES."""


def _quiet_iterator(fh: BinaryIO) -> Any:
    """warcio's ArchiveIterator, raising instead of writing to stderr on a bad record boundary
    or a broken gzip member, and never holding more than MAX_HEADER_BYTES of one record's headers.

    warcio reads header lines with an unbounded ``readline``: a gigabyte header line (or a
    gigabyte of continuation lines) would be materialised before anything could refuse it.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import BUFF_SIZE, DecompressingBufferedReader

    class BoundedReader(DecompressingBufferedReader):  # type: ignore[misc]
        line_bytes = 0  # bytes read by readline since the current record's headers began

        def _decompress(self, data: bytes) -> bytes:
            if self.decompressor and data and self.num_block_read > 0:
                try:
                    return bytes(self.decompressor.decompress(data))
                except Exception as exc:  # noqa: BLE001 - zlib/brotli errors
                    raise _Damaged(f"a gzip member is broken ({exc})") from None
            return bytes(super()._decompress(data))

        def readline(self, length: int | None = None) -> bytes:
            if length == 0:
                return b""
            room = MAX_HEADER_BYTES - self.line_bytes + 1
            want = room if length is None or length < 0 else min(length, room)
            self._fillbuff()
            if self.empty():
                return b""
            parts = [self.buff.readline(want)]
            got = len(parts[0])
            while not parts[-1].endswith(b"\n") and got < want:
                self._fillbuff()
                if self.empty():
                    break
                parts.append(self.buff.readline(want - got))
                got += len(parts[-1])
            self.line_bytes += got
            if got >= room:
                raise _HeaderTooLarge(f"a record's headers are over {MAX_HEADER_BYTES:,} bytes")
            return b"".join(parts)

    class QuietIterator(ArchiveIterator):  # type: ignore[misc]
        def __init__(self, fileobj: BinaryIO) -> None:
            super().__init__(fileobj)
            self.reader: Any = BoundedReader(self.fh, block_size=BUFF_SIZE)

        def read_to_end(self, record: Any = None) -> Any:
            self.reader.line_bytes = 0
            return super().read_to_end(record)

        def _consume_blanklines(self) -> tuple[bytes | None, int]:
            empty = 0
            first = True
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty
                if line.strip() and not first:
                    return line, empty
                empty += len(line)
                if line.strip():
                    raise _Damaged("a record does not end where its Content-Length says")
                first = False

    return QuietIterator(fh)


def _magic(path: Path) -> bytes:
    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            return bytes(fh.read(5))
    except (OSError, EOFError, zlib.error):
        return b""


def read_warc(path: Path, name: str, opts: ReadOptions) -> Iterator[Article | ReadFailure]:
    if _magic(path) != b"WARC/":
        yield failure(CorruptArchiveError("not a WARC file (it does not start with 'WARC/')", input=name,
                                          hint="check the file is a WARC archive"), name)
        return
    found = 0
    n = 0
    try:
        with path.open("rb") as fh:
            for n, record in enumerate(_quiet_iterator(fh), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not any(t in ctype for t in _HTML_TYPES):
                    continue
                status = record.http_headers.get_statuscode()
                if status and not str(status).startswith("2"):
                    continue
                found += 1
                where = f"{name}#record-{n}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = normalise_date(record.rec_headers.get_header("WARC-Date"))
                body = record.content_stream().read(opts.max_bytes + 1)
                if len(body) <= opts.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                    raise CorruptArchiveError(
                        f"record {n} is cut short: the archive is truncated", input=name,
                    )
                try:
                    if len(body) > opts.max_bytes:
                        raise InputTooLargeError(
                            f"record is over the limit of {opts.max_bytes:,} bytes", input=where,
                        )
                    art = html_article(body, where, opts, url=url)
                    if date:
                        art.stats["crawled"] = date
                    yield art
                except NewsgraphError as exc:
                    yield failure(exc, where)
    except NewsgraphError as exc:
        yield failure(exc, name)
        return
    except _HeaderTooLarge as exc:
        where = f"{name}#record-{n + 1}"
        yield failure(InputTooLargeError(f"record {n + 1}: {exc}; reading stopped there", input=where,
                                         hint="the archive is broken or hostile; drop that record"), where)
        return
    except Exception as exc:  # noqa: BLE001 - warcio/zlib raise many types on damaged archives
        err = CorruptArchiveError(
            f"the archive is damaged after record {n} ({type(exc).__name__}: {exc})", input=name,
        )
        yield failure(err, name)
        return
    if name.lower().endswith(".gz") and not gzip_intact(path):
        yield failure(CorruptArchiveError(f"the archive is truncated after record {n}", input=name), name)
        return
    if found == 0:
        yield failure(NoArticlesError("the WARC file has no HTML responses", input=name,
                                      hint="newsgraph reads HTTP response records with HTML bodies"), name)
