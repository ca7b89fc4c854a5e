"""Uncued-quote candidates: double quotes that open a sentence and are long enough to be speech.

The merge decides whether one continues the attribution before it (news style: "…,” he said. “More
words.”); short quotes inside sentences (scare quotes) and quoted headings are never candidates.
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.extract.attribution import content as c
from sayso.extract.attribution.candidate import Candidate, Context, Origin, Provenance


def _opens_sentence(text: str, tok: Token, quote_start: int) -> bool:
    """The quote opens a sentence, though the parser may have left its opening mark at the end of the one
    before ("…,'' he added. ''The system ...": the ``''`` token closes "he added.")."""
    if tok.is_sent_start or c.after_full_stop(text, quote_start):
        return True
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_sent_start


def quote_candidates(ctx: Context) -> list[Candidate]:
    out = []
    text = ctx.text
    for q in ctx.quotes.spans:
        if not q.double:
            continue
        if len(text[q.start : q.end].split()) < ctx.thresholds.min_continuation_words:
            continue  # a scare quote
        tok = c.first_token_at(ctx.doc, q.start)
        if tok is None or not _opens_sentence(text, tok, q.start):
            continue  # a fragment inside a sentence
        if c.is_heading(text, tok.sent, ctx.thresholds.max_heading_words):
            continue
        out.append(Candidate(Origin.QUOTE, Provenance.QUOTED, None, quote=q))
    return out
