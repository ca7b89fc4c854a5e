"""Query parameters of the API and the pages: pydantic at the web edge, each model turned into the query
layer's filter by ``to_filter`` (what a parameter means is the filter's business: docs/query.md; a value
the filter refuses, such as an unknown event type, raises ``QueryError``, answered 422 by the app).

Why blank strings become None: an HTML form submits its empty fields (``since=&speaker=``); a reader who
left a field empty asked for no filter, not for an invalid date.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from sayso.query import ActorFilter, ArticleFilter, EventFilter, QueryError, QuoteFilter, RelationFilter, SourceFilter
from sayso.query.filters import parse_day

MAX_LIMIT = 200
MAX_TEXT = 200
DAY = "YYYY, YYYY-MM or YYYY-MM-DD"


def _day(end: bool) -> BeforeValidator:
    """``since=2024-03`` is March 1, ``until=2024-03`` is March 31 (the query layer's date rule)."""

    def parse(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return parse_day(value, end=end)
        except QueryError as exc:
            raise ValueError(str(exc)) from None

    return BeforeValidator(parse)


Since = Annotated[date | None, _day(end=False)]
Until = Annotated[date | None, _day(end=True)]


class _Params(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class Page(_Params):
    limit: int = Field(default=50, ge=1, le=MAX_LIMIT, description="Items per page")
    offset: int = Field(default=0, ge=0, le=10_000_000, description="Items to skip")


class QuoteQuery(Page):
    """Filters of the quote search; every filter narrows the result (AND)."""

    text: str | None = Field(default=None, max_length=MAX_TEXT, description="Words the quote contains, each as a whole word ('sanction*': a prefix)")
    speaker: str | None = Field(default=None, max_length=MAX_TEXT, description="Speaker: actor id, ISO3 country or name")
    addressee: str | None = Field(default=None, max_length=MAX_TEXT, description="Addressee: actor id, ISO3 country or name")
    via: str | None = Field(default=None, max_length=MAX_TEXT, description="A source of the chain: actor id, ISO3 country or name")
    outlet: str | None = Field(default=None, max_length=MAX_TEXT, description="The article's outlet (publisher)")
    state_media_only: bool = Field(default=False, description="Only quotes resting on state media (some link of the chain)")
    since: Since = Field(default=None, description=f"Published on or after ({DAY})")
    until: Until = Field(default=None, description=f"Published on or before ({DAY})")
    article: str | None = Field(default=None, max_length=64, description="One article's id")

    def to_filter(self) -> QuoteFilter:
        return QuoteFilter(self.speaker, self.addressee, self.via, self.outlet, self.state_media_only, self.text,
                           self.since, self.until, self.article, self.limit, self.offset)


class ArticleQuery(Page):
    outlet: str | None = Field(default=None, max_length=MAX_TEXT)
    since: Since = Field(default=None, description=f"Published on or after ({DAY})")
    until: Until = Field(default=None, description=f"Published on or before ({DAY})")

    def to_filter(self) -> ArticleFilter:
        return ArticleFilter(self.outlet, self.since, self.until, None, self.limit, self.offset)


class ActorQuery(Page):
    name: str | None = Field(default=None, max_length=MAX_TEXT, description="Actor id, ISO3 country or name (whole words)")
    type: Literal["person", "organization", "country", "media", "group"] | None = None
    state_media: bool | None = None

    def to_filter(self) -> ActorFilter:
        return ActorFilter(self.name, self.type, self.state_media, self.limit, self.offset)


class SourceQuery(Page):
    by: Literal["source", "speaker"] = Field(default="source", description="Rank sources, or break down each speaker's sourcing")
    speaker: str | None = Field(default=None, max_length=MAX_TEXT, description="With by=speaker: one speaker")
    since: Since = Field(default=None, description=f"Published on or after ({DAY})")
    until: Until = Field(default=None, description=f"Published on or before ({DAY})")

    def to_filter(self) -> SourceFilter:
        return SourceFilter(self.speaker, self.since, self.until, self.limit, self.offset)


class EventQuery(Page):
    type: str | None = Field(default=None, max_length=40, description="PLOVER event type, e.g. CONSULT")
    actor: str | None = Field(default=None, max_length=MAX_TEXT, description="Who did it: actor id, ISO3 country or name")
    recipient: str | None = Field(default=None, max_length=MAX_TEXT, description="To whom: actor id, ISO3 country or name")
    involving: str | None = Field(default=None, max_length=MAX_TEXT, description="Either side: actor id, ISO3 country or name")
    since: Since = Field(default=None, description=f"The event's whole date on or after ({DAY})")
    until: Until = Field(default=None, description=f"The event's whole date on or before ({DAY})")
    include_uncounted: bool = Field(default=False, description="Also negated and modal (unrealised) events")

    def to_filter(self) -> EventFilter:
        return EventFilter(self.actor, self.recipient, self.involving, self.type, self.since, self.until,
                           self.include_uncounted, self.limit, self.offset)


class DyadQuery(_Params):
    by: Literal["month", "week", "year"] | None = Field(default=None, description="Group by period of the event date")
    type: str | None = Field(default=None, max_length=40, description="PLOVER event type")
    since: Since = Field(default=None, description=f"The event's whole date on or after ({DAY})")
    until: Until = Field(default=None, description=f"The event's whole date on or before ({DAY})")
    include_uncounted: bool = Field(default=False, description="Also negated and modal (unrealised) events")

    def to_filter(self) -> EventFilter:
        return EventFilter(type=self.type, since=self.since, until=self.until, include_uncounted=self.include_uncounted)


class RelationQuery(_Params):
    since: Since = None
    until: Until = None
    event_type: str | None = Field(default=None, max_length=40)
    kind: Literal["all", "quotes", "events"] = "all"
    include_uncounted: bool = Field(default=False, description="Also negated and modal (unrealised) events")
    top: int = Field(default=30, ge=2, le=120, description="Largest edges drawn")
    a: str | None = Field(default=None, max_length=MAX_TEXT, description="Dyad: first actor (id, ISO3 country or name)")
    b: str | None = Field(default=None, max_length=MAX_TEXT, description="Dyad: second actor (id, ISO3 country or name)")

    def to_filter(self) -> RelationFilter:
        return RelationFilter(self.kind, self.event_type, self.since, self.until, self.include_uncounted, self.top)

    def event_filter(self) -> EventFilter:
        return EventFilter(type=self.event_type, since=self.since, until=self.until,
                           include_uncounted=self.include_uncounted)


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text")
    published: date | None = Field(default=None, description="Publication date, resolves 'on Monday'")
    title: str | None = Field(default=None, max_length=1000)
