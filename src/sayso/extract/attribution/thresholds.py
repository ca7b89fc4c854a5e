"""The attribution component's thresholds: one typed object, filled from the component's config.

Each number was an inline constant of the rules; its comment says what it bounds and where it came
from. The factory's ``default_config`` is built from these defaults, so a saved pipeline's
``config.cfg`` records the values it ran with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Thresholds:
    # Tokens allowed between a quote and its cue ("…,” Chinese President Xi Jinping said).
    max_gap_tokens: int = 12
    # A quote no cue claimed continues the previous attribution only when it has this many words.
    min_continuation_words: int = 3
    # Line breaks allowed between an attribution and the quote that continues it (one paragraph break,
    # or two when that paragraph was a quote too).
    max_continuation_breaks: int = 3
    # A learned verb+dependency pair (``cue_verbs.tsv``) is trusted from this hit rate on.
    min_cue_rate: float = 0.1
    # A preposition whose phrase was a cue's content less often than this never holds one.
    min_prep_rate: float = 0.1
    # A prepositional phrase after the object completes the content from this content_preps rate on
    # (chosen on PolNeAR train): "announced his engagement to ...", not "... in Iowa".
    min_sibling_prep_rate: float = 0.2
    # A line this short, alone in its paragraph and without a final full stop, is a heading.
    max_heading_words: int = 12
    # "Name: words" labels: at most this many tokens before the colon, at least this many words after.
    max_label_tokens: int = 4
    min_label_words: int = 3
    # "McCain says the movement ... appeals to ...": the rest of the sentence counts from this many tokens.
    min_rest_tokens: int = 4

    def as_config(self) -> dict[str, int | float]:
        return asdict(self)
