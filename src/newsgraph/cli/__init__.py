"""The `newsgraph` command line: thin — parse arguments, call the library, map errors to exit codes."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .corpus import register as register_corpus_commands
from .extract import EXAMPLE_PUBLISHED, example_path
from .extract import register as register_extract_commands
from .index import register as register_index_command
from .serve import register as register_serve_command

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into structured, sourced event data: actors, events, quotes, "
    "provenance, numbers, places and dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """newsgraph: sourced event data from news text."""


register_extract_commands(app)
register_corpus_commands(app)
register_serve_command(app)
register_index_command(app)


def main() -> None:
    app()


__all__ = ["EXAMPLE_PUBLISHED", "app", "example_path", "main"]

if __name__ == "__main__":  # pragma: no cover
    main()
