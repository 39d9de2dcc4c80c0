"""``POST /api/extract``: text or HTML in, the contract JSON out.

The body is read up to :data:`MAX_EXTRACT_BYTES` (a larger body is refused with 413 before it is
read to the end). The pipeline is loaded on the first request and runs in a worker thread, one
article at a time, so the event loop keeps serving other requests.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from ..config import load_config
from ..errors import InputTooLargeError, InvalidValueError
from ..ingest.common import ReadOptions, validate_published
from ..ingest.html import html_article
from ..model import Article
from ..pipeline import Pipeline

MAX_EXTRACT_BYTES = 1_000_000


@dataclass
class Extractor:
    """The pipeline of one server, loaded lazily; ``lock`` serialises articles through it."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    pipeline: Pipeline | None = None

    def run(self, article: Article) -> dict[str, Any]:
        with self.lock:
            if self.pipeline is None:
                self.pipeline = Pipeline.from_config(load_config(None))
            return self.pipeline(article).to_json_dict()


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (InputTooLargeError) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputTooLargeError(f"the body has {declared} bytes; the limit is {limit}", input="body")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise InputTooLargeError(f"the body passes the limit of {limit} bytes", input="body")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_request(body: bytes, content_type: str) -> Article:
    """An Article from a JSON body ({"text"| "html", "url", "title", "published"}) or a raw
    text/plain or text/html body."""
    ctype = content_type.split(";")[0].strip().lower()
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidValueError("the body is not UTF-8", input="body", hint="send UTF-8 text") from None
    if ctype == "text/html":
        return html_article(raw, "request", ReadOptions())
    if ctype in ("text/plain", ""):
        return text_article(raw, {})
    if ctype != "application/json":
        raise InvalidValueError(
            f"unsupported content type '{ctype}'", input="Content-Type",
            hint="send application/json, text/plain or text/html",
        )
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidValueError(f"the body is not JSON: {exc.msg}", input="body") from None
    if not isinstance(data, dict):
        raise InvalidValueError("the body must be a JSON object", input="body", hint='{"text": "..."}')
    meta = {k: data.get(k) for k in ("url", "title", "published")}
    for k, v in meta.items():
        if v is not None and not isinstance(v, str):
            raise InvalidValueError(f"'{k}' must be a string", input=k)
    if isinstance(data.get("html"), str):
        return html_article(
            data["html"], "request", ReadOptions(), url=meta["url"], title=meta["title"],
            published=validate_published(meta["published"], input="published"),
        )
    return text_article(data.get("text"), meta)


def text_article(text: object, meta: dict[str, Any]) -> Article:
    if not isinstance(text, str) or not text.strip():
        raise InvalidValueError("no text given", input="text", hint='send {"text": "..."} or {"html": "..."}')
    published = validate_published(meta.get("published"), input="published")
    return Article(
        text=text, raw_text=text, url=meta.get("url"), title=meta.get("title"), published=published,
        input="request",
    )


async def extract(request: Request, extractor: Extractor, limit: int = MAX_EXTRACT_BYTES) -> dict[str, Any]:
    body = await read_body(request, limit)
    article = parse_request(body, request.headers.get("content-type", ""))
    return await run_in_threadpool(extractor.run, article)
