"""Pronouns ("he", "its") and definite descriptions ("the Chinese leader", "his Russian counterpart")
bound to the actors recognition found, in text order, so each can lean on the ones before it.

The antecedent rules themselves are in ``coref``; this module decides which words need one and what a
description adds to the actor it lands on (a country, a role, a sector).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.extract.actors import coref
from sayso.extract.actors.keys import ActorKey
from sayso.extract.actors.kinds import Proto
from sayso.extract.actors.lexicon import ActorLexicon
from sayso.extract.actors.phrases import Description
from sayso.extract.actors.settings import ActorSettings
from sayso.extract.actors.state import ActorState


def resolve_references(lex: ActorLexicon, settings: ActorSettings, doc: Doc, state: ActorState, quoted: set[int],
                       descriptions: list[Description]) -> None:
    """Bind every unbound pronoun and person description (``phrases.person_descriptions``), left to right."""
    descriptions = [d for d in descriptions if d.head.i not in state.by_token]
    pron_table = lex.pronouns
    pron_tokens = [t for t in doc if t.lower_ in pron_table and t.pos_ == "PRON" or t.lower_ in ("his", "its")]
    items: list[tuple[int, Description | Token]] = [(d.span.start, d) for d in descriptions]
    items += [(t.i, t) for t in pron_tokens if t.i not in state.by_token]
    resolver = _References(lex, settings, doc, state, quoted)
    for _, item in sorted(items, key=lambda x: x[0]):
        if isinstance(item, Description):
            resolver.description(item)
        elif item.i not in state.by_token:
            resolver.pronoun(item)


class _References:
    def __init__(self, lex: ActorLexicon, settings: ActorSettings, doc: Doc, state: ActorState,
                 quoted: set[int]) -> None:
        self.lex = lex
        self.settings = settings
        self.doc = doc
        self.state = state
        self.quoted = quoted
        self.speech = self.lex.word_set("speech_verb")
        self.generic_roles = self.lex.word_set("generic_role")

    def pronoun(self, tok: Token) -> ActorKey | None:
        state = self.state
        pronoun = self.lex.pronouns.get(tok.lower_)
        refers = pronoun.refers if pronoun is not None else None
        lookback = self.settings.lookback_sentences
        if refers == "person":
            gender = pronoun.gender if pronoun is not None else None
            speakers: set[ActorKey] = set()
            if tok.i in self.quoted:  # “He should never have been jailed,” Gallagher said: he is not Gallagher
                speakers = {k for i in coref.quote_speakers(tok, self.quoted, self.speech)
                            if (k := state.by_token.get(i))}
            keep = None
            if tok.i not in self.quoted and coref.is_speech_subject(tok, self.speech):
                # “...,” he said: the speaker was introduced outside quotes, not by a "he" inside them
                keep = lambda t: t.i not in self.quoted
            key = coref.pick_antecedent(
                tok, state.persons, lambda k: state.drafts[k].gender in (None, gender) and k not in speakers,
                lookback, keep=keep)
            if key is not None:
                state.drafts[key].gender = state.drafts[key].gender or gender
        elif refers == "thing" and (tok.lower_ != "it" or tok.dep_ in ("nsubj", "nsubjpass")):
            key = coref.pick_antecedent(tok, state.things, lambda k: state.drafts[k].type != "group", lookback,
                                        same_sentence_only=tok.lower_ == "it")
        else:
            return None
        if key is not None:
            state.add_mention(key, self.doc[tok.i : tok.i + 1])
        return key

    def description(self, desc: Description) -> ActorKey | None:
        state = self.state
        owner = None
        if desc.possessor is not None:
            owner = state.by_token.get(desc.possessor.i) or self.pronoun(desc.possessor)

        def compatible(key: ActorKey) -> bool:
            d = state.drafts[key]
            if d.type != "person" or (desc.country and d.country not in (None, desc.country)):
                return False
            return desc.role in self.generic_roles or not d.roles or desc.role in d.roles

        vague = desc.country is None and desc.role in self.generic_roles
        near = self.settings.near_sentences if vague else None
        key = coref.pick_described(desc.head, state.persons, compatible, exclude=owner, near=near)
        if key is None:
            if desc.possessor is not None or desc.country is None:  # "the president", with no one before
                return None
            words = [t.text for t in desc.span if t.lower_ != "the" and t.text not in ("’s", "'s")]
            name = " ".join(words)
            key = state.draft(Proto(ActorKey("person", name), name, "person", desc.country, desc.sector)).key
        draft = state.drafts[key]
        if desc.country and draft.country is None:
            draft.country = desc.country
        if desc.role and desc.role not in self.generic_roles and desc.role not in draft.roles:
            draft.roles.append(desc.role)
        if desc.sector and desc.sector not in draft.sectors:
            draft.sectors.append(desc.sector)
        if desc.role == "Counterpart" and owner:  # a counterpart shares the sector, not the title
            draft.sectors.extend(s for s in state.drafts[owner].sectors if s not in draft.sectors)
        span = self.doc[desc.span.start : desc.span.end]
        if desc.possessor is not None:
            span = self.doc[desc.possessor.i + 1 : desc.span.end] if desc.possessor.i == desc.span.start else span
        state.add_mention(key, desc.span)
        for tok in span:
            state.by_token[tok.i] = key
        if owner and desc.possessor is not None:
            state.by_token[desc.possessor.i] = owner
        return key
