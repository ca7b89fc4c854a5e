"""The public entry points: ``extract`` for one text, ``extract_many`` for a stream of them."""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

import numpy

from spacy.tokens import Doc

from sayso.extract.attribution.component import EXTENSION as ATTRIBUTION_EXTENSION
from sayso.extract.attribution.component import FACTORY as ATTRIBUTION
from sayso.extract.pipeline import build_report, empty_report
from sayso.nlp import load_pipeline, split_for_parsing
from sayso.read.article import Article
from sayso.report import Report
from sayso.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 16
_NO_TENSOR = numpy.zeros((0,), dtype="float32")


def _as_article(item: str | Article) -> Article:
    return item if isinstance(item, Article) else Article(text=item)


def _safe_build(doc: Doc, article: Article) -> Report:
    """One document's extraction failing must not stop a batch: keep an empty report with the reason."""
    try:
        return build_report(doc, article)
    except Exception as exc:  # noqa: BLE001 - the batch goes on; the warning carries the reason
        log.exception("extraction failed for %s", article.path or article.id[:12])
        return empty_report(article, f"extraction failed: {type(exc).__name__}: {exc}")


def _parse_stream(articles: Iterable[Article], model: str | None, batch_size: int) -> Iterator[tuple[Article, Doc]]:
    """Parse articles in order. Long texts are cut into paragraph-aligned chunks that are parsed in the
    same stream and joined back with ``Doc.from_docs`` so offsets still index the original text. The
    attribution component runs on the joined Doc (``Doc.from_docs`` would drop what it set per chunk)."""
    nlp = load_pipeline(model)
    attribute = nlp.get_pipe(ATTRIBUTION)

    def chunks() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            pieces = split_for_parsing(article.text) if article.text else [""]
            for i, piece in enumerate(pieces):
                yield piece, (article, i, len(pieces))

    pending: list[Doc] = []
    for doc, (article, i, n) in nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size, disable=[ATTRIBUTION]):
        doc.tensor = _NO_TENSOR  # the rules never read tok2vec output; 384 bytes a token saved
        if n == 1:
            yield article, attribute(doc)
            continue
        pending.append(doc)
        if i == n - 1:
            merged = Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield article, attribute(merged)


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


def _reports_in_process(articles: Iterable[Article], model: str | None, batch_size: int) -> Iterator[Report]:
    for article, doc in _parse_stream(articles, model, batch_size):
        report = _safe_build(doc, article)
        # The attributions hold Spans of the Doc: a reference cycle that would keep every Doc (and its
        # arrays) alive until the cyclic GC runs (+10 MB peak RSS on the VOA stories). Release it.
        doc._.set(ATTRIBUTION_EXTENSION, None)
        yield report


# --- multiprocess: each worker loads the model once and does parse + extraction, so both scale ---

def _init_worker(model: str | None) -> None:
    load_pipeline(model)  # the worker's one model, loaded before its first batch


def _work(batch: list[Article], model: str | None, batch_size: int) -> list[Report]:
    return list(_reports_in_process(batch, model, batch_size))


class ExtractorPool:
    """Worker processes that each load the model once and run parse + extraction, so both scale.

    Reuse one pool across calls to pay the model load once (``sayso ingest`` and the benchmarks do);
    ``extract_many(n_process=N)`` makes a temporary one.
    """

    def __init__(self, n_process: int, *, batch_size: int = DEFAULT_BATCH_SIZE, model: str | None = None) -> None:
        from sayso.nlp import resolve_model_name

        self.n_process = n_process
        self.batch_size = batch_size
        self.model = resolve_model_name(model)  # fail here, with one clear message, not in every worker
        ctx = multiprocessing.get_context("spawn")
        self._pool = ctx.Pool(n_process, initializer=_init_worker, initargs=(self.model,))

    def extract_many(self, items: Iterable[str | Article]) -> Iterator[Report]:
        """Reports in input order; at most ``2 * n_process`` batches in flight, so memory stays bounded
        however long the input stream is."""
        articles = (_as_article(item) for item in items)
        in_flight: deque = deque()
        for batch in iter(lambda: list(islice(articles, self.batch_size)), []):
            in_flight.append(self._pool.apply_async(_work, (batch, self.model, self.batch_size)))
            if len(in_flight) >= 2 * self.n_process:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()

    def warm_up(self) -> None:
        """Wait until every worker has loaded its model (for timings that exclude model load)."""
        warm = [([Article(text="Warm up, he said.")], self.model, self.batch_size)] * self.n_process
        self._pool.starmap(_work, warm, chunksize=1)

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        else:
            self._pool.terminate()


def extract_many(
    items: Iterable[str | Article],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    settings: Settings | None = None,
) -> Iterator[Report]:
    """Stream reports in input order, in this process or in ``n_process`` worker processes."""
    settings = settings or Settings.from_env()
    if n_process <= 1:
        articles = (_as_article(item) for item in items)
        yield from _reports_in_process(articles, settings.model, batch_size)
        return
    with ExtractorPool(n_process, batch_size=batch_size, model=settings.model) as pool:
        yield from pool.extract_many(items)
