"""The web app's read-only corpus access: hardened connections and the per-query time limit."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import StoreCorruptError, StoreError
from newsgraph.web.corpus import HARDENED, Corpus, QueryTimeoutError, Reader


def test_a_query_past_the_time_limit_is_stopped(tmp_path: Path) -> None:
    con = duckdb.connect(config=dict(HARDENED))
    reader = Reader(con, "memory", timeout_s=0.3)
    with pytest.raises(QueryTimeoutError):
        reader.rows("SELECT count(*) FROM range(1000000000000) a, range(1000) b WHERE a.range % 7 = b.range")
    assert reader.rows("SELECT 42 AS x") == [{"x": 42}]  # the connection still works


def test_web_connections_cannot_read_other_files(web_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "secret.csv"
    other.write_text("a\n1\n")
    with Corpus(web_db).read() as r, pytest.raises(StoreError):
        r.rows("SELECT * FROM read_csv(?)", [str(other)])


def test_a_file_that_is_no_corpus_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    with pytest.raises(StoreCorruptError):
        Corpus(plain).check()
    with pytest.raises(StoreError, match="no database"):
        Corpus(tmp_path / "missing.duckdb").check()
