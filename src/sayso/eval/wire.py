"""Score sayso's attributions on wire copy against the hand-checked wire gold (``docs/eval-wire.md``).

The gold (``data/wire-gold.jsonl``) annotates whole stories exhaustively, so both recall and precision mean
something. A predicted quote *matches* a gold attribution when its content spans cover at least half of the
gold content's characters; pairs are made one to one, greedily by overlap. Recall counts the gold ``core``
attributions matched. Precision counts the predicted quotes that are attributions: matched to any gold
attribution (``core`` or ``extended``), or lying at least half inside one that another quote already
matched (a fragment of it); ``strict`` precision counts one-to-one matches only.

On the matched core attributions: speaker accuracy (the report's speaker, read through its actor table,
is the gold party: see ``same_party``), addressee accuracy (both absent, or the same party), quote type,
via recall (gold links found on the quote with the right actor; a link without a named actor is found by
overlapping its span), via precision, and via kind accuracy once reports carry a kind.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sayso.errors import InputError
from sayso.report import Actor, Quote, Report

Span = tuple[int, int]
GOLD_FILE = "wire-gold.jsonl"
SPLITS = ("dev", "holdout", "all")
VIA_KINDS = ("outlet", "platform", "statement", "interview", "document")
CHAIN_TAGS = frozenset({"pronoun", "continuation", "added", "description", "crossing"})
PRESS_ROOM = frozenset({"reporters", "journalists", "media", "news conference"})


@dataclass(frozen=True)
class Party:
    """A speaker, an addressee or a via actor as the gold names it."""

    name: str | None
    type: str | None = None
    span: Span | None = None  # its mention in the attribution's clause (a pronoun, a name), if any
    ref: Span | None = None  # the mention that names it in the story
    country: str | None = None
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a compound speaker ("Both leaders"): naming one member counts
    unnamed: bool = False  # "a government official": identified by its mention, not by a name


@dataclass(frozen=True)
class ViaLink:
    party: Party
    kind: str


@dataclass(frozen=True)
class GoldAttribution:
    id: str
    scope: str  # core: scored for recall; extended: an attribution sayso need not find
    type: str
    content: tuple[Span, ...]
    cue: Span | None
    negated: bool
    speaker: Party | None
    addressee: Party | None
    via: tuple[ViaLink, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class GoldStory:
    story: str
    source: str  # "voa" or the file name of an article written for sayso
    split: str
    sha256: str
    attributions: tuple[GoldAttribution, ...]


# --- reading ------------------------------------------------------------------------------------------


def _span(value: list[int] | None) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _party(d: dict | None) -> Party | None:
    if d is None:
        return None
    return Party(d.get("name"), d.get("type"), _span(d.get("span")), _span(d.get("ref")), d.get("country"),
                 tuple(d.get("aliases", ())), tuple(d.get("members", ())), bool(d.get("unnamed", False)))


def _attribution(d: dict) -> GoldAttribution:
    via = tuple(ViaLink(_party(v), v["kind"]) for v in d.get("via", ()))  # type: ignore[arg-type]
    return GoldAttribution(d["id"], d["scope"], d["type"], tuple(_span(s) for s in d["content"]),  # type: ignore[misc]
                           _span(d.get("cue")), bool(d.get("negated", False)), _party(d.get("speaker")),
                           _party(d.get("addressee")), via, tuple(d.get("tags", ())))


def read_gold(path: str | Path | None = None) -> list[GoldStory]:
    """The gold stories; ``None`` reads the packaged gold."""
    try:
        if path is None:
            raw = resources.files("sayso.eval").joinpath("data", GOLD_FILE).read_text(encoding="utf-8")
        else:
            raw = Path(path).read_text(encoding="utf-8")
        stories = [json.loads(line) for line in raw.splitlines() if line.strip() and not line.startswith("#")]
        return [GoldStory(str(s["story"]), s["source"], s["split"], s["sha256"],
                          tuple(_attribution(a) for a in s["attributions"])) for s in stories]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"cannot read the wire gold {path or GOLD_FILE}: {exc!r}") from exc


def default_voa_path() -> Path:
    """``../shared/data/voa/voa_stories.jsonl`` beside the repository (or beside the working directory)."""
    tail = Path("shared", "data", "voa", "voa_stories.jsonl")
    candidates = [Path(__file__).resolve().parents[3].parent / tail, Path.cwd().parent / tail]
    return next((c for c in candidates if c.is_file()), candidates[0])


def own_article_text(name: str) -> str:
    """The text of an article written for sayso: the packaged file without its ``#`` header paragraph."""
    raw = resources.files("sayso.eval").joinpath("data", name).read_text(encoding="utf-8")
    return raw.split("\n\n", 1)[1] if raw.startswith("#") else raw


