"""WARC (optionally gzipped) -> Articles: HTML responses only, each keeping its URL and fetch date.
Other records (requests, metadata, images, PDFs) are skipped.

A cut archive must not yield a cut article: every record's bytes are counted against its declared
length (FastWARC's ``content_length`` is what remains after the HTTP headers, ``reader`` gives exactly
what the file holds), and a record that is shorter, or whose header is cut, ends the file with a
ReadError naming the record. A cut .gz is also caught by a decompression pass, since FastWARC stops
quietly at a truncated gzip member."""

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


def _header_problem(record) -> str | None:  # noqa: ANN001 - fastwarc's WarcRecord
    """A record whose WARC header was cut (or never valid) has no id or no numeric Content-Length."""
    declared = (record.headers.get("Content-Length") or "").strip()
    if record.record_id is None or not declared.isdigit():
        return "a record header is cut or malformed (no WARC-Record-ID or no valid Content-Length)"
    return None


def read_warc(path: str | Path) -> Iterator[Article | ReadError]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    p = Path(path)
    records = html_count = 0
    record_id = None
    try:
        # Every record type is visited so that a cut request or metadata record is noticed too.
        # FastWARC detects gzip itself (stream_detect); fsspec is off: local files only.
        for record in ArchiveIterator(str(p), parse_http=True, fsspec_args=False):
            if problem := _header_problem(record):
                yield ReadError(str(p), f"{p}: {problem} after record {record_id or '(none)'}", record=record_id)
                return
            records += 1
            record_id = record.record_id
            expected = record.content_length
            wanted = record.record_type == WarcRecordType.response and _is_html(record)
            body = record.reader.read() if wanted else b""
            got = len(body) if wanted else record.reader.consume()
            if got < expected:
                yield ReadError(str(p), f"{p}: record {record_id} is cut: {got:,} of its {expected:,} bytes "
                                        "(a truncated archive?)", record=record_id)
                return
            if not wanted:
                continue
            url = record.headers.get("WARC-Target-URI")
            fetched = (record.headers.get("WARC-Date") or "")[:10] or None
            try:
                article = article_from_html(body, f"{p}#{record_id}", url=url, fetched=fetched,
                                            charset=record.http_charset)
            except InputError as exc:
                yield ReadError(str(p), str(exc), record=record_id)
                continue
            html_count += 1
            yield article
    except Exception as exc:  # noqa: BLE001 - FastWARC raises OSError, ValueError... on corrupt data; keep what was read
        where = f"after record {record_id}" if record_id else "at the start"
        yield ReadError(str(p), f"{p}: archive unreadable {where}: {exc}", record=record_id)
        return
    if p.name.endswith(".gz") and (problem := _gzip_problem(p)):
        yield ReadError(str(p), f"{p}: archive truncated or corrupt after record {record_id}: {problem}", record=record_id)
    elif records == 0:
        yield ReadError(str(p), f"{p}: no WARC records in this file")
    elif html_count == 0:
        log.warning("%s: no HTML responses among its %d records", p, records)
    else:
        log.info("%s: %d HTML responses read from %d records", p, html_count, records)


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
