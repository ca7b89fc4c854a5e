"""Actor recognition and resolution: one actor per real entity, with every mention.

``ActorResolver`` is built once per document. On construction it finds every actor in the text (named
persons, countries and their capitals, outlets, organisations, groups, state-media descriptions) and
resolves every pronoun and definite description it can; the pipeline then asks it to ``resolve`` the
speaker, addressee and source spans other steps found, which mostly become look-ups.
"""

from __future__ import annotations

import logging
from bisect import insort
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sayso.extract.actors import coref
from sayso.extract.actors.kinds import (
    Proto,
    demonym_proto,
    entity_proto,
    is_role_or_group,
    media_proto,
    named_proto,
    org_sector,
)
from sayso.extract.actors.lexicons import named_by_text, pronouns
from sayso.extract.actors.countries import clean, country_code, country_name
from sayso.extract.actors.persons import (
    clean_name,
    cluster_names,
    doc_headlines,
    name_key_tokens,
    not_names,
    title_before,
    title_in_apposition,
)
from sayso.extract.actors.phrases import (
    Description,
    demonym_head,
    groups,
    is_agent_noun,
    media_descriptions,
    person_descriptions,
    role_tokens,
)
from sayso.report import Actor, ActorType

log = logging.getLogger(__name__)

_SKIP_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "NORP",
                          "LANGUAGE", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})
_GENERIC_ROLES = frozenset({"Leader", "Head", "Counterpart", "Official", "Spokesperson"})
_RELATIONAL = frozenset({"ally", "partner", "neighbour", "neighbor", "rival", "friend", "foe", "enemy",
                         "adversary"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})


@dataclass
class Draft:
    """An actor being assembled: the report's Actor plus what resolution needs."""

    id: str
    key: str
    name: str
    type: ActorType
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    state_media: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    tokens: tuple[str, ...] = ()  # name tokens, for persons
    gender: str | None = None

    def actor(self) -> Actor:
        sector = self.sectors[0] if self.sectors else None
        return Actor(self.id, self.name, self.type, self.country, list(self.roles), self.state_media, sector,
                     sorted(self.mentions))


