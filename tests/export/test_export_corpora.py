"""Every exporter on generated corpora: empty, single and multi-actor sides, null places and dates.

Regression: `export plover` and `export geojson` crashed as soon as an event had several sources
or targets (a numpy array's truth value), and a failed export left a partial file behind.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import StoreError
from newsgraph.export import FORMATS, GDELT_COLUMNS, export
from newsgraph.model import Actor, Article, DateRef, Event, Place
from newsgraph.store import Store
from newsgraph.vocab import MODALITIES, PLOVER_TYPES

# (id, country, sector, kind): a state, its military, a person, a group without country, a noun
# phrase without country or sector, a person whose sector CAMEO lacks
ACTORS = (
    ("USA", "USA", None, "state"),
    ("USA.MIL", "USA", "MIL", "state"),
    ("PER.ada_lovell", "GBR", "GOV", "person"),
    ("ISIS", None, "INS", "group"),
    ("NOUN.people", None, None, "group"),
    ("PER.bo_quill", None, "SPT", "person"),
)
_WORDS = ["Ruritania", "forces", "said", "[sic]", "“quoted”", "ç", "1,723", "[/y]", "\n\n", "Pahon"]


@st.composite
def corpus_article(draw: st.DrawFn) -> Article:
    text = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=4, max_size=25)))
    n = len(text)
    art = Article(
        text=text,
        published=draw(st.sampled_from([None, "2019-03-04"])),
        url=draw(st.sampled_from([None, "https://news.example/a", "feed.jsonl:13", "not a url"])),
        source=draw(st.sampled_from([None, "Wire"])),
        title=draw(st.sampled_from([None, "A [b]title[/b]"])),
        input="gen.txt",
    )

    def span() -> tuple[int, int]:
        s = draw(st.integers(0, n))
        return s, draw(st.integers(s, n))

    chosen = draw(st.lists(st.sampled_from(ACTORS), unique=True, max_size=len(ACTORS)))
    for aid, country, sector, kind in chosen:
        art.actors.append(
            Actor(id=aid, name=aid.split(".")[-1], country=country, sector=sector, kind=kind,
                  mentions=[art.mention(*span()) for _ in range(draw(st.integers(0, 2)))])
        )
    ids = [a[0] for a in chosen]
    for i in range(draw(st.integers(0, 2))):
        art.places.append(
            Place(id=f"p.{i}", name=f"Place {i}", country=draw(st.sampled_from([None, "SYR"])),
                  lat=draw(st.one_of(st.none(), st.floats(-90, 90))),
                  lon=draw(st.floats(-180, 180)),
                  feature=draw(st.sampled_from([None, "city", "country"])),
                  mentions=[art.mention(*span())])
        )
    if draw(st.booleans()):
        art.dates.append(DateRef(id="d1", text="Monday", value=draw(st.sampled_from([None, "2019-03-04"])),
                                 evidence=art.span(*span())))
    side = st.lists(st.sampled_from(ids), unique=True, max_size=3) if ids else st.just([])
    for i in range(draw(st.integers(0, 4))):
        art.events.append(
            Event(
                id=f"e{i + 1}", plover=draw(st.sampled_from(sorted(PLOVER_TYPES))), cameo="190",
                source=draw(side), target=draw(side), modality=draw(st.sampled_from(MODALITIES)),
                evidence=art.span(*span()), rule="gen",
                place=draw(st.sampled_from([None, *[p.id for p in art.places]])),
                date=draw(st.sampled_from([None, "d1", "2019-02", "yesterday"])),
                goldstein=draw(st.one_of(st.none(), st.floats(-10, 10))),
                quad_class=draw(st.sampled_from([None, 1, 4])),
                mode=draw(st.sampled_from([None, "airstrike"])),
            )
        )
    return art


CAMEO_CODE = re.compile(r"^(?:[A-Z]{3})*$")


def _check_outputs(folder: Path, store: Store, batch: list[Article]) -> None:
    n_events = store.count("events")
    lines = (folder / "out.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == store.count("articles")
    with open(folder / "out.csv", encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == n_events

    plover = [json.loads(x) for x in (folder / "out.plover").read_text("utf-8").splitlines()]
    assert len(plover) == n_events
    by_id = {f"{a.id}-{e.id}": e for a in batch for e in a.events}
    for rec in plover:
        ev = by_id[rec["id"]]
        assert [x["identifier_id"] for x in rec["actor"]] == ev.source
        assert [x["identifier_id"] for x in rec["recipient"]] == ev.target
        assert rec["event"] == [ev.plover] and rec["mode"] == ([ev.mode] if ev.mode else [])
        assert (rec["event_loc"] is None) == (ev.place is None)

    for row in (folder / "out.gdelt").read_text("utf-8").splitlines():
        rec = dict(zip(GDELT_COLUMNS, row.split("\t"), strict=True))
        for col in ("Actor1Code", "Actor2Code", "Actor1Type1Code", "Actor2Type1Code"):
            assert CAMEO_CODE.match(rec[col]), (col, rec[col])
        assert rec["SOURCEURL"] in ("", "https://news.example/a")

    ET.parse(folder / "out.graphml")
    located = sum(
        1 for a in batch for e in a.events
        if e.place and next(p for p in a.places if p.id == e.place).lat is not None
    )
    geo = json.loads((folder / "out.geojson").read_text("utf-8"))
    assert len(geo["features"]) == located
    assert all(isinstance(f["properties"]["source"], list) for f in geo["features"])

    got = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{folder}/out.parquet/events/*/*.parquet')"
    ).fetchall()[0][0] if n_events else 0
    assert got == n_events


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(corpus_article(), min_size=1, max_size=4))
def test_every_exporter_on_generated_corpora(tmp_path_factory: pytest.TempPathFactory, batch: list[Article]) -> None:
    folder = tmp_path_factory.mktemp("exp")
    unique = {a.ensure_id(): a for a in batch}
    with Store(folder / "c.duckdb") as store:
        store.write(list(unique.values()))
        for fmt in FORMATS:
            export(store, fmt, folder / f"out.{fmt}")
        _check_outputs(folder, store, list(unique.values()))
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_multi_actor_event_in_plover_and_geojson(tmp_path: Path) -> None:
    """The two crashes of the issue, on one hand-built article."""
    text = "Ruritanian and Freedonian forces shelled Elbonia and its allies near Tarn."
    art = Article(text=text, published="2019-03-04", input="x.txt")
    for aid, name in (("RUR.MIL", "Ruritanian"), ("FRE.MIL", "Freedonian"), ("ELB", "Elbonia")):
        i = text.index(name)
        art.actors.append(Actor(id=aid, name=name, country=aid[:3], sector="MIL" if "." in aid else None,
                                kind="state", mentions=[art.mention(i, i + len(name))]))
    i = text.index("Tarn")
    art.places.append(Place(id="p.1", name="Tarn", lat=1.5, lon=2.5, feature="city",
                            mentions=[art.mention(i, i + 4)]))
    art.events.append(Event(id="e1", plover="ASSAULT", cameo="195", source=["RUR.MIL", "FRE.MIL"],
                            target=["ELB"], evidence=art.span(0, len(text)), rule="t", place="p.1"))
    with Store(tmp_path / "c.duckdb") as store:
        store.write([art])
        assert export(store, "plover", tmp_path / "p.jsonl") == 1
        assert export(store, "geojson", tmp_path / "g.json") == 1
    rec = json.loads((tmp_path / "p.jsonl").read_text("utf-8"))
    assert [(a["code"], a["sector"], a["entity_text"]) for a in rec["actor"]] == [
        ("RUR", "MIL", "Ruritanian"), ("FRE", "MIL", "Freedonian")]
    assert rec["recipient"][0]["identifier_id"] == "ELB"
    assert rec["event_loc"]["extracted_place"] == "Tarn" and rec["event_loc"]["resolution"] == 4
    feat = json.loads((tmp_path / "g.json").read_text("utf-8"))["features"][0]
    assert feat["properties"]["source"] == ["RUR.MIL", "FRE.MIL"]
    assert feat["properties"]["day"] == "2019-03-04"


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"parquet"}))
def test_a_failed_export_leaves_no_file(store: Store, tmp_path: Path, fmt: str) -> None:
    """An export that fails (here: the store lost its tables) leaves neither a partial file nor a
    temporary one, and an earlier file of the same name stays as it was."""
    dest = tmp_path / "out" / f"x.{fmt}"
    dest.parent.mkdir()
    dest.write_text("earlier export\n", "utf-8")
    for table in ("events", "articles", "actors", "clusters"):
        store.con.execute(f"DROP TABLE {table}")
    with pytest.raises(StoreError):
        export(store, fmt, dest)
    assert [p.name for p in dest.parent.iterdir()] == [dest.name]
    assert dest.read_text("utf-8") == "earlier export\n"
