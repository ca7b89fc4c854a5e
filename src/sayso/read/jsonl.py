"""JSON Lines (optionally gzipped) -> Articles, one per line. A bad line (not JSON, no text, too big)
becomes a ``ReadError`` with its line number; a truncated .gz ends the file with one more ReadError."""

from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sayso.read.article import Article, ReadError
from sayso.read.fields import FieldMap, iso_day, outlet_from_url, text_field
from sayso.read.text import MAX_FILE_BYTES

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


def read_jsonl(path: str | Path, fields: FieldMap | None = None) -> Iterator[Article | ReadError]:
    fields = fields or FieldMap()
    p = Path(path)
    line_no = 0
    try:
        with _open(p) as fh:
            for line_no, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                source = f"{p}:{line_no}"
                if len(raw) > MAX_FILE_BYTES:
                    yield ReadError(str(p), f"line of {len(raw):,} bytes is over the limit", record=str(line_no))
                    continue
                try:
                    record = json.loads(raw.decode("utf-8", errors="replace"))
                except ValueError as exc:
                    yield ReadError(str(p), f"not JSON ({exc.msg})", record=str(line_no))
                    continue
                item = article_from_record(record, source, fields)
                if isinstance(item, str):
                    yield ReadError(str(p), item, record=str(line_no))
                else:
                    yield item
    except (OSError, EOFError, zlib.error) as exc:
        where = f" after line {line_no}" if line_no else ""
        yield ReadError(str(p), f"cannot read{where}: {exc}", record=str(line_no + 1) if line_no else None)
