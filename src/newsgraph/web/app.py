"""The FastAPI application: API, pages, vendored static assets, offline API docs, JSON errors."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import (
    InputError,
    InputTooLargeError,
    NewsgraphError,
    StoreError,
    StoreLockedError,
)
from . import api, pages
from .corpus import QueryTimeoutError
from .extract import Extractor
from .settings import WebSettings

#: Largest JSON response; list routes are paged far below it.
MAX_RESULT_BYTES = 20_000_000

#: Pages run no inline script and load nothing from elsewhere.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)

STATUS: tuple[tuple[type[NewsgraphError], int], ...] = (
    (StoreLockedError, 503),
    (QueryTimeoutError, 504),
    (api.NotFoundError, 404),
    (api.ExtractDisabledError, 403),
    (InputTooLargeError, 413),
    (InputError, 400),
    (StoreError, 503),
)


class ResultTooLargeError(NewsgraphError):
    default_hint = "lower limit or max_nodes, or narrow the filters"


class LimitedJSONResponse(JSONResponse):
    """JSON whose size is checked: a result over :data:`MAX_RESULT_BYTES` is refused."""

    def render(self, content: Any) -> bytes:
        body = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
        if len(body) > MAX_RESULT_BYTES:
            raise ResultTooLargeError(f"the result has {len(body)} bytes; the limit is {MAX_RESULT_BYTES}")
        return body


def error_body(kind: str, message: str, input: str | None = None, hint: str | None = None) -> dict[str, Any]:
    return {"error": {"kind": kind, "message": message, "input": input, "hint": hint}}


def status_of(exc: NewsgraphError) -> int:
    if isinstance(exc, ResultTooLargeError):
        return 413
    for cls, code in STATUS:
        if isinstance(exc, cls):
            return code
    return 400


def static_dir() -> Path:
    return Path(str(resources.files("newsgraph").joinpath("web/static")))


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> JSONResponse:
        code = status_of(exc)
        headers = {"Retry-After": "5"} if code == 503 else None
        return JSONResponse(error_body(exc.kind, exc.message, exc.input, exc.hint), code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
        body = error_body("InvalidValueError", str(first.get("msg", "invalid request")), where,
                          "see /docs for the parameters of this route")
        return JSONResponse({**body, "detail": detail}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        hint = "see /docs for the routes" if exc.status_code in (404, 405) else None
        return JSONResponse(error_body("HTTPError", str(exc.detail), request.url.path, hint), exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(error_body("InternalError", f"internal error ({type(exc).__name__})",
                                       request.url.path, "this is a bug in newsgraph; please report it"), 500)


def create_app(settings: WebSettings) -> FastAPI:
    """The web app over one corpus file."""
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Read-only API over a newsgraph corpus: articles, events, actors, quotes, series, "
        "clusters, and extraction of new text. Errors are JSON: {\"error\": {kind, message, input, hint}}.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        default_response_class=LimitedJSONResponse,
    )
    app.state.settings = settings
    app.state.extractor = Extractor()
    add_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"])

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    app.include_router(api.router)
    app.add_api_route("/extract", api.extract_route, methods=["POST"], include_in_schema=False)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return pages.render("docs.html", {"title": "API"})

    return app
