"""Compare the two sources of PLOVER events on a gold set: the hand-written rules, the compiled CAMEO
dictionary, and a union of them (the rules' events in a sentence where they find any, else the
dictionary's).

The rules' events are the report's (``build_report``). The dictionary's are ``find_candidates`` turned into
events the way the coder turns a rule's hit into one, so the comparison is of triggers and codes, not of
two different participant or context codes: participants resolved by ``participants.resolve_token`` on the
candidate's actor and recipient tokens (the Phoenix dictionaries code a noun phrase the resolver gives no
country: "Israeli security forces"); kept only with an actor; a bare verb (no pattern) only with a recipient (or an agentless passive material act with
a recipient); negation and modality from ``events.context``; a future cooperative act becomes AGREE; two
joint subjects of a CONSULT/AGREE/COOPERATE become actor and recipient.

``merge`` (the rules' events plus the dictionary's at other triggers, of types the rules did not find in
the sentence) is the integration proposed in docs/events-dictionaries.md.

Run: ``python -m sayso.eval.event_sources [--voa ../shared/data/voa/voa_stories.jsonl] [--split dev]``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from sayso.dictionaries.phoenix import phoenix_actors
from sayso.eval.events import EventScores, GoldEvent, Predicted, read_set, score_sentence
from sayso.eval.voa_gold import read_stories, read_voa_gold
from sayso.extract.actors.resolver import ActorResolver
from sayso.extract.events import context as ctx
from sayso.extract.events import participants as args
from sayso.extract.events.cameo import CameoCandidate, find_candidates
from sayso.extract.events.coder import AGENTLESS_OK, JOINT_TYPES, counted
from sayso.extract.pipeline import build_report
from sayso.nlp import load_pipeline
from sayso.read.article import Article

SYSTEMS = ("rules", "dictionary", "union", "merge")



@dataclass(frozen=True)
class Found:
    """One predicted event, placed by its trigger's offset."""

    offset: int
    event: Predicted
    trigger: str
    source: str  # the rule's CAMEO root or the dictionary pattern


@dataclass(frozen=True)
class GoldSentence:
    id: str
    split: str
    start: int
    end: int
    events: tuple[GoldEvent, ...]


def _predicted(event_type: str, actor_ids: list[str], recipient_ids: list[str], actors: ActorResolver) -> Predicted:
    found = [actors.actor_of(i) for i in actor_ids]
    got = [actors.actor_of(i) for i in recipient_ids]
    return Predicted(
        event_type,
        frozenset(a.country for a in found if a and a.country),
        frozenset(a.country for a in got if a and a.country),
        frozenset(a.sector for a in found if a and a.sector),
    )


@dataclass(frozen=True)
class Party:
    """A participant: sayso actor ids, else what the Phoenix dictionaries say of its noun phrase."""

    ids: tuple[str, ...]
    countries: frozenset[str]
    sectors: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.ids or self.countries or self.sectors)


def _party(token: Token | None, actors: ActorResolver, day: date | None, exclude: tuple[str, ...] = ()) -> Party:
    ids = tuple(i for i in args.resolve_token(token, actors) if i not in exclude)
    found = [a for a in (actors.actor_of(i) for i in ids) if a is not None]
    countries = frozenset(a.country for a in found if a.country)
    sectors = frozenset(a.sector for a in found if a.sector)
    if token is not None and not countries:
        coded = phoenix_actors().code_phrase([t.text for t in args.noun_phrase(token)], day)
        if coded.country or coded.entity:
            return Party(ids, frozenset({coded.country} if coded.country else ()), sectors | ({coded.sector} if coded.sector else set()))
    return Party(ids, countries, sectors)


def dictionary_event(
    candidate: CameoCandidate, actors: ActorResolver, day: date | None = None, lenient: bool = False
) -> Predicted | None:
    """A candidate as the coder would count it, or None (no actor, negated, modal). Unless ``lenient``, a
    bare verb (no pattern) counts only with a recipient (PETRARCH's RequireDyad) and when it is
    ``strong`` (not a cooperative default of a generic verb: "gave", "called", "helps")."""
    trigger = candidate.trigger.root
    actor = _party(candidate.actor, actors, day)
    recipient = Party((), frozenset(), frozenset())
    for tok in candidate.recipients:
        recipient = _party(tok, actors, day, exclude=actor.ids)
        if recipient.ids or recipient.countries - actor.countries:
            break
    actor_ids, recipient_ids = list(actor.ids), list(recipient.ids)
    if not actor and not (recipient and candidate.type in AGENTLESS_OK and candidate.passive):
        return None
    if not lenient and candidate.pattern is None and (not recipient or not candidate.strong):
        return None
    event_type, modality = candidate.type, ctx.modality(trigger)
    if modality in ctx.FUTURE_AUX and event_type in ctx.COOPERATIVE:
        event_type, modality = "AGREE", None
    if ctx.is_negated(trigger, trigger) or modality is not None:
        return None
    if event_type in JOINT_TYPES and len(actor_ids) > 1 and not recipient_ids:
        actor_ids, recipient_ids = actor_ids[:1], actor_ids[1:]
        return _predicted(event_type, actor_ids, recipient_ids, actors)
    return Predicted(event_type, actor.countries, recipient.countries, actor.sectors)


