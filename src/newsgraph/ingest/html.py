"""HTML reader: trafilatura for the body and metadata, then :func:`newsgraph.clean.clean_text`.

A precise trafilatura run (``favor_precision``, no comments) is kept unless it is short and clearly a
fragment of a recall-oriented run (``favor_recall``); the cleaner then removes widget lines that
survive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..clean import clean_text
from ..errors import BinaryInputError, ExtractionError
from ..model import Article, Removed
from .common import ReadOptions, looks_binary, normalise_date

#: A page whose body has fewer words than this has no article body.
MIN_BODY_WORDS = 6
#: A precise body this long is kept without trying the recall-oriented run.
ENOUGH_WORDS = 150


@dataclass
class HtmlResult:
    """The body text of a page and its metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)
    raw_text: str = ""


def _run(html: Any, url: str | None, **kw: Any) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False,
        include_links=False, **kw,
    )


def _text(doc: Any) -> str:
    if doc is None:
        return ""
    return str(getattr(doc, "text", None) or "")


def extract_body(html: str | bytes, url: str | None = None) -> tuple[str, Any]:
    """The chosen body text and the trafilatura document that carries its metadata."""
    precise = _run(html, url, favor_precision=True, include_tables=True)
    p_text = _text(precise)
    if len(p_text.split()) >= ENOUGH_WORDS:
        return p_text, precise  # long enough: the recall run could not replace it
    recall = _run(html, url, favor_recall=True, include_tables=True)
    doc = precise if precise is not None else recall
    return _choose(p_text, _text(recall)), doc


def _choose(precise: str, recall: str) -> str:
    """The precise body unless it is clearly a fragment of the recall body."""
    if not precise.strip():
        return recall
    if not recall.strip():
        return precise
    np, nr = len(precise.split()), len(recall.split())
    if np < 0.5 * nr and np < ENOUGH_WORDS:
        return recall
    return precise


def paragraphs(text: str) -> str:
    """trafilatura puts one block per line: separate blocks by a blank line, as in plain text."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.casefold()))


def drop_title(text: str, title: str | None) -> str:
    """The body without its first block when that block is the headline."""
    if not title or not text:
        return text
    first, _sep, rest = text.partition("\n\n")
    f, t = _norm(first), _norm(title)
    if f and (f == t or (len(f) >= 12 and t.startswith(f))) and rest.strip():
        return rest
    return text


def extract_html(html: str | bytes, *, input: str, url: str | None = None) -> HtmlResult:
    """Body and metadata of one page; ExtractionError when the page has no article body."""
    if isinstance(html, bytes) and html.startswith((b"\xff\xfe", b"\xfe\xff")):
        html = html.decode("utf-16", errors="replace")
    if isinstance(html, bytes) and looks_binary(html):
        raise BinaryInputError("the file is binary, not HTML", input=input)
    try:
        text, doc = extract_body(html, url)
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura errors on broken markup
        raise ExtractionError(f"the HTML could not be parsed ({type(exc).__name__})", input=input) from None
    meta: dict[str, Any] = {}
    if doc is not None:
        for key in ("title", "author", "date", "sitename", "url", "language"):
            v = getattr(doc, key, None)
            meta[key] = v.strip() if isinstance(v, str) and v.strip() else None
    text = drop_title(paragraphs(text), meta.get("title"))
    cleaned, removed = clean_text(text)
    if len(cleaned.split()) < MIN_BODY_WORDS:
        raise ExtractionError("no article body found in the HTML", input=input)
    return HtmlResult(
        text=cleaned, title=meta.get("title"), author=meta.get("author"),
        published=normalise_date(meta.get("date")), sitename=meta.get("sitename"),
        url=url or meta.get("url"), language=meta.get("language"), removed=removed,
        raw_text=text,
    )


def html_article(html: str | bytes, input: str, opts: ReadOptions, *, url: str | None = None,
                 title: str | None = None, published: str | None = None,
                 source: str | None = None) -> Article:
    """An Article from a page. Given metadata wins over the page's; ``opts`` fill the gaps."""
    res = extract_html(html, input=input, url=url)
    return Article(
        text=res.text, raw_text=res.raw_text, title=title or res.title, url=res.url,
        source=source or res.sitename or opts.source,
        published=published or res.published or opts.published,
        author=res.author, language=res.language, input=input, removed=list(res.removed),
    )
