"""The public entry points: ``extract`` for one text, ``extract_many`` for a stream of them, and the
extractors behind them: in this process, or in a pool of worker processes (``ExtractorPool``). Both
cut the stream into batches with the one batching loop (``sayso.batching``)."""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from sayso.batching import run_batches
from sayso.errors import SaysoError
from sayso.extract.run import reports as extract_reports
from sayso.nlp import load_pipeline, resolve_model_name
from sayso.read.article import Article
from sayso.report import Report
from sayso.settings import DEFAULT_BATCH_SIZE, Settings

Batches = Iterator[tuple[list[Article], list[Report]]]


def _as_article(item: str | Article) -> Article:
    return item if isinstance(item, Article) else Article(text=item)


def extract(
    text: str,
    *,
    published: str | None = None,
    path: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Report:
    """Extract the report of one article's text."""
    settings = settings or Settings.from_env()
    article = Article(text=text, published=published, path=path, title=title)
    return next(extract_many([article], settings=settings))




def _work(batch: list[Article], model: str | None, batch_size: int) -> list[Report]:
    return list(extract_reports(batch, load_pipeline(model), batch_size))


class LocalExtractor:
    """Extraction in this process; the model loads with the first batch. Like ``ExtractorPool``, it
    turns a stream of articles into (batch, reports) pairs in input order (``extract_batches``)."""

    def __init__(self, *, batch_size: int = DEFAULT_BATCH_SIZE, model: str | None = None) -> None:
        self.batch_size = batch_size
        self.model = model

    def extract_batches(self, articles: Iterable[Article]) -> Batches:
        return run_batches(articles, self.batch_size, lambda batch: _work(batch, self.model, self.batch_size),
                           lambda reports: reports)

    def close(self) -> None:
        """Nothing to release: the model stays loaded for the process."""

    def __enter__(self) -> LocalExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- multiprocess: each worker loads the model once and does parse + extraction, so both scale ---

GUARD_HINT = ("a script that uses worker processes must run them under `if __name__ == \"__main__\":` "
              "(each worker re-imports the main script)")


def _refuse_pool_in_bootstrapping_worker() -> None:
    """A spawned worker imports the main script before it takes work. A script without the
    ``__main__`` guard then asks for a pool again from inside the worker, which multiprocessing refuses
    with a traceback, and the pool would start new workers forever. Stop here with one line instead; the
    parent sees its pool break and says why (``multiprocessing`` makes the same check with this flag)."""
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise SystemExit(f"sayso: worker stopped: {GUARD_HINT}")


def _init_worker(model: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    load_pipeline(model)  # the worker's one model, loaded before its first batch


class ExtractorPool:
    """Worker processes that each load the model once and run parse + extraction, so both scale.

    Reuse one pool across calls to pay the model load once (``sayso ingest`` and the benchmarks do);
    ``extract_many(n_process=N)`` makes a temporary one. A worker that dies (killed, out of memory)
    breaks the pool: the next result raises ``SaysoError`` instead of waiting forever.
    """

    def __init__(self, n_process: int, *, batch_size: int = DEFAULT_BATCH_SIZE, model: str | None = None) -> None:
        _refuse_pool_in_bootstrapping_worker()
        self.n_process = n_process
        self.batch_size = batch_size
        self.model = resolve_model_name(model)  # fail here, with one clear message, not in every worker
        self._executor = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_init_worker, initargs=(self.model,))

    def _submit(self, batch: list[Article]) -> Future[list[Report]]:
        try:
            return self._executor.submit(_work, batch, self.model, self.batch_size)
        except BrokenProcessPool:
            raise self._broken() from None

    def _collect(self, future: Future[list[Report]]) -> list[Report]:
        try:
            return future.result()
        except BrokenProcessPool:
            raise self._broken() from None

    def _broken(self) -> SaysoError:
        self._terminate()
        return SaysoError(f"an extraction worker process died (killed or out of memory?); {GUARD_HINT}")

    def extract_batches(self, articles: Iterable[Article]) -> Batches:
        """At most ``2 * n_process`` batches in flight: each worker has the next batch waiting."""
        return run_batches(articles, self.batch_size, self._submit, self._collect, in_flight=2 * self.n_process)

    def extract_many(self, items: Iterable[str | Article]) -> Iterator[Report]:
        """Reports in input order; memory stays bounded however long the input stream is."""
        for _, reports in self.extract_batches(_as_article(item) for item in items):
            yield from reports

    def warm_up(self) -> None:
        """Wait until the workers have loaded their model (for timings that exclude model load)."""
        warm = [self._submit([Article(text="Warm up, he said.")]) for _ in range(self.n_process)]
        for future in warm:
            self._collect(future)

    def _terminate(self) -> None:
        """Stop the workers now, mid-batch (there is no public way before Python 3.14)."""
        for process in list((getattr(self._executor, "_processes", None) or {}).values()):
            process.terminate()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._executor.shutdown(wait=True)

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        else:
            self._terminate()


def extractor(n_process: int = 1, *, batch_size: int = DEFAULT_BATCH_SIZE, model: str | None = None) -> LocalExtractor | ExtractorPool:
    """This process for one, a pool of worker processes for more."""
    if n_process <= 1:
        return LocalExtractor(batch_size=batch_size, model=model)
    return ExtractorPool(n_process, batch_size=batch_size, model=model)


def extract_many(
    items: Iterable[str | Article],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    settings: Settings | None = None,
) -> Iterator[Report]:
    """Stream reports in input order, in this process or in ``n_process`` worker processes."""
    settings = settings or Settings.from_env()
    with extractor(n_process, batch_size=batch_size, model=settings.model) as ex:
        for _, reports in ex.extract_batches(_as_article(item) for item in items):
            yield from reports
