"""Attribution rules on hand-built parses: no English model needed.

Each Doc is written out token by token (word, tag, pos, dependency, head index, lemma), so a test pins the
rule, not the parser's mood. The component runs on ``spacy.blank("en")``'s vocabulary with the package's
lexicons; where a test must not depend on the shipped filter weights it passes its own scorer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sayso.extract.attribution.candidate import Candidate, Origin, Provenance
from sayso.extract.attribution.candidates.quotes import quote_candidates
from sayso.extract.attribution.candidates.sources import (
    according_candidates,
    trailing_candidates,
)
from sayso.extract.attribution.component import FACTORY, AttributionComponent
from sayso.extract.attribution.filter import RuleScorer, features
from sayso.extract.attribution.scorer import AttributionScorer, KeepAll, Scored
from sayso.extract.attribution.sources import find_trailing
from sayso.extract.attribution.types import Attribution

Row = tuple[str, str, str, str, int, str]  # word, tag, pos, dep, head, lemma

_NO_SPACE_BEFORE = {",", ".", "”", "%", ":"}
_NO_SPACE_AFTER = {"“"}


def make_doc(vocab, rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE and words[i] not in _NO_SPACE_AFTER
        for i in range(len(words))
    ]
    return Doc(vocab, words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows], lemmas=[r[5] for r in rows])


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY)
    return nlp


@pytest.fixture(scope="module")
def component(blank: Language) -> AttributionComponent:
    return blank.get_pipe(FACTORY)  # type: ignore[return-value]


def texts(doc: Doc, spans: list[tuple[int, int]]) -> list[str]:
    return [doc.text[s:e] for s, e in spans]


# "Putin told Erdogan that talks must resume, TASS reported."
RELAYED: list[Row] = [
    ("Putin", "NNP", "PROPN", "nsubj", 1, "Putin"),
    ("told", "VBD", "VERB", "ROOT", 1, "tell"),
    ("Erdogan", "NNP", "PROPN", "dobj", 1, "Erdogan"),
    ("that", "IN", "SCONJ", "mark", 6, "that"),
    ("talks", "NNS", "NOUN", "nsubj", 6, "talk"),
    ("must", "MD", "AUX", "aux", 6, "must"),
    ("resume", "VB", "VERB", "ccomp", 1, "resume"),
    (",", ",", "PUNCT", "punct", 1, ","),
    ("TASS", "NNP", "PROPN", "nsubj", 9, "TASS"),
    ("reported", "VBD", "VERB", "parataxis", 1, "report"),
    (".", ".", "PUNCT", "punct", 1, "."),
]

# "Erdogan said the talks went well, according to TRT." (the parser hung "according to" in the clause)
ACCORDING_VIA: list[Row] = [
    ("Erdogan", "NNP", "PROPN", "nsubj", 1, "Erdogan"),
    ("said", "VBD", "VERB", "ROOT", 1, "say"),
    ("the", "DT", "DET", "det", 3, "the"),
    ("talks", "NNS", "NOUN", "nsubj", 4, "talk"),
    ("went", "VBD", "VERB", "ccomp", 1, "go"),
    ("well", "RB", "ADV", "advmod", 4, "well"),
    (",", ",", "PUNCT", "punct", 4, ","),
    ("according", "VBG", "VERB", "prep", 4, "accord"),
    ("to", "IN", "ADP", "prep", 7, "to"),
    ("TRT", "NNP", "PROPN", "pobj", 8, "TRT"),
    (".", ".", "PUNCT", "punct", 1, "."),
]

# "The economy grew 3%, according to the ministry."
ACCORDING_ALONE: list[Row] = [
    ("The", "DT", "DET", "det", 1, "the"),
    ("economy", "NN", "NOUN", "nsubj", 2, "economy"),
    ("grew", "VBD", "VERB", "ROOT", 2, "grow"),
    ("3", "CD", "NUM", "nummod", 4, "3"),
    ("%", "NN", "NOUN", "dobj", 2, "%"),
    (",", ",", "PUNCT", "punct", 2, ","),
    ("according", "VBG", "VERB", "prep", 2, "accord"),
    ("to", "IN", "ADP", "prep", 6, "to"),
    ("the", "DT", "DET", "det", 9, "the"),
    ("ministry", "NN", "NOUN", "pobj", 7, "ministry"),
    (".", ".", "PUNCT", "punct", 2, "."),
]

# "“We will stay,” she said. “The talks go on until Friday.”"
CONTINUED: list[Row] = [
    ("“", "``", "PUNCT", "punct", 7, "“"),
    ("We", "PRP", "PRON", "nsubj", 3, "we"),
    ("will", "MD", "AUX", "aux", 3, "will"),
    ("stay", "VB", "VERB", "ccomp", 7, "stay"),
    (",", ",", "PUNCT", "punct", 7, ","),
    ("”", "''", "PUNCT", "punct", 7, "”"),
    ("she", "PRP", "PRON", "nsubj", 7, "she"),
    ("said", "VBD", "VERB", "ROOT", 7, "say"),
    (".", ".", "PUNCT", "punct", 7, "."),
    ("“", "``", "PUNCT", "punct", 12, "“"),
    ("The", "DT", "DET", "det", 11, "the"),
    ("talks", "NNS", "NOUN", "nsubj", 12, "talk"),
    ("go", "VBP", "VERB", "ROOT", 12, "go"),
    ("on", "RP", "ADP", "prt", 12, "on"),
    ("until", "IN", "ADP", "prep", 12, "until"),
    ("Friday", "NNP", "PROPN", "pobj", 14, "Friday"),
    (".", ".", "PUNCT", "punct", 12, "."),
    ("”", "''", "PUNCT", "punct", 12, "”"),
]


def test_hand_built_docs_read_as_intended(blank: Language) -> None:
    doc = make_doc(blank.vocab, CONTINUED)
    assert doc.text == "“We will stay,” she said. “The talks go on until Friday.”"
    assert [s.text for s in doc.sents] == ["“We will stay,” she said.", "“The talks go on until Friday.”"]
    assert make_doc(blank.vocab, RELAYED).text == "Putin told Erdogan that talks must resume, TASS reported."


# --- candidates ---------------------------------------------------------------------------------


def test_trailing_clause_candidate(blank: Language, component: AttributionComponent) -> None:
    doc = make_doc(blank.vocab, RELAYED)
    trailing = find_trailing(doc, component.matchers(doc).trailing)
    assert [(t.reporter.text, t.verb.text, t.comma.i) for t in trailing] == [("TASS", "reported", 7)]
    [cand] = trailing_candidates(component.context(doc), trailing)
    assert cand.origin is Origin.TRAILING and cand.provenance is Provenance.SENTENCE_BEFORE
    att = cand.attribution
    assert att is not None and att.speaker is not None and att.cue is not None
    assert texts(doc, att.content) == ["Putin told Erdogan that talks must resume"]
    assert (att.speaker.text, att.cue.text, att.type) == ("TASS", "reported", "indirect")


def test_trailing_clause_must_end_its_sentence(blank: Language, component: AttributionComponent) -> None:
    rows = RELAYED[:-1] + [("yesterday", "NN", "NOUN", "npadvmod", 9, "yesterday"), (".", ".", "PUNCT", "punct", 1, ".")]
    doc = make_doc(blank.vocab, rows)
    assert find_trailing(doc, component.matchers(doc).trailing) == []


def test_according_to_candidate(blank: Language, component: AttributionComponent) -> None:
    doc = make_doc(blank.vocab, ACCORDING_ALONE)
    pairs = component.matchers(doc).according
    [cand] = according_candidates(component.context(doc), pairs)
    assert cand.according is not None and cand.according.source is not None
    assert (cand.according.cue.text, cand.according.source.text) == ("according to", "the ministry")
    att = cand.attribution
    assert att is not None and att.speaker is not None
    assert texts(doc, att.content) == ["The economy grew 3%"] and att.speaker.text == "the ministry"


def test_sentence_opening_quotes_are_candidates_scare_quotes_are_not(blank: Language,
                                                                    component: AttributionComponent) -> None:
    doc = make_doc(blank.vocab, CONTINUED)
    found = [doc.text[c.quote.start : c.quote.end] for c in quote_candidates(component.context(doc)) if c.quote]
    assert found == ["“We will stay,”", "“The talks go on until Friday.”"]


# --- scorer ---------------------------------------------------------------------------------------


def test_filter_features_and_verdicts(blank: Language, component: AttributionComponent) -> None:
    doc = make_doc(blank.vocab, CONTINUED)
    [said] = [c for c in component.candidates(doc) if c.origin is Origin.CUE_VERB]
    assert said.provenance is Provenance.QUOTE_BEFORE and said.verb is not None and said.attribution is not None
    assert {"bias", "lemma=say", "how=quote_before", "type=direct", "spk=pron:she", "speech=True"} <= set(said.features)
    assert said.features == tuple(features(said.verb, said.attribution, "quote_before", component.lexicon))
    keep = RuleScorer({"lemma=say": 1.0}, 0.5)(doc, [said])
    drop = RuleScorer({"lemma=say": 1.0}, 1.5)(doc, [said])
    assert [(s.keep, s.score) for s in keep] == [(True, 1.0)] and [(s.keep, s.score) for s in drop] == [(False, 1.0)]
    assert RuleScorer({}, None)(doc, [said])[0].keep  # no weights: nothing to judge by


def test_candidates_without_features_are_never_judged(blank: Language, component: AttributionComponent) -> None:
    doc = make_doc(blank.vocab, ACCORDING_ALONE)
    cands = component.candidates(doc)
    assert [c.origin for c in cands] == [Origin.ACCORDING] and not cands[0].features
    assert RuleScorer({"bias": -100.0}, 0.0)(doc, cands)[0].keep


def test_shipped_scorer_and_the_interface(component: AttributionComponent) -> None:
    assert isinstance(component.scorer, RuleScorer) and isinstance(component.scorer, AttributionScorer)
    assert component.scorer.weights and component.scorer.threshold is not None
    assert isinstance(KeepAll(), AttributionScorer)


# --- merge ----------------------------------------------------------------------------------------

_DROP_JUDGED = RuleScorer({"bias": -100.0}, 0.0)  # every cue-verb candidate the filter may drop, dropped


@pytest.mark.parametrize("scorer", [KeepAll(), _DROP_JUDGED], ids=["keep-all", "drop-judged"])
def test_trailing_reporter_becomes_via_of_the_speech_before_it(blank: Language, component: AttributionComponent,
                                                               scorer: AttributionScorer) -> None:
    """Kept or dropped by the scorer, "Putin told ..." is vouched for by ", TASS reported" (rescued when
    dropped); the trailing verb's own reading of the sentence goes."""
    doc = make_doc(blank.vocab, RELAYED)
    [m] = component.merged(doc, scorer)
    att = m.attribution
    assert att.cue is not None and att.speaker is not None and att.addressee is not None
    assert (att.cue.text, att.speaker.text, att.addressee.text) == ("told", "Putin", "Erdogan")
    assert texts(doc, att.content) == ["that talks must resume"]
    assert [(v.mention.text, v.cue.text if v.cue else None) for v in att.via] == [("TASS", "reported")]
    assert m.candidate.origin is Origin.CUE_VERB and m.candidate.attribution is not att  # merged on a copy
    assert m.candidate.attribution is not None and m.candidate.attribution.via == []


