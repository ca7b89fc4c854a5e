"""HTML pages -> Article: trafilatura finds the main text and the metadata (title, author, site, date
via htmldate). Boilerplate (menus, footers) is dropped, so offsets index the extracted text, not the HTML."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sayso.errors import InputError
from sayso.read.article import Article
from sayso.read.html_depth import KEEP_DEPTH, flatten, too_deep
from sayso.read.text import MAX_FILE_BYTES, decode_text

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Only dates the page states (meta tags, time elements): no guessing from the body text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def declared_charset(data: bytes, http_charset: str | None = None) -> str | None:
    """The charset the HTTP header names, else the page's own <meta charset>: used when it is not UTF-8."""
    if http_charset:
        return http_charset
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def article_from_html(data: bytes, source: str, *, url: str | None = None, fetched: str | None = None,
                      charset: str | None = None) -> Article:
    """One page's main text and metadata; ``InputError`` when there is no article text in it.
    ``charset`` is the one an HTTP header declared (a WARC record's)."""
    import trafilatura

    if not data.strip():
        raise InputError(f"{source}: empty page")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{source}: {len(data):,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for one page")
    html, warnings = decode_text(data, source, declared_charset(data, charset))
    if too_deep(html):
        html = flatten(html)
        warnings.append(f"{source}: HTML nested deeper than lxml's limit of 255 levels; tags below level "
                        f"{KEEP_DEPTH} were flattened to keep their text")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura raise many types on broken markup
        raise InputError(f"{source}: cannot parse the HTML ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError(f"{source}: no article text found in the HTML")
    return Article(
        text=text,
        path=source,
        published=getattr(doc, "date", None) or None,
        title=getattr(doc, "title", None) or None,
        url=url or getattr(doc, "url", None) or None,
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        author=getattr(doc, "author", None) or None,
        fetched=fetched,
        warnings=warnings,
    )


def read_html_file(path: str | Path) -> Article:
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    return article_from_html(data, source)
