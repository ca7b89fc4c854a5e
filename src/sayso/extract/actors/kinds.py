"""What kind of actor a span names, and the record it starts from: outlets and state-media
descriptions, countries, organisations (with a sector guessed from their name), demonym-headed groups
and unnamed persons. Pure functions over spans and the actor lexicon; ``state`` keeps the per-document
state."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sayso.extract.actors.countries import clean
from sayso.extract.actors.keys import ActorKey, country_key
from sayso.extract.actors.lexicon import ActorLexicon, Named
from sayso.extract.actors.phrases import country_left
from sayso.report import ActorType


@dataclass
class Proto:
    """The first record of an actor; later mentions add roles, sectors and a country."""

    key: ActorKey
    name: str
    type: ActorType
    country: str | None = None
    sector: str | None = None
    state_media: bool = False


def country_proto(lex: ActorLexicon, code: str) -> Proto:
    return Proto(country_key(code), lex.countries.name(code), "country", code, "GOV")


def media_proto(lex: ActorLexicon, outlet: Span | None, country: str | None) -> Proto:
    if outlet is not None:
        named = lex.named_by_text.get(clean(outlet.text)) or _named_from_id(lex, outlet)
        if named is not None:
            return named_proto(named)
        return Proto(ActorKey("outlet", outlet.text), outlet.text, "media", country, "JRN", True)
    adjective = lex.countries.adjective(country) if country else None
    name = f"{adjective} state media" if adjective else "state media"
    return Proto(ActorKey("state_media", "", country or ""), name, "media", country, "JRN", True)


def entity_proto(lex: ActorLexicon, ent: Span) -> Proto | None:
    eid = ent.ent_id_
    code = eid.split(":", 1)[1] if eid.startswith("country:") else None
    if code is None and ent.label_ in ("GPE", "LOC", "PERSON", "ORG", "FAC"):
        code = lex.countries.code(ent.text)
    if code:
        return country_proto(lex, code)
    named = _named_from_id(lex, ent) or lex.named_by_text.get(clean(ent.text))
    if named is not None:
        return named_proto(named)
    if ent.label_ == "ORG":
        name = clean(ent.text)
        country = _country_in(ent) or country_left(lex, ent.doc, ent.start)[0]
        return Proto(ActorKey("org", name), name, "organization", country, org_sector(lex, name))
    return None


def demonym_proto(lex: ActorLexicon, mention: Span, code: str, adjective: str) -> Proto:
    """"a Japanese businessman", "five American detainees", "Palestinians", "the Palestinian
    Authority": an unnamed person, a group or an organisation of that country."""
    root = mention.root
    noun = root.lower_ if root.lower_ != adjective.lower() + "s" else ""
    if root.pos_ == "PROPN" and noun:
        name = clean(mention.text)
        return Proto(ActorKey("org", name), name, "organization", code, org_sector(lex, name))
    name = f"{adjective} {noun}".strip() if noun else f"{adjective}s"
    plural = root.tag_ in ("NNS", "NNPS") or not noun or noun in lex.group_nouns
    sector = lex.group_nouns.get(noun) if plural else (lex.roles[noun].sector if noun in lex.roles else None)
    kind: ActorType = "group" if plural else "person"
    if kind == "person":  # an unnamed individual: one actor per mention, not per description
        return Proto(ActorKey("person", name, at=mention.start_char), name, "person", code, sector)
    return Proto(ActorKey("group", noun, code, sector or ""), name, "group", code, sector)


def is_role_or_group(lex: ActorLexicon, noun: Token) -> bool:
    """"Sudan’s army", "China’s foreign minister": the possessor is not the actor."""
    return noun.lower_ in lex.roles or noun.lower_ in lex.group_nouns


def _named_from_id(lex: ActorLexicon, span: Span) -> Named | None:
    eid = span.ent_id_ or (span[0].ent_id_ if len(span) else "")
    if eid.startswith(("outlet:", "org:")):
        return lex.named_by_text.get(eid.split(":", 1)[1])
    return None


def named_proto(named: Named) -> Proto:
    kind: ActorType = "media" if named.media else "organization"
    return Proto(ActorKey("named", named.name), named.name, kind, named.country, named.sector, named.state_media)


def _country_in(ent: Span) -> str | None:
    for tok in ent:
        if tok.ent_id_.startswith(("demonym:", "country:")):
            return tok.ent_id_.split(":", 1)[1]
    return None


def org_sector(lex: ActorLexicon, name: str) -> str | None:
    words = name.lower().split()
    return next((sector for word, sector in lex.org_sectors if word in words), None)
