"""Source-clause candidates: trailing "…, X reported." clauses and "according to X".

Each carries two readings, and the merge picks one: the link it lends to the other attributions of
its sentence (X becomes a via source of what they report), and the attribution it makes on its own
when there is none (X as the speaker of the rest of the sentence).
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.extract.attribution import content as c
from sayso.extract.attribution.candidate import (
    According,
    Candidate,
    Context,
    Origin,
    Provenance,
    Trailing,
)
from sayso.extract.attribution.sources import (
    according_clause,
    according_source,
    is_hedged,
)
from sayso.extract.attribution.speakers import mention_of
from sayso.extract.attribution.types import Attribution


def _trailing_attribution(ctx: Context, tr: Trailing) -> Attribution | None:
    """"<content>, X reported." as an attribution of its own."""
    sent = tr.verb.sent
    got = c.clause_content(ctx.quotes, ctx.doc, sent.start, tr.comma.i)
    if got is None:
        return None
    kind, content = got
    return Attribution(type=kind, content=content, sentence=sent, cue=c.cue_span(tr.verb),
                       speaker=tr.mention(), speaker_phrase=tr.reporter, hedged=is_hedged(tr.verb, ctx.lexicon))


def trailing_candidates(ctx: Context, trailing: list[Trailing]) -> list[Candidate]:
    out = []
    for tr in trailing:
        if ctx.quotes.inside(tr.verb.idx) is not None:
            continue
        if c.is_heading(ctx.text, tr.verb.sent, ctx.thresholds.max_heading_words):
            continue
        out.append(Candidate(Origin.TRAILING, Provenance.SENTENCE_BEFORE, _trailing_attribution(ctx, tr),
                             verb=tr.verb, trailing=tr))
    return out


def _according_attribution(ctx: Context, link: According) -> Attribution | None:
    """"The economy grew 3%, according to the ministry": the longer side of the sentence is the content."""
    doc = ctx.doc
    sent = link.according.sent
    a_start, a_end = according_clause(link.according, link.to, sent)
    before, after = c.trim(doc, sent.start, a_start), c.trim(doc, a_end, sent.end)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    got = c.clause_content(ctx.quotes, doc, start, end)
    if got is None:
        return None
    kind, content = got
    att = Attribution(type=kind, content=content, sentence=sent, cue=link.cue)
    if link.source is not None:
        att.speaker, att.speaker_phrase = mention_of(link.source), link.source
    return att


def according_candidates(ctx: Context, pairs: list[tuple[Token, Token]]) -> list[Candidate]:
    out = []
    for according, to in pairs:
        link = According(according, to, according_source(to))
        out.append(Candidate(Origin.ACCORDING, Provenance.BESIDE_ACCORDING, _according_attribution(ctx, link),
                             according=link))
    return out
