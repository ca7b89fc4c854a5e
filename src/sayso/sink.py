"""Where ingest puts what it extracted: a sink. Ingest is read -> extract -> sink (``sayso.ingest``);
the DuckDB store is the first sink (``store/sink.py``), a Parquet dataset written from a cluster can be
another. A sink knows which articles it holds, so ingest skips them before extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from sayso.read.article import ReadError
from sayso.report import Report


@dataclass
class StoredReport:
    """A report with what the reader knew beyond it (the crawl date of a WARC record)."""

    report: Report
    fetched: str | None = None


@dataclass
class BatchResult:
    stored: list[str] = field(default_factory=list)  # article ids
    duplicates: int = 0  # already stored, or twice in the batch
    linked: int = 0  # articles that joined a story already known (near-duplicates)
    failed: list[ReadError] = field(default_factory=list)  # reports that could not be stored


class Sink(Protocol):
    def known_keys(self, keys: list[str]) -> set[str]:
        """The article keys (``Article.key``: the normalised text's sha256) the sink holds already."""
        ...

    def write(self, reports: list[StoredReport], errors: list[ReadError]) -> BatchResult:
        """Store a batch of reports and the read errors met since the last batch. A report that cannot be
        stored costs only itself: it comes back in ``failed`` and is recorded with the errors."""
        ...

    def close(self) -> None:
        """Make everything written durable and release the sink."""
        ...
