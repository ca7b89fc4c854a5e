"""Descriptive mentions found by pattern: state-media descriptions ("Beijing’s state media", "state
broadcaster CCTV"), groups ("several Western nations", "Chinese officials", "the US-led West") and person
descriptions ("the Chinese leader", "his Russian counterpart").

Matching is done with spaCy's Matcher/PhraseMatcher; only the few matches are walked in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.lang.en import English
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from sayso.extract.actors.keys import ActorKey
from sayso.extract.actors.lexicon import ActorLexicon
from sayso.extract.entities import entities_within, entity_starting

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass
class MediaDescription:
    span: Span  # the whole description, "Russian state news agency TASS"
    outlet: Span | None  # the named outlet inside or right after it, "TASS"
    country: str | None


@dataclass
class GroupMention:
    span: Span  # "Western nations" (quantifiers and articles left out)
    name: str  # canonical group name
    key: ActorKey
    country: str | None
    sector: str | None


@dataclass
class Description:
    span: Span  # "his Russian counterpart"
    head: Token  # "counterpart"
    role: str | None
    sector: str | None
    country: str | None
    possessor: Token | None  # "his" in "his Russian counterpart"


class PhraseFinder:
    """The Matcher and PhraseMatcher of descriptive mentions, built once per component from the lexicon."""

    def __init__(self, vocab: Vocab, lex: ActorLexicon) -> None:
        self.lex = lex
        words = lex.word_set
        self.matcher = Matcher(vocab)
        state: list[dict[str, Any]] = [{"LOWER": {"IN": sorted(words("state_word"))}}, {"ORTH": "-", "OP": "?"},
                 {"LOWER": {"IN": sorted(words("run_word"))}, "OP": "?"}]
        self.matcher.add("STATE_MEDIA", [
            [*state, {"LOWER": {"IN": sorted(words("medium_word"))}, "OP": "?"},
             {"LOWER": {"IN": sorted(words("media_noun"))}}],
            # "state news agency", not "a government agency"
            [*state, {"LOWER": {"IN": sorted(words("agency_word"))}}, {"LOWER": "agency"}],
        ])
        adjectives = list(lex.regions)
        nouns = list(lex.group_nouns)
        self.matcher.add("GROUP", [
            [{"ENT_TYPE": "NORP"}, {"LOWER": {"IN": nouns}}],
            [{"TEXT": {"IN": adjectives}}, {"LOWER": {"IN": nouns}}],
        ])
        region_nouns = [n for r in lex.regions.values() for n in r.nouns if " " not in n and "-" not in n]
        self.matcher.add("REGION", [[{"TEXT": {"IN": region_nouns}, "POS": {"IN": ["PROPN", "NOUN"]}}]])
        self.roles = PhraseMatcher(vocab, attr="LOWER")
        tokenizer = English(vocab).tokenizer
        self.roles.add("ROLE", [tokenizer(p) for p in lex.roles])

    def find(self, doc: Doc) -> PhraseMatches:
        """Both matchers run once per document; every finder below reads their matches."""
        strings = doc.vocab.strings
        return PhraseMatches([(strings[mid], s, e) for mid, s, e in self.matcher(doc)],
                             [(s, e) for _, s, e in self.roles(doc)])


@dataclass(frozen=True)
class PhraseMatches:
    phrases: list[tuple[str, int, int]]  # (label, start, end): STATE_MEDIA, GROUP, REGION
    roles: list[tuple[int, int]]  # role phrases ("prime minister")

def country_left(lex: ActorLexicon, doc: Doc, i: int) -> tuple[str | None, int]:
    """A demonym or a country possessive ending just before token ``i``: (ISO code, new start)."""
    if i - 1 >= 0:
        tok = doc[i - 1]
        code = lex.countries.demonym(tok.text) if tok.text[:1].isupper() else None
        if code:
            return code, i - 1
        if tok.text in _POSSESSIVE and i - 2 >= 0:
            code = lex.countries.code(doc[i - 2].text) if doc[i - 2].text[:1].isupper() else None
            if code:
                return code, i - 2
    return None, i


def media_descriptions(lex: ActorLexicon, doc: Doc, matches: PhraseMatches) -> list[MediaDescription]:
    found = [doc[s:e] for label, s, e in matches.phrases if label == "STATE_MEDIA"]
    out: list[MediaDescription] = []
    for span in filter_spans(found):
        country, start = country_left(lex, doc, span.start)
        end = span.end
        outlet = None
        ent = entity_starting(doc, end)
        if ent is not None and ent.label_ in ("ORG", "PERSON", "GPE", "WORK_OF_ART", "PRODUCT") and not _is_country(lex, ent):
            outlet, end = ent, ent.end
        else:
            inner = [e for e in entities_within(span) if e.ent_id_.startswith("outlet:")]
            outlet = inner[0] if inner else None
        out.append(MediaDescription(doc[start:end], outlet, country))
    return out


def _is_country(lex: ActorLexicon, ent: Span) -> bool:
    return ent.ent_id_.startswith("country:") or (ent.label_ == "GPE" and lex.countries.code(ent.text) is not None)


def groups(lex: ActorLexicon, doc: Doc, matches: PhraseMatches) -> list[GroupMention]:
    nouns = lex.group_nouns
    regs = lex.regions
    singular = lex.word_set("singular_group_noun")
    out: list[GroupMention] = []
    spans = [(label, doc[s:e]) for label, s, e in matches.phrases]
    for label, span in spans:
        if label == "REGION":
            tok = span[0]
            region = next((r for r in regs.values() if tok.text in r.nouns), None)
            if region is None or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                continue
            out.append(GroupMention(span, region.group, ActorKey("region", region.adjective, sector="GOV"), None, "GOV"))
            continue
        adj, noun = span[0], span[1]
        if noun.tag_ not in ("NNS", "NNPS") and noun.lower_ not in singular:
            continue
        sector = nouns.get(noun.lower_)
        if adj.text in regs:
            region = regs[adj.text]
            name = region.group if sector == "GOV" else f"{adj.text} {noun.lower_}"
            out.append(GroupMention(span, name, ActorKey("region", adj.text, sector=sector or ""), None, sector))
            continue
        code = lex.countries.demonym(adj.text)
        if code:
            out.append(GroupMention(span, f"{adj.text} {noun.lower_}", ActorKey("group", noun.lower_, code, sector or ""), code, sector))
    return out


def _phrase_key(span: Span) -> str:
    return " ".join(t.lower_ for t in span).replace(" - ", "-")


def demonym_head(lex: ActorLexicon, mention: Span) -> tuple[str, str, Token | None] | None:
    """A noun phrase headed by or modified by a demonym: ("JPN", "Japanese", <Japanese>) for "a Japanese
    businessman", ("PSE", "Palestinian", None) for "Palestinians"."""
    root = mention.root
    demonym = lex.countries.demonym
    if len(mention) == 1 and root.text[:1].isupper() and (code := demonym(root.text)):
        return code, root.text, root  # a bare "Russian" asked about on its own
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    if root.text.endswith("s") and (code := demonym(root.text[:-1])):
        return code, root.text[:-1], None
    if root.lower_ in lex.group_nouns:  # "Sudan’s army", "Russia’s defence ministry"
        code, start = country_left(lex, root.doc, root.i)
        if code and start >= mention.start:
            return code, lex.countries.adjective(code) or root.doc[start].text, root.doc[start]
    for child in root.children:
        if child.dep_ in ("amod", "compound", "nmod") and mention.start <= child.i < mention.end:
            code = demonym(child.text) if child.text[:1].isupper() else None
            if code:
                return code, child.text, child
    return None


