"""The actors a document's text names: an immutable table from mentions to actors.

Built once per document by recognition (``recognize.build_table``) and stored on the Doc. Steps that
meet further mentions (the attribution's speakers and sources, claim subjects, event participants) never
change it: each resolves them in its own ``MentionSession`` over a copy, and the final pass (``links``)
folds every step's mentions in and numbers the actors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Token

from sayso.extract.actors.coref import Candidate
from sayso.extract.actors.keys import ActorKey
from sayso.extract.actors.lexicon import ActorLexicon
from sayso.extract.actors.settings import ActorSettings
from sayso.extract.actors.state import ActorRecord, ActorState, CharSpan, Draft


@dataclass(frozen=True)
class ActorTable:
    lexicon: ActorLexicon  # what the table was built with; late mentions are resolved with it too
    settings: ActorSettings
    records: Mapping[ActorKey, ActorRecord]  # in the order recognition met them
    mentions: Mapping[ActorKey, tuple[CharSpan, ...]]
    by_span: Mapping[CharSpan, ActorKey]
    by_token: Mapping[int, ActorKey]
    persons: tuple[Candidate, ...]
    things: tuple[Candidate, ...]

    @classmethod
    def freeze(cls, state: ActorState, lexicon: ActorLexicon, settings: ActorSettings) -> ActorTable:
        return cls(
            lexicon=lexicon,
            settings=settings,
            records=MappingProxyType({key: d.record() for key, d in state.drafts.items()}),
            mentions=MappingProxyType({key: tuple(spans) for key, spans in state.mentions.items()}),
            by_span=MappingProxyType(dict(state.by_span)),
            by_token=MappingProxyType(dict(state.by_token)),
            persons=tuple(state.persons),
            things=tuple(state.things),
        )

    def thaw(self) -> ActorState:
        """A working copy: the table's content in a state that can take further mentions."""
        state = ActorState()
        for key, record in self.records.items():
            state.add_draft(Draft.thaw(record))
            state.mentions[key] = list(self.mentions[key])
        state.by_span = dict(self.by_span)
        state.by_token = dict(self.by_token)
        state.persons = list(self.persons)
        state.things = list(self.things)
        return state

    def key_at(self, token: Token) -> ActorKey | None:
        """The actor a token was bound to by recognition, if any."""
        return self.by_token.get(token.i)
