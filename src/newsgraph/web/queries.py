"""The web API's queries: parameterised SQL over a read-only corpus, filtered and paginated.

Every function takes a :class:`~newsgraph.web.corpus.Reader` and the request's
:class:`~newsgraph.web.filters.Filters`; user values reach SQL only as bound parameters.
"""

from __future__ import annotations

from typing import Any

from ..model import Output
from ..store.rows import rebuild_output
from ..store.schema import CHILD_TABLES
from .corpus import Reader
from .filters import EVENT_CONFIDENCE, Filters, Page, Where, actor_match

#: Most nodes the actor graph returns, and most rows a numeric series returns.
MAX_GRAPH_NODES = 300
MAX_SERIES_ROWS = 5000
SNIPPET_CHARS = 160

EVENT_FROM = """
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.place_id = e.place
"""


def listing(items: list[dict[str, Any]], total: int, page: Page) -> dict[str, Any]:
    """The envelope of every list route."""
    nxt = page.offset + page.limit if page.offset + page.limit < total else None
    return {"total": total, "limit": page.limit, "offset": page.offset, "next_offset": nxt, "items": items}


def like_pattern(term: str) -> str:
    """An ILIKE pattern matching ``term`` literally anywhere (``%``, ``_`` and ``\\`` escaped)."""
    esc = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def search_terms(q: str | None) -> list[str]:
    """Up to eight distinct words of a search query."""
    if not q:
        return []
    seen: list[str] = []
    for t in q.split():
        if t.lower() not in (s.lower() for s in seen):
            seen.append(t)
    return seen[:8]


def snippet(text: str | None, terms: list[str]) -> str | None:
    """A piece of ``text`` around the first search term found (plain text; escaped when rendered)."""
    if not text:
        return None
    low = text.lower()
    hits = [i for i in (low.find(t.lower()) for t in terms) if i >= 0]
    at = min(hits) if hits else 0
    start = max(0, at - SNIPPET_CHARS // 2)
    piece = text[start : start + SNIPPET_CHARS].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(text) else "")


# -- articles ---------------------------------------------------------------------------------
def articles(r: Reader, f: Filters, page: Page, q: str | None = None) -> dict[str, Any]:
    """Articles newest first; ``q``: every word must occur in the title or text (full-text search)."""
    w = f.article_where()
    terms = search_terms(q)
    for t in terms:
        pat = like_pattern(t)
        w.add("(a.text ILIKE ? ESCAPE '\\' OR coalesce(a.title, '') ILIKE ? ESCAPE '\\')", pat, pat)
    total = int(r.scalar(f"SELECT count(*) AS n FROM articles a {w.sql()}", w.params) or 0)
    rows = r.rows(
        f"""SELECT a.id, a.title, a.url, a.outlet, a.published, a.published_day, a.n_events, a.n_quotes,
                   a.n_quantities, left(a.text, 4000) AS head
            FROM articles a {w.sql()}
            ORDER BY a.published_day DESC NULLS LAST, a.id LIMIT ? OFFSET ?""",
        [*w.params, page.limit, page.offset],
    )
    for row in rows:
        head = row.pop("head")
        row["title"] = row["title"] or (head or "").strip().split("\n", 1)[0][:200]
        row["snippet"] = snippet(head, terms)
    return listing(rows, total, page)


