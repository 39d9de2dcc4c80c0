"""Regression tests for issue 16: reader errors are typed failures, reads are bounded, messages say
what happened (unreadable paths, deep JSON and HTML, UTF-16 without a byte-order mark)."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsgraph.clean import MAX_SYMBOL_RUN, CleanStage, clean_text
from newsgraph.ingest import read_paths
from newsgraph.ingest.html import extract_html
from newsgraph.model import Article, ReadFailure

BODY = ("The ministry said on Monday that talks between the two governments would resume in Geneva "
        "next week, after a pause of three months.")
SECOND = "Officials from both sides have met twice this year but failed to agree on a ceasefire line."

Outcome = tuple[str, str | None, str | None, str | None]  # kind, input, error_type, reason


def outcomes(*paths: str | Path, **kw: object) -> list[Outcome]:
    out: list[Outcome] = []
    for x in read_paths([str(p) for p in paths], **kw):  # type: ignore[arg-type]
        if isinstance(x, ReadFailure):
            out.append(("failure", x.input, x.error_type, x.reason))
        else:
            out.append(("article", x.input, None, x.text[:40]))
    return out


# -- unreadable paths (root reads everything: the read runs in a child that drops to 'nobody') ---
@pytest.fixture()
def open_dir() -> Iterator[Path]:
    """A folder every user can enter (pytest's tmp_path is private to root)."""
    d = Path(tempfile.mkdtemp(prefix="newsgraph-perm-"))
    d.chmod(0o755)
    yield d
    for p in [d, *d.rglob("*")]:
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(d)


def unprivileged(fn: Callable[[], list[Outcome]]) -> list[Outcome]:
    """``fn()`` run as an unprivileged user when this process is root (so that mode 000 blocks it)."""
    if os.geteuid() != 0:
        return fn()
    import encodings.utf_8_sig  # noqa: F401 - the child cannot import from root's Python after setuid

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(r)
        code = 0
        try:
            os.setgid(65534)
            os.setuid(65534)
            data = pickle.dumps(fn())
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            data = pickle.dumps(f"child raised {type(exc).__name__}: {exc}")
            code = 1
        with os.fdopen(w, "wb") as fh:
            fh.write(data)
        os._exit(code)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    result = pickle.loads(data)
    assert not isinstance(result, str), result
    return result  # type: ignore[no-any-return]


def test_path_under_unreadable_folder_is_a_failure_and_the_run_goes_on(open_dir: Path) -> None:
    locked = open_dir / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(BODY)
    (open_dir / "b.txt").write_text(BODY)
    locked.chmod(0)
    got = unprivileged(lambda: outcomes(locked / "a.txt", open_dir / "b.txt"))
    assert got[0][:3] == ("failure", str(locked / "a.txt"), "InputUnreadableError")
    assert got[0][3] is not None and got[0][3].startswith("cannot read: permission denied")
    assert got[1][:2] == ("article", str(open_dir / "b.txt"))


def test_unreadable_subfolder_of_a_directory_is_reported_not_skipped(open_dir: Path) -> None:
    corpus = open_dir / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "hidden-from-us.txt").write_text(BODY)
    (corpus / "ok.txt").write_text(BODY)
    (corpus / "locked").chmod(0)
    got = unprivileged(lambda: outcomes(corpus))
    assert [g[:3] for g in got] == [("failure", str(corpus / "locked"), "InputUnreadableError"),
                                    ("article", str(corpus / "ok.txt"), None)]
    assert got[0][3] == "cannot read: permission denied"


def test_unreadable_file_says_cannot_read_not_not_found(open_dir: Path) -> None:
    f = open_dir / "secret.txt"
    f.write_text(BODY)
    f.chmod(0)
    got = unprivileged(lambda: outcomes(f))
    assert got == [("failure", str(f), "InputUnreadableError", "cannot read: permission denied")]


def test_path_through_a_file_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    got = outcomes(tmp_path / "plain" / "a.txt", tmp_path / "plain" / "b")
    assert [g[2] for g in got] == ["InputNotFoundError", "InputNotFoundError"]


# -- JSON nested past Python's recursion limit ---------------------------------------------------
def test_json_line_nested_100k_deep_fails_alone(tmp_path: Path) -> None:
    p = tmp_path / "deep.jsonl"
    p.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + json.dumps({"text": BODY}) + "\n")
    got = outcomes(p)
    assert got[0][:3] == ("failure", f"{p}:1", "NestingTooDeepError")
    assert got[1][:2] == ("article", f"{p}:2")


