"""Actor, claim and event rules on Docs built by hand (words, tags, parse, entities): no model needed.

Each sentence is written as one row per token: word, POS, tag, dependency, head (token index), lemma and
entity (IOB, "O" outside). The components then run on the Doc exactly as in the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import sayso.extract.components  # noqa: F401 - registers the factories
from sayso.extract.assemble import build_report
from sayso.extract.events.candidates import Hit
from sayso.nlp import SAYSO_COMPONENTS
from sayso.read.article import Article
from sayso.report import Report

Row = tuple[str, str, str, str, int, str, str]


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    for name in SAYSO_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def build(nlp: Language, rows: Iterable[Row]) -> Doc:
    words, pos, tags, deps, heads, lemmas, ents = zip(*rows, strict=True)
    spaces = [not (i + 1 < len(words) and words[i + 1] in {".", ",", "’s"}) for i in range(len(words))]
    return Doc(nlp.vocab, words=list(words), spaces=spaces, pos=list(pos), tags=list(tags), deps=list(deps),
               heads=list(heads), lemmas=list(lemmas), ents=list(ents))


def report_of(nlp: Language, rows: Iterable[Row], published: str | None = "2024-03-18") -> Report:
    doc = build(nlp, rows)
    doc._.sayso_published = published
    for name in SAYSO_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return build_report(doc, Article(text=doc.text, published=published))


def names(report: Report, ids: list[str]) -> list[str]:
    return [report.actor(i).name for i in ids]  # type: ignore[union-attr]


# "Chinese President Xi Jinping met Putin in Moscow on Monday ."
SUMMIT: list[Row] = [
    ("Chinese", "ADJ", "JJ", "amod", 3, "chinese", "B-NORP"),
    ("President", "PROPN", "NNP", "compound", 3, "President", "O"),
    ("Xi", "PROPN", "NNP", "compound", 3, "Xi", "B-PERSON"),
    ("Jinping", "PROPN", "NNP", "nsubj", 4, "Jinping", "I-PERSON"),
    ("met", "VERB", "VBD", "ROOT", 4, "meet", "O"),
    ("Putin", "PROPN", "NNP", "dobj", 4, "Putin", "B-PERSON"),
    ("in", "ADP", "IN", "prep", 4, "in", "O"),
    ("Moscow", "PROPN", "NNP", "pobj", 6, "Moscow", "B-GPE"),
    ("on", "ADP", "IN", "prep", 4, "on", "O"),
    ("Monday", "PROPN", "NNP", "pobj", 8, "Monday", "B-DATE"),
    (".", "PUNCT", ".", "punct", 4, ".", "O"),
]


def test_a_title_gives_a_person_role_country_and_sector(nlp):
    report = report_of(nlp, SUMMIT)
    xi = next(a for a in report.actors if a.name == "Xi Jinping")
    assert (xi.type, xi.country, xi.roles, xi.sector) == ("person", "CHN", ["President"], "GOV")
    moscow = next(a for a in report.actors if a.name == "Russia")  # a capital stands for its country
    assert moscow.type == "country" and moscow.country == "RUS"


def test_ids_follow_the_first_mention(nlp):
    report = report_of(nlp, SUMMIT)
    assert [a.name for a in report.actors] == ["Xi Jinping", "Putin", "Russia"]
    assert [a.id for a in report.actors] == ["a1", "a2", "a3"]


def test_a_meeting_is_a_consult_event_dated_and_placed(nlp):
    report = report_of(nlp, SUMMIT)
    [event] = report.events
    assert (event.type, event.mode, names(report, event.actor), names(report, event.recipient)) == (
        "CONSULT", "meet", ["Xi Jinping"], ["Putin"])
    assert event.date is not None and (event.date.start, event.date.text) == ("2024-03-18", "Monday")
    assert event.location is not None and (event.location.text, event.location.country) == ("Moscow", "RUS")
    assert not event.negated and event.modality is None and event.cameo == "04"


def test_without_a_publication_day_a_weekday_gives_no_date(nlp):
    [event] = report_of(nlp, SUMMIT, published=None).events
    assert event.date is None


# "Russia did not attack Ukraine ."
NEGATED: list[Row] = [
    ("Russia", "PROPN", "NNP", "nsubj", 3, "Russia", "B-GPE"),
    ("did", "AUX", "VBD", "aux", 3, "do", "O"),
    ("not", "PART", "RB", "neg", 3, "not", "O"),
    ("attack", "VERB", "VB", "ROOT", 3, "attack", "O"),
    ("Ukraine", "PROPN", "NNP", "dobj", 3, "Ukraine", "B-GPE"),
    (".", "PUNCT", ".", "punct", 3, ".", "O"),
]


def test_a_negated_attack_stays_in_the_report_marked_negated(nlp):
    report = report_of(nlp, NEGATED)
    [event] = report.events
    assert (event.type, names(report, event.actor), names(report, event.recipient)) == (
        "ASSAULT", ["Russia"], ["Ukraine"])
    assert event.negated


# "Chile will cooperate with Peru ." : a cooperative act in the future tense is coded AGREE (PLOVER)
FUTURE: list[Row] = [
    ("Chile", "PROPN", "NNP", "nsubj", 2, "Chile", "B-GPE"),
    ("will", "AUX", "MD", "aux", 2, "will", "O"),
    ("cooperate", "VERB", "VB", "ROOT", 2, "cooperate", "O"),
    ("with", "ADP", "IN", "prep", 2, "with", "O"),
    ("Peru", "PROPN", "NNP", "pobj", 3, "Peru", "B-GPE"),
    (".", "PUNCT", ".", "punct", 2, ".", "O"),
]


def test_future_cooperation_is_coded_agree_with_cameo_030(nlp):
    report = report_of(nlp, FUTURE)
    [event] = report.events
    assert (event.type, event.modality, event.cameo) == ("AGREE", None, "03")
    assert (names(report, event.actor), names(report, event.recipient)) == (["Chile"], ["Peru"])


# "Xi Jinping arrived . He smiled ."
PRONOUN: list[Row] = [
    ("Xi", "PROPN", "NNP", "compound", 1, "Xi", "B-PERSON"),
    ("Jinping", "PROPN", "NNP", "nsubj", 2, "Jinping", "I-PERSON"),
    ("arrived", "VERB", "VBD", "ROOT", 2, "arrive", "O"),
    (".", "PUNCT", ".", "punct", 2, ".", "O"),
    ("He", "PRON", "PRP", "nsubj", 5, "he", "O"),
    ("smiled", "VERB", "VBD", "ROOT", 5, "smile", "O"),
    (".", "PUNCT", ".", "punct", 5, ".", "O"),
]


def test_a_pronoun_in_the_next_sentence_joins_the_person(nlp):
    report = report_of(nlp, PRONOUN)
    [xi] = report.actors
    assert [report.article.text[s:e] for s, e in xi.mentions] == ["Xi Jinping", "He"]


# "Officials said 5,000 people fled ."
FIGURE: list[Row] = [
    ("Officials", "NOUN", "NNS", "nsubj", 1, "official", "O"),
    ("said", "VERB", "VBD", "ROOT", 1, "say", "O"),
    ("5,000", "NUM", "CD", "nummod", 3, "5,000", "B-CARDINAL"),
    ("people", "NOUN", "NNS", "nsubj", 4, "people", "O"),
    ("fled", "VERB", "VBD", "ccomp", 1, "flee", "O"),
    (".", "PUNCT", ".", "punct", 1, ".", "O"),
]


def test_a_counted_figure_is_a_claim_with_its_unit(nlp):
    [claim] = report_of(nlp, FIGURE).claims
    assert (claim.text, claim.value, claim.unit) == ("5,000 people", 5000.0, "people")


def test_a_second_source_of_event_candidates_plugs_in(nlp):
    """A source only says which rule a trigger matched; the coder does the rest (participants, dates)."""
    coder = nlp.get_pipe("sayso_events")
    accuse_rule = next(r for r in coder.lexicon.rules if r.type == "ACCUSE" and r.kind == "verb")

    class SmiledIsAnAccusation:
        def hits(self, doc: Doc) -> list[Hit]:
            return [Hit(accuse_rule, tok, None, None, 1) for tok in doc if tok.lemma_ == "smile"]

    assert report_of(nlp, PRONOUN).events == []
    coder.add_source(SmiledIsAnAccusation())
    try:
        report = report_of(nlp, PRONOUN)
    finally:
        coder.extra_sources.clear()
    [event] = report.events
    assert (event.type, names(report, event.actor), event.trigger.text) == ("ACCUSE", ["Xi Jinping"], "smiled")
