"""The record passed from the candidate generators to the scorer and on to the merge.

A ``Candidate`` is one reading the rules propose: an attribution that could stand on its own, and, for
the source clauses ("…, X reported.", "according to X"), the link they can lend to other attributions
of their sentence. It carries what a scorer needs to judge it (its origin, how its content was found,
the filter's features); none of that reaches the public ``Attribution``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Doc, Span, Token

from sayso.extract.attribution.lexicon import AttributionLexicon
from sayso.extract.attribution.quote_marks import QuoteIndex, QuoteSpan
from sayso.extract.attribution.speakers import mention_of
from sayso.extract.attribution.thresholds import Thresholds
from sayso.extract.attribution.types import Attribution


class Origin(Enum):
    """Which generator proposed a candidate (the merge treats each kind its own way)."""

    CUE_VERB = "cue_verb"  # a verb of saying, believing or intending, with its content
    TRAILING = "trailing"  # "…, X reported." closing a sentence
    ACCORDING = "according"  # "according to X"
    LABEL = "label"  # "Name: words" opening a line
    QUOTE = "quote"  # a quote no cue claims: it may continue the attribution before it
    PROPOSED = "proposed"  # added by a scorer (a trained model); merged like a cue-verb candidate


class Provenance(Enum):
    """How the content was found. The values are the names the learned filter's features use."""

    QUOTE_BEFORE = "quote_before"  # "…,” she said
    QUOTE_AFTER = "quote_after"  # he said: “…”
    CHILD = "child"  # the verb's content child, by the learned verb+dependency table
    STATEMENT = "statement"  # "says in a statement that ...": the clause hung on the noun
    PASSIVE = "passive"  # "Trump is expected to speak": passive subject + clause
    PARENTHETICAL = "parenthetical"  # "In the years since, Barden says, far too many ..."
    COLON = "colon"  # "Reporter Jane Doe says:" closing its paragraph: the next paragraph
    REST = "rest"  # the rest of the sentence after the verb
    SENTENCE_BEFORE = "sentence_before"  # trailing clause: the sentence before ", X reported."
    BESIDE_ACCORDING = "beside_according"  # "according to X": the longer side of the sentence
    LINE = "line"  # speaker label: the rest of the line
    QUOTED = "quoted"  # an uncued quote
    MODEL = "model"  # a scorer's own span


def how_found(provenance: Provenance, content_dep: str | None) -> str:
    """The provenance as the filter's features name it ("child:ccomp")."""
    return provenance.value if content_dep is None else f"{provenance.value}:{content_dep}"


@dataclass(frozen=True)
class Trailing:
    """"…, Beijing's state media reported.": the reporter phrase and its verb."""

    reporter: Span
    verb: Token
    comma: Token  # the comma opening the clause

    def mention(self) -> Span:
        return mention_of(self.reporter)


@dataclass(frozen=True)
class According:
    """"according to X": the two cue words and the source phrase (None when the parse names none)."""

    according: Token
    to: Token
    source: Span | None

    @property
    def cue(self) -> Span:
        return self.according.doc[self.according.i : self.to.i + 1]


@dataclass(frozen=True, eq=False)
class Candidate:
    origin: Origin
    provenance: Provenance
    attribution: Attribution | None  # what it claims on its own (None for an uncued quote)
    verb: Token | None = None  # the cue verb (cue-verb candidates)
    content_dep: str | None = None  # dependency of the content child (CHILD, STATEMENT)
    features: tuple[str, ...] = ()  # what the learned filter reads; empty = never judged by it
    trailing: Trailing | None = None
    according: According | None = None
    quote: QuoteSpan | None = None

    @property
    def how(self) -> str:
        return how_found(self.provenance, self.content_dep)


@dataclass(frozen=True)
class Context:
    """What every generator reads: the parsed document, its quotes, the word lists and the thresholds."""

    doc: Doc
    quotes: QuoteIndex
    lexicon: AttributionLexicon
    thresholds: Thresholds

    @property
    def text(self) -> str:
        return self.quotes.text
