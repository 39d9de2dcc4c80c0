"""Crash accounting for resumable ingest: telling a crash from a clean stop, and quarantine.

Before extraction the ids of a group are marked in the ``inflight`` table (committed) with
``state = 'running'`` and whether the group holds one article (``alone``); a write of the group
clears the marks. What a later run makes of marks left behind:

- **Clean stop** (SIGINT / Ctrl-C, SIGTERM from ``timeout``, docker or systemd): the stopping run
  itself sets its marks to ``interrupted``. No crash is counted and no failure is written; the
  articles are retried, each on its own, at the end of the next run -- after the rest of the
  corpus, so an article that hangs the extractor no longer makes every re-run hang at the same
  place. An article stopped while it was extracted on its own after :data:`HANG_S` seconds or
  more is quarantined (``kind = 'hang'``): a user gave up on it.
- **Crash** (the process died: marks still ``running`` when the next run starts). A fatal signal
  (segfault, abort, bus error ...) is recorded by :mod:`faulthandler` in ``<db>.fatal`` with the
  Python stack; an article that was extracted on its own when that happened is quarantined at
  once (``kind = 'crash'``). A death without that record (SIGKILL: the OOM killer, ``kill -9``,
  power loss) cannot be told from an outside kill, so an article is quarantined only after dying
  on its own :data:`MAX_DEATHS` times (``kind = 'killed'``). Articles that died in a group of
  several are suspects: retried on their own at the end of the next run.
- **Quarantined** articles are skipped by every later run and reported as failures (one row in
  ``failures`` whose ``attempts`` counts the runs), until :func:`release` forgets them.
"""

from __future__ import annotations

import faulthandler
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

import duckdb

from ..errors import ProcessingError
from ..model import ReadFailure
from .db import Store

#: Deaths on its own without a fatal-signal record (SIGKILL) before an article is quarantined.
MAX_DEATHS = 3
#: A clean stop of an article extracted on its own after this many seconds quarantines it.
HANG_S = 120.0


@dataclass(frozen=True)
class Verdict:
    """What to do with an article that has an in-flight mark or a quarantine row."""

    quarantined: bool
    reason: str
    #: retry order among deferred articles: articles with more deaths and stops go last
    risk: int = 0

    def failure(self, input: str) -> ReadFailure:
        return ReadFailure(
            input=input,
            reason=self.reason,
            error_type="ProcessingError",
            hint="the article is skipped until released (newsgraph.store.crashes.release); "
            + (ProcessingError.default_hint or ""),
        )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def settle_dead_run(store: Store, fatal: str | None) -> int:
    """Account for marks a dead process left ``running``; the number of articles quarantined.

    ``fatal`` is the fatal-signal record of the last run (:class:`FatalLog`), or None.
    """
    rows = store.con.execute(
        "SELECT id, input, alone, coalesce(deaths, 0) FROM inflight WHERE state = 'running'"
    ).fetchall()
    if not rows:
        return 0
    quarantined = 0
    now = _now()
    with store.transaction() as con:
        for aid, input_, alone, deaths in rows:
            deaths = int(deaths) + (1 if alone else 0)
            if alone and fatal:
                kind, reason = "crash", "extracting this article crashed the process (fatal signal); quarantined"
            elif alone and deaths >= MAX_DEATHS:
                kind = "killed"
                reason = f"the process died {deaths} times while extracting this article alone; quarantined"
            else:
                con.execute(
                    "UPDATE inflight SET state = 'died', deaths = ? WHERE id = ?", [deaths, aid]
                )
                continue
            _quarantine(con, aid, input_, kind, reason, fatal if kind == "crash" else None, now)
            quarantined += 1
    return quarantined


def _quarantine(
    con: duckdb.DuckDBPyConnection,
    aid: str,
    input_: str | None,
    kind: str,
    reason: str,
    detail: str | None,
    now: datetime,
) -> None:
    con.execute(
        "INSERT INTO quarantine VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "kind = excluded.kind, reason = excluded.reason, detail = excluded.detail, since = excluded.since",
        [aid, input_, kind, reason, detail, now],
    )
    con.execute("DELETE FROM inflight WHERE id = ?", [aid])


def verdicts(store: Store, ids: Sequence[str]) -> dict[str, Verdict]:
    """The articles among ``ids`` that are quarantined or to be retried on their own."""
    if not ids:
        return {}
    out: dict[str, Verdict] = {}
    for aid, reason in store.con.execute(
        "SELECT id, reason FROM quarantine WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
    ).fetchall():
        out[aid] = Verdict(quarantined=True, reason=reason)
    for aid, state, deaths, interrupts in store.con.execute(
        "SELECT id, state, coalesce(deaths, 0), coalesce(interrupts, 0) FROM inflight "
        "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
        [list(ids)],
    ).fetchall():
        if aid not in out:
            out[aid] = Verdict(quarantined=False, reason=str(state), risk=int(deaths) + int(interrupts))
    return out


def mark_interrupted(store: Store, ids: Sequence[str], *, alone: bool, elapsed_s: float, hang_s: float) -> bool:
    """After a clean stop during extraction: no crash counted; True if the article was quarantined
    as hanging (alone and stopped after ``hang_s`` seconds or more)."""
    if not ids:
        return False
    with store.transaction() as con:
        if alone and elapsed_s >= hang_s:
            (aid,) = ids
            row = con.execute("SELECT input FROM inflight WHERE id = ?", [aid]).fetchall()
            reason = (
                f"extraction was stopped after {elapsed_s:.0f} s on this article alone "
                f"(limit {hang_s:g} s): it hangs the extractor; quarantined"
            )
            _quarantine(con, aid, row[0][0] if row else None, "hang", reason, None, _now())
            return True
        con.execute(
            "UPDATE inflight SET state = 'interrupted', interrupts = coalesce(interrupts, 0) + 1, "
            "elapsed_s = ? WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [elapsed_s, list(ids)],
        )
    return False


def release(store: Store, ids: Sequence[str] | None = None) -> int:
    """Forget quarantine (all, or of ``ids``) so the next ingest tries those articles again."""
    with store.transaction() as con:
        if ids is None:
            row = con.execute("SELECT count(*) FROM quarantine").fetchall()
            con.execute("DELETE FROM quarantine")
        else:
            row = con.execute(
                "SELECT count(*) FROM quarantine WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
            ).fetchall()
            con.execute("DELETE FROM quarantine WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])
    return int(row[0][0]) if row else 0


class FatalLog:
    """While open, a fatal signal writes the Python stack to ``<db>.fatal`` (:mod:`faulthandler`).

    ``previous`` holds what the last run left there: evidence that it died of a fatal signal.
    The file is removed when a run ends without one. A folder where the file cannot be written
    leaves crashes unrecorded (they then count as deaths without a record).
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".fatal")
        self.previous: str | None = None
        self._file: IO[str] | None = None
        self._was_enabled = False

    def __enter__(self) -> FatalLog:
        try:
            if self.path.is_file():
                self.previous = self.path.read_text("utf-8", "replace").strip() or None
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - held while the run lasts
        except OSError:
            self._file = None
            return self
        self._was_enabled = faulthandler.is_enabled()
        faulthandler.enable(file=self._file, all_threads=False)
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._file is None:
            return
        faulthandler.disable()
        if self._was_enabled and sys.__stderr__ is not None:
            try:
                faulthandler.enable(file=sys.__stderr__)
            except (OSError, ValueError, AttributeError):
                pass
        self._file.close()
        try:
            if self.path.stat().st_size == 0:
                self.path.unlink()
        except OSError:
            pass
