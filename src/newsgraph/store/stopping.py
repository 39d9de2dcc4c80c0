"""A clean stop on SIGINT (Ctrl-C) and SIGTERM (``timeout``, docker, systemd) during an ingest.

While a :class:`StopGuard` is open (main thread only; elsewhere it does nothing), either signal
raises :class:`IngestStopped` -- a :class:`KeyboardInterrupt`, so callers that handle Ctrl-C
handle both -- except inside :meth:`StopGuard.critical` sections (store transactions and the
bookkeeping around them): a signal that arrives there is held until the section ends, so a
badly timed Ctrl-C never cuts the accounting of a batch in half. Once a stop was raised, later
signals are only noted: the cleanup after a stop is not interrupted again.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType
from typing import Any


class IngestStopped(KeyboardInterrupt):
    """The ingest was asked to stop (SIGINT or SIGTERM); everything committed is intact."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum


_Handler = Callable[[int, FrameType | None], Any] | int | None


class StopGuard:
    """Turns SIGINT/SIGTERM into :class:`IngestStopped`, held back inside critical sections."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and threading.current_thread() is threading.main_thread()
        self.pending: int | None = None
        self.stopping = False
        self._depth = 0
        self._previous: dict[int, _Handler] = {}

    def __enter__(self) -> StopGuard:
        if self.enabled:
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._on_signal)
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self._depth > 0 or self.stopping:
            if self.pending is None:
                self.pending = signum
            return
        self.stopping = True
        raise IngestStopped(signum)

    @contextmanager
    def critical(self) -> Iterator[None]:
        """A section no signal interrupts; a stop asked for meanwhile is raised when it ends."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if self._depth == 0 and self.pending is not None and not self.stopping:
            self.stopping = True
            raise IngestStopped(self.pending)
