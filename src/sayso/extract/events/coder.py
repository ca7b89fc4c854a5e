"""PLOVER events: what political actors did to each other, from the dependency parse.

Triggers come from one DependencyMatcher built from lexicons/en/event_patterns.jsonl (event_patterns.py);
participants from the parse around each trigger (event_args.py); negation, modality, counts and the
source chain from event_context.py; dates from dates.py. An event is kept only when at least one
participant resolves to an actor: a trigger alone ("the war") says nothing about who did what to whom.

Dates: the date words attached to the event's clause, resolved against the publication day; when the
sentence states none, the publication day itself with ``text`` None (the event-data convention of dating
an event by its story), or no date when the publication day is unknown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sayso.extract.actors.keys import ActorKey, SourceRef
from sayso.extract.actors.session import MentionSession
from sayso.extract.events import participants as args
from sayso.extract.events import context as ctx
from sayso.extract.dates import DateMention, find_dates, publication_date
from sayso.extract.events.patterns import Rule, accepts, event_matcher, intensity, load_rules, rules_by_shape
from sayso.extract.attribution.index import AttributionIndex
from sayso.extract.attribution.types import Attribution
from sayso.report import Event, EventDate, Location, TextRef

log = logging.getLogger(__name__)


@dataclass
class CodedEvent:
    """An event with its participants as actor keys (the report's ids are given once all actors are
    known); otherwise the report's Event field for field."""

    type: str
    mode: str | None
    actor: list[ActorKey]
    recipient: list[ActorKey]
    trigger: TextRef
    sentence: tuple[int, int]
    date: EventDate | None = None
    location: Location | None = None
    negated: bool = False
    modality: str | None = None
    via: list[SourceRef] = field(default_factory=list)
    hedged: bool = False
    cameo: str | None = None
    intensity: float | None = None
    count: int | None = None


@dataclass
class Hit:
    """One matched trigger before it becomes an Event."""

    rule: Rule
    trigger: Token
    verb: Token | None  # the light/governing verb of a nominal trigger
    extra: Token | None  # the matched object, modifier or blamed owner
    specificity: int


def _hits(doc: Doc) -> list[Hit]:
    """One hit per trigger token; the most specific rule (most pattern nodes) wins, then file order."""
    matcher = event_matcher(doc.vocab)
    by_shape = rules_by_shape()
    order = {rule.id: i for i, rule in enumerate(load_rules())}
    best: dict[int, Hit] = {}
    for match_id, token_ids in matcher(doc):
        tokens = [doc[i] for i in token_ids]
        trigger = tokens[0]
        for rule in by_shape.get((match_id, trigger.lemma_), ()):
            if not accepts(rule, tokens):
                continue
            if rule.kind == "noun":
                verb = args.governing_verb(trigger, rule)
                extra = tokens[1] if rule.mods else None
            elif rule.kind == "blame":
                verb, extra = None, tokens[-1]
            else:
                verb, extra = None, tokens[1] if len(tokens) > 1 else None
            hit = Hit(rule, trigger, verb, extra, len(tokens))
            old = best.get(trigger.i)
            if old is None or (hit.specificity, -order[rule.id]) > (old.specificity, -order[old.rule.id]):
                best[trigger.i] = hit
    return [best[i] for i in sorted(best)]


def _trigger_span(hit: Hit) -> Span:
    doc = hit.trigger.doc
    if hit.rule.kind == "noun" and hit.extra is not None:  # "congratulatory message"
        start, end = min(hit.extra.i, hit.trigger.i), max(hit.extra.i, hit.trigger.i) + 1
        return doc[start:end]
    return doc[hit.trigger.i : hit.trigger.i + 1]


