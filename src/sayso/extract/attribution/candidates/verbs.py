"""Cue-verb candidates: each verb of saying, believing or intending, with its content and speaker.

The content, tried in order: an adjacent quote ("…,” she said" / "he said: “…”", both sides for a split
quote), else the child the learned table names (``that``-clause, ``to``-clause, object...), widened so
it never cuts a quote (a quote inside it makes the attribution "mixed"); else, for speech verbs, the
sentence around a parenthetical cue, the paragraph after a closing colon, or the rest of the sentence.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from sayso.extract.attribution import content as c
from sayso.extract.attribution.candidate import (
    Candidate,
    Context,
    Origin,
    Provenance,
    how_found,
)
from sayso.extract.attribution.cues import content_child
from sayso.extract.attribution.filter import features
from sayso.extract.attribution.quote_marks import QuoteSpan
from sayso.extract.attribution.sources import is_hedged
from sayso.extract.attribution.speakers import (
    addressee_of,
    is_media,
    mention_of,
    speaker_of,
)
from sayso.extract.attribution.types import Attribution, Source
from sayso.report import QuoteType

_BEFORE_QUOTED_FRAGMENT = ":,;—–-\n(["  # what may precede a quote that opens the cue's clause


def _gap_ok(gap: Span, verb: Token, max_gap: int) -> bool:
    """Tokens between a quote and its cue: punctuation or words of the cue's own small clause."""
    if len(gap) > max_gap:
        return False
    sub = {t.i for t in verb.subtree}
    for t in gap:
        if t.is_punct or t.is_space or t.is_quote or t.i == verb.i:
            continue
        if t.i not in sub or (t.pos_ == "VERB" and t.head.i != verb.i and t.i != verb.i):
            return False
    return True


def quote_before(ctx: Context, verb: Token) -> QuoteSpan | None:
    """The quote ending just before the cue's clause ("…,” Xi said)."""
    quotes, text = ctx.quotes, ctx.text
    left = verb.left_edge
    sent_start = verb.sent.start_char
    for q in reversed(quotes.overlapping(max(0, sent_start - 3), verb.idx)):
        if q.end > verb.idx:
            continue
        before = q.start - 1
        while before >= 0 and text[before] in " \t":
            before -= 1
        if q.start > sent_start and before >= 0 and text[before] not in _BEFORE_QUOTED_FRAGMENT:
            return None  # a fragment quoted inside someone's clause ("he was “sure”, adding ...")
        gap = c.tokens_between(ctx.doc, q.end, verb.idx)
        if _gap_ok(gap, verb, ctx.thresholds.max_gap_tokens) and q.end >= min(left.idx, sent_start) - 1:
            return q
        return None
    return None


def quote_after(ctx: Context, verb: Token) -> QuoteSpan | None:
    """The quote opening just after the cue ("he said: “…" / "…,” he said, “…”)."""
    q = ctx.quotes.next_after(verb.idx + len(verb))
    if q is None or "\n" in ctx.text[verb.idx : q.start]:
        return None
    gap = c.tokens_between(ctx.doc, verb.idx + len(verb), q.start)
    if len(gap) > ctx.thresholds.max_gap_tokens:
        return None
    sub = {t.i for t in verb.subtree}
    for t in gap:
        if t.is_punct or t.is_space or t.is_quote:
            continue
        if t.i not in sub or t.dep_ == "mark":
            return None
    return q


def _outgrows_quote(ctx: Context, child: Token) -> bool:
    """The content clause has words outside any quote ("says Obama is “obsessed” with ..."): the quote is
    a fragment of indirect speech, not the whole of what was said."""
    holder = ctx.quotes.inside(child.idx)
    if holder is None:
        return True
    return any(not (t.is_punct or t.is_space) and not holder.start < t.idx < holder.end for t in child.subtree)


class _Found(NamedTuple):
    kind: QuoteType
    spans: list[tuple[int, int]]
    provenance: Provenance
    child: Token | None  # the content child, if one was chosen (it also bounds the addressee search)
    content_dep: str | None = None  # its dependency, named in the features (CHILD, STATEMENT)
    as_saying: bool = False  # "quoted X as saying": the "saying" phrase found the content


