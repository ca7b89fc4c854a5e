"""Country lookups: names, aliases, capitals (as metonyms: "Beijing" acts for China) and demonyms.

pycountry gives every ISO 3166-1 country its official and common names; the countries lexicon
(``lexicons/en/countries.tsv``) adds the short forms newsrooms use ("Russia", "Britain", "the US"),
demonyms and capitals, which the library lacks. Lookups are case-sensitive first (so the pronoun "us"
never becomes the United States), then case-insensitive for longer names ("CHINA" in a shouting
headline).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

_POSSESSIVE = ("’s", "'s", "’", "'")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


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


@dataclass(frozen=True)
class CountryTables:
    exact: Mapping[str, str]  # name, alias or capital -> ISO alpha-3
    folded: Mapping[str, str]  # the same, case-folded, for keys longer than three letters
    demonyms: Mapping[str, str]  # "Chinese" -> "CHN"
    names: Mapping[str, str]  # ISO alpha-3 -> the short name written in reports
    adjectives: Mapping[str, str]  # ISO alpha-3 -> its first demonym ("CHN" -> "Chinese")

    @classmethod
    def build(cls, rows: tuple[tuple[str, ...], ...]) -> CountryTables:
        """From the lexicon's rows (iso3, name, aliases, demonyms, capitals), then pycountry's names."""
        import pycountry

        exact: dict[str, str] = {}
        names: dict[str, str] = {}
        demonyms: dict[str, str] = {}
        for row in rows:
            iso3, name, aliases, dems, caps = (list(row) + [""] * 5)[:5]
            names[iso3] = name
            for text in [name, *_split(aliases), *_split(caps)]:
                exact.setdefault(text, iso3)
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
        adjectives: dict[str, str] = {}
        for dem, iso3 in demonyms.items():
            adjectives.setdefault(iso3, dem)
        return cls(MappingProxyType(exact), MappingProxyType(folded), MappingProxyType(demonyms),
                   MappingProxyType(names), MappingProxyType(adjectives))

    def code(self, text: str) -> str | None:
        """ISO alpha-3 of a country name, alias or capital; None otherwise."""
        key = clean(text)
        return self.exact.get(key) or self.exact.get("the " + key) or (
            self.folded.get(key.casefold()) if len(key) > 3 else None)

    def demonym(self, text: str) -> str | None:
        """ISO alpha-3 of a demonym ("Chinese"), also in upper case ("CHINESE")."""
        return self.demonyms.get(text.strip()) or self.demonyms.get(text.strip().title())

    def name(self, iso3: str) -> str:
        return self.names.get(iso3, iso3)

    def adjective(self, iso3: str) -> str | None:
        return self.adjectives.get(iso3)
