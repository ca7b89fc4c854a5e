"""Readers: txt, HTML, JSONL and WARC -> Article. A reader never raises on one bad document; it yields a
``ReadError`` for it and goes on."""

from sayso.read.article import Article, ReadError
from sayso.read.text import read_text_file

__all__ = ["Article", "ReadError", "read_text_file"]


def iter_articles(paths: list[str]):  # noqa: ANN201 - replaced by the corpus readers (issue 3)
    """Articles from files; every failure is a ``ReadError`` item, never an exception."""
    from sayso.errors import InputError

    for path in paths:
        try:
            yield read_text_file(path)
        except InputError as exc:
            yield ReadError(path, str(exc))
