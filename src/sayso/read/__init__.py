"""Readers: txt, HTML, JSONL and WARC -> Article. A reader never raises on one bad document; it yields a
``ReadError`` for it and goes on."""

from sayso.read.article import Article, ReadError
from sayso.read.fields import FieldMap
from sayso.read.files import ReadOptions, estimate_count, iter_articles, iter_files
from sayso.read.html import article_from_html
from sayso.read.text import article_from_bytes, read_text_file

__all__ = [
    "Article", "FieldMap", "ReadError", "ReadOptions", "article_from_bytes", "article_from_html",
    "estimate_count", "iter_articles", "iter_files", "read_text_file",
]
