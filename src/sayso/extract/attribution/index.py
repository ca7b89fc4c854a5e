"""Find the attribution around a piece of text without scanning every attribution.

Claims and events ask, for each figure or trigger, which attribution reports it (its content holds the
words) or was cued in its sentence. A linear scan per question is quadratic on long texts (a 5 MB input
has tens of thousands of both); sorted starts and bisection make each question cost its neighbourhood.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from sayso.extract.attribution.types import Attribution

# No attribution's content piece is longer than this; it bounds the backward walk over content spans.
_MAX_CONTENT_CHARS = 20_000


class AttributionIndex:
    def __init__(self, attributions: list[Attribution]) -> None:
        self.attributions = attributions
        pieces = sorted((s, e, i) for i, att in enumerate(attributions) for s, e in att.content)
        self._piece_starts = [p[0] for p in pieces]
        self._pieces = pieces
        by_sentence: dict[int, list[int]] = {}
        for i, att in enumerate(attributions):
            by_sentence.setdefault(att.sentence.start_char, []).append(i)
        self._sentence_starts = sorted(by_sentence)
        self._by_sentence = by_sentence
        self._sentence_end = {att.sentence.start_char: att.sentence.end_char for att in attributions}

    def containing(self, start: int, end: int) -> Attribution | None:
        """The first attribution (in extraction order) one of whose content pieces holds [start, end)."""
        best: int | None = None
        i = bisect_right(self._piece_starts, start) - 1
        while i >= 0 and self._pieces[i][0] >= start - _MAX_CONTENT_CHARS:
            s, e, which = self._pieces[i]
            if s <= start and end <= e and (best is None or which < best):
                best = which
            i -= 1
        return None if best is None else self.attributions[best]

    def in_sentence(self, start: int, end: int) -> Iterator[Attribution]:
        """Attributions (in extraction order) whose sentence holds [start, end)."""
        i = bisect_right(self._sentence_starts, start) - 1
        if i < 0:
            return
        sent_start = self._sentence_starts[i]
        if end <= self._sentence_end[sent_start]:
            for which in self._by_sentence[sent_start]:
                yield self.attributions[which]
