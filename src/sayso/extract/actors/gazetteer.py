"""Entity patterns for the EntityRuler placed before ``ner`` (countries, capitals, demonyms, outlets,
organisations).

Why: the small English model tags "Kyiv" as a person and misses "RIA"; names the ruler has already
claimed are kept by ``ner``, which predicts around them. Each pattern carries an ``id``
("country:UKR", "outlet:RIA Novosti", "org:NATO", "demonym:CHN") that the actor resolver reads back from
``ent.ent_id_``, so recognition and canonicalisation share one table.
"""

from __future__ import annotations

from typing import Any

from sayso.extract.actors.lexicons import outlets, organizations
from sayso.extract.actors.countries import tables

# Country names that are also common given names or US states: left to the model's judgement.
_AMBIGUOUS = frozenset({"Chad", "Jordan", "Georgia", "Washington", "Santiago", "Niger", "Turkey", "Lima"})


def build_entity_patterns() -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    t = tables()
    for text, iso3 in t.exact.items():
        if text in _AMBIGUOUS or text.startswith("the ") or len(text) < 2:
            continue
        patterns.append({"label": "GPE", "pattern": text, "id": f"country:{iso3}"})
    for text, iso3 in t.demonyms.items():
        patterns.append({"label": "NORP", "pattern": text, "id": f"demonym:{iso3}"})
    for item in outlets():
        for text in (item.name, *item.aliases):
            patterns.append({"label": "ORG", "pattern": text, "id": f"outlet:{item.name}"})
    for item in organizations():
        for text in (item.name, *item.aliases):
            patterns.append({"label": "ORG", "pattern": text, "id": f"org:{item.name}"})
    return patterns
