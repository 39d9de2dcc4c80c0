"""newsgraph: news articles to structured, sourced event data.

>>> import newsgraph
>>> article = newsgraph.extract("Talks resume\n\nMOSCOW (AFP) - Russia attacked Ukraine on Monday.",
...                             published="2022-03-02")

:func:`extract` reads a string as ``newsgraph extract file.txt`` reads a file (title line,
dateline, publication date); ``Pipeline.process(newsgraph.ingest.read_paths(paths))`` streams
files, directories and globs.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config, load_config  # noqa: E402
from .errors import NewsgraphError  # noqa: E402
from .model import Article  # noqa: E402
from .pipeline import Pipeline  # noqa: E402


def extract(text: str, *, pipeline: Pipeline | None = None, published: str | None = None,
            url: str | None = None, source: str | None = None, title: str | None = None,
            input: str = "<text>") -> Article:
    """Extract one article from a string, with the same result as ``newsgraph extract`` on a
    ``.txt`` file holding that string: the first line is split off as the title when a blank line
    follows, the dateline (``WASHINGTON (AFP) -``) is found, ``published`` (YYYY-MM-DD) anchors
    relative dates.

    Pass ``pipeline`` (``Pipeline.from_config(...)``) when extracting many texts: without one a
    default pipeline is built for the call (the spaCy model itself is loaded once per process).
    Raises :class:`NewsgraphError` subclasses for a bad input or option.
    """
    from .ingest.text import read_text

    article = read_text(text, input=input, published=published, url=url, source=source, title=title)
    return (pipeline or Pipeline.from_config())(article)


__all__ = ["Article", "Config", "NewsgraphError", "Pipeline", "extract", "load_config", "__version__"]
