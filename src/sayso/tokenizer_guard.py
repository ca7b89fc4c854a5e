"""Keep spaCy's tokenizer linear on long runs without whitespace.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one at a time, re-slicing and
re-hashing the rest of the run each time, so a run made of affix characters costs time quadratic in its
length: 16,384 ``"`` took 31 s and 536 MB, 120,000 emoji did not finish. Text is never changed here:
``GuardedTokenizer`` cuts each run longer than ``MAX_RUN_CHARS`` into pieces of ``PIECE_CHARS``, tokenises
every piece with the model's own tokenizer and joins the pieces into one Doc whose text is the input,
so offsets still index the article. Text without such runs goes to the tokenizer untouched (same tokens).
The Article carries a warning (``long_run_warning``) so the reader of a report knows why.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# No word, number or URL in the VOA stories or the flagship is longer than 49 characters; 500 leaves
# room for long URLs while bounding the worst case at ~75 microseconds a character (measured on ``"``).
MAX_RUN_CHARS = 500
PIECE_CHARS = 100
# Tried only where a run starts (the lookbehind): a bare \S{501,} rescans every run from each of its
# characters, 2.9 s on 1 MB of 500-character runs against 0.08 s.
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_RUN_CHARS + 1))


def long_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every whitespace-free run longer than ``MAX_RUN_CHARS``."""
    return [m.span() for m in _LONG_RUN.finditer(text)]


def long_run_warning(text: str) -> str | None:
    """The Article's warning when the tokenizer will cut runs, else None."""
    runs = long_runs(text)
    if not runs:
        return None
    start, end = max(runs, key=lambda span: span[1] - span[0])
    return (f"{len(runs)} run(s) of more than {MAX_RUN_CHARS} characters without a space (the longest "
            f"{end - start:,} characters, at character {start}) tokenised in pieces of {PIECE_CHARS}")


def split_at_long_runs(text: str) -> list[str]:
    """Pieces that join back to ``text``: the text between long runs whole, each long run in
    ``PIECE_CHARS`` slices. A single space after a run stays with its last slice, where spaCy would put
    it (as that token's trailing whitespace), so the tokens around the run do not change."""
    pieces: list[str] = []
    position = 0
    for start, end in long_runs(text):
        if start > position:
            pieces.append(text[position:start])
        pieces.extend(text[i : min(i + PIECE_CHARS, end)] for i in range(start, end, PIECE_CHARS))
        if end < len(text) and text[end] == " ":
            pieces[-1] += " "
            end += 1
        position = end
    if position < len(text):
        pieces.append(text[position:])
    return pieces


class GuardedTokenizer:
    """A drop-in for ``nlp.tokenizer`` (any callable str -> Doc) that delegates to the model's tokenizer."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if not _LONG_RUN.search(text):
            return self.tokenizer(text)
        docs = [self.tokenizer(piece) for piece in split_at_long_runs(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        """Everything else is the model tokenizer's: ``pipe``, its rules, and ``to_disk``/``from_disk``,
        so ``nlp.to_disk`` saves the model's own tokenizer (a reloaded pipeline gets the guard again from
        ``load_pipeline``, not from the saved files)."""
        if name == "tokenizer":  # not yet set (copy, unpickling): no recursion through this method
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
