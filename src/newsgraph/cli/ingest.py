"""``newsgraph ingest``: extract inputs into a corpus store, idempotently and resumably."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..config import Config, load_config
from .common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_PARTIAL,
    ConfigOpt,
    DbOpt,
    MaxBytesOpt,
    MinConfidenceOpt,
    ModelOpt,
    NoStatementsOpt,
    PublishedOpt,
    TimeoutOpt,
    WorkersOpt,
    check_day,
    guarded,
    say,
    stderr,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store
    from ..store.ingest import IngestStats

#: Failures listed at the end of a run (the rest are in the store's `failures` table).
SHOWN_FAILURES = 10


def run_ingest(store: Store, cfg: Config, paths: list[str], published: str | None, batch_size: int,
               quiet: bool, workers: int = 1, timeout_s: float | None = None) -> IngestStats:
    """Read, extract (in ``workers`` killable processes, or here with 0) and store; progress on
    stderr (a bar with rate and ETA on a terminal, one plain line per committed batch in logs)."""
    from ..ingest import read_paths
    from ..scale import PipelineSpec, open_extractor
    from ..store.ingest import ingest
    from .progress import RunProgress, count_articles

    items = read_paths(paths, max_bytes=cfg.input.max_bytes, published=published,
                       encoding_fallback=cfg.input.encoding_fallback)
    limit = cfg.pipeline.article_timeout_s if timeout_s is None else timeout_s
    err = stderr()
    total = None if quiet else count_articles(paths)
    with open_extractor(PipelineSpec.of(cfg), workers=workers, timeout_s=limit) as extractor, \
            RunProgress("ingest", total, quiet=quiet, console=err) as bar:

        def tick(s: IngestStats) -> None:
            bar.update(s.stored + s.skipped + s.failed, s.failed)
            if not quiet and not err.is_terminal:
                say(f"batch {s.batches} committed: {s.stored} stored, {s.skipped} skipped, "
                    f"{s.failed} failed, {s.rate:.1f} articles/s")

        return ingest(store, extractor, items, batch_size=batch_size, progress=tick)


def report(stats: IngestStats, store: Store, path: Path) -> None:
    """The totals, then the latest failures, on stderr."""
    say(f"stored {stats.stored}, skipped {stats.skipped} already stored, failed {stats.failed} "
        f"in {stats.elapsed:.1f}s ({stats.rate:.1f} articles/s); {store.count('articles')} articles in ",
        str(path))
    if stats.failed:
        recent = store.df("SELECT input, error_type, reason FROM failures ORDER BY last_seen DESC LIMIT ?",
                          [min(stats.failed, SHOWN_FAILURES)])
        for r in recent.itertuples(index=False):
            say("  ", ("failed", "red"), f" {r.input}: {r.error_type}: {r.reason}")


@guarded
def ingest(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Files, directories or globs (.txt, .html, .jsonl, .warc ...).")
    ],
    db: DbOpt = None,
    published: PublishedOpt = None,
    batch_size: Annotated[
        int | None,
        typer.Option("--batch-size", "-b", min=1, metavar="N",
                     help="Articles per transaction (default: store.batch_size in the config)."),
    ] = None,
    max_bytes: MaxBytesOpt = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    min_confidence: MinConfidenceOpt = None,
    no_statements: NoStatementsOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    workers: WorkersOpt = 1,
    timeout: TimeoutOpt = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="ADDRESS", show_default=False,
                     help="Extract on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' "
                     "for a LocalCluster of --workers processes; partitions go through Parquet "
                     "(docs/scale.md)."),
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option("--parquet", metavar="DIR", show_default=False,
                     help="With --dask: the folder for the partitioned Parquet, reachable by every "
                     "worker and this machine (default: a temporary folder, removed after loading)."),
    ] = None,
) -> None:
    """Extract articles into the corpus: idempotent and resumable.

    Articles already stored (same id: normalised text + url) are skipped before any NLP, so
    re-running after a crash finishes the rest. Each batch is one transaction. Inputs that fail
    are recorded in the `failures` table and the run goes on (exit code 1).
    """
    pub = check_day(published, "--published")
    cfg = load_config(config).with_overrides(nlp__model=model, input__max_bytes=max_bytes,
                                             events__min_confidence=min_confidence,
                                             events__statements=False if no_statements else None)
    from ..store import Store, default_db_path

    path = db if db is not None else default_db_path()
    with Store(path, cluster_window_days=cfg.store.cluster_window_days) as store:
        if dask is not None:
            from ..scale.dask_ingest import dask_ingest

            stats = dask_ingest(store, cfg, paths, published=pub, address=dask, workers=max(1, workers),
                                timeout_s=cfg.pipeline.article_timeout_s if timeout is None else timeout,
                                parquet_dir=parquet, partition_size=batch_size or cfg.store.batch_size)
        else:
            stats = run_ingest(store, cfg, paths, pub, batch_size or cfg.store.batch_size, quiet,
                               workers, timeout)
        report(stats, store, path)
    if stats.failed:
        raise typer.Exit(EXIT_PARTIAL if stats.stored + stats.skipped else EXIT_INPUT)
    raise typer.Exit(EXIT_OK)