def story_texts(stories: Iterable[GoldStory], voa_path: str | Path) -> tuple[dict[str, str], list[str]]:
    """The text of every gold story whose text is at hand and unchanged (same sha256), and one warning
    line for each kind of story left out."""
    stories = list(stories)
    texts: dict[str, str] = {}
    warnings: list[str] = []
    voa: dict[str, str] = {}
    if any(s.source == "voa" for s in stories):
        try:
            with open(voa_path, encoding="utf-8") as f:
                records = (json.loads(line) for line in f if line.strip())
                voa = {str(r["id"]): r["text"] for r in records}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            n = sum(s.source == "voa" for s in stories)
            warnings.append(f"VOA stories not readable at {voa_path} ({type(exc).__name__}): {n} gold stories left out")
    for s in stories:
        text = own_article_text(s.source) if s.source != "voa" else voa.get(s.story)
        if text is None:
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != s.sha256:
            warnings.append(f"story {s.story}: text differs from the one annotated (sha256), left out")
            continue
        texts[s.story] = text
    if voa and any(s.source == "voa" and s.story not in voa for s in stories):
        warnings.append("some gold VOA stories are missing from the VOA file and were left out")
    return texts, warnings


# --- who is who ---------------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """Case, accents, punctuation, a possessive and a leading "the" do not count: "the U.S." == "US"."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)
    words = re.sub(r"[^\w\s]", "", text).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Named:
    """What the report says about one speaker, addressee or via link: its actor if resolved, else its text."""

    name: str
    type: str | None
    spans: tuple[Span, ...]  # the reference's span and every mention of its actor


def named(report: Report, actor_id: str | None, text: str, span: Span) -> Named:
    actor: Actor | None = report.actor(actor_id)
    if actor is None:
        return Named(text, None, (span,))
    return Named(actor.name, actor.type, (span, *actor.mentions))


def exact_name(ref: Named, gold: Party) -> bool:
    return normalise_name(ref.name) in {normalise_name(n) for n in (gold.name or "", *gold.aliases, *gold.members)}


def _suffix(short: list[str], long: list[str]) -> bool:
    return 0 < len(short) <= len(long) and long[-len(short):] == short


@dataclass(frozen=True)
class Cast:
    """Everyone the gold names as speaker or addressee in one story, and every mention of each."""

    parties: tuple[Party, ...] = ()
    mentions: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, story: GoldStory) -> Cast:
        parties = tuple(p for a in story.attributions for p in (a.speaker, a.addressee) if p is not None)
        mentions: dict[str, list[Span]] = {}
        for p in parties:
            mentions.setdefault(p.name or "", []).extend(s for s in (p.span, p.ref) if s is not None)
        return cls(parties, {name: tuple(spans) for name, spans in mentions.items()})


