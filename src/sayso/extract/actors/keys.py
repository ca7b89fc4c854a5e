"""Who an actor is, as a value: the typed key every step uses, and the references records carry.

Why a key and not an id: steps (claims, events, the attribution's speakers) resolve mentions
independently, so they can only agree on identity through something derived from what the text says
("the country UKR", "the person Xi Jinping"). Local ids ("a1") are numbered once, after every mention is
known (``links``), so they do not depend on which step happened to see an actor first.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from sayso.report import TextRef

KeyKind = Literal["country", "person", "named", "outlet", "org", "state_media", "group", "region"]


class ActorKey(NamedTuple):
    """The identity of one actor within one document. Two mentions with equal keys are one actor.

    ``name`` is what the kind is keyed on: an ISO code for a country, a canonical name for a person or a
    named outlet/organisation, the noun for a group ("officials"), the adjective for a region ("Western").
    ``at`` tells apart unnamed individuals ("a Japanese businessman"): the offset of their mention.
    """

    kind: KeyKind
    name: str
    country: str = ""
    sector: str = ""
    at: int = -1


def country_key(code: str) -> ActorKey:
    return ActorKey("country", code)


class ActorMention(NamedTuple):
    """A span of text that names an actor (a speaker, an addressee, a source), with the key it resolved
    to (None when it resolved to nobody)."""

    key: ActorKey | None
    text: str
    span: tuple[int, int]


class SourceRef(NamedTuple):
    """One link of a source chain: the mention of the outlet or person and the words that cue it."""

    mention: ActorMention
    cue: TextRef | None = None
