"""Who speaks and to whom, read off the cue's parse (bounded to its sentence).

The speaker *phrase* is the whole noun phrase PolNeAR marks as Source ("Vermont Sen. Bernie Sanders",
"a source close to the campaign"); the speaker *mention* given to the report and the actor resolver is
the shortest span that still names: the named entity at the phrase's head ("Bernie Sanders"), the
pronoun ("he"), or the description without its trailing modifiers ("The Chinese leader").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sayso.extract.attribution.lexicon import AttributionLexicon
from sayso.extract.entities import entity_at

SUBJECT_DEPS = ("nsubj", "csubj")
# A cue verb with no subject of its own borrows its governor's ("Xi sent a message, telling Putin...").
INHERIT_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
MAX_INHERIT_DEPTH = 3
# Pronouns that are never the person spoken to ("told it", "told what").
_NOT_ADDRESSEES = frozenset({"it", "this", "that", "what"})
_EDGE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "(", ")"})
_TRAILING_DEPS = frozenset({"relcl", "acl", "appos", "prep", "punct", "cc", "conj", "advcl"})


@dataclass
class Speaker:
    phrase: Span
    mention: Span
    via_quoter: Span | None = None  # "Reuters quoted Xi as saying": Reuters
    via_cue: Span | None = None
    hedged: bool = False  # "was reported as saying", "is said to"


def phrase_of(head: Token) -> Span:
    """The head's subtree as a span, without punctuation at its edges."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < end - 1 and doc[start].text in _EDGE_PUNCT:
        start += 1
    while end - 1 > start and doc[end - 1].text in _EDGE_PUNCT:
        end -= 1
    return doc[start:end]


def _entity_at(tok: Token) -> Span | None:
    """The name entity holding ``tok``; numbers and dates do not name a speaker."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
        return None
    return entity_at(tok)


def mention_of(phrase: Span) -> Span:
    """The shortest naming span of a phrase (see the module docstring)."""
    root = phrase.root
    if root.pos_ == "PRON":
        return phrase.doc[root.i : root.i + 1]
    ent = _entity_at(root)
    if ent is not None and ent.start >= phrase.start and ent.end <= phrase.end:
        return ent
    appos = next((c for c in root.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appos is not None and (ent := _entity_at(appos)) is not None and ent.end <= phrase.end:
        return ent  # "state news agency RIA"
    last = _entity_at(phrase[-1])
    if last is not None and last.end == phrase.end and last.start > phrase.start and last[0].ent_type_ in (
        "PERSON", "ORG", "GPE"
    ):
        return last  # "Russian state news agency TASS" parsed with TASS outside the noun phrase
    end = root.i + 1
    # keep compounds/names written after the head ("agency TASS" is handled above; "leader Xi")
    for child in root.rights:
        if child.dep_ in _TRAILING_DEPS:
            break
        end = child.right_edge.i + 1
    start = phrase.start
    while start < root.i and phrase.doc[start].text in _EDGE_PUNCT:
        start += 1
    return phrase.doc[start:end]


def _child(tok: Token, deps: tuple[str, ...] | frozenset[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return _child(prep, ("pobj",))


def speaker_of(
    verb: Token, lexicon: AttributionLexicon, depth: int = 0, outside: Callable[[Token], bool] | None = None
) -> Speaker | None:
    """Subject of the cue; the object of "X quoted Y as saying"; the agent of a passive; else the
    governor's subject for participles and conjoined verbs (a governor inside a quote is skipped:
    ``outside`` says whether a token stands outside every quote)."""
    as_prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    saying = None if as_prep is None else next(
        (c for c in as_prep.children if c.dep_ == "pcomp" and c.lemma_ == "say"), None)
    if saying is not None:  # "TASS quoted Peskov as saying" / "Putin was reported as saying"
        cue = verb.doc[verb.i : saying.i + 1]
        quoted = _child(verb, ("dobj",))
        if quoted is not None:
            sp = Speaker(phrase_of(quoted), mention_of(phrase_of(quoted)))
            if (outer := _child(verb, SUBJECT_DEPS)) is not None:
                sp.via_quoter, sp.via_cue = mention_of(phrase_of(outer)), cue
            return sp
        if (passive := _child(verb, ("nsubjpass",))) is not None:
            return Speaker(phrase_of(passive), mention_of(phrase_of(passive)), hedged=True)
    subj = _child(verb, SUBJECT_DEPS)
    if subj is not None:
        return Speaker(phrase_of(subj), mention_of(phrase_of(subj)))
    agent = _child(verb, ("agent",))
    if agent is not None and (obj := _pobj(agent)) is not None:
        return Speaker(phrase_of(obj), mention_of(phrase_of(obj)))
    head = verb.head
    passive = _child(verb, ("nsubjpass",))
    if passive is not None and verb.lemma_ in lexicon.passive_quoted:
        return Speaker(phrase_of(passive), mention_of(phrase_of(passive)), hedged=True)
    if (depth < MAX_INHERIT_DEPTH and verb.dep_ in INHERIT_DEPS and head is not verb and head.pos_ in ("VERB", "AUX")
            and (outside is None or outside(head))):
        return speaker_of(head, lexicon, depth + 1, outside)
    if verb.tag_ == "VBG" and depth == 0:
        return _leftward_subject(verb, outside)
    return None


def _leftward_subject(verb: Token, outside: Callable[[Token], bool] | None) -> Speaker | None:
    """A participle the parser cut loose ("Xi sent a message, telling ..."): the nearest subject of a
    verb to its left in the sentence."""
    sent = verb.sent
    for tok in reversed(sent[: verb.i - sent.start]):
        if (tok.dep_ in SUBJECT_DEPS and tok.head.i < verb.i and tok.head.pos_ in ("VERB", "AUX")
                and (outside is None or outside(tok))):
            return Speaker(phrase_of(tok), mention_of(phrase_of(tok)))
    return None


def addressee_of(verb: Token, content: Token | None, lexicon: AttributionLexicon) -> Span | None:
    """Object of tell-like verbs; "to X" after say/write; "in a message to X"."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.address:
        for child in verb.children:
            if child is not content and child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "PRON", "NOUN"):
                if child.pos_ == "PRON" and child.lower_ in _NOT_ADDRESSEES:
                    continue
                return phrase_of(child)
    for prep in verb.children:
        if prep.dep_ not in ("prep", "dative") or prep is content:
            continue
        if prep.lower_ == "to" and (obj := _pobj(prep)) is not None and obj.pos_ in ("PROPN", "PRON", "NOUN"):
            return phrase_of(obj)
        if prep.lower_ in ("in", "with") and (obj := _pobj(prep)) is not None and obj.lemma_ in lexicon.message_nouns:
            inner = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if inner is not None and (who := _pobj(inner)) is not None:
                return phrase_of(who)
    return None


def is_media(phrase: Span, lexicon: AttributionLexicon) -> bool:
    """An outlet (by the gazetteer's id) or a phrase headed by a media noun."""
    root = phrase.root
    if any(t.ent_id_.startswith("outlet:") for t in phrase):
        return True
    return root.lower_ in lexicon.media_nouns
