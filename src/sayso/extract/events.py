"""PLOVER events: what political actors did to each other, from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.extract.actors import ActorResolver
from sayso.extract.types import Attribution
from sayso.report import Event


def find_events(
    doc: Doc, attributions: list[Attribution], actors: ActorResolver, published: str | None
) -> list[Event]:
    return []
