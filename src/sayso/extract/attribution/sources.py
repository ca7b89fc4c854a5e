"""Source chains and hedges: "according to X", trailing "…, X reported." clauses, hedge words.

NLP-NOTES: long sentences ending in "…, Russian state news agency TASS reported" parse badly (TASS ends
up in a relative clause, or the verb attaches to another sentence), so a trailing reporter clause is
found with a token ``Matcher`` pattern, then checked to end its sentence; the tree is not trusted there.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from sayso.extract.attribution.speakers import mention_of, phrase_of
from sayso.lexicons import read_words

REPORT_VERBS = ["report", "say", "tell", "add", "write", "announce", "claim", "state", "note", "quote",
                "cite", "confirm", "disclose", "reveal", "learn"]
_NP_POS = ["DET", "PROPN", "NOUN", "ADJ", "PART", "NUM", "PRON"]


@dataclass
class Trailing:
    """"…, Beijing's state media reported.": the reporter phrase and its verb."""

    reporter: Span
    verb: Token
    comma: Token  # the comma opening the clause

    def mention(self) -> Span:
        return mention_of(self.reporter)


_MATCHERS: dict[int, Matcher] = {}


def _matcher(vocab: Vocab) -> Matcher:
    key = id(vocab)
    if key not in _MATCHERS:
        m = Matcher(vocab)
        np = {"POS": {"IN": _NP_POS}, "IS_SENT_START": False, "OP": "+"}
        verb = {"LEMMA": {"IN": REPORT_VERBS}, "TAG": {"IN": ["VBD", "VBZ", "VBP"]}}
        adv = {"POS": "ADV", "OP": "?"}
        m.add("TRAILING", [
            [{"ORTH": ","}, {"IS_QUOTE": True, "OP": "?"}, np, adv, verb],
            [{"ORTH": ","}, {"IS_QUOTE": True, "OP": "?"}, np, {"LOWER": {"IN": ["has", "have", "had"]}}, adv, verb],
        ])
        _MATCHERS[key] = m
    return _MATCHERS[key]


def _ends_sentence(doc: Doc, tok: Token) -> bool:
    """Only punctuation, quote marks or space between the token and its sentence's end."""
    end = tok.sent.end
    return all(t.is_punct or t.is_space or t.is_quote for t in doc[tok.i + 1 : end]) and (
        tok.i + 1 == end or doc[tok.i + 1].text in (".", "!", "?", "”", '"', "\n", ":")
    )


def find_trailing(doc: Doc) -> dict[int, Trailing]:
    """Trailing reporter clauses keyed by their verb's token index (longest reporter phrase kept)."""
    found: dict[int, Trailing] = {}
    for _, start, end in _matcher(doc.vocab)(doc):
        verb = doc[end - 1]
        if not _ends_sentence(doc, verb):
            continue
        comma = doc[start]
        np_start = start + 1
        while doc[np_start].is_quote:
            np_start += 1
        np_end = end - 1
        while np_end > np_start and (doc[np_end - 1].pos_ == "ADV" or doc[np_end - 1].lower_ in ("has", "have", "had")):
            np_end -= 1
        if np_end <= np_start:
            continue
        reporter = doc[np_start:np_end]
        old = found.get(verb.i)
        if old is None or len(reporter) > len(old.reporter):
            found[verb.i] = Trailing(reporter, verb, comma)
    return found


def according_source(to: Token) -> Span | None:
    """The phrase after "according to"."""
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is not None:
        return phrase_of(obj)
    nxt = to.i + 1
    return to.doc[nxt : nxt + 1] if nxt < len(to.doc) and to.doc[nxt].pos_ in ("PROPN", "NOUN", "PRON") else None


def according_clause(according: Token, to: Token, sent: Span) -> tuple[int, int]:
    """Token range of the "according to X" phrase inside its sentence (to cut it out of the content)."""
    end = to.i + 1
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is not None:
        end = max(end, obj.right_edge.i + 1)
    return according.i, min(end, sent.end)


def is_hedged(verb: Token) -> bool:
    """A hedge word on the cue ("reportedly said"), or a bare passive report ("is said to")."""
    hedges = read_words("hedges.txt")
    if any(c.lower_ in hedges for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "conj") and any(c.lower_ in hedges for c in head.children):
        return True
    if verb.lemma_ in ("say", "report", "believe", "allege", "rumor", "rumour") and any(
        c.dep_ == "nsubjpass" for c in verb.children
    ) and not any(c.dep_ == "agent" for c in verb.children):
        return True
    return False
