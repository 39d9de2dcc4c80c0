"""User SQL reaches nothing but the corpus (issue 16 item 6), and the read-only open mode for servers:
several readers at once, a clear lock error while an ingest writes."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.errors import QueryError, StoreError, StoreLockedError
from newsgraph.export import export
from newsgraph.store import Store
from newsgraph.store.samples import sample_articles


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    p = tmp_path / "c.duckdb"
    with Store(p) as s:
        s.write(sample_articles())
    return p


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    p = tmp_path / "secret.csv"
    p.write_text("name,pin\nalice,1234\n", "utf-8")
    return p


@pytest.fixture()
def http_csv() -> Iterator[str]:
    """A real local HTTP server that serves a CSV file and counts requests."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            hits.append(self.path)
            body = b"a,b\n1,2\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/x.csv"
    finally:
        server.shutdown()
        assert hits == [], "a user query reached the network"


def _queries(secret: Path) -> list[str]:
    return [
        f"SELECT content FROM read_text('{secret}')",
        f"SELECT * FROM read_csv('{secret}')",
        f"SELECT * FROM '{secret}'",
        f"SELECT * FROM glob('{secret.parent}/*')",
        f"SELECT * FROM sniff_csv('{secret}')",
        "SELECT content FROM read_text('/etc/passwd')",
    ]


@pytest.mark.parametrize("mode", ["writable", "read_only", "open_readonly"])
def test_user_sql_cannot_read_other_files(db: Path, secret: Path, mode: str) -> None:
    opened = {
        "writable": lambda: Store(db),
        "read_only": lambda: Store(db, read_only=True),
        "open_readonly": lambda: Store.open_readonly(db),
    }[mode]()
    with opened as s:
        for q in _queries(secret):
            with pytest.raises(QueryError) as e:
                s.sql(q)
            assert "1234" not in str(e.value)
        assert s.sql("SELECT count(*) AS n FROM articles")["n"].tolist() == [3]


def test_user_sql_cannot_fetch_urls_or_load_extensions(db: Path, http_csv: str) -> None:
    with Store(db, read_only=True) as s:
        for q in (f"SELECT * FROM read_csv('{http_csv}')", f"SELECT * FROM '{http_csv}'"):
            with pytest.raises(QueryError):
                s.sql(q)
        for setting in ("autoinstall_known_extensions", "autoload_known_extensions", "enable_external_access"):
            got = s.sql(f"SELECT current_setting('{setting}') AS v")["v"].tolist()
            assert got == [False], setting


def test_user_sql_cannot_turn_the_sandbox_off(db: Path, secret: Path) -> None:
    with Store(db) as s:
        s.sql("SELECT 1")
        with pytest.raises(StoreError):  # not through sql() (SET is refused) and not even directly
            s.df("SET enable_external_access = true")
        with pytest.raises(QueryError):
            s.sql(f"SELECT content FROM read_text('{secret}')")


def test_a_sandboxed_store_still_writes_its_own_file(db: Path) -> None:
    with Store(db) as s:
        s.sql("SELECT 1")
        arts = sample_articles()
        for a in arts:
            a.text += " Updated."
            a.id = ""
        assert s.write(arts) == 3
        assert s.count() == 6


def test_exports_work_on_a_store_no_user_query_touched(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as s:
        export(s, "csv", tmp_path / "events.csv", table="events")
    assert (tmp_path / "events.csv").read_text("utf-8").startswith("article_id,")


def test_open_readonly_allows_several_readers(db: Path) -> None:
    with Store.open_readonly(db) as a, Store.open_readonly(db) as b:
        assert a.count() == b.count() == 3
    other = subprocess.run(
        [sys.executable, "-c", f"from newsgraph.store import Store; print(Store.open_readonly({str(db)!r}).count())"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other.stdout.strip() == "3", other.stderr


def test_open_readonly_explains_the_lock_of_a_writer(db: Path) -> None:
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time; from newsgraph.store import Store; s = Store({str(db)!r}); "
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError) as e:
            Store.open_readonly(db, wait_s=0.5, poll_s=0.1)
        assert f"PID {writer.pid}" in e.value.message
        assert e.value.hint is not None and "one process write" in e.value.hint
    finally:
        writer.kill()
        writer.wait()
    with Store.open_readonly(db, wait_s=5) as s:  # free again once the writer is gone
        assert s.count() == 3


def test_open_readonly_waits_for_a_writer_to_finish(db: Path) -> None:
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time; from newsgraph.store import Store; s = Store({str(db)!r}); "
            "print('ready', flush=True); time.sleep(1.0); s.close(); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        with Store.open_readonly(db, wait_s=20, poll_s=0.1) as s:
            assert s.count() == 3
    finally:
        writer.kill()
        writer.wait()


def test_open_readonly_refuses_writes_and_exports(db: Path, tmp_path: Path) -> None:
    with Store.open_readonly(db) as s:
        with pytest.raises(StoreError):
            s.write(sample_articles())
        with pytest.raises(StoreError):
            export(s, "csv", tmp_path / "x.csv", table="events")
    assert not (tmp_path / "x.csv").exists()
