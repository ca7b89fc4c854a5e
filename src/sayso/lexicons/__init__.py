"""Lexicons are package data: each file starts with ``#`` lines saying where its facts come from.

Files live in one folder per language (``en/``: word lists, names, patterns) and ``shared/`` (tables
that hold no words of any language, such as CAMEO and PLOVER codes). A loader asked for ``name`` in
language ``lang`` reads ``lang/name``, else ``shared/name``: a second language adds its own folder and
inherits the shared tables. Loaders read a file once per process (``lru_cache``: the set of files is
fixed, so the caches stay small); callers get immutable structures (frozensets, tuples).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

DEFAULT_LANGUAGE = "en"
SHARED = "shared"


def lexicon_file(name: str, lang: str = DEFAULT_LANGUAGE) -> Traversable:
    """The file behind a lexicon name: the language's own, else the shared one."""
    root = resources.files("sayso.lexicons")
    own = root.joinpath(lang, name)
    if own.is_file():
        return own
    shared = root.joinpath(SHARED, name)
    if shared.is_file():
        return shared
    raise FileNotFoundError(f"no lexicon {name!r} for language {lang!r} (looked in {lang}/ and {SHARED}/)")


def read_lines(name: str, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The data lines of a lexicon file: header comments and blank lines dropped."""
    text = lexicon_file(name, lang).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def read_tsv(name: str, lang: str = DEFAULT_LANGUAGE) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon; the first data line is the column header and is skipped."""
    lines = read_lines(name, lang)
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines[1:])


@lru_cache(maxsize=None)
def read_jsonl(name: str, lang: str = DEFAULT_LANGUAGE) -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in read_lines(name, lang))


@lru_cache(maxsize=None)
def read_words(name: str, lang: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """A one-entry-per-line word list (lower-cased)."""
    return frozenset(line.strip().lower() for line in read_lines(name, lang))
