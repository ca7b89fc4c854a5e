"""Pair quotation marks into quoted spans, paragraph by paragraph, on the raw text.

Why on the text and not the tokens: pairing is a left-to-right scan with a little state (is a double
quote open, is a single quote open), done once per document with one regex. Rules:
- curly “ opens and ” closes; a straight " (or '') opens after any space (no-break spaces too)/start/bracket and closes otherwise;
- ‘ opens; ’ closes only when a ‘ is open and no letter follows (so "China’s" and "allies’ summit" with
  no ‘ open are apostrophes); straight single quotes are left alone (too often apostrophes);
- a paragraph that opens a double quote without closing it keeps the quote to the paragraph's end
  (news style: the next paragraph reopens the quote) and marks it ``open_end``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile(r"''|[“”\"‘’\n]")  # '' : two apostrophes used as a double quote by some wires
_OPENERS_BEFORE = " \t\n([{—–-/"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph's end when ``open_end``)
    double: bool
    open_end: bool = False

    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - (0 if self.open_end else 1)

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quoted spans (double quotes, and single quotes not inside a double quote), in order."""
    spans: list[QuoteSpan] = []
    double_open: int | None = None
    single_open: int | None = None
    for m in _MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "\n":
            if double_open is not None:
                end = i
                while end > double_open + 1 and text[end - 1] in " \t\r":
                    end -= 1
                spans.append(QuoteSpan(double_open, end, True, open_end=True))
            double_open = single_open = None
            continue
        if ch == "''":
            ch = '"'
        if ch == "“" or (ch == '"' and double_open is None and (i == 0 or text[i - 1] in _OPENERS_BEFORE or text[i - 1].isspace())):
            if double_open is None:
                double_open, single_open = i, None
            continue
        if ch in "”\"":
            if double_open is not None:
                spans.append(QuoteSpan(double_open, m.end(), True))
                double_open = single_open = None
            continue
        if ch == "‘":
            if single_open is None:
                single_open = i
            continue
        # ’: an apostrophe unless a single quote is open and no letter follows
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if single_open is not None and not nxt.isalpha():
            if double_open is None:
                spans.append(QuoteSpan(single_open, i + 1, False))
            single_open = None
    if double_open is not None:
        spans.append(QuoteSpan(double_open, len(text.rstrip()), True, open_end=True))
    return sorted(spans, key=lambda q: q.start)


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """The paragraph (line) holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    return start, _paragraph_end(text, pos)
