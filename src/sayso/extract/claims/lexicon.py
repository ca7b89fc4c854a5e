"""The claim finder's lexicons as one typed, immutable object: units, number words, word sets, labels.

Built by the ``sayso_claims`` component from the files its config names (``DEFAULT_FILES``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from sayso.extract.lexicon_files import LexiconFiles

# What each file is for -> the file (in lexicons/<lang>/, else lexicons/shared/).
DEFAULT_FILES: dict[str, str] = {
    "units": "claim_units.tsv",
    "numbers": "number_words.tsv",
    "words": "claim_words.tsv",
    "entity_labels": "entity_label_sets.tsv",
}


@dataclass(frozen=True)
class ClaimLexicon:
    units: Mapping[str, tuple[str, str]]  # unit words and symbols (lower case) -> (unit, kind)
    count_units: frozenset[str]  # units of kind "count": nouns a spelled-out number may count
    cardinals: Mapping[str, int]  # "five" -> 5
    scales: Mapping[str, float]  # "billion" -> 1e9, "dozen" -> 12
    hedges: frozenset[str]
    relative_pronouns: frozenset[str]
    figure_verbs: frozenset[str]
    figure_labels: frozenset[str]  # entity labels that may be a claim (PERCENT, MONEY, ...)

    @classmethod
    def load(cls, files: Mapping[str, str] | None = None, lang: str = "en") -> ClaimLexicon:
        return cls.build(LexiconFiles.read(files or DEFAULT_FILES, lang))

    @classmethod
    def build(cls, files: LexiconFiles) -> ClaimLexicon:
        units = {text.lower(): (unit, kind) for text, unit, kind in files.tsv("units")}
        numbers = [(word, float(value), kind) for word, value, kind in files.tsv("numbers")]
        words = files.word_sets("words")
        return cls(
            units=MappingProxyType(units),
            count_units=frozenset(unit for unit, kind in units.values() if kind == "count"),
            cardinals=MappingProxyType({w: int(v) for w, v, kind in numbers if kind == "cardinal"}),
            scales=MappingProxyType({w: v for w, v, kind in numbers if kind == "scale"}),
            hedges=words["hedge"],
            relative_pronouns=words["relative_pronoun"],
            figure_verbs=words["figure_verb"],
            figure_labels=files.word_sets("entity_labels")["figure"],
        )