def _rejected(hit: Hit) -> bool:
    """Rule conditions a dependency pattern cannot say."""
    rule, trigger = hit.rule, hit.trigger
    has_object = any(c.dep_ == "dobj" for c in trigger.children)
    if rule.objects_none and has_object:
        return True
    if rule.needs_object and not has_object:
        return True
    if rule.not_mods and any(c.lower_ in rule.not_mods for c in trigger.children):
        return True
    if rule.type == "ACCUSE" and any(c.lower_ == "into" for c in trigger.children):  # "slammed into the coast"
        return True
    if rule.type == "AGREE" and rule.kind == "verb" and (trigger.dep_ == "parataxis" or (
            any(c.dep_ == "ccomp" for c in trigger.children)
            and not any(c.dep_ in {"xcomp", "dobj", "dative"} for c in trigger.children))):
        return True  # "agreed that ...", "..., agreed X": agreeing with a statement, not to cooperate
    if rule.id == "protest" and trigger.lemma_ in {"demonstrate", "rally", "march"} and has_object:
        return True  # "demonstrate naval strength", "rallied support"
    if rule.type == "CONSULT" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children):
        return True  # "was met with brutality"; hosts in the passive are rare and ambiguous
    return False


# acts two sides do together: with both named as subjects ("X and Y held talks") the first named is the
# actor and the others its recipients, one dyad per event as a coder would record it
JOINT_TYPES = {"CONSULT", "AGREE", "COOPERATE"}


def _participants(hit: Hit, actors: MentionSession) -> tuple[list[ActorKey], list[ActorKey]]:
    rule, trigger = hit.rule, hit.trigger
    if rule.kind == "blame":
        actor_tok = args.subject(trigger)
        return args.resolve_token(actor_tok, actors), args.resolve_token(hit.extra, actors)
    if rule.kind == "noun":
        actor_tok = args.nominal_actor(trigger, hit.verb)
    else:
        actor_tok = args.subject(trigger)
    actor_ids = args.resolve_token(actor_tok, actors)
    recipient_ids: list[ActorKey] = []
    if not rule.self_only:
        tokens = list(args.recipient_tokens(rule, trigger, hit.verb))
        for tok in tokens:
            recipient_ids = [i for i in args.resolve_token(tok, actors) if i not in actor_ids]
            if recipient_ids:
                break
        if not _with_country(recipient_ids, actors):  # "seized a British-flagged tanker"
            found = next((c for tok in tokens if (c := args.object_country(tok, actors)) is not None), None)
            if found is not None and found not in actor_ids and found not in recipient_ids:
                recipient_ids = [*recipient_ids, found]
    if rule.objects_ent:  # the object must itself be an actor ("welcomed Putin", not "welcomed the move")
        obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
        if not args.resolve_token(obj, actors):
            return [], []
    if rule.swap:  # the host is the subject: the visitor is the actor
        actor_ids, recipient_ids = recipient_ids, actor_ids
    if rule.type in JOINT_TYPES and len(actor_ids) > 1 and not recipient_ids:
        actor_ids, recipient_ids = actor_ids[:1], actor_ids[1:]  # "X and Y held talks": X met Y
    return actor_ids, recipient_ids


def _fallback_recipient(hit: Hit, sentence: Span, actor_ids: list[ActorKey], actors: MentionSession) -> list[ActorKey]:
    """"the polls criticised by Western nations": the criticised thing is no actor; take the nearest
    other actor named before it in the sentence (whose polls they were)."""
    if not (hit.trigger.dep_ == "acl" and hit.rule.type in {"ACCUSE", "REJECT"}):
        return []
    named = [e for e in sentence.ents if e.end <= hit.trigger.i and e.label_ in {"PERSON", "GPE", "NORP", "ORG"}]
    for ent in reversed(named):
        actor_id = actors.resolve(ent)
        if actor_id is not None and actor_id not in actor_ids:
            return [actor_id]
    return []


def _with_country(actor_ids: list[ActorKey], actors: MentionSession) -> bool:
    return any((a := actors.record(i)) is not None and a.country for i in actor_ids)


