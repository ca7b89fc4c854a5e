"""Look up Phoenix actors and agents: a name (or a noun phrase) -> country, entity and PLOVER sector, with
date-bounded roles read on the article's publication day.

``lookup("Vladimir Putin", date(2024, 3, 18))`` gives his RUSGOV row (an open role from 2008-05-08);
a minister whose ``[XXXGOV from-until]`` ended before the day falls through to his undated ``[XXXELI]``
row, as PETRARCH's ``check_date`` reads it: the first row whose dates hold wins. Without a day, the
undated fallback row is taken (else the latest open role): the dictionary cannot know the present.
Nor can it know what happened after its last update: ``horizon`` is the latest date it names (2015-02-17
for the shipped tables), and ``stale(role, day)`` says a role is read past it (Ban Ki-moon is still
"UN" in 2024 by the dictionary; Putin's open GOV role happens to be right).

``code_phrase`` codes a noun phrase the way PETRARCH codes one: left to right, the longest actor name at
each position, else the longest agent noun ("Israeli security forces" = Israel + ``~MIL``); the first
actor gives the country, an agent the sector. When a name is listed twice, the later entry wins (the
dictionaries are read into a trie in which a later entry overwrites an earlier one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sayso.lexicons import read_tsv

ACTOR_FILE = "phoenix_actors.tsv"
AGENT_FILE = "phoenix_agents.tsv"
_MAX_WORDS = 12


@dataclass(frozen=True)
class PhoenixRole:
    code: str
    country: str | None
    entity: str | None
    sector: str | None
    other_sectors: tuple[str, ...]
    start: date | None  # None: no lower bound
    end: date | None  # exclusive; None: open

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class PhoenixActor:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[PhoenixRole, ...]

    def role_on(self, day: date | None) -> PhoenixRole | None:
        """The role for that day (the first whose dates hold); without a day the undated fallback."""
        if day is not None:
            return next((r for r in self.roles if r.holds_on(day)), None)
        undated = [r for r in self.roles if not r.dated]
        if undated:
            return undated[0]
        open_roles = [r for r in self.roles if r.end is None]
        return max(open_roles, key=lambda r: r.start or date.min) if open_roles else None


@dataclass(frozen=True)
class Agent:
    word: str
    code: str
    sector: str | None
    other_sectors: tuple[str, ...]


@dataclass(frozen=True)
class PhraseCode:
    """What a noun phrase says about its referent, with the dictionary names that said it."""

    country: str | None
    entity: str | None
    sector: str | None
    actor: PhoenixActor | None
    agent: Agent | None


def normalize(name: str) -> str:
    text = " ".join(name.replace("_", " ").split()).lower()
    return text.removeprefix("the ")


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split("|")) if text else ()


def _key(name: str) -> str:
    """A compiled name (already lower case, single spaces) as an index key."""
    return name.removeprefix("the ")


class PhoenixActors:
    """The compiled actor and agent tables, indexed by normalised name."""

    def __init__(self, actor_rows: tuple[tuple[str, ...], ...], agent_rows: tuple[tuple[str, ...], ...]) -> None:
        self.by_name: dict[str, PhoenixActor] = {}
        self.agents: dict[str, Agent] = {}
        self.horizon: date | None = None
        for actor in self._actors(actor_rows):
            days = [d for r in actor.roles for d in (r.start, r.end) if d is not None]
            if days and (self.horizon is None or max(days) > self.horizon):
                self.horizon = max(days)
            self.by_name[_key(actor.name)] = actor  # a later entry overwrites, as in PETRARCH
            for alias in actor.aliases:
                self.by_name[_key(alias)] = actor
        for row in agent_rows:
            word, code, _position, sector, others = (*row, "", "", "", "")[:5]
            self.agents[_key(word)] = Agent(word, code, sector or None, _split(others))

    @staticmethod
    def _actors(rows: tuple[tuple[str, ...], ...]) -> list[PhoenixActor]:
        actors: list[PhoenixActor] = []
        current: tuple[str, str, tuple[str, ...]] | None = None
        roles: list[PhoenixRole] = []
        for row in rows:
            actor_id, name, aliases, code, country, entity, sector, others, start, end = (*row, *[""] * 10)[:10]
            if current is None or actor_id != current[0]:
                if current is not None:
                    actors.append(PhoenixActor(current[0], current[1], current[2], tuple(roles)))
                current, roles = (actor_id, name, _split(aliases)), []
            roles.append(PhoenixRole(code, country or None, entity or None, sector or None, _split(others),
                                     _day(start), _day(end)))
        if current is not None:
            actors.append(PhoenixActor(current[0], current[1], current[2], tuple(roles)))
        return actors

    def actor(self, name: str) -> PhoenixActor | None:
        return self.by_name.get(normalize(name))

    def lookup(self, name: str, day: date | None = None) -> PhoenixRole | None:
        """The role of the actor with this name on that day, or None (unknown name, or no role then)."""
        found = self.actor(name)
        return found.role_on(day) if found is not None else None

    def stale(self, role: PhoenixRole, day: date | None) -> bool:
        """A role read past the dictionary's last update: open-ended there, but the dictionary cannot know
        whether it ended since."""
        return day is not None and self.horizon is not None and day > self.horizon and role.end is None

    def agent(self, word: str) -> Agent | None:
        return self.agents.get(normalize(word))

    def code_phrase(self, words: list[str], day: date | None = None) -> PhraseCode:
        """Code a noun phrase's words, PETRARCH-style: longest actor name, else longest agent noun."""
        lowered = [w.lower() for w in words]
        country = entity = sector = None
        first_actor: PhoenixActor | None = None
        first_agent: Agent | None = None
        i = 0
        while i < len(lowered):
            step = 1
            for n in range(min(_MAX_WORDS, len(lowered) - i), 0, -1):
                text = " ".join(lowered[i : i + n])
                actor = self.by_name.get(text)
                if actor is not None:
                    role = actor.role_on(day)
                    if role is not None and first_actor is None:
                        first_actor = actor
                        country, entity = role.country, role.entity
                        sector = sector or role.sector
                    step = n
                    break
                agent = self.agents.get(text)
                if agent is not None:
                    if first_agent is None:
                        first_agent = agent
                        sector = agent.sector or sector
                    step = n
                    break
            i += step
        return PhraseCode(country, entity, sector, first_actor, first_agent)


@lru_cache(maxsize=1)
def phoenix_actors() -> PhoenixActors:
    """The packaged tables, loaded once per process (a few hundred milliseconds)."""
    return PhoenixActors(read_tsv(ACTOR_FILE), read_tsv(AGENT_FILE))
