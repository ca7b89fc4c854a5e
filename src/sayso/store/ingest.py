"""``sayso ingest``: read -> skip what is stored -> extract (``sayso.extract_many``) -> write in batches.

Everything streams: readers yield one Article at a time, extraction keeps a bounded number of batches in
flight, and the writer commits every ``write_batch`` reports, so memory does not grow with the corpus.
Articles already in the store (same normalised-text key) are skipped *before* extraction, which makes a
rerun after a crash cheap and exact: committed batches are skipped, the torn one is redone.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sayso.read.article import Article, ReadError
from sayso.read.files import ReadOptions, iter_articles
from sayso.settings import Settings
from sayso.store.db import connect
from sayso.store.keys import article_key
from sayso.store.writer import BatchResult, StoredReport, StoreWriter

log = logging.getLogger(__name__)

MAX_KEPT_FAILURES = 1000  # reasons kept in memory for the summary; all of them go to the errors table


@dataclass
class IngestOptions:
    db_path: str | None = None
    workers: int = 1
    write_batch: int = 64
    memory_limit_mb: int = 512
    read: ReadOptions = field(default_factory=ReadOptions)
    settings: Settings | None = None


@dataclass
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    linked: int = 0  # ingested articles that joined a story already seen (near-duplicates)
    failed: int = 0
    failures: list[ReadError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.ingested + self.duplicates + self.failed

    def add_failures(self, errors: list[ReadError]) -> None:
        self.failed += len(errors)
        room = MAX_KEPT_FAILURES - len(self.failures)
        self.failures.extend(errors[:max(room, 0)])


Progress = Callable[[IngestSummary], None]


class _Run:
    """One ingest run's state: the writer, the counters, the pending errors and the in-run keys."""

    def __init__(self, writer: StoreWriter, summary: IngestSummary, progress: Progress | None) -> None:
        self.writer = writer
        self.summary = summary
        self.progress = progress
        self.errors: list[ReadError] = []
        self.seen: set[str] = set()

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.summary)

    def fresh_articles(self, items: Iterator[Article | ReadError], pending: deque[Article]) -> Iterator[Article]:
        """Articles not yet stored nor seen in this run; ReadErrors are set aside for the errors table."""
        for item in items:
            if isinstance(item, ReadError):
                self.errors.append(item)
                self.summary.add_failures([item])
                if len(self.errors) >= 256:
                    self.flush_errors()
                self.tick()
                continue
            key = article_key(item.text)
            if key in self.seen or self.writer.known_keys([key]):
                self.summary.duplicates += 1
                self.tick()
                continue
            self.seen.add(key)
            pending.append(item)
            yield item

    def flush_errors(self) -> None:
        if self.errors:
            self.writer.write_errors(self.errors)
            self.errors = []

    def write(self, batch: list[StoredReport]) -> None:
        result: BatchResult = self.writer.write_batch(batch)
        self.summary.ingested += len(result.stored)
        self.summary.duplicates += result.duplicates
        self.summary.linked += result.linked
        if result.failed:
            self.errors.extend(result.failed)
            self.summary.add_failures(result.failed)
        self.flush_errors()
        self.tick()


def _reports(articles: Iterator[Article], options: IngestOptions, settings: Settings):  # noqa: ANN202
    if options.workers <= 1:
        from sayso.api import extract_many

        yield from extract_many(articles, settings=settings, batch_size=settings.batch_size)
        return
    from sayso.api import ExtractorPool

    with ExtractorPool(options.workers, batch_size=settings.batch_size, model=settings.model) as pool:
        yield from pool.extract_many(articles)


def ingest(paths: list[str], options: IngestOptions | None = None, progress: Progress | None = None) -> IngestSummary:
    """Store every article under ``paths``; failures go to the ``errors`` table and the run goes on."""
    options = options or IngestOptions()
    settings = options.settings or Settings.from_env()
    summary = IngestSummary()
    start = time.perf_counter()
    con = connect(options.db_path)
    try:
        # DuckDB's cache would otherwise grow towards 80% of RAM on a big store; batches need little.
        con.execute(f"SET memory_limit = '{options.memory_limit_mb}MB'")
        run = _Run(StoreWriter(con), summary, progress)
        pending: deque[Article] = deque()
        articles = run.fresh_articles(iter_articles(paths, options.read), pending)
        batch: list[StoredReport] = []
        for report in _reports(articles, options, settings):
            article = pending.popleft()
            if article.id != report.article.id:  # extraction keeps order; a mismatch is a bug, not data
                raise RuntimeError("extraction returned reports out of order")
            batch.append(StoredReport(report, article.fetched))
            if len(batch) >= options.write_batch:
                run.write(batch)
                batch = []
        run.write(batch)
        run.flush_errors()
        con.execute("CHECKPOINT")
    finally:
        con.close()
        summary.seconds = time.perf_counter() - start
    return summary
