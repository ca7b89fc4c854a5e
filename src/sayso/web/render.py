"""Article text to highlighted HTML, built from the report's offsets.

Why a sweep over boundaries: quotes, mentions, claims and event triggers overlap freely (a speaker's name
inside a mixed quote, a claim inside a quote), so nested tags cannot follow the spans directly. The text is
cut at every span boundary; each piece is escaped and wrapped in the tags of the spans covering it, always
in the same nesting order, so the HTML stays well formed whatever the overlap. Every piece of article
text goes through ``markupsafe.escape``: the article is untrusted input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from sayso.report import Actor, ActorRef, Quote, Report, Via

N_COLOURS = 8  # speaker colour classes spk-0 .. spk-7 in style.css

# Nesting order of the layers, outermost first.
_LAYERS = ("quote", "claim", "event", "mention")

ActorHref = Callable[[Actor], str | None]


@dataclass(frozen=True)
class _Mark:
    layer: str
    key: str  # quote id, claim id, event id, actor id
    start: int
    end: int
    order: int  # position in the layer's list: stable ids for the first piece


@dataclass
class QuoteView:
    """What the quote card and the popover show, resolved to names (no ids left for the template)."""

    id: str
    type: str
    text: str
    colour: int
    speaker: str | None
    speaker_href: str | None
    addressee: str | None
    addressee_href: str | None
    cue: str | None
    via: list[dict[str, object]] = field(default_factory=list)  # name, href, state_media, cue
    hedged: bool = False
    via_state_media: bool = False  # rests on state media: some link of the chain is state media

    @property
    def summary(self) -> str:
        """One line for the hover title: speaker -> addressee (cue), via chain."""
        who = self.speaker or "unknown speaker"
        line = who + (f" → {self.addressee}" if self.addressee else "")
        if self.cue:
            line += f" ({self.cue})"
        if self.via:
            chain = " ← ".join(str(v["name"]) + (" [state media]" if v["state_media"] else "") for v in self.via)
            line += f"; via {chain}"
        if self.hedged:
            line += "; hedged"
        return line


@dataclass
class ArticleView:
    html: Markup
    quotes: list[QuoteView]
    claims: list[dict[str, object]]
    events: list[dict[str, object]]
    actors: list[dict[str, object]]
    legend: list[tuple[str, int]]  # speaker name, colour


def speaker_colours(report: Report) -> dict[str, int]:
    """Colour index per speaker key (actor id, else the speaker's words), in order of first quote."""
    colours: dict[str, int] = {}
    for q in report.quotes:
        key = _speaker_key(q)
        if key is not None and key not in colours:
            colours[key] = len(colours) % N_COLOURS
    return colours


def _speaker_key(q: Quote) -> str | None:
    if q.speaker is None:
        return None
    return q.speaker.actor or f"text:{q.speaker.text}"


def _marks(report: Report) -> list[_Mark]:
    n = len(report.article.text)
    marks: list[_Mark] = []

    def add(layer: str, key: str, start: int, end: int, order: int) -> None:
        s, e = max(0, start), min(n, end)
        if s < e:
            marks.append(_Mark(layer, key, s, e, order))

    for i, q in enumerate(report.quotes):
        for s, e in q.content.spans:
            add("quote", q.id, s, e, i)
    for i, c in enumerate(report.claims):
        add("claim", c.id, c.span[0], c.span[1], i)
    for i, ev in enumerate(report.events):
        add("event", ev.id, ev.trigger.span[0], ev.trigger.span[1], i)
    for i, a in enumerate(report.actors):
        for s, e in a.mentions:
            add("mention", a.id, s, e, i)
    return marks


def _open_tag(mark: _Mark, first: bool, report: Report, colours: dict[str, int], href: ActorHref,
              titles: dict[str, str]) -> Markup:
    anchor = Markup(' id="{}"').format(f"t-{mark.key}") if first else Markup("")
    if mark.layer == "quote":
        q = report.quotes[mark.order]
        colour = colours.get(_speaker_key(q) or "", -1)
        cls = f"q spk-{colour}" if colour >= 0 else "q spk-none"
        return Markup('<mark class="{}" data-q="{}" tabindex="0" title="{}"{}>').format(
            cls, mark.key, titles.get(mark.key, ""), anchor)
    if mark.layer == "claim":
        return Markup('<span class="claim" data-c="{}"{}>').format(mark.key, anchor)
    if mark.layer == "event":
        return Markup('<span class="ev" data-e="{}"{}>').format(mark.key, anchor)
    actor = report.actors[mark.order]
    link = href(actor)
    if link is None:
        return Markup('<span class="m" data-a="{}" title="{}">').format(mark.key, actor.name)
    return Markup('<a class="m" data-a="{}" href="{}" title="{}">').format(mark.key, link, actor.name)


def _close_tag(mark: _Mark, report: Report, href: ActorHref) -> str:
    if mark.layer == "quote":
        return "</mark>"
    if mark.layer == "mention":
        return "</a>" if href(report.actors[mark.order]) is not None else "</span>"
    return "</span>"


def highlight(report: Report, href: ActorHref, titles: dict[str, str] | None = None) -> Markup:
    """The article text as escaped HTML with quotes, claims, event triggers and actor mentions wrapped."""
    text = report.article.text
    titles = titles or {}
    colours = speaker_colours(report)
    marks = _marks(report)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    seen_first: set[tuple[str, str]] = set()
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = escape(text[a:b])
        if not active:
            parts.append(piece)
            continue
        # one mark per layer is enough for a piece: the innermost (latest-starting) wins on overlap
        per_layer: dict[str, _Mark] = {}
        for m in active:
            per_layer[m.layer] = m
        layers = [per_layer[name] for name in _LAYERS if name in per_layer]
        opened: list[_Mark] = []
        for m in layers:
            first = (m.layer, m.key) not in seen_first
            seen_first.add((m.layer, m.key))
            parts.append(_open_tag(m, first, report, colours, href, titles))
            opened.append(m)
        parts.append(piece)
        parts.extend(_close_tag(m, report, href) for m in reversed(opened))
    return Markup("".join(parts))


def _name(report: Report, ref: ActorRef | Via | None) -> str | None:
    if ref is None:
        return None
    actor = report.actor(ref.actor)
    return actor.name if actor else ref.text


def _href(report: Report, ref: ActorRef | Via | None, href: ActorHref) -> str | None:
    actor = report.actor(ref.actor) if ref is not None else None
    return href(actor) if actor else None


def quote_views(report: Report, href: ActorHref) -> list[QuoteView]:
    colours = speaker_colours(report)
    views = []
    for q in report.quotes:
        via = []
        for v in q.via:
            actor = report.actor(v.actor)
            via.append({
                "name": _name(report, v),
                "href": _href(report, v, href),
                "state_media": bool(actor and actor.state_media),
                "cue": v.cue.text if v.cue else None,
            })
        views.append(QuoteView(
            id=q.id,
            type=q.type,
            text=q.content.text,
            colour=colours.get(_speaker_key(q) or "", -1),
            speaker=_name(report, q.speaker),
            speaker_href=_href(report, q.speaker, href),
            addressee=_name(report, q.addressee),
            addressee_href=_href(report, q.addressee, href),
            cue=q.cue.text if q.cue else None,
            via=via,
            hedged=q.hedged,
            via_state_media=any(v["state_media"] for v in via),
        ))
    return views


def article_view(report: Report, href: ActorHref) -> ArticleView:
    """Everything the article template needs, from one report; ``href`` links an actor to its page
    (None for the Paste page's unstored actors that have no page)."""
    quotes = quote_views(report, href)
    titles = {q.id: q.summary for q in quotes}
    names = {a.id: a.name for a in report.actors}
    claims = [
        {"id": c.id, "text": c.text, "value": c.value, "unit": c.unit, "about": names.get(c.about or ""),
         "speaker": _name(report, c.speaker), "hedged": c.hedged}
        for c in report.claims
    ]
    events = [
        {"id": ev.id, "type": ev.type, "mode": ev.mode, "trigger": ev.trigger.text,
         "actor": ", ".join(names.get(i, i) for i in ev.actor), "recipient": ", ".join(names.get(i, i) for i in ev.recipient),
         "date": ev.date.start if ev.date else None, "negated": ev.negated, "modality": ev.modality,
         "evidence": report.article.text[ev.sentence[0]:ev.sentence[1]], "intensity": ev.intensity}
        for ev in report.events
    ]
    actors = [
        {"id": a.id, "name": a.name, "type": a.type, "state_media": a.state_media, "href": href(a),
         "mentions": len(a.mentions)}
        for a in report.actors
    ]
    legend: list[tuple[str, int]] = []
    seen: set[int] = set()
    for q in quotes:
        if q.colour >= 0 and q.colour not in seen and q.speaker:
            seen.add(q.colour)
            legend.append((q.speaker, q.colour))
    return ArticleView(highlight(report, href, titles), quotes, claims, events, actors, legend)
