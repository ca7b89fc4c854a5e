"""Numeric claims: figures with their unit, what they are about and on whose say-so."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.extract.actors import ActorResolver
from sayso.extract.types import Attribution
from sayso.report import Claim


def find_claims(doc: Doc, attributions: list[Attribution], actors: ActorResolver) -> list[Claim]:
    return []
