"""The merge stage: from scored candidates to the document's final attributions, in text order.

Steps, in this order (each reads what the one before left):
1. kept cue-verb (and scorer-proposed) candidates are placed, grouped by sentence;
2. a trailing "…, X reported." clause becomes a via link of the speech attributions before it in its
   sentence (rescuing one the scorer dropped when the clause vouches for it), else fills in its own verb's
   speaker, else stands as an attribution of its own with X as the speaker;
3. "according to X" becomes the first via link of the sentence's reporting attributions, else stands on
   its own;
4. a speaker label ("Name: words") stands when its sentence has no attribution yet;
5. duplicates (same content in one sentence) go, the rest is sorted by where the content starts;
6. a sentence-opening quote no attribution claims continues the attribution just before it.

The candidates are never changed: the merge works on copies (``Merged``), each remembering the candidate
it grew from (so a filter can be trained on the merged output).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sayso.extract.attribution.candidate import Candidate, Context, Origin, Trailing
from sayso.extract.attribution.content import after_full_stop, trim
from sayso.extract.attribution.lexicon import AttributionLexicon
from sayso.extract.attribution.scorer import Scored
from sayso.extract.attribution.speakers import mention_of
from sayso.extract.attribution.types import Attribution, Source

_CONTINUATION_GAP = " \t\r\n,.;:”\"’"  # what may lie between an attribution and the quote continuing it


@dataclass(eq=False)
class Merged:
    attribution: Attribution  # a copy of the candidate's, changed by the merge
    candidate: Candidate


def _draft(candidate: Candidate) -> Merged:
    """A copy of the candidate's attribution for the merge to change (its lists are the changing parts)."""
    a = candidate.attribution
    assert a is not None
    copy = Attribution(a.type, list(a.content), a.sentence, a.cue, a.speaker, a.addressee, list(a.via), a.hedged,
                       a.speaker_phrase)
    return Merged(copy, candidate)


class _Board:
    """Placed attributions grouped by sentence (start token), in the order sentences were first touched:
    that order breaks ties in the final sort, so every step touches groups as the rules always have."""

    def __init__(self) -> None:
        self.groups: dict[int, list[Merged]] = {}

    def group(self, sent_start: int) -> list[Merged]:
        return self.groups.setdefault(sent_start, [])

    def peek(self, sent_start: int) -> list[Merged]:
        return self.groups.get(sent_start, [])

    def flatten(self) -> list[Merged]:
        out: list[Merged] = []
        for drafts in self.groups.values():
            seen: set[tuple[tuple[int, int], ...]] = set()
            for m in drafts:
                key = tuple(m.attribution.content)
                if key not in seen:
                    seen.add(key)
                    out.append(m)
        out.sort(key=lambda m: m.attribution.content[0][0])
        return out


def _cut_at(att: Attribution, doc: Doc, tok: Token) -> None:
    """End the content before a token the parser left inside it ("..., according to TRT")."""
    s, e = att.content[-1]
    if not s < tok.idx < e:
        return
    first = doc.char_span(s, tok.idx, alignment_mode="expand")
    if first is None or not len(first):
        return
    a, b = trim(doc, first.start, first.end)
    if b > a:
        att.content[-1] = (s, doc[b - 1].idx + len(doc[b - 1]))


def _speech_cued(att: Attribution, lexicon: AttributionLexicon) -> bool:
    return att.cue is not None and lexicon.is_speech_verb(att.cue.root)


def _relayed(att: Attribution, tr: Trailing, lexicon: AttributionLexicon) -> bool:
    """A reporting verb's attribution the scorer dropped that "…, X reported." vouches for: speaker,
    cue and content all lie before the trailing clause ("Modi told Lula that ..., Doordarshan reported")."""
    comma = tr.comma.idx + 1
    return (att.cue is not None and att.cue.end <= tr.comma.i and _speech_cued(att, lexicon)
            and att.speaker is not None and att.speaker.end <= tr.comma.i and att.content[-1][1] <= comma)


def _fits_trailing(att: Attribution, tr: Trailing) -> bool:
    """The parse already found the trailing verb's content before the clause and its speaker there."""
    comma = tr.comma.idx + 1
    return att.content[-1][1] <= comma + 1 and (att.speaker is None or att.speaker.start >= tr.comma.i)


