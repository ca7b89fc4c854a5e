"""Event candidates: matched triggers, from one or more sources, before participants are looked for.

A source is anything with ``hits(doc) -> Iterable[Hit]``: today the trigger rules of
``event_patterns.jsonl`` (``PatternTriggers``); a dictionary matcher (CAMEO verb patterns) is another.
Each hit carries the ``Rule`` the coder applies to it (type, mode, CAMEO code, where the recipient is),
so a new source only has to say which rule a trigger matched. ``best_hits`` keeps one hit per trigger
token: the most specific (most pattern nodes), then the earlier source, then the earlier rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from sayso.extract.events.lexicon import EventLexicon
from sayso.extract.events.participants import governing_verb
from sayso.extract.events.patterns import Rule, RuleMatcher, accepts


@dataclass
class Hit:
    """One matched trigger before it becomes an event."""

    rule: Rule
    trigger: Token
    verb: Token | None  # the light/governing verb of a nominal trigger
    extra: Token | None  # the matched object, modifier or blamed owner
    specificity: int  # how many tokens the match tied together
    rank: int = 0  # the rule's place in its source (earlier wins a tie)


class TriggerSource(Protocol):
    def hits(self, doc: Doc) -> Iterable[Hit]: ...


class PatternTriggers:
    """Hits of the rules of ``event_patterns.jsonl``, through one DependencyMatcher."""

    def __init__(self, matcher: RuleMatcher, lex: EventLexicon) -> None:
        self.matcher = matcher
        self.lex = lex

    def hits(self, doc: Doc) -> Iterable[Hit]:
        order = self.matcher.order
        for match_id, token_ids in self.matcher.matcher(doc):
            tokens = [doc[i] for i in token_ids]
            trigger = tokens[0]
            for rule in self.matcher.by_shape.get((match_id, trigger.lemma_), ()):
                if not accepts(rule, tokens):
                    continue
                if rule.kind == "noun":
                    verb = governing_verb(self.lex, trigger, rule)
                    extra = tokens[1] if rule.mods else None
                elif rule.kind == "blame":
                    verb, extra = None, tokens[-1]
                else:
                    verb, extra = None, tokens[1] if len(tokens) > 1 else None
                yield Hit(rule, trigger, verb, extra, len(tokens), order[rule.id])


def best_hits(doc: Doc, sources: Sequence[TriggerSource]) -> list[Hit]:
    """One hit per trigger token, in text order."""
    best: dict[int, tuple[tuple[int, int, int], Hit]] = {}
    for source_rank, source in enumerate(sources):
        for hit in source.hits(doc):
            score = (hit.specificity, -source_rank, -hit.rank)
            old = best.get(hit.trigger.i)
            if old is None or score > old[0]:
                best[hit.trigger.i] = (score, hit)
    return [best[i][1] for i in sorted(best)]


def trigger_span(hit: Hit) -> Span:
    """The trigger's words: the noun with its matched modifier ("congratulatory message"), else the token."""
    doc = hit.trigger.doc
    if hit.rule.kind == "noun" and hit.extra is not None:
        start, end = min(hit.extra.i, hit.trigger.i), max(hit.extra.i, hit.trigger.i) + 1
        return doc[start:end]
    return doc[hit.trigger.i : hit.trigger.i + 1]
