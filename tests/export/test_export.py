"""Exports: JSONL round trip (hypothesis), CSV, Parquet partitions, GDELT TSV, PLOVER, GraphML, GeoJSON."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InvalidValueError
from newsgraph.export import (
    FORMATS,
    GDELT_COLUMNS,
    export,
    read_jsonl,
    write_csv,
    write_gdelt,
    write_geojson,
    write_graphml,
    write_jsonl,
    write_parquet,
    write_plover,
)
from newsgraph.model import Actor, Article, DateRef, Event, Place, Quantity, Quote
from newsgraph.store import Store
from newsgraph.vocab import MODALITIES, PLOVER_TYPES

NS = "{http://graphml.graphdrawing.org/xmlns}"



# -- hypothesis: store -> JSONL -> read back ------------------------------------------------------
_words = st.lists(
    st.sampled_from(["Russia", "troops", "said", "Syria", "“quoted”", "ç", "1,723", "\n\n"]),
    min_size=3,
    max_size=30,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = " ".join(draw(_words))
    n = len(text)
    art = Article(
        text=text,
        published=draw(st.sampled_from([None, "2017-12-06", "2018-01-31"])),
        url=draw(st.sampled_from([None, "https://a.example/x"])),
        source=draw(st.sampled_from([None, "AFP", "Ünïcode Times"])),
        title=draw(st.one_of(st.none(), st.text(max_size=20))),
    )

    def span() -> tuple[int, int]:
        s = draw(st.integers(0, n))
        return s, draw(st.integers(s, n))

    ids = [f"A{i}" for i in range(draw(st.integers(0, 3)))]
    for aid in ids:
        mentions = [
            art.mention(*span(), via=draw(st.sampled_from([None, "ner", "coref"])))
            for _ in range(draw(st.integers(0, 3)))
        ]
        art.actors.append(
            Actor(
                id=aid,
                name=aid.lower(),
                kind=draw(st.sampled_from(["state", "person"])),
                country=draw(st.sampled_from([None, "USA", "SYR"])),
                mentions=mentions,
            )
        )
    places = []
    for i in range(draw(st.integers(0, 2))):
        places.append(
            Place(
                id=f"p.{i}",
                name=f"place {i}",
                lat=draw(st.one_of(st.none(), st.floats(-90, 90))),
                lon=draw(st.floats(-180, 180)),
                mentions=[art.mention(*span())],
            )
        )
    art.places = places
    for i in range(draw(st.integers(0, 3))):
        art.events.append(
            Event(
                id=f"e{i + 1}",
                plover=draw(st.sampled_from(sorted(PLOVER_TYPES))),
                cameo="190",
                source=draw(st.lists(st.sampled_from(ids or ["X"]), max_size=2)),
                target=draw(st.lists(st.sampled_from(ids or ["Y"]), max_size=2)),
                modality=draw(st.sampled_from(MODALITIES)),
                evidence=art.span(*span()),
                rule="h",
                place=draw(st.sampled_from([None, *[p.id for p in places]])),
                date=draw(st.sampled_from([None, "2017-06", "2017-12-04", "d1", "yesterday"])),
                goldstein=draw(st.one_of(st.none(), st.floats(-10, 10))),
                quad_class=draw(st.sampled_from([None, 1, 4])),
                provenance=draw(st.lists(st.sampled_from(["AFP", "PER.x"]), max_size=2)),
            )
        )
    for i in range(draw(st.integers(0, 2))):
        art.quotes.append(
            Quote(
                id=f"q{i + 1}",
                text="t",
                kind="direct",
                speaker=draw(st.sampled_from([None, *ids])),
                evidence=art.span(*span()),
                flags=draw(st.lists(st.just("capped"), max_size=1)),
            )
        )
    for i in range(draw(st.integers(0, 2))):
        art.quantities.append(
            Quantity(
                id=f"n{i + 1}",
                value=draw(st.floats(-1e9, 1e9)),
                unit="troops",
                evidence=art.span(*span()),
                low=draw(st.one_of(st.none(), st.floats(0, 5))),
            )
        )
    if draw(st.booleans()):
        art.dates.append(DateRef(id="d1", text="Monday", value="2017-12-04", evidence=art.span(*span())))
    art.stats = draw(st.dictionaries(st.sampled_from(["a", "b"]), st.integers(0, 9), max_size=2))
    return art


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(articles(), min_size=1, max_size=4))
def test_store_export_read_back_equals(
    tmp_path_factory: pytest.TempPathFactory, batch: list[Article]
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    expected = {}
    for a in batch:
        expected.setdefault(a.ensure_id(), a.to_output())
    with Store(folder / "c.duckdb") as s:
        s.write(batch)
        assert write_jsonl(s, folder / "out.jsonl") == len(expected)
        n_events = s.count("events")
    back = list(read_jsonl(folder / "out.jsonl"))
    assert {o.article.id: o for o in back} == expected
    assert n_events == sum(len(o.events) for o in expected.values())


# -- the other formats on the sample corpus ------------------------------------------------------
def test_csv_events_read_back(store: Store, tmp_path: Path) -> None:
    dest = tmp_path / "events.csv"
    assert write_csv(store, dest) == 4
    with open(dest, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4 and "data" not in rows[0]
    assert sorted(r["source"] for r in rows) == ["RUS", "USA.MIL", "USA.MIL", "USA.MIL"]
    assert sorted(r["partition_date"] for r in rows) == [
        "2017-12-04",
        "2017-12-07",
        "2017-12-07",
        "2017-12-20",
    ]
    assert {r["evidence"] for r in rows} >= {"U.S. forces struck ISIS near Raqqa again."}


@pytest.mark.parametrize("table", ["articles", "quotes", "quantities", "clusters", "failures"])
def test_csv_any_table(store: Store, tmp_path: Path, table: str) -> None:
    dest = tmp_path / f"{table}.csv"
    n = write_csv(store, dest, table)
    with open(dest, encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == n == store.count(table)


def test_csv_unknown_table(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError):
        write_csv(store, tmp_path / "x.csv", "meta")


def test_parquet_partitioned_by_date(store: Store, tmp_path: Path) -> None:
    counts = write_parquet(store, tmp_path / "pq")
    assert counts["articles"] == 3 and counts["events"] == 4
    days = sorted(p.name for p in (tmp_path / "pq" / "articles").iterdir())
    assert days == ["partition_date=2017-12-06", "partition_date=2017-12-07", "partition_date=2017-12-20"]
    for table, n in counts.items():
        if n:
            got = duckdb.sql(
                f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/{table}/*/*.parquet', "
                "hive_partitioning = true)"
            ).fetchall()[0][0]
            assert got == n, table
    ev = duckdb.sql(
        f"SELECT source, day FROM read_parquet('{tmp_path}/pq/events/*/*.parquet') WHERE plover = 'ACCUSE'"
    ).fetchall()
    assert ev[0][0] == ["RUS"] and str(ev[0][1]) == "2017-12-07"


def test_parquet_replaces_an_earlier_export(store: Store, tmp_path: Path) -> None:
    """Regression: a second export into the same folder kept the first one's stale partitions."""
    dest = tmp_path / "pq"
    write_parquet(store, dest)
    stale = dest / "events" / "partition_date=1999-01-01"
    stale.mkdir()
    duckdb.sql(f"COPY (SELECT 1 AS x) TO '{stale}/data_0.parquet' (FORMAT PARQUET)")
    counts = write_parquet(store, dest)
    assert not stale.exists()
    got = duckdb.sql(f"SELECT count(*) FROM read_parquet('{dest}/events/*/*.parquet')").fetchall()[0][0]
    assert got == counts["events"] == 4
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_parquet_refuses_a_folder_that_is_no_export(store: Store, tmp_path: Path) -> None:
    from newsgraph.errors import StoreNotWritableError

    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / "notes.txt").write_text("keep me", "utf-8")
    with pytest.raises(StoreNotWritableError, match="not a previous newsgraph Parquet export"):
        write_parquet(store, dest)
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert write_parquet(store, empty)["events"] == 4


