"""``sayso ingest``: read -> extract -> sink.

Everything streams: readers yield one Article at a time, extraction keeps a bounded number of batches in
flight (``sayso.batching``), and the sink commits every ``write_batch`` reports, so memory does not grow
with the corpus. Articles the sink already holds (same normalised-text key) are skipped *before*
extraction, which makes a rerun after a crash cheap and exact: committed batches are skipped, the torn
one is redone. This module sits above both extraction (``sayso.api``) and the store, which knows
nothing of extraction.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sayso.api import extractor
from sayso.batching import batched
from sayso.read.article import Article, ReadError
from sayso.read.files import ReadOptions, iter_articles
from sayso.settings import Settings
from sayso.sink import BatchResult, Sink, StoredReport

log = logging.getLogger(__name__)

MAX_KEPT_FAILURES = 1000  # reasons kept in memory for the summary; all of them go to the sink
ERRORS_PER_WRITE = 256  # read errors are written at least this often, even when no article is fresh


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
    """One ingest run's state: the sink, the counters, the pending read errors and the in-run keys."""

    def __init__(self, sink: Sink, summary: IngestSummary, progress: Progress | None) -> None:
        self.sink = sink
        self.summary = summary
        self.progress = progress
        self.errors: list[ReadError] = []
        self.seen: set[str] = set()

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.summary)

    def fresh_articles(self, items: Iterable[Article | ReadError]) -> Iterator[Article]:
        """Articles neither stored nor seen in this run; read errors are set aside for the sink."""
        for item in items:
            if isinstance(item, ReadError):
                self.errors.append(item)
                self.summary.add_failures([item])
                if len(self.errors) >= ERRORS_PER_WRITE:
                    self.write([])
                self.tick()
                continue
            key = item.key
            if key in self.seen or self.sink.known_keys([key]):
                self.summary.duplicates += 1
                self.tick()
                continue
            self.seen.add(key)
            yield item

    def write(self, batch: list[StoredReport]) -> None:
        """One batch of reports, with the read errors met since the last one."""
        result: BatchResult = self.sink.write(batch, self.errors)
        self.errors = []
        self.summary.ingested += len(result.stored)
        self.summary.duplicates += result.duplicates
        self.summary.linked += result.linked
        self.summary.add_failures(result.failed)
        self.tick()


def ingest(paths: list[str], options: IngestOptions | None = None, progress: Progress | None = None,
           *, sink: Sink | None = None) -> IngestSummary:
    """Store every article under ``paths`` in ``sink`` (default: the DuckDB store at
    ``options.db_path``, closed at the end); failures are recorded there and the run goes on."""
    options = options or IngestOptions()
    settings = options.settings or Settings.from_env()
    summary = IngestSummary()
    start = time.perf_counter()
    own_sink = sink is None
    if sink is None:
        from sayso.store.sink import DuckDBSink

        sink = DuckDBSink(options.db_path, memory_limit_mb=options.memory_limit_mb)
    try:
        run = _Run(sink, summary, progress)
        articles = run.fresh_articles(iter_articles(paths, options.read))
        with extractor(options.workers, batch_size=settings.batch_size, model=settings.model) as ex:
            extracted = ((a, r) for batch, reports in ex.extract_batches(articles) for a, r in zip(batch, reports, strict=True))
            for pairs in batched(extracted, options.write_batch):
                run.write([StoredReport(report, article.fetched) for article, report in pairs])
        run.write([])  # the read errors after the last article
    except BaseException:
        if own_sink:
            _close_after_failure(sink)
        raise
    else:
        if own_sink:
            sink.close()
    finally:
        summary.seconds = time.perf_counter() - start
    return summary


def _close_after_failure(sink: Sink) -> None:
    """Release the sink without hiding the failure being raised: what was committed stays committed."""
    try:
        sink.close()
    except Exception as exc:  # noqa: BLE001 - the run's own error is the one to report; this one is logged
        log.warning("closing the store after a failure also failed: %s", exc)
