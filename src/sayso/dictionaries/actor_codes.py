"""CAMEO actor codes (``RUSGOV``, ``IGOUNOKID``, ``~MIL``, ``NGO~``) -> country, PLOVER entity and sectors.

A code is 3-letter elements read left to right (``lexicons/shared/cameo_sectors.tsv`` says what each
element is): the first is a country (ISO 3166-1 alpha-3, or a CAMEO country code the table maps), an
organisation type (IGO, NGO, IMG, MNC) or a region; the others are sectors (GOV, MIL, ...; religions are
REL, listed after the organisation's own sector) or, after IGO, which one (UNO, EUR). Elements the table does not know (KID, ALQ, ...) are kept in the
raw code only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycountry

from sayso.lexicons import read_tsv

NULL_CODE = "---"


@dataclass(frozen=True)
class ActorCode:
    code: str
    country: str | None  # ISO 3166-1 alpha-3 (or PLOVER's KOS)
    entity: str | None  # PLOVER non-state entity: IGO, UNO, EUR, NGO, IMG, MNC
    sector: str | None  # the first sector named, else the organisation's default
    other_sectors: tuple[str, ...]


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, tuple[str, str]]]:
    """kind -> element -> (value, sector)."""
    table: dict[str, dict[str, tuple[str, str]]] = {}
    for row in read_tsv("cameo_sectors.tsv"):
        padded = (*row, "", "")[:4]
        table.setdefault(padded[1], {})[padded[0]] = (padded[2], padded[3])
    return table


@lru_cache(maxsize=512)
def _is_iso_country(element: str) -> bool:
    return pycountry.countries.get(alpha_3=element) is not None


def decode(code: str) -> ActorCode:
    """What one actor or agent code says (agent codes keep their '~' outside: pass ``~GOV`` as ``GOV``)."""
    raw = code.strip().strip("~").upper()
    if not raw or raw == NULL_CODE:
        return ActorCode(code, None, None, None, ())
    table = _table()
    elements = [raw[i : i + 3] for i in range(0, len(raw), 3)]
    country = entity = None
    sectors: list[str] = []
    first, rest = elements[0], elements[1:]
    if first in table.get("country", {}):
        country = table["country"][first][0] or None
    elif first in table.get("org", {}):
        entity, default_sector = table["org"][first]
        if default_sector:
            sectors.append(default_sector)
    elif first in table.get("sector", {}):
        sectors.append(table["sector"][first][0])
    elif first not in table.get("region", {}) and _is_iso_country(first):
        country = first
    named: list[str] = []
    for element in rest:
        if element in table.get("igo", {}) and entity == "IGO":
            entity = table["igo"][element][0]
        elif element in table.get("sector", {}):
            named.append(table["sector"][element][0])
    # a named sector beats the organisation's default ("NGOHLH" is MED, not NGO); a religion does not
    # ("IMGMUSALQ" stays REB, with REL beside it)
    sectors = [s for s in named if s != "REL"] + sectors + [s for s in named if s == "REL"]
    unique = list(dict.fromkeys(sectors))
    return ActorCode(code, country, entity, unique[0] if unique else None, tuple(unique[1:]))