def test_gdelt_tsv(store: Store, tmp_path: Path) -> None:
    dest = tmp_path / "events.tsv"
    assert write_gdelt(store, dest) == 3
    rows = [line.split("\t") for line in dest.read_text("utf-8").splitlines()]
    assert all(len(r) == len(GDELT_COLUMNS) == 61 for r in rows)
    recs = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]
    first = next(r for r in recs if r["SQLDATE"] == "20171204")
    assert (first["Actor1Code"], first["Actor2Code"], first["EventCode"], first["EventRootCode"]) == (
        "USAMIL",
        "INS",
        "195",
        "19",
    )
    assert (first["Actor1CountryCode"], first["Actor1Type1Code"], first["Actor2KnownGroupCode"]) == (
        "USA",
        "MIL",
        "",
    )
    assert (first["NumMentions"], first["NumArticles"], first["NumSources"]) == ("2", "2", "2")
    assert (first["ActionGeo_Lat"], first["ActionGeo_Long"], first["ActionGeo_CountryCode"]) == (
        "35.95",
        "39.01",
        "SYR",
    )
    assert first["SOURCEURL"] == "https://dailyplanet.example/syria-1" and first["QuadClass"] == "4"
    assert write_gdelt(store, dest, header=True) == 3
    assert dest.read_text("utf-8").split("\n")[0].split("\t") == list(GDELT_COLUMNS)


