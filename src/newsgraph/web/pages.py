"""Server-rendered pages: corpus overview, article, actor network, timeline, map.

Templates are Jinja2 with autoescaping on: article text and every stored value are escaped, never
rendered as HTML. Pages run no inline script (the Content-Security-Policy forbids it); data for
the page's scripts travels in ``<script type="application/json">`` blocks written with the
``tojson`` filter, which escapes ``<``, ``>`` and ``&``.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from . import annotate, queries
from .api import ARTICLE_ID, CorpusDep, FiltersDep, NotFoundError, PageDep
from .filters import Filters

router = APIRouter(include_in_schema=False)

VIEWS = (("/", "Articles"), ("/graph", "Actor network"), ("/timeline", "Timeline"), ("/map", "Map"),
         ("/docs", "API"))


@functools.cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsgraph", "web/templates"),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    ctx = {"version": __version__, "views": VIEWS, "filters": Filters(), "query": "", **context}
    return HTMLResponse(environment().get_template(name).render(**ctx), status_code=status)


def page_context(request: Request, f: Filters, title: str) -> dict[str, Any]:
    return {"title": title, "filters": f, "query": urlencode(f.as_params()), "path": request.url.path}


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    c: CorpusDep,
    f: FiltersDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    with c.read() as r:
        listing = queries.articles(r, f, page, q)
        counts = queries.overview(r)
    more = {**f.as_params(), **({"q": q} if q else {}), "offset": listing["next_offset"], "limit": page.limit}
    return render("index.html", {
        **page_context(request, f, "Articles"), "listing": listing, "counts": counts, "q": q or "",
        "next_link": f"/?{urlencode(more)}" if listing["next_offset"] is not None else None,
    })


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, c: CorpusDep, f: FiltersDep, article_id: Annotated[str, Path(pattern=ARTICLE_ID)]
) -> HTMLResponse:
    with c.read() as r:
        out = queries.article(r, article_id)
        if out is None:
            raise NotFoundError("no article with this id", input=article_id)
        extras = queries.article_extras(r, article_id)
    names = {a.id: a.name for a in out.actors}
    place_names = {p.id: p.name for p in out.places}
    return render("article.html", {
        **page_context(request, f, out.article.title or "Article"),
        "out": out, "extras": extras, "pieces": annotate.pieces(out),
        "details": annotate.details(out, extras), "names": names, "place_names": place_names,
    })


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, f: FiltersDep) -> HTMLResponse:
    return render("graph.html", page_context(request, f, "Actor network"))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, f: FiltersDep) -> HTMLResponse:
    return render("timeline.html", page_context(request, f, "Timeline"))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, f: FiltersDep) -> HTMLResponse:
    return render("map.html", page_context(request, f, "Map"))

