"""The table specs: DDL and row builders from one place, migrations to the same layout, data versions."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import SchemaVersionError
from newsgraph.resources import data_versions
from newsgraph.store import STORE_SCHEMA_VERSION, Store
from newsgraph.store.rows import article_rows
from newsgraph.store.samples import sample_articles
from newsgraph.store.schema import SPECS, TABLES


def _layout(path: Path) -> dict[str, list[tuple[str, str]]]:
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
    ).fetchall()
    con.close()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, col, typ in rows:
        out.setdefault(table, []).append((col, typ))
    return out


def test_the_database_has_exactly_the_spec_columns(tmp_path: Path) -> None:
    p = tmp_path / "c.duckdb"
    Store(p).close()
    assert _layout(p) == {s.name: [(c.name, c.base_type) for c in s.columns] for s in SPECS}
    assert set(TABLES) == {s.name for s in SPECS}


def test_row_builders_fill_every_column_of_their_table() -> None:
    rows = article_rows(sample_articles())
    record_specs = {s.name: s for s in SPECS if s.record is not None}
    assert set(rows) == set(record_specs)
    for name, cols in rows.items():
        assert tuple(cols) == record_specs[name].column_names
        lengths = {len(v) for v in cols.values()}
        assert len(lengths) == 1, name
    assert len(rows["articles"]["id"]) == 3
    assert len(rows["mentions"]["ref"]) == sum(len(x.mentions) for a in sample_articles() for x in a.actors + a.places)


def _downgrade_to_v2(p: Path) -> None:
    """Make a v3 file look like one newsgraph schema 2 wrote (its exact layout)."""
    con = duckdb.connect(str(p))
    con.execute(
        "UPDATE articles SET stats = CAST(json_merge_patch(stats, json_object('record_id', record_id)) AS JSON) "
        "WHERE record_id IS NOT NULL"
    )
    con.execute("ALTER TABLE articles DROP COLUMN record_id")
    con.execute("ALTER TABLE articles DROP COLUMN dateline")
    con.execute("DROP TABLE quarantine")
    con.execute("DROP TABLE inflight")
    con.execute("CREATE TABLE inflight (id VARCHAR PRIMARY KEY, input VARCHAR, attempts INTEGER, started TIMESTAMP)")
    con.execute("INSERT INTO inflight VALUES ('abc', 'left.txt', 1, now())")
    # version 2 wrote a crash failure for an article merely in flight during a stop, and for a real one
    for key, input_ in (("k1", "sample-1.txt"), ("k2", "never-stored.txt")):
        con.execute(
            "INSERT INTO failures VALUES (?, ?, 'extracting this article crashed the process 2 times; skipped', "
            "'ProcessingError', 'h', now(), now(), 1)",
            [key, input_],
        )
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()


def test_a_version_2_database_migrates_to_the_fresh_layout(tmp_path: Path) -> None:
    arts = sample_articles()
    arts[0].record_id = "row-1"
    arts[1].dateline = {"place": "Raqqa", "start": 0, "end": 5}
    fresh, old = tmp_path / "fresh.duckdb", tmp_path / "old.duckdb"
    for p in (fresh, old):
        with Store(p) as s:
            s.write(arts)
    _downgrade_to_v2(old)
    with pytest.raises(SchemaVersionError):
        Store(old)
    with Store(old, migrate=True) as s:
        assert s.schema_version() == STORE_SCHEMA_VERSION == 3
        outs = {o.article.input: o for o in s.outputs()}
        inflight = s.df("SELECT id, state, alone, deaths FROM inflight").to_dict("records")
        fails = s.df("SELECT input FROM failures")["input"].tolist()
    assert _layout(old) == _layout(fresh)
    one = outs["sample-1.txt"]
    assert one.article.record_id == "row-1" and "record_id" not in one.stats
    assert outs["sample-2.txt"].article.dateline is None  # version 2 did not keep it
    assert inflight == [{"id": "abc", "state": "running", "alone": False, "deaths": 0}]
    assert fails == ["never-stored.txt"]  # the stale row of a stored article is gone


def test_a_version_1_database_still_migrates(tmp_path: Path) -> None:
    p = tmp_path / "c.duckdb"
    with Store(p) as s:
        s.write(sample_articles())
    _downgrade_to_v2(p)
    con = duckdb.connect(str(p))  # and further back: no clusters, no cluster ids, no inflight
    con.execute("DROP TABLE clusters")
    con.execute("DROP TABLE inflight")
    con.execute("ALTER TABLE events DROP COLUMN cluster_id")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store(p, migrate=True) as s:
        assert s.count("articles") == 3
        assert sorted(s.clusters()["n_articles"].tolist()) == [1, 1, 2]
    assert set(_layout(p)) == set(TABLES)


def test_writes_record_the_data_versions_in_meta(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as s:
        assert "data_versions" not in s.meta()  # nothing coded yet
        s.write(sample_articles())
        stored = json.loads(s.meta()["data_versions"])
    assert stored == json.loads(json.dumps(data_versions(), sort_keys=True))
    assert stored and all(isinstance(v, str) for v in stored.values())
