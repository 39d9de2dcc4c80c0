"""``newsgraph index``: build the data indexes ahead of time, or clear them (docs/cli.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from ..errors import ConfigError
from ..index_cache import CACHE_ENV, OFF, IndexSpec, build_now, cache_dir, cached_files
from ..index_cache import clear as clear_cache
from .common import guarded, say


def indexes() -> tuple[tuple[IndexSpec, Callable[[], object]], ...]:
    """Every index a pipeline with all stages loads, with its builder."""
    from ..stages.actors.lexicon import LEXICON_INDEX, build_builtin_lexicon
    from ..stages.actors.places_names import CITY_INDEX, build_city_index
    from ..stages.places.gazetteer import GAZETTEER_INDEX, build_gazetteer

    return ((GAZETTEER_INDEX, build_gazetteer), (LEXICON_INDEX, build_builtin_lexicon),
            (CITY_INDEX, build_city_index))


@guarded
def index(
    clear: Annotated[bool, typer.Option("--clear", help="Remove every index file (of any version) instead.")] = False,
) -> None:
    """Build the data indexes now: the places gazetteer, the actors' who's-who lexicon and city index.

    Without them, the first run after an install or upgrade builds them (about 10 s) and keeps them
    for the next ones; run this where that first run must be fast too (an image, a cluster's
    workers). The folder is $NEWSGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/newsgraph, else
    ~/.cache/newsgraph; NEWSGRAPH_CACHE_DIR=off turns the cache off. Each line says
    whether the index was built now or was already current.
    """
    folder = cache_dir()
    if folder is None:
        raise ConfigError("the index cache is off", input=f"{CACHE_ENV}={OFF}",
                          hint=f"unset {CACHE_ENV}, or set it to a writable folder")
    if clear:
        removed = clear_cache(folder)
        say(f"removed {removed} index file{'s' if removed != 1 else ''} from {folder}")
        return
    known = indexes()
    for spec, build in known:
        path, built = build_now(spec, build, folder)
        size = path.stat().st_size / 1e6
        say(f"{spec.name}: {'built' if built else 'current'} {path} ({size:.1f} MB)")
    stale = len(cached_files(folder)) - len(known)
    if stale > 0:
        say(f"{stale} older index file{'s' if stale != 1 else ''} left in {folder} "
            "(newsgraph index --clear removes them all)")


def register(app: typer.Typer) -> None:
    """Add ``index`` to ``app``."""
    app.command()(index)
