"""The sentence around a token, found by walking to the nearest sentence starts.

Why not ``token.sent``: spaCy computes it by iterating the document's sentences from the start, so it
costs O(document) per call; walking out from the token costs O(sentence).
"""

from __future__ import annotations

from spacy.tokens import Span, Token


def sentence_of(tok: Token) -> Span:
    doc = tok.doc
    start = tok.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]