def _found_content(ctx: Context, verb: Token) -> _Found | None:
    """Where the verb's content lies (see the module docstring for the order tried)."""
    lexicon, doc, quotes = ctx.lexicon, ctx.doc, ctx.quotes
    speech = lexicon.is_speech_verb(verb)
    child = content_child(verb, lexicon, ctx.thresholds.min_prep_rate)
    saying = c.as_saying(verb)
    if saying is not None:  # the verb's own children are the "as saying" phrase and who was quoted
        child = content_child(saying, lexicon, ctx.thresholds.min_prep_rate)
    if speech and (child is None or child.dep_ in ("dobj", "dative")):
        child = c.clause_on_object(verb) or child
    right_clause = child is not None and child.i > verb.i and _outgrows_quote(ctx, child)
    if (speech or saying is not None) and not right_clause:
        before = quote_before(ctx, verb)
        after = quote_after(ctx, verb)
        if before is not None:
            spans = quotes.chain_spans(before)
            if after is not None and after.start > before.end:
                spans += quotes.chain_spans(after)
            return _Found("direct", spans, Provenance.QUOTE_BEFORE, child, as_saying=saying is not None)
        if after is not None and (child is None or child.idx >= after.start):
            return _Found("direct", quotes.chain_spans(after), Provenance.QUOTE_AFTER, child,
                          as_saying=saying is not None)
    provenance = Provenance.CHILD
    if child is None:
        child = c.statement_clause(verb)
        provenance = Provenance.STATEMENT
    if child is not None:
        got = c.clause_content(quotes, doc, child.left_edge.i, c.content_end(child, verb, lexicon, ctx.thresholds))
        if got is None:
            return None
        kind, spans = got
        subject = c.passive_subject(verb, child)
        if subject is not None:
            return _Found(kind, [(subject.start_char, subject.end_char)] + spans, Provenance.PASSIVE, child,
                          as_saying=saying is not None)
        return _Found(kind, spans, provenance, child, child.dep_, as_saying=saying is not None)
    if not speech:
        return None
    provenance, got = Provenance.PARENTHETICAL, c.parenthetical_content(quotes, doc, verb)
    if got is None:
        provenance, got = Provenance.COLON, c.colon_content(quotes, doc, verb)
    if got is None:
        provenance, got = Provenance.REST, c.rest_of_sentence(quotes, doc, verb, ctx.thresholds.min_rest_tokens)
    return None if got is None else _Found(got[0], got[1], provenance, None, as_saying=saying is not None)


def verb_candidate(ctx: Context, verb: Token) -> Candidate | None:
    """The cue verb's attribution, with the features the learned filter judges (none when it must stay)."""
    found = _found_content(ctx, verb)
    if found is None:
        return None
    lexicon, doc = ctx.lexicon, ctx.doc
    att = Attribution(type=found.kind, content=found.spans, sentence=verb.sent, cue=c.cue_span(verb))
    speaker = speaker_of(verb, lexicon, outside=lambda t: ctx.quotes.inside(t.idx) is None)
    if speaker is not None:
        att.speaker, att.speaker_phrase = speaker.mention, speaker.phrase
        att.hedged = speaker.hedged
        if speaker.via_quoter is not None:
            att.via.append(Source(speaker.via_quoter, speaker.via_cue))
    addressee = addressee_of(verb, found.child, lexicon)
    if addressee is not None:
        if is_media(addressee, lexicon):
            if addressee.root.tag_ != "NNS":  # "told Reuters" is a channel; "told reporters" names nobody
                att.via.append(Source(mention_of(addressee), doc[verb.i : verb.i + 1]))
        else:
            att.addressee = mention_of(addressee)
    att.hedged = att.hedged or is_hedged(verb, lexicon)
    if att.speaker is None and not lexicon.is_speech_verb(verb) and found.provenance is not Provenance.PASSIVE:
        return None  # "The so-called offer was rejected": an act without anyone saying anything
    # The filter learned PolNeAR's habits; the forms sayso promises always stay: "quoted X as saying",
    # hedged passives ("is said to"), beliefs and intentions from the hand-written list.
    promised = found.as_saying or att.hedged or lexicon.is_belief_verb(verb)
    feats = () if promised else tuple(features(verb, att, how_found(found.provenance, found.content_dep), lexicon))
    return Candidate(Origin.CUE_VERB, found.provenance, att, verb=verb, content_dep=found.content_dep, features=feats)


def verb_candidates(ctx: Context, verbs: list[Token]) -> list[Candidate]:
    """One candidate per cue verb outside quotes and headings, in text order ("as saying" participles
    speak through their reporting verb and make none of their own)."""
    out: list[Candidate] = []
    for verb in sorted(verbs, key=lambda t: t.i):
        if ctx.quotes.inside(verb.idx) is not None or c.is_heading(ctx.text, verb.sent, ctx.thresholds.max_heading_words):
            continue
        if c.is_as_saying(verb):
            continue
        candidate = verb_candidate(ctx, verb)
        if candidate is not None:
            out.append(candidate)
    return out
