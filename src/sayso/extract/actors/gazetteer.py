"""Entity patterns for the EntityRuler placed before ``ner`` (countries, capitals, demonyms, outlets,
organisations).

Why: the small English model tags "Kyiv" as a person and misses "RIA"; names the ruler has already
claimed are kept by ``ner``, which predicts around them. Each pattern carries an ``id``
("country:UKR", "outlet:RIA Novosti", "org:NATO", "demonym:CHN") that actor recognition reads back from
``ent.ent_id_``, so recognition and canonicalisation share one lexicon.
"""

from __future__ import annotations

from typing import Any

from sayso.extract.actors.lexicon import ActorLexicon


def build_entity_patterns(lex: ActorLexicon) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    countries = lex.countries
    for text, iso3 in countries.exact.items():
        if text in lex.ambiguous_places or text.startswith("the ") or len(text) < 2:
            continue
        patterns.append({"label": "GPE", "pattern": text, "id": f"country:{iso3}"})
    for text, iso3 in countries.demonyms.items():
        patterns.append({"label": "NORP", "pattern": text, "id": f"demonym:{iso3}"})
    for item in lex.outlets:
        for text in (item.name, *item.aliases):
            patterns.append({"label": "ORG", "pattern": text, "id": f"outlet:{item.name}"})
    for item in lex.organizations:
        for text in (item.name, *item.aliases):
            patterns.append({"label": "ORG", "pattern": text, "id": f"org:{item.name}"})
    return patterns