def test_according_to_beside_speech_is_via_and_is_cut_from_the_content(blank: Language,
                                                                       component: AttributionComponent) -> None:
    doc = make_doc(blank.vocab, ACCORDING_VIA)
    [m] = component.merged(doc, KeepAll())
    att = m.attribution
    assert att.speaker is not None and att.speaker.text == "Erdogan"
    assert texts(doc, att.content) == ["the talks went well"]
    assert [(v.mention.text, v.cue.text if v.cue else None) for v in att.via] == [("TRT", "according to")]


def test_according_to_alone_is_an_attribution(blank: Language, component: AttributionComponent) -> None:
    doc = make_doc(blank.vocab, ACCORDING_ALONE)
    [m] = component.merged(doc, KeepAll())
    assert m.candidate.origin is Origin.ACCORDING and m.attribution.via == []


def test_sentence_opening_quote_continues_the_attribution(blank: Language, component: AttributionComponent) -> None:
    doc = make_doc(blank.vocab, CONTINUED)
    [m] = component.merged(doc, KeepAll())
    assert m.attribution.type == "direct" and m.attribution.speaker is not None
    assert m.attribution.speaker.text == "she"
    assert texts(doc, m.attribution.content) == ["“We will stay,”", "“The talks go on until Friday.”"]


