"""Read the Phoenix actor and agent dictionaries (TABARI/PETRARCH format) into plain records.

Actors (``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt``): a line with a name opens an actor (``_`` joins words; a trailing
``_`` asks for the exact word), ``+NAME`` lines are its other names, and ``[CODE DATES]`` - on the name
line or on lines of their own - are its codes in order: ``[RUSGOV 991231-080507]`` from..before,
``[RUSGOV >080508]`` from, ``[HTIOPPMED <061231]`` before, ``[RUSELI]`` any time (the fallback, listed
last). PETRARCH takes the first code whose dates hold for the story's date; dates are YYMMDD (00-30 =
20YY) or YYYYMMDD. Differences from ``PETRreader.read_actor_dictionary``, each a fix of a reading that
loses data: several ``[...]`` on one line are all read (PETRARCH keeps the last and leaves the others in
the name); a name group with no code of its own takes the codes of the group that directly follows it
(``DMITRY_MEDVEDEV_`` + aliases, then ``DMITR_MEDVEDEV_`` + aliases + codes: one person).

Agents (``Phoenix.agents.txt``): ``NOUN {PLURAL} [~CODE]``; ``~CODE`` is added after the actor's code,
``CODE~`` before it; ``!PERSON! = MAN, MEN, ...`` defines a substitution; without ``{...}`` a regular
plural is made (``{}``: none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_BRACKET = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Role:
    """One code of an actor, with the dates it holds for: [start, end), None = open."""

    code: str
    start: date | None
    end: date | None


@dataclass
class Actor:
    names: list[str]  # the first is the actor's own name, the rest its aliases
    roles: list[Role]
    line: int


@dataclass
class ActorFile:
    actors: list[Actor] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    borrowed: int = 0  # name groups with no code of their own, given the next group's codes


def parse_date(text: str) -> date:
    """YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD, as PETRARCH's dstr_to_ordate reads them."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"not a date: {text!r}")
    if len(digits) == 6:
        yy = int(digits[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), digits[2:]
    else:
        year, rest = int(digits[:4]), digits[4:]
    return date(year, int(rest[:2]), int(rest[2:]))


def parse_role(inside: str) -> Role:
    """The inside of one ``[CODE DATES]``."""
    parts = inside.split(None, 1)
    code = parts[0].strip() if parts else ""
    spec = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not code:
        raise ValueError("empty code")
    if not spec:
        return Role(code, None, None)
    if spec.startswith(">"):
        return Role(code, parse_date(spec[1:]), None)
    if spec.startswith("<"):
        return Role(code, None, parse_date(spec[1:]))
    if "-" in spec:
        first, second = spec.split("-", 1)
        return Role(code, parse_date(first), parse_date(second))
    return Role(code, parse_date(spec), None)  # a bare date: from then on


def normalize_name(text: str) -> str:
    """A dictionary name as words: ``VLADIMIR_PUTIN_`` -> ``vladimir putin``."""
    return " ".join(text.replace("_", " ").split()).lower()


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_actor_file(path: Path) -> ActorFile:
    result = ActorFile()
    current: Actor | None = None
    waiting: list[Actor] = []  # name groups with no code yet: they take the next group's codes

    def close() -> None:
        nonlocal current
        if current is None:
            return
        if current.roles:
            for early in waiting:
                early.roles = list(current.roles)
                result.actors.append(early)
            result.borrowed += len(waiting)
            waiting.clear()
            result.actors.append(current)
        else:
            waiting.append(current)
        current = None

    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = _strip_comment(raw)
        if not line.strip() or line.lstrip().startswith("<!"):
            continue
        text = line.strip()
        roles_text = _BRACKET.findall(text)
        name_text = _BRACKET.sub(" ", text).strip()
        if text.startswith("+") and current is not None:
            current.names.append(normalize_name(name_text[1:]))
        elif name_text and not text.startswith("["):
            close()
            current = Actor([normalize_name(name_text.lstrip("+"))], [], n)
        for inside in roles_text:
            if current is None:
                result.warnings.append(f"{path.name} line {n}: a code before any name")
                continue
            try:
                current.roles.append(parse_role(inside))
            except ValueError as exc:
                result.warnings.append(f"{path.name} line {n}: [{inside}] skipped ({exc})")
    close()
    for early in waiting:
        result.warnings.append(f"{path.name} line {early.line}: {early.names[0]!r} has no code")
    return result


@dataclass(frozen=True)
class Agent:
    word: str  # the noun phrase, lower case
    code: str  # as written: "~GOV", "NGO~"
    line: int


def _plural(word: str) -> str:
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def read_agent_file(path: Path) -> tuple[list[Agent], list[str]]:
    """Every agent noun with its code, substitutions and plurals expanded, in file order."""
    agents: list[Agent] = []
    warnings: list[str] = []
    substitutions: dict[str, list[str]] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = _strip_comment(raw).strip()
        if not line or line.startswith("<!"):
            continue
        if "!" in line and "=" in line:
            marker, _, values = line.partition("=")
            substitutions[marker.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        found = _BRACKET.search(line)
        if found is None:
            warnings.append(f"{path.name} line {n}: no code; skipped")
            continue
        code = found.group(1).strip()
        body = line[: found.start()].strip()
        plural: str | None = None
        if "{" in body:
            plural = body[body.index("{") + 1 : body.index("}")].strip() if "}" in body else ""
            body = body[: body.index("{")].strip()
        marker = re.search(r"!([^!]+)!", body)
        if marker is not None:
            values = substitutions.get(marker.group(1))
            if values is None:
                warnings.append(f"{path.name} line {n}: substitution !{marker.group(1)}! undefined; skipped")
                continue
            words = [body[: marker.start()] + v + body[marker.end() :] for v in values]  # no plural of these
        else:
            words = [body] + ([_plural(body)] if plural is None else [plural] if plural else [])
        agents.extend(Agent(normalize_name(w), code, n) for w in words if w.strip())
    return agents, warnings
