"""Golden file: the JSON of the example article is pinned.

A change in extraction shows up here as a diff to review. After an intended change, regenerate with
``NEWSGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and review the diff of the golden file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph.model import Article

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("published", [None, "2017-12-06"])
def test_example_json_matches_golden(pipeline, example_text: str, published: str | None) -> None:  # type: ignore[no-untyped-def]
    art: Article = pipeline.extract_text(example_text, published=published)
    got = art.to_json_dict()
    got["stats"].pop("model", None)
    path = GOLDEN / f"us-troops-syria{'.' + published if published else ''}.json"
    text = json.dumps(got, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDEN"):
        path.write_text(text, "utf-8")
    want = json.loads(path.read_text("utf-8"))
    for key in want:
        assert got[key] == want[key], f"'{key}' differs from {path.name}"
    assert set(got) == set(want)
