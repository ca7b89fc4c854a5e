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
from bisect import bisect_left
from dataclasses import dataclass

_MARKS = re.compile(r"''|[“”\"‘’\n]")  # '' : two apostrophes used as a double quote by some wires
_OPENERS_BEFORE = " \t\n([{—–-/"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph's end when ``open_end``)
    double: bool
    open_end: bool = False


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


class QuoteIndex:
    """A document's quoted spans with lookups by character offset (bisection, not scans)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = find_quote_spans(text)
        self.starts = [q.start for q in self.spans]

    def inside(self, pos: int) -> QuoteSpan | None:
        """The quote whose marks enclose ``pos`` (strictly inside)."""
        i = bisect_left(self.starts, pos) - 1
        if i >= 0 and self.spans[i].start < pos < self.spans[i].end:
            return self.spans[i]
        return None

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        i = max(0, bisect_left(self.starts, start) - 1)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end > start:
                out.append(self.spans[i])
            i += 1
        return out

    def chain(self, q: QuoteSpan) -> list[QuoteSpan]:
        """A quote left open at its paragraph's end, with the paragraphs that reopen it."""
        out = [q]
        while out[-1].open_end:
            nxt = self.next_after(out[-1].end)
            if nxt is None or self.text[out[-1].end : nxt.start].strip() != "":
                break
            out.append(nxt)
        return out

    def chain_spans(self, q: QuoteSpan) -> list[tuple[int, int]]:
        return [(c.start, c.end) for c in self.chain(q)]

    def next_after(self, pos: int) -> QuoteSpan | None:
        i = bisect_left(self.starts, pos)
        return self.spans[i] if i < len(self.spans) else None
