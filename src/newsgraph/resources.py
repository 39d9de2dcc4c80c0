"""The one loader for shipped data: word lists, tables and their versions.

Every data file lives in a ``data/`` folder beside the code that uses it
(``newsgraph/stages/<stage>/data/…`` or ``newsgraph/data/…``) and is read through this
module, so that a file's location, format and version are handled in one place.

Word lists are plain UTF-8 text, one entry a line. Lines starting with ``#`` are comments
(the header says what the list is, its version and where it comes from); blank lines are
ignored; surrounding white space is stripped. Tables are tab-separated with the same comment
convention; their first non-comment line names the columns.

Results are cached per process: they are immutable (frozensets, tuples, mappings proxies), so
the cache is no shared mutable state.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from .errors import ConfigError

WORDS_FOLDER = "words"


def read_text(package: str, *parts: str) -> str:
    """The text of data file ``parts`` (a path under ``package``'s folder), e.g.
    ``read_text("newsgraph.stages.dates", "data", "words", "months.txt")``."""
    target = resources.files(package).joinpath(*parts)
    try:
        return target.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"data file {'/'.join(parts)} is missing from {package}",
            input="/".join(parts),
            hint="reinstall newsgraph; a source checkout needs `pip install -e .`",
        ) from None


def content_lines(text: str) -> list[str]:
    """Non-comment, non-blank lines of a data file, stripped."""
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def stage_package(stage: str) -> str:
    """The package that owns a stage's data folder (``"events"`` -> ``newsgraph.stages.events``);
    ``"core"`` names ``newsgraph`` itself."""
    return "newsgraph" if stage == "core" else f"newsgraph.stages.{stage}"


@cache
def word_sequence(stage: str, name: str) -> tuple[str, ...]:
    """Entries of word list ``<stage>/data/words/<name>.txt``, in file order."""
    return tuple(content_lines(read_text(stage_package(stage), "data", WORDS_FOLDER, f"{name}.txt")))


@cache
def word_list(stage: str, name: str) -> frozenset[str]:
    """Entries of word list ``<stage>/data/words/<name>.txt`` as a set."""
    return frozenset(word_sequence(stage, name))


@cache
def word_map(stage: str, name: str) -> Mapping[str, str]:
    """A two-column word list (``key<TAB>value`` a line) as a read-only mapping."""
    pairs: dict[str, str] = {}
    for line in word_sequence(stage, name):
        key, sep, value = line.partition("\t")
        if not sep:
            raise ConfigError(
                f"line {line!r} of word list {stage}/{name} has no tab",
                input=f"{stage}/data/{WORDS_FOLDER}/{name}.txt",
                hint="two-column word lists need key<TAB>value on every line",
            )
        pairs[key.strip()] = value.strip()
    return MappingProxyType(pairs)
