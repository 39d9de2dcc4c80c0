"""Event clusters: the same event reported by several articles.

Rule (documented in docs/store.md): two event records belong to one cluster when they have the
same key -- first source actor, PLOVER type, first target actor and place (missing parts, an
event without a PLOVER type included, compare equal to each other) -- and their days chain together: sorted by day, a gap of more than
``window`` days between consecutive records starts a new cluster (single linkage). Events
without any day (no event date and no publication date) form one undated cluster per key.

The rule is order independent, so recomputing the clusters of the keys a batch touches keeps
every cluster correct whatever order articles arrive in. A cluster's id is a hash of its key and
its earliest member (day, article id, event id): it changes only when a cluster gains an earlier
member or merges with another.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

_ASSIGN = """
CREATE OR REPLACE TEMP TABLE _ng_assign AS
WITH ev AS (
    SELECT e.article_id, e.ord, e.event_id, e.source1, e.plover, e.target1, e.place, e.day,
           e.goldstein, e.quad_class, a.outlet,
           coalesce(e.source1, '') || '|' || coalesce(e.plover, '') || '|' || coalesce(e.target1, '') || '|'
               || coalesce(e.place, '') AS k
    FROM events e JOIN articles a ON a.id = e.article_id
    {where}
), marked AS (
    SELECT *, CASE WHEN day IS NULL THEN 0
                   WHEN lag(day) OVER w IS NULL THEN 1
                   WHEN day - lag(day) OVER w > {window} THEN 1 ELSE 0 END AS new_island
    FROM ev
    WINDOW w AS (PARTITION BY k, day IS NULL ORDER BY day, article_id, ord)
), islands AS (
    SELECT *, sum(new_island) OVER (PARTITION BY k, day IS NULL ORDER BY day, article_id, ord
                                    ROWS UNBOUNDED PRECEDING) AS island
    FROM marked
)
SELECT *, left(md5(k || '#' || coalesce(
        first(CAST(day AS VARCHAR) || '/' || article_id || '/' || event_id)
            OVER (PARTITION BY k, day IS NULL, island ORDER BY day, article_id, ord),
        'undated')), 16) AS cid
FROM islands
"""


def _apply(con: duckdb.DuckDBPyConnection, where: str, params: list[object], window: int) -> None:
    con.execute(_ASSIGN.format(where=where, window=int(window)), params)
    con.execute(
        "DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM events e "
        "WHERE cluster_id IS NOT NULL AND EXISTS (SELECT 1 FROM _ng_assign s "
        "WHERE s.article_id = e.article_id AND s.ord = e.ord))"
    )
    con.execute("""
        INSERT INTO clusters
        SELECT cid, any_value(source1), any_value(plover), any_value(target1), any_value(place),
               min(day), max(day), count(*), count(DISTINCT article_id), count(DISTINCT outlet),
               avg(goldstein), mode(quad_class)
        FROM _ng_assign GROUP BY cid
        ON CONFLICT (cluster_id) DO UPDATE SET first_day = excluded.first_day,
            last_day = excluded.last_day, n_mentions = excluded.n_mentions,
            n_articles = excluded.n_articles, n_outlets = excluded.n_outlets,
            goldstein = excluded.goldstein, quad_class = excluded.quad_class
    """)
    con.execute(
        "UPDATE events SET cluster_id = s.cid FROM _ng_assign s "
        "WHERE events.article_id = s.article_id AND events.ord = s.ord "
        "AND events.cluster_id IS DISTINCT FROM s.cid"
    )
    con.execute("DROP TABLE _ng_assign")


def update(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], window: int) -> None:
    """Recompute the clusters of every key that the events of ``article_ids`` have."""
    where = """
    WHERE (coalesce(e.source1, ''), coalesce(e.plover, ''), coalesce(e.target1, ''), coalesce(e.place, '')) IN (
        SELECT (coalesce(source1, ''), coalesce(plover, ''), coalesce(target1, ''), coalesce(place, ''))
        FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[])))
    """
    _apply(con, where, [list(article_ids)], window)


def rebuild(con: duckdb.DuckDBPyConnection, window: int) -> None:
    """Recompute every cluster from scratch."""
    con.execute("DELETE FROM clusters")
    con.execute("UPDATE events SET cluster_id = NULL")
    _apply(con, "", [], window)
