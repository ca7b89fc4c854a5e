"""The attribution record every later step reads (claims, events, report assembly, ``AttributionIndex``).

It holds spaCy spans (token-level) so those steps can still walk the parse; ``pipeline`` turns them into
report records with character offsets. How an attribution was found (its provenance, the features a
scorer saw) stays on the internal ``Candidate`` (``candidate.py``), never here.
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
