"""Fixtures of the events tests."""

from __future__ import annotations

import pytest

from newsgraph.config import default_config
from newsgraph.pipeline import Pipeline


@pytest.fixture(scope="session")
def everything() -> Pipeline:
    """The default pipeline with no confidence threshold (to see what the threshold removes)."""
    return Pipeline.from_config(default_config().with_overrides(events__min_confidence=0.0))
