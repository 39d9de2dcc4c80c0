"""A progress bar for long runs: articles done, failed, rate and ETA, on stderr.

It appears only on a terminal (never in a pipe or a log), only once a run has lasted
:data:`DELAY_S` seconds (one short file prints no bar), and not with ``--quiet``. The ETA needs
a total: it is known when every input is a one-article file (.txt, .html); a JSONL or WARC stream
shows the count and the rate.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

#: Seconds a run lasts before its bar appears.
DELAY_S = 2.0
#: More inputs than this are not counted up front (the count would read a big directory twice).
MAX_COUNTED = 100_000


class RateColumn(ProgressColumn):
    """Articles per second, over the last half-minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- art/s" if speed is None else f"{speed:.1f} art/s", style="cyan")


def count_articles(paths: Sequence[str]) -> int | None:
    """How many articles the inputs hold, when each is a one-article file; else None."""
    from ..ingest import expand, format_of

    n = 0
    for spec in paths:
        for p in expand(spec):
            if not isinstance(p, os.PathLike) or format_of(p) not in ("text", "html"):
                return None
            n += 1
            if n > MAX_COUNTED:
                return None
    return n


class RunProgress:
    """Counts results and shows them as a bar once the run is long enough; a context manager."""

    def __init__(self, label: str, total: int | None, *, quiet: bool = False, console: Console | None = None,
                 delay_s: float = DELAY_S) -> None:
        self.console = console or Console(stderr=True, soft_wrap=True, highlight=False)
        self.enabled = not quiet and self.console.is_terminal
        self.delay_s = delay_s
        self.started = time.monotonic()
        self.done = self.failed = 0
        self.total = total
        columns: list[ProgressColumn | str] = [SpinnerColumn(), TextColumn(f"[bold]{label}[/bold]")]
        if total:
            columns += [BarColumn(), MofNCompleteColumn()]
        else:
            columns += [TextColumn("{task.completed} articles")]
        columns += [TextColumn("[red]{task.fields[failed]} failed[/red]"), RateColumn(), TimeElapsedColumn()]
        if total:
            columns += [TextColumn("eta"), TimeRemainingColumn()]
        # print() output (e.g. text summaries) goes above the bar when stdout is this terminal too
        self.progress = Progress(*columns, console=self.console, transient=False,
                                 redirect_stdout=sys.stdout.isatty(), redirect_stderr=False)
        self.task: TaskID = self.progress.add_task(label, total=total, failed=0)
        self.shown = False

    def __enter__(self) -> RunProgress:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.shown:
            self.progress.stop()

    def advance(self, ok: bool) -> None:
        """One more result (``ok`` False: a failure)."""
        self.done += 1
        self.failed += 0 if ok else 1
        self.update(self.done, self.failed)

    def update(self, done: int, failed: int) -> None:
        """The counts so far (for runners that report totals)."""
        self.done, self.failed = done, failed
        self.progress.update(self.task, completed=done, failed=failed)
        if self.enabled and not self.shown and time.monotonic() - self.started >= self.delay_s:
            self.progress.start()
            self.shown = True
