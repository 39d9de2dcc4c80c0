"""The corpus schema: DDL, its version, and the migration path between versions.

The version lives in the ``meta`` table (``key = 'schema_version'``). :data:`MIGRATIONS` maps a
version to the SQL that brings a database of that version to the next one; ``newsgraph migrate``
applies them in order inside one transaction.
"""

from __future__ import annotations

#: Version of the tables written by this code. Bump it and add a migration when the DDL changes.
STORE_SCHEMA_VERSION = 2

#: table -> DDL. Child tables carry (article_id, ord) so records keep their article order.
TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)
    """,
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, source VARCHAR, outlet VARCHAR,
            published VARCHAR, published_day DATE, author VARCHAR, language VARCHAR, input VARCHAR,
            text VARCHAR, removed JSON, sourcing JSON, stats JSON, schema_version VARCHAR,
            n_events INTEGER, n_quotes INTEGER, n_quantities INTEGER, ingested_at TIMESTAMP
        )
    """,
    "actors": """
        CREATE TABLE IF NOT EXISTS actors (
            article_id VARCHAR, ord INTEGER, actor_id VARCHAR, name VARCHAR, country VARCHAR,
            sector VARCHAR, kind VARCHAR, role VARCHAR, affiliation VARCHAR, led_by VARCHAR,
            media BOOLEAN, label VARCHAR, known BOOLEAN, n_mentions INTEGER, data JSON
        )
    """,
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            article_id VARCHAR, entity VARCHAR, ref VARCHAR, ord INTEGER, "start" INTEGER, "end" INTEGER,
            text VARCHAR, via VARCHAR
        )
    """,
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            article_id VARCHAR, ord INTEGER, event_id VARCHAR, plover VARCHAR, mode VARCHAR,
            cameo VARCHAR, source VARCHAR[], target VARCHAR[], source1 VARCHAR, target1 VARCHAR,
            modality VARCHAR, alleged_by VARCHAR, place VARCHAR, date VARCHAR, day DATE,
            goldstein DOUBLE, quad_class INTEGER, hedged BOOLEAN, sentence INTEGER, rule VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR, cluster_id VARCHAR, data JSON
        )
    """,
    "quotes": """
        CREATE TABLE IF NOT EXISTS quotes (
            article_id VARCHAR, ord INTEGER, quote_id VARCHAR, text VARCHAR, kind VARCHAR,
            speaker VARCHAR, cue VARCHAR, via VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
            data JSON
        )
    """,
    "attributions": """
        CREATE TABLE IF NOT EXISTS attributions (
            article_id VARCHAR, ord INTEGER, source VARCHAR, cue VARCHAR, actor VARCHAR,
            scope_start INTEGER, scope_end INTEGER, data JSON
        )
    """,
    "quantities": """
        CREATE TABLE IF NOT EXISTS quantities (
            article_id VARCHAR, ord INTEGER, quantity_id VARCHAR, value DOUBLE, unit VARCHAR,
            approximate BOOLEAN, hedged BOOLEAN, holder VARCHAR, place VARCHAR, date VARCHAR,
            day DATE, low DOUBLE, high DOUBLE, previous VARCHAR, event VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR, data JSON
        )
    """,
    "places": """
        CREATE TABLE IF NOT EXISTS places (
            article_id VARCHAR, ord INTEGER, place_id VARCHAR, name VARCHAR, country VARCHAR,
            lat DOUBLE, lon DOUBLE, geonameid BIGINT, feature VARCHAR, qualifier VARCHAR,
            n_mentions INTEGER, data JSON
        )
    """,
    "dates": """
        CREATE TABLE IF NOT EXISTS dates (
            article_id VARCHAR, ord INTEGER, date_id VARCHAR, text VARCHAR, value VARCHAR,
            "start" VARCHAR, "end" VARCHAR, precision VARCHAR, data JSON
        )
    """,
    "clusters": """
        CREATE TABLE IF NOT EXISTS clusters (
            cluster_id VARCHAR PRIMARY KEY, source1 VARCHAR, plover VARCHAR, target1 VARCHAR,
            place VARCHAR, first_day DATE, last_day DATE, n_mentions INTEGER, n_articles INTEGER,
            n_outlets INTEGER, goldstein DOUBLE, quad_class INTEGER
        )
    """,
    "failures": """
        CREATE TABLE IF NOT EXISTS failures (
            key VARCHAR PRIMARY KEY, input VARCHAR, reason VARCHAR, error_type VARCHAR, hint VARCHAR,
            first_seen TIMESTAMP, last_seen TIMESTAMP, attempts INTEGER
        )
    """,
    "inflight": """
        CREATE TABLE IF NOT EXISTS inflight (
            id VARCHAR PRIMARY KEY, input VARCHAR, attempts INTEGER, started TIMESTAMP
        )
    """,
}

#: Child tables of an article (deleted with it, rebuilt into its record).
CHILD_TABLES = ("actors", "mentions", "events", "quotes", "attributions", "quantities", "places", "dates")

INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
    "CREATE INDEX IF NOT EXISTS events_key ON events(source1, plover, target1)",
)

#: version -> statements that bring a database of that version to version + 1.
#: Version 1 (the first development layout) had no clusters and inflight tables, no
#: events.day/cluster_id and no failures.attempts.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS day DATE",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS cluster_id VARCHAR",
        "ALTER TABLE failures ADD COLUMN IF NOT EXISTS attempts INTEGER DEFAULT 1",
        TABLES["clusters"],
        TABLES["inflight"],
        "UPDATE events SET day = TRY_CAST(left(date, 10) AS DATE) WHERE day IS NULL",
    ),
}
