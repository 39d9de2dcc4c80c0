"""Corpus store: writes, idempotence, clusters, queries, read-only SQL, bad databases."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import (
    QueryError,
    SchemaVersionError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreNotWritableError,
)
from newsgraph.model import Article, ReadFailure
from newsgraph.store import STORE_SCHEMA_VERSION, Store
from newsgraph.store.samples import sample_articles


def test_write_is_idempotent(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as s:
        arts = sample_articles()
        assert s.write(arts[:2]) == 2
        assert s.write(arts) == 1
        assert s.write(sample_articles()) == 0
        assert s.count("articles") == 3
        assert s.count("events") == 4
        assert s.df("SELECT count(DISTINCT id) AS n FROM articles")["n"][0] == 3


def test_failures_recorded_once(tmp_path: Path) -> None:
    f = ReadFailure(input="x.txt", reason="no text", error_type="EmptyInputError", hint="h")
    with Store(tmp_path / "c.duckdb") as s:
        s.write([], [f])
        s.write([], [f])
        df = s.df("SELECT input, reason, error_type, attempts FROM failures")
    assert df.to_dict("records") == [
        {"input": "x.txt", "reason": "no text", "error_type": "EmptyInputError", "attempts": 2}
    ]


def test_round_trip_of_hand_built_records(store: Store) -> None:
    originals = {a.ensure_id(): a.to_output() for a in sample_articles()}
    rebuilt = list(store.outputs())
    assert len(rebuilt) == 3
    for out in rebuilt:
        assert out == originals[out.article.id]


def test_round_trip_of_a_real_extraction(tmp_path: Path, example_article: Article) -> None:
    with Store(tmp_path / "c.duckdb") as s:
        assert s.write([example_article]) == 1
        (out,) = list(s.outputs())
        assert s.count("actors") == len(example_article.actors)
        assert s.count("events") == len(example_article.events)
    assert out == example_article.to_output()
    assert out.article.id == example_article.id and len(out.events) == len(example_article.events) > 0


@pytest.mark.parametrize(
    ("window", "sizes"),
    [
        (3, [(2, 2, 2), (1, 1, 1), (1, 1, 1)]),
        (0, [(1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1)]),
        (30, [(3, 3, 3), (1, 1, 1)]),
    ],
)
def test_clusters_follow_the_window(tmp_path: Path, window: int, sizes: list[tuple[int, int, int]]) -> None:
    with Store(tmp_path / "c.duckdb", cluster_window_days=window) as s:
        s.write(sample_articles())
        df = s.clusters()
    got = sorted(((r.n_mentions, r.n_articles, r.n_outlets) for r in df.itertuples()), reverse=True)
    assert got == sorted(sizes, reverse=True)


def test_clusters_do_not_depend_on_arrival_order(tmp_path: Path) -> None:
    def build(name: str, order: list[int]) -> list[tuple[str, int, int, int]]:
        arts = sample_articles()
        with Store(tmp_path / name) as s:
            for i in order:
                s.write([arts[i]])
            df = s.clusters()
            members = s.df("SELECT count(*) AS n FROM events WHERE cluster_id IS NULL")["n"][0]
        assert members == 0
        return sorted((r.cluster_id, r.n_mentions, r.n_articles, r.n_outlets) for r in df.itertuples())

    assert build("a.duckdb", [0, 1, 2]) == build("b.duckdb", [2, 1, 0]) == build("c.duckdb", [1, 2, 0])


def test_cluster_counts_grow_with_new_articles(tmp_path: Path) -> None:
    arts = sample_articles()
    with Store(tmp_path / "c.duckdb") as s:
        s.write([arts[0]])
        assert s.clusters(type="ASSAULT")["n_articles"].tolist() == [1]
        s.write([arts[1]])
        assert s.clusters(type="ASSAULT")["n_articles"].tolist() == [2]
        assert s.clusters(min_articles=2)["n_outlets"].tolist() == [2]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 4),
        ({"actor": "USA"}, 4),
        ({"actor": "USA.MIL"}, 3),
        ({"actor": "RUS"}, 1),
        ({"country": "RUS"}, 1),
        ({"country": "SYR"}, 3),
        ({"type": "ASSAULT"}, 3),
        ({"type": "19"}, 3),
        ({"type": "accuse"}, 1),
        ({"modality": "asserted"}, 4),
        ({"modality": "alleged"}, 0),
        ({"place": "Raqqa"}, 3),
        ({"place": "p.163345"}, 3),
        ({"start": "2017-12-05"}, 3),
        ({"end": "2017-12-06"}, 1),
        ({"start": "2017-12-05", "end": "2017-12-10"}, 2),
        ({"outlet": "Wire Service"}, 1),
        ({"outlet": "gazette%"}, 2),
        ({"actor": "USA", "type": "ASSAULT", "outlet": "Daily%"}, 1),
    ],
)
def test_event_filters(store: Store, filters: dict[str, str], expected: int) -> None:
    assert len(store.events(**filters)) == expected  # type: ignore[arg-type]


def test_event_rows_carry_dates_and_sources(store: Store) -> None:
    df = store.events(outlet="Daily Planet")
    row = df.iloc[0]
    assert str(row["day"])[:10] == "2017-12-04"  # the event's own date ("Monday"), not publication
    assert list(row["source"]) == ["USA.MIL"] and row["place_name"] == "Raqqa"


def test_actors_and_neighbours(store: Store) -> None:
    top = store.actors(top=2)
    assert sorted(top["actor_id"]) == ["ISIS", "USA.MIL"]
    assert top["n_articles"].tolist() == [3, 3]
    # regression: DuckDB sums INTEGER columns as HUGEINT, which pandas turned into floats (3.0)
    assert all(isinstance(v, int) for v in top["n_mentions"].tolist())
    assert str(top["n_mentions"].dtype) == "int64"
    nb = store.neighbours("USA").set_index("neighbour")
    assert nb.loc["ISIS", "n_events"] == 3 and nb.loc["ISIS", "conflict"] == 3
    assert nb.loc["ISIS", "cooperation"] == 0
    assert nb.loc["RUS", "as_source"] == 1
    assert store.actors(country="RUS")["actor_id"].tolist() == ["RUS"]


@pytest.mark.parametrize(
    ("kw", "n"),
    [
        ({"speaker": "Pahon"}, 1),
        ({"speaker": "PER.eric_pahon"}, 1),
        ({"outlet": "Wire%"}, 0),
        ({"text": "stay"}, 1),
        ({}, 1),
    ],
)
def test_quotes(store: Store, kw: dict[str, str], n: int) -> None:
    df = store.quotes(**kw)  # type: ignore[arg-type]
    assert len(df) == n
    if n:
        assert df.iloc[0]["speaker_name"] == "Eric Pahon" and df.iloc[0]["outlet"] == "Daily Planet"


def test_series_shows_sources_and_disagreement(store: Store) -> None:
    df = store.series(holder="USA", unit="troops", place="Syria")
    assert df["value"].tolist() == [2000.0, 1720.0, 2000.0]
    assert df["disagreement"].tolist() == [True, True, False]
    assert df["outlet"].tolist() == ["Daily Planet", "gazette.example", "Wire Service"]
    assert df["window_min"].tolist()[:2] == [1720.0, 1720.0]
    assert len(store.series(holder="RUS")) == 0
    assert len(store.series(unit="troop", start="2017-12-10")) == 1


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM articles",
        "DROP TABLE events",
        "INSERT INTO meta VALUES ('a', 'b')",
        "UPDATE articles SET title = 'x'",
        "COPY articles TO '/tmp/x.csv'",
        "ATTACH '/tmp/other.duckdb'",
        "SELECT 1; DELETE FROM articles",
        "CREATE TABLE x AS SELECT 1",
        "SELEC 1",
        "SELECT * FROM nope",
        "PRAGMA database_size",
        "SET threads = 1",
    ],
)
def test_sql_rejects_writes_and_bad_queries(store: Store, query: str) -> None:
    with pytest.raises(QueryError):
        store.sql(query)
    assert store.count("articles") == 3


def test_sql_select(store: Store) -> None:
    df = store.sql("SELECT plover, count(*) AS n FROM events GROUP BY plover ORDER BY plover")
    assert df.to_dict("records") == [{"plover": "ACCUSE", "n": 1}, {"plover": "ASSAULT", "n": 3}]
    assert store.sql_relation("SELECT * FROM articles").aggregate("count(*)").fetchall() == [(3,)]


# -- bad databases -------------------------------------------------------------------------------
@pytest.mark.parametrize("damage", ["garbage", "truncated", "overwritten"])
def test_corrupt_file(tmp_path: Path, damage: str) -> None:
    p = tmp_path / "bad.duckdb"
    with Store(p) as s:
        s.write(sample_articles())
        s.con.execute("CHECKPOINT")
    data = bytearray(p.read_bytes())
    if damage == "garbage":
        data = bytearray(b"this is not a database\n" * 500)
    elif damage == "truncated":
        data = data[: len(data) // 3]
    else:
        data[20_000:60_000] = b"\xab" * 40_000
    p.write_bytes(bytes(data))
    with pytest.raises(StoreCorruptError):
        with Store(p) as s:
            list(s.outputs())
    assert p.read_bytes() == bytes(data)  # left as it was


def test_foreign_duckdb_file(tmp_path: Path) -> None:
    p = tmp_path / "other.duckdb"
    con = duckdb.connect(str(p))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    with pytest.raises(StoreCorruptError):
        Store(p)


@pytest.mark.parametrize("kind", ["dir", "missing_parent", "parent_is_file"])
def test_unwritable_paths(tmp_path: Path, kind: str) -> None:
    f = tmp_path / "file.txt"
    f.write_text("x")
    path = {
        "dir": tmp_path,
        "missing_parent": tmp_path / "no" / "c.duckdb",
        "parent_is_file": f / "c.duckdb",
    }[kind]
    with pytest.raises(StoreNotWritableError):
        Store(path)


def test_read_only_missing_db(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store(tmp_path / "none.duckdb", read_only=True)
    assert not (tmp_path / "none.duckdb").exists()


def _set_version(path: Path, version: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()


def test_schema_version_newer_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "c.duckdb"
    Store(p).close()
    _set_version(p, STORE_SCHEMA_VERSION + 1)
    with pytest.raises(SchemaVersionError):
        Store(p, migrate=True)


def test_old_schema_needs_migration_then_works(tmp_path: Path) -> None:
    p = tmp_path / "c.duckdb"
    with Store(p) as s:
        s.write(sample_articles())
    con = duckdb.connect(str(p))  # make it look like version 1: no clusters, no cluster ids
    con.execute("DROP TABLE clusters")
    con.execute("ALTER TABLE events DROP COLUMN cluster_id")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaVersionError):
        Store(p)
    with Store(p, migrate=True) as s:
        assert s.schema_version() == STORE_SCHEMA_VERSION
        assert s.count("articles") == 3
        assert sorted(s.clusters()["n_articles"].tolist()) == [1, 1, 2]


def test_locked_by_another_process(tmp_path: Path) -> None:
    p = tmp_path / "c.duckdb"
    Store(p).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(p)!r}); "
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError):
            Store(p)
    finally:
        holder.kill()
        holder.wait()
    with Store(p) as s:  # usable again once the other process is gone
        assert s.count() == 0


_FULL = textwrap.dedent("""
    import os, resource, signal, sys
    from newsgraph.model import Article
    from newsgraph.store import Store
    from newsgraph.store.samples import sample_articles
    from newsgraph.errors import StoreNotWritableError
    path, mode = sys.argv[1], sys.argv[2]
    s = Store(path)
    s.write(sample_articles())
    if mode == "rlimit":
        used = sum(os.path.getsize(p) for p in (path, path + ".wal") if os.path.exists(p))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (used + 50_000, resource.RLIM_INFINITY))
    big = [Article(text=f"Word {i} " * 150_000, published="2017-12-06") for i in range(6)]
    try:
        s.write(big)
    except StoreNotWritableError as exc:
        print("StoreNotWritableError", exc.message)
    else:
        print("written")
