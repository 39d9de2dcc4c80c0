"""The web view and REST API over a corpus (``newsgraph serve``): read-only, offline, no auth.

:func:`create_app` builds the FastAPI app for a :class:`WebSettings`; see docs/web.md.
"""

from __future__ import annotations

from .app import create_app
from .settings import WebSettings

__all__ = ["WebSettings", "create_app"]
