"""The JSON API under ``/api``: paginated lists with the CLI's filters, article detail, graph,
series, map, and ``POST /api/extract``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from ..errors import NewsgraphError
from . import queries
from .corpus import Corpus
from .extract import Extractor, extract
from .filters import ACTOR_PATTERN, Filters, Page, paging, shared_filters
from .settings import WebSettings

ARTICLE_ID = r"^[A-Za-z0-9_\-]{1,64}$"

FiltersDep = Annotated[Filters, Depends(shared_filters)]
PageDep = Annotated[Page, Depends(paging)]


class NotFoundError(NewsgraphError):
    """No record with this id."""

    default_hint = "list the records with /api/articles to find an id"


class ExtractDisabledError(NewsgraphError):
    default_hint = "the server was started with --no-extract"


def corpus(request: Request) -> Corpus:
    settings: WebSettings = request.app.state.settings
    return settings.corpus


CorpusDep = Annotated[Corpus, Depends(corpus)]

router = APIRouter(prefix="/api", tags=["corpus"])


@router.get("/overview", summary="Counts and date range of the corpus")
def overview(c: CorpusDep) -> dict[str, Any]:
    with c.read() as r:
        return queries.overview(r)


@router.get("/articles", summary="Articles, newest first; q: full-text search (every word)")
def articles(
    c: CorpusDep,
    f: FiltersDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="Words that must all occur.")] = None,
) -> dict[str, Any]:
    with c.read() as r:
        return queries.articles(r, f, page, q)


@router.get("/search", summary="Full-text search over titles and texts (same as /articles?q=)")
def search(
    c: CorpusDep,
    f: FiltersDep,
    page: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words that must all occur.")],
) -> dict[str, Any]:
    with c.read() as r:
        return queries.articles(r, f, page, q)


@router.get("/articles/{article_id}", summary="One article in the contract form, with every annotation")
def article(c: CorpusDep, article_id: Annotated[str, Path(pattern=ARTICLE_ID)]) -> dict[str, Any]:
    with c.read() as r:
        out = queries.article(r, article_id)
        if out is None:
            raise NotFoundError("no article with this id", input=article_id)
        extras = queries.article_extras(r, article_id)
    return {**out.model_dump(mode="json"), "store": extras}


@router.get("/events", summary="Events, newest first")
def events(c: CorpusDep, f: FiltersDep, page: PageDep) -> dict[str, Any]:
    with c.read() as r:
        return queries.events(r, f, page)


@router.get("/timeline", summary="Event counts by day and PLOVER type")
def timeline(c: CorpusDep, f: FiltersDep) -> dict[str, Any]:
    with c.read() as r:
        return {"items": queries.timeline(r, f)}


@router.get("/actors", summary="Actors of the matching articles, by articles naming them")
def actors(
    c: CorpusDep,
    f: FiltersDep,
    page: PageDep,
    sector: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,4}$", description="Sector code, e.g. MIL.")] = None,
) -> dict[str, Any]:
    with c.read() as r:
        return queries.actors(r, f, page, sector)


@router.get("/graph", summary="Actor network: nodes sized by activity, edges by cooperation/conflict")
def graph(
    c: CorpusDep,
    f: FiltersDep,
    max_nodes: Annotated[int, Query(ge=1, le=queries.MAX_GRAPH_NODES)] = 100,
) -> dict[str, Any]:
    with c.read() as r:
        return queries.graph(r, f, max_nodes)


@router.get("/quotes", summary="Quotes with speaker, cue, outlet and provenance chain")
def quotes(
    c: CorpusDep,
    f: FiltersDep,
    page: PageDep,
    speaker: Annotated[str | None, Query(max_length=120, description="Speaker id or part of the name.")] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the quote.")] = None,
) -> dict[str, Any]:
    with c.read() as r:
        return queries.quotes(r, f, page, speaker, text)


@router.get("/speakers", summary="Speakers by number of quotes")
def speakers(c: CorpusDep, f: FiltersDep, page: PageDep) -> dict[str, Any]:
    with c.read() as r:
        return queries.speakers(r, f, page)


@router.get("/series", summary="Numeric claims over time, each source's value, disagreements marked")
def series(
    c: CorpusDep,
    f: FiltersDep,
    unit: Annotated[str | None, Query(max_length=60, description="Unit, e.g. troops.")] = None,
    place: Annotated[str | None, Query(max_length=120, description="Place id, name or ISO3.")] = None,
    window: Annotated[int, Query(ge=0, le=365, description="Days either side for disagreement.")] = 7,
) -> dict[str, Any]:
    with c.read() as r:
        return queries.series(r, f, unit=unit, place=place, window_days=window)


@router.get("/clusters", summary="The same event across articles, with counts")
def clusters(
    c: CorpusDep,
    f: FiltersDep,
    page: PageDep,
    min_articles: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> dict[str, Any]:
    with c.read() as r:
        return queries.clusters(r, f, page, min_articles)


@router.get("/places", summary="Located places of the matching articles, with their events (the map)")
def places(
    c: CorpusDep,
    f: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> dict[str, Any]:
    with c.read() as r:
        return {"items": queries.places(r, f, limit)}


@router.get("/actors/{actor_id}/neighbours", summary="Actors linked to one actor by events")
def neighbours(
    c: CorpusDep,
    f: FiltersDep,
    actor_id: Annotated[str, Path(pattern=ACTOR_PATTERN)],
    max_nodes: Annotated[int, Query(ge=1, le=queries.MAX_GRAPH_NODES)] = 50,
) -> dict[str, Any]:
    scoped = Filters(**{**f.__dict__, "actor": actor_id})
    with c.read() as r:
        return queries.graph(r, scoped, max_nodes)


async def extract_route(request: Request) -> dict[str, Any]:
    settings: WebSettings = request.app.state.settings
    if not settings.extract:
        raise ExtractDisabledError("extraction is turned off on this server", input="/api/extract")
    extractor: Extractor = request.app.state.extractor
    return await extract(request, extractor, settings.max_extract_bytes)


EXTRACT_DESCRIPTION = (
    'Body: JSON {"text": "..."} or {"html": "..."} with optional "url", "title", "published" '
    "(YYYY-MM-DD), or a raw text/plain or text/html body. Size limited (413 beyond); 403 when the "
    "server runs with --no-extract."
)
EXTRACT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string"}, "html": {"type": "string"}, "url": {"type": "string"},
                        "title": {"type": "string"}, "published": {"type": "string", "format": "date"},
                    },
                }
            },
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}

router.add_api_route(
    "/extract", extract_route, methods=["POST"], tags=["extract"],
    summary="Extract one article (text or HTML) into the contract JSON",
    description=EXTRACT_DESCRIPTION, openapi_extra=EXTRACT_BODY,
)

