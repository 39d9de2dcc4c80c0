"""``newsgraph serve``: the web view and REST API over a corpus (docs/web.md)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InvalidValueError, StoreLockedError
from .common import guarded, stderr


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""

    @app.command()
    @guarded
    def serve(
        db: Annotated[
            Path | None, typer.Option("--db", help="Corpus file (default: $NEWSGRAPH_DB or ./newsgraph.duckdb).")
        ] = None,
        host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
        no_extract: Annotated[
            bool, typer.Option("--no-extract", help="Turn off POST /api/extract (extraction of new text).")
        ] = False,
        query_timeout: Annotated[
            float, typer.Option("--query-timeout", min=0.1, max=600, help="Seconds one query may run.")
        ] = 10.0,
        cors_origin: Annotated[
            list[str] | None,
            typer.Option("--cors-origin", help="Allow browser calls from this origin (repeatable; none by default)."),
        ] = None,
    ) -> None:
        """Serve the corpus read-only: pages (articles, actor network, timeline, map) and a JSON API.

        The database is opened read-only for each request, so an ingest can run between requests;
        while it writes, requests get HTTP 503 with an explanation. API docs: /docs, /openapi.json.
        """
        import uvicorn

        from ..web import WebSettings, create_app

        if not host or any(c.isspace() for c in host):
            raise InvalidValueError("empty host", input="--host", hint="e.g. 127.0.0.1")
        from ..store import default_db_path

        path = db if db is not None else default_db_path()
        settings = WebSettings(
            db=path, extract=not no_extract, query_timeout_s=query_timeout, cors_origins=tuple(cors_origin or ())
        )
        err = stderr()
        try:
            n = settings.corpus.check()
            err.print(f"serving {path} ({n} articles) read-only", highlight=False)
        except StoreLockedError as exc:
            err.print(f"[yellow]warning[/yellow]: {path} is locked by a writer now; requests get 503 "
                      f"until it finishes ({exc.hint})", highlight=False)
        if not is_loopback(host):
            err.print(
                f"[yellow]warning[/yellow]: binding {host}: anyone who can reach this address can read the "
                "corpus" + ("" if no_extract else " and run extraction (use --no-extract to turn it off)")
                + "; there is no authentication",
                highlight=False,
            )
        err.print(f"open http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/ (Ctrl-C stops)",
                  highlight=False)
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False)