class ActorResolver:
    """Every actor of one document, built on construction; ``resolve`` binds further mentions.

    State is per document: drafts by key (ids follow first mention), and which character span and which
    token already belong to which actor, so repeated ``resolve`` calls are cheap look-ups.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._drafts: dict[str, Draft] = {}
        self._by_span: dict[tuple[int, int], str] = {}
        self._by_token: dict[int, str] = {}
        self._persons: list[coref.Candidate] = []  # (mention root, key), kept in text order
        self._things: list[coref.Candidate] = []
        self._description_tokens: list[tuple[Span, str]] = []  # media descriptions around an outlet name
        self._person_tokens: dict[str, tuple[str, ...]] = {}  # person key -> identifying name tokens
        self._quoted: set[int] = set()  # tokens inside quotation marks
        try:
            self._build()
        except Exception:  # noqa: BLE001 - a resolver that knows less still serves the report
            log.exception("actor recognition failed; continuing with the actors found so far")

    # ----- public interface -------------------------------------------------------------------------

    def resolve(self, mention: Span | None) -> str | None:
        """The id of the actor this mention refers to (adding the mention), or None."""
        if mention is None or len(mention) == 0:
            return None
        try:
            return self._resolve(mention)
        except Exception:  # noqa: BLE001 - one odd span must not cost the report its other actors
            log.exception("could not resolve %r", mention.text)
            return None

    def _resolve(self, mention: Span) -> str | None:
        key = self._by_span.get((mention.start_char, mention.end_char)) or self._key_inside(mention)
        if key is None:
            key = self._new_from(mention)
        if key is None:
            return None
        draft = self._drafts[key]
        if not any(s < mention.end_char and mention.start_char < e for s, e in draft.mentions):
            self._add_mention(key, mention)
        return draft.id

    def actors(self) -> list[Actor]:
        return [d.actor() for d in self._drafts.values()]

    def actor_of(self, actor_id: str | None) -> Actor | None:
        """The current record of one actor (country, sector, roles) — for events and claims."""
        for draft in self._drafts.values():
            if draft.id == actor_id:
                return draft.actor()
        return None

    def country(self, code: str, mention: Span) -> str:
        """The id of country ``code``'s actor, with ``mention`` (a name or demonym) as one of its mentions:
        for events aimed at the country of a group named by a demonym ("Palestinian workers")."""
        key = self._draft(Proto(f"country:{code}", country_name(code), "country", code, "GOV")).key
        self._add_mention(key, mention)
        return self._drafts[key].id

    def key_at(self, token: Token) -> str | None:
        """The actor key already bound to a token, if any (no side effects)."""
        return self._by_token.get(token.i)

    def id_at(self, token: Token) -> str | None:
        key = self._by_token.get(token.i)
        return self._drafts[key].id if key else None

    # ----- construction -----------------------------------------------------------------------------

    def _draft(self, proto: Proto) -> Draft:
        draft = self._drafts.get(proto.key)
        if draft is None:
            draft = Draft(f"a{len(self._drafts) + 1}", proto.key, proto.name, proto.type, proto.country,
                          state_media=proto.state_media, sectors=[proto.sector] if proto.sector else [])
            self._drafts[proto.key] = draft
        return draft

    def _add_mention(self, key: str, span: Span) -> None:
        draft = self._drafts[key]
        where = (span.start_char, span.end_char)
        if where not in self._by_span:
            self._by_span[where] = key
            draft.mentions.append(where)
        for tok in span:
            self._by_token.setdefault(tok.i, key)
        target = self._persons if draft.type == "person" else self._things
        insort(target, (span.root, key), key=lambda c: c[0].i)

    def _build(self) -> None:
        doc = self.doc
        headlines = doc_headlines(doc)
        found: list[tuple[Span, Proto]] = []
        taken: set[int] = set()

        for desc in media_descriptions(doc):
            proto = media_proto(desc.outlet, desc.country)
            target = desc.outlet if desc.outlet is not None else desc.span
            found.append((target, proto))
            taken.update(range(desc.span.start, desc.span.end))
            self._description_tokens.append((desc.span, proto.key))
        for grp in groups(doc):
            if not taken.intersection(range(grp.span.start, grp.span.end)):
                found.append((grp.span, Proto(grp.key, grp.name, "group", grp.country, grp.sector)))
                taken.update(range(grp.span.start, grp.span.end))
        person_names: list[Span] = []
        unnamed_orgs: list[tuple[Span, Proto]] = []
        in_roles = role_tokens(doc)
        for ent in doc.ents:
            if ent.label_ in _SKIP_LABELS or taken.intersection(range(ent.start, ent.end)):
                continue
            if ent.label_ != "PERSON" and in_roles.issuperset(range(ent.start, ent.end)):
                continue
            proto = entity_proto(ent)
            if proto is not None and proto.key.startswith("org:"):
                unnamed_orgs.append((ent, proto))
            elif proto is not None:
                found.append((ent, proto))
            elif ent.label_ == "PERSON" and ent.sent.start not in headlines:
                name = clean_name(ent)
                if name is not None and name_key_tokens(name):
                    person_names.append(name)
        self._quoted = coref.quoted_tokens(doc)
        person_names = not_names(person_names, self._quoted)
        known = {w for name in person_names for w in name_key_tokens(name)}
        for ent, proto in unnamed_orgs:  # the model calls a lone "Trump" or "Zelenskyy" an organisation
            name = clean_name(ent) if ent.sent.start not in headlines else None
            if name is not None and name_key_tokens(name) and set(name_key_tokens(name)) <= known:
                person_names.append(name)
            else:
                found.append((ent, proto))
        person_names.sort(key=lambda n: n.start)
        found.extend(self._person_protos(person_names, taken | {t.i for s, _ in found for t in s}))
        for span, proto in sorted(found, key=lambda f: f[0].start):
            draft = self._draft(proto)
            self._add_mention(draft.key, span)
            if draft.type == "person":
                self._apply_title(draft, span)
        for span, key in self._description_tokens:
            for tok in span:
                self._by_token.setdefault(tok.i, key)
        self._resolve_references()

    def _person_protos(self, names: list[Span], taken: set[int]) -> list[tuple[Span, Proto]]:
        found = []
        for span, cluster in cluster_names(self.doc, names, taken):
            key = f"person:{cluster.name}"
            self._person_tokens[key] = cluster.tokens
            found.append((span, Proto(key, cluster.name, "person")))
        return found

    def _apply_title(self, draft: Draft, name: Span) -> None:
        draft.tokens = self._person_tokens.get(draft.key, draft.tokens)
        for title in (title_before(name), title_in_apposition(name)):
            for role in title.roles:
                if role not in draft.roles:
                    draft.roles.append(role)
            draft.sectors.extend(s for s in title.sectors if s not in draft.sectors)
            if title.country and draft.country is None:
                draft.country = title.country

    # ----- pronouns and descriptions ----------------------------------------------------------------

    def _resolve_references(self) -> None:
        doc = self.doc
        descriptions = [d for d in person_descriptions(doc) if d.head.i not in self._by_token]
        pron_table = pronouns()
        pron_tokens = [t for t in doc if t.lower_ in pron_table and t.pos_ == "PRON" or t.lower_ in ("his", "its")]
        items: list[tuple[int, object]] = [(d.span.start, d) for d in descriptions]
        items += [(t.i, t) for t in pron_tokens if t.i not in self._by_token]
        for _, item in sorted(items, key=lambda x: x[0]):
            if isinstance(item, Description):
                self._resolve_description(item)
            elif item.i not in self._by_token:  # type: ignore[union-attr]
                self._resolve_pronoun(item)  # type: ignore[arg-type]

    def _resolve_pronoun(self, tok: Token) -> str | None:
        refers = pronouns().get(tok.lower_)
        if refers == "person":
            gender = "m" if tok.lower_ in _MALE else "f" if tok.lower_ in _FEMALE else None
            speakers: set[str] = set()
            if tok.i in self._quoted:  # “He should never have been jailed,” Gallagher said: he is not Gallagher
                speakers = {k for i in coref.quote_speakers(tok, self._quoted) if (k := self._by_token.get(i))}
            keep = None
            if tok.i not in self._quoted and coref.is_speech_subject(tok):
                # “...,” he said: the speaker was introduced outside quotes, not by a "he" inside them
                keep = lambda t: t.i not in self._quoted  # noqa: E731
            key = coref.pick_antecedent(
                tok, self._persons, lambda k: self._drafts[k].gender in (None, gender) and k not in speakers,
                keep=keep)
            if key is not None:
                self._drafts[key].gender = self._drafts[key].gender or gender
        elif refers == "thing" and (tok.lower_ != "it" or tok.dep_ in ("nsubj", "nsubjpass")):
            key = coref.pick_antecedent(tok, self._things, lambda k: self._drafts[k].type != "group",
                                        same_sentence_only=tok.lower_ == "it")
        else:
            return None
        if key is not None:
            self._add_mention(key, self.doc[tok.i : tok.i + 1])
        return key

    def _resolve_description(self, desc: Description) -> str | None:
        owner = None
        if desc.possessor is not None:
            owner = self._by_token.get(desc.possessor.i) or self._resolve_pronoun(desc.possessor)

        def compatible(key: str) -> bool:
            d = self._drafts[key]
            if d.type != "person" or (desc.country and d.country not in (None, desc.country)):
                return False
            return desc.role in _GENERIC_ROLES or not d.roles or desc.role in d.roles

        vague = desc.country is None and desc.role in _GENERIC_ROLES
        key = coref.pick_described(desc.head, self._persons, compatible, exclude=owner, near=vague)
        if key is None:
            if desc.possessor is not None or desc.country is None:  # "the president", with no one before
                return None
            words = [t.text for t in desc.span if t.lower_ != "the" and t.text not in ("’s", "'s")]
            name = " ".join(words)
            key = self._draft(Proto(f"person:{name}", name, "person", desc.country, desc.sector)).key
        draft = self._drafts[key]
        if desc.country and draft.country is None:
            draft.country = desc.country
        if desc.role and desc.role not in _GENERIC_ROLES and desc.role not in draft.roles:
            draft.roles.append(desc.role)
        if desc.sector and desc.sector not in draft.sectors:
            draft.sectors.append(desc.sector)
        if desc.role == "Counterpart" and owner:  # a counterpart shares the sector, not the title
            draft.sectors.extend(s for s in self._drafts[owner].sectors if s not in draft.sectors)
        span = self.doc[desc.span.start : desc.span.end]
        if desc.possessor is not None:
            span = self.doc[desc.possessor.i + 1 : desc.span.end] if desc.possessor.i == desc.span.start else span
        self._add_mention(key, desc.span)
        for tok in span:
            self._by_token[tok.i] = key
        if owner and desc.possessor is not None:
            self._by_token[desc.possessor.i] = owner
        return key

    # ----- on-demand resolution ---------------------------------------------------------------------

    def _key_inside(self, mention: Span) -> str | None:
        root = mention.root
        if root.i in self._by_token:
            return self._by_token[root.i]
        if root.lemma_.lower() in _RELATIONAL and any(c.dep_ == "poss" for c in root.children):
            return self._related(root)
        inside = [c for c in root.children if mention.start <= c.i < mention.end and c.i in self._by_token]
        for dep in ("appos", "compound", "nmod", "poss"):  # "her counterpart Klaus Brenner" is Brenner
            for child in inside:
                if child.dep_ == dep and not (dep == "poss" and is_role_or_group(root)):
                    return self._by_token[child.i]
        keys = {self._by_token.get(t.i) for t in mention}
        return keys.pop() if len(keys) == 1 else None

    def _related(self, noun: Token) -> str | None:
        """"its ally", "Russia’s neighbour": the latest other actor of the possessor's type, if any."""
        owner_tok = next((c for c in noun.children if c.dep_ == "poss"), None)
        owner = self._by_token.get(owner_tok.i) if owner_tok is not None else None
        if owner is None:
            return None
        kind = self._drafts[owner].type
        pool = self._persons if kind == "person" else self._things
        return coref.latest(pool, 0, owner_tok.i, lambda k: k != owner and self._drafts[k].type == kind)

    def _new_from(self, mention: Span) -> str | None:
        text = clean(mention.text)
        code = country_code(text)
        if code:
            proto = Proto(f"country:{code}", country_name(code), "country", code, "GOV")
        elif text in named_by_text():
            proto = named_proto(named_by_text()[text])
        elif (found := demonym_head(mention)) is not None:
            code, adjective, modifier = found
            if modifier is not None and (modifier.i == mention.root.i or not is_agent_noun(mention.root)):
                # "Russian strikes", "Belarusian potash exports": the country acts; the demonym is its mention
                key = self._draft(Proto(f"country:{code}", country_name(code), "country", code, "GOV")).key
                self._add_mention(key, mention.doc[modifier.i : modifier.i + 1])
                return key
            proto = demonym_proto(mention, code, adjective)
        elif mention.root.pos_ == "PROPN" and (name := clean_name(mention)) is not None and name_key_tokens(name):
            label = next((t.ent_type_ for t in mention if t.ent_type_ and t.ent_type_ != "NORP"), "PERSON")
            if label == "ORG":
                proto = Proto(f"org:{text}", text, "organization", None, org_sector(text))
            elif label in ("PERSON", ""):
                return self._person_from(name)
            else:
                return None
        else:
            return None
        draft = self._draft(proto)
        return draft.key

    def _person_from(self, name: Span) -> str:
        toks = name_key_tokens(name)
        for draft in reversed(list(self._drafts.values())):
            if draft.type == "person" and draft.tokens and (set(toks) <= set(draft.tokens)):
                return draft.key
        text = " ".join(name.text.split())
        draft = self._draft(Proto(f"person:{text}", text, "person"))
        draft.tokens = toks
        self._apply_title(draft, name)
        return draft.key
