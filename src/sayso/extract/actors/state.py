"""The working state of actor resolution for one document: actors being assembled and which spans and
tokens belong to whom.

Why one mutable class: recognition (``recognize``), pronoun and description resolution (``references``),
each step's late mentions (``session``) and the final pass (``links``) all bind mentions the same way.
Recognition freezes its state into an ``ActorTable``; every later user works on a copy of it, so the
table itself never changes.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field

from spacy.tokens import Span

from sayso.extract.actors.coref import Candidate
from sayso.extract.actors.keys import ActorKey
from sayso.extract.actors.kinds import Proto
from sayso.report import ActorType

CharSpan = tuple[int, int]


@dataclass(frozen=True)
class ActorRecord:
    """What is known about one actor (its mentions are kept beside it)."""

    key: ActorKey
    name: str
    type: ActorType
    country: str | None = None
    roles: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    state_media: bool = False
    tokens: tuple[str, ...] = ()  # the name tokens that identify a person ("Xi", "Jinping")
    gender: str | None = None  # "m" / "f" once a gendered pronoun was bound to a person

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None


@dataclass
class Draft:
    """An actor being assembled: titles, descriptions and pronouns add roles, sectors, a country."""

    key: ActorKey
    name: str
    type: ActorType
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    state_media: bool = False
    tokens: tuple[str, ...] = ()
    gender: str | None = None

    @classmethod
    def of(cls, proto: Proto) -> Draft:
        return cls(proto.key, proto.name, proto.type, proto.country, state_media=proto.state_media,
                   sectors=[proto.sector] if proto.sector else [])

    @classmethod
    def thaw(cls, record: ActorRecord) -> Draft:
        return cls(record.key, record.name, record.type, record.country, list(record.roles), list(record.sectors),
                   record.state_media, record.tokens, record.gender)

    def record(self) -> ActorRecord:
        return ActorRecord(self.key, self.name, self.type, self.country, tuple(self.roles), tuple(self.sectors),
                           self.state_media, self.tokens, self.gender)


class ActorState:
    """Actors by key (in creation order), their mentions, and the span and token bindings that make
    repeated look-ups cheap. ``persons`` and ``things`` are the bound mentions in text order, the
    candidates pronouns and descriptions pick antecedents from."""

    def __init__(self) -> None:
        self.drafts: dict[ActorKey, Draft] = {}
        self.mentions: dict[ActorKey, list[CharSpan]] = {}
        self.by_span: dict[CharSpan, ActorKey] = {}
        self.by_token: dict[int, ActorKey] = {}
        self.persons: list[Candidate] = []
        self.things: list[Candidate] = []

    def draft(self, proto: Proto) -> Draft:
        """The actor ``proto`` keys, created from it on first sight."""
        draft = self.drafts.get(proto.key)
        if draft is None:
            draft = self.add_draft(Draft.of(proto))
        return draft

    def add_draft(self, draft: Draft) -> Draft:
        self.drafts[draft.key] = draft
        self.mentions[draft.key] = []
        return draft

    def add_mention(self, key: ActorKey, span: Span) -> None:
        """Bind a mention to an actor: its character span (unless another actor holds exactly that span),
        its tokens (those still free) and its root as an antecedent candidate."""
        where = (span.start_char, span.end_char)
        if where not in self.by_span:
            self.by_span[where] = key
            self.mentions[key].append(where)
        for tok in span:
            self.by_token.setdefault(tok.i, key)
        target = self.persons if self.drafts[key].type == "person" else self.things
        insort(target, (span.root, key), key=lambda c: c[0].i)

    def person_named(self, tokens: tuple[str, ...]) -> ActorKey | None:
        """The latest-created person whose name tokens hold all of ``tokens`` ("Shabab" in "Al-Shabab")."""
        for draft in reversed(self.drafts.values()):
            if draft.type == "person" and draft.tokens and set(tokens) <= set(draft.tokens):
                return draft.key
        return None

    def overlaps(self, key: ActorKey, span: Span) -> bool:
        """Whether the actor already has a mention overlapping ``span``."""
        return any(s < span.end_char and span.start_char < e for s, e in self.mentions[key])
