"""The JSON API against a real `newsgraph serve` process on a real corpus file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import httpx
import jsonschema
import pytest

from newsgraph.model import output_schema


def get(base: str, path: str, **params: object) -> httpx.Response:
    return httpx.get(f"{base}{path}", params=params, timeout=60)


def test_openapi_lists_every_route(server: str) -> None:
    spec = get(server, "/openapi.json").json()
    for route in ("/api/articles", "/api/search", "/api/articles/{article_id}", "/api/events", "/api/actors",
                  "/api/graph", "/api/quotes", "/api/speakers", "/api/series", "/api/clusters", "/api/places",
                  "/api/timeline", "/api/extract"):
        assert route in spec["paths"], route
    assert "post" in spec["paths"]["/api/extract"]


def test_docs_page_loads_only_local_assets(server: str) -> None:
    html = get(server, "/docs").text
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "http://" not in html and "https://" not in html
    assert get(server, "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200


def test_articles_are_listed_newest_first_and_paged(server: str, texts: dict[str, Any]) -> None:
    page = get(server, "/api/articles", limit=2).json()
    assert page["total"] == 1 + len(texts["articles"]) + 1
    assert page["next_offset"] == 2 and len(page["items"]) == 2
    days = [a["published_day"] for a in get(server, "/api/articles").json()["items"]]
    assert days == sorted(days, reverse=True)
    rest = get(server, "/api/articles", limit=2, offset=2).json()
    assert rest["next_offset"] is None
    assert {a["id"] for a in page["items"]}.isdisjoint(a["id"] for a in rest["items"])


def test_full_text_search_needs_every_word(server: str, ids: dict[str, str]) -> None:
    hits = get(server, "/api/search", q="Pahon AFP").json()
    assert [a["id"] for a in hits["items"]] == [ids["example"]]
    assert "Pahon" in hits["items"][0]["snippet"] or "AFP" in hits["items"][0]["snippet"]
    assert get(server, "/api/articles", q="Pahon Erdogan").json()["total"] == 0


def test_search_text_is_data_not_sql(server: str) -> None:
    for q in ("' OR 1=1 --", "%", "_", "'); DROP TABLE articles; --"):
        res = get(server, "/api/search", q=q)
        assert res.status_code == 200 and res.json()["total"] == 0, q
    assert get(server, "/api/articles").json()["total"] == 4


def test_article_detail_has_every_annotation(server: str, ids: dict[str, str]) -> None:
    art = get(server, f"/api/articles/{ids['example']}").json()
    assert art["article"]["published"] == "2017-12-06"
    assert {"actors", "events", "quotes", "attributions", "quantities", "places", "dates", "sourcing"} <= art.keys()
    chains = [q["provenance"] for q in art["quotes"]]
    assert ["Newsweek", "AFP", "Eric Pahon"] in chains
    assert any(a["id"] == "PER.eric_pahon" and a["mentions"] for a in art["actors"])
    assert any(p["name"] == "Syria" for p in art["places"])
    listed = get(server, "/api/events", limit=500).json()["items"]
    assert len(art["events"]) == sum(1 for e in listed if e["article_id"] == ids["example"])
    # the stored record is the contract (the store's extras apart)
    jsonschema.validate({k: v for k, v in art.items() if k != "store"}, output_schema())


def test_events_follow_the_shared_filters(server: str) -> None:
    rows = get(server, "/api/events", actor="RUS", type="ACCUSE").json()["items"]
    assert rows
    for e in rows:
        assert e["plover"] == "ACCUSE"
        assert any(x == "RUS" or x.startswith("RUS.") for x in e["source"] + e["target"])
    dated = get(server, "/api/events", **{"from": "2017-12-08", "to": "2017-12-11"}).json()["items"]
    assert dated and all("2017-12-08" <= e["day"] <= "2017-12-11" for e in dated)
    syria = get(server, "/api/events", country="syr", limit=500).json()
    everything = get(server, "/api/events", limit=500).json()
    assert 0 < syria["total"] < everything["total"]
    intended = get(server, "/api/events", modality="intended").json()["items"]
    assert intended and all(e["modality"] == "intended" for e in intended)


def test_min_confidence_filters_events(server: str) -> None:
    everything = get(server, "/api/events", limit=500).json()["items"]
    confs = [e["confidence"] for e in everything]
    assert all(0.0 <= c <= 1.0 for c in confs)
    cut = max(confs)
    kept = get(server, "/api/events", min_confidence=cut, limit=500).json()["items"]
    assert len(kept) == sum(1 for c in confs if c >= cut)


def test_actor_graph_has_weighted_cooperation_and_conflict_edges(server: str) -> None:
    g = get(server, "/api/graph").json()
    node_ids = {n["id"] for n in g["nodes"]}
    assert {"USA.MIL", "SYR", "RUS", "ISIS"} <= node_ids
    for e in g["edges"]:
        assert e["source"] in node_ids and e["target"] in node_ids
        assert e["weight"] >= e["cooperation"] + e["conflict"]
        expected = ("conflict" if e["conflict"] > e["cooperation"]
                    else "cooperation" if e["cooperation"] > e["conflict"] else "mixed")
        assert e["tone"] == expected
    # the example's MOBILIZE (quad class 4) of the US military against Syria is conflict
    mob = next(e for e in g["edges"] if (e["source"], e["target"]) == ("USA.MIL", "SYR"))
    assert mob["conflict"] >= 1 and "MOBILIZE" in mob["types"]
    activity = {n["id"]: n["activity"] for n in g["nodes"]}
    assert activity["USA.MIL"] == sum(e["weight"] for e in g["edges"] if "USA.MIL" in (e["source"], e["target"]))
    small = get(server, "/api/graph", max_nodes=3).json()
    assert len(small["nodes"]) == 3 and small["truncated"] is True


def test_actors_and_neighbours(server: str) -> None:
    actors = get(server, "/api/actors", limit=100).json()["items"]
    assert any(a["actor_id"] == "PER.eric_pahon" and a["name"] == "Eric Pahon" for a in actors)
    us = get(server, "/api/actors", country="USA").json()["items"]
    assert us and all(a["country"] == "USA" for a in us)
    ego = get(server, "/api/actors/RUS/neighbours").json()
    assert ego["edges"]
    assert all(any(x == "RUS" or x.startswith("RUS.") for x in (e["source"], e["target"])) for e in ego["edges"])
    assert get(server, "/api/graph", actor="RUS").json()["edges"] == ego["edges"]


def test_quotes_and_speakers(server: str) -> None:
    quotes = get(server, "/api/quotes", speaker="Pahon").json()["items"]
    assert quotes and all(q["speaker"] == "PER.eric_pahon" for q in quotes)
    assert ["Newsweek", "AFP", "Eric Pahon"] in [q["provenance"] for q in quotes]
    speakers = get(server, "/api/speakers").json()["items"]
    pahon = next(s for s in speakers if s["speaker"] == "PER.eric_pahon")
    assert pahon["n_quotes"] == len(quotes)


def test_series_marks_the_disagreeing_troop_counts(server: str) -> None:
    rows = get(server, "/api/series", actor="USA", unit="troops", place="Syria").json()["items"]
    values = {r["value"]: r for r in rows}
    assert {1723.0, 2000.0} <= values.keys()
    assert values[1723.0]["disagreement"] is True and values[2000.0]["disagreement"] is True
    assert values[2000.0]["provenance"][0] == "Example Wire"
    # with no window, claims two days apart no longer disagree
    narrow = get(server, "/api/series", actor="USA", unit="troops", place="Syria", window=0).json()["items"]
    assert not any(r["disagreement"] for r in narrow if r["value"] in (1723.0, 2000.0))


def test_clusters_and_timeline(server: str) -> None:
    clusters = get(server, "/api/clusters", actor="RUS").json()
    assert clusters["total"] >= 1
    assert all("RUS" in (c["source"] or "") + (c["target"] or "") for c in clusters["items"])
    many = get(server, "/api/clusters", min_articles=2).json()["items"]
    assert all(c["n_articles"] >= 2 for c in many)
    timeline = get(server, "/api/timeline", type="ASSAULT").json()["items"]
    assert timeline and all(r["plover"] == "ASSAULT" for r in timeline)
    assert sum(r["n"] for r in timeline) == sum(
        1 for e in get(server, "/api/events", type="ASSAULT", limit=500).json()["items"] if e["day"]
    )


def test_places_for_the_map(server: str) -> None:
    places = get(server, "/api/places").json()["items"]
    syria = next(p for p in places if p["name"] == "Syria")
    assert (syria["lat"], syria["lon"], syria["country"]) == (35.0, 38.0, "SYR")
    assert syria["n_events"] >= 1 and syria["n_articles"] >= 2
    turkey_only = get(server, "/api/places", country="TUR").json()["items"]
    assert "Ankara" in {p["name"] for p in turkey_only}


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/articles", {"limit": 0}, 422),
        ("/api/articles", {"limit": 100000}, 422),
        ("/api/articles", {"offset": -1}, 422),
        ("/api/events", {"from": "2017-02-30"}, 400),
        ("/api/events", {"from": "last week"}, 422),
        ("/api/events", {"from": "2017-12-10", "to": "2017-12-01"}, 400),
        ("/api/events", {"actor": "x' OR 1=1 --"}, 422),
        ("/api/events", {"type": "ASSAULT; DROP TABLE events"}, 422),
        ("/api/events", {"country": "Syria"}, 422),
        ("/api/events", {"min_confidence": "1.5"}, 400),
        ("/api/events", {"min_confidence": "2"}, 422),
        ("/api/events", {"min_confidence": "high"}, 422),
        ("/api/graph", {"max_nodes": 100000}, 422),
        ("/api/series", {"window": "many"}, 422),
        ("/api/articles/..%2F..%2Fetc%2Fpasswd", {}, 404),
        ("/api/articles/nosuchid", {}, 404),
        ("/api/nothing", {}, 404),
        ("/static/../pyproject.toml", {}, 404),
    ],
)
def test_bad_parameters_get_a_json_4xx(server: str, path: str, params: dict[str, object], status: int) -> None:
    res = get(server, path, **params)
    assert res.status_code == status, res.text
    err = res.json()["error"]
    assert err["kind"] and err["message"]


def test_blank_filter_fields_mean_no_filter(server: str) -> None:
    blank = {k: "" for k in ("from", "to", "actor", "country", "type", "modality", "min_confidence")}
    assert get(server, "/api/events", **blank).json()["total"] == get(server, "/api/events").json()["total"]


def test_cors_is_off_by_default(server: str) -> None:
    res = httpx.get(f"{server}/api/articles", headers={"Origin": "https://elsewhere.example"})
    assert res.status_code == 200 and "access-control-allow-origin" not in res.headers
    pre = httpx.options(f"{server}/api/articles", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_pages_send_a_strict_content_security_policy(server: str) -> None:
    csp = get(server, "/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp


def test_hostile_article_text_is_escaped(server: str, ids: dict[str, str], texts: dict[str, Any]) -> None:
    html = get(server, f"/articles/{ids['evil']}").text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Bold" not in html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(&#39;img&#39;)&gt;" in html
    listing = get(server, "/", q="protester").text
    assert "&lt;b&gt;Bold&lt;/b&gt;" in listing and "<b>Bold" not in listing
    # the API returns the text as it was stored
    assert texts["hostile"][4].split("\n")[0] in get(server, f"/api/articles/{ids['evil']}").json()["article"]["text"]


@pytest.mark.slow  # the server loads the spaCy pipeline on the first extraction
def test_extract_returns_the_contract(server: str) -> None:
    text = "Turkish troops shelled Kurdish fighters near Afrin on Tuesday, the Turkish army said."
    res = httpx.post(f"{server}/api/extract", json={"text": text, "published": "2018-01-23"}, timeout=120)
    assert res.status_code == 200, res.text
    out = res.json()
    jsonschema.validate(out, output_schema())
    assert out["article"]["text"] == text and out["article"]["published"] == "2018-01-23"
    assert any(a["country"] == "TUR" for a in out["actors"])
    raw = httpx.post(f"{server}/extract", content=text.encode(), headers={"Content-Type": "text/plain"}, timeout=120)
    assert raw.status_code == 200 and raw.json()["article"]["text"] == text


@pytest.mark.slow
def test_extract_takes_html(server: str) -> None:
    body = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
            + "<p>Iran and Turkey signed a trade agreement in Tehran on Monday, officials said.</p>" * 3
            + "</article></body></html>")
    res = httpx.post(f"{server}/api/extract", json={"html": body}, timeout=120)
    assert res.status_code == 200, res.text
    assert "Tehran" in res.json()["article"]["text"]


@pytest.mark.parametrize(
    ("content", "ctype", "status"),
    [
        (b'{"text": ', "application/json", 400),
        (b'["a list"]', "application/json", 400),
        (b'{"text": ""}', "application/json", 400),
        (b'{"text": "x", "published": "yesterday"}', "application/json", 400),
        (b"\xff\xfe\x00bad", "text/plain", 400),
        (b"x", "application/pdf", 400),
        (b'{"text": "' + b"a" * 1_100_000 + b'"}', "application/json", 413),
    ],
)
def test_bad_extract_requests_get_a_json_4xx(server: str, content: bytes, ctype: str, status: int) -> None:
    res = httpx.post(f"{server}/api/extract", content=content, headers={"Content-Type": ctype}, timeout=60)
    assert res.status_code == status, res.text
    assert res.json()["error"]["kind"]


def test_no_extract_turns_extraction_off(web_db: Path, launch: Callable[..., Any]) -> None:
    base, _ = launch(web_db, "--no-extract")
    res = httpx.post(f"{base}/api/extract", json={"text": "Iran praised Turkey."})
    assert res.status_code == 403
    assert "--no-extract" in res.json()["error"]["hint"]
    assert httpx.get(f"{base}/api/articles").status_code == 200


def test_a_writer_lock_is_explained_and_readers_resume(server: str, web_db: Path) -> None:
    writer = duckdb.connect(str(web_db))  # what an ingest holds: the exclusive write lock
    try:
        res = get(server, "/api/articles")
        assert res.status_code == 503
        assert res.headers["retry-after"] == "5"
        err = res.json()["error"]
        assert err["kind"] == "StoreLockedError" and "ingest" in err["hint"]
        assert get(server, "/").status_code == 503
    finally:
        writer.close()
    assert get(server, "/api/articles").status_code == 200


def test_several_readers_share_the_file(server: str, web_db: Path) -> None:
    other = duckdb.connect(str(web_db), read_only=True)  # e.g. a `newsgraph events` query
    try:
        assert get(server, "/api/events").status_code == 200
    finally:
        other.close()


def test_binding_every_address_prints_a_warning(web_db: Path, launch: Callable[..., Any]) -> None:
    base, proc = launch(web_db, "--host", "0.0.0.0", "--no-extract")
    assert httpx.get(f"{base}/api/overview").json()["articles"] == 4
    proc.terminate()
    _, err = proc.communicate(timeout=30)
    text = err.decode()
    assert "warning" in text and "0.0.0.0" in text and "no authentication" in text


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(tmp_path / "none.duckdb"), "--port", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert res.returncode == 3
    assert "no database at this path" in res.stderr
