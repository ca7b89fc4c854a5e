"""Intermediate records passed between extraction steps, before actors are resolved and ids given.

They hold spaCy spans (token-level) so each step can still walk the parse; ``pipeline`` turns them into
report records with character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from sayso.report import QuoteType


@dataclass
class Source:
    """One link of a via chain: a source mention and the words that cue it ("according to")."""

    mention: Span
    cue: Span | None = None


@dataclass
class Attribution:
    type: QuoteType
    content: list[tuple[int, int]]  # character spans, in text order
    sentence: Span  # the sentence holding the cue (or the content when there is no cue)
    cue: Span | None = None
    speaker: Span | None = None  # a mention: name, pronoun or description (the shortest naming span)
    addressee: Span | None = None
    via: list[Source] = field(default_factory=list)  # nearest source first
    hedged: bool = False
    speaker_phrase: Span | None = None  # the whole noun phrase the speaker mention sits in (PolNeAR's Source)
    features: tuple[str, ...] = ()  # what the learned filter saw (cue-verb attributions only)
