"""Late mentions: one step's look-ups of spans it found (a speaker, a claim's subject, an event's
participant) against the actor table.

A step opens a ``MentionSession`` over a copy of the table; within the session a mention it binds helps
its next look-ups ("the Japanese businessman", then "the businessman"), exactly as a reader's memory
would. The table is never changed: the session keeps a log of what it bound and which actors it added,
and the final pass (``links``) replays every step's log, in one fixed order, into the finished table.
So what a step finds does not depend on which steps ran before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sayso.extract.actors import coref
from sayso.extract.actors.countries import clean
from sayso.extract.actors.keys import ActorKey, ActorMention, SourceRef
from sayso.extract.actors.kinds import (
    Proto,
    country_proto,
    demonym_proto,
    is_role_or_group,
    named_proto,
    org_sector,
)
from sayso.extract.actors.lexicon import ActorLexicon
from sayso.extract.actors.persons import clean_name, name_key_tokens
from sayso.extract.actors.phrases import demonym_head, is_agent_noun
from sayso.extract.actors.recognize import apply_title
from sayso.extract.actors.state import ActorRecord, Draft
from sayso.extract.actors.table import ActorTable
from sayso.report import TextRef


@dataclass(frozen=True)
class NewActor:
    """The session met an actor the table lacks."""

    draft: Draft


@dataclass(frozen=True)
class Bound:
    """The session bound a mention to an actor. ``checked``: only if the actor has no overlapping
    mention yet (a resolved span); unchecked for the country a demonym names."""

    key: ActorKey
    span: Span
    checked: bool


LateOp = NewActor | Bound


class MentionSession:
    """Resolve spans to actor keys for one step; ``log`` is what the final pass replays."""

    def __init__(self, table: ActorTable) -> None:
        self.lexicon: ActorLexicon = table.lexicon
        self.settings = table.settings
        self.state = table.thaw()
        self.log: list[LateOp] = []

    # ----- what steps call --------------------------------------------------------------------------

    def resolve(self, mention: Span | None) -> ActorKey | None:
        """The actor this mention refers to (binding the mention to it), or None."""
        if mention is None or len(mention) == 0:
            return None
        state = self.state
        key = state.by_span.get((mention.start_char, mention.end_char)) or self._key_inside(mention)
        if key is None:
            key = self._new_from(mention)
        if key is None:
            return None
        self._bind(key, mention, checked=True)
        return key

    def mention(self, span: Span | None, evidence: Span | None = None) -> ActorMention | None:
        """``span`` resolved, with ``evidence`` (default: the span itself) as the words and offsets shown."""
        return None if span is None else self._mention(span, evidence if evidence is not None else span)

    def source(self, mention: Span, cue: Span | None) -> SourceRef:
        """One link of a via chain: the source resolved, the cue words as they stand."""
        return SourceRef(self._mention(mention, mention),
                         None if cue is None else TextRef(cue.text, (cue.start_char, cue.end_char)))

    def _mention(self, span: Span, shown: Span) -> ActorMention:
        return ActorMention(self.resolve(span), shown.text, (shown.start_char, shown.end_char))

    def country(self, code: str, mention: Span) -> ActorKey:
        """Country ``code``'s actor, with ``mention`` (a name or demonym) as one of its mentions: for
        events aimed at the country of a group named by a demonym ("Palestinian workers")."""
        key = self._draft(country_proto(self.lexicon, code)).key
        self._bind(key, mention, checked=False)
        return key

    def record(self, key: ActorKey | None) -> ActorRecord | None:
        """What is known about an actor (type, country, sector), for rules that depend on it."""
        draft = self.state.drafts.get(key) if key is not None else None
        return draft.record() if draft is not None else None

    # ----- binding ----------------------------------------------------------------------------------

    def _bind(self, key: ActorKey, span: Span, checked: bool) -> None:
        self.log.append(Bound(key, span, checked))
        if not (checked and self.state.overlaps(key, span)):
            self.state.add_mention(key, span)

    def _draft(self, proto: Proto) -> Draft:
        if proto.key in self.state.drafts:
            return self.state.drafts[proto.key]
        draft = self.state.draft(proto)
        self.log.append(NewActor(draft))
        return draft

    # ----- resolution -------------------------------------------------------------------------------

    def _key_inside(self, mention: Span) -> ActorKey | None:
        by_token = self.state.by_token
        root = mention.root
        if root.i in by_token:
            return by_token[root.i]
        if root.lemma_.lower() in self.lexicon.word_set("relational_noun") and any(c.dep_ == "poss" for c in root.children):
            return self._related(root)
        inside = [c for c in root.children if mention.start <= c.i < mention.end and c.i in by_token]
        for dep in ("appos", "compound", "nmod", "poss"):  # "her counterpart Klaus Brenner" is Brenner
            for child in inside:
                if child.dep_ == dep and not (dep == "poss" and is_role_or_group(self.lexicon, root)):
                    return by_token[child.i]
        keys = {by_token.get(t.i) for t in mention}
        return keys.pop() if len(keys) == 1 else None

    def _related(self, noun: Token) -> ActorKey | None:
        """"its ally", "Russia’s neighbour": the latest other actor of the possessor's type, if any."""
        state = self.state
        owner_tok = next((c for c in noun.children if c.dep_ == "poss"), None)
        owner = state.by_token.get(owner_tok.i) if owner_tok is not None else None
        if owner is None or owner_tok is None:
            return None
        kind = state.drafts[owner].type
        pool = state.persons if kind == "person" else state.things
        return coref.latest(pool, 0, owner_tok.i, lambda k: k != owner and state.drafts[k].type == kind)

    def _new_from(self, mention: Span) -> ActorKey | None:
        lex = self.lexicon
        text = clean(mention.text)
        code = lex.countries.code(text)
        if code:
            proto = country_proto(lex, code)
        elif text in lex.named_by_text:
            proto = named_proto(lex.named_by_text[text])
        elif (found := demonym_head(lex, mention)) is not None:
            code, adjective, modifier = found
            if modifier is not None and (modifier.i == mention.root.i or not is_agent_noun(lex, mention.root)):
                # "Russian strikes", "Belarusian potash exports": the country acts; the demonym is its mention
                return self.country(code, mention.doc[modifier.i : modifier.i + 1])
            proto = demonym_proto(lex, mention, code, adjective)
        elif mention.root.pos_ == "PROPN" and (name := clean_name(lex, self.settings, mention)) is not None \
                and name_key_tokens(lex, name):
            label = next((t.ent_type_ for t in mention if t.ent_type_ and t.ent_type_ != "NORP"), "PERSON")
            if label == "ORG":
                proto = Proto(ActorKey("org", text), text, "organization", None, org_sector(lex, text))
            elif label in ("PERSON", ""):
                return self._person_from(name)
            else:
                return None
        else:
            return None
        return self._draft(proto).key

    def _person_from(self, name: Span) -> ActorKey:
        """A person the table lacks, unless one known person's name tokens hold this name's."""
        toks = name_key_tokens(self.lexicon, name)
        known = self.state.person_named(toks)
        if known is not None:
            return known
        text = " ".join(name.text.split())
        key = ActorKey("person", text)
        if key in self.state.drafts:  # a person a description introduced under this name
            return key
        draft = self._draft(Proto(key, text, "person"))
        draft.tokens = toks
        apply_title(self.lexicon, draft, name)
        return key
