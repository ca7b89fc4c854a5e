"""The actor lexicons as typed tables: outlets, organisations, roles, group nouns, regions, pronouns.

Loaded once per process; the gazetteer (EntityRuler patterns) and the resolver read the same tables, so
what the NER is taught and what the resolver canonicalises never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sayso.lexicons import read_tsv, read_words


@dataclass(frozen=True)
class Named:
    """An outlet or organisation: its canonical name, how texts write it, its country and sector."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    state_media: bool = False
    media: bool = False


@dataclass(frozen=True)
class Role:
    role: str
    sector: str | None


@dataclass(frozen=True)
class Region:
    adjective: str
    group: str
    nouns: tuple[str, ...]


def _cells(row: tuple[str, ...], n: int) -> list[str]:
    return list(row) + [""] * (n - len(row))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@lru_cache(maxsize=1)
def outlets() -> tuple[Named, ...]:
    rows = (_cells(r, 5) for r in read_tsv("outlets.tsv"))
    return tuple(
        Named(name, _split(aliases), country or None, "JRN", state_media=flag.strip() == "1", media=True)
        for name, aliases, country, flag, _basis in (r[:5] for r in rows)
    )


@lru_cache(maxsize=1)
def organizations() -> tuple[Named, ...]:
    rows = (_cells(r, 4) for r in read_tsv("organizations.tsv"))
    return tuple(
        Named(name, _split(aliases), country.strip() or None, sector.strip() or None)
        for name, aliases, country, sector in (r[:4] for r in rows)
    )


@lru_cache(maxsize=1)
def named_by_text() -> dict[str, Named]:
    """Every outlet and organisation name/alias (case-sensitive) -> its record; outlets win ties."""
    table: dict[str, Named] = {}
    for item in (*outlets(), *organizations()):
        for text in (item.name, *item.aliases):
            table.setdefault(text, item)
    return table


@lru_cache(maxsize=1)
def roles() -> dict[str, Role]:
    """Role words in lower case ("prime minister") -> canonical role and sector."""
    return {word: Role(role, sector or None) for word, role, sector in (_cells(r, 3)[:3] for r in read_tsv("roles.tsv"))}


@lru_cache(maxsize=1)
def group_nouns() -> dict[str, str | None]:
    """Plural group nouns ("officials") -> PLOVER sector."""
    return {noun: sector or None for noun, sector in (_cells(r, 2)[:2] for r in read_tsv("group_nouns.tsv"))}


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    """Region adjectives ("Western") -> the group they name."""
    return {
        adj: Region(adj, group, _split(nouns)) for adj, group, nouns in (_cells(r, 3)[:3] for r in read_tsv("regions.tsv"))
    }


@lru_cache(maxsize=1)
def pronouns() -> dict[str, str]:
    """Third-person pronouns (lower case) -> "person" or "thing"."""
    return {word: refers for word, refers in (_cells(r, 2)[:2] for r in read_tsv("pronouns.tsv"))}


def honorifics() -> frozenset[str]:
    return read_words("honorifics.txt")
