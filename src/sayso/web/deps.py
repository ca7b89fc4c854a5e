"""Request dependencies: a cursor on the corpus, and the extraction the Paste page and the API share."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import duckdb
from fastapi import Request

from sayso.report import Report

# One parse at a time: the model is shared by the worker threads and a parse already uses a core.
_EXTRACT_LOCK = threading.Lock()


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    cur = request.app.state.corpus.cursor()
    try:
        yield cur
    finally:
        cur.close()


def run_extract(request: Request, text: str, *, published: str | None = None, title: str | None = None) -> Report:
    from sayso.api import extract

    with _EXTRACT_LOCK:
        return extract(text, published=published, title=title, settings=request.app.state.settings)
