"""The Dask worker plugin that holds each worker's extraction processes (imports Dask).

Registered by :func:`newsgraph.scale.dask_ingest.run_partitions`: every Dask worker gets a
copy, keeps one :class:`~newsgraph.scale.pool.WorkerPool` (one process holding the model, with
the hard per-article limit) per worker thread between partitions, and closes them when the
Dask worker stops.
"""

from __future__ import annotations

import pickle
import threading
from typing import Any

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from .pool import WorkerPool
from .spec import PipelineSpec

#: The plugin's name on every worker.
PLUGIN_NAME = "newsgraph-extraction"


class ExtractionPlugin(WorkerPlugin):
    """Per Dask worker: the extraction pools of its threads."""

    name = PLUGIN_NAME

    def __init__(self, spec_key: bytes, timeout_s: float) -> None:
        self.spec_key = spec_key
        self.timeout_s = timeout_s
        self.pools: dict[int, WorkerPool] = {}

    def pool(self) -> WorkerPool:
        """The pool of the calling thread, started on first use."""
        key = threading.get_ident()
        pool = self.pools.get(key)
        if pool is None:
            spec: PipelineSpec = pickle.loads(self.spec_key)  # noqa: S301 - our own pickle, from the driver
            pool = self.pools[key] = WorkerPool(spec, workers=1, timeout_s=self.timeout_s)
            pool.start()
        return pool

    def teardown(self, worker: Any) -> None:
        for pool in self.pools.values():
            pool.close()
        self.pools.clear()


def current_pool() -> WorkerPool:
    """Inside a Dask task: this thread's pool, from the plugin on this worker."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, ExtractionPlugin)
    return plugin.pool()
