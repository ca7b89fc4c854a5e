"""Walk the paths a user gave and send each file to its reader by name: .txt, .html/.htm,
.jsonl(.gz), .warc(.gz). Directories are walked recursively with ``os.scandir`` (streaming, sorted per
directory), so a folder of 100,000 small files never sits in memory as a list of Articles."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sayso.errors import InputError
from sayso.read.article import Article, ReadError
from sayso.read.fields import FieldMap
from sayso.read.html import read_html_file
from sayso.read.jsonl import read_jsonl
from sayso.read.text import read_text_file
from sayso.read.warc import read_warc

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


@dataclass(frozen=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    # No date in the document itself: use this date (the user knows it, e.g. for a folder of .txt files)...
    published: str | None = None
    # ...or else the crawl date (WARC) or the file's modification date.
    published_from_metadata: bool = False


def kind_of(path: str | Path) -> str:
    name = str(path).lower()
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES), ("html", HTML_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return "text"


def iter_files(paths: list[str]) -> Iterator[Path | ReadError]:
    """Files named or found under directories (known suffixes only inside directories)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for item in _walk(path):
                found = found or isinstance(item, Path)
                yield item
            if not found:  # said plainly, and a failure like a missing path: nothing was read from it
                yield ReadError(raw, f"{raw}: no article files (.txt, .html, .jsonl(.gz), .warc(.gz)) in this directory")
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield ReadError(raw, f"{raw}: no such file or directory")


def _walk(folder: Path) -> Iterator[Path | ReadError]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield ReadError(str(folder), f"{folder}: cannot list ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(Path(entry.path))
        elif entry.name.lower().endswith(KNOWN_SUFFIXES):
            yield Path(entry.path)


def _file_date(path: Path) -> str | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).date().isoformat()
    except OSError:
        return None


def _read_one(path: Path, options: ReadOptions) -> Iterator[Article | ReadError]:
    kind = kind_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path, options.fields)
        return
    if kind == "warc":
        yield from read_warc(path)
        return
    try:
        yield read_html_file(path) if kind == "html" else read_text_file(path)
    except InputError as exc:
        yield ReadError(str(path), str(exc))


def iter_articles(paths: list[str], options: ReadOptions | None = None) -> Iterator[Article | ReadError]:
    """Articles from files and directories; every failure is a ``ReadError`` item, never an exception."""
    options = options or ReadOptions()
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        for result in _read_one(item, options):
            if isinstance(result, Article) and not result.published:
                if options.published:
                    result.published = options.published
                elif options.published_from_metadata:
                    result.published = result.fetched or _file_date(item)
            yield result


def estimate_count(paths: list[str], limit_bytes: int = 2_000_000_000) -> int | None:
    """Documents to expect, for a progress bar's ETA: files, plus lines of plain JSONL.
    None when a compressed or WARC file makes counting as costly as reading."""
    total = 0
    read_bytes = 0
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            continue
        kind = kind_of(item)
        if kind == "warc" or str(item).endswith(".gz"):
            return None
        if kind == "jsonl":
            try:
                read_bytes += item.stat().st_size
                if read_bytes > limit_bytes:
                    return None
                with item.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                continue
        else:
            total += 1
    return total


