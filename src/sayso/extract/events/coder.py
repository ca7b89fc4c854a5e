"""PLOVER events: what political actors did to each other, from the dependency parse.

Triggers come from the candidate sources (``candidates``: today the rules of event_patterns.jsonl);
participants from the parse around each trigger (``participants``); negation, modality, counts and the
source chain from ``context``; dates from ``extract/dates.py``. An event is kept only when at least one
participant resolves to an actor: a trigger alone ("the war") says nothing about who did what to whom.
Which policy applies to which PLOVER type (joint acts, domestic acts, ...) is read from the lexicon
(``lexicons/shared/plover_policies.tsv``).

Dates: the date words attached to the event's clause, resolved against the publication day; when the
sentence states none, the publication day itself with ``text`` None (the event-data convention of dating
an event by its story), or no date when the publication day is unknown.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sayso.extract.actors.keys import ActorKey, SourceRef
from sayso.extract.actors.session import MentionSession
from sayso.extract.attribution.index import AttributionIndex
from sayso.extract.attribution.types import Attribution
from sayso.extract.dates import DateGrammar, DateMention, publication_date
from sayso.extract.events import context as ctx
from sayso.extract.events import participants as args
from sayso.extract.events.candidates import Hit, TriggerSource, best_hits, trigger_span
from sayso.extract.events.coded import CodedEvent
from sayso.extract.events.lexicon import EventLexicon
from sayso.extract.events.merge import merge_governed
from sayso.report import Event, EventDate, Location, TextRef

log = logging.getLogger(__name__)


class _Coder:
    """The coding of one document: its lexicon, actor session, attributions and publication day."""

    def __init__(self, lex: EventLexicon, dates: DateGrammar, actors: MentionSession,
                 attributions: list[Attribution], published: str | None) -> None:
        self.lex = lex
        self.policies = lex.policies
        self.dates = dates
        self.actors = actors
        self.index = AttributionIndex(attributions)
        self.published = published
        self._dates_by_sentence: dict[int, list[DateMention]] = {}

    def resolve(self, token: Token | None) -> list[ActorKey]:
        return args.resolve_token(self.lex, token, self.actors)

    def event(self, hit: Hit) -> CodedEvent | None:
        if self._rejected(hit):
            return None
        rule, trigger = hit.rule, hit.trigger
        actor_ids, recipient_ids = self._participants(hit)
        sentence = trigger.sent
        if not recipient_ids:
            recipient_ids = self._criticised_by(hit, sentence, actor_ids)
        if not actor_ids and not (recipient_ids and rule.type in self.policies.agentless_passive
                                  and _agentless_passive(trigger)):
            return None
        if (rule.needs_actor and not actor_ids) or (rule.needs_recipient and not recipient_ids):
            return None
        # negation and modality belong to the trigger's own verb (or light verb): in "refused to condemn
        # its attack" the condemning is negated, not the attack; dates may sit on the governing verb
        clause = hit.verb or trigger
        date_scope = ctx.clause_verb(trigger, hit.verb)
        ev_type, mode, modality, cameo = rule.type, rule.mode, ctx.modality(self.lex, clause), rule.cameo
        future = self.policies.future.get(ev_type)
        if future is not None and modality in self.lex.word_set("future_aux"):  # PLOVER: future cooperation is AGREE
            (ev_type, cameo), mode, modality = future, mode or rule.type.lower(), None
        vias, hedged = self._vias(hit, sentence)
        span = trigger_span(hit)
        location, place_actor = self._location(hit)
        if not recipient_ids and rule.type in self.policies.place_recipient and place_actor is not None \
                and place_actor not in actor_ids:
            recipient_ids = [place_actor]
        if not recipient_ids and (not rule.self_only or rule.type == "RETREAT"):  # a resignation too
            recipient_ids = self._own_country(hit, sentence, actor_ids)
        return CodedEvent(
            type=ev_type,
            mode=mode,
            actor=actor_ids,
            recipient=recipient_ids,
            trigger=TextRef(span.text, (span.start_char, span.end_char)),
            sentence=(sentence.start_char, sentence.end_char),
            date=self._date(hit, date_scope, sentence),
            location=location,
            negated=ctx.is_negated(self.lex, trigger, clause),
            modality=modality,
            via=vias,
            hedged=hedged,
            cameo=cameo[:2],
            intensity=self.lex.intensity(ev_type, mode, cameo),
            count=ctx.event_count(self.lex, trigger, clause),
        )

    def _rejected(self, hit: Hit) -> bool:
        """Rule conditions a dependency pattern cannot say."""
        rule, trigger = hit.rule, hit.trigger
        children = list(trigger.children)
        has_object = any(c.dep_ == "dobj" for c in children)
        if rule.objects_none and has_object:
            return True
        if rule.needs_object and not has_object:
            return True
        if rule.not_mods and any(c.lower_ in rule.not_mods for c in children):
            return True
        if rule.type == "ACCUSE" and any(c.lower_ in self.lex.word_set("not_accusing_preposition") for c in children):
            return True  # "slammed into the coast"
        if rule.type == "AGREE" and rule.kind == "verb" and (trigger.dep_ == "parataxis" or (
                any(c.dep_ == "ccomp" for c in children)
                and not any(c.dep_ in {"xcomp", "dobj", "dative"} for c in children))):
            return True  # "agreed that ...", "..., agreed X": agreeing with a statement, not to cooperate
        if rule.id == "protest" and trigger.lemma_ in self.lex.word_set("show_of_force_verb") and has_object:
            return True  # "demonstrate naval strength", "rallied support"
        if rule.type == "CONSULT" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in children):
            return True  # "was met with brutality"; hosts in the passive are rare and ambiguous
        return False

    def _participants(self, hit: Hit) -> tuple[list[ActorKey], list[ActorKey]]:
        rule, trigger, lex = hit.rule, hit.trigger, self.lex
        if rule.kind == "blame":
            return self.resolve(args.subject(lex, trigger)), self.resolve(hit.extra)
        if rule.kind == "noun":
            actor_tok = args.nominal_actor(lex, trigger, hit.verb)
        else:
            actor_tok = args.subject(lex, trigger)
        actor_ids = self.resolve(actor_tok)
        recipient_ids: list[ActorKey] = []
        if not rule.self_only:
            tokens = list(args.recipient_tokens(rule, trigger, hit.verb))
            for tok in tokens:
                recipient_ids = [i for i in self.resolve(tok) if i not in actor_ids]
                if recipient_ids:
                    break
            if not self._with_country(recipient_ids):  # "seized a British-flagged tanker"
                found = next((c for tok in tokens if (c := args.object_country(lex, tok, self.actors)) is not None), None)
                if found is not None and found not in actor_ids and found not in recipient_ids:
                    recipient_ids = [*recipient_ids, found]
        if rule.objects_ent:  # the object must itself be an actor ("welcomed Putin", not "welcomed the move")
            obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
            if not self.resolve(obj):
                return [], []
        if rule.swap:  # the host is the subject: the visitor is the actor
            actor_ids, recipient_ids = recipient_ids, actor_ids
        if rule.type in self.policies.joint and len(actor_ids) > 1 and not recipient_ids:
            actor_ids, recipient_ids = actor_ids[:1], actor_ids[1:]  # "X and Y held talks": X met Y
        return actor_ids, recipient_ids

    def _criticised_by(self, hit: Hit, sentence: Span, actor_ids: list[ActorKey]) -> list[ActorKey]:
        """"the polls criticised by Western nations": the criticised thing is no actor; take the nearest
        other actor named before it in the sentence (whose polls they were)."""
        if not (hit.trigger.dep_ == "acl" and hit.rule.type in self.policies.criticised_by):
            return []
        named = [e for e in sentence.ents if e.end <= hit.trigger.i and e.label_ in {"PERSON", "GPE", "NORP", "ORG"}]
        for ent in reversed(named):
            actor_id = self.actors.resolve(ent)
            if actor_id is not None and actor_id not in actor_ids:
                return [actor_id]
        return []

    def _with_country(self, actor_ids: list[ActorKey]) -> bool:
        return any((a := self.actors.record(i)) is not None and a.country for i in actor_ids)

    def _own_country(self, hit: Hit, sentence: Span, actor_ids: list[ActorKey]) -> list[ActorKey]:
        """The actor's own country as recipient of a domestic act (protesters protest their own
        government, police arrest their own citizens), named by a country actor or a demonym in the
        sentence; nothing for a withdrawal *from* somewhere (that place is foreign)."""
        actors = self.actors
        if hit.rule.type not in self.policies.domestic or any(
                c.lower_ in self.lex.word_set("away_word") for c in hit.trigger.children):
            return []
        found = [a for a in (actors.record(i) for i in actor_ids) if a is not None]
        foreign = args.foreign_in_object(self.lex, hit.trigger, {a.country for a in found if a.country}, actors)
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

    def _date(self, hit: Hit, clause: Token, sentence: Span) -> EventDate | None:
        """The date words inside the event's clause nearest the trigger, else the publication day."""
        if sentence.start not in self._dates_by_sentence:
            self._dates_by_sentence[sentence.start] = self.dates.find(sentence.text, self.published)
        dates = self._dates_by_sentence[sentence.start]
        offset = sentence.start_char
        lo, hi = clause.left_edge.idx - offset, clause.right_edge.idx + len(clause.right_edge) - offset
        inside = [d for d in dates if lo <= d.start and d.end <= hi]
        if not inside:
            return publication_date(self.published)
        pos = hit.trigger.idx - offset
        found = min(inside, key=lambda d: abs(d.start - pos))
        d = found.date
        return EventDate(d.start, d.end, d.precision, d.text, (found.start + offset, found.end + offset))

    def _location(self, hit: Hit) -> tuple[Location | None, ActorKey | None]:
        """The stated place and the actor it resolves to (a country or capital), if any."""
        place = args.place_token(self.lex, hit.trigger, hit.verb)
        if place is None:
            return None, None
        span = args.noun_phrase(place)
        actor_id = self.actors.resolve(span)
        record = self.actors.record(actor_id)
        return Location(span.text, (span.start_char, span.end_char), record.country if record else None), actor_id

    def _vias(self, hit: Hit, sentence: Span) -> tuple[list[SourceRef], bool]:
        actors, lex = self.actors, self.lex
        att = ctx.enclosing_attribution(lex, hit.trigger, self.index)
        vias: list[SourceRef] = []
        hedged = False
        if att is not None:
            hedged = att.hedged
            if att.cue is not None and att.cue.root.lemma_ in lex.word_set("report_verb") and att.speaker is not None:
                vias.append(actors.source(att.speaker, att.cue))
            for src in att.via:
                vias.append(actors.source(src.mention, src.cue))
        if not vias:
            found = ctx.reporting_source(lex, sentence, hit.trigger)
            if found is not None:
                subj, cue_tok = found
                vias.append(actors.source(args.noun_phrase(subj), sentence.doc[cue_tok.i : cue_tok.i + 1]))
        return vias, hedged


def _agentless_passive(trigger: Token) -> bool:
    children = list(trigger.children)
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) and not any(c.dep_ == "agent" for c in children)


def find_events(doc: Doc, sources: Sequence[TriggerSource], lex: EventLexicon, dates: DateGrammar,
                attributions: list[Attribution], actors: MentionSession, published: str | None) -> list[CodedEvent]:
    """Every event of the document, in text order of their triggers."""
    coder = _Coder(lex, dates, actors, attributions, published)
    events = [(hit, ev) for hit in best_hits(doc, sources) if (ev := coder.event(hit)) is not None]
    result = [ev for _hit, ev in merge_governed(lex, events)]
    log.debug("%d events", len(result))
    return result


def counted(event: Event) -> bool:
    """Whether an event is a realised act that queries and scores count: not negated, no modality."""
    return not event.negated and event.modality is None
