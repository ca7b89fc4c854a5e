"""Country lookups: names, aliases, capitals (as metonyms: "Beijing" acts for China) and demonyms.

pycountry gives every ISO 3166-1 country its official and common names; ``lexicons/en/countries.tsv`` adds
the short forms newsrooms use ("Russia", "Britain", "the US"), demonyms and capitals, which the library
lacks. Lookups are case-sensitive first (so the pronoun "us" never becomes the United States), then
case-insensitive for longer names ("CHINA" in a shouting headline).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sayso.lexicons import read_tsv

_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass(frozen=True)
class CountryTables:
    exact: dict[str, str]  # name, alias or capital -> ISO alpha-3
    folded: dict[str, str]  # the same, case-folded, for keys longer than three letters
    capitals: frozenset[str]
    demonyms: dict[str, str]  # "Chinese" -> "CHN"
    names: dict[str, str]  # ISO alpha-3 -> the short name written in reports


def _cells(row: tuple[str, ...], n: int) -> list[str]:
    return list(row) + [""] * (n - len(row))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@lru_cache(maxsize=1)
def tables() -> CountryTables:
    import pycountry

    exact: dict[str, str] = {}
    names: dict[str, str] = {}
    capitals: set[str] = set()
    demonyms: dict[str, str] = {}
    for row in read_tsv("countries.tsv"):
        iso3, name, aliases, dems, caps = _cells(row, 5)[:5]
        names[iso3] = name
        for text in [name, *_split(aliases), *_split(caps)]:
            exact.setdefault(text, iso3)
        capitals.update(_split(caps))
        for dem in _split(dems):
            demonyms.setdefault(dem, iso3)
    for country in pycountry.countries:
        iso3 = country.alpha_3
        forms = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
        for form in forms:
            if form and "," not in form:
                exact.setdefault(form, iso3)
        short = forms[0] or (country.name if "," not in country.name else None)
        names.setdefault(iso3, short or country.name)
    folded = {k.casefold(): v for k, v in exact.items() if len(k) > 3}
    return CountryTables(exact, folded, frozenset(capitals), demonyms, names)


def clean(text: str) -> str:
    """Drop a leading "the" and a trailing possessive: "the US’s" -> "US"."""
    text = text.strip()
    for mark in _POSSESSIVE:
        if text.endswith(mark):
            text = text[: -len(mark)].rstrip()
            break
    if text[:4].lower() == "the ":
        text = text[4:]
    return text


def country_code(text: str) -> str | None:
    """ISO alpha-3 of a country name, alias or capital; None otherwise."""
    t = tables()
    key = clean(text)
    return t.exact.get(key) or t.exact.get("the " + key) or (t.folded.get(key.casefold()) if len(key) > 3 else None)


def demonym_code(text: str) -> str | None:
    t = tables()
    return t.demonyms.get(text.strip()) or t.demonyms.get(text.strip().title())


def country_name(iso3: str) -> str:
    return tables().names.get(iso3, iso3)


def is_capital(text: str) -> bool:
    return clean(text) in tables().capitals
