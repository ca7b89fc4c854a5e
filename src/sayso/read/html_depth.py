"""HTML nested deeper than libxml2 allows (256 levels) loses its text silently: lxml stops building the
tree at that depth and trafilatura extracts only what came before. Such pages are flattened first: tags
below ``KEEP_DEPTH`` levels are dropped and their text is kept as flat ``<p>`` paragraphs (one per deep
block), so the whole page reaches trafilatura. Only pages that lxml reports as too deep take this path."""

from __future__ import annotations

import html
from collections import Counter
from html.parser import HTMLParser

import lxml.etree

KEEP_DEPTH = 200
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = frozenset("address article aside blockquote dd div dl dt figure footer h1 h2 h3 h4 h5 h6 header "
                   "li main nav ol p pre section table td th tr ul".split())
_RAW_TEXT = frozenset(("script", "style", "template", "noscript"))
# Opening one of these closes an open element of the same name (HTML's implied end tags), so that
# unclosed <p> and <li> do not count as nesting.
_SELF_CLOSING_SIBLINGS = frozenset(("p", "li", "dt", "dd", "tr", "td", "th", "option"))


def too_deep(page: str) -> bool:
    """True when libxml2 (under lxml and trafilatura) stops at its depth limit on this page."""
    parser = lxml.etree.HTMLParser()
    try:
        lxml.etree.fromstring(page.encode("utf-8"), parser=parser)
    except (lxml.etree.LxmlError, ValueError):  # not parseable at all: trafilatura reports that itself
        return False
    return any(err.type_name == "ERR_RESOURCE_LIMIT" for err in parser.error_log)


class _Flattener(HTMLParser):
    """Re-serialise HTML, dropping tags nested deeper than ``KEEP_DEPTH`` but keeping their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[str] = []
        self.open_count: Counter[str] = Counter()  # tags on the stack, for a constant-time "is it open?"
        self.hidden_raw = 0  # open script/style elements that were dropped: their text is not page text
        self.in_paragraph = False  # a <p> we opened at the cut level for deep text

    def _end_paragraph(self) -> None:
        if self.in_paragraph:
            self.out.append("</p>")
            self.in_paragraph = False

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1] == tag:
            self.handle_endtag(tag)
        kept = len(self.stack) < KEEP_DEPTH
        if kept:
            self._end_paragraph()
            rendered = "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs)
            self.out.append(f"<{tag}{rendered}>")
        elif tag in _BLOCK or tag == "br":
            self._end_paragraph()
        if tag in _VOID:
            return
        self.stack.append(tag)
        self.open_count[tag] += 1
        if not kept and tag in _RAW_TEXT:
            self.hidden_raw += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_count[tag]:
            return
        while self.stack:
            open_tag = self.stack.pop()
            self.open_count[open_tag] -= 1
            if len(self.stack) < KEEP_DEPTH:
                self._end_paragraph()
                self.out.append(f"</{open_tag}>")
            elif open_tag in _BLOCK:
                self._end_paragraph()
            elif open_tag in _RAW_TEXT:
                self.hidden_raw -= 1
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.hidden_raw:
            return
        if self.stack and self.stack[-1] in _RAW_TEXT:
            self.out.append(data)
            return
        if len(self.stack) > KEEP_DEPTH and not self.in_paragraph and data.strip():
            self.out.append("<p>")
            self.in_paragraph = True
        self.out.append(html.escape(data, quote=False))


def flatten(page: str) -> str:
    """The page with nesting capped at ``KEEP_DEPTH`` levels; all its text is still there."""
    flattener = _Flattener()
    flattener.feed(page)
    flattener.close()
    flattener._end_paragraph()
    return "".join(flattener.out)
