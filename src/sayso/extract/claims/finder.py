"""Numeric claims: figures with their unit, what they are about and on whose say-so.

Figures come from the NER's PERCENT / MONEY / CARDINAL / QUANTITY entities; the parse gives the unit
(the counted noun: "42 times", "312 seats") and what the figure is about (the subject of the verb that
governs it: "Putin had secured 87.33 percent"). The say-so comes from an enclosing attribution, else from
an "according to X" in the same sentence. Dates, years, times of day and ordinals are not claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from sayso.extract.actors.keys import ActorKey, ActorMention, SourceRef
from sayso.extract.actors.session import MentionSession
from sayso.extract.attribution.index import AttributionIndex
from sayso.extract.attribution.types import Attribution, Source
from sayso.extract.claims.lexicon import ClaimLexicon

_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$|^[+-]?\d+(\.\d+)?$")
_GLUED_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|m|mln|tn)$")  # "3bn", "1.5m"
_SUBJECTS = ("nsubj", "nsubjpass")


@dataclass
class ClaimFinding:
    """A numeric claim with its actors as keys (the report's ids are given once all actors are known)."""

    text: str
    span: tuple[int, int]
    value: float
    unit: str | None
    about: ActorKey | None
    speaker: ActorMention | None
    via: list[SourceRef] = field(default_factory=list)
    hedged: bool = False


@dataclass(frozen=True)
class ClaimRules:
    """What claim finding reads: the lexicon, the figure matcher built from it, and its one threshold."""

    lexicon: ClaimLexicon
    figures: Matcher  # "<number> <unit>" runs the NER missed
    max_of_phrase: int  # an "of" phrase after a figure is part of the claim up to this many tokens

    @classmethod
    def build(cls, vocab: Vocab, lex: ClaimLexicon, max_of_phrase: int) -> ClaimRules:
        words = [w for w, (_, kind) in lex.units.items() if kind in ("count", "percent") and " " not in w]
        matcher = Matcher(vocab)
        matcher.add("FIGURE", [[{"TEXT": {"REGEX": r"^\d[\d,.]*$"}}, {"LOWER": {"IN": words}}],
                               [{"TEXT": {"REGEX": r"^\d[\d,.]*$"}}, {"LOWER": {"IN": list(lex.scales)}},
                                {"LOWER": {"IN": words}}]])
        return cls(lex, matcher, max_of_phrase)


def parse_value(lex: ClaimLexicon, tokens: list[Token]) -> float | None:
    """The number a figure's tokens spell: "87.33", "1,200", "3 billion", "two dozen", "five"."""
    value: float | None = None
    scales, cardinals = lex.scales, lex.cardinals
    for tok in tokens:
        text = tok.text.lower().lstrip("$€£¥₹₽").rstrip("%")
        if _NUMBER.match(text):
            value = float(text.replace(",", "")) * (value or 1) if value else float(text.replace(",", ""))
        elif text in scales and value is not None:
            value *= scales[text]
        elif text in scales and text == "dozen":  # the one scale that counts on its own
            value = scales[text]
        elif text in cardinals:
            value = (value or 0) + cardinals[text] if value is not None and value >= 20 else float(cardinals[text])
        elif (m := _GLUED_SCALE.match(text)):
            value = float(m.group(1)) * scales[m.group(2)]
    return value


def _is_date_like(ent: Span) -> bool:
    text = ent.text.strip()
    if ":" in text:
        return True
    return bool(re.fullmatch(r"(1[89]|20)\d\d", text)) and ent.label_ == "CARDINAL"


def _unit(lex: ClaimLexicon, ent: Span) -> tuple[str | None, Token | None]:
    """The unit and, for counted nouns, the noun token ("seats" in "312 seats")."""
    table = lex.units
    doc = ent.doc
    if ent.label_ == "PERCENT":
        return "percent", None
    if ent.label_ == "MONEY":
        for i in range(ent.start, min(ent.end + 1, len(doc))):
            low = doc[i].lower_
            for cand in (low, low[:1], low[:2], low[:3]):
                if cand in table and table[cand][1] == "currency":
                    return table[cand][0], None
        # no currency: the model's MONEY was a count ("6 million refugees"); read it as one
    root = ent.root
    head = root.head if root.dep_ in ("nummod", "quantmod", "compound") else None
    if head is None and ent.end < len(doc) and doc[ent.end].pos_ == "NOUN":
        head = doc[ent.end]
    if ent.label_ == "QUANTITY":
        last_num = max((t.i for t in ent if t.like_num), default=ent.start)
        words = [t.lower_ for t in ent if t.i > last_num and t.lower_ not in lex.scales]
        if "-" in words:  # "a 3.5 million-square-kilometer area": a modifier, not a figure
            return None, None
        return (" ".join(words) or None), None
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head.i >= ent.end:
        entry = table.get(head.lower_)
        return (entry[0] if entry and entry[1] == "count" else head.lower_), head
    return None, None


def _claim_end(max_of_phrase: int, ent: Span, noun: Token | None) -> int:
    """Where the claim's words end: past the counted noun or an "of" phrase ("99 percent of polling stations")."""
    doc = ent.doc
    end = max(ent.end, noun.i + 1 if noun is not None else 0)
    if end < len(doc) and doc[end].lower_ == "of":
        pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i - end <= max_of_phrase:
            # the object and its left modifiers, not its relative clauses
            end = pobj.i + 1
            while end < len(doc) and doc[end].head.i == pobj.i and doc[end].dep_ in ("amod", "acl", "compound") \
                    and end - ent.end < max_of_phrase and doc[end].tag_ in ("VBN", "JJ", "NN"):
                end += 1
    return end


def _about(lex: ClaimLexicon, ent: Span, actors: MentionSession) -> ActorKey | None:
    """The subject of the verb that governs the figure, when the figure is not inside that subject."""
    tok = ent.root
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is not None and subj.lower_ in lex.relative_pronouns and verb.dep_ == "relcl":
            subj = verb.head  # "Almeida, who has met ... five times"
            return actors.resolve(ent.doc[subj.i : subj.i + 1])
        if subj is not None:
            if subj.left_edge.i <= ent.start <= subj.right_edge.i:
                return None
            return actors.resolve(ent.doc[subj.left_edge.i : subj.right_edge.i + 1])
        if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        else:
            return None
    return None


def _enclosing(ent: Span, index: AttributionIndex) -> Attribution | None:
    s, e = ent.start_char, ent.end_char
    return index.containing(s, e) or next(index.in_sentence(s, e), None)


def _speaker_of(lex: ClaimLexicon, ent: Span) -> Span | None:
    """The subject of a speech verb whose reported clause holds the figure ("Almeida said that inflation
    had fallen to 4.2 percent"), for when no attribution covers it."""
    tok = ent.root
    for anc in tok.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in lex.figure_verbs:
            subj = next((c for c in anc.children if c.dep_ in _SUBJECTS), None)
            if subj is not None and not (subj.left_edge.i <= ent.start <= subj.right_edge.i):
                return ent.doc[subj.left_edge.i : subj.right_edge.i + 1]
            return None
    return None


def _according_to(sent: Span) -> Source | None:
    """An "according to X" in the sentence: X and the cue words."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None and to.i + 1 < sent.end:
                pobj = doc[to.i + 1]
            if pobj is None:
                return None
            end = pobj.right_edge.i + 1
            while end > pobj.i + 1 and doc[end - 1].is_punct:
                end -= 1
            start = min(to.i + 1, pobj.left_edge.i)
            return Source(doc[max(start, to.i + 1) : end], doc[tok.i : to.i + 1])
    return None


def figures(rules: ClaimRules, doc: Doc) -> list[Span]:
    """The NER's figures plus "<number> <unit>" runs it missed or mislabelled ("met Lula 11 times" comes
    out as a DATE "Lula 11")."""
    found = [ent for ent in doc.ents if ent.label_ in rules.lexicon.figure_labels and not _is_date_like(ent)]
    covered = {t.i for ent in found for t in ent}
    for _, start, end in rules.figures(doc):
        number = doc[start : end - 1]
        if covered.intersection(range(start, end)) or _is_date_like(number):
            continue
        label = "PERCENT" if rules.lexicon.units.get(doc[end - 1].lower_, ("", ""))[1] == "percent" else "CARDINAL"
        span = Span(doc, start, end if label == "PERCENT" else end - 1, label=label)
        found.append(span)
        covered.update(range(start, end))
    return sorted(found, key=lambda s: s.start)


def find_claims(rules: ClaimRules, doc: Doc, attributions: list[Attribution],
                actors: MentionSession) -> list[ClaimFinding]:
    """Every figure that is a claim, in text order; ``actors`` resolves their speakers and subjects."""
    index = AttributionIndex(attributions)
    return [claim for ent in figures(rules, doc) if (claim := _claim(rules, ent, index, actors)) is not None]


def _claim(rules: ClaimRules, ent: Span, index: AttributionIndex, actors: MentionSession) -> ClaimFinding | None:
    lex = rules.lexicon
    value = parse_value(lex, list(ent))
    doc = ent.doc
    if value is None or (ent.end < len(doc) and doc[ent.end].text == "-"):  # "300-seat": a modifier
        return None
    unit, noun = _unit(lex, ent)
    spelled = not any(t.is_digit or any(ch.isdigit() for ch in t.text) for t in ent)
    if unit is None or (ent.label_ == "CARDINAL" and spelled and unit not in lex.count_units):
        return None
    span = doc[ent.start : _claim_end(rules.max_of_phrase, ent, noun)]
    att = _enclosing(ent, index)
    speaker = actors.mention(att.speaker if att else _speaker_of(lex, ent))
    vias = [actors.source(src.mention, src.cue) for src in att.via] if att else []
    if not vias:
        src = _according_to(ent.sent)
        if src is not None:
            vias = [actors.source(src.mention, src.cue)]
    hedged = bool(att and att.hedged) or any(t.lower_ in lex.hedges for t in ent.sent)
    return ClaimFinding(text=span.text, span=(span.start_char, span.end_char), value=value, unit=unit,
                        about=_about(lex, ent, actors), speaker=speaker, via=vias, hedged=hedged)
