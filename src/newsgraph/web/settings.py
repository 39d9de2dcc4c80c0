"""What one server is started with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus
from .extract import MAX_EXTRACT_BYTES


@dataclass(frozen=True)
class WebSettings:
    """``db``: the corpus file (opened read-only per request); ``extract``: serve POST /api/extract;
    ``query_timeout_s``: the time limit of each query; ``cors_origins``: origins allowed to call the
    API from a browser (none by default)."""

    db: Path
    extract: bool = True
    query_timeout_s: float = 10.0
    max_extract_bytes: int = MAX_EXTRACT_BYTES
    cors_origins: tuple[str, ...] = ()

    @property
    def corpus(self) -> Corpus:
        return Corpus(self.db, self.query_timeout_s)
