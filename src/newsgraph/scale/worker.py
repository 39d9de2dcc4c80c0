"""The worker process: one pipeline (one spaCy model), many articles, killable from outside.

Started by :class:`~newsgraph.scale.pool.WorkerPool` as ``python -m newsgraph.scale.worker
READ_FD WRITE_FD PARENT_PID TIED``. It talks over two pipes with
:class:`multiprocessing.connection.Connection` messages:

- in: ``(spec, warm)`` first, then ``(seq, article)`` per task, ``None`` to stop;
- out: ``("ready", pid)`` once the pipeline is built (and warmed up), or ``("error", fields)``
  when it cannot be; then ``("done", seq, result)`` per task.

The worker ignores SIGINT (the parent decides what a Ctrl-C stops) and dies with its parent:
with ``TIED`` 1 (started from the parent's main thread) the kernel kills it when the parent dies
(Linux ``PR_SET_PDEATHSIG``, which follows the starting *thread*, hence only from the main
thread); in any case a closed pipe ends it at the next message.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from multiprocessing.connection import Connection

from ..model import Article
from ..pipeline import Pipeline, Result
from .spec import PipelineSpec, error_fields, warm_up

#: prctl option: a signal the kernel sends this process when its parent dies (Linux).
PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int, tied: bool) -> None:
    """With ``tied``, ask the kernel to SIGKILL this process when its parent dies (Linux); exit if
    the parent is already gone."""
    if tied and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)


def run_one(pipeline: Pipeline, article: Article) -> Result:
    """One article through the pipeline; the result carries no spaCy objects."""
    res = pipeline.process_batch([article])[0]
    if res.article is not None:
        res.article.scratch.clear()
    return res


def serve(inbox: Connection, outbox: Connection) -> None:
    """Build the pipeline, say ready, then answer tasks until told to stop or the pipe closes."""
    spec, warm = inbox.recv()
    assert isinstance(spec, PipelineSpec)
    try:
        pipeline = spec.build()
        if warm:
            warm_up(pipeline)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it typed
        outbox.send(("error", error_fields(exc)))
        return
    outbox.send(("ready", os.getpid()))
    while True:
        try:
            task = inbox.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        seq, article = task
        outbox.send(("done", seq, run_one(pipeline, article)))


def main(argv: list[str]) -> int:
    read_fd, write_fd, parent, tied = (int(a) for a in argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent, bool(tied))
    inbox = Connection(read_fd, writable=False)
    outbox = Connection(write_fd, readable=False)
    try:
        serve(inbox, outbox)
    except (EOFError, BrokenPipeError):
        pass
    return 0


if __name__ == "__main__":  # pragma: no cover - run as a process by the pool
    raise SystemExit(main(sys.argv[1:]))
