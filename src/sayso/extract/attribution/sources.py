"""Source clauses and hedges: trailing "…, X reported." clauses, "according to X", hedge words."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sayso.extract.attribution.candidate import Trailing
from sayso.extract.attribution.lexicon import AttributionLexicon
from sayso.extract.attribution.matchers import PERFECT_AUX
from sayso.extract.attribution.speakers import phrase_of

_SENTENCE_END = (".", "!", "?", "”", '"', "\n", ":")
# Clauses under a verb whose hedge word covers them ("reportedly told ... that", "allegedly planning to").
_HEDGED_UNDER = ("xcomp", "ccomp", "advcl", "pcomp", "conj")


def _ends_sentence(doc: Doc, tok: Token) -> bool:
    """Only punctuation, quote marks or space between the token and its sentence's end."""
    end = tok.sent.end
    return all(t.is_punct or t.is_space or t.is_quote for t in doc[tok.i + 1 : end]) and (
        tok.i + 1 == end or doc[tok.i + 1].text in _SENTENCE_END
    )


def find_trailing(doc: Doc, matches: list[tuple[int, int]]) -> list[Trailing]:
    """Trailing reporter clauses from the matcher's ranges, one per verb (the longest reporter phrase
    kept), in the order their verbs were first matched."""
    found: dict[int, Trailing] = {}
    for start, end in matches:
        verb = doc[end - 1]
        if not _ends_sentence(doc, verb):
            continue
        comma = doc[start]
        np_start = start + 1
        while doc[np_start].is_quote:
            np_start += 1
        np_end = end - 1
        while np_end > np_start and (doc[np_end - 1].pos_ == "ADV" or doc[np_end - 1].lower_ in PERFECT_AUX):
            np_end -= 1
        if np_end <= np_start:
            continue
        reporter = doc[np_start:np_end]
        old = found.get(verb.i)
        if old is None or len(reporter) > len(old.reporter):
            found[verb.i] = Trailing(reporter, verb, comma)
    return list(found.values())


def according_source(to: Token) -> Span | None:
    """The phrase after "according to"."""
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is not None:
        return phrase_of(obj)
    nxt = to.i + 1
    return to.doc[nxt : nxt + 1] if nxt < len(to.doc) and to.doc[nxt].pos_ in ("PROPN", "NOUN", "PRON") else None


def according_clause(according: Token, to: Token, sent: Span) -> tuple[int, int]:
    """Token range of the "according to X" phrase inside its sentence (to cut it out of the content)."""
    end = to.i + 1
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is not None:
        end = max(end, obj.right_edge.i + 1)
    return according.i, min(end, sent.end)


def is_hedged(verb: Token, lexicon: AttributionLexicon) -> bool:
    """A hedge word on the cue ("reportedly said"), or a bare passive report ("is said to")."""
    hedges = lexicon.hedges
    if any(c.lower_ in hedges for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ in _HEDGED_UNDER and any(c.lower_ in hedges for c in head.children):
        return True
    return verb.lemma_ in lexicon.passive_hedge and any(
        c.dep_ == "nsubjpass" for c in verb.children
    ) and not any(c.dep_ == "agent" for c in verb.children)