def same_party(ref: Named, gold: Party, cast: Cast | None = None) -> bool:
    """Whether a report's reference is the gold party. A name or alias matches; for a named person, one name
    ending the other ("Rasmussen", "Fogh Rasmussen", "Secretary Marco Rubio") matches when no other person
    of the story ends the same way; a group or an unnamed party is found by any of its mentions, by any
    actor but a country (a group whose country is the US is not the United States)."""
    cast = cast or Cast()
    if exact_name(ref, gold):
        return True
    if gold.type == "person" and not gold.unnamed and gold.name:
        words = normalise_name(ref.name).split()
        names = [normalise_name(n).split() for n in (gold.name, *gold.aliases)]
        if any(_suffix(n, words) for n in names):
            return True
        others = [normalise_name(p.name).split() for p in cast.parties if p.type == "person" and p.name
                  and normalise_name(p.name) != normalise_name(gold.name)]
        return any(_suffix(words, n) for n in names) and not any(_suffix(words, o) for o in others)
    if gold.type == "group" or gold.unnamed:
        spans = (gold.span, gold.ref, *cast.mentions.get(gold.name or "", ()))
        return ref.type != "country" and any(_overlaps(s, g) for s in ref.spans for g in spans)
    return False


# --- matching one story ---------------------------------------------------------------------------------


def overlap(a: Iterable[Span], b: Iterable[Span]) -> int:
    b = list(b)
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(spans: Iterable[Span]) -> int:
    return sum(e - s for s, e in spans)


@dataclass
class Judged:
    """One gold core attribution after matching: what the report got right and wrong about it."""

    gold: GoldAttribution
    quote: Quote | None = None
    spans: tuple[Span, ...] = ()  # the quote's content spans that match this attribution
    speaker: Named | None = None
    speaker_ok: bool = False
    addressee: Named | None = None
    addressee_ok: bool = False
    via_found: list[ViaLink] = field(default_factory=list)
    via_missing: list[ViaLink] = field(default_factory=list)
    via_wrong_actor: list[ViaLink] = field(default_factory=list)  # a link there, naming another actor
    via_spurious: list[Named] = field(default_factory=list)
    via_kinds: list[tuple[str, str]] = field(default_factory=list)  # (gold kind, predicted kind) of found links
    speaker_error: str | None = None
    addressee_error: str | None = None


@dataclass
class StoryResult:
    story: GoldStory
    report: Report
    judged: list[Judged]
    quotes_matched: int = 0  # reported quotes matched to a gold attribution, core or extended
    fragments: list[Quote] = field(default_factory=list)
    non_attributions: list[Quote] = field(default_factory=list)
    split_people: list[str] = field(default_factory=list)  # gold persons the report splits into several actors


def _pairs(quotes: list[Quote], gold: tuple[GoldAttribution, ...]) -> dict[int, tuple[int, tuple[Span, ...]]]:
    """Gold index -> (quote index, the quote's content spans that match it), greedily by overlap; a pair
    needs half the gold content covered. Each content span serves one gold attribution at most, so a quote
    whose spans join a cued quote and its cue-less continuation paragraph matches both."""
    pairs = []
    for i, q in enumerate(quotes):
        for j, g in enumerate(gold):
            spans = tuple(s for s in q.content.spans if overlap([s], g.content))
            ov = overlap(spans, g.content)
            if ov and ov * 2 >= _length(g.content):
                pairs.append((ov, -j, i, j, spans))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    taken: dict[int, tuple[int, tuple[Span, ...]]] = {}
    used: set[tuple[int, Span]] = set()
    for _, _, i, j, spans in pairs:
        if j in taken or any((i, s) in used for s in spans):
            continue
        taken[j] = (i, spans)
        used.update((i, s) for s in spans)
    return taken


def _speaker_error(j: Judged, cast: Cast) -> str:
    gold = j.gold.speaker
    assert gold is not None
    if j.speaker is None:
        return "speaker: none given"
    if j.speaker.type == "country" and gold.type != "country":
        return "speaker: a country in place of a person, organisation or group"
    others = [p for p in cast.parties if p.name != gold.name and p.type != "group" and not p.unnamed]
    if CHAIN_TAGS & set(j.gold.tags) and any(same_party(j.speaker, p, cast) for p in others):
        return "speaker: pronoun/continuation chain lands on another speaker"
    if "apposition" in j.gold.tags and j.speaker.type in ("organization", "media", "group"):
        return "speaker: apposition (organisation or place taken for the person)"
    if j.speaker.type is None:
        return "speaker: mention left unresolved (no actor)"
    return "speaker: another actor"