def test_truncated_gzip_jsonl_keeps_lines_before_the_damage(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"{BODY} Line {i}."}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) * 2 // 3])
    got = outcomes(p)
    assert got[0][0] == "article" and got[-1][:3] == ("failure", str(p), "CorruptArchiveError")


# -- bounded reads -------------------------------------------------------------------------------
def _gzip_stream(path: Path, parts: list[tuple[bytes, int]]) -> None:
    """A gzip file of each ``chunk * times``, compressed as it is written (little memory)."""
    z = zlib.compressobj(1, zlib.DEFLATED, 31)
    with path.open("wb") as fh:
        for chunk, times in parts:
            for _ in range(times):
                fh.write(z.compress(chunk))
        fh.write(z.flush())


def _peak_rss_of_reading(path: Path) -> tuple[list[list[str | None]], float]:
    """Outcomes of reading ``path`` in a fresh process, and its RSS growth while reading (MB)."""
    code = (
        "import json, resource, sys\n"
        "from newsgraph.ingest import read_paths\n"
        "import newsgraph.ingest.warc, warcio.archiveiterator\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "out = [[type(x).__name__, x.input, getattr(x, 'error_type', None)] for x in read_paths([sys.argv[1]])]\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'out': out, 'grew_mb': (peak - base) / 1024}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    res = json.loads(proc.stdout)
    return res["out"], res["grew_mb"]


def test_gzipped_jsonl_line_of_200_mb_is_refused_unread(tmp_path: Path) -> None:
    p = tmp_path / "bomb.jsonl.gz"
    ok = json.dumps({"text": BODY}).encode() + b"\n"
    _gzip_stream(p, [(b'{"text": "', 1), (b"a" * (1 << 20), 200), (b'"}\n', 1), (ok, 1)])
    out, grew = _peak_rss_of_reading(p)
    assert out == [["ReadFailure", f"{p}:1", "InputTooLargeError"], ["Article", f"{p}:2", None]]
    assert grew < 64, f"reading grew RSS by {grew:.0f} MB"


