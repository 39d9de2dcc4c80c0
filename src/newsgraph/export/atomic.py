"""Writing an export all or nothing: a failed export leaves no partial file or folder behind.

Every exporter writes into a temporary name in the destination's own folder (same file
system), then renames it over the destination in one step. Parquet exports are folders: a
folder is replaced only when it is empty or holds a previous newsgraph Parquet export;
any other existing folder is refused (the export never deletes files it did not write).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreNotWritableError

PARTITION_PREFIX = "partition_date="


def _not_writable(exc: OSError, dest: Path) -> StoreNotWritableError:
    return StoreNotWritableError(
        f"cannot write the export: {exc.strerror or exc}", input=str(dest),
        hint="choose a destination in a folder that exists and that you can write to",
    )


@contextmanager
def atomic_file(dest: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``dest``; renamed to ``dest`` when the block succeeds, removed
    when it raises."""
    target = Path(dest)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise _not_writable(exc, target) from None
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _not_writable(exc, target) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def is_previous_export(folder: Path, tables: Collection[str]) -> bool:
    """``folder`` holds only what a Parquet export writes: table folders of
    ``partition_date=...`` folders of ``.parquet`` files."""
    for table in folder.iterdir():
        if not table.is_dir() or table.name not in tables:
            return False
        for part in table.iterdir():
            if not part.is_dir() or not part.name.startswith(PARTITION_PREFIX):
                return False
            if any(not f.is_file() or f.suffix != ".parquet" for f in part.iterdir()):
                return False
    return True


@contextmanager
def atomic_folder(dest: str | os.PathLike[str], tables: Collection[str]) -> Iterator[Path]:
    """A temporary folder beside ``dest``; it replaces ``dest`` when the block succeeds.

    An existing ``dest`` must be an empty folder or a previous export (see
    :func:`is_previous_export`), else :class:`StoreNotWritableError` before anything is written.
    """
    target = Path(dest)
    if target.exists() and not (target.is_dir() and is_previous_export(target, tables)):
        raise StoreNotWritableError(
            "the destination exists and is not a previous newsgraph Parquet export",
            input=str(target),
            hint="name a new folder (an empty folder or an earlier Parquet export is replaced)",
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    except OSError as exc:
        raise _not_writable(exc, target) from None
    try:
        yield tmp
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            moved = old / target.name
            os.replace(target, moved)
            try:
                os.replace(tmp, target)
            except OSError:
                os.replace(moved, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise _not_writable(exc, target) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
