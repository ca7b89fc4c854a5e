"""The thresholds of actor recognition: the ``sayso_actors`` component's config (defaults here, once)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorSettings:
    lookback_sentences: int = 6  # a pronoun's antecedent is at most this many sentences back
    near_sentences: int = 2  # a vague description ("the leader") looks this many sentences back
    max_name_tokens: int = 5  # a longer PERSON entity is a headline chunk or a caption, not a name
    headline_capitalised: float = 0.6  # share of capitalised long words that makes a line a headline