def _addressee_error(j: Judged) -> str | None:
    gold = j.gold.addressee
    if j.addressee_ok:
        return None
    if gold is None:
        return "addressee: given where the text has none"
    if j.addressee is not None:
        return "addressee: another actor"
    if gold.name and normalise_name(gold.name) in PRESS_ROOM:
        return "addressee missing: told reporters / a news conference"
    if gold.type == "media":
        return "addressee missing: an outlet (told VOA, interview with Reuters)"
    return "addressee missing: a person or group"


def _judge_via(j: Judged, report: Report, cast: Cast) -> None:
    assert j.quote is not None
    links = [(v, named(report, v.actor, v.text, v.span)) for v in j.quote.via]
    used: set[int] = set()
    for link in j.gold.via:
        hit = next((k for k, (v, n) in enumerate(links) if k not in used and (
            same_party(n, link.party, cast) if link.party.name else _overlaps(v.span, link.party.span))), None)
        if hit is None:
            j.via_missing.append(link)
            if any(_overlaps(v.span, link.party.span) for v, _ in links):
                j.via_wrong_actor.append(link)
            continue
        used.add(hit)
        j.via_found.append(link)
        kind = getattr(links[hit][0], "kind", None)  # reports carry no via kind yet: the check waits for it
        if kind is not None:
            j.via_kinds.append((link.kind, str(kind)))
    j.via_spurious = [n for k, (v, n) in enumerate(links) if k not in used
                      and not any(_overlaps(v.span, link.party.span) for link in j.via_wrong_actor)]


def judge_story(story: GoldStory, report: Report) -> StoryResult:
    """Match the report's quotes with the story's gold and judge every matched core attribution."""
    quotes = list(report.quotes)
    taken = _pairs(quotes, story.attributions)
    cast = Cast.of(story)
    result = StoryResult(story, report, [])
    for j, gold in enumerate(story.attributions):
        if gold.scope != "core":
            continue
        judged = Judged(gold)
        result.judged.append(judged)
        if j not in taken:
            continue
        q = judged.quote = quotes[taken[j][0]]
        judged.spans = taken[j][1]
        if q.speaker is not None:
            judged.speaker = named(report, q.speaker.actor, q.speaker.text, q.speaker.span)
        if q.addressee is not None:
            judged.addressee = named(report, q.addressee.actor, q.addressee.text, q.addressee.span)
        assert gold.speaker is not None  # every core attribution has one (checked when the gold was built)
        judged.speaker_ok = judged.speaker is not None and same_party(judged.speaker, gold.speaker, cast)
        if not judged.speaker_ok:
            judged.speaker_error = _speaker_error(judged, cast)
        judged.addressee_ok = (gold.addressee is None and judged.addressee is None) or (
            gold.addressee is not None and judged.addressee is not None
            and same_party(judged.addressee, gold.addressee, cast))
        judged.addressee_error = _addressee_error(judged)
        _judge_via(judged, report, cast)
    matched = {i for i, _ in taken.values()}
    result.quotes_matched = len(matched)
    for i, q in enumerate(quotes):
        if i in matched:
            continue
        (result.fragments if _part_of_gold(q, story) else result.non_attributions).append(q)
    result.split_people = _split_people(result)
    return result


def _part_of_gold(q: Quote, story: GoldStory) -> bool:
    """An unmatched quote that lies at least half inside a gold attribution, or covers half of one, is a
    fragment or a duplicate of it, not a report of something that is no attribution."""
    own = _length(q.content.spans)
    return any(2 * overlap(q.content.spans, g.content) >= min(own, _length(g.content)) > 0
               for g in story.attributions)


def _split_people(result: StoryResult) -> list[str]:
    """Gold persons whom the report's speakers name through more than one actor ("Trump", "Donald Trump")."""
    names: dict[str, set[str]] = {}
    for j in result.judged:
        gold = j.gold.speaker
        if j.speaker_ok and j.speaker is not None and j.speaker.type and gold and gold.type == "person":
            names.setdefault(gold.name or "", set()).add(j.speaker.name)
    return sorted(gold for gold, found in names.items() if len(found) > 1)