def is_agent_noun(lex: ActorLexicon, tok: Token) -> bool:
    """Does this noun name people or a body ("diplomats", "businessman", "delegation") rather than a thing
    ("exports", "strikes")? A demonym on a thing names the country acting."""
    low = tok.lower_
    if tok.pos_ == "PROPN" or low in lex.group_nouns or low in lex.roles or tok.lemma_.lower() in lex.roles:
        return True
    return low in lex.word_set("agent_noun") or low.endswith(tuple(lex.word_set("agent_suffix")))


def role_tokens(matches: PhraseMatches) -> set[int]:
    """Indices of tokens inside a role phrase ("Secretary of State")."""
    return {i for s, e in matches.roles for i in range(s, e)}


def person_descriptions(lex: ActorLexicon, doc: Doc, matches: PhraseMatches) -> list[Description]:
    """Definite descriptions of one person: a determiner or possessor, then an optional demonym, then a
    role word, and no name after it (else it is a title)."""
    table = lex.roles
    determiners = lex.word_set("description_determiner")
    spans = filter_spans([doc[s:e] for s, e in matches.roles])
    out: list[Description] = []
    for span in spans:
        head = span[-1]
        if head.tag_ in ("NNS", "NNPS") or span.end < len(doc) and doc[span.end].pos_ == "PROPN":
            continue
        if head.ent_type_ == "PERSON":
            continue
        i = span.start
        country = None
        possessor = None
        # walk left over a demonym / country possessive, adjectives, then the determiner
        while i - 1 >= 0:
            tok = doc[i - 1]
            code, new_i = country_left(lex, doc, i)
            if code and new_i < i:
                country = country or code
                i = new_i
                continue
            if tok.pos_ == "ADJ" and tok.lower_ not in determiners:
                i -= 1
                continue
            break
        det = doc[i - 1] if i - 1 >= 0 else None
        if det is not None and det.lower_ in determiners:
            possessor = det if det.lower_ != "the" else None
            start = i - 1
        elif i < span.start and doc[i + 1].text in _POSSESSIVE:
            start = i  # "China’s foreign minister"
        else:
            continue
        role = table[span.text.lower()] if span.text.lower() in table else table[_phrase_key(span)]
        out.append(Description(doc[start : span.end], head, role.role, role.sector, country, possessor))
    return out
