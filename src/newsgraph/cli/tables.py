"""How rows reach the user: a table fitted to the terminal, plain aligned text when stdout is no
terminal, or TSV, CSV, JSON Lines.

Every value is shown as data, never parsed as Rich markup (an article may well contain
``[sic]`` or ``[/y]``). One format for every value in every output: days as ``YYYY-MM-DD``,
times as ISO seconds, counts as integers, lists joined by ``, `` in text and kept as lists in
JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..render import Grid, Summary

if TYPE_CHECKING:  # pragma: no cover - pandas is imported by the commands that read a store
    import pandas as pd

#: The narrowest a free-text column gets in a table; a grid that cannot give it this much room
#: is shown as one record per row instead (never one word per line, never a cut cell).
WIDE_MIN = 16
#: Spaces between two table columns.
GAP = 2


class OutFormat(StrEnum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    jsonl = "jsonl"


def plain_value(v: Any) -> Any:
    """A DataFrame value as plain Python: None for NULL/NaN/NaT, lists for arrays, ``date`` for a
    midnight timestamp, ``datetime`` (to the second) otherwise."""
    if v is None:
        return None
    import pandas as pd

    if hasattr(v, "tolist") and not isinstance(v, (str, pd.Timestamp)):
        v = v.tolist()  # numpy arrays -> lists, numpy scalars -> Python values
    if isinstance(v, (list, tuple)):
        return [plain_value(x) for x in v]
    if isinstance(v, float) and math.isnan(v):
        return None
    if v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        v = v.to_pydatetime()
    if isinstance(v, dt.datetime):
        return v.date() if v.time() == dt.time(0) and v.tzinfo is None else v.replace(microsecond=0)
    return v


def cell(v: Any) -> str:
    """One value as text."""
    v = plain_value(v)
    if v is None:
        return ""
    if isinstance(v, list):
        return ", ".join(cell(x) for x in v)
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def json_value(v: Any) -> Any:
    """One value for JSON: dates and times as the text of :func:`cell`, lists as lists."""
    v = plain_value(v)
    if isinstance(v, list):
        return [json_value(x) for x in v]
    if isinstance(v, (dt.date, dt.datetime)):
        return cell(v)
    return v


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a query result as plain Python values; count columns (``n_*``) as integers."""
    out = []
    for row in df.to_dict("records"):
        rec = {}
        for k, v in row.items():
            val = plain_value(v)
            if str(k).startswith("n_") and isinstance(val, float) and val.is_integer():
                val = int(val)
            rec[str(k)] = val
        out.append(rec)
    return out


def grid_of(df: pd.DataFrame, title: str | None = None, wide: Iterable[str] = ()) -> Grid:
    cols = tuple(str(c) for c in df.columns)
    rows = tuple(tuple(cell(r[c]) for c in cols) for r in records(df))
    return Grid(cols, rows, title, frozenset(wide) & frozenset(cols))


def _flat(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\t" in text or "\r" in text) else text


def plain_text(grid: Grid) -> str:
    """Columns aligned with two spaces, the header first; nothing wrapped or cut."""
    rows = [grid.columns, *((tuple(_flat(c) for c in r)) for r in grid.rows)]
    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(grid.columns))]
    lines = []
    for r in rows:
        parts = [c + " " * (w - cell_len(c)) for c, w in zip(r[:-1], widths[:-1], strict=True)]
        lines.append("  ".join([*parts, r[-1]]).rstrip())
    head = [grid.title] if grid.title else []
    return "\n".join([*head, *lines]) + "\n"


def tsv_text(grid: Grid) -> str:
    """Tab-separated values with a header line; tabs and line breaks in values become spaces."""
    lines = ["\t".join(grid.columns)]
    lines += ["\t".join(_flat(c) for c in r) for r in grid.rows]
    return "\n".join(lines) + "\n"


def csv_text(grid: Grid) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(grid.columns)
    w.writerows(grid.rows)
    return buf.getvalue()