# acts a government or its people direct at home unless a foreign target is named: protesters protest
# their own government, police arrest their own citizens, a government eases its own curfew
DOMESTIC = {"PROTEST", "COERCE", "CONCEDE", "RETREAT"}


def _own_country(hit: Hit, sentence: Span, actor_ids: list[ActorKey], actors: MentionSession) -> list[ActorKey]:
    """The actor's own country as recipient of a domestic act, named by a country actor or a demonym in
    the sentence; nothing for a withdrawal *from* somewhere (that place is foreign)."""
    if hit.rule.type not in DOMESTIC or any(c.lower_ in {"from", "out"} for c in hit.trigger.children):
        return []
    found = [a for a in (actors.record(i) for i in actor_ids) if a is not None]
    foreign = args.foreign_in_object(hit.trigger, {a.country for a in found if a.country}, actors)
    if foreign is not None:
        return [foreign]
    countries = [a.key for a in found if a.type == "country"]
    if countries:
        return countries[:1]
    codes = {a.country for a in found if a.country}
    if len(codes) != 1:
        return []
    for ent in sentence.ents:  # "Kenyan protesters": the demonym names the country
        if ent.label_ in {"GPE", "NORP"}:
            actor = actors.record(actors.resolve(ent))
            if actor is not None and actor.country in codes:
                return [actor.key if actor.type == "country" else actors.country(actor.country, ent)]
    return []


# acts reported in the passive without their doer ("was arrested", "were killed") still name a victim
AGENTLESS_OK = {"COERCE", "ASSAULT", "SANCTION"}


def _agentless_passive(trigger: Token) -> bool:
    children = list(trigger.children)
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) and not any(c.dep_ == "agent" for c in children)


# material acts whose unnamed target is the place they happen in ("bombed a village in Sagaing")
PLACE_TARGETED = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONCEDE", "RETREAT", "AID"}


def _place_recipient(event_type: str, place_actor: ActorKey | None, actor_ids: list[ActorKey]) -> list[ActorKey]:
    if event_type not in PLACE_TARGETED or place_actor is None or place_actor in actor_ids:
        return []
    return [place_actor]


def _date(hit: Hit, clause: Token, dates: list[DateMention], sentence: Span, published: str | None) -> EventDate | None:
    """The date words inside the event's clause nearest the trigger, else the publication day."""
    lo, hi = clause.left_edge.idx - sentence.start_char, clause.right_edge.idx + len(clause.right_edge) - sentence.start_char
    inside = [d for d in dates if lo <= d.start and d.end <= hi]
    if not inside:
        return publication_date(published)
    pos = hit.trigger.idx - sentence.start_char
    found = min(inside, key=lambda d: abs(d.start - pos))
    offset = sentence.start_char
    d = found.date
    return EventDate(d.start, d.end, d.precision, d.text, (found.start + offset, found.end + offset))


def _location(hit: Hit, actors: MentionSession) -> tuple[Location | None, ActorKey | None]:
    """The stated place and the actor it resolves to (a country or capital), if any."""
    place = args.place_token(hit.trigger, hit.verb)
    if place is None:
        return None, None
    span = args.noun_phrase(place)
    actor_id = actors.resolve(span)
    record = actors.record(actor_id)
    return Location(span.text, (span.start_char, span.end_char), record.country if record else None), actor_id


def _vias(hit: Hit, sentence: Span, attributions: AttributionIndex, actors: MentionSession) -> tuple[list[SourceRef], bool]:
    att = ctx.enclosing_attribution(hit.trigger, attributions)
    vias: list[SourceRef] = []
    hedged = False
    if att is not None:
        hedged = att.hedged
        if att.cue is not None and att.cue.root.lemma_ == "report" and att.speaker is not None:
            vias.append(actors.source(att.speaker, att.cue))
        for src in att.via:
            vias.append(actors.source(src.mention, src.cue))
    if not vias:
        found = ctx.reporting_source(sentence, hit.trigger)
        if found is not None:
            subj, cue_tok = found
            vias.append(actors.source(args.noun_phrase(subj), sentence.doc[cue_tok.i : cue_tok.i + 1]))
    return vias, hedged


