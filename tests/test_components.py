"""sayso's spaCy components: registered factories, configs, Doc fields, and saved pipelines that reload
with the same behaviour (with and without the model)."""

from __future__ import annotations

import json

import spacy
from conftest import fixture_text, needs_model
from spacy.tokens import Doc

import sayso.extract.components  # noqa: F401 - registers the factories
from sayso.extract.doc_fields import FIELDS
from sayso.nlp import SAYSO_COMPONENTS
from sayso.read.article import Article


def blank_pipeline() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in SAYSO_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def test_doc_fields_default_to_none_and_are_not_shared():
    one, other = Doc(spacy.blank("en").vocab, words=["a"]), Doc(spacy.blank("en").vocab, words=["b"])
    for name in FIELDS:
        assert getattr(one._, name) is None
    one._.sayso_published = "2024-03-18"
    assert other._.sayso_published is None


def hand_built(nlp: spacy.language.Language) -> Doc:
    """"Officials met on Monday ." with a parse written by hand (no model)."""
    return Doc(nlp.vocab, words=["Officials", "met", "on", "Monday", "."],
               pos=["NOUN", "VERB", "ADP", "PROPN", "PUNCT"], tags=["NNS", "VBD", "IN", "NNP", "."],
               lemmas=["official", "meet", "on", "Monday", "."], heads=[1, 1, 1, 2, 1],
               deps=["nsubj", "ROOT", "prep", "pobj", "punct"], ents=["O", "O", "O", "B-DATE", "O"])


def run_components(nlp: spacy.language.Language, doc: Doc) -> Doc:
    for name in SAYSO_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_components_run_without_the_model_and_configs_are_saved(tmp_path):
    nlp = blank_pipeline()
    doc = run_components(nlp, hand_built(nlp))
    assert doc._.sayso_actors.actors == () and doc._.sayso_events.items == () and doc._.sayso_claims.items == ()
    nlp.to_disk(tmp_path)
    config = (tmp_path / "config.cfg").read_text(encoding="utf-8")
    assert "lookback_sentences = 6" in config and "event_patterns.jsonl" in config and "max_of_phrase = 8" in config
    for name in ("sayso_actors", "sayso_claims", "sayso_events"):
        assert (tmp_path / name / "lexicons.json").is_file()
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == nlp.pipe_names
    for name in ("sayso_actors", "sayso_claims", "sayso_events"):
        assert loaded.get_pipe(name).to_bytes() == nlp.get_pipe(name).to_bytes()


def test_initialize_rereads_the_lexicons_the_config_names():
    nlp = blank_pipeline()
    actors = nlp.get_pipe("sayso_actors")
    before = actors.to_bytes()
    actors.from_bytes(before.replace(b'"honorifics.txt": [', b'"honorifics.txt": ["zzz", '))
    assert "zzz" in actors.lexicon.honorifics
    nlp.initialize()
    assert "zzz" not in actors.lexicon.honorifics and actors.to_bytes() == before


def test_a_saved_component_uses_its_saved_lexicons_not_the_package_files(tmp_path):
    nlp = blank_pipeline()
    nlp.to_disk(tmp_path)
    saved = tmp_path / "sayso_actors" / "lexicons.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["content"]["honorifics.txt"] = ["sir"]
    saved.write_text(json.dumps(data), encoding="utf-8")
    loaded = spacy.load(tmp_path)
    assert loaded.get_pipe("sayso_actors").lexicon.honorifics == frozenset({"sir"})
    assert nlp.get_pipe("sayso_actors").lexicon.honorifics != frozenset({"sir"})


@needs_model
def test_saved_pipeline_reloads_with_identical_reports(nlp, tmp_path):
    from sayso.extract.run import reports

    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == nlp.pipe_names
    articles = [Article(text=fixture_text(name), published="2024-05-07")
                for name in ("modi-lula-summit.txt", "actors-ministers.txt")]
    before = [r.to_dict() for r in reports(articles, nlp, 4)]
    after = [r.to_dict() for r in reports(articles, loaded, 4)]
    assert before == after
    assert all(r["actors"] and r["quotes"] for r in before)  # the comparison is not between empty reports


@needs_model
def test_one_failing_document_gives_an_empty_report_and_the_batch_goes_on(nlp, monkeypatch, caplog):
    from sayso.extract import run

    real = run.build_report
    calls = iter([True, False])

    def flaky(doc: Doc, article: Article):  # stands in for the assembly: fails once
        if next(calls):
            raise RuntimeError("boom")
        return real(doc, article)

    monkeypatch.setattr(run, "build_report", flaky)
    first, second = run.reports([Article(text="Ana Ruiz met Li Wei in Lima."),
                                 Article(text="Ana Ruiz met Li Wei in Lima on Monday.")], nlp, 2)
    assert first.actors == [] and any("extraction failed: RuntimeError: boom" in w for w in first.article.warnings)
    assert second.actors and not any("failed" in w for w in second.article.warnings)
    assert "extraction failed" in caplog.text
