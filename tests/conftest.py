"""Shared fixtures: one real spaCy pipeline for the whole session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.pipeline import Pipeline
from newsgraph.store import Store
from newsgraph.store.samples import sample_articles

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "newsgraph" / "data" / "examples" / "us-troops-syria.txt"
GOLD = Path(os.environ.get("NEWSGRAPH_GOLD", ROOT.parent / "shared" / "gold"))


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.from_config()


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text("utf-8")


@pytest.fixture(scope="session")
def example_article(pipeline: Pipeline, example_text: str):  # type: ignore[no-untyped-def]
    """The example run through every stage, published 2017-12-06."""
    return pipeline.extract_text(example_text, published="2017-12-06", input=str(EXAMPLE))


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"gold data not found at {GOLD}")
    return GOLD


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    """A real DuckDB corpus file holding the hand-built sample articles."""
    s = Store(tmp_path / "corpus.duckdb")
    s.write(sample_articles())
    yield s  # type: ignore[misc]
    s.close()
