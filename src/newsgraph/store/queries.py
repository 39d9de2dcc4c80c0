"""Corpus queries: events, actors and their network, quotes, numeric series, clusters, read-only SQL.

Each returns a pandas DataFrame; :meth:`QueryMixin.sql_relation` gives a lazy DuckDB relation.
Actor filters match an id and its sub-actors: ``USA`` matches ``USA`` and ``USA.MIL``.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from ..errors import QueryError

_ALLOWED = {"SELECT"}


def _actor_match(expr: str) -> str:
    return f"({expr} = ? OR starts_with({expr}, ? || '.'))"


class QueryMixin:
    """Query methods of :class:`~newsgraph.store.Store` (needs ``con`` and ``df``)."""

    con: duckdb.DuckDBPyConnection

    def df(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:  # pragma: no cover
        raise NotImplementedError

    def sandbox(self) -> None:  # pragma: no cover
        raise NotImplementedError

    # -- events ------------------------------------------------------------------------------
    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,
        modality: str | None = None,
        place: str | None = None,
        start: str | None = None,
        end: str | None = None,
        outlet: str | None = None,
        cluster: str | None = None,
        limit: int | None = 1000,
    ) -> pd.DataFrame:
        """Event records with their article, outlet and place name, newest first."""
        where: list[str] = []
        params: list[Any] = []
        if actor:
            where.append(
                "EXISTS (SELECT 1 FROM (SELECT unnest(list_concat(e.source, e.target)) AS x) "
                f"WHERE {_actor_match('x')})"
            )
            params += [actor, actor]
        if country:
            where.append(
                "(EXISTS (SELECT 1 FROM actors ac WHERE ac.article_id = e.article_id "
                "AND ac.country = ? AND list_contains(list_concat(e.source, e.target), ac.actor_id))"
                " OR pl.country = ?)"
            )
            params += [country.upper(), country.upper()]
        if type:
            where.append("(e.plover = upper(?) OR starts_with(e.cameo, ?))")
            params += [type, type]
        if modality:
            where.append("e.modality = lower(?)")
            params.append(modality)
        if place:
            where.append("(e.place = ? OR pl.name ILIKE ? OR pl.country = upper(?))")
            params += [place, place, place]
        if start:
            where.append("e.day >= CAST(? AS DATE)")
            params.append(start)
        if end:
            where.append("e.day <= CAST(? AS DATE)")
            params.append(end)
        if outlet:
            where.append("a.outlet ILIKE ?")
            params.append(outlet)
        if cluster:
            where.append("e.cluster_id = ?")
            params.append(cluster)
        sql = f"""
            SELECT e.day, e.plover, e.cameo, e.mode, e.modality, e.source, e.target, e.alleged_by,
                   e.place, pl.name AS place_name, pl.lat, pl.lon, e.quad_class, e.goldstein,
                   e.evidence, a.outlet, a.url, a.title, e.article_id, e.event_id, e.cluster_id
            FROM events e JOIN articles a ON a.id = e.article_id
            LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.place_id = e.place
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY e.day DESC NULLS LAST, e.article_id, e.ord
            {_limit(limit)}
        """
        return self.df(sql, params)

    # -- actors ------------------------------------------------------------------------------
    def actors(
        self, *, top: int | None = 50, country: str | None = None, sector: str | None = None
    ) -> pd.DataFrame:
        """Actors across the corpus by the number of articles naming them."""
        where: list[str] = []
        params: list[Any] = []
        if country:
            where.append("country = upper(?)")
            params.append(country)
        if sector:
            where.append("sector = upper(?)")
            params.append(sector)
        sql = f"""
            WITH ev AS (
                SELECT x AS actor_id, count(*) AS n_events FROM
                    (SELECT unnest(list_distinct(list_concat(source, target))) AS x FROM events)
                GROUP BY x)
            SELECT ac.actor_id, mode(ac.name) AS name, any_value(ac.country) AS country,
                   any_value(ac.sector) AS sector, any_value(ac.kind) AS kind,
                   count(DISTINCT ac.article_id) AS n_articles, sum(ac.n_mentions)::BIGINT AS n_mentions,
                   coalesce(any_value(ev.n_events), 0) AS n_events
            FROM actors ac LEFT JOIN ev USING (actor_id)
            {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY ac.actor_id
            ORDER BY n_articles DESC, n_mentions DESC, ac.actor_id
            {_limit(top)}
        """
        return self.df(sql, params)

    def neighbours(self, actor: str, *, limit: int | None = 50) -> pd.DataFrame:
        """Actors linked to ``actor`` by events, with counts of cooperation and conflict."""
        sql = f"""
            WITH pairs AS (
                SELECT s AS a, t AS b, e.plover, e.quad_class FROM events e,
                    (SELECT unnest(e.source) AS s), (SELECT unnest(e.target) AS t)
            ), mine AS (
                SELECT b AS neighbour, 'out' AS direction, plover, quad_class FROM pairs
                WHERE {_actor_match("a")}
                UNION ALL
                SELECT a AS neighbour, 'in' AS direction, plover, quad_class FROM pairs
                WHERE {_actor_match("b")}
            )
            SELECT neighbour, count(*) AS n_events,
                   count(*) FILTER (WHERE direction = 'out') AS as_target,
                   count(*) FILTER (WHERE direction = 'in') AS as_source,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   list(DISTINCT plover ORDER BY plover) AS types
            FROM mine GROUP BY neighbour ORDER BY n_events DESC, neighbour {_limit(limit)}
        """
        return self.df(sql, [actor, actor, actor, actor])

    # -- quotes ------------------------------------------------------------------------------
    def quotes(
        self,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        text: str | None = None,
        limit: int | None = 1000,
    ) -> pd.DataFrame:
        """Quotes with their speaker (id and name), cue and outlet."""
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            where.append(f"({_actor_match('q.speaker')} OR ac.name ILIKE ?)")
            params += [speaker, speaker, f"%{speaker}%"]
        if outlet:
            where.append("a.outlet ILIKE ?")
            params.append(outlet)
        if text:
            where.append("q.text ILIKE ?")
            params.append(f"%{text}%")
        sql = f"""
            SELECT a.published_day AS day, q.speaker, ac.name AS speaker_name, q.kind, q.cue, q.text,
                   q.via, a.outlet, a.url, q.article_id, q.quote_id
            FROM quotes q JOIN articles a ON a.id = q.article_id
            LEFT JOIN actors ac ON ac.article_id = q.article_id AND ac.actor_id = q.speaker
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY day DESC NULLS LAST, q.article_id, q.ord {_limit(limit)}
        """
        return self.df(sql, params)

    # -- numeric series ----------------------------------------------------------------------
    def series(
        self,
        *,
        holder: str | None = None,
        unit: str | None = None,
        place: str | None = None,
        start: str | None = None,
        end: str | None = None,
        window_days: int = 7,
    ) -> pd.DataFrame:
        """Numeric claims over time, one row per claim, with its source and disagreement flags.

        Claims are compared with the other claims of the same holder, unit and place made within
        ``window_days`` days either side: ``n_values`` counts their distinct values,
        ``window_min``/``window_max`` give their range, ``n_outlets`` counts the outlets making
        them, and ``disagreement`` is true where more than one value was claimed. Claims without a
        day (no date and no publication date) cannot be compared: those columns are null.
        """
        where: list[str] = []
        params: list[Any] = []
        if holder:
            where.append(_actor_match("n.holder"))
            params += [holder, holder]
        if unit:
            where.append("(n.unit ILIKE ? OR n.unit ILIKE ?)")
            params += [unit, unit.rstrip("s") + "%"]
        if place:
            where.append("(n.place = ? OR pl.name ILIKE ? OR pl.country = upper(?))")
            params += [place, place, place]
        if start:
            where.append("n.day >= CAST(? AS DATE)")
            params.append(start)
        if end:
            where.append("n.day <= CAST(? AS DATE)")
            params.append(end)
        w = int(window_days)
        sql = f"""
            WITH s AS (
                SELECT n.day, n.date, n.value, n.low, n.high, n.approximate, n.hedged, n.unit,
                       n.holder, n.place, pl.name AS place_name, a.outlet, a.url, a.published_day,
                       n.evidence, n.article_id, n.quantity_id, n.ord
                FROM quantities n JOIN articles a ON a.id = n.article_id
                LEFT JOIN places pl ON pl.article_id = n.article_id AND pl.place_id = n.place
                {"WHERE " + " AND ".join(where) if where else ""}
            )
            SELECT * EXCLUDE (ord),
                   CASE WHEN day IS NOT NULL THEN count(DISTINCT value) OVER g END AS n_values,
                   CASE WHEN day IS NOT NULL THEN min(value) OVER g END AS window_min,
                   CASE WHEN day IS NOT NULL THEN max(value) OVER g END AS window_max,
                   CASE WHEN day IS NOT NULL THEN count(DISTINCT outlet) OVER g END AS n_outlets,
                   CASE WHEN day IS NOT NULL THEN count(DISTINCT value) OVER g > 1 END AS disagreement
            FROM s
            WINDOW g AS (PARTITION BY holder, unit, place ORDER BY day
                         RANGE BETWEEN INTERVAL {w} DAYS PRECEDING AND INTERVAL {w} DAYS FOLLOWING)
            ORDER BY day NULLS LAST, value, article_id, ord
        """
        return self.df(sql, params)

    # -- clusters ----------------------------------------------------------------------------
    def clusters(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        min_articles: int = 1,
        start: str | None = None,
        end: str | None = None,
        limit: int | None = 1000,
    ) -> pd.DataFrame:
        """Event clusters (the same event across articles) with their counts, most reported first."""
        where = ["n_articles >= ?"]
        params: list[Any] = [min_articles]
        if actor:
            where.append(f"({_actor_match('source1')} OR {_actor_match('target1')})")
            params += [actor, actor, actor, actor]
        if type:
            where.append("plover = upper(?)")
            params.append(type)
        if start:
            where.append("last_day >= CAST(? AS DATE)")
            params.append(start)
        if end:
            where.append("first_day <= CAST(? AS DATE)")
            params.append(end)
        sql = f"""
            SELECT cluster_id, first_day, last_day, source1 AS source, plover, target1 AS target, place,
                   n_mentions, n_articles, n_outlets, quad_class, goldstein
            FROM clusters WHERE {" AND ".join(where)}
            ORDER BY n_articles DESC, n_mentions DESC, first_day, cluster_id {_limit(limit)}
        """
        return self.df(sql, params)

    # -- read-only SQL -----------------------------------------------------------------------
    def sql_relation(self, query: str) -> duckdb.DuckDBPyRelation:
        """A user query as a lazy relation. Only single SELECT statements; anything else -> QueryError.

        The connection is sandboxed first (no other file, no URL, no extension: see
        :data:`newsgraph.store.db.SANDBOX`), so ``read_text('/etc/passwd')`` is refused too.
        """
        self.sandbox()
        check_read_only(self.con, query)
        try:
            return self.con.sql(query)
        except duckdb.Error as exc:
            raise QueryError(
                f"query failed: {str(exc).splitlines()[0]}",
                input=query,
                hint='check the SQL; `newsgraph sql "SHOW TABLES"` is not allowed, '
                "query information_schema.tables instead",
            ) from None

    def sql(self, query: str) -> pd.DataFrame:
        """A user query as a DataFrame (read-only; writes raise QueryError)."""
        rel = self.sql_relation(query)
        try:
            return rel.df()
        except duckdb.Error as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0]}", input=query) from None


def check_read_only(con: duckdb.DuckDBPyConnection, query: str) -> None:
    """Raise QueryError unless ``query`` is exactly one SELECT statement."""
    try:
        stmts = con.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(
            f"not valid SQL: {str(exc).splitlines()[0]}", input=query, hint="check the SQL syntax"
        ) from None
    if len(stmts) != 1:
        raise QueryError(f"expected one statement, got {len(stmts)}", input=query)
    kind = stmts[0].type.name
    if kind not in _ALLOWED:
        raise QueryError(f"{kind} statements are not allowed", input=query)


def _limit(n: int | None) -> str:
    return f"LIMIT {int(n)}" if n is not None and n > 0 else ""
