"""Where articles run: in this process, or in killable worker processes; and stopping a run."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

from .pool import WorkerPool
from .spec import PipelineSpec

if TYPE_CHECKING:  # pragma: no cover - the store (pandas) is not imported to extract
    from ..store.ingest import Extractor


@contextmanager
def open_extractor(spec: PipelineSpec, *, workers: int = 1, timeout_s: float = 60.0) -> Iterator[Extractor]:
    """A :class:`WorkerPool` of ``workers`` processes with the hard limit ``timeout_s`` per article;
    ``workers=0``: the pipeline itself, in this process (no hard limit: an article that hangs
    inside C code hangs the run)."""
    if workers == 0:
        yield spec.build()
        return
    with WorkerPool(spec, workers=workers, timeout_s=timeout_s) as pool:
        yield pool


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While open (main thread), SIGTERM raises KeyboardInterrupt like Ctrl-C: the run stops
    cleanly (workers stopped, output so far kept) instead of dying mid-write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(f"stopped by {signal.Signals(signum).name}")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
