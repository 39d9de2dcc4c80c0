"""The shipped actor data: who's-who rows, sectors, open-ended office holders."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import data_rows


def test_whos_who_rows_are_well_formed() -> None:
    import re

    import pycountry

    from newsgraph.stages.actors import builtin_lexicon
    from newsgraph.vocab import SECTORS

    lex = builtin_lexicon()
    org_keys = {e.id for bucket in lex.aliases.values() for e in bucket if e.source == "org"}
    rows = data_rows("people/")
    assert len(rows) > 1500
    for where, _, cols in rows:
        assert len(cols) == 7, where
        name, _aliases, country, sector, role, start, end = cols
        assert name and role, where
        assert country in lex.country_names or country in org_keys or pycountry.countries.get(alpha_3=country), where
        assert sector in SECTORS, where
        for d in (start, end):
            assert d == "" or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d), where
        assert not (start and end) or start[:4] <= end[:4], where


@pytest.mark.parametrize("name", ["orgs.tsv", "institutions.tsv", "media.tsv", "agents.tsv", "roles.tsv"])
def test_data_sectors_are_in_the_vocabulary(name: str) -> None:
    from newsgraph.vocab import SECTORS

    column = {"orgs.tsv": 3, "institutions.tsv": 2, "agents.tsv": 1, "roles.tsv": 1}.get(name)
    rows = data_rows(name)
    assert len(rows) > 100
    if column is None:
        return
    for where, _, cols in rows:
        assert cols[column] in SECTORS or (name == "agents.tsv" and cols[column] == "-"), where


def test_one_open_ended_holder_per_national_office() -> None:
    """Stale rows: two different people 'still holding' one country's presidency or ministry means a
    successor was added without ending the predecessor's row. Rival governments (Libya) are allowed."""
    from collections import defaultdict

    offices = {"president", "prime minister", "foreign minister", "defence minister", "interior minister"}
    open_rows: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _where, _, cols in data_rows("people/"):
        name, _aliases, country, _sector, role, start, end = cols
        if role.casefold() in offices and start and not end.strip():
            open_rows[(country, role.casefold())].add(name)
    def same_person(a: str, b: str) -> bool:  # spellings of one name ("Mohammed bin Zayed" / "... Al Nahyan")
        ta, tb = a.casefold().split(), b.casefold().split()
        return a == b or any(len(t) >= 5 and t in tb for t in ta[-2:]) or any(len(t) >= 5 and t in ta for t in tb[-2:])

    stale = {key: sorted(names) for key, names in open_rows.items()
             if key[0] != "LBY" and any(not same_person(a, b) for a in names for b in names)}
    assert not stale, stale


def test_word_lists_say_what_they_are() -> None:
    """Every word list of the actors stage starts with its name, version and source, and holds words."""
    from importlib import resources

    from newsgraph.resources import word_sequence

    folder = resources.files("newsgraph.stages.actors").joinpath("data", "words")
    names = sorted(f.name.removesuffix(".txt") for f in folder.iterdir() if f.name.endswith(".txt"))
    assert "not_surnames" in names and "org_heads" in names
    for name in names:
        head = folder.joinpath(f"{name}.txt").read_text("utf-8").splitlines()[:3]
        assert head[0].startswith(f"# {name}: ") and head[1] == "# version: 1" and head[2].startswith("# source: "), name
        assert word_sequence("actors", name), name
