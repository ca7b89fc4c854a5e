"""Actor recognition and resolution: one actor per real entity, with every mention.

``ActorResolver`` is built once per document; the pipeline asks it to resolve speaker, addressee and
source mentions (names, surnames, pronouns, descriptions such as "the Chinese leader").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sayso.report import Actor


class ActorResolver:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._actors: list[Actor] = []

    def resolve(self, mention: Span) -> str | None:
        """The id of the actor this mention refers to (adding the mention), or None."""
        return None

    def actors(self) -> list[Actor]:
        return self._actors
