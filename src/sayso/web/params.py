"""Query parameters of the API and the pages, validated by pydantic at the web edge.

Why blank strings become None: an HTML form submits its empty fields (``since=&speaker=``); a reader who
left a field empty asked for no filter, not for an invalid date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_LIMIT = 200
MAX_TEXT = 200


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

    text: str | None = Field(default=None, max_length=MAX_TEXT, description="Words the quote contains (all of them)")
    speaker: str | None = Field(default=None, max_length=MAX_TEXT, description="Speaker: actor id or name")
    addressee: str | None = Field(default=None, max_length=MAX_TEXT, description="Addressee: actor id or name")
    via: str | None = Field(default=None, max_length=MAX_TEXT, description="A source of the chain: actor id or name")
    outlet: str | None = Field(default=None, max_length=MAX_TEXT, description="The article's outlet (publisher)")
    state_media_only: bool = Field(default=False, description="Only quotes whose whole source chain is state media")
    since: date | None = Field(default=None, description="Published on or after (YYYY-MM-DD)")
    until: date | None = Field(default=None, description="Published on or before (YYYY-MM-DD)")
    article: str | None = Field(default=None, max_length=64, description="One article's id")


class ArticleQuery(Page):
    outlet: str | None = Field(default=None, max_length=MAX_TEXT)
    since: date | None = None
    until: date | None = None


class ActorQuery(Page):
    name: str | None = Field(default=None, max_length=MAX_TEXT, description="Part of the actor's name")
    type: str | None = Field(default=None, max_length=20, description="person, organization, country, media, group")
    state_media: bool | None = None


class SourceQuery(Page):
    since: date | None = None
    until: date | None = None


class EventQuery(Page):
    type: str | None = Field(default=None, max_length=40, description="PLOVER event type, e.g. CONSULT")
    actor: str | None = Field(default=None, max_length=MAX_TEXT, description="Either side: actor id or name")
    since: date | None = None
    until: date | None = None


class RelationQuery(_Params):
    since: date | None = None
    until: date | None = None
    event_type: str | None = Field(default=None, max_length=40)
    kind: str = Field(default="all", pattern="^(all|quotes|events)$")
    top: int = Field(default=30, ge=2, le=120, description="Largest edges drawn")
    a: str | None = Field(default=None, max_length=MAX_TEXT, description="Dyad: first actor (id or name)")
    b: str | None = Field(default=None, max_length=MAX_TEXT, description="Dyad: second actor (id or name)")


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text")
    published: date | None = Field(default=None, description="Publication date, resolves 'on Monday'")
    title: str | None = Field(default=None, max_length=1000)