def _link_trailing(ctx: Context, board: _Board, own: dict[int, Merged], dropped: dict[int, list[Merged]],
                   candidate: Candidate) -> None:
    tr = candidate.trailing
    assert tr is not None
    sent = tr.verb.sent
    mine = own.get(tr.verb.i)
    group = board.group(sent.start)
    inner = [m for m in group if m is not mine and m.attribution.cue is not None
             and m.attribution.cue.start < tr.comma.i and _speech_cued(m.attribution, ctx.lexicon)]
    if not inner:
        inner = [m for m in dropped.get(sent.start, []) if m.attribution.cue is not None
                 and m.attribution.cue.root.i != tr.verb.i and _relayed(m.attribution, tr, ctx.lexicon)]
        group.extend(inner)
    if mine is not None and (inner or not _fits_trailing(mine.attribution, tr)):
        group[:] = [m for m in group if m is not mine]
    if inner:
        for m in inner:
            m.attribution.via.append(Source(tr.mention(), ctx.doc[tr.verb.i : tr.verb.i + 1]))
            _cut_at(m.attribution, ctx.doc, tr.comma)  # content that ran on over the clause
    elif mine is not None and _fits_trailing(mine.attribution, tr):
        if mine.attribution.speaker is None:
            mine.attribution.speaker, mine.attribution.speaker_phrase = tr.mention(), tr.reporter
    elif candidate.attribution is not None:
        group.append(_draft(candidate))


def _reports(verb: Token, lexicon: AttributionLexicon) -> bool:
    """A verb that carries words or findings (so "according to" beside it names who passed them on)."""
    return lexicon.is_speech_verb(verb) or verb.lemma_.lower() in lexicon.evidence


def _link_according(ctx: Context, board: _Board, candidate: Candidate) -> None:
    """"X told Y ..., according to Z": Z carried X's words. With no reporting verb beside it, "according
    to Z" is an attribution of its own ("The economy grew 3%, according to the ministry")."""
    link = candidate.according
    assert link is not None
    sent = link.according.sent
    others = [m for m in board.peek(sent.start) if m.attribution.cue is not None
              and m.attribution.cue.start != link.according.i and _reports(m.attribution.cue.root, ctx.lexicon)]
    if others and link.source is not None:
        for m in others:
            m.attribution.via.insert(0, Source(mention_of(link.source), link.cue))
            _cut_at(m.attribution, ctx.doc, link.according)
    elif not others and candidate.attribution is not None:
        board.group(sent.start).append(_draft(candidate))


def _continues(ctx: Context, prev: Attribution, quote_start: int) -> bool:
    """Only the rest of the previous attribution's sentence and blank space (a few line breaks at most)
    lie between its content and the quote."""
    text = ctx.text
    last_end = max(prev.content[-1][1], prev.sentence.end_char if prev.sentence.end_char <= quote_start else 0)
    if prev.sentence.start_char < quote_start < prev.sentence.end_char and after_full_stop(text, quote_start):
        last_end = quote_start  # the quote's opening mark was parsed into the attribution's own sentence
    between = text[last_end:quote_start]
    return between.strip(_CONTINUATION_GAP) == "" and between.count("\n") <= ctx.thresholds.max_continuation_breaks


def _continue_quotes(ctx: Context, merged: list[Merged], quotes: list[Candidate]) -> None:
    """A quote no attribution claims continues the attribution just before it ("…,” he said. “More.”)."""
    claimed = [(s, e) for m in merged for s, e in m.attribution.content]
    starts = [m.attribution.content[0][0] for m in merged]
    for candidate in quotes:
        q = candidate.quote
        assert q is not None
        if any(s <= q.start and q.end <= e for s, e in claimed):
            continue
        i = bisect_left(starts, q.start) - 1
        if i < 0:
            continue
        prev = merged[i].attribution
        if not _continues(ctx, prev, q.start):
            continue
        if prev.type == "indirect":
            prev.type = "mixed"
        prev.content.append((q.start, q.end))
        claimed.append((q.start, q.end))


def merge(ctx: Context, verdicts: Sequence[Scored]) -> list[Merged]:
    """The final attributions (see the module docstring for the steps)."""
    board = _Board()
    own: dict[int, Merged] = {}  # kept cue-verb attributions by their verb's token index
    dropped: dict[int, list[Merged]] = {}  # by sentence: what the scorer rejected, for trailing clauses
    rest: dict[Origin, list[Candidate]] = {origin: [] for origin in Origin}
    for verdict in verdicts:
        candidate = verdict.candidate
        if candidate.origin in (Origin.CUE_VERB, Origin.PROPOSED) and candidate.attribution is not None:
            m = _draft(candidate)
            sent_start = m.attribution.sentence.start
            if verdict.keep:
                if candidate.verb is not None:
                    own[candidate.verb.i] = m
                board.group(sent_start).append(m)
            else:
                dropped.setdefault(sent_start, []).append(m)
        elif verdict.keep:
            rest[candidate.origin].append(candidate)
    for candidate in rest[Origin.TRAILING]:
        _link_trailing(ctx, board, own, dropped, candidate)
    for candidate in rest[Origin.ACCORDING]:
        _link_according(ctx, board, candidate)
    for candidate in rest[Origin.LABEL]:
        if candidate.attribution is not None:
            group = board.group(candidate.attribution.sentence.start)
            if not group:
                group.append(_draft(candidate))
    merged = board.flatten()
    _continue_quotes(ctx, merged, rest[Origin.QUOTE])
    return merged
