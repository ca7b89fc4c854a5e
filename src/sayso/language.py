"""A cheap language guess: enough to warn that a text is not English before the English model runs."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The commonest English function words; news prose has 35-50% of its words here.
_ENGLISH = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but from or "
    "have an they which one you were her all she there would their we him been has when who will more "
    "no if out so said what up its about into than them can only other new some could time these two "
    "may then do first any my now such like our over man me even most made after also did many before "
    "must through back years where much your way well down should because each just those people".split()
)


def guess_language(text: str, sample_chars: int = 20_000) -> str:
    """'en', 'und' (too little text to tell) or 'other'."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if len(words) < 8:
        return "und"
    latin = sum(1 for w in words if w.isascii())
    if latin / len(words) < 0.5:
        return "other"
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    return "en" if share >= 0.15 else "other"
