"""The JSON Lines ``id`` is the article's ``record_id``: in the record, its JSON output and the store;
a repeated id within one input is refused naming both lines (issue 13 item 7)."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.ingest import read_paths
from newsgraph.model import Article, ReadFailure
from newsgraph.store import Store

BODY = (
    "The harbour authority of Port Wenlow said on Tuesday that two cargo ships collided near the pier. "
    "Nobody was hurt, the authority added, and the channel reopened in the evening."
)


def _jsonl(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    return p


def test_record_id_is_a_top_level_field(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [{"id": "row-17", "text": BODY}, {"id": 42, "text": BODY + " More."}, {"text": BODY + "!"}])
    arts = [a for a in read_paths([str(p)]) if isinstance(a, Article)]
    assert [a.record_id for a in arts] == ["row-17", "42", None]
    assert all("record_id" not in a.stats for a in arts)
    out = arts[0].to_json_dict()
    assert out["article"]["record_id"] == "row-17"
    assert out["article"]["id"] != "row-17"  # the article id stays the content hash


def test_duplicate_ids_in_one_input_are_refused_naming_the_lines(tmp_path: Path) -> None:
    p = _jsonl(
        tmp_path,
        [{"id": "a", "text": BODY}, {"id": "b", "text": BODY + " B."}, {"id": "a", "text": BODY + " C."}],
    )
    items = list(read_paths([str(p)]))
    kinds = [type(i).__name__ if isinstance(i, Article) else i.error_type for i in items]
    assert kinds == ["Article", "Article", "DuplicateRecordError"]
    bad = items[2]
    assert isinstance(bad, ReadFailure)
    assert bad.input == f"{p}:3"
    assert "line 3 repeats the id 'a' of line 1" in bad.reason


def test_same_id_in_two_inputs_is_allowed(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    p1 = _jsonl(tmp_path / "x", [{"id": "1", "text": BODY}])
    p2 = _jsonl(tmp_path / "y", [{"id": "1", "text": BODY + " Other."}])
    items = list(read_paths([str(p1), str(p2)]))
    assert [i.record_id for i in items if isinstance(i, Article)] == ["1", "1"]


def test_an_id_that_is_not_a_string_or_integer_is_refused(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [{"id": {"k": 1}, "text": BODY}, {"id": True, "text": BODY}])
    items = list(read_paths([str(p)]))
    assert [i.error_type for i in items if isinstance(i, ReadFailure)] == ["MalformedRecordError"] * 2


def test_record_id_is_stored_and_read_back(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [{"id": "row-17", "text": BODY}])
    (art,) = [a for a in read_paths([str(p)]) if isinstance(a, Article)]
    with Store(tmp_path / "c.duckdb") as s:
        s.write([art])
        assert s.sql("SELECT record_id FROM articles")["record_id"].tolist() == ["row-17"]
        (out,) = list(s.outputs())
    assert out.article.record_id == "row-17"
