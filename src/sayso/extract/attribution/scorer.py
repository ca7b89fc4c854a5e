"""The scorer stage: given the document and the candidates, decide which to keep.

``AttributionScorer`` is the seam for a second attribution method. The rules + logistic filter
(``filter.RuleScorer``) is one implementation; a trained model is another. A scorer returns one
``Scored`` per candidate the merge should see, in the order given: it may drop a candidate
(``keep=False``), replace it by an adjusted one (other content spans, another speaker:
``dataclasses.replace(candidate, attribution=...)``), or add candidates of its own
(``Origin.PROPOSED``, ``Provenance.MODEL``; the merge treats them like cue-verb candidates). Dropped cue-verb candidates stay
in the list: the merge may still rescue one that a trailing "…, X reported." clause vouches for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from spacy.tokens import Doc

from sayso.extract.attribution.candidate import Candidate


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    keep: bool
    score: float | None = None  # None: the scorer did not judge it (kept by rule)


@runtime_checkable
class AttributionScorer(Protocol):
    def __call__(self, doc: Doc, candidates: Sequence[Candidate]) -> list[Scored]: ...

    def to_disk(self, path: Path) -> None:
        """Save what the scorer learned (weights, a model) under ``path`` (a directory)."""

    def from_disk(self, path: Path) -> None:
        """Load what ``to_disk`` saved."""


class KeepAll:
    """Every candidate kept, none judged: the candidate generators' raw output (to train a filter)."""

    def __call__(self, doc: Doc, candidates: Sequence[Candidate]) -> list[Scored]:
        return [Scored(c, True) for c in candidates]

    def to_disk(self, path: Path) -> None:
        """Nothing learned, nothing to save."""

    def from_disk(self, path: Path) -> None:
        """Nothing learned, nothing to load."""
