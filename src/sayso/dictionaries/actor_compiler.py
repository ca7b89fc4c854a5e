"""Phoenix actor and agent records -> the rows of ``phoenix_actors.tsv`` and ``phoenix_agents.tsv``.

``phoenix_actors.tsv``: one row per (actor, code) in the dictionaries' order. The rows of one actor are
consecutive and share an ``id`` (source file letter + line); its names are on its first row (``name``
and ``aliases``, ``|``-separated). ``from``/``until`` bound the code's dates (ISO, ``until`` exclusive,
empty = open); the first row of an actor whose dates hold for a day is its code that day (PETRARCH's
rule), so an undated row is the fallback (``ELI`` after an office ends). ``country``, ``entity`` and
``sector`` decode the CAMEO code (``actor_codes``).

``phoenix_agents.tsv``: one row per agent noun (plurals and substitutions expanded): the code, whether it
goes ``after`` the actor's code (``~GOV``) or ``before`` it (``NGO~``), and the PLOVER sector.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sayso.dictionaries.actor_codes import decode
from sayso.dictionaries.actor_reader import Actor, Agent

ACTOR_COLUMNS = ("id", "name", "aliases", "code", "country", "entity", "sector", "other_sectors", "from", "until")
AGENT_COLUMNS = ("word", "code", "position", "sector", "other_sectors")


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _clean(text: str) -> str:
    """A cell: no tabs, no '|', no newlines."""
    return " ".join(text.replace("\t", " ").replace("|", "/").split())


def actor_rows(actors: list[Actor], file_letter: str) -> tuple[list[tuple[str, ...]], Counter[str]]:
    rows: list[tuple[str, ...]] = []
    counts: Counter[str] = Counter()
    for actor in actors:
        names = list(dict.fromkeys(_clean(n) for n in actor.names if _clean(n)))
        if not names:
            continue
        actor_id = f"{file_letter}{actor.line}"
        counts["actors"] += 1
        counts["names"] += len(names)
        for i, role in enumerate(actor.roles):
            code = decode(role.code)
            rows.append((
                actor_id, names[0] if i == 0 else "", "|".join(names[1:]) if i == 0 else "", role.code,
                code.country or "", code.entity or "", code.sector or "", "|".join(code.other_sectors),
                _day(role.start), _day(role.end),
            ))
            counts["codes"] += 1
            counts["date-bounded codes"] += role.start is not None or role.end is not None
    return rows, counts


def agent_rows(agents: list[Agent]) -> tuple[list[tuple[str, ...]], Counter[str]]:
    rows: list[tuple[str, ...]] = []
    counts: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for agent in agents:
        key = (agent.word, agent.code)
        if key in seen or not agent.word:
            continue
        seen.add(key)
        code = decode(agent.code)
        position = "before" if agent.code.strip().endswith("~") else "after"
        rows.append((_clean(agent.word), agent.code.strip(), position, code.sector or code.entity or "", "|".join(code.other_sectors)))
        counts["agent nouns"] += 1
    return rows, counts
