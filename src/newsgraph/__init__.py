"""newsgraph: news articles to structured, sourced event data.

>>> from newsgraph import Pipeline
>>> article = Pipeline.from_config().extract_text("Russia attacked Ukraine on Monday.")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config, load_config  # noqa: E402
from .errors import NewsgraphError  # noqa: E402
from .model import Article  # noqa: E402
from .pipeline import Pipeline  # noqa: E402

__all__ = ["Article", "Config", "NewsgraphError", "Pipeline", "load_config", "__version__"]
