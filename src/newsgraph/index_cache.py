"""Built data indexes kept on disk, so that a new process loads them instead of building them.

Some shipped data is not read as it is stored but built into an index first: the places gazetteer
(275k rows turned into a name index), the actors' who's-who lexicon, the actors' city index. Building
them costs seconds in every new process; loading the built index costs a fraction of that. So the
first process that builds one writes it to the cache folder, and every later process loads it.

Where: ``$NEWSGRAPH_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/newsgraph``, else
``~/.cache/newsgraph``. ``NEWSGRAPH_CACHE_DIR=off`` turns the cache off (every process builds).
``newsgraph index`` builds every index ahead of time (for an image or a read-only install) and says
where they are.

When an index is stale: its file name carries a key over everything that decides its content --
newsgraph's version, the Python version, the versions of the packages it reads, and the bytes of
every file (code and data) under the folders that build it. Change any of them and the key changes,
so a stale index is never loaded; it is only left behind (``newsgraph index --clear`` removes them).

What can go wrong is never an error: a cache folder that cannot be written, or a file that cannot be
read back (truncated, from another build), only means the index is built in this process; a bad
file is replaced. Files are written under a temporary name and renamed, so two processes building
the same index at once do not corrupt it. The files are Python pickles: keep the cache folder as
private as the installed package (it is created readable by its owner only).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from .errors import ConfigError

CACHE_ENV = "NEWSGRAPH_CACHE_DIR"
#: The value of :data:`CACHE_ENV` that turns the cache off.
OFF = "off"
SUFFIX = ".pickle"
#: The pickle protocol of the files (part of their key).
PROTOCOL = 5
PACKAGE_ROOT = Path(__file__).resolve().parent

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder of built indexes, or None when the cache is off."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() == OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "newsgraph"


@dataclass(frozen=True)
class IndexSpec:
    """What an index is built from: folders under the package (code and data, every file hashed)
    and installed distributions (their versions)."""

    name: str
    folders: tuple[str, ...]
    distributions: tuple[str, ...] = ()

    def key(self) -> str:
        return index_key(self.folders, self.distributions, PACKAGE_ROOT)

    def path(self, folder: Path) -> Path:
        return folder / f"{self.name}-{self.key()}{SUFFIX}"


@cache
def index_key(folders: tuple[str, ...], distributions: tuple[str, ...], root: Path) -> str:
    """16 hex digits of a sha256 over newsgraph's and Python's versions, the named distributions'
    versions and every file under ``folders`` (paths relative to ``root``, the package, sorted).
    Computed once per process: the files of an installed package do not change under a running
    process."""
    from . import __version__

    digest = hashlib.sha256()
    digest.update(f"newsgraph {__version__}\npython {sys.version_info[:3]}\npickle {PROTOCOL}\n"
                  .encode())
    for dist in distributions:
        digest.update(f"{dist} {_dist_version(dist)}\n".encode())
    for path in _files(root, folders):
        digest.update(f"{path.relative_to(root).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _files(root: Path, folders: Iterable[str]) -> list[Path]:
    out: set[Path] = set()
    for folder in folders:
        top = root / folder
        if top.is_file():
            out.add(top)
            continue
        out.update(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return sorted(out)


def load_or_build(spec: IndexSpec, build: Callable[[], T]) -> T:
    """The index of ``spec``: loaded from the cache folder when a file with its current key is there,
    else built with ``build()`` and written there (when the folder can be written)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = spec.path(folder)
    loaded = _read(path)
    if loaded is not None:
        return loaded  # type: ignore[return-value]  # the key says it is what build() returns
    value = build()
    _write(path, value)
    return value


def _read(path: Path) -> object | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling builds a million small objects; the collector would walk them all
    try:
        value = pickle.loads(data)  # noqa: S301 - our own file, keyed by the package's own bytes
    except Exception:  # noqa: BLE001 - a truncated or foreign file is rebuilt, never an error
        return None
    finally:
        if enabled:
            gc.enable()
    return value


def build_now(spec: IndexSpec, build: Callable[[], object], folder: Path) -> tuple[Path, bool]:
    """Make sure ``folder`` holds the current index of ``spec``: (its path, whether it was built now).

    Raises :class:`ConfigError` when the folder cannot be written (unlike :func:`load_or_build`, which
    then builds in memory): this is the ahead-of-time build of ``newsgraph index``."""
    path = spec.path(folder)
    if _read(path) is not None:
        return path, False
    if not _write(path, build()):
        raise ConfigError("cannot write the index cache folder", input=str(folder),
                          hint=f"name a writable folder with {CACHE_ENV}=DIR, or turn the cache off with "
                               f"{CACHE_ENV}={OFF}")
    return path, True


def _write(path: Path, value: object) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump(value, out, protocol=PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        return False
    return True


def cached_files(folder: Path | None = None) -> list[Path]:
    """The index files in the cache folder (any key)."""
    folder = folder if folder is not None else cache_dir()
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == SUFFIX)


def clear(folder: Path | None = None) -> int:
    """Remove every index file from the cache folder; the number removed."""
    removed = 0
    for path in cached_files(folder):
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
    return removed