def test_gdelt_actor_codes_are_cameo_and_urls_are_urls(tmp_path: Path) -> None:
    """Regression: internal ids leaked as actor codes (`NOUNpeople`, `PERx`) and SOURCEURL held
    an input path (`feed.jsonl:13`)."""
    text = "People in Tarn said Ruritanian police detained the reporter."
    art = Article(text=text, published="2020-05-01", input="feed.jsonl:13")

    def actor(aid: str, name: str, **kw: object) -> Actor:
        i = text.index(name)
        return Actor(id=aid, name=name, mentions=[art.mention(i, i + len(name))], **kw)  # type: ignore[arg-type]

    art.actors = [
        actor("NOUN.people", "People", kind="group", sector="CVL"),
        actor("RUR.COP", "Ruritanian police", kind="state", country="RUR", sector="COP"),
        actor("PER.reporter", "reporter", kind="person", sector="SPT"),
    ]
    art.events = [
        Event(id="e1", plover="COERCE", cameo="173", source=["RUR.COP"], target=["PER.reporter"],
              evidence=art.span(0, len(text)), rule="t"),
        Event(id="e2", plover="ACCUSE", cameo="112", source=["NOUN.people"], target=[],
              evidence=art.span(0, len(text)), rule="t"),
    ]
    with Store(tmp_path / "c.duckdb") as s:
        s.write([art])
        assert write_gdelt(s, tmp_path / "g.tsv", header=True) == 2
    rows = list(csv.DictReader((tmp_path / "g.tsv").open(encoding="utf-8"), delimiter="\t"))
    codes = {r["EventCode"]: (r["Actor1Code"], r["Actor2Code"], r["SOURCEURL"]) for r in rows}
    assert codes == {"173": ("RURCOP", "", ""), "112": ("CVL", "", "")}


def test_plover_follows_the_data_fields_chapter(store: Store, tmp_path: Path) -> None:
    """Regression: the export used its own names (event_type, event_date, location, quad_class,
    goldstein) instead of the PLOVER manual's Data Fields."""
    dest = tmp_path / "plover.jsonl"
    assert write_plover(store, dest) == 4
    recs = [json.loads(line) for line in dest.read_text("utf-8").splitlines()]
    required = {"id", "date", "actor", "event"}
    optional = {"recipient", "event_loc", "event_text", "quad_code", "event_scale", "mode", "context",
                "link", "text", "text_info", "cite_info", "coder"}
    ours = {"article_id", "cameo", "modality", "alleged_by", "hedged", "provenance", "confidence", "date_text"}
    assert all(set(r) == required | optional | ours for r in recs)
    acc = next(r for r in recs if r["event"] == ["ACCUSE"])
    assert acc["date"] == "2017-12-07" and acc["quad_code"] == 3 and acc["mode"] == []
    assert acc["actor"] == [{"code": "RUS", "sector": "GOV", "entity_text": "Russia", "identifier_id": "RUS",
                             "identifier_text": "Russia", "office": None, "kind": "state"}]
    assert acc["recipient"][0]["identifier_id"] == "USA" and acc["recipient"][0]["code"] == "USA"
    assert acc["cite_info"]["publication"] == "gazette.example"
    assert acc["cite_info"]["url"] == "https://www.gazette.example/world/syria"
    assert acc["text"] == "Russia accused the United States of bombing civilians."
    assert acc["text_info"]["end"] - acc["text_info"]["start"] == len(acc["text"])
    located = [r for r in recs if r["event_loc"]]
    assert len(located) == 3
    loc = located[0]["event_loc"]
    assert (loc["geonameid"], loc["resolved_place"], loc["country_code"]) == (163345, "Raqqa", "SYR")
    assert all(r["event_scale"] is None or isinstance(r["event_scale"], float) for r in recs)


def test_graphml_network(store: Store, tmp_path: Path) -> None:
    dest = tmp_path / "actors.graphml"
    assert write_graphml(store, dest) == (5, 2)
    root = ET.parse(dest).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{NS}key")}
    edges = {}
    for e in root.iter(f"{NS}edge"):
        edges[(e.get("source"), e.get("target"))] = {keys[d.get("key")]: d.text for d in e.iter(f"{NS}data")}
    assert edges[("USA.MIL", "ISIS")]["weight"] == "3"
    assert edges[("USA.MIL", "ISIS")]["relation"] == "conflict"
    assert edges[("USA.MIL", "ISIS")]["material_conflict"] == "3"
    assert edges[("RUS", "USA")]["verbal_conflict"] == "1"
    assert {n.get("id") for n in root.iter(f"{NS}node")} == {
        "ISIS",
        "PER.eric_pahon",
        "RUS",
        "USA",
        "USA.MIL",
    }


def test_geojson_points(store: Store, tmp_path: Path) -> None:
    dest = tmp_path / "events.geojson"
    assert write_geojson(store, dest) == 3
    data = json.loads(dest.read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    assert {tuple(f["geometry"]["coordinates"]) for f in data["features"]} == {(39.01, 35.95)}
    assert {f["properties"]["plover"] for f in data["features"]} == {"ASSAULT"}
    assert sorted(f["properties"]["day"] for f in data["features"]) == [
        "2017-12-04",
        "2017-12-07",
        "2017-12-20",
    ]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_on_an_empty_store(tmp_path: Path, fmt: str) -> None:
    with Store(tmp_path / "c.duckdb") as s:
        export(s, fmt, tmp_path / f"out.{fmt}")
    assert (tmp_path / f"out.{fmt}").exists() or fmt == "parquet"


def test_export_to_unwritable_place(store: Store, tmp_path: Path) -> None:
    from newsgraph.errors import StoreError

    f = tmp_path / "file"
    f.write_text("x")
    for fmt in ("jsonl", "csv", "gdelt", "geojson"):
        with pytest.raises(StoreError):
            export(store, fmt, f / "sub" / "out")