def _needs(grid: Grid) -> list[int]:
    """Room each column needs in a table: its longest value; a free-text column only its longest
    word or WIDE_MIN, whichever is more (it folds at word boundaries)."""
    out = []
    for i, name in enumerate(grid.columns):
        values = [_flat(r[i]) for r in grid.rows]
        natural = max([cell_len(name), *(cell_len(v) for v in values)])
        if name in grid.wide:
            longest_word = max([cell_len(name), *(cell_len(w) for v in values for w in v.split())])
            natural = min(natural, max(WIDE_MIN, longest_word))
        out.append(natural)
    return out


def fits(grid: Grid, width: int) -> bool:
    """A table of ``grid`` fits ``width`` without cutting or squeezing a column."""
    return sum(_needs(grid)) + GAP * (len(grid.columns) - 1) <= width


def table(grid: Grid) -> Table:
    t = Table(title=Text(grid.title, style="bold") if grid.title else None, title_justify="left", box=None,
              padding=(0, GAP // 2), pad_edge=False, header_style="bold underline")
    for name, need in zip(grid.columns, _needs(grid), strict=True):
        if name in grid.wide:
            t.add_column(Text(name), overflow="fold", min_width=need)
        else:
            t.add_column(Text(name), no_wrap=True, min_width=need)
    for r in grid.rows:
        t.add_row(*(Text(_flat(c)) for c in r))
    return t


def record_blocks(grid: Grid) -> RenderableType:
    """One block per row, ``column  value`` a line: for grids too wide for the screen."""
    parts: list[RenderableType] = []
    if grid.title:
        parts.append(Text(grid.title, style="bold"))
    for n, r in enumerate(grid.rows, 1):
        block = Table.grid(padding=(0, 2))
        block.add_column(no_wrap=True, style="dim")
        block.add_column(overflow="fold")
        for name, value in zip(grid.columns, r, strict=True):
            if value:
                block.add_row(Text(name), Text(_flat(value)))
        parts.append(Text(f"{n}/{len(grid.rows)}", style="dim"))
        parts.append(block)
    return Group(*parts)


def fitted(grid: Grid, width: int) -> RenderableType:
    """A table when it fits ``width``, else one block per row."""
    return table(grid) if fits(grid, width) else record_blocks(grid)


class Screen:
    """Where text output goes. On a terminal (or with ``width``), tables fitted to that width;
    otherwise plain aligned text, never a cut table."""

    def __init__(self, width: int | None = None, console: Console | None = None) -> None:
        self.console = console or Console(highlight=False, width=width)
        self.laid_out = width is not None or self.console.is_terminal
        self.width = width or self.console.width

    def write(self, text: str) -> None:
        self.console.file.write(text)

    def line(self, text: str = "", style: str | None = None) -> None:
        if self.laid_out:
            self.console.print(Text(text, style=style or ""), soft_wrap=False, width=self.width)
        else:
            self.write(text + "\n")

    def grid(self, grid: Grid) -> None:
        if self.laid_out:
            self.console.print(fitted(grid, self.width), width=self.width)
        else:
            self.write(plain_text(grid))

    def summary(self, s: Summary) -> None:
        self.line(s.title, "bold")
        for m in s.meta:
            self.line(m, "dim")
        for g in s.grids:
            self.line()
            self.grid(g)
        if s.notes:
            self.line()
        for note in s.notes:
            self.line(note)
        self.line()


def emit(grid: Grid, recs: Sequence[dict[str, Any]], fmt: OutFormat, screen: Screen) -> None:
    """Rows in the chosen format on stdout."""
    if fmt is OutFormat.jsonl:
        for rec in recs:
            screen.write(json.dumps({k: json_value(v) for k, v in rec.items()}, ensure_ascii=False) + "\n")
    elif fmt is OutFormat.csv:
        screen.write(csv_text(grid))
    elif fmt is OutFormat.tsv:
        screen.write(tsv_text(grid))
    else:
        screen.grid(grid)
