"""Scale: killable worker processes (a hard time limit per article, all cores) and Dask.

- :class:`WorkerPool`: N processes, one pipeline each, results in input order; an article over
  the limit has its worker killed and replaced and becomes a ``StageTimeoutError`` failure.
- :func:`open_extractor`: a pool, or the pipeline in this process (``workers=0``).
- :mod:`newsgraph.scale.dask_ingest`: ingest on a Dask cluster through partitioned Parquet
  (imported on demand: Dask is the optional ``[dask]`` extra).

See docs/scale.md.
"""

from __future__ import annotations

from .extractors import open_extractor, sigterm_as_interrupt
from .pool import PoolStats, WorkerPool
from .spec import PipelineSpec, worker_pipeline

__all__ = ["PipelineSpec", "PoolStats", "WorkerPool", "open_extractor", "sigterm_as_interrupt", "worker_pipeline"]
