"""The final pass: every step's late mentions folded into the actor table, then local ids.

Sessions are replayed in one fixed order (the attribution's speakers and sources, then claims, then
events: the order a reader meets them in a report), each in the order it bound its mentions; an actor a
session added joins the table unless an earlier one added it already.

Ids: "a1", "a2", ... in the order of each actor's first mention in the text (ties, and actors with no
mention of their own, by key). So an actor's id depends only on the finished table, never on which
step met the actor first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from sayso.extract.actors.keys import ActorKey
from sayso.extract.actors.session import LateOp, NewActor
from sayso.extract.actors.state import ActorState, Draft
from sayso.extract.actors.table import ActorTable
from sayso.report import Actor

_NO_MENTION = (float("inf"), float("inf"))


@dataclass(frozen=True)
class LinkedActors:
    """The document's actors as the report shows them, and the id of each key."""

    actors: tuple[Actor, ...]
    ids: Mapping[ActorKey, str]

    def id_of(self, key: ActorKey | None) -> str | None:
        return None if key is None else self.ids[key]


def link(table: ActorTable, logs: Iterable[Sequence[LateOp]]) -> LinkedActors:
    """The finished actors: the table with every session's log replayed into it, in the given order."""
    state = table.thaw()
    same: dict[ActorKey, ActorKey] = {}  # a person a later session added under a shorter name
    for log in logs:
        for op in log:
            if isinstance(op, NewActor):
                _add(state, op.draft, same)
                continue
            key = same.get(op.key, op.key)
            if not (op.checked and state.overlaps(key, op.span)):
                state.add_mention(key, op.span)
    return number(state, same)


def _add(state: ActorState, draft: Draft, same: dict[ActorKey, ActorKey]) -> None:
    """An actor a session added joins the table, unless an earlier session added it (the same key) or,
    for a person, a known person's name holds its name ("al-Shabab" after "Al-Shabab"): the rule a single
    session applies when it meets a new name."""
    if draft.key in state.drafts:
        return
    known = state.person_named(draft.tokens) if draft.type == "person" and draft.tokens else None
    if known is not None:
        same[draft.key] = known
        return
    state.add_draft(Draft.thaw(draft.record()))


def number(state: ActorState, same: Mapping[ActorKey, ActorKey]) -> LinkedActors:
    def first_mention(key: ActorKey) -> tuple[float, float]:
        spans = state.mentions[key]
        return min(spans) if spans else _NO_MENTION

    order = sorted(state.drafts, key=lambda k: (first_mention(k), k))
    ids = {key: f"a{i}" for i, key in enumerate(order, start=1)}
    ids.update({alias: ids[key] for alias, key in same.items()})
    actors = tuple(
        Actor(ids[key], d.name, d.type, d.country, list(d.roles), d.state_media, d.sectors[0] if d.sectors else None,
              sorted(state.mentions[key]))
        for key in order
        for d in (state.drafts[key],)
    )
    return LinkedActors(actors, MappingProxyType(ids))
