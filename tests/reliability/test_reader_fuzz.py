"""Property tests of every reader (issue 16): whatever the bytes, ``read_paths`` yields Articles and
typed ReadFailures only, never raises, and reads the same input the same way twice.

Hypothesis draws the inputs; ``hypothesis.event`` counts the error types (``pytest
--hypothesis-show-statistics`` prints them). Few examples each, so that the default run stays fast;
the heavy cases (gigabyte bombs, 50 MB pages, floods through spaCy) are in
``benchmarks/reliability.py`` and its CI slice (test_reliability_slice.py).
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

import newsgraph.errors as errors
from newsgraph.ingest import read_paths
from newsgraph.ingest.common import looks_binary
from newsgraph.model import Article, ReadFailure

BODY = ("The ministry said on Monday that talks between the two governments would resume in Geneva "
        "next week, after a pause of three months.")
ENDINGS = (".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".txt.gz", ".html.gz", ".jsonl.gz", ".dat")
FUZZ = settings(max_examples=20, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

Outcome = tuple[str, str | None, str]


def read_bytes(data: bytes, ending: str, *, max_bytes: int = 5_000_000) -> list[Outcome]:
    """Read ``data`` as a file with ``ending`` (twice: it must come out the same) and check the
    property every reader keeps: Articles with text, or failures whose type is a NewsgraphError."""
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"input{ending}"
        p.write_bytes(data)
        first = _outcomes(p, max_bytes)
        assert _outcomes(p, max_bytes) == first
    return first


def count(kind: str) -> None:
    if currently_in_test_context():
        event(kind)


def _outcomes(p: Path, max_bytes: int) -> list[Outcome]:
    out: list[Outcome] = []
    for item in read_paths([str(p)], max_bytes=max_bytes):
        if isinstance(item, ReadFailure):
            kind = getattr(errors, item.error_type, None)
            assert isinstance(kind, type) and issubclass(kind, errors.NewsgraphError), item
            assert item.error_type != "ReaderError", item  # a reader bug, even if caught
            assert item.input.startswith(str(p)) and item.reason
            count(item.error_type)
            out.append(("failure", item.input, item.error_type))
        else:
            assert isinstance(item, Article) and item.text.strip() and item.input is not None
            assert item.input.startswith(str(p))
            count("Article")
            out.append(("article", item.input, item.text))
    assert out, "every input gives at least one outcome"
    return out


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(ENDINGS))
def test_random_bytes(data: bytes, ending: str) -> None:
    read_bytes(data, ending)


@FUZZ
@given(st.binary(max_size=2048), st.sampled_from(ENDINGS))
def test_random_bytes_after_a_format_signature(data: bytes, ending: str) -> None:
    for head in (b"WARC/1.0\r\n", b"<!DOCTYPE html><html><body>", b'{"text": "', b"\x1f\x8b\x08\x00"):
        read_bytes(head + data, ending)


text_in_any_encoding = st.tuples(
    st.text(min_size=1, max_size=600),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1",
                     "koi8-r", "shift_jis", "gb2312"]),
).map(lambda t: t[0].encode(t[1], errors="replace"))


@FUZZ
@given(st.lists(text_in_any_encoding, min_size=1, max_size=4), st.sampled_from([".txt", ".html", ".dat", ".txt.gz"]))
def test_mixed_encodings_and_invalid_utf8(parts: list[bytes], ending: str) -> None:
    data = b"\n\n".join(parts)
    read_bytes(gzip.compress(data) if ending.endswith(".gz") else data, ending)


@FUZZ
@given(st.text(min_size=1, max_size=400), st.lists(st.integers(0, 10_000), max_size=30))
def test_nul_bytes_anywhere(text: str, where: list[int]) -> None:
    raw = bytearray((BODY + " " + text).encode())
    for w in where:
        raw.insert(w % (len(raw) + 1), 0)
    read_bytes(bytes(raw), ".txt")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "html", "title", "url", "published", "source", "id", "author", "x"]), inner, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(st.lists(json_values | st.text(max_size=80), min_size=1, max_size=6), st.integers(0, 3000))
def test_jsonl_records_of_any_shape_and_nesting(records: list[object], depth: int) -> None:
    lines = [json.dumps(r) if not isinstance(r, str) else r for r in records]
    lines.append('{"text": ' + "[" * depth + "]" * depth + "}")  # nested as deep as drawn
    lines.append(json.dumps({"text": BODY, "id": "last"}))
    data = ("\n".join(lines) + "\n").encode()
    out = read_bytes(data, ".jsonl")
    if looks_binary(data[:4096]):  # raw NULs or control characters: the file is refused as binary
        assert [o[2] for o in out] == ["BinaryInputError"]
    else:  # the good last line is read whatever came before it
        assert out[-1][0] == "article"


html_fragment = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<script>", "</script>", "<b>", "<table><tr><td>",
    "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#x110000;", "<br/>", "<meta charset='utf-16'>",
    "<html", "</html>", "\u202e", "\u200b", "\x00", BODY, "Rebels \u201cseized\u201d the town.",
])


@FUZZ
@given(st.lists(html_fragment, max_size=60), st.integers(0, 400), st.booleans())
def test_truncated_and_nested_html(fragments: list[str], depth: int, cut: bool) -> None:
    html = "<html><body>" + "<div>" * depth + "".join(fragments) + "</div>" * depth
    data = html.encode("utf-8", errors="surrogatepass")
    read_bytes(data[: len(data) // 2] if cut else data, ".html")


def _warc(records: int) -> bytes:
    out = []
    for i in range(records):
        page = f"<html><body><article><p>{BODY}</p><p>Record {i} of the crawl.</p></article></body></html>"
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page.encode()
        out.append(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/" + str(i).encode()
                   + b"\r\nContent-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
    return b"".join(out)


@FUZZ
@given(st.integers(1, 3), st.floats(0.0, 1.0), st.booleans(), st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=4)),
                                                                         max_size=3))
def test_truncated_and_corrupted_warc(records: int, keep: float, gz: bool, edits: list[tuple[float, bytes]]) -> None:
    data = b"".join(gzip.compress(r + b"\r\n\r\n") for r in _warc(records).split(b"\r\n\r\nWARC/")) if gz else _warc(records)
    raw = bytearray(data[: max(1, int(len(data) * keep))])
    for at, junk in edits:
        pos = int(at * len(raw))
        raw[pos:pos + len(junk)] = junk
    read_bytes(bytes(raw), ".warc.gz" if gz else ".warc")


@settings(max_examples=10, deadline=None, database=None)
@given(st.sampled_from([".txt", ".html", ".jsonl"]), st.integers(1, 4))
def test_over_the_limit_is_refused_by_every_reader(ending: str, times: int) -> None:
    body = (BODY + " ") * (200 * times)
    data = json.dumps({"text": body}).encode() + b"\n" if ending == ".jsonl" else body.encode()
    out = read_bytes(data, ending, max_bytes=len(data) - 10)
    assert [o[2] for o in out] == ["InputTooLargeError"]


def test_one_megabyte_line_is_read_as_one_article() -> None:
    line = ("Rebels said the talks would resume. " * 30_000)[:1_000_000]
    assert [o[0] for o in read_bytes(line.encode(), ".txt")] == ["article"]
    assert [o[0] for o in read_bytes(json.dumps({"text": line}).encode(), ".jsonl")] == ["article"]