def dictionary_events(doc: Doc, published: str | None = None, lenient: bool = False) -> list[Found]:
    actors = ActorResolver(doc)
    day = date.fromisoformat(published[:10]) if published else None
    found = []
    for candidate in find_candidates(doc):
        event = dictionary_event(candidate, actors, day, lenient)
        if event is not None:
            found.append(Found(candidate.trigger.start_char, event, candidate.trigger.text, candidate.pattern or f"verb line {candidate.line}"))
    return found


def rule_events(doc: Doc, article: Article) -> list[Found]:
    report = build_report(doc, article)
    found = []
    for ev in report.events:
        if not counted(ev):
            continue
        actors = [report.actor(i) for i in ev.actor]
        recipients = [report.actor(i) for i in ev.recipient]
        found.append(Found(ev.trigger.span[0], Predicted(
            ev.type,
            frozenset(a.country for a in actors if a and a.country),
            frozenset(a.country for a in recipients if a and a.country),
            frozenset(a.sector for a in actors if a and a.sector),
        ), ev.trigger.text, f"rule {ev.cameo}"))
    return found


def _in(found: list[Found], sentence: GoldSentence) -> list[Found]:
    return [f for f in found if sentence.start <= f.offset < sentence.end]


def predictions(sentence: GoldSentence, rules: list[Found], dictionary: list[Found]) -> dict[str, list[Found]]:
    """union: the rules' events where they find any in the sentence, else the dictionary's; merge: the
    rules' events plus the dictionary's at other triggers with a type the rules did not find there."""
    by_rules, by_dictionary = _in(rules, sentence), _in(dictionary, sentence)
    offsets = {f.offset for f in by_rules}
    types = {f.event.type for f in by_rules}
    extra = [f for f in by_dictionary if f.offset not in offsets and f.event.type not in types]
    return {"rules": by_rules, "dictionary": by_dictionary, "union": by_rules or by_dictionary, "merge": by_rules + extra}


def _documents(sentences_path: str | None, voa: str | None) -> Iterator[tuple[Article, list[GoldSentence]]]:
    """(article, its gold sentences) for the events set (one sentence an article) or the VOA gold."""
    if voa is None:
        for s in read_set(sentences_path):
            yield Article(text=s.text, published=s.published, path=s.id), [GoldSentence(s.id, s.split, 0, len(s.text), s.events)]
        return
    by_story: dict[str, list[GoldSentence]] = {}
    published: dict[str, str | None] = {}
    for s in read_voa_gold(voa, sentences_path):
        by_story.setdefault(s.story, []).append(GoldSentence(s.id, s.split, s.start, s.end, s.events))
        published[s.story] = s.published
    stories = read_stories(voa)
    for story, golds in by_story.items():
        yield Article(text=stories[story], published=published[story], path=story), golds


@dataclass
class Comparison:
    scores: dict[str, dict[str, EventScores]]  # system -> split ("all" too) -> scores
    rows: list[tuple[GoldSentence, dict[str, list[Found]]]]


def compare(
    sentences_path: str | None = None, voa: str | None = None, split: str | None = None, lenient: bool = False
) -> Comparison:
    nlp = load_pipeline()
    result = Comparison({system: {"all": EventScores()} for system in SYSTEMS}, [])
    for article, golds in _documents(sentences_path, voa):
        golds = [g for g in golds if split is None or g.split == split]
        if not golds:
            continue
        doc = nlp(article.text)
        rules, dictionary = rule_events(doc, article), dictionary_events(doc, article.published, lenient)
        for gold in golds:
            found = predictions(gold, rules, dictionary)
            result.rows.append((gold, found))
            for system in SYSTEMS:
                for key in ("all", gold.split):
                    scores = result.scores[system].setdefault(key, EventScores())
                    scores.sentences += 1
                    score_sentence(gold.events, [f.event for f in found[system]], scores)
    return result


def format_comparison(comparison: Comparison) -> str:
    header = (f"{'system':<11}{'split':<10}{'sent':>5}{'gold':>6}{'pred':>6}{'type P':>8}{'type R':>8}{'F1':>7}"
              f"{'macroF1':>9}{'actor ctry':>12}")
    lines = [header]
    for system in SYSTEMS:
        for split, sc in sorted(comparison.scores[system].items(), key=lambda kv: (kv[0] == "all", kv[0])):
            p, r, f = sc.micro
            gold = sum(sc.tp.values()) + sum(sc.fn.values())
            pred = sum(sc.tp.values()) + sum(sc.fp.values())
            lines.append(f"{system:<11}{split:<10}{sc.sentences:>5}{gold:>6}{pred:>6}{p:>8.3f}{r:>8.3f}{f:>7.3f}"
                         f"{sc.macro_f1:>9.3f}{sc.actor_country.value:>8.3f} n={sc.actor_country.n}")
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Rules vs CAMEO dictionary vs union on an event gold set.")
    parser.add_argument("--set", dest="sentences", default=None, help="events JSONL (default: the packaged set)")
    parser.add_argument("--voa", default=None, help="VOA stories JSONL: score the VOA gold set instead")
    parser.add_argument("--split", default=None)
    parser.add_argument("--lenient", action="store_true", help="count bare-verb dictionary events without a recipient")
    ns = parser.parse_args(list(argv) if argv is not None else None)
    print(format_comparison(compare(ns.sentences, ns.voa, ns.split, ns.lenient)))


if __name__ == "__main__":
    main()
