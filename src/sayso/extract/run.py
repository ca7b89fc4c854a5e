"""The per-document runner: parse a stream of articles, run the extraction components on each whole
Doc, and assemble one report per article, in input order.

Why components run here and not inside ``nlp.pipe``: a text over ``MAX_CHUNK_CHARS`` is parsed in
chunks joined with ``Doc.from_docs``, which keeps the parse but drops what components wrote on each
chunk. So the model parses with the sayso components disabled and they run once on each joined Doc.

This is also the one failure boundary of extraction: a document whose components or assembly raise
gets an empty report whose warning carries the reason (and a logged traceback); the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from sayso.extract.assemble import build_report, empty_report
from sayso.extract.doc_fields import release
from sayso.nlp import SAYSO_COMPONENTS, split_for_parsing
from sayso.read.article import Article
from sayso.report import Report

log = logging.getLogger(__name__)

_NO_TENSOR = numpy.zeros((0,), dtype="float32")


def reports(articles: Iterable[Article], nlp: Language, batch_size: int) -> Iterator[Report]:
    """One report per article, in order."""
    for article, doc in parse(articles, nlp, batch_size):
        yield safe_report(nlp, doc, article)


def parse(articles: Iterable[Article], nlp: Language, batch_size: int) -> Iterator[tuple[Article, Doc]]:
    """Parse articles in order, without the sayso components. Long texts are cut into paragraph-aligned
    chunks that are parsed in the same stream and joined back with ``Doc.from_docs``, so offsets still
    index the original text."""

    def chunks() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            pieces = split_for_parsing(article.text) if article.text else [""]
            for i, piece in enumerate(pieces):
                yield piece, (article, i, len(pieces))

    pending: list[Doc] = []
    stream = nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size, disable=list(SAYSO_COMPONENTS))
    for doc, (article, i, n) in stream:
        doc.tensor = _NO_TENSOR  # the rules never read tok2vec output; 384 bytes a token saved
        if n == 1:
            yield article, doc
            continue
        pending.append(doc)
        if i == n - 1:
            merged = Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield article, merged


def run_components(nlp: Language, doc: Doc, published: str | None) -> Doc:
    """Run the sayso components, in order, on one parsed Doc."""
    doc._.sayso_published = published
    for name in SAYSO_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def safe_report(nlp: Language, doc: Doc, article: Article) -> Report:
    """The article's report; if extraction fails, an empty report with the reason as a warning."""
    try:
        return build_report(run_components(nlp, doc, article.published), article)
    except Exception as exc:  # the one failure boundary: the batch goes on, the reason is kept
        log.exception("extraction failed for %s", article.path or article.id[:12])
        return empty_report(article, f"extraction failed: {type(exc).__name__}: {exc}")
    finally:
        release(doc)
