"""The report: sayso's one contract (schema ``sayso/1``).

Every later stage (store, query, web, events) reads these records and nothing else, so they are plain
dataclasses with an explicit JSON form. Offsets are Python string offsets into ``article.text`` exactly as
read: ``text[s:e]`` equals the field's ``text``.

These dataclasses are the one description of the record: the JSON form (``sayso.records``), the JSON
Schema (``report_schema.py``, published as ``schema/report-1.schema.json``) and the store's tables
(``store/tables.py``) are derived from their type hints. A new field is one edit here (see
docs/architecture-records.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Literal

from sayso.records import ACTOR_LINK, OPTIONAL_IN_JSON, JsonSchema, from_dict, to_json_value

SCHEMA_VERSION = "sayso/1"

Offset = Annotated[int, JsonSchema(minimum=0)]
Span = tuple[Offset, Offset]
IsoDate = Annotated[str, JsonSchema(pattern=r"^\d{4}-\d{2}-\d{2}$")]  # YYYY-MM-DD
CountryCode = Annotated[str, JsonSchema(pattern="^[A-Z]{3}$")]  # ISO 3166-1 alpha-3
LocalActorId = Annotated[str, ACTOR_LINK]  # the id of one of this report's actors: "a1"
ActorType = Literal["person", "organization", "country", "media", "group"]
QuoteType = Literal["direct", "indirect", "mixed"]
PloverType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                     "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def added_later(default: Any = None) -> Any:
    """A field added after sayso/1 was published: older reports lack it, so the schema does not require it
    and ``from_dict`` gives it its default."""
    return field(default=default, metadata={OPTIONAL_IN_JSON: True})


@dataclass
class ArticleInfo:
    id: Annotated[str, JsonSchema(pattern="^[0-9a-f]{64}$", description="sha256 of the text")]
    text: str
    path: str | None = None
    published: IsoDate | None = None
    title: str | None = None
    language: str = "en"
    url: str | None = added_later()
    outlet: str | None = added_later()
    author: str | None = added_later()
    warnings: list[str] = field(default_factory=list)


@dataclass
class Actor:
    id: str  # "a1", "a2", ... unique within one report
    name: str  # canonical: "Xi Jinping", "China", "TASS"
    type: ActorType
    country: CountryCode | None = None
    roles: list[str] = field(default_factory=list)  # ["President"]
    state_media: bool = False
    sector: str | None = None  # PLOVER sector: GOV, MIL, JRN (media; MED is health), OPP, REB, BUS, IGO, NGO, CVL, ...
    mentions: list[Span] = field(default_factory=list)  # every mention, pronouns and descriptions too


@dataclass
class TextRef:
    """A piece of text with its offsets (a cue, a trigger)."""

    text: str
    span: Span


@dataclass
class Cue:
    text: str
    lemma: str
    span: Span


@dataclass
class ActorRef:
    """A mention that names an actor: the speaker, the addressee, a source."""

    actor: LocalActorId | None  # None when the mention could not be resolved
    text: str
    span: Span


@dataclass
class Via:
    """One link of a source chain: the outlet or person that carried the words to the reader."""

    actor: LocalActorId | None
    text: str
    span: Span
    cue: TextRef | None = None  # "according to", "reported", "quoted ... as saying"


@dataclass
class Content:
    text: str  # the spans' texts joined by one space
    spans: Annotated[list[Span], JsonSchema(minItems=1)]


@dataclass
class Quote:
    id: str  # "q1", ...
    type: QuoteType
    content: Content
    cue: Cue | None = None
    speaker: ActorRef | None = None
    addressee: ActorRef | None = None
    via: list[Via] = field(default_factory=list)  # nearest source first
    hedged: bool = False
    sentence: Span | None = added_later()


@dataclass
class Claim:
    id: str  # "c1", ...
    text: str
    span: Span
    value: float
    unit: str | None = None  # percent, times, people, USD, ...
    about: LocalActorId | None = None
    speaker: ActorRef | None = None
    via: list[Via] = field(default_factory=list)
    hedged: bool = False


@dataclass
class EventDate:
    start: IsoDate
    end: IsoDate  # == start for a single day
    precision: Literal["day", "week", "month", "year", "range"]
    text: str | None = None  # the words that gave the date; None when taken from the publication date
    span: Span | None = None


@dataclass
class Location:
    text: str
    span: Span
    country: str | None = None


@dataclass
class Event:
    id: str  # "e1", ...
    type: PloverType
    mode: str | None
    actor: list[LocalActorId]
    recipient: list[LocalActorId]
    trigger: TextRef
    sentence: Span
    date: EventDate | None = None
    location: Location | None = None
    negated: bool = False
    modality: str | None = None  # "may", "plans", "threatens", ...
    via: list[Via] = field(default_factory=list)
    hedged: bool = False
    cameo: str | None = None  # CAMEO root code, "05"
    intensity: float | None = None  # Goldstein-style score, -10..10
    count: int | None = None  # "met 42 times" -> 42


@dataclass
class Report:
    article: ArticleInfo
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    schema: Literal["sayso/1"] = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return to_json_value(self)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """The report from its JSON form; ``ValueError`` when a required field is missing or null."""
        return from_dict(cls, data)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None (ids are small and few: a scan is cheap)."""
        if actor_id is None:
            return None
        return next((a for a in self.actors if a.id == actor_id), None)


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    """The published JSON Schema of a report."""
    text = resources.files("sayso").joinpath("schema/report-1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(report: Report | dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when a report breaks the published schema."""
    import jsonschema

    data = report.to_dict() if isinstance(report, Report) else report
    jsonschema.validate(data, json_schema())


def offset_errors(report: Report) -> list[str]:
    """Every field whose offsets do not reproduce its text: the verifiability promise, checked."""
    text = report.article.text
    errors: list[str] = []

    def check(where: str, span: Span | None, expected: str | None) -> None:
        if span is None:
            return
        s, e = span
        if not (0 <= s <= e <= len(text)):
            errors.append(f"{where}: span {span} outside the text")
        elif expected is not None and text[s:e] != expected:
            errors.append(f"{where}: text[{s}:{e}]={text[s:e]!r} != {expected!r}")

    for a in report.actors:
        for m in a.mentions:
            check(f"actor {a.id} mention", m, None)
    for item in [*report.quotes, *report.claims]:
        refs = [item.speaker, *item.via]
        if isinstance(item, Quote):
            refs.append(item.addressee)
            joined = " ".join(text[s:e] for s, e in item.content.spans)
            if joined != item.content.text:
                errors.append(f"quote {item.id}: content spans do not join to content text")
            for sp in item.content.spans:
                check(f"quote {item.id} content", sp, None)
            if item.cue:
                check(f"quote {item.id} cue", item.cue.span, item.cue.text)
            check(f"quote {item.id} sentence", item.sentence, None)
        else:
            check(f"claim {item.id}", item.span, item.text)
        for ref in refs:
            if ref is not None:
                check(f"{item.id} ref", ref.span, ref.text)
        for v in item.via:
            if v.cue:
                check(f"{item.id} via cue", v.cue.span, v.cue.text)
    for ev in report.events:
        check(f"event {ev.id} trigger", ev.trigger.span, ev.trigger.text)
        check(f"event {ev.id} sentence", ev.sentence, None)
        if ev.date and ev.date.span:
            check(f"event {ev.id} date", ev.date.span, ev.date.text)
        if ev.location:
            check(f"event {ev.id} location", ev.location.span, ev.location.text)
        for v in ev.via:
            check(f"event {ev.id} via", v.span, v.text)
    return errors
