"""The typed answers of the query layer: what a CLI table row and a web API item hold, field for field.

Plain dataclasses (no slots) on purpose: the web serialises a page with ``json.dumps(default=vars)``,
which reads each record's ``__dict__`` directly, the cheapest way from a record to JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One page of an answer and the number of all matches."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass
class ViaLink:
    """One link of a source chain, nearest source first."""

    id: int | None  # actors.id; None for a link that names no actor ("a private news channel")
    name: str
    state_media: bool
    cue: str | None = None


@dataclass
class QuoteRow:
    article_id: str
    quote_id: str
    type: str
    text: str
    speaker: str | None  # the actor's canonical name, else the speaker's words
    speaker_id: int | None
    addressee: str | None
    addressee_id: int | None
    via: list[ViaLink]
    via_state_media: bool  # rests on state media: some link of the chain is a state media outlet
    hedged: bool
    cue: str | None
    start_char: int | None
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    cluster: str | None


@dataclass
class Participant:
    id: int | None
    name: str
    country: str | None


@dataclass
class EventRow:
    article_id: str
    event_id: str
    type: str
    mode: str | None
    actors: list[Participant]
    recipients: list[Participant]
    trigger: str
    trigger_start: int
    when: str | None  # the date at its precision: 2024-03-18, 2024-W11, 2024-03, 2024, 2014-03-18/2024-03-18
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    date_text: str | None  # the words that gave the date; None when it is the publication day
    counted: bool  # a realised act: neither negated nor modal
    negated: bool
    modality: str | None
    hedged: bool
    intensity: float | None
    cameo: str | None
    count: int | None
    location: str | None
    via: list[ViaLink]
    evidence: str  # the sentence
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None


@dataclass
class DyadRow:
    period: str | None  # the bucket (docs/query.md, "periods"); None when not grouped by time
    actor_country: str | None
    recipient_country: str | None
    type: str
    events: int
    mean_intensity: float | None


@dataclass
class TimelinePoint:
    period: str
    type: str
    events: int


@dataclass
class Edge:
    source: int
    target: int
    source_name: str
    target_name: str
    quotes: int
    events: int

    @property
    def weight(self) -> int:
        return self.quotes + self.events


@dataclass
class ActorRow:
    id: int
    name: str
    type: str
    country: str | None
    state_media: bool
    sector: str | None
    quotes: int  # quotes the actor said
    quoted_in: int  # articles quoting the actor
    outlets: int  # outlets quoting the actor
    mentioned_in: int  # articles naming the actor at all


@dataclass
class Tally:
    """Someone and how often: whom an actor addressed, who carried their words."""

    id: int | None
    name: str
    n: int
    state_media: bool = False


@dataclass
class ActorProfile:
    actor: ActorRow
    with_source: int  # quotes carried by a named source
    via_state_media: int  # quotes resting on state media
    addressed: list[Tally] = field(default_factory=list)
    addressed_by: list[Tally] = field(default_factory=list)
    carried_by: list[Tally] = field(default_factory=list)


@dataclass
class SourceRank:
    """A source and the quotes that reach readers through it (any link of a chain)."""

    id: int | None
    name: str
    type: str
    state_media: bool
    quotes: int
    articles: int
    nearest: int  # quotes where it is the nearest source


@dataclass
class SpeakerSources:
    """How one speaker's quotes reach the reader."""

    id: int
    speaker: str
    state_media: int  # the chain has a state media link
    independent: int  # a named chain without state media
    unnamed: int  # no source between the speaker and the article
    total: int


@dataclass
class ArticleRow:
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    path: str | None
    story_id: int | None
    quotes: int
    events: int  # counted events


@dataclass
class ClusterRow:
    cluster: str
    text: str
    n_quotes: int
    n_articles: int
    n_outlets: int
    n_stories: int
    first_published: str | None


@dataclass
class Overview:
    articles: int
    quotes: int
    actors: int
    events: int  # counted events
    claims: int
    first: str | None
    last: str | None
