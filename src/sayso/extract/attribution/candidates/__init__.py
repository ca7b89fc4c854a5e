"""The candidate generators, each proposing attributions of one kind (see ``candidate.Origin``).

A new generator is a function ``(ctx, ...) -> list[Candidate]`` in this package, called from
``generate``; if its candidates need their own merge rule, that rule goes in ``merge.py``.
"""

from __future__ import annotations

from sayso.extract.attribution.candidate import Candidate, Context
from sayso.extract.attribution.candidates.labels import label_candidates
from sayso.extract.attribution.candidates.quotes import quote_candidates
from sayso.extract.attribution.candidates.sources import (
    according_candidates,
    trailing_candidates,
)
from sayso.extract.attribution.candidates.verbs import verb_candidates
from sayso.extract.attribution.matchers import CueMatches
from sayso.extract.attribution.sources import find_trailing


def generate(ctx: Context, matches: CueMatches) -> list[Candidate]:
    """Every candidate of the document: cue verbs (in text order), trailing clauses, "according to",
    speaker labels, uncued quotes."""
    return [
        *verb_candidates(ctx, matches.verbs),
        *trailing_candidates(ctx, find_trailing(ctx.doc, matches.trailing)),
        *according_candidates(ctx, matches.according),
        *label_candidates(ctx),
        *quote_candidates(ctx),
    ]
