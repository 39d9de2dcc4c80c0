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
from ..errors import BinaryInputError, ExtractionError, NestingTooDeepError
from ..model import Article, Removed
from .common import ReadOptions, looks_binary, normalise_date, utf16_variant
from .nesting import MAX_DEPTH, flatten_html

#: libxml2 stops building a tree this many elements deep (without its "huge" option).
LXML_MAX_DEPTH = 255

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
    #: How deep the page nests when it had to be flattened to find its body (else None).
    flattened_depth: int | None = None


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
    """Body and metadata of one page; ExtractionError when the page has no article body.

    A page nested deeper than lxml parses is flattened (:mod:`newsgraph.ingest.nesting`) and read
    again when the first reading finds no body; ``flattened_depth`` then says how deep it went.
    """
    if isinstance(html, bytes):
        html = _utf16_text(html)
    if isinstance(html, bytes) and looks_binary(html):
        raise BinaryInputError("the file is binary, not HTML", input=input)
    text, meta = _body(html, url, input)
    cleaned, removed = clean_text(text)
    depth = None
    if len(cleaned.split()) < MIN_BODY_WORDS:
        flat = flatten_html(html if isinstance(html, str) else _decode(html))
        if flat is None:
            raise ExtractionError("no article body found in the HTML", input=input)
        flat_html, depth = flat
        text, meta = _body(flat_html, url, input)
        cleaned, removed = clean_text(text)
        if len(cleaned.split()) < MIN_BODY_WORDS:
            raise ExtractionError(
                f"no article body found in the HTML, which nests elements {depth:,} deep (lxml reads "
                f"{LXML_MAX_DEPTH}); flattened below {MAX_DEPTH} levels, it still has none", input=input,
            )
    return HtmlResult(
        text=cleaned, title=meta.get("title"), author=meta.get("author"),
        published=normalise_date(meta.get("date")), sitename=meta.get("sitename"),
        url=url or meta.get("url"), language=meta.get("language"), removed=removed,
        raw_text=text, flattened_depth=depth,
    )


def _body(html: str | bytes, url: str | None, input: str) -> tuple[str, dict[str, Any]]:
    """The body text (paragraphs, headline block dropped) and the metadata of one page."""
    try:
        text, doc = extract_body(html, url)
    except ExtractionError:
        raise
    except RecursionError:
        raise NestingTooDeepError("the HTML nests elements too deep to read", input=input) from None
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura errors on broken markup
        raise ExtractionError(f"the HTML could not be parsed ({type(exc).__name__})", input=input) from None
    meta: dict[str, Any] = {}
    if doc is not None:
        for key in ("title", "author", "date", "sitename", "url", "language"):
            v = getattr(doc, key, None)
            meta[key] = v.strip() if isinstance(v, str) and v.strip() else None
    return drop_title(paragraphs(text), meta.get("title")), meta


def _utf16_text(data: bytes) -> str | bytes:
    """A UTF-16 page (with or without a byte-order mark) as text; other bytes as they are."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    variant = utf16_variant(data)
    if variant is not None:
        return data[:len(data) // 2 * 2].decode(variant, errors="replace")
    return data


def _decode(data: bytes) -> str:
    from trafilatura.utils import decode_file

    return str(decode_file(data))


def html_article(html: str | bytes, input: str, opts: ReadOptions, *, url: str | None = None,
                 title: str | None = None, published: str | None = None,
                 source: str | None = None) -> Article:
    """An Article from a page. Given metadata wins over the page's; ``opts`` fill the gaps."""
    res = extract_html(html, input=input, url=url)
    art = Article(
        text=res.text, raw_text=res.raw_text, title=title or res.title, url=res.url,
        source=source or res.sitename or opts.source,
        published=published or res.published or opts.published,
        author=res.author, language=res.language, input=input, removed=list(res.removed),
    )
    if res.flattened_depth is not None:
        art.stats["html_flattened_depth"] = res.flattened_depth
    return art
