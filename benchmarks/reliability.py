"""Reliability: hostile and broken inputs through every reader and through ``newsgraph.extract``.

    python -m benchmarks.reliability [--seed 16] [--per-category N] [--quick] [--only CATEGORY]
                                     [--timeout S] [--write docs/reliability.md]

Each category makes its inputs from a fixed seed (nothing is stored) and runs them in a worker
process of its own, one input at a time, so that an input can be timed out and the worker killed
(a **hang**), and a worker that dies or an exception that escapes the library is a **crash**.
Read categories give each input (files of every format: text, HTML, JSON Lines, WARC, gzipped
or not) to :func:`newsgraph.ingest.read_paths`; extract categories give each text to
:func:`newsgraph.extract` with the real pipeline. Per input it checks:

- no uncaught exception: only typed failures (``ReadFailure`` / ``NewsgraphError``), each counted
  by type; a ``ProcessingError`` that wraps an unforeseen exception of a stage is counted as an
  **internal error** (a bug, though the run goes on);
- time: the input finishes within ``--timeout`` seconds (else a hang: the worker is killed and
  replaced);
- memory: the worker's peak RSS (``resource.getrusage``), also per category; the worker runs
  under an address-space limit so that a bomb cannot take the machine;
- for each extracted article: every span satisfies ``text[start:end] == span.text``, every id
  reference resolves (event source/target/alleged_by and quote speaker -> actors, place ids ->
  places, quantity event/previous -> events/quantities), and the same input extracted twice gives
  the same JSON (``determinism``, for texts up to 50,000 characters); read outcomes are compared
  twice too for inputs under 1 MB.

``--quick`` is the CI slice: small sizes (no 50 MB page, no gigabyte bomb), 2 inputs per category,
the same seed. ``--write`` renders the table as markdown (docs/reliability.md).
Robustness, not speed: tests never assert timings.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import queue
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULT = "@@RESULT "
DEFAULT_SEED = 16
DEFAULT_TIMEOUT_S = 180.0
#: Texts longer than this are extracted once (the determinism check would double a long run).
DETERMINISM_MAX_CHARS = 50_000
#: Address space a worker may use beyond what it holds after start-up.
WORKER_HEADROOM_BYTES = 3 << 30

BODY = ("The ministry said on Monday that talks between the two governments would resume in Geneva "
        "next week, after a pause of three months, according to officials.")
WORDS = ("the ministry army rebels said attacked talks Geneva Monday officials police protest city "
         "government forces killed minister president told reporters during visit border troops").split()
QUOTES = '"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\''
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
FOREIGN = ("\u0642\u0627\u0644\u062a \u0627\u0644\u0648\u0632\u0627\u0631\u0629",
           "\u05d4\u05de\u05de\u05e9\u05dc\u05d4 \u05d0\u05de\u05e8\u05d4",
           "\u0410\u0440\u043c\u0438\u044f \u0437\u0430\u044f\u0432\u0438\u043b\u0430",
           "\u653f\u5e9c\u8868\u793a", "\u0938\u0930\u0915\u093e\u0930 \u0928\u0947 \u0915\u0939\u093e")


# -- inputs ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One input: made by ``builder`` from ``seed`` (and ``size``) inside the worker."""

    category: str
    kind: str  # "read" | "extract"
    builder: str
    seed: int
    size: int = 0


