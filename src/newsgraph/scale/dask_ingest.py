"""Ingest on a Dask cluster: partitions extracted on the workers, exchanged as Parquet, loaded here.

The driver (this process) reads the inputs as a stream, drops articles the store already holds,
and cuts the rest into partitions of ``partition_size`` articles. Each partition is a Dask task:
a worker extracts it -- in a killable worker process with the hard per-article limit
(:class:`~newsgraph.scale.pool.WorkerPool`, one per worker thread, kept between tasks by the
worker plugin of :mod:`newsgraph.scale.dask_plugin`) -- and
writes ``<dir>/articles/part-NNNNN.parquet`` (one row per article: id, input, url, title,
published, and the output contract as JSON) and ``<dir>/failures/part-NNNNN.parquet``. The driver
loads the partitions into DuckDB in partition order, one transaction each, through
:meth:`~newsgraph.store.Store.write`: an article already stored is skipped, so loading is
idempotent and a re-run after any crash finishes the rest. At most two partitions per worker
are in flight, so memory stays bounded whatever the length of the input.

The Parquet folder must be reachable under the same path by the workers and the driver (a shared
or network file system); with ``--dask local`` any local folder is. Spark, DuckDB or pandas read
the partitions directly (``read_parquet('<dir>/articles/*.parquet')``).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import ConfigError, InvalidValueError
from ..model import Article, Output, ReadFailure
from ..pipeline import Result
from ..store import Store
from ..store.ingest import IngestStats
from .spec import PipelineSpec, worker_pipeline

#: Columns of ``articles/part-*.parquet``.
ARTICLE_COLUMNS = ("id", "input", "url", "title", "published", "output")
#: Columns of ``failures/part-*.parquet``.
FAILURE_COLUMNS = ("input", "reason", "error_type", "hint")
#: Partitions in flight per Dask worker.
IN_FLIGHT_PER_WORKER = 2


def extract_partition(spec_key: bytes, articles: list[Article], out_dir: str, part: int,
                      timeout_s: float) -> tuple[int, int]:
    """Runs on a Dask worker: extract one partition, write its Parquet files; (articles, failures)."""
    items: list[Article | ReadFailure] = list(articles)
    if timeout_s > 0:
        from .dask_plugin import current_pool

        results = list(current_pool().process(items))
    else:
        results = list(worker_pipeline(spec_key).process(items, batch_size=16))
    return write_partition(results, Path(out_dir), part)


def write_partition(results: Sequence[Result], out_dir: Path, part: int) -> tuple[int, int]:
    """``articles/part-NNNNN.parquet`` and ``failures/part-NNNNN.parquet`` of one partition,
    each written to a temporary name and renamed (a reader never sees half a file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[Any]] = {c: [] for c in ARTICLE_COLUMNS}
    fails: dict[str, list[Any]] = {c: [] for c in FAILURE_COLUMNS}
    for res in results:
        if res.article is not None:
            a = res.article
            for col, value in zip(ARTICLE_COLUMNS, (a.ensure_id(), a.input, a.url, a.title, a.published,
                                                    json.dumps(a.to_json_dict(), ensure_ascii=False)),
                                  strict=True):
                rows[col].append(value)
        elif res.failure is not None:
            f = res.failure
            for col, value in zip(FAILURE_COLUMNS, (f.input, f.reason, f.error_type, f.hint), strict=True):
                fails[col].append(value)
    for table, cols in (("articles", rows), ("failures", fails)):
        folder = out_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".part-{part:05d}.parquet.tmp"
        pq.write_table(pa.table({c: pa.array(v, type=pa.string()) for c, v in cols.items()}), tmp)
        tmp.replace(folder / f"part-{part:05d}.parquet")
    return len(rows["id"]), len(fails["input"])


def load_partition(store: Store, out_dir: Path, part: int) -> tuple[int, int, int]:
    """Load one partition into the store (one transaction); (read, added, failures)."""
    import pyarrow.parquet as pq

    from ..store.rows import output_to_article

    arts = pq.read_table(out_dir / "articles" / f"part-{part:05d}.parquet").to_pylist()
    fails = pq.read_table(out_dir / "failures" / f"part-{part:05d}.parquet").to_pylist()
    articles = [output_to_article(Output.model_validate_json(r["output"])) for r in arts]
    failures = [ReadFailure(input=f["input"], reason=f["reason"], error_type=f["error_type"], hint=f["hint"])
                for f in fails]
    added = store.write(articles, failures)
    return len(articles), added, len(failures)


