"""The on-disk cache of built data indexes: built once, loaded after, never stale, never an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph import index_cache
from newsgraph.errors import ConfigError
from newsgraph.index_cache import (
    CACHE_ENV,
    IndexSpec,
    build_now,
    cache_dir,
    cached_files,
    index_key,
    load_or_build,
)

SPEC = IndexSpec("test-index", folders=("vocab.py",))


class Builder:
    """Counts its calls; builds a value with nested containers, as the real indexes are."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, tuple[int, ...]]:
        self.calls += 1
        return {"aleppo": (1, 2), "homs": (3,)}


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_first_process_builds_and_writes_later_ones_load(folder: Path) -> None:
    build = Builder()
    first = load_or_build(SPEC, build)
    assert build.calls == 1
    [written] = cached_files(folder)
    assert written.name == f"test-index-{SPEC.key()}.pickle"
    assert (written.stat().st_mode & 0o777) == 0o600
    second = load_or_build(SPEC, build)
    assert build.calls == 1
    assert second == first == {"aleppo": (1, 2), "homs": (3,)}


def test_a_damaged_file_is_rebuilt_and_replaced(folder: Path) -> None:
    build = Builder()
    load_or_build(SPEC, build)
    path = SPEC.path(folder)
    path.write_bytes(path.read_bytes()[:10])  # truncated, as by a full disk
    assert load_or_build(SPEC, build) == {"aleppo": (1, 2), "homs": (3,)}
    assert build.calls == 2
    assert load_or_build(SPEC, build) == {"aleppo": (1, 2), "homs": (3,)}
    assert build.calls == 2  # the rebuilt file was written back


def test_a_folder_that_cannot_be_written_only_means_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    build = Builder()
    assert load_or_build(SPEC, build) == {"aleppo": (1, 2), "homs": (3,)}
    assert load_or_build(SPEC, build) == {"aleppo": (1, 2), "homs": (3,)}
    assert build.calls == 2
    with pytest.raises(ConfigError) as err:
        build_now(SPEC, build, blocker / "cache")
    assert err.value.input == str(blocker / "cache")
    assert CACHE_ENV in (err.value.hint or "")


def test_off_builds_every_time_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    assert cache_dir() is None
    build = Builder()
    load_or_build(SPEC, build)
    load_or_build(SPEC, build)
    assert build.calls == 2
    assert cached_files(None) == []


def test_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "newsgraph"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "newsgraph"


def test_the_key_changes_with_any_byte_of_the_sources(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "stage" / "data").mkdir(parents=True)
    (root / "stage" / "code.py").write_text("X = 1\n")
    (root / "stage" / "data" / "names.tsv").write_text("aleppo\t1\n")
    before = index_key(("stage",), (), root)
    (root / "stage" / "data" / "names.tsv").write_text("aleppo\t2\n")
    index_key.cache_clear()
    after_data = index_key(("stage",), (), root)
    (root / "stage" / "code.py").write_text("X = 2\n")
    index_key.cache_clear()
    after_code = index_key(("stage",), (), root)
    assert len({before, after_data, after_code}) == 3
    index_key.cache_clear()
    assert index_key(("stage",), ("pyyaml",), root) != after_code  # a dependency's version counts too
    index_key.cache_clear()


def test_build_now_reports_current_and_built(folder: Path) -> None:
    build = Builder()
    path, built = build_now(SPEC, build, folder)
    assert built and path == SPEC.path(folder)
    path, built = build_now(SPEC, build, folder)
    assert not built and build.calls == 1
    assert index_cache.clear(folder) == 1
    assert cached_files(folder) == []


def test_the_cached_gazetteer_and_lexicon_equal_fresh_builds(folder: Path) -> None:
    """The real indexes: what a later process loads is what this one built."""
    from newsgraph.stages.actors.lexicon import LEXICON_INDEX, build_builtin_lexicon
    from newsgraph.stages.places.gazetteer import GAZETTEER_INDEX, build_gazetteer

    fresh_gaz = build_gazetteer()
    build_now(GAZETTEER_INDEX, lambda: fresh_gaz, folder)
    loaded_gaz = load_or_build(GAZETTEER_INDEX, build_gazetteer)
    assert loaded_gaz is not fresh_gaz
    assert loaded_gaz.entries == fresh_gaz.entries
    assert loaded_gaz.names == fresh_gaz.names
    assert loaded_gaz.demonyms == fresh_gaz.demonyms
    assert [e.name for e, _ in loaded_gaz.lookup("Aleppo")] == [e.name for e, _ in fresh_gaz.lookup("Aleppo")]

    fresh_lex = build_builtin_lexicon()
    build_now(LEXICON_INDEX, lambda: fresh_lex, folder)
    loaded_lex = load_or_build(LEXICON_INDEX, build_builtin_lexicon)
    assert loaded_lex is not fresh_lex and loaded_lex == fresh_lex
    assert len(cached_files(folder)) == 2
    assert all(os.path.getsize(p) > 100_000 for p in cached_files(folder))
