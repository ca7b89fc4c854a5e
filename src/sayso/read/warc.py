"""WARC (optionally gzipped) -> Articles: HTML responses only, each keeping its URL and fetch date.
Other records (requests, metadata, images, PDFs) are skipped; a truncated archive ends with a ReadError."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from sayso.errors import InputError
from sayso.read.article import Article, ReadError
from sayso.read.html import article_from_html

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html(record) -> bool:  # noqa: ANN001 - fastwarc's WarcRecord
    http = record.http_headers
    if http is None:
        return False
    if http.status_code is not None and not 200 <= http.status_code < 300:
        return False
    ctype = (http.get("Content-Type") or "").lower()
    return any(t in ctype for t in _HTML_TYPES)


def read_warc(path: str | Path) -> Iterator[Article | ReadError]:
    from fastwarc.stream_io import FileStream, GZipStream
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    p = Path(path)
    try:
        stream = FileStream(str(p), "rb")
    except Exception as exc:  # noqa: BLE001 - fastwarc raises OSError subclasses and its own errors
        yield ReadError(str(p), f"cannot read ({exc})")
        return
    if p.name.endswith(".gz"):
        stream = GZipStream(stream)
    html_count = skipped = 0
    record_id = None
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            record_id = record.record_id
            if not _is_html(record):
                skipped += 1
                continue
            url = record.headers.get("WARC-Target-URI")
            fetched = (record.headers.get("WARC-Date") or "")[:10] or None
            body = record.reader.read()
            try:
                article = article_from_html(body, f"{p}#{record_id}", url=url, fetched=fetched)
            except InputError as exc:
                yield ReadError(str(p), str(exc), record=record_id)
                continue
            html_count += 1
            yield article
    except Exception as exc:  # noqa: BLE001 - a truncated or corrupt archive: keep what was read
        yield ReadError(str(p), f"archive unreadable after record {record_id}: {exc}", record=record_id)
    finally:
        stream.close()
    log.info("%s: %d HTML responses read, %d non-HTML responses skipped", p, html_count, skipped)