def partitions(store: Store, items: Iterator[Article | ReadFailure], size: int,
               stats: IngestStats) -> Iterator[tuple[list[Article], list[ReadFailure]]]:
    """The new articles of ``items`` in partitions of ``size`` (stored or repeated ids dropped),
    each with the read failures met while it filled."""
    arts: list[Article] = []
    fails: list[ReadFailure] = []
    seen: set[str] = set()

    def fresh(batch: list[Article]) -> list[Article]:
        known = store.known_ids([a.id for a in batch])
        keep = [a for a in batch if a.id not in known]
        stats.skipped += len(batch) - len(keep)
        return keep

    for item in items:
        if isinstance(item, ReadFailure):
            fails.append(item)
            continue
        stats.read += 1
        if item.ensure_id() in seen:
            stats.skipped += 1
            continue
        seen.add(item.id)
        arts.append(item)
        if len(arts) >= size:
            yield fresh(arts), fails
            arts, fails = [], []
    if arts or fails:
        yield fresh(arts), fails


@contextmanager
def dask_client(address: str, workers: int) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or of a new LocalCluster (``'local'``)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--dask needs the dask and distributed packages", input="--dask",
                          hint="pip install 'newsgraph[dask]'") from None
    if address == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
        return
    if "://" not in address and ":" not in address:
        raise InvalidValueError(f"'{address}' is no scheduler address", input="--dask",
                                hint="give tcp://HOST:8786 (dask scheduler), or 'local'")
    with Client(address) as client:
        yield client


def dask_ingest(
    store: Store,
    cfg: Config,
    paths: list[str],
    *,
    published: str | None = None,
    address: str = "local",
    workers: int = 2,
    timeout_s: float = 60.0,
    parquet_dir: Path | None = None,
    partition_size: int = 50,
) -> IngestStats:
    """Ingest ``paths`` through a Dask cluster (see the module doc); the stats of the run."""
    from ..ingest import read_paths

    items = read_paths(paths, max_bytes=cfg.input.max_bytes, published=published,
                       encoding_fallback=cfg.input.encoding_fallback)
    out = parquet_dir or Path(tempfile.mkdtemp(prefix="newsgraph-parquet-"))
    try:
        with ExitStack() as stack:
            # the cluster is reached only when a partition holds new articles: a re-run over a
            # stored corpus starts none
            return run_partitions(lambda: stack.enter_context(dask_client(address, workers)), store,
                                  items, cfg, out, timeout_s, partition_size)
    finally:
        if parquet_dir is None:
            shutil.rmtree(out, ignore_errors=True)


def run_partitions(connect: Callable[[], Any], store: Store, items: Iterator[Article | ReadFailure],
                   cfg: Config, out: Path, timeout_s: float, partition_size: int) -> IngestStats:
    """Submit the partitions (at most :data:`IN_FLIGHT_PER_WORKER` per worker at once) and load
    each into the store as it is done, in partition order. ``connect()`` gives the Dask client;
    it is called once, when the first partition with new articles is ready."""
    stats = IngestStats()
    spec_key = PipelineSpec.of(cfg).key()
    pending: deque[tuple[int, Any, list[ReadFailure]]] = deque()
    client: Any = None
    n_workers = 1

    def load_next() -> None:
        part, future, read_fails = pending.popleft()
        future.result()
        read, added, failed = load_partition(store, out, part)
        if read_fails:
            store.write([], read_fails)
        stats.stored += added
        stats.skipped += read - added
        stats.failed += failed + len(read_fails)
        stats.batches += 1

    for part, (arts, read_fails) in enumerate(partitions(store, items, partition_size, stats)):
        if not arts:  # nothing new to extract: only read failures to record
            store.write([], read_fails)
            stats.failed += len(read_fails)
            continue
        if client is None:
            client = connect()
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
            out.mkdir(parents=True, exist_ok=True)
            if timeout_s > 0:
                from .dask_plugin import ExtractionPlugin

                client.register_plugin(ExtractionPlugin(spec_key, timeout_s))
        future = client.submit(extract_partition, spec_key, arts, str(out), part, timeout_s, pure=False)
        pending.append((part, future, read_fails))
        while len(pending) >= IN_FLIGHT_PER_WORKER * n_workers:
            load_next()
    while pending:
        load_next()
    return stats
