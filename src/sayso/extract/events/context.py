"""What surrounds an event trigger: negation, modality, the governing event, counts and the source chain.

Decisions (see docs/events.md):
- a negated event ("refused to condemn", "did not meet", "no talks") stays in the report with
  ``negated=True`` so the reader can check it, but the store queries and ``sayso eval events`` never count it;
- ``modality`` is set for auxiliaries ("may", "could", "will") and for planning or governing verbs
  ("plans", "threatens", "urges"); only events with no modality count, except that a cooperative act in the
  future tense becomes an AGREE (the PLOVER rule: intentions to cooperate are AGREE) and counts.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sayso.extract.attribution.index import AttributionIndex
from sayso.extract.attribution.types import Attribution
from sayso.extract.events.lexicon import EventLexicon


def clause_verb(trigger: Token, verb: Token | None) -> Token:
    """The verb whose auxiliaries and negation govern the event: the trigger or its light verb."""
    if verb is not None:
        return verb
    if trigger.pos_ != "VERB" and trigger.head.pos_ == "VERB" and trigger.dep_ in {"dobj", "nsubjpass", "pobj"}:
        return trigger.head
    return trigger


def is_negated(lex: EventLexicon, trigger: Token, clause: Token) -> bool:
    """"did not meet", "no talks", "refused to condemn", "never visited"."""
    for tok in {trigger, clause}:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            return True
    tok = clause
    negating = lex.word_set("negating_verb")
    while tok.dep_ == "xcomp" and tok.head is not tok:  # "refused to ...", "did not agree to ..."
        tok = tok.head
        if tok.lemma_ in negating or any(c.dep_ == "neg" for c in tok.children):
            return True
    return False


def governor(lex: EventLexicon, clause: Token) -> Token | None:
    """The verb an infinitive event hangs from: "threatened to impose", "plans to visit", "demanded that
    Iran release"."""
    if clause.dep_ == "xcomp" and clause.head is not clause and clause.head.pos_ == "VERB":
        return clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_ in lex.word_set("request_clause_verb"):
        return clause.head
    if clause.dep_ == "pcomp" and clause.head.dep_ == "prep" and clause.head.head.pos_ == "VERB":  # "refrain from"
        return clause.head.head
    return None


def third_person(lex: EventLexicon, lemma: str) -> str:
    if lemma.endswith("y") and lemma not in lex.word_set("y_plus_s"):
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "sh", "ch", "x")):
        return lemma + "es"
    return lemma + "s"


def modality(lex: EventLexicon, clause: Token) -> str | None:
    """The auxiliary or the planning verb that makes an event unrealised, or None."""
    words = lex.word_set
    if any(c.dep_ == "mark" and c.lower_ in words("condition_mark") for c in clause.children):
        return "if"  # "if the Kremlin agrees", "unless Iran complies"
    aux = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in words("modal_aux")), None)
    if aux is not None:
        return "will" if aux.lower_ in words("will_contraction") else aux.lower_
    gov = governor(lex, clause)
    if gov is not None and gov.lemma_ in words("modal_verb"):
        return third_person(lex, gov.lemma_)
    if clause.dep_ == "amod" and clause.lower_ in words("unrealised_modifier"):
        return clause.lower_
    return None


def event_count(lex: EventLexicon, trigger: Token, clause: Token) -> int | None:
    """"met 42 times" -> 42, "twice" -> 2."""
    times = lex.word_set("repetition_noun")
    for head in {trigger, clause}:
        for child in head.children:
            if child.lower_ in lex.repetitions:
                return lex.repetitions[child.lower_]
            if child.lemma_ in times:
                num = next((c for c in child.children if c.dep_ == "nummod"), None)
                if num is not None:
                    text = num.text.replace(",", "")
                    if text.isdigit():
                        return int(text)
                    if text.lower() in lex.counts:
                        return lex.counts[text.lower()]
    return None


def enclosing_attribution(lex: EventLexicon, trigger: Token, attributions: AttributionIndex) -> Attribution | None:
    """The attribution whose reported content holds the trigger, else one cued in the same sentence."""
    pos = trigger.idx
    found = attributions.containing(pos, pos + 1)
    if found is not None:
        return found
    for att in attributions.in_sentence(pos, pos + 1):
        if att.cue is not None and att.cue.root.lemma_ in lex.word_set("report_verb"):
            return att
    return None


def reporting_source(lex: EventLexicon, sentence: Span, trigger: Token) -> tuple[Token, Token] | None:
    """"..., Russian state news agency TASS reported": (source head, cue) when the trigger is not inside
    the source's own words. A fallback for sentences no attribution covers."""
    reports = lex.word_set("report_verb")
    for tok in sentence:
        if tok.lemma_ in reports and tok.pos_ == "VERB" and tok.i > trigger.i:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and not (subj.left_edge.i <= trigger.i <= subj.right_edge.i):
                return subj, tok
    return None
