"""Ingest on a Dask LocalCluster of 2 workers gives the rows of a local run, through Parquet."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.config import default_config
from newsgraph.ingest import read_paths
from newsgraph.pipeline import Pipeline
from newsgraph.scale.dask_ingest import dask_ingest
from newsgraph.store import Store
from newsgraph.store.ingest import ingest

pytest.importorskip("distributed")

TEXTS = [
    "Talks resume\n\nThe foreign minister of Chile met her Peruvian counterpart in Lima on Monday. "
    "Officials said 40 delegates attended.",
    "Strike ends\n\nDock workers in Rotterdam ended a three-day strike on Friday after the port "
    "authority agreed to raise wages by 4 percent.",
    "Aid convoy\n\nA convoy of 20 trucks carrying food reached the town of Goma on Sunday, the Red "
    "Cross said in a statement.",
    "Border clash\n\nSoldiers from two neighbouring armies exchanged fire near the border on Tuesday, "
    "and three people were wounded, police said.",
]


def table_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, without the columns that record when a row was written."""
    con = duckdb.connect(str(db), read_only=True)
    out: dict[str, list[tuple[object, ...]]] = {}
    tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                        "WHERE table_schema = 'main' ORDER BY 1").fetchall()]
    for t in tables:
        cols = [c for c, typ in con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [t]).fetchall() if not typ.startswith("TIMESTAMP")]
        if t == "meta" or not cols:
            continue
        quoted = ", ".join(f'"{c}"' for c in cols)
        out[t] = sorted(con.execute(f'SELECT {quoted} FROM "{t}"').fetchall(), key=repr)
    con.close()
    return out


@pytest.mark.slow
def test_dask_ingest_on_two_workers_gives_the_rows_of_a_local_run(tmp_path: Path, pipeline: Pipeline) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"a{i}.txt").write_text(text, "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")  # a read failure travels too

    with Store(tmp_path / "local.duckdb") as store:
        ingest(store, pipeline, read_paths([str(folder)], published="2021-05-03"), batch_size=50)

    parquet = tmp_path / "parquet"
    with Store(tmp_path / "dask.duckdb") as store:
        stats = dask_ingest(store, default_config(), [str(folder)], published="2021-05-03", address="local",
                            workers=2, parquet_dir=parquet, partition_size=2)
    assert (stats.stored, stats.failed) == (4, 1)

    local, dask = table_rows(tmp_path / "local.duckdb"), table_rows(tmp_path / "dask.duckdb")
    assert len(local["articles"]) == 4
    assert len(local["events"]) > 0
    assert dask == local

    # the exchange format is plain Parquet, one file per partition
    parts = sorted(p.name for p in (parquet / "articles").glob("*.parquet"))
    assert parts == ["part-00000.parquet", "part-00001.parquet"]
    ids = duckdb.sql(f"SELECT id FROM read_parquet('{parquet}/articles/*.parquet') ORDER BY id").fetchall()
    assert [i for (i,) in ids] == sorted(r[0] for r in local["articles"])

    # again: nothing added (idempotent), no cluster started (an address nobody listens on is
    # never dialled), the failure seen a second time
    with Store(tmp_path / "dask.duckdb") as store:
        again = dask_ingest(store, default_config(), [str(folder)], published="2021-05-03",
                            address="tcp://127.0.0.1:9", parquet_dir=tmp_path / "parquet2", partition_size=2)
    assert (again.stored, again.skipped, again.failed) == (0, 4, 1)
    after = table_rows(tmp_path / "dask.duckdb")
    assert after.pop("failures")[0][-1] == 2  # attempts
    dask.pop("failures")
    assert after == dask
