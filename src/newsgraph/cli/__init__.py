"""The `newsgraph` command line: thin — parse arguments, call the library, map errors to exit codes."""

from __future__ import annotations

import json
import re
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..config import Config, load_config
from ..errors import InvalidValueError
from ..model import output_schema
from .common import EXIT_INPUT, EXIT_OK, EXIT_PARTIAL, guarded, stderr, stdout
from .corpus import register as register_corpus_commands
from .serve import register as register_serve_command

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into structured, sourced event data: actors, events, quotes, "
    "provenance, numbers, places and dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def example_path() -> Path:
    """The bundled example article (us-troops-syria.txt)."""
    return Path(str(resources.files("newsgraph").joinpath("data/examples/us-troops-syria.txt")))


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    import datetime as dt

    try:
        if not _DATE.match(value):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            f"'{value}' is not a date", input="--published", hint="use YYYY-MM-DD, e.g. 2017-12-06"
        ) from None
    return value


def build_config(config: Path | None, model: str | None, max_bytes: int | None) -> Config:
    cfg = load_config(config)
    return cfg.with_overrides(nlp__model=model, input__max_bytes=max_bytes)


ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="TOML file layered over the shipped defaults.")
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", "-m", help="Installed spaCy pipeline to use (name or path).")
]


@app.command()
@guarded
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories or globs: .txt, .html, .jsonl, .warc(.gz).", show_default=False),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none.")
    ] = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Largest accepted article/file in bytes (default 5 MB).")
    ] = None,
    example: Annotated[bool, typer.Option("--example", help="Extract the bundled example article.")] = False,
) -> None:
    """Extract actors, events, quotes, numbers, places and dates from articles.

    One JSON object per article with --format json (JSON Lines when several), a readable summary
    with --format text. Bad inputs are reported at the end and counted; the rest are processed.
    """
    from ..ingest import read_paths
    from ..pipeline import Pipeline
    from ..render import summary

    inputs = list(paths or [])
    if example:
        inputs.append(str(example_path()))
    if not inputs:
        raise InvalidValueError("no input given", input="PATH", hint="name a file, or use --example")
    cfg = build_config(config, model, max_bytes)
    pub = _check_date(published)
    pipe = Pipeline.from_config(cfg)
    out, err = stdout(), stderr()
    ok = 0
    failures = []
    # --format json: one pretty object for a single article, JSON Lines as soon as there is a second
    held: dict[str, object] | None = None
    lines = format is Format.jsonl or len(inputs) > 1
    items = read_paths(inputs, max_bytes=cfg.input.max_bytes, published=pub,
                       encoding_fallback=cfg.input.encoding_fallback)
    for res in pipe.process(items, batch_size=8):
        if res.article is None:
            assert res.failure is not None
            failures.append(res.failure)
            continue
        ok += 1
        if format is Format.text:
            out.print(summary(res.article))
            continue
        data = res.article.to_json_dict()
        if not lines:
            if held is None:
                held = data
                continue
            lines = True
            typer.echo(json.dumps(held, ensure_ascii=False))
            held = None
        typer.echo(json.dumps(data, ensure_ascii=False))
    if held is not None:
        typer.echo(json.dumps(held, ensure_ascii=False, indent=2))
    for f in failures:
        err.print(f"[red]failed[/red] ({f.error_type}): [bold]{f.input}[/bold]: {f.reason}", highlight=False)
        if f.hint:
            err.print(f"  hint: {f.hint}", highlight=False)
    if failures:
        err.print(f"{ok} article(s) extracted, {len(failures)} input(s) failed", highlight=False)
        raise typer.Exit(EXIT_INPUT if ok == 0 else EXIT_PARTIAL)
    if ok == 0:
        err.print("no articles found", highlight=False)
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(EXIT_OK)


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of the extraction output (the output contract)."""
    typer.echo(json.dumps(output_schema(), indent=2))


@app.command()
@guarded
def config(
    config: ConfigOpt = None,
) -> None:
    """Print the effective configuration (shipped defaults with your file layered on top) as JSON."""
    typer.echo(json.dumps(load_config(config).model_dump(), indent=2))


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


register_corpus_commands(app)
register_serve_command(app)


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