def test_trailing_reading_stands_in_for_a_dropped_verb(blank: Language, component: AttributionComponent) -> None:
    """'“…,” she said.' also matches the trailing-clause pattern: when the scorer drops the verb's
    candidate, the trailing reading (same quote, same speaker) stands, and still takes the continuation."""
    doc = make_doc(blank.vocab, CONTINUED)
    [m] = component.merged(doc, _DROP_JUDGED)
    assert m.candidate.origin is Origin.TRAILING
    assert m.attribution.speaker is not None and m.attribution.speaker.text == "she"
    assert texts(doc, m.attribution.content) == ["“We will stay,”", "“The talks go on until Friday.”"]


def test_component_writes_the_doc_extension(blank: Language) -> None:
    doc = make_doc(blank.vocab, CONTINUED)
    assert doc._.sayso_attributions is None  # not run yet
    doc = blank.get_pipe(FACTORY)(doc)
    assert [a.speaker.text for a in doc._.sayso_attributions if a.speaker] == ["she"]
    assert make_doc(blank.vocab, [])._.sayso_attributions is None
    assert blank.get_pipe(FACTORY)(make_doc(blank.vocab, []))._.sayso_attributions == []


class _ProposingScorer:
    """A stand-in for a trained model: trims the cue-verb candidate's content to its first word and
    proposes an attribution of its own for the second sentence."""

    def __call__(self, doc: Doc, candidates: Sequence[Candidate]) -> list[Scored]:
        out = []
        for c in candidates:
            if c.origin is Origin.CUE_VERB and c.attribution is not None:
                s, _ = c.attribution.content[0]
                c = replace(c, attribution=replace(c.attribution, content=[(s, s + 3)]))
            out.append(Scored(c, keep=c.origin is Origin.CUE_VERB, score=0.9))
        second = list(doc.sents)[1]
        mine = Attribution("direct", [(second.start_char, second.end_char)], second)
        out.append(Scored(Candidate(Origin.PROPOSED, Provenance.MODEL, mine), keep=True, score=0.8))
        return out

    def to_disk(self, path) -> None:
        """Nothing to save."""

    def from_disk(self, path) -> None:
        """Nothing to load."""


def test_a_scorer_may_adjust_and_propose(blank: Language, component: AttributionComponent) -> None:
    scorer = _ProposingScorer()
    assert isinstance(scorer, AttributionScorer)
    doc = make_doc(blank.vocab, CONTINUED)
    merged = component.merged(doc, scorer)
    assert [m.candidate.origin for m in merged] == [Origin.CUE_VERB, Origin.PROPOSED]
    assert [texts(doc, m.attribution.content) for m in merged] == [["“We"], ["“The talks go on until Friday.”"]]
