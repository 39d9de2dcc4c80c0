"""Flattening HTML nested deeper than lxml parses.

libxml2 (under lxml, under trafilatura) stops building the tree 256 elements deep, so a page
whose article sits deeper (hostile or machine-made markup, ``<div>`` inside ``<div>`` thousands
of times) comes out without its body. :func:`flatten_html` rewrites such a page with the
standard library's tokenizer, which has no depth limit: elements down to ``max_depth`` are kept
as written; below that, tags are dropped, their text is kept, and each block element (``p``,
``div``, ``li`` ...) becomes a paragraph break, so the text reads as paragraphs at ``max_depth``.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

#: Elements deeper than this are flattened (libxml2 reads 255 levels; html/body add their own).
MAX_DEPTH = 200

_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
_BLOCK = frozenset(
    "address article aside blockquote dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul".split()
)
#: An open element of these closes when the same element starts again (as HTML parsers do).
_SELF_CLOSING_SIBLINGS = frozenset(("p", "li", "dt", "dd", "tr", "td", "th", "option"))


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[str] = []
        self.deepest = 0

    def _push(self, tag: str, written: str) -> None:
        self.stack.append(tag)
        depth = len(self.stack)
        self.deepest = max(self.deepest, depth)
        if depth <= self.max_depth:
            self.out.append(written)
        elif depth == self.max_depth + 1:
            self.out.append("<p>")  # the flat paragraph that holds everything deeper
        elif tag in _BLOCK:
            self._break()

    def _break(self) -> None:
        """A paragraph break in the flat part (never two in a row, never an empty paragraph)."""
        if self.out[-1] not in ("<p>", "</p><p>"):
            self.out.append("</p><p>")

    def _pop(self) -> None:
        depth = len(self.stack)
        tag = self.stack.pop()
        if depth <= self.max_depth:
            self.out.append(f"</{tag}>")
        elif depth == self.max_depth + 1:
            if self.out[-1] == "</p><p>":
                self.out.pop()
            self.out.append("</p>")
        elif tag in _BLOCK:
            self._break()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = self.get_starttag_text() or f"<{tag}>"
        if tag in _VOID:
            if len(self.stack) < self.max_depth:
                self.out.append(written)
            return
        if tag in _SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1] == tag:
            self._pop()
        self._push(tag, written)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.stack) < self.max_depth:
            self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag: parsers ignore it
        while self.stack:
            top = self.stack[-1]
            self._pop()
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if len(self.stack) > self.max_depth and self.stack[-1] in ("script", "style", "template"):
            return  # code, not text: flattened, it would read as a paragraph
        self.out.append(escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def flatten_html(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, int] | None:
    """The page with every element below ``max_depth`` flattened into paragraphs, and the depth
    it reached; None when it nests no deeper than ``max_depth`` (nothing to flatten)."""
    parser = _Flattener(max_depth)
    parser.feed(html)
    parser.close()
    if parser.deepest <= max_depth:
        return None
    while parser.stack:
        parser._pop()
    return "".join(parser.out), parser.deepest


__all__ = ["MAX_DEPTH", "flatten_html"]
