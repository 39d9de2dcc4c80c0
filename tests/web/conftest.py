"""The web tests' corpus (the bundled example, two more articles and a hostile one, ingested into a
real DuckDB file) and a real `newsgraph serve` process on a free local port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from newsgraph.ingest import read_paths
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store
from newsgraph.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "src" / "newsgraph" / "data" / "examples" / "us-troops-syria.txt"
EXAMPLE_PUBLISHED = "2017-12-06"

# Articles of the corpus besides the bundled example, written for these tests.
#: (url, source, published, title, text)
ARTICLES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "https://wire.example.org/2017/12/08/pentagon-troop-count",
        "Example Wire",
        "2017-12-08",
        "Pentagon gives new count of troops in Syria",
        "The Pentagon said on Friday that about 2,000 U.S. troops are deployed in Syria, more than it "
        "had disclosed before.\n\n"
        "Russia accused the United States of prolonging the war in Syria, the Kremlin said.\n\n"
        "Turkey threatened to attack Kurdish fighters near the Syrian border.",
    ),
    (
        "https://daily.example.net/2017/12/11/ankara-talks",
        "Example Daily",
        "2017-12-11",
        "Turkey and Russia hold talks on Syria",
        "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Ankara on Monday "
        "to discuss the war in Syria.\n\n"
        "Iran praised the talks, a spokesman of the Iranian foreign ministry said.\n\n"
        "Syrian government forces shelled rebel positions in Idlib on Sunday, activists said.",
    ),
)

#: An article whose text and title carry markup that must be shown, never run.
HOSTILE = (
    "https://evil.example.com/x",
    "Hostile Example",
    "2017-12-09",
    "<b>Bold</b> title <script>alert('title')</script>",
    "Officials in Damascus said on Saturday that <script>alert('xss')</script> the talks failed.\n\n"
    "A protester held a sign reading <img src=x onerror=alert('img')> outside the embassy in Beirut.",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, *extra: str, port: int | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """`newsgraph serve` in a subprocess; returns it and its base URL once it answers."""
    port = port or free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise RuntimeError(f"server exited {proc.returncode}: {err.decode()[-2000:]}")
        try:
            if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start within 60 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A corpus built by ingesting the example (published 2017-12-06) and the test articles."""
    folder = tmp_path_factory.mktemp("webcorpus")
    records = folder / "more.jsonl"
    with records.open("w", encoding="utf-8") as fh:
        for url, source, published, title, text in (*ARTICLES, HOSTILE):
            rec = {"url": url, "source": source, "published": published, "title": title, "text": text}
            fh.write(json.dumps(rec) + "\n")
    db = folder / "corpus.duckdb"
    with Store(db) as store:
        stats = ingest(store, pipeline, read_paths([str(EXAMPLE)], published=EXAMPLE_PUBLISHED), batch_size=8)
        stats2 = ingest(store, pipeline, read_paths([str(records)]), batch_size=8)
    assert stats.stored == 1 and stats2.stored == len(ARTICLES) + 1, (stats, stats2)
    return db


@pytest.fixture()
def launch() -> Iterator[Callable[..., tuple[str, subprocess.Popen[bytes]]]]:
    """Start another server (extra `serve` options as arguments): its URL and process; stopped
    after the test."""
    started: list[subprocess.Popen[bytes]] = []

    def run(db: Path, *extra: str) -> tuple[str, subprocess.Popen[bytes]]:
        proc, base = start_server(db, *extra)
        started.append(proc)
        return base, proc

    yield run
    for proc in started:
        stop_server(proc)


@pytest.fixture(scope="session")
def texts() -> dict[str, object]:
    """The articles of the test corpus besides the example, and the hostile one."""
    return {"articles": ARTICLES, "hostile": HOSTILE}


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    proc, base = start_server(web_db)
    yield base
    stop_server(proc)


@pytest.fixture(scope="session")
def ids(server: str) -> dict[str, str]:
    """Article ids by the first word of their url host (the example: 'example')."""
    items = httpx.get(f"{server}/api/articles", params={"limit": 50}).json()["items"]
    out = {}
    for a in items:
        out[(a["url"] or "https://example/").split("/")[2].split(".")[0]] = a["id"]
    return out
