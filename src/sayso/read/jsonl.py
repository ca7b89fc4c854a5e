"""JSON Lines (optionally gzipped) -> Articles, one per line. A bad line (not JSON, no text, too big)
becomes a ``ReadError`` with its line number; a truncated .gz ends the file with one more ReadError."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sayso.read.article import Article, ReadError
from sayso.read.fields import FieldMap, iso_day, outlet_from_url, text_field
from sayso.read.text import MAX_FILE_BYTES, bom_encoding

log = logging.getLogger(__name__)


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def article_from_record(record: object, source: str, fields: FieldMap) -> Article | str:
    """The Article of one parsed line, or the reason it is not one."""
    if not isinstance(record, dict):
        return "the line is not a JSON object"
    text = text_field(record, fields.text)
    if text is None:
        return f"no text in field {fields.text!r}"
    url = text_field(record, fields.url)
    warnings = []
    raw_date = record.get(fields.published)
    published = iso_day(raw_date)
    if raw_date and published is None:
        warnings.append(f"{source}: publication date {raw_date!r} is not a date YYYY-MM-DD; ignored")
    return Article(
        text=text,
        path=source,
        published=published,
        title=text_field(record, fields.title),
        url=url,
        outlet=text_field(record, fields.outlet) or outlet_from_url(url),
        author=text_field(record, fields.author),
        warnings=warnings,
    )


def _lines(fh: IO[bytes], source: Path) -> Iterator[tuple[int, str, str | None]]:
    """(line number, decoded line, warning) for every line. UTF-8, with or without a BOM; a UTF-16/32
    file (byte-order mark first) is decoded as a stream. Invalid bytes become U+FFFD with a warning."""
    encoding = bom_encoding(fh.peek(4)[:4])  # type: ignore[attr-defined] - gzip and buffered files peek
    if encoding and encoding != "utf-8-sig":
        text = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline="\n")
        for line_no, line in enumerate(text, start=1):
            yield line_no, line, None
        return
    for line_no, raw in enumerate(fh, start=1):
        if line_no == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            yield line_no, raw.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            warning = f"{source}:{line_no}: invalid UTF-8 at byte {exc.start} of the line; replaced with U+FFFD"
            yield line_no, raw.decode("utf-8", errors="replace"), warning


def read_jsonl(path: str | Path, fields: FieldMap | None = None) -> Iterator[Article | ReadError]:
    fields = fields or FieldMap()
    p = Path(path)
    line_no = records = 0
    try:
        with _open(p) as fh:
            for line_no, line, warning in _lines(fh, p):
                if not line.strip():
                    continue
                records += 1
                source = f"{p}:{line_no}"
                if len(line) > MAX_FILE_BYTES:
                    yield ReadError(str(p), f"line of {len(line):,} characters is over the limit", record=str(line_no))
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    reason = getattr(exc, "msg", str(exc))
                    yield ReadError(str(p), f"not JSON ({reason})", record=str(line_no))
                    continue
                except RecursionError:
                    yield ReadError(str(p), "not JSON we can read (nested too deeply)", record=str(line_no))
                    continue
                item = article_from_record(record, source, fields)
                if isinstance(item, str):
                    yield ReadError(str(p), item, record=str(line_no))
                    continue
                if warning:
                    item.warnings.insert(0, warning)
                yield item
    except (OSError, EOFError, zlib.error, UnicodeError) as exc:
        where = f" after line {line_no}" if line_no else ""
        yield ReadError(str(p), f"cannot read{where}: {exc}", record=str(line_no + 1) if line_no else None)
        return
    if records == 0:
        yield ReadError(str(p), f"{p}: no JSON lines in this file (empty?)")
