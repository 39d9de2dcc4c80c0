"""Worker processes with a hard time limit per article, results in input order.

A :class:`WorkerPool` runs ``workers`` processes (:mod:`newsgraph.scale.worker`), each holding
its own pipeline, and hands them one article at a time. An article that runs longer than
``timeout_s`` (spaCy's tokenizer on a 100 KB flood of quote marks, a regex gone quadratic, any
C call that never returns) has its worker killed -- SIGKILL, which no C loop can ignore -- and
replaced; the article comes back as a failure of type ``StageTimeoutError``. A worker that dies
(segfault, out of memory) costs only its article: a ``ProcessingError`` failure, and a new
worker. Results are yielded in the order of the input, so N workers print what one prints.

The pool has the interface the runners use of a :class:`~newsgraph.pipeline.Pipeline`
(``process(items, batch_size)``), so :func:`newsgraph.store.ingest.ingest` and the CLI take
either. Input is consumed lazily: at most ``window`` articles are held at a time, whatever the
length of the stream.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from types import TracebackType

from ..errors import PipelineError, ProcessingError, StageTimeoutError
from ..model import Article, ReadFailure
from ..pipeline import Result
from .spec import PipelineSpec, error_from_fields

#: A worker that is not ready (model and data loaded) after this many seconds is given up.
START_TIMEOUT_S = 600.0
#: Seconds a worker gets to exit after being asked to, before it is killed.
STOP_GRACE_S = 2.0


@dataclass
class WorkerState:
    """One worker process as the pool sees it."""

    proc: subprocess.Popen[bytes]
    results: Connection
    tasks: Connection
    since: float = field(default_factory=time.monotonic)
    ready: bool = False
    #: the task it runs: (seq, article input for a failure), or None when idle
    task: tuple[int, str] | None = None

    @property
    def idle(self) -> bool:
        return self.ready and self.task is None


@dataclass
class PoolStats:
    """What the pool did: articles done, timeouts, deaths and workers started."""

    done: int = 0
    timeouts: int = 0
    deaths: int = 0
    started: int = 0


class WorkerPool:
    """``workers`` killable processes extracting articles; use as a context manager.

    ``timeout_s`` is the hard limit per article (0: none). ``warm`` runs a short article through
    each new worker before it takes work, so the limit never counts the loading of the model or
    the stages' data. ``window`` bounds the articles held at once (default: 4 per worker + 4).
    """

    def __init__(
        self,
        spec: PipelineSpec,
        *,
        workers: int = 1,
        timeout_s: float = 60.0,
        start_timeout_s: float = START_TIMEOUT_S,
        warm: bool = True,
        window: int | None = None,
    ) -> None:
        if workers < 1:
            raise PipelineError(f"a worker pool needs at least one worker, not {workers}",
                                input="workers", hint="use 1 or more")
        self.spec = spec
        self.workers = workers
        self.timeout_s = timeout_s
        self.start_timeout_s = start_timeout_s
        self.warm = warm
        self.window = window or 4 * workers + 4
        self.stats = PoolStats()
        self._slots: list[WorkerState] = []
        #: task numbers run on across calls of :meth:`process`, so a late answer to an abandoned
        #: call is never taken for an answer to this one
        self._next_seq = 0

    # -- lifetime ----------------------------------------------------------------------
    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(graceful=et is None)

    def start(self) -> None:
        """Start the workers (they load their pipelines in parallel; :meth:`process` waits)."""
        while len(self._slots) < self.workers:
            self._slots.append(self._spawn())

    def close(self, graceful: bool = True) -> None:
        """Stop every worker: asked to exit (``graceful``), killed when it does not."""
        slots, self._slots = self._slots, []
        for s in slots:
            if graceful and s.task is None:
                try:
                    s.tasks.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + (STOP_GRACE_S if graceful else 0.0)
        for s in slots:
            try:
                s.proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _kill(s)
            _close_pipes(s)

    @property
    def pids(self) -> list[int]:
        return [s.proc.pid for s in self._slots]

    def _spawn(self) -> WorkerState:
        to_worker_r, to_worker_w = os.pipe()
        from_worker_r, from_worker_w = os.pipe()
        env = dict(os.environ)
        # the worker imports what this process can (a factory in a test or script folder too)
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "newsgraph.scale.worker",
                 str(to_worker_r), str(from_worker_w), str(os.getpid()),
                 "1" if threading.current_thread() is threading.main_thread() else "0"],
                pass_fds=(to_worker_r, from_worker_w), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, env=env, close_fds=True,
            )
        finally:
            os.close(to_worker_r)
            os.close(from_worker_w)
        tasks = Connection(to_worker_w, readable=False)
        results = Connection(from_worker_r, writable=False)
        tasks.send((self.spec, self.warm))
        self.stats.started += 1
        return WorkerState(proc=proc, results=results, tasks=tasks)

    # -- running -----------------------------------------------------------------------
    def process(self, items: Iterable[Article | ReadFailure], batch_size: int = 0) -> Iterator[Result]:
        """Extract ``items`` (read failures pass through) and yield results in input order.

        ``batch_size`` is accepted for the Pipeline interface; workers take one article at a time.
        """
        if not self._slots:
            self.start()
        source = iter(items)
        results: dict[int, Result] = {}
        queue: list[tuple[int, Article]] = []
        taken = emitted = self._next_seq
        exhausted = False
        while True:
            # read while a worker is free and the window allows; hand out what was read
            while not exhausted and taken - emitted < self.window and len(queue) < self._free():
                item = next(source, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, ReadFailure):
                    results[taken] = Result(failure=item)
                    taken += 1
                else:
                    queue.append((taken, item))
                    taken += 1
            self._next_seq = taken
            self._dispatch(queue)
            while emitted in results:
                yield results.pop(emitted)
                emitted += 1
            if exhausted and emitted == taken:
                return
            self._collect(results)

    def _free(self) -> int:
        return max(1, sum(1 for s in self._slots if s.idle))

    def _dispatch(self, queue: list[tuple[int, Article]]) -> None:
        for s in self._slots:
            if not queue:
                return
            if s.idle:
                seq, article = queue.pop(0)
                s.task = (seq, article.input or article.id or "<article>")
                s.since = time.monotonic()
                try:
                    s.tasks.send((seq, article))
                except OSError:
                    pass  # the worker died; the next wait sees it

    def _limit(self, s: WorkerState) -> float | None:
        if not s.ready:
            return self.start_timeout_s
        return self.timeout_s if self.timeout_s > 0 else None

    def _collect(self, results: dict[int, Result]) -> None:
        """Wait for the next message, death or deadline of a busy worker, and act on it."""
        busy = [s for s in self._slots if not s.idle]
        if not busy:
            return
        now = time.monotonic()
        limits = [(s, self._limit(s)) for s in busy]
        deadlines = [s.since + lim for s, lim in limits if lim is not None]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        readable = wait([s.results for s in busy], timeout=timeout)
        for s in busy:
            if s.results in readable:
                self._receive(s, results)
        now = time.monotonic()
        for s, lim in limits:
            if s.results not in readable and lim is not None and now - s.since >= lim and s in self._slots:
                self._overdue(s, results)

    def _receive(self, s: WorkerState, results: dict[int, Result]) -> None:
        try:
            msg = s.results.recv()
        except (EOFError, OSError):
            self._died(s, results)
            return
        if msg[0] == "ready":
            s.ready, s.since = True, time.monotonic()
        elif msg[0] == "done":
            _, seq, res = msg
            results[seq] = res
            s.task = None
            self.stats.done += 1
        elif msg[0] == "error":
            self.close(graceful=False)
            raise error_from_fields(msg[1])

    def _died(self, s: WorkerState, results: dict[int, Result]) -> None:
        code = s.proc.wait()
        if s.task is None:
            self.close(graceful=False)
            raise PipelineError(f"a worker process exited (code {code}) before it was ready",
                                input="newsgraph.scale.worker",
                                hint="run without --workers to see the error, or check the memory available")
        seq, input_ = s.task
        how = f"was killed by signal {-code}" if code < 0 else f"exited with code {code}"
        results[seq] = Result(failure=ReadFailure(
            input=input_, reason=f"the worker process {how} while extracting this article",
            error_type="ProcessingError", hint=ProcessingError.default_hint))
        self.stats.deaths += 1
        self._replace(s)

    def _overdue(self, s: WorkerState, results: dict[int, Result]) -> None:
        if not s.ready or s.task is None:
            self.close(graceful=False)
            raise PipelineError(f"a worker process was not ready after {self.start_timeout_s:g} s",
                                input="newsgraph.scale.worker",
                                hint="the model or the data load too slowly; check the memory and disk")
        seq, input_ = s.task
        results[seq] = Result(failure=ReadFailure(
            input=input_,
            reason=f"extracting this article took longer than {self.timeout_s:g} s; its worker was stopped",
            error_type=StageTimeoutError.__name__,
            hint="raise [pipeline] article_timeout_s (or --timeout), or report the article: "
                 "no article should take this long"))
        self.stats.timeouts += 1
        _kill(s)
        self._replace(s)

    def _replace(self, s: WorkerState) -> None:
        _close_pipes(s)
        i = self._slots.index(s)
        self._slots[i] = self._spawn()


def _kill(s: WorkerState) -> None:
    try:
        s.proc.kill()
    except OSError:
        pass
    try:
        s.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL is not refused
        pass


def _close_pipes(s: WorkerState) -> None:
    for conn in (s.tasks, s.results):
        try:
            conn.close()
        except OSError:
            pass
