"""Event arguments: which actor ids are country codes (regression: any three capitals used to count)."""

from __future__ import annotations

import pytest

from newsgraph.stages.events.args import is_country


@pytest.mark.parametrize(("ref", "country"), [
    ("USA", True), ("PSE", True), ("XKX", True),  # Kosovo's user-assigned code, as the actors data writes it
    ("ICC", False), ("ICJ", False), ("ILO", False), ("usa", False), ("US", False),
])
def test_is_country_reads_the_iso3_table(ref: str, country: bool) -> None:
    assert is_country(ref) is country
