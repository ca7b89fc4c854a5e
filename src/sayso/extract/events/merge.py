"""Events that are parts of another: an event governed by another event's verb, and a nominal trigger
inside a same-type verbal one."""

from __future__ import annotations

from sayso.extract.events import context as ctx
from sayso.extract.events.candidates import Hit
from sayso.extract.events.coded import CodedEvent
from sayso.extract.events.lexicon import EventLexicon


def merge_governed(lex: EventLexicon, events: list[tuple[Hit, CodedEvent]]) -> list[tuple[Hit, CodedEvent]]:
    """An event governed by another event's verb ("threatened to impose sanctions on Iran", "urged Russia
    to withdraw") lends its participants to the governing event and keeps a modality, so it is not
    counted. A nominal trigger that is the subject or object of a same-type verbal one ("Pakistani
    airstrikes killed ...") is one event: it is folded into the verb's."""
    by_token = {hit.trigger.i: ev for hit, ev in events}
    dropped: set[int] = set()
    for hit, ev in events:
        head = by_token.get(hit.trigger.head.i)
        if hit.rule.kind == "noun" and head is not None and head is not ev and head.type == ev.type:
            head.actor = head.actor or ev.actor
            head.recipient = head.recipient or [i for i in ev.recipient if i not in head.actor]
            dropped.add(id(ev))
            continue
        clause = hit.verb or hit.trigger
        gov = ctx.governor(lex, clause)
        outer = by_token.get(gov.i) if gov is not None else None
        if gov is None or outer is None or outer is ev:
            continue
        if ev.modality is None:
            ev.modality = ctx.third_person(lex, gov.lemma_)
        if not outer.recipient:  # a request's recipient is who is asked to act; otherwise the act's target
            first, second = (ev.actor, ev.recipient) if outer.type == "REQUEST" else (ev.recipient, ev.actor)
            outer.recipient = [i for i in first if i not in outer.actor] or [i for i in second if i not in outer.actor]
        if outer.type == "AGREE" and ev.type in lex.policies.future and ev.mode:  # agreed to cooperate: how
            outer.mode = ev.mode
    return [(hit, ev) for hit, ev in events if id(ev) not in dropped]
