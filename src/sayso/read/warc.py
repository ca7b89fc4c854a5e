"""WARC (optionally gzipped) -> Articles: HTML responses only, each keeping its URL and fetch date.
Other records (requests, metadata, images, PDFs) are skipped; a truncated archive ends with a ReadError."""

from __future__ import annotations

import gzip
import logging
import zlib
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
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    p = Path(path)
    html_count = skipped = 0
    record_id = None
    try:
        # FastWARC detects gzip itself (stream_detect); fsspec is off: local files only.
        records = ArchiveIterator(str(p), record_types=WarcRecordType.response, parse_http=True, fsspec_args=False)
        for record in records:
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
        where = f"after record {record_id}" if record_id else "at the start"
        yield ReadError(str(p), f"archive unreadable {where}: {exc}", record=record_id)
        return
    if p.name.endswith(".gz") and (problem := _gzip_problem(p)):
        yield ReadError(str(p), f"archive truncated or corrupt after record {record_id}: {problem}", record=record_id)
    log.info("%s: %d HTML responses read, %d non-HTML responses skipped", p, html_count, skipped)


def _gzip_problem(path: Path) -> str | None:
    """FastWARC stops quietly at a truncated gzip member; a streaming decompression pass (cheap next to
    parsing) tells a cut archive from a whole one."""
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except (OSError, EOFError, zlib.error) as exc:
        return str(exc)
    return None
