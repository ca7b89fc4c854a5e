"""Antecedents for pronouns ("he", "his", "its") and definite descriptions ("the Chinese leader",
"his Russian counterpart") — a few salience rules, no model.

Rules, in order: (1) a subject of a clause that governs the pronoun, earlier in the same sentence
("Xi noted that he had met" -> Xi), else any earlier subject of the sentence (the parser often hangs a
participle clause, "..., telling his counterpart", off the wrong verb); (2) the latest compatible mention
earlier in the same sentence;
(3) the subject of the latest earlier sentence with a compatible mention (the last speaker, in wire copy),
else that sentence's first compatible mention. Descriptions pick the latest compatible person (same
country, compatible role), preferring the same sentence, never the description's own possessor.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from spacy.tokens import Doc, Token

from sayso.extract.actors.keys import ActorKey

Candidate = tuple[Token, ActorKey]  # the mention's root token and its actor key
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _between(candidates: list[Candidate], start: int, end: int) -> list[Candidate]:
    """Candidates whose root lies in tokens [start, end): a slice found by bisection, so each lookup
    costs the size of its window, not of the document (a 5 MB text has tens of thousands)."""
    lo = bisect_left(candidates, start, key=lambda c: c[0].i)
    hi = bisect_left(candidates, end, lo=lo, key=lambda c: c[0].i)
    return candidates[lo:hi]


def pick_antecedent(pron: Token, candidates: list[Candidate], ok: Callable[[ActorKey], bool], lookback: int,
                    same_sentence_only: bool = False, keep: Callable[[Token], bool] | None = None) -> ActorKey | None:
    """``candidates`` are in text order; ``keep`` filters them by mention token; ``lookback``: at most
    this many sentences back."""
    coargs = _coarguments(pron)
    # Nothing further back than the look-back limit can be chosen (see the distance check below).
    first = pron.sent.start if same_sentence_only else _sentence_start_back(pron, lookback + 1)
    before = [(t, k) for t, k in _between(candidates, first, pron.i)
              if ok(k) and t.i not in coargs and (keep is None or keep(t))]
    if not before:
        return None
    sent_start = pron.sent.start
    same = [(t, k) for t, k in before if t.i >= sent_start]
    governing = {a.i for a in pron.ancestors}
    for tok, key in reversed(same):
        if tok.dep_ in _SUBJECTS and tok.head.i in governing:
            return key
    for tok, key in reversed(same):
        if tok.dep_ in _SUBJECTS:
            return key
    if same:
        return same[-1][1]
    if same_sentence_only:
        return None
    earlier = [(t, k) for t, k in before if t.i < sent_start]
    last_sent = earlier[-1][0].sent
    if pron.sent.start - last_sent.start > 0 and _sentences_between(last_sent.end, sent_start, pron) > lookback:
        return None
    in_last = [(t, k) for t, k in earlier if t.i >= last_sent.start]
    subjects = [k for t, k in in_last if t.dep_ in _SUBJECTS]
    return subjects[0] if subjects else in_last[0][1]


def pick_described(head: Token, candidates: list[Candidate], ok: Callable[[ActorKey], bool],
                   exclude: ActorKey | None = None, near: int | None = None) -> ActorKey | None:
    """The person a description refers to: latest compatible mention before it, same sentence first.
    ``near``: only look back that many sentences (a bare "the leader" says little about who)."""
    first = _sentence_start_back(head, near) if near is not None else 0
    # The latest compatible mention wins (a same-sentence one is always the latest): walk back from
    # the description and stop at the first, rather than filtering every earlier mention.
    return latest(candidates, first, head.i, lambda key: key != exclude and ok(key))


def latest(candidates: list[Candidate], start: int, end: int, ok: Callable[[ActorKey], bool]) -> ActorKey | None:
    """The key of the last candidate rooted in tokens [start, end) that ``ok`` accepts; walks back from
    ``end`` without copying the list."""
    i = bisect_left(candidates, end, key=lambda c: c[0].i) - 1
    while i >= 0 and candidates[i][0].i >= start:
        if ok(candidates[i][1]):
            return candidates[i][1]
        i -= 1
    return None


def _sentence_start_back(tok: Token, n: int) -> int:
    """The first token of the sentence ``n`` sentences before ``tok``'s."""
    start = tok.sent.start
    for _ in range(n):
        if start == 0:
            break
        start = tok.doc[start - 1].sent.start
    return start


def _sentences_between(start: int, end: int, tok: Token) -> int:
    doc = tok.doc
    return sum(1 for s in doc[start:end].sents) if end > start else 0


_OPEN = frozenset({"“", "«"})
_CLOSE = frozenset({"”", "»"})


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside double quotation marks (curly, or straight ones paired within a
    paragraph); a line break closes any quote left open."""
    inside: set[int] = set()
    open_at: int | None = None
    for tok in doc:
        text = tok.text
        if "\n" in text and tok.is_space:
            open_at = None
        elif text in _OPEN or (text == '"' and open_at is None):
            open_at = tok.i
        elif open_at is not None and (text in _CLOSE or text == '"'):
            inside.update(range(open_at + 1, tok.i))
            open_at = None
        elif text in _CLOSE:  # a closing mark whose opening sits in an earlier sentence of the paragraph
            start = tok.i
            while start > 0 and not ("\n" in doc[start - 1].text and doc[start - 1].is_space):
                start -= 1
            inside.update(range(start, tok.i))
    return inside


def quote_speakers(pron: Token, quoted: set[int], speech: frozenset[str]) -> set[int]:
    """Token indices of the subjects of speech verbs, outside quotes, in the pronoun's sentence and its
    neighbours: the speaker of the quote a pronoun sits in, whom the quote would call "I", not "he"."""
    doc = pron.doc
    sent = pron.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    subjects: set[int] = set()
    for tok in doc[start:end]:
        if tok.i in quoted or tok.dep_ not in _SUBJECTS:
            continue
        if tok.head.lemma_.lower() in speech and tok.head.i not in quoted:
            subjects.update(t.i for t in tok.subtree)
    return subjects


def is_speech_subject(tok: Token, speech: frozenset[str]) -> bool:
    return tok.dep_ in _SUBJECTS and tok.head.lemma_.lower() in speech


_OBJECTS = frozenset({"dobj", "iobj", "dative", "pobj"})


def _coarguments(pron: Token) -> set[int]:
    """The subject of the verb an object pronoun belongs to: "Diaz joined her" — her is not Diaz."""
    if pron.tag_ != "PRP" or pron.dep_ not in _OBJECTS:
        return set()
    verb = pron.head.head if pron.dep_ == "pobj" else pron.head
    return {t.i for c in verb.children if c.dep_ in _SUBJECTS for t in c.subtree}
