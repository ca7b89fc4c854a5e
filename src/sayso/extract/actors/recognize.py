"""Recognition: every actor the text names, with every mention, as an immutable ``ActorTable``.

In order: state-media descriptions ("Beijing's state media"), groups ("Western nations"), the model's
entities (countries and capitals, outlets, organisations, persons), person names clustered into one actor
each ("Xi" is "Xi Jinping"), titles read off the words around names, then pronouns and definite
descriptions resolved to those actors (``references``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sayso.extract.actors import coref
from sayso.extract.actors.keys import ActorKey
from sayso.extract.actors.kinds import Proto, entity_proto, media_proto
from sayso.extract.actors.lexicon import ActorLexicon
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
    PhraseFinder,
    groups,
    media_descriptions,
    person_descriptions,
    role_tokens,
)
from sayso.extract.actors.references import resolve_references
from sayso.extract.actors.settings import ActorSettings
from sayso.extract.actors.state import ActorState, Draft
from sayso.extract.actors.table import ActorTable


def build_table(finder: PhraseFinder, settings: ActorSettings, doc: Doc) -> ActorTable:
    """The actors of one document's text."""
    lex = finder.lex
    matches = finder.find(doc)
    state = ActorState()
    headlines = doc_headlines(doc, settings)
    found: list[tuple[Span, Proto]] = []
    taken: set[int] = set()
    description_tokens: list[tuple[Span, ActorKey]] = []  # media descriptions around an outlet name

    for desc in media_descriptions(lex, doc, matches):
        proto = media_proto(lex, desc.outlet, desc.country)
        found.append((desc.outlet if desc.outlet is not None else desc.span, proto))
        taken.update(range(desc.span.start, desc.span.end))
        description_tokens.append((desc.span, proto.key))
    for grp in groups(lex, doc, matches):
        if not taken.intersection(range(grp.span.start, grp.span.end)):
            found.append((grp.span, Proto(grp.key, grp.name, "group", grp.country, grp.sector)))
            taken.update(range(grp.span.start, grp.span.end))
    person_names: list[Span] = []
    unnamed_orgs: list[tuple[Span, Proto]] = []
    in_roles = role_tokens(matches)
    skip = lex.not_actor_labels
    for ent in doc.ents:
        if ent.label_ in skip or taken.intersection(range(ent.start, ent.end)):
            continue
        if ent.label_ != "PERSON" and in_roles.issuperset(range(ent.start, ent.end)):
            continue
        named = entity_proto(lex, ent)
        if named is not None and named.key.kind == "org":
            unnamed_orgs.append((ent, named))
        elif named is not None:
            found.append((ent, named))
        elif ent.label_ == "PERSON" and ent.sent.start not in headlines:
            name = clean_name(lex, settings, ent)
            if name is not None and name_key_tokens(lex, name):
                person_names.append(name)
    quoted = coref.quoted_tokens(doc)
    person_names = not_names(lex, person_names, quoted)
    known = {w for name in person_names for w in name_key_tokens(lex, name)}
    for ent, proto in unnamed_orgs:  # the model calls a lone "Trump" or "Zelenskyy" an organisation
        name = clean_name(lex, settings, ent) if ent.sent.start not in headlines else None
        if name is not None and name_key_tokens(lex, name) and set(name_key_tokens(lex, name)) <= known:
            person_names.append(name)
        else:
            found.append((ent, proto))
    person_names.sort(key=lambda n: n.start)
    person_tokens: dict[ActorKey, tuple[str, ...]] = {}
    for span, cluster in cluster_names(lex, doc, person_names, taken | {t.i for s, _ in found for t in s}):
        key = ActorKey("person", cluster.name)
        person_tokens[key] = cluster.tokens
        found.append((span, Proto(key, cluster.name, "person")))
    for span, proto in sorted(found, key=lambda f: f[0].start):
        draft = state.draft(proto)
        state.add_mention(draft.key, span)
        if draft.type == "person":
            draft.tokens = person_tokens.get(draft.key, draft.tokens)
            apply_title(lex, draft, span)
    for span, key in description_tokens:
        for tok in span:
            state.by_token.setdefault(tok.i, key)
    resolve_references(lex, settings, doc, state, quoted, person_descriptions(lex, doc, matches))
    return ActorTable.freeze(state, lex, settings)


def apply_title(lex: ActorLexicon, draft: Draft, name: Span) -> None:
    """Roles, sectors and a country from the title words before a name or an apposition beside it."""
    for title in (title_before(lex, name), title_in_apposition(lex, name)):
        for role in title.roles:
            if role not in draft.roles:
                draft.roles.append(role)
        draft.sectors.extend(s for s in title.sectors if s not in draft.sectors)
        if title.country and draft.country is None:
            draft.country = title.country
