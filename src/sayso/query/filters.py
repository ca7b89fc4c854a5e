"""The filters of every read question, one typed dataclass each, shared by the CLI and the web.

A filter holds what was asked, already checked (dates parsed, types known); what each field means is
documented once, in docs/query.md, and implemented once, in the query functions. The web's pydantic
models (``web/params.py``) and the CLI's options only parse their input into these.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sayso.errors import SaysoError
from sayso.query.names import words

Period = Literal["month", "week", "year"]
PERIODS: tuple[Period, ...] = ("month", "week", "year")
ActorType = Literal["person", "organization", "country", "media", "group"]
ACTOR_TYPES: tuple[str, ...] = ("person", "organization", "country", "media", "group")
RelationKind = Literal["all", "quotes", "events"]

_DAY_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class QueryError(SaysoError):
    """A filter value that cannot mean anything (a malformed date, an unknown event type)."""


def parse_day(value: str, *, end: bool = False) -> date:
    """A window bound from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: a start bound is the first day of
    what was written, an end bound its last day ("until 2024-03" takes in all of March)."""
    m = _DAY_PREFIX.match(value.strip())
    if not m:
        raise QueryError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            return date(year, int(month), int(day))
        if month is not None:
            last = calendar.monthrange(year, int(month))[1]
            return date(year, int(month), last if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        raise QueryError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def event_types() -> frozenset[str]:
    """The PLOVER event types an event filter accepts (``lexicons/shared/plover_types.tsv``)."""
    from sayso.lexicons import read_tsv

    return frozenset(row[0] for row in read_tsv("plover_types.tsv"))


def check_event_type(value: str | None) -> str | None:
    """The type upper-cased; a type that is no PLOVER type is an error, not an empty answer."""
    if value is None:
        return None
    upper = value.strip().upper()
    if upper not in event_types():
        raise QueryError(f"unknown event type {value!r}; PLOVER types: {', '.join(sorted(event_types()))}")
    return upper


def check_actor_type(value: str | None) -> str | None:
    if value is not None and value not in ACTOR_TYPES:
        raise QueryError(f"unknown actor type {value!r}; types: {', '.join(ACTOR_TYPES)}")
    return value


def check_period(value: str | None) -> Period | None:
    if value is not None and value not in PERIODS:
        raise QueryError(f"unknown period {value!r}; periods: {', '.join(PERIODS)}")
    return value  # type: ignore[return-value]


@dataclass(frozen=True)
class QuoteFilter:
    """Quotes; every field narrows the answer (AND). Newest article first."""

    speaker: str | None = None  # an actor: id, ISO3 country code or name (docs/query.md, "names")
    addressee: str | None = None
    via: str | None = None  # an actor in the source chain, or words of an unnamed link
    outlet: str | None = None  # the article's outlet, exactly
    state_media_only: bool = False  # the quote rests on state media: some link of its chain is state media
    text: str | None = None  # words the quote contains, each as a whole word
    since: date | None = None  # the article's publication day, inclusive
    until: date | None = None
    article: str | None = None  # one article's id
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.text is not None and not words(self.text):
            raise QueryError(f"{self.text!r} holds no word to search for (words are letters and digits)")


@dataclass(frozen=True)
class EventFilter:
    """Events. Only counted events (not negated, no modality) unless ``include_uncounted``."""

    actor: str | None = None  # who did it
    recipient: str | None = None  # to whom
    involving: str | None = None  # either side
    type: str | None = None  # PLOVER type
    since: date | None = None  # the event's whole date lies inside [since, until]
    until: date | None = None
    include_uncounted: bool = False
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", check_event_type(self.type))


@dataclass(frozen=True)
class ActorFilter:
    """Actors, most quoted first."""

    name: str | None = None  # the name rule, as for a speaker
    type: str | None = None
    state_media: bool | None = None
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        check_actor_type(self.type)


@dataclass(frozen=True)
class SourceFilter:
    """Sources and speakers' sourcing, over quotes of articles published in the window."""

    speaker: str | None = None  # the per-speaker breakdown only
    since: date | None = None
    until: date | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    story_id: int | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class RelationFilter:
    """Who addressed or acted on whom: quotes speaker -> addressee, events actor -> recipient."""

    kind: RelationKind = "all"
    event_type: str | None = None  # events of this type only (and then no quotes)
    since: date | None = None  # quotes: publication day; events: the event date rule
    until: date | None = None
    include_uncounted: bool = False
    top: int = 30

    def __post_init__(self) -> None:
        object.__setattr__(self, "event_type", check_event_type(self.event_type))
