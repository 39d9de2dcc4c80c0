"""The resources layer: the data manifest (every shipped data file, its version and checksum),
data versions, and the data checks that keep each fact once."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import ConfigError
from newsgraph.resources import (
    MANIFEST_COMMAND,
    DataFile,
    data_versions,
    dataset_name,
    file_text_head,
    format_manifest,
    header_fields,
    is_shipped_data,
    manifest,
    parse_manifest,
    sha256_hex,
    shipped_data_paths,
)

PACKAGE = Path(newsgraph.__file__).parent


def test_every_shipped_data_file_is_in_the_manifest() -> None:
    listed = {f.path for f in manifest()}
    missing = [p for p in shipped_data_paths(PACKAGE) if p not in listed]
    assert not missing, f"data files missing from the manifest: {missing}; run `{MANIFEST_COMMAND}`"


def test_every_manifest_row_names_a_data_file() -> None:
    gone = [f.path for f in manifest() if not (PACKAGE / f.path).is_file()]
    assert not gone, f"manifest rows without a data file: {gone}; run `{MANIFEST_COMMAND}`"


def test_every_data_file_matches_its_checksum() -> None:
    changed = [f.path for f in manifest() if (PACKAGE / f.path).is_file()
               and sha256_hex((PACKAGE / f.path).read_bytes()) != f.sha256]
    assert not changed, (f"data files changed since the manifest was written: {changed}; raise their "
                         f"'# version:' header and run `{MANIFEST_COMMAND}` (or add --bump)")


def test_header_versions_match_the_manifest() -> None:
    wrong = []
    for f in manifest():
        path = PACKAGE / f.path
        if path.is_file():
            version = header_fields(file_text_head(path.read_bytes(), f.path)).get("version")
            if version is not None and version != f.version:
                wrong.append(f"{f.path}: header {version}, manifest {f.version}")
    assert not wrong, f"{wrong}; run `{MANIFEST_COMMAND}`"


def test_every_manifest_row_has_a_source_and_a_licence() -> None:
    assert all(f.source and f.licence for f in manifest())
    assert {f.tool for f in manifest()} <= {"", "tools/build_gazetteer.py", "tools/build_lexicon.py"}
    assert all((PACKAGE.parents[1] / f.tool).is_file() for f in manifest() if f.tool)


def test_data_versions_come_from_the_manifest() -> None:
    versions = data_versions()
    assert versions["places/gazetteer"] == "1"
    assert versions["events/verbs"] == "1.24"
    assert versions["core/countries"] == next(f.version for f in manifest() if f.path == "data/countries.tsv")
    only = data_versions(["places"])
    assert "places" in {k.split("/")[0] for k in only} <= {"core", "places"}
    assert only["places/gazetteer"] == versions["places/gazetteer"]
    only["places/gazetteer"] = "changed"  # a copy: the next call is unchanged
    assert data_versions()["places/gazetteer"] == "1"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("stages/actors/data/people/heads_of_state.tsv", "actors/people/heads_of_state"),
        ("stages/places/data/gazetteer.tsv.gz", "places/gazetteer"),
        ("stages/dates/data/words/months.txt", "dates/words/months"),
        ("data/countries.tsv", "core/countries"),
    ],
)
def test_dataset_names(path: str, name: str) -> None:
    assert dataset_name(path) == name


@pytest.mark.parametrize(
    ("path", "shipped"),
    [
        ("stages/places/data/regions.tsv", True),
        ("data/words/cameo_actor_types.txt", True),
        ("data/config.toml", False),
        ("data/manifest.tsv", False),
        ("data/examples/us-troops-syria.txt", False),
        ("stages/places/gazetteer.py", False),
    ],
)
def test_which_files_are_shipped_data(path: str, shipped: bool) -> None:
    assert is_shipped_data(path) is shipped


def test_header_fields_read_the_comment_block_only() -> None:
    text = "# months: month names\n# version: 1.3 (1.3: more)\n# source: own\nJanuary\n# version: 9\n"
    assert header_fields(text) == {"version": "1.3", "source": "own"}


def test_manifest_round_trip_and_bad_rows() -> None:
    rows = (DataFile("stages/x/data/b.tsv", "2", "ab" * 32, "own", "Apache-2.0", ""),
            DataFile("stages/x/data/a.tsv", "1", "cd" * 32, "GeoNames", "CC BY 4.0", "tools/t.py"))
    text = format_manifest(rows, ["# a manifest"])
    assert parse_manifest(text) == tuple(sorted(rows, key=lambda r: r.path))
    with pytest.raises(ConfigError) as err:
        parse_manifest(text.replace("\tApache-2.0\t", "\t"))
    assert err.value.hint and "build_manifest.py --write" in err.value.hint
    with pytest.raises(ConfigError):
        parse_manifest("stages/x/data/a.tsv\t1\tab\town\tx\t\n")


def test_the_country_table_serves_both_stages() -> None:
    """One country table: the actor lexicon and the places gazetteer read the same demonym row."""
    import pycountry

    from newsgraph.resources import table
    from newsgraph.stages.actors.lexicon import builtin_lexicon, norm
    from newsgraph.stages.places.gazetteer import load_gazetteer

    rows = table("core", "countries.tsv")
    for row in rows:
        known = pycountry.countries.get(alpha_3=row["iso3"])
        assert row["state"] in ("yes", "no"), row["iso3"]
        assert known is not None and known.alpha_2 == row["iso2"] or row["iso2"] == "XK", row["iso3"]
    lex, gaz = builtin_lexicon(), load_gazetteer()
    assert lex.demonyms[norm("Afghan")] == "AFG" and norm("Afghans") in lex.demonym_nouns
    assert [e.cc for e in gaz.demonym("Afghan")] == ["AF"]
    assert [e.cc for e in gaz.demonym("Sino")] == ["CN"] and norm("Sino") not in lex.demonyms  # places only
    assert not gaz.demonym("Zairean") and lex.demonyms[norm("Zairean")] == "COD"  # actors only
    assert [e.cc for e in gaz.demonym("Hongkonger")] == ["HK"] and "HKG" not in lex.country_names  # territory
    assert lex.capitals[norm("Kabul")] == "AFG"


def test_the_whos_who_has_no_duplicate_person_office_rows() -> None:
    """A person in an office over a period is one row (name, country, sector, role, from, to), in one
    file: a second row would be a second source of truth for its aliases."""
    folder = PACKAGE / "stages" / "actors" / "data" / "people"
    seen: dict[tuple[str, ...], str] = {}
    duplicates = []
    for path in sorted(folder.glob("*.tsv")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#") or line.startswith("name\t"):  # comments, header
                continue
            cells = line.split("\t")
            key = (cells[0], *cells[2:7])
            where = f"{path.name}:{n}"
            if key in seen:
                duplicates.append(f"{where} repeats {seen[key]}")
            seen.setdefault(key, where)
    assert len(seen) > 10000
    assert not duplicates, duplicates[:20]
