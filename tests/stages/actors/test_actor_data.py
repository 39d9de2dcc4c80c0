"""The shipped actor data: who's-who rows, sectors, open-ended office holders."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import data_rows


def test_whos_who_rows_are_well_formed() -> None:
    """Every who's-who file is a table with the who's-who columns; each row names a known country or
    organisation, a sector of the vocabulary, ordered dates, the batch it was written in, and a rank of
    its own (the load order that decides which of two rows for one name comes first)."""
    import re

    import pycountry

    from newsgraph.stages.actors import builtin_lexicon
    from newsgraph.stages.actors.lexicon import people_rows
    from newsgraph.vocab import SECTORS

    lex = builtin_lexicon()
    org_keys = {e.id for bucket in lex.aliases.values() for e in bucket if e.source == "org"}
    for where, _, cols in data_rows("people/"):
        if cols[0] == "name":  # the header line of each file
            assert cols == ["name", "aliases", "country", "sector", "role", "from", "to", "source", "rank"], where
            continue
        assert len(cols) == 9, where
        name, _aliases, country, sector, role, start, end, source, rank = cols
        assert name and role, where
        assert country in lex.country_names or country in org_keys or pycountry.countries.get(alpha_3=country), where
        assert sector in SECTORS, where
        for d in (start, end):
            assert d == "" or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d), where
        assert not (start and end) or start[:4] <= end[:4], where
        assert re.fullmatch(r"batch:[a-z0-9_]+", source) and rank.isdigit(), where
    rows = people_rows()
    assert len(rows) > 10000
    ranks = [int(row["rank"]) for row in rows]
    assert len(set(ranks)) == len(ranks), "two who's-who rows share a rank"


def test_whos_who_rank_decides_which_row_comes_first() -> None:
    """Rows are loaded by rank, whatever file they sit in: with no article date, the lower rank is the
    first entry of a shared name (Vladimir Putin as president comes before his time as prime minister)."""
    from newsgraph.stages.actors import builtin_lexicon
    from newsgraph.stages.actors.lexicon import norm, people_rows

    in_file = [cols[5] for _, _, cols in data_rows("people/heads_of_state_government.tsv")
               if cols[0] == "Vladimir Putin" and cols[4] == "President"]
    assert in_file == ["2000", "2012-05-07"]  # the file lists his terms by date ...
    rows = [r for r in people_rows() if r["name"] == "Vladimir Putin"]  # ... the rank puts the current one first
    assert [r["role"] for r in rows][:2] == ["President", "Prime Minister"]
    assert int(rows[0]["rank"]) < int(rows[1]["rank"])
    putin = [e for e in builtin_lexicon().aliases[norm("Vladimir Putin")] if e.source == "person"]
    assert [(e.role, e.start) for e in putin][:2] == [("President", "2012-05-07"), ("Prime Minister", "2008")]


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
        name, _aliases, country, _sector, role, start, end = cols[:7]
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
        assert head[0].startswith(f"# {name}: ") and head[1].startswith("# version: ") \
            and head[1].removeprefix("# version: ").isdigit() and head[2].startswith("# source: "), name
        assert word_sequence("actors", name), name


def test_one_region_table_serves_both_stages() -> None:
    """``newsgraph/data/regions.tsv`` keeps a region both stages read once: the actor lexicon reads the
    country of its ``actors`` rows, places the point of its ``places`` rows; aliases of one stage stay
    there, and a disputed region is placed without a country."""
    from newsgraph.resources import table
    from newsgraph.stages.actors import builtin_lexicon
    from newsgraph.stages.actors.lexicon import norm
    from newsgraph.stages.places.gazetteer import load_gazetteer

    rows = table("core", "regions.tsv")
    assert len(rows) > 150 and len({r["name"] for r in rows}) == len(rows)
    assert all(r["read_by"] in ("actors", "places", "actors,places") for r in rows)
    assert all(r["lat"] and r["lon"] for r in rows if "places" in r["read_by"])
    lex, gaz = builtin_lexicon(), load_gazetteer()

    def region(name: str) -> list[tuple[str, str]]:
        return [(e.name, e.cc) for e, _ in gaz.lookup(name) if e.kind == "region" and e.geonameid < 0]

    assert lex.regions[norm("Crimea")] == "UKR" and region("Crimea") == [("Crimea", "")]  # disputed
    assert lex.regions[norm("Gaza")] == "PSE" and region("Gaza") == [("Gaza Strip", "PS")]
    assert lex.regions[norm("Jammu and Kashmir")] == "IND" and not region("Jammu and Kashmir")  # actors only
    assert region("Kurdish") == [("Kurdistan", "")] and norm("Kurdish") not in lex.regions  # places only
    assert lex.regions[norm("Abkhazia")] == "GEO" and not region("Abkhazia")
    assert region("Persian Gulf") == [("Persian Gulf", "")] and norm("Persian Gulf") not in lex.regions


def test_spelling_variants_drop_doubled_consonants_only() -> None:
    from newsgraph.stages.actors.lexicon import spelling_variants

    assert "guerilla" in spelling_variants("guerrilla")
    assert "comando" in spelling_variants("commando")
    # a doubled vowel written single is another word
    assert spelling_variants("refugee") == []
    assert spelling_variants("retiree") == []