def _merge_governed(events: list[tuple[Hit, CodedEvent]]) -> list[tuple[Hit, CodedEvent]]:
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
        gov = ctx.governor(clause)
        outer = by_token.get(gov.i) if gov is not None else None
        if outer is None or outer is ev:
            continue
        if ev.modality is None:
            ev.modality = ctx.third_person(gov.lemma_)
        if not outer.recipient:
            first, second = (ev.actor, ev.recipient) if outer.type == "REQUEST" else (ev.recipient, ev.actor)
            outer.recipient = [i for i in first if i not in outer.actor] or [i for i in second if i not in outer.actor]
        if outer.type == "AGREE" and ev.type in ctx.COOPERATIVE and ev.mode:
            outer.mode = ev.mode
    return [(hit, ev) for hit, ev in events if id(ev) not in dropped]


def find_events(
    doc: Doc, attributions: list[Attribution], actors: MentionSession, published: str | None
) -> list[CodedEvent]:
    events: list[tuple[Hit, CodedEvent]] = []
    dates_by_sentence: dict[int, list[DateMention]] = {}
    index = AttributionIndex(attributions)
    for hit in _hits(doc):
        if _rejected(hit):
            continue
        rule, trigger = hit.rule, hit.trigger
        actor_ids, recipient_ids = _participants(hit, actors)
        sentence = trigger.sent
        if not recipient_ids:
            recipient_ids = _fallback_recipient(hit, sentence, actor_ids, actors)
        if not actor_ids and not (recipient_ids and rule.type in AGENTLESS_OK and _agentless_passive(trigger)):
            continue
        if (rule.needs_actor and not actor_ids) or (rule.needs_recipient and not recipient_ids):
            continue
        # negation and modality belong to the trigger's own verb (or light verb): in "refused to condemn
        # its attack" the condemning is negated, not the attack; dates may sit on the governing verb
        clause = hit.verb or trigger
        date_scope = ctx.clause_verb(trigger, hit.verb)
        if sentence.start not in dates_by_sentence:
            dates_by_sentence[sentence.start] = find_dates(sentence.text, published)
        ev_type, mode, modality = rule.type, rule.mode, ctx.modality(clause)
        if modality in ctx.FUTURE_AUX and ev_type in ctx.COOPERATIVE:  # PLOVER: future cooperation is AGREE
            ev_type, mode, modality = "AGREE", mode or rule.type.lower(), None
        vias, hedged = _vias(hit, sentence, index, actors)
        span = _trigger_span(hit)
        location, place_actor = _location(hit, actors)
        if not recipient_ids:
            recipient_ids = _place_recipient(rule.type, place_actor, actor_ids)
        if not recipient_ids and (not rule.self_only or rule.type == "RETREAT"):  # a resignation too
            recipient_ids = _own_country(hit, sentence, actor_ids, actors)
        events.append((hit, CodedEvent(
            type=ev_type,
            mode=mode,
            actor=actor_ids,
            recipient=recipient_ids,
            trigger=TextRef(span.text, (span.start_char, span.end_char)),
            sentence=(sentence.start_char, sentence.end_char),
            date=_date(hit, date_scope, dates_by_sentence[sentence.start], sentence, published),
            location=location,
            negated=ctx.is_negated(trigger, clause),
            modality=modality,
            via=vias,
            hedged=hedged,
            cameo=rule.cameo[:2] if ev_type == rule.type else "03",
            intensity=intensity(ev_type, mode, rule.cameo if ev_type == rule.type else "030"),
            count=ctx.event_count(trigger, clause),
        )))
    result = [ev for _hit, ev in _merge_governed(events)]
    log.debug("%d events", len(result))
    return result


def counted(event: Event) -> bool:
    """Whether an event is a realised act that queries and scores count: not negated, no modality."""
    return not event.negated and event.modality is None