""")


def _tmpfs(where: Path) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    where.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(where)], capture_output=True)
    return r.returncode == 0


@pytest.mark.parametrize("mode", ["rlimit", "tmpfs"])
def test_disk_full_during_a_batch_keeps_committed_data(tmp_path: Path, mode: str) -> None:
    """A real small filesystem (3 MB tmpfs, needs root) or a real file-size limit (RLIMIT_FSIZE)."""
    folder = tmp_path
    if mode == "tmpfs":
        folder = tmp_path / "tiny"
        if not _tmpfs(folder):
            pytest.skip("cannot mount a tmpfs here (needs root)")
    db = folder / "c.duckdb"
    try:
        r = subprocess.run(
            [sys.executable, "-c", _FULL, str(db), mode], capture_output=True, text=True, timeout=120
        )
        assert r.stdout.startswith("StoreNotWritableError disk full"), r.stdout + r.stderr
        with Store(db) as s:
            assert s.count("articles") == 3
            assert s.count("events") == 4
            assert len(s.clusters()) == 3
    finally:
        if mode == "tmpfs":
            for _ in range(5):
                if subprocess.run(["umount", str(folder)], capture_output=True).returncode == 0:
                    break
                time.sleep(0.2)


def test_article_id_is_computed_before_cleaning(tmp_path: Path) -> None:
    a = Article(text="Some text  here.\n", published="2017-12-06")
    b = Article(text="some text here.", published="2017-12-07")
    with Store(tmp_path / "c.duckdb") as s:
        assert s.write([a]) == 1
        assert s.known_ids([b.ensure_id()]) == {a.id}  # same normalised content: same article


def test_series_of_undated_claims_has_no_disagreement_verdict(tmp_path: Path) -> None:
    arts = sample_articles()
    for a in arts:
        a.published = None
        a.dates = []
        for e in a.events:
            e.date = None
    with Store(tmp_path / "c.duckdb") as s:
        s.write(arts)
        df = s.series(holder="USA")
    assert sorted(df["value"].tolist()) == [1720.0, 2000.0, 2000.0]
    assert df["day"].isna().all() and df["disagreement"].isna().all()


def test_events_without_a_plover_type_are_stored_and_clustered(tmp_path: Path) -> None:
    """Regression: an event with plover None (a comment with no PLOVER type) made the cluster id
    NULL and the whole batch failed with a NOT NULL constraint error."""
    arts = sample_articles()
    for a in arts[:2]:
        a.events[0].plover = None
    with Store(tmp_path / "c.duckdb") as s:
        assert s.write(arts[:1]) == 1
        assert s.write(arts[1:]) == 2
        assert s.df("SELECT count(*) AS n FROM events WHERE cluster_id IS NULL")["n"][0] == 0
        untyped = s.df("SELECT n_articles FROM clusters WHERE plover IS NULL")["n_articles"].tolist()
    assert untyped == [2]  # the two untyped strikes a day apart are one cluster
