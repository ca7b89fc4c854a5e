"""The tokenizer guard (issue 12, item 4): long whitespace-free runs are tokenised in pieces, in linear
time, with the text unchanged; everything else goes to spaCy's tokenizer untouched."""

from __future__ import annotations

import time

import pytest
import spacy
from conftest import fixture_text, needs_model

from sayso.read.article import Article
from sayso.tokenizer_guard import MAX_RUN_CHARS, PIECE_CHARS, GuardedTokenizer, long_runs, split_at_long_runs


@pytest.fixture(scope="module")
def blank_tokenizer():
    return spacy.blank("en").tokenizer  # the same prefix/suffix rules as the model's, so the same blow-up


def _tokens(doc) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]


RUN_TEXTS = [
    'He said ' + '"' * 1200 + ' and left.',
    '"' * 600 + " ",
    "x " + "\U0001F600" * 1001 + "  y\n",
    "(" * 501 + " " + ")" * 900 + "\nend",
    "http://example.org/" + "a/" * 400,
    "\u200b" * 2000,
]


@pytest.mark.parametrize("text", RUN_TEXTS)
def test_the_doc_text_is_the_input_and_pieces_join_back(blank_tokenizer, text):
    assert "".join(split_at_long_runs(text)) == text
    doc = GuardedTokenizer(blank_tokenizer)(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_only_runs_over_the_limit_are_cut_and_into_bounded_pieces(blank_tokenizer):
    text = "a" * MAX_RUN_CHARS + " " + "b" * (MAX_RUN_CHARS + 1) + " " + "c"
    assert long_runs(text) == [(MAX_RUN_CHARS + 1, 2 * MAX_RUN_CHARS + 2)]
    seen: list[str] = []

    def recording(piece: str):
        seen.append(piece)
        return blank_tokenizer(piece)

    GuardedTokenizer(recording)(text)
    assert seen[0] == "a" * MAX_RUN_CHARS + " "
    assert all(len(p.strip()) <= PIECE_CHARS for p in seen[1:-1]) and seen[-1] == "c"


def test_text_without_long_runs_is_tokenised_exactly_as_before(blank_tokenizer):
    text = fixture_text("modi-lula-summit.txt") + "\n" + "x" * MAX_RUN_CHARS + ' "quoted," she said.'
    guarded = GuardedTokenizer(blank_tokenizer)(text)
    assert _tokens(guarded) == _tokens(blank_tokenizer(text))


def test_a_run_of_single_character_tokens_gives_the_same_tokens(blank_tokenizer):
    text = 'He said ' + '"' * 1500 + ' and left.'
    assert _tokens(GuardedTokenizer(blank_tokenizer)(text)) == _tokens(blank_tokenizer(text))


def test_sixteen_thousand_quote_marks_take_well_under_a_second(blank_tokenizer):
    # Unguarded this is quadratic: 35 s of CPU in the model's tokenizer alone (42.9 s for `sayso extract`).
    guarded = GuardedTokenizer(blank_tokenizer)
    start = time.process_time()
    doc = guarded('"' * 16_384)
    assert len(doc) == 16_384 and time.process_time() - start < 3.0


def test_the_article_warns_about_a_cut_run():
    article = Article(text="He said " + "\U0001F600" * 2000 + ".")
    assert any("without a space" in w and "2,001 characters" in w for w in article.warnings)
    assert Article(text="He said so.").warnings == []


@needs_model
def test_the_pipeline_uses_the_guard_and_reports_stay_valid(nlp):
    import sayso
    from sayso.report import offset_errors, validate

    assert isinstance(nlp.tokenizer, GuardedTokenizer)
    text = '“We will build it,” the mayor said. ' + '"' * 3000 + " The council agreed, officials said."
    report = sayso.extract(text)
    assert report.article.text == text and offset_errors(report) == []
    validate(report)
    assert any("without a space" in w for w in report.article.warnings)


def test_finding_runs_is_linear_even_on_runs_just_under_the_limit():
    text = ("x" * MAX_RUN_CHARS + " ") * 2000  # 1 MB; a plain \S{501,} took 2.9 s here
    start = time.process_time()
    assert long_runs(text) == []
    assert time.process_time() - start < 0.5