def sentences(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def article_text(rng: random.Random, paras: int = 3) -> str:
    return "Talks resume\n\n" + "\n\n".join([BODY] + [sentences(rng, 3) for _ in range(paras - 1)])


def page(rng: random.Random, paras: int = 4) -> str:
    ps = "".join(f"<p>{sentences(rng, 3)}</p>" for _ in range(paras))
    return (f"<!DOCTYPE html><html><head><title>Talks resume</title></head><body><nav>Home</nav>"
            f"<article><h1>Talks resume</h1><p>{BODY}</p>{ps}</article></body></html>")


def warc_record(uri: str, body: bytes, ctype: bytes = b"text/html", extra: bytes = b"") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\n\r\n" + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri.encode() + b"\r\n"
            + b"WARC-Date: 2020-01-02T00:00:00Z\r\n" + extra + b"Content-Length: "
            + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")


def warc_bytes(rng: random.Random, records: int, gz: bool) -> bytes:
    recs = [warc_record(f"http://example.com/{i}", page(rng).encode()) for i in range(records)]
    if not gz:
        return b"".join(recs)
    return b"".join(gzip.compress(r) for r in recs)


def gzip_stream(path: Path, parts: list[tuple[bytes, int]]) -> None:
    """A gzip file of each ``chunk * times``, compressed as it is written."""
    z = zlib.compressobj(1, zlib.DEFLATED, 31)
    with path.open("wb") as fh:
        for chunk, times in parts:
            for _ in range(times):
                fh.write(z.compress(chunk))
        fh.write(z.flush())


ENDINGS = (".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".txt.gz", ".html.gz", ".jsonl.gz", ".dat")


def write(d: Path, ending: str, data: bytes, name: str = "input") -> Path:
    p = d / f"{name}{ending}"
    p.write_bytes(gzip.compress(data) if ending.endswith(".gz") and not data.startswith(b"\x1f\x8b") else data)
    return p


def jsonl_of(text: str) -> bytes:
    return (json.dumps({"text": text}) + "\n").encode("utf-8", errors="surrogatepass")


def in_format(rng: random.Random, d: Path, text_bytes: bytes) -> Path:
    """Bytes placed in a file of a random format (as the body of that format)."""
    ending = rng.choice(ENDINGS)
    if "html" in ending:
        data = b"<html><body><article><p>" + text_bytes + b"</p></article></body></html>"
    elif "jsonl" in ending:
        data = b'{"text": "' + text_bytes.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"}\n'
    elif "warc" in ending:
        data = warc_record("http://example.com/x", b"<html><body><p>" + text_bytes + b"</p></body></html>")
    else:
        data = text_bytes
    return write(d, ending, data)


def b_random_bytes(rng: random.Random, d: Path, size: int) -> list[Path]:
    data = rng.randbytes(rng.randint(1, max(2, size)))
    if rng.random() < 0.3:
        data = rng.choice([b"WARC/1.0\r\n", b"<html><body>", b'{"text": "', b"\x1f\x8b\x08\x00"]) + data
    return [write(d, rng.choice(ENDINGS), data)]


def b_invalid_utf8(rng: random.Random, d: Path, size: int) -> list[Path]:
    raw = bytearray(article_text(rng).encode())
    bad = [b"\xff", b"\xc3", b"\xe2\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"]
    for _ in range(rng.randint(1, 40)):
        pos = rng.randrange(len(raw))
        raw[pos:pos] = rng.choice(bad)
    return [in_format(rng, d, bytes(raw))]


def b_nul_bytes(rng: random.Random, d: Path, size: int) -> list[Path]:
    raw = bytearray(article_text(rng).encode())
    for _ in range(rng.choice([1, 3, 50, 2000])):
        raw.insert(rng.randrange(len(raw)), 0)
    return [in_format(rng, d, bytes(raw))]


def b_mixed_encodings(rng: random.Random, d: Path, size: int) -> list[Path]:
    codecs = ["utf-8", "cp1252", "latin-1", "utf-16-le", "koi8-r", "shift_jis", "gb2312", "utf-16"]
    parts = [BODY.encode(rng.choice(codecs))]
    for text in rng.sample(FOREIGN, 3):
        for codec in rng.sample(codecs, len(codecs)):
            try:
                parts.append(text.encode(codec))
                break
            except UnicodeEncodeError:
                continue
        parts.append("Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u2014 \u20ac5".encode(rng.choice(codecs[:3]), errors="replace"))
    return [in_format(rng, d, b"\n\n".join(parts))]


def b_utf16_no_bom(rng: random.Random, d: Path, size: int) -> list[Path]:
    codec = rng.choice(["utf-16-le", "utf-16-be"])
    text = article_text(rng) if rng.random() < 0.5 else page(rng)
    return [write(d, rng.choice([".txt", ".html", ".dat", ".jsonl"]), text.encode(codec))]


def b_truncated_html(rng: random.Random, d: Path, size: int) -> list[Path]:
    html = page(rng, paras=rng.randint(1, 8))
    cut = html[: rng.randint(1, len(html))]
    if rng.random() < 0.5:  # unclosed and mismatched tags
        cut = cut.replace("</p>", "", rng.randint(0, 5)).replace("<p>", "<p><b><i>", 2)
    return [write(d, rng.choice([".html", ".html.gz", ".dat"]), cut.encode())]


def b_nested_html(rng: random.Random, d: Path, size: int) -> list[Path]:
    depth = rng.choice([250, 300, 3000, max(300, size)])
    tag = rng.choice(["div", "span", "b", "section", "table"])
    inner = f"<p>{BODY}</p><p>{sentences(rng, 2)}</p>" if rng.random() < 0.8 else "<p>short</p>"
    html = f"<html><body><article>{f'<{tag}>' * depth}{inner}{f'</{tag}>' * depth}</article></body></html>"
    if rng.random() < 0.3:
        html = html[: len(html) - rng.randint(1, depth * 3)]  # closing tags cut off too
    return [write(d, ".html", html.encode())]


def b_nested_json(rng: random.Random, d: Path, size: int) -> list[Path]:
    depth = rng.choice([900, 5000, max(1000, size)])
    open_, close = rng.choice([("[", "]"), ('{"a":', "}")])
    nested = open_ * depth + "1" + close * depth
    if rng.random() < 0.3:
        nested = nested[: rng.randint(1, len(nested))]
    line = rng.choice([f'{{"text": {nested}}}', nested, f'{{"text": "x", "title": {nested}}}'])
    data = (line + "\n" + json.dumps({"text": BODY}) + "\n").encode()
    return [write(d, rng.choice([".jsonl", ".jsonl.gz"]), data)]


def b_large_page(rng: random.Random, d: Path, size: int) -> list[Path]:
    """A page over the 5 MB limit (the reader's refusal path)."""
    ending = rng.choice([".html", ".txt", ".jsonl", ".dat"])
    p = d / f"large{ending}"
    unit = (sentences(rng, 20) + "\n\n").encode()
    with p.open("wb") as fh:
        fh.write(b'{"text": "' if ending == ".jsonl" else b"<html><body><article>" if ending == ".html" else b"")
        for _ in range(size // len(unit) + 1):
            fh.write(unit.replace(b"\n", b" ") if ending == ".jsonl" else unit)
        fh.write(b'"}\n' if ending == ".jsonl" else b"")
    return [p]


def b_gzip_bomb(rng: random.Random, d: Path, size: int) -> list[Path]:
    mb = max(1, size >> 20)
    ending = rng.choice([".txt.gz", ".html.gz", ".jsonl.gz", ".warc.gz"])
    p = d / f"bomb{ending}"
    if ending == ".jsonl.gz":
        gzip_stream(p, [(b'{"text": "', 1), (b"a" * (1 << 20), mb), (b'"}\n', 1), (jsonl_of(BODY), 1)])
    elif ending == ".warc.gz":
        head = warc_record("http://example.com/0", page(rng).encode())
        gzip_stream(p, [(head, 1), (b"WARC/1.0\r\nX-Big: ", 1), (b"a" * (1 << 20), mb), (b"\r\n\r\n", 1)])
    else:
        gzip_stream(p, [(b"<html><body><p>", 1), (b"\x00" * (1 << 20) if rng.random() < 0.5 else b"a " * (1 << 19), mb)])
    return [p]


def b_long_line(rng: random.Random, d: Path, size: int) -> list[Path]:
    line = (sentences(rng, size // 80 + 1) if rng.random() < 0.7 else "x" * size)[:size]
    return [in_format(rng, d, line.encode())]


def b_truncated_warc(rng: random.Random, d: Path, size: int) -> list[Path]:
    gz = rng.random() < 0.6
    data = warc_bytes(rng, rng.randint(1, 4), gz)
    how = rng.choice(["cut", "flip", "length"])
    if how == "cut":
        data = data[: rng.randint(1, len(data) - 1)]
    elif how == "flip":
        b = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        data = bytes(b)
    else:
        data = data.replace(b"Content-Length: ", b"Content-Length: 9", 1) if not gz else data[:-10]
    return [write(d, ".warc.gz" if gz else ".warc", data)]


def b_warc_header_bomb(rng: random.Random, d: Path, size: int) -> list[Path]:
    how = rng.choice(["line", "continuation", "http"])
    p = d / "headers.warc.gz"
    first = warc_record("http://example.com/0", page(rng).encode())
    if how == "line":
        gzip_stream(p, [(first, 1), (b"WARC/1.0\r\nX-Big: ", 1), (b"b" * (1 << 20), max(2, size >> 20)), (b"\r\n\r\n", 1)])
    elif how == "continuation":
        gzip_stream(p, [(first, 1), (b"WARC/1.0\r\nX-Long: a\r\n", 1), (b" more\r\n" * 100_000, max(2, size >> 20))])
    else:
        big = b"X-Http: " + b"c" * (2 << 20) + b"\r\n"
        body = b"HTTP/1.1 200 OK\r\n" + big + b"Content-Type: text/html\r\n\r\n<html></html>"
        rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/1\r\nContent-Length: "
               + str(len(body)).encode()
               + b"\r\n\r\n" + body + b"\r\n\r\n")
        gzip_stream(p, [(first, 1), (rec, 1)])
    return [p]


def b_paths(rng: random.Random, d: Path, size: int) -> list[Path]:
    """Missing paths, a path through a file, folders and files this user cannot read."""
    (d / "plain").write_text("x")
    corpus = d / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "a.txt").write_text(BODY)
    (corpus / "ok.txt").write_text(article_text(rng))
    (d / "secret.txt").write_text(BODY)
    os.chmod(d / "secret.txt", 0)
    os.chmod(corpus / "locked", 0)
    return [d / "missing.txt", d / "plain" / "a.txt", corpus, corpus / "locked" / "a.txt", d / "secret.txt",
            Path(str(d / "*.nothing"))]


# -- texts for extract ---------------------------------------------------------------------------
def t_quote_flood(rng: random.Random, size: int) -> str:
    q = rng.choice(QUOTES)
    n = rng.choice([1000, 10_000, max(1000, size)])
    sep = rng.choice(["", "", " "])
    flood = sep.join(q * n) if sep else q * n
    return rng.choice([flood, f"{BODY} {flood}", f"{BODY}\n\n{flood}\n\n{sentences(rng, 2)}"])


def t_unbalanced_quotes(rng: random.Random, size: int) -> str:
    parts = []
    for _ in range(rng.randint(3, 12)):
        s = sentences(rng, 1)
        if rng.random() < 0.6:
            pos = rng.randrange(len(s))
            s = s[:pos] + rng.choice(QUOTES) + s[pos:]
        if rng.random() < 0.3:
            s = f"\u201c{s} the minister said."
        parts.append(s)
    return f"{BODY} " + " ".join(parts)


def t_zero_width_rtl(rng: random.Random, size: int) -> str:
    text = f"{BODY} {sentences(rng, 4)} {rng.choice(FOREIGN)} \u201cWe will go,\u201d the minister said."
    chars = list(text)
    for _ in range(rng.randint(1, 200)):
        chars.insert(rng.randrange(len(chars)), rng.choice(ZERO_WIDTH + BIDI))
    return "".join(chars)


def t_symbol_flood(rng: random.Random, size: int) -> str:
    alphabet = rng.choice(["$%#@&*", "().,;:!?", "\U0001f602\U0001f525\u2764", "-=_~^", QUOTES + "()[]"])
    run = "".join(rng.choice(alphabet) for _ in range(rng.choice([500, 5000, max(500, size)])))
    return f"{BODY} {run} {sentences(rng, 2)}"


def t_random_text(rng: random.Random, size: int) -> str:
    pools = [WORDS, list(QUOTES + ".,;:!?()-\u2014"), list(ZERO_WIDTH + BIDI), [" ", "\n", "\n\n", "\t"],
             list(FOREIGN), ["\x00", "\x07", "\x1b", "\ufffd", "\ud7ff", "\U0010ffff"]]
    return BODY + " " + "".join(
        rng.choice(rng.choice(pools)) + rng.choice(["", " "]) for _ in range(rng.randint(10, max(20, size)))
    )


def t_long_paragraph(rng: random.Random, size: int) -> str:
    return sentences(rng, size // 80 + 1)[:size]


BUILDERS: MappingProxyType[str, Callable[..., Any]] = MappingProxyType({
    f.__name__: f for f in (
        b_random_bytes, b_invalid_utf8, b_nul_bytes, b_mixed_encodings, b_utf16_no_bom, b_truncated_html,
        b_nested_html, b_nested_json, b_large_page, b_gzip_bomb, b_long_line, b_truncated_warc,
        b_warc_header_bomb, b_paths, t_quote_flood, t_unbalanced_quotes, t_zero_width_rtl, t_symbol_flood,
        t_random_text, t_long_paragraph,
    )
})

#: category -> (kind, builder, inputs in the full run, size in the full run, size in --quick)
CATEGORIES: MappingProxyType[str, tuple[str, str, int, int, int]] = MappingProxyType({
    "random bytes": ("read", "b_random_bytes", 60, 65_536, 4096),
    "invalid UTF-8": ("read", "b_invalid_utf8", 30, 0, 0),
    "NUL bytes": ("read", "b_nul_bytes", 30, 0, 0),
    "mixed encodings": ("read", "b_mixed_encodings", 30, 0, 0),
    "UTF-16 without BOM": ("read", "b_utf16_no_bom", 20, 0, 0),
    "truncated HTML": ("read", "b_truncated_html", 30, 0, 0),
    "deeply nested HTML": ("read", "b_nested_html", 12, 100_000, 2000),
    "deeply nested JSON": ("read", "b_nested_json", 12, 200_000, 2000),
    "large pages (50 MB)": ("read", "b_large_page", 4, 50_000_000, 6_000_000),
    "gzip bombs (1 GB)": ("read", "b_gzip_bomb", 4, 1 << 30, 64 << 20),
    "1M-character line": ("read", "b_long_line", 6, 1_000_000, 1_000_000),
    "truncated WARC": ("read", "b_truncated_warc", 30, 0, 0),
    "WARC header bombs": ("read", "b_warc_header_bomb", 6, 1 << 30, 16 << 20),
    "unreadable paths": ("read", "b_paths", 1, 0, 0),
    "quote-mark floods": ("extract", "t_quote_flood", 8, 100_000, 2000),
    "unbalanced quotes": ("extract", "t_unbalanced_quotes", 10, 0, 0),
    "zero-width and right-to-left": ("extract", "t_zero_width_rtl", 10, 0, 0),
    "symbol floods": ("extract", "t_symbol_flood", 8, 100_000, 2000),
    "random text": ("extract", "t_random_text", 12, 400, 100),
    "1M-character paragraph": ("extract", "t_long_paragraph", 1, 1_000_000, 0),
})


def cases(seed: int = DEFAULT_SEED, per_category: int | None = None, quick: bool = False,
          only: str | None = None) -> Iterator[Case]:
    """The inputs of every category, made from ``seed`` (``quick``: the CI slice)."""
    for category, (kind, builder, n, full_size, quick_size) in CATEGORIES.items():
        if only is not None and only != category:
            continue
        size = quick_size if quick else full_size
        if quick and kind == "extract" and builder == "t_long_paragraph":
            continue  # minutes of spaCy: the full run only
        count = min(n, per_category) if per_category is not None else n
        for i in range(count):
            yield Case(category, kind, builder, seed * 1000 + i, size)


# -- checks --------------------------------------------------------------------------------------
def bad_spans(out: Any) -> list[str]:
    """Spans of an Output whose text is not ``article.text[start:end]``."""
    from newsgraph.model import iter_spans

    text = out.article.text
    return [f"{s.start}:{s.end}" for s in iter_spans(out) if text[s.start:s.end] != s.text]


def dangling_refs(out: Any) -> list[str]:
    """Id references of an Output that name no record of the article."""
    actors = {a.id for a in out.actors}
    places = {p.id for p in out.places}
    events = {e.id for e in out.events}
    quantities = {q.id for q in out.quantities}
    bad: list[str] = []

    def need(ref: str | None, known: set[str], what: str) -> None:
        if ref is not None and ref not in known:
            bad.append(f"{what} -> {ref}")

    for e in out.events:
        for ref in [*e.source, *e.target, e.alleged_by]:
            need(ref, actors, f"event {e.id} actor")
        need(e.place, places, f"event {e.id} place")
    for q in out.quotes:
        need(q.speaker, actors, "quote speaker")
    for n in out.quantities:
        need(n.holder, actors, f"quantity {n.id} holder")
        need(n.place, places, f"quantity {n.id} place")
        need(n.event, events, f"quantity {n.id} event")
        need(n.previous, quantities, f"quantity {n.id} previous")
    for at in out.attributions:
        need(at.actor, actors, "attribution actor")
    for a in out.actors:
        need(a.affiliation, actors, f"actor {a.id} affiliation")
        need(a.led_by, actors, f"actor {a.id} led_by")
    return bad


def read_outcome(paths: list[Path]) -> list[list[Any]]:
    from newsgraph.ingest import read_paths
    from newsgraph.model import ReadFailure

    return [["failure", x.input, x.error_type, x.reason] if isinstance(x, ReadFailure)
            else ["article", x.input, x.text] for x in read_paths([str(p) for p in paths])]


def read_unprivileged(paths: list[Path]) -> list[list[Any]]:
    """:func:`read_outcome` as the 'nobody' user when running as root (so mode 000 blocks it)."""
    if os.geteuid() != 0:
        return read_outcome(paths)
    import pickle

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(r)
        try:
            os.setgid(65534)
            os.setuid(65534)
            data = pickle.dumps(read_outcome(paths))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent
            data = pickle.dumps(exc)
        with os.fdopen(w, "wb") as fh:
            fh.write(data)
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    got = pickle.loads(data)
    if isinstance(got, BaseException):
        raise got
    return got  # type: ignore[no-any-return]


def run_read(case: Case, work: Path) -> dict[str, Any]:
    rng = random.Random(case.seed)
    d = Path(tempfile.mkdtemp(dir=work))
    d.chmod(0o755)
    try:
        paths = BUILDERS[case.builder](rng, d, case.size)
        size = sum(p.stat().st_size for p in paths if p.is_file() and os.access(p, os.R_OK))
        reader = read_unprivileged if case.builder == "b_paths" else read_outcome
        first = reader(paths)
        res: dict[str, Any] = {
            "articles": sum(1 for x in first if x[0] == "article"),
            "errors": Counter(x[2] for x in first if x[0] == "failure"),
        }
        if size < 1_000_000:
            res["nondeterministic"] = int(reader(paths) != first)
        return res
    finally:
        for p in [d, *d.rglob("*")]:
            if p.is_dir():
                p.chmod(0o755)
        shutil.rmtree(d, ignore_errors=True)


def extract_once(text: str, pipeline: Any) -> Any:
    """``newsgraph.extract(text)``'s path (the text reader, then every stage), giving the failure's
    own type where ``extract`` would wrap it in a ProcessingError: an Output or a ReadFailure."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.ingest.text import read_text
    from newsgraph.model import ReadFailure

    try:
        article = read_text(text, published="2020-01-02")
    except NewsgraphError as exc:
        return ReadFailure(input="<text>", reason=exc.message, error_type=exc.kind, hint=exc.hint)
    [res] = pipeline.process_batch([article])
    return res.failure if res.article is None else res.article.to_output()


def run_extract(case: Case, pipeline: Any) -> dict[str, Any]:
    from newsgraph.model import ReadFailure

    text = BUILDERS[case.builder](random.Random(case.seed), case.size)
    out = extract_once(text, pipeline)
    if isinstance(out, ReadFailure):
        internal = out.error_type == "ProcessingError" and "failed: " in out.reason
        return {"articles": 0, "errors": Counter([out.error_type]), "internal": int(internal),
                "internal_reason": out.reason[:200] if internal else None}
    if len(text) > DETERMINISM_MAX_CHARS:
        return {"articles": 1, "errors": Counter(), "bad_spans": len(bad_spans(out)),
                "dangling": dangling_refs(out)[:5], "nondeterministic": 0}
    again = extract_once(text, pipeline)
    if isinstance(again, ReadFailure):
        return {"articles": 1, "errors": Counter([again.error_type]), "nondeterministic": 1}
    return {
        "articles": 1, "errors": Counter(), "bad_spans": len(bad_spans(out)),
        "dangling": dangling_refs(out)[:5],
        "nondeterministic": int(out.model_dump_json() != again.model_dump_json()),
    }


def worker() -> None:
    """Run cases read from stdin, one JSON line each; answer each with a RESULT line."""
    import logging

    logging.disable(logging.CRITICAL)
    import encodings.utf_8_sig  # noqa: F401 - a child that drops privileges cannot import these later
    import pickle  # noqa: F401

    import charset_normalizer  # noqa: F401
    import trafilatura  # noqa: F401
    import warcio.archiveiterator  # noqa: F401

    import newsgraph.ingest  # noqa: F401

    pipeline = None
    work = Path(tempfile.mkdtemp(prefix="newsgraph-reliability-"))
    work.chmod(0o755)
    limit_set = False
    try:
        for line in sys.stdin:
            case = Case(**json.loads(line))
            if case.kind == "extract" and pipeline is None:
                from newsgraph.pipeline import Pipeline

                pipeline = Pipeline.from_config()
                pipeline.extract_text(BODY)
            if not limit_set:  # after start-up: the headroom is for the inputs
                vm = _vm_size()
                if vm:
                    resource.setrlimit(resource.RLIMIT_AS, (vm + WORKER_HEADROOM_BYTES, resource.RLIM_INFINITY))
                limit_set = True
            base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            t0 = time.perf_counter()
            try:
                res = run_read(case, work) if case.kind == "read" else run_extract(case, pipeline)
            except Exception as exc:  # noqa: BLE001 - the finding: an exception escaped the library
                res = {"articles": 0, "errors": Counter(), "crash": f"{type(exc).__name__}: {str(exc)[:200]}"}
            res["seconds"] = round(time.perf_counter() - t0, 2)
            res["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            res["start_rss_mb"] = base / 1024
            print(RESULT + json.dumps(res), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _vm_size() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


INTRO = """# Reliability: hostile and broken inputs

Written by `benchmarks/reliability.py` (issue 16); do not edit by hand, rerun it. Every input is
made from a fixed seed and run in a worker process: read categories give files to
`newsgraph.ingest.read_paths`, extract categories give texts to the path of `newsgraph.extract`
(the text reader, then every stage of the real pipeline). A **crash** is an exception that escapes
the library or a worker that dies; a **hang** is an input that takes longer than the timeout (the
worker is killed and replaced); an **internal error** is a `ProcessingError` wrapping an unforeseen
exception of a stage (recorded, and the run goes on, but a bug). For each extracted article:
**bad spans** (`text[start:end] != span.text`), **dangling ids** (an event's actors, a quote's
speaker, a place, quantity or actor id that names no record of the article) and
**non-deterministic** outputs (the same input twice, different JSON; texts up to 50,000
characters, inputs read up to 1 MB). Peak RSS is the worker's
high-water mark (`resource.getrusage`), the start-up figure in brackets (with the spaCy pipeline
for extract categories). The table of errors counts `ReadFailure.error_type` (typed, expected).
See [input.md](input.md) for what each error means.

## Defences (issue 16)

- **Typed failures only.** `read_paths` never raises for a bad input: `RecursionError` from a JSON
  line nested 100,000 deep is `NestingTooDeepError` for that line; an `OSError` anywhere (a folder
  above the path or inside a given directory that cannot be read, a file without read permission)
  is `InputUnreadableError` ("cannot read: permission denied") or `InputNotFoundError`; a broken
  gzip stream is `CorruptArchiveError`; anything unforeseen is `ReaderError` for that file or line.
  The next input is read in every case.
- **Bounded reads.** JSON Lines are read line by line with a bound of `max_bytes + 1`, so a longer
  line is skipped in 1 MB reads and never materialised (a 1 GB line in a small `.jsonl.gz`);
  `.txt.gz`/`.html.gz` stop decompressing at `max_bytes + 1`; WARC headers are read through a
  bounded `readline` (1 MB per record, continuation lines included) and record bodies through
  `read(max_bytes + 1)`; a gzip member decompresses 16 kB at a time.
- **Messages.** UTF-16 without a byte-order mark is recognised (NULs in every other byte) and read;
  HTML nested deeper than libxml2's 256 levels is flattened below 200 levels and read again (the
  error says how deep the page went when even that finds no body); an unreadable file says
  "cannot read: permission denied".
- **Symbol floods.** spaCy's tokenizer splits a run of quote marks, brackets, punctuation or emoji
  one character at a time, in time that grows with the square of the run (4,000 `"`: 4.3 s; so
  100,000: about 45 minutes). The cleaner keeps the first 64 characters of any run of over 64
  characters without a letter, digit or space (`removed` reason `symbol-run`); no article has such
  a run, and the golden outputs are unchanged. The hard limit on a stage that still runs too long
  is the worker-process timeout of the extract and ingest commands, not this table.
"""


# -- the parent: workers, timeouts, the table ----------------------------------------------------
@dataclass
class Tally:
    """What one category gave."""

    inputs: int = 0
    articles: int = 0
    crashes: int = 0
    hangs: int = 0
    internal: int = 0
    bad_spans: int = 0
    dangling: int = 0
    nondeterministic: int = 0
    peak_rss_mb: float = 0.0
    start_rss_mb: float = 0.0
    max_seconds: float = 0.0
    errors: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


class Worker:
    """A worker process and a thread that hands its result lines over (so a wait can time out)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.reliability", "--worker"], cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith(RESULT):
                self.lines.put(line[len(RESULT):])
        self.lines.put(None)

    def run(self, case: Case, timeout: float) -> dict[str, Any] | str:
        """The case's result, or 'hang' / 'died (rc)'."""
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(case.__dict__) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            return f"died ({self.proc.wait()})"
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            return "hang"
        if line is None:
            return f"died ({self.proc.wait()})"
        return json.loads(line)  # type: ignore[no-any-return]

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


def run(seed: int = DEFAULT_SEED, per_category: int | None = None, quick: bool = False,
        only: str | None = None, timeout: float = DEFAULT_TIMEOUT_S,
        progress: Callable[[str], None] | None = None) -> dict[str, Tally]:
    """Every category's tally (a worker per category, replaced after a hang or a death)."""
    tallies: dict[str, Tally] = {}
    for category in CATEGORIES:
        todo = list(cases(seed, per_category, quick, only=category))
        if not todo or (only is not None and only != category):
            continue
        t = tallies[category] = Tally()
        w = Worker()
        for case in todo:
            t.inputs += 1
            res = w.run(case, timeout)
            if isinstance(res, str):
                if res == "hang":
                    t.hangs += 1
                    t.notes.append(f"hang (over {timeout:g} s, worker killed): {case.builder} seed {case.seed}")
                else:
                    t.crashes += 1
                    t.notes.append(f"worker {res}: {case.builder} seed {case.seed}")
                w = Worker()
                continue
            _add(t, res, case)
        w.close()
        if progress:
            progress(f"{category}: {t.inputs} inputs, {t.crashes} crashes, {t.hangs} hangs, "
                     f"peak {t.peak_rss_mb:.0f} MB, {dict(t.errors)}")
    return tallies


def _add(t: Tally, res: dict[str, Any], case: Case) -> None:
    t.articles += res["articles"]
    t.errors.update(res["errors"])
    if res.get("crash"):
        t.crashes += 1
        t.notes.append(f"crash: {res['crash']} ({case.builder} seed {case.seed})")
    if res.get("internal"):
        t.internal += 1
        t.notes.append(f"internal error: {res['internal_reason']} ({case.builder} seed {case.seed})")
    t.bad_spans += res.get("bad_spans", 0)
    if res.get("dangling"):
        t.dangling += 1
        t.notes.append(f"dangling ids: {', '.join(res['dangling'])} ({case.builder} seed {case.seed})")
    t.nondeterministic += res.get("nondeterministic", 0)
    t.peak_rss_mb = max(t.peak_rss_mb, res["rss_mb"])
    t.start_rss_mb = t.start_rss_mb or res["start_rss_mb"]
    t.max_seconds = max(t.max_seconds, res["seconds"])


def table(tallies: dict[str, Tally]) -> str:
    head = ("| category | kind | inputs | articles | crashes | hangs | internal errors | bad spans | "
            "dangling ids | non-deterministic | peak RSS (start) MB | slowest s | errors by type |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    rows = []
    total = Tally()
    for category, t in tallies.items():
        rss = f"{t.peak_rss_mb:.0f} ({t.start_rss_mb:.0f})" if t.peak_rss_mb else "— (killed)"
        slowest = f"{t.max_seconds:.1f}" if t.peak_rss_mb else "—"
        errors = ", ".join(f"{k} {v}" for k, v in sorted(t.errors.items(), key=lambda kv: (-kv[1], kv[0]))) or "—"
        rows.append(f"| {category} | {CATEGORIES[category][0]} | {t.inputs} | {t.articles} | {t.crashes} | "
                    f"{t.hangs} | {t.internal} | {t.bad_spans} | {t.dangling} | {t.nondeterministic} | "
                    f"{rss} | {slowest} | {errors} |")
        for k in ("inputs", "articles", "crashes", "hangs", "internal", "bad_spans", "dangling", "nondeterministic"):
            setattr(total, k, getattr(total, k) + getattr(t, k))
        total.peak_rss_mb = max(total.peak_rss_mb, t.peak_rss_mb)
    rows.append(f"| **all** | | {total.inputs} | {total.articles} | **{total.crashes}** | **{total.hangs}** | "
                f"{total.internal} | {total.bad_spans} | {total.dangling} | {total.nondeterministic} | "
                f"{total.peak_rss_mb:.0f} | | |")
    return head + "\n".join(rows) + "\n"


def notes(tallies: dict[str, Tally]) -> str:
    lines = [f"- {category}: {n}" for category, t in tallies.items() for n in t.notes]
    return "\n".join(lines) + "\n" if lines else "- none\n"


def markdown(tallies: dict[str, Tally], args: dict[str, Any]) -> str:
    text = io.StringIO()
    text.write(INTRO)
    text.write(f"\n## Results\n\nCommand: `python -m benchmarks.reliability {args['argv']}` "
               f"(seed {args['seed']}, timeout {args['timeout']:g} s per input).\n\n")
    text.write(table(tallies))
    text.write("\n### Findings\n\n")
    text.write(notes(tallies))
    return text.getvalue()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-category", type=int, default=None)
    ap.add_argument("--quick", action="store_true", help="the CI slice: small sizes, 2 inputs per category")
    ap.add_argument("--only", default=None, help="one category")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S)
    ap.add_argument("--write", default=None, help="write the markdown report here (e.g. docs/reliability.md)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker()
        return
    per = args.per_category if args.per_category is not None else (2 if args.quick else None)
    tallies = run(args.seed, per, args.quick, args.only, args.timeout, progress=lambda s: print(s, flush=True))
    print(table(tallies))
    print(notes(tallies))
    if args.write:
        shown = " ".join(argv if argv is not None else sys.argv[1:])
        Path(args.write).write_text(markdown(tallies, {"argv": shown, "seed": args.seed, "timeout": args.timeout}),
                                    "utf-8")


if __name__ == "__main__":
    main()
