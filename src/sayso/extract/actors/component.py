"""The actor components: ``sayso_actors`` (the text's actors) and ``sayso_actor_links`` (the final pass)."""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from sayso.extract.actors.keys import ActorMention, SourceRef
from sayso.extract.actors.links import LinkedActors, link
from sayso.extract.actors.recognize import build_table
from sayso.extract.actors.session import MentionSession
from sayso.extract.doc_fields import attributions


class AttributionActors(NamedTuple):
    """The actors of one attribution: its speaker (shown as the whole noun phrase), addressee, sources."""

    speaker: ActorMention | None
    addressee: ActorMention | None
    via: tuple[SourceRef, ...]


class ActorRecognizer:
    def __init__(self, nlp: Language, name: str = "sayso_actors") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sayso_actor_table = build_table(doc)
        return doc


class ActorLinker:
    def __init__(self, nlp: Language, name: str = "sayso_actor_links") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        table = doc._.sayso_actor_table
        session = MentionSession(table)
        quoted = tuple(
            AttributionActors(
                session.mention(att.speaker, att.speaker_phrase),
                session.mention(att.addressee),
                tuple(session.source(src.mention, src.cue) for src in att.via),
            )
            for att in attributions(doc)
        )
        doc._.sayso_actors = link(table, [session.log, doc._.sayso_claims.late, doc._.sayso_events.late])
        doc._.sayso_attribution_actors = quoted
        return doc


@Language.factory("sayso_actors")
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)


@Language.factory("sayso_actor_links")
def make_actor_linker(nlp: Language, name: str) -> ActorLinker:
    return ActorLinker(nlp, name)
