"""What every CLI command shares: consoles and the translation of errors to exit codes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from ..errors import NewsgraphError

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes: 0 ok, 1 some inputs failed (others processed), 2 bad input/usage, 3 store error,
#: 4 internal error.
EXIT_OK, EXIT_PARTIAL, EXIT_INPUT, EXIT_STORE, EXIT_INTERNAL = 0, 1, 2, 3, 4


def stdout() -> Console:
    return Console(soft_wrap=True)


def stderr() -> Console:
    return Console(stderr=True, soft_wrap=True)


def report_error(exc: NewsgraphError) -> None:
    err = stderr()
    where = f"[bold]{exc.input}[/bold]: " if exc.input else ""
    err.print(f"[red]error[/red] ({exc.kind}): {where}{exc.message}", markup=True, highlight=False)
    if exc.hint:
        err.print(f"  hint: {exc.hint}", highlight=False)


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
            stderr().print("interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]
