"""The attribution component as a spaCy pipe: config, save and reload (no English model needed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import spacy
from test_attribution_rules import CONTINUED, RELAYED, make_doc

from sayso.extract.attribution.component import FACTORY, AttributionComponent
from sayso.extract.attribution.filter import RuleScorer


def _summary(doc) -> list[tuple]:
    return [(a.type, a.content, a.cue.text if a.cue else None, a.speaker.text if a.speaker else None,
             [v.mention.text for v in a.via]) for a in doc._.sayso_attributions]


def test_config_holds_the_thresholds_and_overrides_them() -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe(FACTORY, config={"thresholds": {"min_continuation_words": 9}})
    assert isinstance(component, AttributionComponent)
    assert component.thresholds.min_continuation_words == 9 and component.thresholds.max_gap_tokens == 12
    cfg = nlp.config["components"][FACTORY]
    assert cfg["thresholds"]["min_continuation_words"] == 9 and cfg["lexicons"]["cue_verbs"] == "cue_verbs.tsv"
    doc = component(make_doc(nlp.vocab, CONTINUED))  # the 6-word follow-up quote is now too short to continue
    assert [len(a.content) for a in doc._.sayso_attributions] == [1]


def test_saved_pipeline_reloads_with_identical_behaviour(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe(FACTORY)
    before = [_summary(component(make_doc(nlp.vocab, rows))) for rows in (CONTINUED, RELAYED)]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    again = loaded.get_pipe(FACTORY)
    assert isinstance(again, AttributionComponent) and loaded.pipe_names == [FACTORY]
    assert again.lexicon == component.lexicon and again.thresholds == component.thresholds
    assert isinstance(again.scorer, RuleScorer) and isinstance(component.scorer, RuleScorer)
    assert (again.scorer.weights, again.scorer.threshold) == (component.scorer.weights, component.scorer.threshold)
    after = [_summary(loaded(make_doc(loaded.vocab, rows))) for rows in (CONTINUED, RELAYED)]
    assert after == before and before[0] and before[1]


def test_reload_uses_the_saved_lexicon_and_weights_not_the_package_files(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe(FACTORY)
    assert isinstance(component, AttributionComponent) and isinstance(component.scorer, RuleScorer)
    component._use(replace(component.lexicon, speech=component.lexicon.speech - {"say"}))
    component.scorer.threshold = 42.0
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline").get_pipe(FACTORY)
    assert isinstance(again, AttributionComponent) and isinstance(again.scorer, RuleScorer)
    assert "say" not in again.lexicon.speech and "tell" in again.lexicon.speech
    assert again.scorer.threshold == 42.0
    again.initialize()  # back to the package's lexicon
    assert "say" in again.lexicon.speech
