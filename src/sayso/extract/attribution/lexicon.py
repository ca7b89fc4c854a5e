"""The attribution word lists and learned tables, loaded once per component from ``lexicons/<lang>/``.

Why one object: the rules used to read lists through module-level caches (one keyed by ``id(vocab)``);
now the component loads them when it is built, passes them to the rules, and writes them with the
pipeline (``to_json``), so a saved pipeline reloads with the lists it was saved with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any

from spacy.tokens import Token

from sayso.lexicons import read_tsv, read_words


class VerbRole(StrEnum):
    """What a reporting verb may do (the ``roles`` column of ``reporting_verbs.tsv``); each names the
    lexicon's field holding the verbs of that role."""

    SPEECH = "speech"
    TRAILING = "trailing"
    EVIDENCE = "evidence"
    ADDRESS = "address"
    PASSIVE_HEDGE = "passive_hedge"
    PASSIVE_QUOTED = "passive_quoted"


@dataclass(frozen=True)
class LexiconNames:
    """Which lexicon file holds each list (the component's ``lexicons`` config)."""

    cue_verbs: str = "cue_verbs.tsv"
    belief_verbs: str = "belief_verbs.tsv"
    content_preps: str = "content_preps.tsv"
    reporting_verbs: str = "reporting_verbs.tsv"
    hedges: str = "hedges.txt"
    media_nouns: str = "media_nouns.txt"
    message_nouns: str = "message_nouns.txt"
    label_words: str = "label_words.txt"

    def as_config(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class AttributionLexicon:
    cue_deps: Mapping[str, Mapping[str, float]]  # lemma -> dependency of the content child -> hit rate
    preps: Mapping[str, float]  # preposition -> how often its phrase was a cue's content
    beliefs: frozenset[str]  # beliefs and intentions the filter never drops
    # reporting verbs by role (see ``VerbRole`` and ``reporting_verbs.tsv``)
    speech: frozenset[str]
    trailing: frozenset[str]
    evidence: frozenset[str]
    address: frozenset[str]
    passive_hedge: frozenset[str]
    passive_quoted: frozenset[str]
    hedges: frozenset[str]
    media_nouns: frozenset[str]
    message_nouns: frozenset[str]
    label_words: frozenset[str]

    @classmethod
    def load(cls, names: LexiconNames, lang: str, min_cue_rate: float) -> AttributionLexicon:
        deps: dict[str, dict[str, float]] = {}
        for lemma, dep, _hits, _seen, rate in read_tsv(names.cue_verbs, lang):
            if float(rate) >= min_cue_rate:
                deps.setdefault(lemma, {})[dep] = float(rate)
        beliefs = read_tsv(names.belief_verbs, lang)
        for lemma, dep in beliefs:
            deps.setdefault(lemma, {}).setdefault(dep, min_cue_rate)
        roles: dict[str, set[str]] = {role.value: set() for role in VerbRole}
        for lemma, listed in read_tsv(names.reporting_verbs, lang):
            for role in listed.split(","):
                roles[VerbRole(role.strip()).value].add(lemma.lower())
        return cls(
            cue_deps=deps,
            preps={prep: float(rate) for prep, _hits, _seen, rate in read_tsv(names.content_preps, lang)},
            beliefs=frozenset(row[0] for row in beliefs),
            **{role: frozenset(lemmas) for role, lemmas in roles.items()},
            hedges=read_words(names.hedges, lang),
            media_nouns=read_words(names.media_nouns, lang),
            message_nouns=read_words(names.message_nouns, lang),
            label_words=read_words(names.label_words, lang),
        )

    def content_deps(self, lemma: str) -> Mapping[str, float]:
        return self.cue_deps.get(lemma, {})

    def is_speech_verb(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.speech

    def is_belief_verb(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.beliefs

    def cue_lemmas(self) -> list[str]:
        """Every lemma the cue matcher looks for: the learned table and the speech verbs."""
        return sorted(set(self.cue_deps) | self.speech)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "cue_deps": {lemma: dict(deps) for lemma, deps in self.cue_deps.items()},
            "preps": dict(self.preps),
        }
        for f in fields(self):
            if f.name not in data:
                data[f.name] = sorted(getattr(self, f.name))
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AttributionLexicon:
        words = {f.name: frozenset(data[f.name]) for f in fields(cls) if f.name not in ("cue_deps", "preps")}
        return cls(cue_deps={lemma: dict(deps) for lemma, deps in data["cue_deps"].items()},
                   preps=dict(data["preps"]), **words)
