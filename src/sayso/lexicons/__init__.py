"""Lexicons are package data: each file starts with ``#`` lines saying where its facts come from.

Loaders here read them once per process (``lru_cache``) with ``importlib.resources``; callers get
immutable structures (frozensets, tuples, dicts they must not mutate).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def read_lines(name: str) -> list[str]:
    """The data lines of a lexicon file: header comments and blank lines dropped."""
    text = resources.files("sayso.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon; the first data line is the column header and is skipped."""
    lines = read_lines(name)
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines[1:])


@lru_cache(maxsize=None)
def read_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in read_lines(name))


@lru_cache(maxsize=None)
def read_words(name: str) -> frozenset[str]:
    """A one-entry-per-line word list (lower-cased)."""
    return frozenset(line.strip().lower() for line in read_lines(name))


def entity_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns (countries, capitals, outlets) added before ``ner``; built by the actors
    module from its lexicons so the gazetteer and actor canonicalisation share one source of truth."""
    from sayso.extract.gazetteer import build_entity_patterns

    return build_entity_patterns()
