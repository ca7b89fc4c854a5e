"""An event as the coder finds it, before the report gives its actors local ids."""

from __future__ import annotations

from dataclasses import dataclass, field

from sayso.extract.actors.keys import ActorKey, SourceRef
from sayso.report import EventDate, Location, TextRef


@dataclass
class CodedEvent:
    """An event with its participants as actor keys (the report's ids are given once all actors are
    known); otherwise the report's Event field for field."""

    type: str
    mode: str | None
    actor: list[ActorKey]
    recipient: list[ActorKey]
    trigger: TextRef
    sentence: tuple[int, int]
    date: EventDate | None = None
    location: Location | None = None
    negated: bool = False
    modality: str | None = None
    via: list[SourceRef] = field(default_factory=list)
    hedged: bool = False
    cameo: str | None = None
    intensity: float | None = None
    count: int | None = None
