"""The event coder's lexicons as one typed, immutable object: trigger rules, PLOVER policies, scores,
word sets and number words.

Built by the ``sayso_events`` component from the files its config names (``DEFAULT_FILES``) and handed to
every function that needs a word list or a policy, so a component saved with its lexicons behaves the
same when reloaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from sayso.extract.events.patterns import Rule, parse_rules
from sayso.extract.lexicon_files import LexiconFiles

# What each file is for -> the file (in lexicons/<lang>/, else lexicons/shared/).
DEFAULT_FILES: dict[str, str] = {
    "patterns": "event_patterns.jsonl",
    "policies": "plover_policies.tsv",
    "plover_scores": "plover_types.tsv",
    "cameo": "cameo_plover.tsv",
    "words": "event_words.tsv",
    "numbers": "number_words.tsv",
}


@dataclass(frozen=True)
class PloverPolicies:
    """Which PLOVER types each coding policy applies to (see ``lexicons/shared/plover_policies.tsv``)."""

    types: tuple[str, ...]  # the 16 types, in codebook order
    joint: frozenset[str]
    domestic: frozenset[str]
    agentless_passive: frozenset[str]
    place_recipient: frozenset[str]
    criticised_by: frozenset[str]
    future: Mapping[str, tuple[str, str]]  # cooperative type -> (type, CAMEO code) it becomes in the future tense

    @classmethod
    def build(cls, rows: tuple[tuple[str, ...], ...]) -> PloverPolicies:
        cells = [(list(row) + [""] * 8)[:8] for row in rows]

        def flagged(column: int) -> frozenset[str]:
            return frozenset(row[0] for row in cells if row[column] == "1")

        return cls(
            types=tuple(row[0] for row in cells),
            joint=flagged(1), domestic=flagged(2), agentless_passive=flagged(3), place_recipient=flagged(4),
            criticised_by=flagged(5),
            future=MappingProxyType({row[0]: (row[6], row[7]) for row in cells if row[6]}),
        )


@dataclass(frozen=True)
class EventLexicon:
    rules: tuple[Rule, ...]
    policies: PloverPolicies
    goldstein: Mapping[str, float]  # CAMEO code -> Goldstein score
    plover_scores: Mapping[tuple[str, str], float]  # (type, mode) -> PLOVER score; mode "" is the default
    words: Mapping[str, frozenset[str]]  # the named word sets of event_words.tsv
    counts: Mapping[str, int]  # number words before "times" ("five times", "a dozen times")
    repetitions: Mapping[str, int]  # adverbs that count occurrences ("twice")
    date_numbers: Mapping[str, int]  # number words of date phrases ("a few weeks ago")

    @classmethod
    def load(cls, files: Mapping[str, str] | None = None, lang: str = "en") -> EventLexicon:
        return cls.build(LexiconFiles.read(files or DEFAULT_FILES, lang))

    @classmethod
    def build(cls, files: LexiconFiles) -> EventLexicon:
        policies = PloverPolicies.build(files.tsv("policies"))
        rules = parse_rules(files.jsonl("patterns"), policies.types)
        numbers = [(word, int(value), kind) for word, value, kind in files.tsv("numbers")]
        return cls(
            rules=rules,
            policies=policies,
            goldstein=MappingProxyType({row[0]: float(row[2]) for row in files.tsv("cameo") if len(row) >= 3 and row[2]}),
            plover_scores=MappingProxyType({(row[0], row[1] if len(row) > 2 else ""): float(row[-1])
                                            for row in files.tsv("plover_scores")}),
            words=MappingProxyType(files.word_sets("words")),
            counts=MappingProxyType({w: v for w, v, kind in numbers if kind in ("cardinal", "scale")}),
            repetitions=MappingProxyType({w: v for w, v, kind in numbers if kind == "repetition"}),
            date_numbers=MappingProxyType({w: v for w, v, kind in numbers if kind in ("cardinal", "vague")}),
        )

    def word_set(self, name: str) -> frozenset[str]:
        return self.words[name]

    def intensity(self, rule_type: str, mode: str | None, cameo: str | None) -> float | None:
        """The Goldstein score of the rule's CAMEO code; else the PLOVER score of the type and mode."""
        if cameo and cameo in self.goldstein:
            return self.goldstein[cameo]
        return self.plover_scores.get((rule_type, mode or ""), self.plover_scores.get((rule_type, "")))