def article(r: Reader, article_id: str) -> Output | None:
    """One stored article in the contract form, or None."""
    row = r.one("SELECT * FROM articles WHERE id = ?", [article_id])
    if row is None:
        return None
    children: dict[str, list[dict[str, Any]]] = {}
    for table in CHILD_TABLES:
        order = "entity, ref, ord" if table == "mentions" else "ord"
        children[table] = r.rows(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", [article_id])
    for m in children["mentions"]:
        m["ref"] = str(m["ref"])
    return rebuild_output(row, children)


def article_extras(r: Reader, article_id: str) -> dict[str, Any]:
    """What the store adds to the contract: outlet, day, event clusters and their sizes."""
    info = r.one("SELECT outlet, published_day, ingested_at FROM articles WHERE id = ?", [article_id]) or {}
    clusters = r.rows(
        """SELECT e.event_id, c.cluster_id, c.n_articles, c.n_outlets
           FROM events e JOIN clusters c USING (cluster_id) WHERE e.article_id = ? ORDER BY e.ord""",
        [article_id],
    )
    return {**info, "clusters": {c.pop("event_id"): c for c in clusters}}


# -- events -----------------------------------------------------------------------------------
def events(r: Reader, f: Filters, page: Page) -> dict[str, Any]:
    w = f.event_where()
    total = int(r.scalar(f"SELECT count(*) AS n {EVENT_FROM} {w.sql()}", w.params) or 0)
    rows = r.rows(
        f"""SELECT e.day, e.plover, e.cameo, e.mode, e.modality, e.source, e.target, e.alleged_by,
                   e.place, pl.name AS place_name, pl.country AS place_country, pl.lat, pl.lon,
                   e.quad_class, e.goldstein, {EVENT_CONFIDENCE} AS confidence, e.rule, e.evidence,
                   json_extract(e.data, '$.provenance') AS provenance, a.outlet, a.title,
                   e.article_id, e.event_id, e.cluster_id
            {EVENT_FROM} {w.sql()}
            ORDER BY e.day DESC NULLS LAST, e.article_id, e.ord LIMIT ? OFFSET ?""",
        [*w.params, page.limit, page.offset],
        json_cols=("provenance",),
    )
    return listing(rows, total, page)


def timeline(r: Reader, f: Filters) -> list[dict[str, Any]]:
    """Event counts by day and PLOVER type ('UNTYPED' for events with a CAMEO code only; events
    without a day are left out)."""
    w = f.event_where()
    w.add("e.day IS NOT NULL")
    return r.rows(
        f"""SELECT e.day, coalesce(e.plover, 'UNTYPED') AS plover, count(*) AS n,
                   count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict
            {EVENT_FROM} {w.sql()} GROUP BY ALL ORDER BY e.day, plover""",
        w.params,
    )


# -- actors and their graph --------------------------------------------------------------------
def actors(r: Reader, f: Filters, page: Page, sector: str | None = None) -> dict[str, Any]:
    """Actors of the matching articles by the number of articles naming them."""
    w = f.article_where()
    sub = Where()
    if sector:
        sub.add("ac.sector = ?", sector.upper())
    if f.country:
        sub.add("ac.country = ?", f.country)
    if f.actor:
        sub.add(actor_match("ac.actor_id"), f.actor, f.actor)
    ev = f.event_where()
    base = f"""
        WITH arts AS (SELECT a.id FROM articles a {w.sql()}),
        ev AS (SELECT x AS actor_id, count(*) AS n_events FROM
                 (SELECT unnest(list_distinct(list_concat(e.source, e.target))) AS x {EVENT_FROM} {ev.sql()})
               GROUP BY x),
        agg AS (
            SELECT ac.actor_id, mode(ac.name) AS name, any_value(ac.country) AS country,
                   any_value(ac.sector) AS sector, any_value(ac.kind) AS kind,
                   count(DISTINCT ac.article_id) AS n_articles, sum(ac.n_mentions)::BIGINT AS n_mentions,
                   coalesce(any_value(ev.n_events), 0) AS n_events
            FROM actors ac JOIN arts ON arts.id = ac.article_id LEFT JOIN ev USING (actor_id)
            {sub.sql()} GROUP BY ac.actor_id)
    """
    params = [*w.params, *ev.params, *sub.params]
    total = int(r.scalar(f"{base} SELECT count(*) AS n FROM agg", params) or 0)
    rows = r.rows(
        f"{base} SELECT * FROM agg ORDER BY n_articles DESC, n_mentions DESC, actor_id LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset],
    )
    return listing(rows, total, page)


def graph(r: Reader, f: Filters, max_nodes: int) -> dict[str, Any]:
    """The actor network of the matching events: nodes sized by activity, edges weighted by
    event count and split into cooperation (quad class 1-2) and conflict (3-4). With an actor
    filter, only the edges that actor (or a sub-actor) is an end of."""
    w = f.event_where()
    if f.actor:  # the actor's own edges, not those of its co-participants
        w.add(f"({actor_match('s')} OR {actor_match('t')})", f.actor, f.actor, f.actor, f.actor)
    params = [*w.params]
    pairs = f"""
        WITH pairs AS (
            SELECT s AS source, t AS target, e.plover, e.quad_class
            {EVENT_FROM}, (SELECT unnest(e.source) AS s), (SELECT unnest(e.target) AS t)
            {w.sql()}
        )"""
    edges = r.rows(
        f"""{pairs}
            SELECT source, target, count(*) AS weight,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   list(DISTINCT plover ORDER BY plover) AS types
            FROM pairs WHERE source <> target GROUP BY source, target
            ORDER BY weight DESC, source, target""",
        params,
    )
    activity: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            activity[end] = activity.get(end, 0) + int(e["weight"])
    keep = sorted(activity, key=lambda a: (-activity[a], a))[:max_nodes]
    kept = set(keep)
    names = {
        row["actor_id"]: row
        for row in r.rows(
            """SELECT actor_id, mode(name) AS name, any_value(country) AS country,
                      any_value(sector) AS sector, any_value(kind) AS kind
               FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY actor_id""",
            [keep],
        )
    }
    nodes = [
        {"id": a, "activity": activity[a], **{k: v for k, v in names.get(a, {"name": a}).items() if k != "actor_id"}}
        for a in keep
    ]
    for n in nodes:
        n.setdefault("name", n["id"])
    links = [e for e in edges if e["source"] in kept and e["target"] in kept]
    for e in links:
        e["tone"] = "conflict" if e["conflict"] > e["cooperation"] else (
            "cooperation" if e["cooperation"] > e["conflict"] else "mixed")
    return {"nodes": nodes, "edges": links, "truncated": len(activity) > len(keep)}


# -- quotes -----------------------------------------------------------------------------------
def quote_where(f: Filters, speaker: str | None, text: str | None) -> Where:
    w = Where()
    if f.start:
        w.add("a.published_day >= CAST(? AS DATE)", f.start)
    if f.end:
        w.add("a.published_day <= CAST(? AS DATE)", f.end)
    if f.actor:
        w.add(actor_match("q.speaker"), f.actor, f.actor)
    if f.country:
        w.add("ac.country = ?", f.country)
    if speaker:
        w.add(f"({actor_match('q.speaker')} OR ac.name ILIKE ? ESCAPE '\\')", speaker, speaker, like_pattern(speaker))
    if text:
        w.add("q.text ILIKE ? ESCAPE '\\'", like_pattern(text))
    return w


QUOTE_FROM = """
    FROM quotes q JOIN articles a ON a.id = q.article_id
    LEFT JOIN actors ac ON ac.article_id = q.article_id AND ac.actor_id = q.speaker
"""


def quotes(r: Reader, f: Filters, page: Page, speaker: str | None, text: str | None) -> dict[str, Any]:
    w = quote_where(f, speaker, text)
    total = int(r.scalar(f"SELECT count(*) AS n {QUOTE_FROM} {w.sql()}", w.params) or 0)
    rows = r.rows(
        f"""SELECT a.published_day AS day, q.speaker, ac.name AS speaker_name, q.kind, q.cue, q.text, q.via,
                   json_extract(q.data, '$.provenance') AS provenance, a.outlet, q.article_id, q.quote_id
            {QUOTE_FROM} {w.sql()}
            ORDER BY day DESC NULLS LAST, q.article_id, q.ord LIMIT ? OFFSET ?""",
        [*w.params, page.limit, page.offset],
        json_cols=("provenance",),
    )
    return listing(rows, total, page)


def speakers(r: Reader, f: Filters, page: Page) -> dict[str, Any]:
    """Speakers by the number of quotes, with their outlets."""
    w = quote_where(f, None, None)
    w.add("q.speaker IS NOT NULL")
    base = f"""WITH s AS (
        SELECT q.speaker, mode(ac.name) AS name, any_value(ac.country) AS country, count(*) AS n_quotes,
               count(DISTINCT q.article_id) AS n_articles, list(DISTINCT a.outlet ORDER BY a.outlet) AS outlets
        {QUOTE_FROM} {w.sql()} GROUP BY q.speaker)"""
    total = int(r.scalar(f"{base} SELECT count(*) AS n FROM s", w.params) or 0)
    rows = r.rows(
        f"{base} SELECT * FROM s ORDER BY n_quotes DESC, speaker LIMIT ? OFFSET ?",
        [*w.params, page.limit, page.offset],
    )
    return listing(rows, total, page)


# -- numeric series ---------------------------------------------------------------------------
def series(
    r: Reader, f: Filters, *, unit: str | None, place: str | None, window_days: int
) -> dict[str, Any]:
    """Numeric claims over time with each source's value; the disagreement rule of
    ``newsgraph series`` (distinct values of the same holder, unit and place within the window)."""
    w = Where()
    if f.actor:
        w.add(actor_match("n.holder"), f.actor, f.actor)
    if f.country:
        w.add("pl.country = ?", f.country)
    if unit:
        w.add("(n.unit ILIKE ? OR n.unit ILIKE ?)", unit, unit.rstrip("s") + "%")
    if place:
        w.add("(n.place = ? OR pl.name ILIKE ? OR pl.country = upper(?))", place, place, place)
    if f.start:
        w.add("n.day >= CAST(? AS DATE)", f.start)
    if f.end:
        w.add("n.day <= CAST(? AS DATE)", f.end)
    days = int(window_days)  # an int checked by the route, never request text
    rows = r.rows(
        f"""WITH s AS (
                SELECT n.day, n.value, n.low, n.high, n.approximate, n.hedged, n.unit, n.holder, n.place,
                       pl.name AS place_name, a.outlet, n.evidence, n.article_id, n.quantity_id, n.ord,
                       json_extract(n.data, '$.provenance') AS provenance
                FROM quantities n JOIN articles a ON a.id = n.article_id
                LEFT JOIN places pl ON pl.article_id = n.article_id AND pl.place_id = n.place
                {w.sql()})
            SELECT * EXCLUDE (ord),
                   CASE WHEN day IS NOT NULL THEN count(DISTINCT value) OVER g END AS n_values,
                   CASE WHEN day IS NOT NULL THEN min(value) OVER g END AS window_min,
                   CASE WHEN day IS NOT NULL THEN max(value) OVER g END AS window_max,
                   CASE WHEN day IS NOT NULL THEN count(DISTINCT value) OVER g > 1 END AS disagreement
            FROM s
            WINDOW g AS (PARTITION BY holder, unit, place ORDER BY day
                         RANGE BETWEEN INTERVAL {days} DAYS PRECEDING AND INTERVAL {days} DAYS FOLLOWING)
            ORDER BY day NULLS LAST, value, article_id, ord LIMIT ?""",
        [*w.params, MAX_SERIES_ROWS + 1],
        json_cols=("provenance",),
    )
    truncated = len(rows) > MAX_SERIES_ROWS
    return {"items": rows[:MAX_SERIES_ROWS], "truncated": truncated, "window_days": window_days}


# -- clusters ---------------------------------------------------------------------------------
def clusters(r: Reader, f: Filters, page: Page, min_articles: int) -> dict[str, Any]:
    w = Where()
    w.add("n_articles >= ?", min_articles)
    if f.actor:
        w.add(f"({actor_match('source1')} OR {actor_match('target1')})", f.actor, f.actor, f.actor, f.actor)
    if f.type:
        w.add("plover = ?", f.type.upper())
    if f.start:
        w.add("last_day >= CAST(? AS DATE)", f.start)
    if f.end:
        w.add("first_day <= CAST(? AS DATE)", f.end)
    total = int(r.scalar(f"SELECT count(*) AS n FROM clusters {w.sql()}", w.params) or 0)
    rows = r.rows(
        f"""SELECT cluster_id, first_day, last_day, source1 AS source, plover, target1 AS target, place,
                   n_mentions, n_articles, n_outlets, quad_class, goldstein
            FROM clusters {w.sql()}
            ORDER BY n_articles DESC, n_mentions DESC, first_day, cluster_id LIMIT ? OFFSET ?""",
        [*w.params, page.limit, page.offset],
    )
    return listing(rows, total, page)


# -- map --------------------------------------------------------------------------------------
def places(r: Reader, f: Filters, limit: int) -> list[dict[str, Any]]:
    """Located places of the matching articles with their mentions and located matching events."""
    w = f.article_where()
    ev = f.event_where()
    return r.rows(
        f"""WITH arts AS (SELECT a.id FROM articles a {w.sql()}),
            located AS (SELECT e.article_id, e.place, count(*) AS n_events,
                               list(DISTINCT e.plover ORDER BY e.plover) AS types
                        {EVENT_FROM} {ev.sql()} GROUP BY ALL)
            SELECT any_value(p.name) AS name, p.country, round(p.lat, 4) AS lat, round(p.lon, 4) AS lon,
                   any_value(p.place_id) AS place_id, any_value(p.feature) AS feature,
                   count(DISTINCT p.article_id) AS n_articles, sum(p.n_mentions)::BIGINT AS n_mentions,
                   coalesce(sum(l.n_events), 0)::BIGINT AS n_events,
                   list_distinct(flatten(list(l.types) FILTER (WHERE l.types IS NOT NULL))) AS types
            FROM places p JOIN arts ON arts.id = p.article_id
            LEFT JOIN located l ON l.article_id = p.article_id AND l.place = p.place_id
            WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
            GROUP BY p.country, round(p.lat, 4), round(p.lon, 4), lower(p.name)
            ORDER BY n_events DESC, n_articles DESC, name LIMIT ?""",
        [*w.params, *ev.params, limit],
    )


def overview(r: Reader) -> dict[str, Any]:
    """Counts and date range of the corpus."""
    row = r.one(
        """SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
                  (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM quantities) AS quantities,
                  (SELECT count(DISTINCT actor_id) FROM actors) AS actors,
                  (SELECT min(published_day) FROM articles) AS first_day,
                  (SELECT max(published_day) FROM articles) AS last_day"""
    )
    return row or {}
