"""What every CLI command shares: exit codes, consoles, options, and errors turned into messages.

Messages name inputs, paths and reasons that come from data: they are always built as
:class:`rich.text.Text` (never parsed as markup), so ``[sic]`` in a file name prints as written.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from ..errors import InvalidValueError, NewsgraphError
from .tables import OutFormat

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes: 0 ok, 1 some inputs failed (others processed), 2 bad input/usage, 3 store error,
#: 4 internal error.
EXIT_OK, EXIT_PARTIAL, EXIT_INPUT, EXIT_STORE, EXIT_INTERNAL = 0, 1, 2, 3, 4

# -- options shared by several commands (one spelling everywhere) ------------------------------
DbOpt = Annotated[
    Path | None,
    typer.Option("--db", metavar="FILE", show_default=False,
                 help="DuckDB corpus file (default: $NEWSGRAPH_DB or ./newsgraph.duckdb)."),
]
LimitOpt = Annotated[
    int, typer.Option("--limit", "-n", min=0, metavar="N", help="At most this many rows (0: all).")
]
FormatOpt = Annotated[
    OutFormat,
    typer.Option("--format", "-f", metavar="table|tsv|csv|jsonl",
                 help="How to print the rows; a table is plain aligned text when stdout is no terminal."),
]
WidthOpt = Annotated[
    int | None,
    typer.Option("--width", "-w", min=20, metavar="COLUMNS", show_default=False,
                 help="Lay text out for this many columns (default: the terminal's; plain aligned "
                 "text when stdout is no terminal)."),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", "-c", metavar="FILE", help="TOML file layered over the shipped defaults."),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", metavar="NAME",
                 help="Installed spaCy pipeline (package name or path); see README, 'Models'."),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that carry none."),
]
MaxBytesOpt = Annotated[
    int | None,
    typer.Option("--max-bytes", min=1, metavar="N", help="Largest accepted article or file in bytes (default 5 MB)."),
]
MinConfidenceOpt = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0, metavar="FLOAT", show_default=False,
                 help="Leave out events under this confidence (default: events.min_confidence, 0.5; "
                 "0 keeps every event)."),
]
NoStatementsOpt = Annotated[
    bool,
    typer.Option("--no-statements", help="No statement or appeal events from quotes (events.statements = "
                 "false): every event has a PLOVER type."),
]
WorkersOpt = Annotated[
    int,
    typer.Option("--workers", "-j", min=0, metavar="N", envvar="NEWSGRAPH_WORKERS",
                 help="Worker processes, one model each, output in input order; an article over "
                 "--timeout has its worker killed and is reported as failed. 0: in this process, "
                 "without that limit."),
]
TimeoutOpt = Annotated[
    float | None,
    typer.Option("--timeout", min=0, metavar="SECONDS", show_default=False,
                 help="Hard limit per article in a worker (default: [pipeline] article_timeout_s, "
                 "60; 0: none)."),
]
DayFromOpt = Annotated[str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="First day.")]
DayToOpt = Annotated[str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="Last day.")]


def stdout() -> Console:
    return Console(soft_wrap=True, highlight=False)


def stderr() -> Console:
    return Console(stderr=True, soft_wrap=True, highlight=False)


def say(*parts: str | tuple[str, str]) -> None:
    """A message on stderr from plain strings and (string, style) pairs; nothing is markup."""
    stderr().print(Text.assemble(*parts))


def report_error(exc: NewsgraphError) -> None:
    where: list[str | tuple[str, str]] = [(exc.input, "bold"), ": "] if exc.input else []
    say(("error", "red"), f" ({exc.kind}): ", *where, exc.message)
    if exc.hint:
        say(f"  hint: {exc.hint}")


def guarded(fn: F) -> F:
    """Run a command body; NewsgraphError -> message on stderr and its exit code, no traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsgraphError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            say("interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def check_day(value: str | None, option: str) -> str | None:
    """A YYYY-MM-DD option value, or InvalidValueError naming the option."""
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            f"'{value}' is not a date", input=option, hint="use YYYY-MM-DD, e.g. 2017-12-06"
        ) from None
    return value
