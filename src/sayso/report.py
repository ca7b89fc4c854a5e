"""The report: sayso's one contract (schema ``sayso/1``).

Every later stage (store, query, web, events) reads these records and nothing else, so they are plain
dataclasses with an explicit JSON form. Offsets are Python string offsets into ``article.text`` exactly as
read: ``text[s:e]`` equals the field's ``text``. The JSON Schema beside this module
(``schema/report-1.schema.json``) is the published form of the same contract.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

SCHEMA_VERSION = "sayso/1"

Span = tuple[int, int]
ActorType = Literal["person", "organization", "country", "media", "group"]
QuoteType = Literal["direct", "indirect", "mixed"]


@dataclass
class ArticleInfo:
    id: str  # sha256 of the text
    text: str
    path: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    title: str | None = None
    language: str = "en"
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Actor:
    id: str  # "a1", "a2", ... unique within one report
    name: str  # canonical: "Xi Jinping", "China", "TASS"
    type: ActorType
    country: str | None = None  # ISO 3166-1 alpha-3
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

    actor: str | None  # actor id, None when the mention could not be resolved
    text: str
    span: Span


@dataclass
class Via:
    """One link of a source chain: the outlet or person that carried the words to the reader."""

    actor: str | None
    text: str
    span: Span
    cue: TextRef | None = None  # "according to", "reported", "quoted ... as saying"


@dataclass
class Content:
    text: str  # the spans' texts joined by one space
    spans: list[Span]


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
    sentence: Span | None = None


@dataclass
class Claim:
    id: str  # "c1", ...
    text: str
    span: Span
    value: float
    unit: str | None = None  # percent, times, people, USD, ...
    about: str | None = None  # actor id
    speaker: ActorRef | None = None
    via: list[Via] = field(default_factory=list)
    hedged: bool = False


@dataclass
class EventDate:
    start: str  # ISO date
    end: str  # ISO date (== start for a single day)
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
    type: str  # one of PLOVER's 16 types
    mode: str | None
    actor: list[str]  # actor ids
    recipient: list[str]
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
    schema: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return _report_from_dict(data)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None (ids are small and few: a scan is cheap)."""
        if actor_id is None:
            return None
        return next((a for a in self.actors if a.id == actor_id), None)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _text_ref(d: dict | None) -> TextRef | None:
    return None if d is None else TextRef(d["text"], _span(d["span"]))  # type: ignore[arg-type]


def _actor_ref(d: dict | None) -> ActorRef | None:
    return None if d is None else ActorRef(d.get("actor"), d["text"], _span(d["span"]))  # type: ignore[arg-type]


def _vias(items: list[dict]) -> list[Via]:
    return [Via(v.get("actor"), v["text"], _span(v["span"]), _text_ref(v.get("cue"))) for v in items]  # type: ignore[arg-type]


def _report_from_dict(d: dict[str, Any]) -> Report:
    art = dict(d["article"])
    article = ArticleInfo(**art)
    actors = [
        Actor(**{**a, "mentions": [_span(m) for m in a.get("mentions", [])]}) for a in d.get("actors", [])
    ]
    quotes = []
    for q in d.get("quotes", []):
        cue = q.get("cue")
        quotes.append(
            Quote(
                id=q["id"],
                type=q["type"],
                content=Content(q["content"]["text"], [_span(s) for s in q["content"]["spans"]]),  # type: ignore[misc]
                cue=None if cue is None else Cue(cue["text"], cue["lemma"], _span(cue["span"])),  # type: ignore[arg-type]
                speaker=_actor_ref(q.get("speaker")),
                addressee=_actor_ref(q.get("addressee")),
                via=_vias(q.get("via", [])),
                hedged=bool(q.get("hedged", False)),
                sentence=_span(q.get("sentence")),
            )
        )
    claims = [
        Claim(
            id=c["id"],
            text=c["text"],
            span=_span(c["span"]),  # type: ignore[arg-type]
            value=c["value"],
            unit=c.get("unit"),
            about=c.get("about"),
            speaker=_actor_ref(c.get("speaker")),
            via=_vias(c.get("via", [])),
            hedged=bool(c.get("hedged", False)),
        )
        for c in d.get("claims", [])
    ]
    events = []
    for e in d.get("events", []):
        date = e.get("date")
        loc = e.get("location")
        events.append(
            Event(
                id=e["id"],
                type=e["type"],
                mode=e.get("mode"),
                actor=list(e.get("actor", [])),
                recipient=list(e.get("recipient", [])),
                trigger=_text_ref(e["trigger"]),  # type: ignore[arg-type]
                sentence=_span(e["sentence"]),  # type: ignore[arg-type]
                date=None if date is None else EventDate(**{**date, "span": _span(date.get("span"))}),
                location=None if loc is None else Location(loc["text"], _span(loc["span"]), loc.get("country")),  # type: ignore[arg-type]
                negated=bool(e.get("negated", False)),
                modality=e.get("modality"),
                via=_vias(e.get("via", [])),
                hedged=bool(e.get("hedged", False)),
                cameo=e.get("cameo"),
                intensity=e.get("intensity"),
                count=e.get("count"),
            )
        )
    return Report(article=article, actors=actors, quotes=quotes, claims=claims, events=events,
                  schema=d.get("schema", SCHEMA_VERSION))


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
