"""The extraction commands: ``extract``, ``schema`` and ``config``."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from ..config import Config, load_config
from ..errors import InvalidValueError
from ..model import Article, ReadFailure, output_schema
from .common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_PARTIAL,
    ConfigOpt,
    MaxBytesOpt,
    MinConfidenceOpt,
    ModelOpt,
    NoStatementsOpt,
    PublishedOpt,
    TimeoutOpt,
    WidthOpt,
    WorkersOpt,
    check_day,
    guarded,
    say,
)
from .tables import Screen

#: The bundled example's publication date (the article's own; a .txt file cannot carry it).
EXAMPLE_PUBLISHED = "2017-12-06"


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def example_path() -> Path:
    """The bundled example article (us-troops-syria.txt)."""
    return Path(str(resources.files("newsgraph").joinpath("data/examples/us-troops-syria.txt")))


def build_config(config: Path | None, model: str | None, max_bytes: int | None,
                 min_confidence: float | None = None, no_statements: bool = False) -> Config:
    cfg = load_config(config)
    return cfg.with_overrides(nlp__model=model, input__max_bytes=max_bytes, events__min_confidence=min_confidence,
                              events__statements=False if no_statements else None)


def read_inputs(paths: list[str], example: bool, published: str | None,
                cfg: Config) -> Iterator[Article | ReadFailure]:
    """The named inputs, then the bundled example (dated 2017-12-06 unless --published says
    otherwise)."""
    from ..ingest import read_paths

    def read(items: list[str], pub: str | None) -> Iterator[Article | ReadFailure]:
        return read_paths(items, max_bytes=cfg.input.max_bytes, published=pub,
                          encoding_fallback=cfg.input.encoding_fallback)

    named = read(paths, published) if paths else iter(())
    bundled = read([str(example_path())], published or EXAMPLE_PUBLISHED) if example else iter(())
    return itertools.chain(named, bundled)


class JsonWriter:
    """``--format json``: one pretty object for a single article, JSON Lines from the second on;
    ``--format jsonl``: always one line per article."""

    def __init__(self, lines: bool) -> None:
        self.lines = lines
        self.held: dict[str, object] | None = None

    def add(self, data: dict[str, object]) -> None:
        if not self.lines:
            if self.held is None:
                self.held = data
                return
            self.lines = True
            typer.echo(json.dumps(self.held, ensure_ascii=False))
            self.held = None
        typer.echo(json.dumps(data, ensure_ascii=False))

    def close(self) -> None:
        if self.held is not None:
            typer.echo(json.dumps(self.held, ensure_ascii=False, indent=2))


def report_failures(failures: list[ReadFailure], ok: int) -> None:
    """The failed inputs on stderr, then the exit code of the run."""
    for f in failures:
        say(("failed", "red"), f" ({f.error_type}): ", (f.input, "bold"), f": {f.reason}")
        if f.hint:
            say(f"  hint: {f.hint}")
    if failures:
        say(f"{ok} article(s) extracted, {len(failures)} input(s) failed")
        raise typer.Exit(EXIT_INPUT if ok == 0 else EXIT_PARTIAL)
    if ok == 0:
        say("no articles found")
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(EXIT_OK)


@guarded
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", show_default=False,
                       help="Files, directories or globs: .txt, .html, .jsonl, .warc(.gz)."),
    ] = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", metavar="text|json|jsonl", help="Output format.")
    ] = Format.text,
    published: PublishedOpt = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    max_bytes: MaxBytesOpt = None,
    min_confidence: MinConfidenceOpt = None,
    no_statements: NoStatementsOpt = False,
    example: Annotated[
        bool, typer.Option("--example", help="Add the bundled example article (published 2017-12-06).")
    ] = False,
    width: WidthOpt = None,
    workers: WorkersOpt = 1,
    timeout: TimeoutOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract actors, events, quotes, numbers, places and dates from articles.

    One JSON object per article with --format json (JSON Lines when there are several), a readable
    summary with --format text. Bad inputs are reported at the end and counted; the rest are
    processed. Articles run in worker processes (--workers); one that runs longer than --timeout
    seconds is stopped and reported as failed. The output is the same for any number of workers.
    """
    from ..render import summary
    from ..scale import PipelineSpec, open_extractor, sigterm_as_interrupt
    from .progress import RunProgress, count_articles

    named = list(paths or [])
    if not named and not example:
        raise InvalidValueError("no input given", input="PATH", hint="name a file, or use --example")
    cfg = build_config(config, model, max_bytes, min_confidence, no_statements)
    pub = check_day(published, "--published")
    limit = cfg.pipeline.article_timeout_s if timeout is None else timeout
    screen = Screen(width)
    writer = JsonWriter(lines=format is Format.jsonl or len(named) + example > 1)
    ok = 0
    failures = []
    counted = count_articles(named) if not quiet else None
    total = None if counted is None else counted + example
    # SIGTERM stops like Ctrl-C: the workers are stopped, what was printed stays
    with sigterm_as_interrupt(), open_extractor(PipelineSpec.of(cfg), workers=workers, timeout_s=limit) as runner, \
            RunProgress("extract", total, quiet=quiet) as bar:
        for res in runner.process(read_inputs(named, example, pub, cfg), batch_size=8):
            bar.advance(res.ok)
            if res.article is None:
                assert res.failure is not None
                failures.append(res.failure)
                continue
            ok += 1
            if format is Format.text:
                screen.summary(summary(res.article))
            else:
                writer.add(res.article.to_json_dict())
    writer.close()
    report_failures(failures, ok)


@guarded
def schema() -> None:
    """Print the JSON Schema of the extraction output (the output contract)."""
    typer.echo(json.dumps(output_schema(), indent=2))


@guarded
def config(config: ConfigOpt = None) -> None:
    """Print the effective configuration (shipped defaults with your file layered on top) as JSON."""
    typer.echo(json.dumps(load_config(config).model_dump(), indent=2))


def register(app: typer.Typer) -> None:
    """Add ``extract``, ``schema`` and ``config`` to ``app``."""
    app.command()(extract)
    app.command()(schema)
    app.command()(config)