def _warc_record(headers: bytes, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\n" + headers
            + b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")


def test_warc_with_a_200_mb_header_is_refused_unread(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{BODY}</p><p>{SECOND}</p></article></body></html>".encode()
    p = tmp_path / "bomb.warc.gz"
    _gzip_stream(p, [(_warc_record(b"", page), 1), (b"WARC/1.0\r\nX-Big: ", 1), (b"a" * (1 << 20), 200),
                     (b"\r\n\r\n", 1)])
    out, grew = _peak_rss_of_reading(p)
    assert out == [["Article", f"{p}#record-1", None], ["ReadFailure", f"{p}#record-2", "InputTooLargeError"]]
    assert grew < 64, f"reading grew RSS by {grew:.0f} MB"


def test_warc_header_of_many_continuation_lines_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "cont.warc"
    page = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
    p.write_bytes(_warc_record(b"X-Long: a\r\n" + b" more\r\n" * 300_000, page))
    got = outcomes(p)
    assert got[0][:3] == ("failure", f"{p}#record-1", "InputTooLargeError")
    assert got[0][3] is not None and "headers are over 1,048,576 bytes" in got[0][3]
    assert len(got) == 1  # no misleading "no HTML responses" after it


def test_gzipped_html_over_the_limit_names_the_decompressed_size(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    _gzip_stream(p, [(b"<html><body><p>", 1), (b"word " * 1000, 2000)])
    got = outcomes(p, max_bytes=1_000_000)
    assert got == [("failure", str(p), "InputTooLargeError",
                    "the file decompresses to over 1,000,000 bytes, the limit")]


# -- UTF-16 without a byte-order mark ------------------------------------------------------------
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_bom_is_read(tmp_path: Path, codec: str) -> None:
    p = tmp_path / "wide.txt"
    p.write_bytes(f"Talks resume\n\n{BODY}".encode(codec))
    [art] = list(read_paths([str(p)]))
    assert isinstance(art, Article) and art.title == "Talks resume" and art.text == BODY
    assert art.stats["encoding"] == codec


def test_utf16_html_without_bom_and_unknown_ending_is_read(tmp_path: Path) -> None:
    p = tmp_path / "page.dat"
    page = f"<!DOCTYPE html><html><body><article><p>{BODY}</p><p>{SECOND}</p></article></body></html>"
    p.write_bytes(page.encode("utf-16-le"))
    [art] = list(read_paths([str(p)]))
    assert isinstance(art, Article) and art.text == f"{BODY}\n\n{SECOND}"


def test_utf16_jsonl_says_it_must_be_utf8(tmp_path: Path) -> None:
    p = tmp_path / "wide.jsonl"
    p.write_bytes((json.dumps({"text": BODY}) + "\n").encode("utf-16-le"))
    assert outcomes(p) == [("failure", str(p), "EncodingError", "the file is UTF-16-LE; JSON Lines must be UTF-8")]


def test_binary_with_scattered_nuls_is_still_binary(tmp_path: Path) -> None:
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes(range(256)) * 40)
    assert outcomes(p)[0][2] == "BinaryInputError"


# -- HTML nested deeper than lxml reads ----------------------------------------------------------
@pytest.mark.parametrize("depth", [300, 20_000])
def test_html_nested_past_lxml_limit_keeps_its_body(depth: int) -> None:
    page = ("<html><head><title>T</title></head><body><article>" + "<div>" * depth
            + f"<p>{BODY}</p><p>{SECOND}<script>var x = 1;</script></p>" + "</div>" * depth
            + "</article></body></html>")
    res = extract_html(page, input="deep.html")
    assert res.text == f"{BODY}\n\n{SECOND}"
    assert res.flattened_depth == depth + 5  # html, body, article, p, script


def test_html_nested_too_deep_without_a_body_says_so() -> None:
    page = "<html><body>" + "<div>" * 3000 + "<p>Too short.</p>" + "</div>" * 3000 + "</body></html>"
    with pytest.raises(Exception) as err:
        extract_html(page, input="deep.html")
    assert type(err.value).__name__ == "ExtractionError"
    assert "nests elements 3,003 deep (lxml reads 255)" in str(err.value)


def test_shallow_page_without_body_keeps_the_plain_message() -> None:
    with pytest.raises(Exception, match="no article body found in the HTML$|no article body found in the HTML "):
        extract_html("<html><body><p>Too short.</p></body></html>", input="x.html")


# -- symbol floods (spaCy's tokenizer is quadratic in them) --------------------------------------
def test_quote_flood_is_cut_to_a_bounded_run_and_listed() -> None:
    text, removed = clean_text(f"{BODY}\n\n" + '"' * 100_000 + "\n\n" + SECOND)
    assert text == f"{BODY}\n\n" + '"' * MAX_SYMBOL_RUN + "\n\n" + SECOND
    assert [(r.reason, len(r.text)) for r in removed] == [("symbol-run", 100_000 - MAX_SYMBOL_RUN)]
    assert clean_text(text) == (text, [])  # idempotent


def test_ordinary_punctuation_and_rules_are_kept() -> None:
    text = f"{BODY} \u201cWe will,\u201d he said.\u2026 (See: \u2018below\u2019.)\n\n" + "-" * 60 + f"\n\n{SECOND}"
    assert clean_text(text) == (text, [])


def test_clean_stage_cuts_a_curly_quote_flood() -> None:
    art = CleanStage()(Article(text=BODY + " " + "\u201c" * 50_000))
    assert art.text == BODY + " " + "\u201c" * MAX_SYMBOL_RUN
    assert art.raw_text is not None and len(art.raw_text) == len(BODY) + 1 + 50_000
    assert [r.reason for r in art.removed] == ["symbol-run"]


@pytest.mark.slow
def test_ingest_records_a_reader_failure_and_goes_on(tmp_path: Path) -> None:
    """Issue 16.2 end to end: a deep JSON line used to abort `newsgraph ingest` with a traceback,
    committing nothing; now it is a failure row and the other inputs are stored."""
    import duckdb

    (tmp_path / "deep.jsonl").write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    (tmp_path / "ok.txt").write_text(BODY)
    db = tmp_path / "corpus.duckdb"
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", "--db", str(db), str(tmp_path / "deep.jsonl"),
                           str(tmp_path / "ok.txt")], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    con = duckdb.connect(str(db), read_only=True)
    try:
        failures = con.execute("SELECT input, error_type FROM failures").fetchall()
        inputs = con.execute("SELECT input FROM articles").fetchall()
    finally:
        con.close()
    assert failures == [(f"{tmp_path / 'deep.jsonl'}:1", "NestingTooDeepError")]
    assert inputs == [(str(tmp_path / "ok.txt"),)]
