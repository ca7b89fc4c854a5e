"""The events component, ``sayso_events``: PLOVER events with participants, dates and sources."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sayso.extract.actors.session import MentionSession
from sayso.extract.doc_fields import Findings, attributions
from sayso.extract.events.coder import find_events


class EventCoder:
    def __init__(self, nlp: Language, name: str = "sayso_events") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        session = MentionSession(doc._.sayso_actor_table)
        events = find_events(doc, attributions(doc), session, doc._.sayso_published)
        doc._.sayso_events = Findings(tuple(events), tuple(session.log))
        return doc


@Language.factory("sayso_events")
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
