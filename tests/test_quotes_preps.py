"""Which prepositional phrase of a cue verb holds what was said (``lexicons/en/content_preps.tsv``)."""

from __future__ import annotations

from conftest import needs_model

from sayso.extract.attribution.cues import content_child
from sayso.extract.attribution.lexicon import AttributionLexicon, LexiconNames
from sayso.extract.attribution.scorer import KeepAll

pytestmark = needs_model


def test_place_and_time_phrases_never_hold_content() -> None:
    preps = AttributionLexicon.load(LexiconNames(), "en", 0.1).preps
    assert preps["about"] > preps["in"] and preps["in"] < 0.1 and preps["of"] > 0.3


def test_about_phrase_is_the_content_not_the_place(nlp) -> None:
    doc = nlp("The governor spoke in Springfield on Tuesday about the new water tax.")
    verb = next(t for t in doc if t.lower_ == "spoke")
    component = nlp.get_pipe("sayso_attribution")
    child = content_child(verb, component.lexicon, component.thresholds.min_prep_rate)
    assert child is not None and child.lower_ == "about"
    assert doc[child.left_edge.i : child.right_edge.i + 1].text == "about the new water tax"


def test_object_content_runs_over_a_content_preposition_not_a_place(nlp) -> None:
    doc = nlp("Senator Tom Hale compared the governor to a schoolyard bully at a rally in Ohio.")
    merged = nlp.get_pipe("sayso_attribution").merged(doc, KeepAll())
    contents = [doc.text[s:e] for m in merged for s, e in m.attribution.content]
    assert contents == ["the governor to a schoolyard bully"]
