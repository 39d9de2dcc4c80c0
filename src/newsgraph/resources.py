"""The one loader for shipped data: word lists, tables and their versions.

Every data file lives in a ``data/`` folder beside the code that uses it
(``newsgraph/stages/<stage>/data/…`` or ``newsgraph/data/…``) and is read through this
module, so that a file's location, format and version are handled in one place.

Word lists are plain UTF-8 text, one entry a line. Lines starting with ``#`` are comments
(the header says what the list is, its version and where it comes from); blank lines are
ignored; surrounding white space is stripped. Tables are tab-separated with the same comment
convention; their first non-comment line names the columns.

Every shipped data file is listed in the manifest (``newsgraph/data/manifest.tsv``) with its version,
sha256, source, licence and the tool that builds it; :func:`data_versions` reads the versions from it
(they go into each article's ``stats["data_versions"]``). ``tools/build_manifest.py`` checks and
rewrites the manifest; docs/resources.md describes the layer.

Results are cached per process: they are immutable (frozensets, tuples, mappings proxies), so
the cache is no shared mutable state.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
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


@cache
def table(stage: str, name: str) -> tuple[Mapping[str, str], ...]:
    """Rows of table ``<stage>/data/<name>`` (TSV, ``#`` comments, a header line naming the columns) as
    read-only mappings column -> cell; missing trailing cells read as ""."""
    text = read_text(stage_package(stage), "data", name)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return ()
    columns = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > len(columns):
            raise ConfigError(f"row {line!r} of table {stage}/{name} has more cells than its header",
                              input=f"{stage}/data/{name}", hint=f"columns: {', '.join(columns)}")
        rows.append(MappingProxyType(dict(zip(columns, cells + [""] * (len(columns) - len(cells))))))
    return tuple(rows)


# -- the manifest: every shipped data file, its version, checksum, source and licence --------------
#: The manifest, under the ``newsgraph`` package (``src/newsgraph/data/manifest.tsv``).
MANIFEST = ("data", "manifest.tsv")
MANIFEST_COLUMNS = ("path", "version", "sha256", "source", "licence", "tool")
#: The command that (re)writes the manifest after a data file is added or changed.
MANIFEST_COMMAND = ".venv/bin/python tools/build_manifest.py --write"
#: Files under a ``data/`` folder that are no data sets (configuration, examples, the manifest itself).
NOT_DATA = ("data/manifest.tsv", "data/config.toml", "data/examples/")
_SUFFIXES = (".tsv.gz", ".tsv", ".txt", ".yaml", ".yml", ".json")


@dataclass(frozen=True)
class DataFile:
    """One manifest row. ``path`` is relative to the ``newsgraph`` package, '/'-separated
    (``stages/places/data/gazetteer.tsv.gz``); ``tool`` names the script that builds the file
    (empty when it is written by hand)."""

    path: str
    version: str
    sha256: str
    source: str
    licence: str
    tool: str = ""

    @property
    def dataset(self) -> str:
        return dataset_name(self.path)


def dataset_name(path: str) -> str:
    """The data-set name of a package-relative data path: ``stages/actors/data/people/heads.tsv`` ->
    ``actors/people/heads``; ``data/countries.tsv`` -> ``core/countries``."""
    parts = path.split("/")
    if parts[0] == "stages" and len(parts) > 3:
        stage, rest = parts[1], parts[3:]
    else:
        stage, rest = "core", parts[1:]
    name = "/".join(rest)
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return f"{stage}/{name}"


def is_shipped_data(path: str) -> bool:
    """Whether a package-relative path is a data file the manifest must list."""
    parts = path.split("/")
    in_data = (parts[0] == "data" and len(parts) > 1) or (
        len(parts) > 3 and parts[0] == "stages" and parts[2] == "data")
    name = parts[-1]
    return (in_data and "__pycache__" not in parts and not name.startswith(".")
            and not any(path == n or (n.endswith("/") and path.startswith(n)) for n in NOT_DATA))


def shipped_data_paths(package_dir: Path) -> list[str]:
    """Package-relative paths of every shipped data file under ``package_dir`` (the ``newsgraph``
    package folder), sorted: what the manifest must list."""
    out = []
    for p in package_dir.rglob("*"):
        rel = p.relative_to(package_dir).as_posix()
        if p.is_file() and is_shipped_data(rel):
            out.append(rel)
    return sorted(out)


def parse_manifest(text: str, *, where: str = "data/manifest.tsv") -> tuple[DataFile, ...]:
    """Manifest rows: a TSV with ``#`` comments and a header line naming :data:`MANIFEST_COLUMNS`."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != MANIFEST_COLUMNS:
        raise ConfigError("the data manifest has no header line", input=where,
                          hint=f"the first non-comment line names the columns {', '.join(MANIFEST_COLUMNS)}")
    rows: list[DataFile] = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(MANIFEST_COLUMNS) or not all(cells[:3]):
            raise ConfigError(f"bad manifest row {line!r}", input=where,
                              hint=f"rebuild it with `{MANIFEST_COMMAND}`")
        rows.append(DataFile(*cells))
    return tuple(rows)


def format_manifest(rows: Iterable[DataFile], preamble: Sequence[str] = ()) -> str:
    """The manifest text of ``rows`` (sorted by path), after the comment lines ``preamble``."""
    out = [*preamble, "\t".join(MANIFEST_COLUMNS)]
    for r in sorted(rows, key=lambda r: r.path):
        out.append("\t".join((r.path, r.version, r.sha256, r.source, r.licence, r.tool)))
    return "\n".join(out) + "\n"


@cache
def manifest() -> tuple[DataFile, ...]:
    """The shipped data manifest, read once per process."""
    return parse_manifest(read_text("newsgraph", *MANIFEST))


def data_versions(stages: Iterable[str] | None = None) -> dict[str, str]:
    """``{data-set name: version}`` of every shipped data file, from the manifest; ``stages`` limits it
    to the data of those stages (core data always included). A new dict each call. This is the full
    record the store keeps in its ``meta`` table; each output carries :func:`data_fingerprints`."""
    wanted = None if stages is None else {"core", *stages}
    return {f.dataset: f.version for f in manifest() if wanted is None or f.dataset.split("/", 1)[0] in wanted}


def data_fingerprints(stages: Iterable[str] | None = None) -> dict[str, str]:
    """``{stage: fingerprint}``: per stage (and ``core``), the number of data files it ships and the
    first 12 hex digits of a sha256 over their manifest rows (path, version, sha256). Two outputs with
    the same fingerprint were coded with the same data; :func:`data_versions` (kept in the store)
    says which file changed. Compact enough for every article's ``stats``; a new dict each call."""
    return dict(stage_fingerprints(None if stages is None else tuple(sorted({"core", *stages}))))


@cache
def stage_fingerprints(wanted: tuple[str, ...] | None) -> tuple[tuple[str, str], ...]:
    """The (stage, fingerprint) pairs behind :func:`data_fingerprints`, computed once per stage set."""
    groups: dict[str, list[DataFile]] = {}
    for f in manifest():
        stage = f.dataset.split("/", 1)[0]
        if wanted is None or stage in wanted:
            groups.setdefault(stage, []).append(f)
    out = []
    for stage in sorted(groups):
        digest = hashlib.sha256()
        for f in sorted(groups[stage], key=lambda f: f.path):
            digest.update(f"{f.path}\t{f.version}\t{f.sha256}\n".encode())
        out.append((stage, f"{len(groups[stage])} files, sha256:{digest.hexdigest()[:12]}"))
    return tuple(out)


_HEADER_FIELD = re.compile(r"^#\s*(version|source|licence|license)\s*:\s*(.+?)\s*$", re.IGNORECASE)


def header_fields(text: str) -> dict[str, str]:
    """``version``/``source``/``licence`` from the leading comment lines of a data file
    (``# version: 2``); a dotted or plain version is its first word ("1.3 (1.3: ...)" -> "1.3")."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER_FIELD.match(line)
        if m:
            key = "licence" if m.group(1).lower() == "license" else m.group(1).lower()
            value = m.group(2).split()[0] if key == "version" else m.group(2)
            out.setdefault(key, value)
    return out


def file_text_head(data: bytes, path: str, limit: int = 8192) -> str:
    """The first characters of a data file's text (decompressed for ``.gz``), for its header."""
    if path.endswith(".gz"):
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            data = fh.read(limit)
    return data[:limit].decode("utf-8", errors="replace")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
