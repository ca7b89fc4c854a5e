"""Numeric claims: value parsing without the model, extraction on our own fixture with it."""

from __future__ import annotations

import pytest
import spacy
from conftest import fixture_text, needs_model

from sayso.extract.actors.session import MentionSession
from sayso.extract.claims.finder import find_claims, parse_value
from sayso.extract.claims.lexicon import ClaimLexicon


@pytest.mark.parametrize(
    ("words", "value"),
    [(["87.33"], 87.33), (["1,200"], 1200.0), (["$", "3", "billion"], 3e9), (["two", "dozen"], 24.0),
     (["five"], 5.0), (["3.5", "million"], 3.5e6), (["8", "%"], 8.0), (["twenty", "three"], 23.0), (["x"], None)],
)
def test_parse_value(words, value):
    doc = spacy.blank("en").make_doc(" ".join(words))
    assert parse_value(ClaimLexicon.load(), list(doc)) == value


@pytest.fixture(scope="module")
def budget(nlp):
    text = fixture_text("actors-claims-budget.txt")
    doc = nlp(text)
    session = MentionSession(doc._.sayso_actor_table)
    return text, doc, session, find_claims(nlp.get_pipe("sayso_claims").rules, doc, [], session)


@needs_model
def test_budget_claims(budget):
    text, _, _, claims = budget
    got = {(c.value, c.unit) for c in claims}
    assert {(214.0, "votes"), (48e9, "USD"), (4.2, "percent"), (1500.0, "people"), (8.0, "percent"),
            (5.0, "times"), (61.0, "percent")} <= got
    # a "300-seat" modifier, the year 2009, the date May 3 and a bare "12 of them" are not claims
    assert not {300.0, 2009.0, 3.0, 12.0} & {c.value for c in claims}
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.text


@needs_model
def test_budget_claim_sources(budget):
    _, _, session, claims = budget
    inflation = next(c for c in claims if c.value == 4.2)
    assert session.record(inflation.speaker.key).name == "Rosa Almeida"
    assert inflation.via and inflation.via[0].cue.text == "according to"
    meetings = next(c for c in claims if c.unit == "times")
    assert session.record(meetings.about).name == "Rosa Almeida"
    wage = next(c for c in claims if c.value == 8.0)
    assert wage.hedged  # "reportedly"


@needs_model
def test_claim_inside_an_attribution_takes_its_source(nlp):
    from sayso.extract.attribution.types import Attribution, Source

    text = "The army lost 40 tanks in the battle, the ministry said, according to state news agency TASS."
    doc = nlp(text)
    session = MentionSession(doc._.sayso_actor_table)
    tass = doc.char_span(text.index("TASS"), text.index("TASS") + 4)
    speaker = doc.char_span(text.index("the ministry"), text.index("the ministry") + len("the ministry"))
    content = (0, text.index(", the ministry"))
    att = Attribution("indirect", [content], next(iter(doc.sents)), speaker=speaker, via=[Source(tass)], hedged=True)
    claims = find_claims(nlp.get_pipe("sayso_claims").rules, doc, [att], session)
    assert [(c.value, c.unit) for c in claims] == [(40.0, "tanks")]
    assert claims[0].hedged and claims[0].speaker.text == "the ministry"
    assert session.record(claims[0].via[0].mention.key).name == "TASS"


@needs_model
def test_counts_and_modifiers(nlp):
    text = ("The war displaced some 12 million people, including more than 6 million refugees, across a "
            "3.5 million-square-kilometer region, officials said.")
    doc = nlp(text)
    claims = find_claims(nlp.get_pipe("sayso_claims").rules, doc, [], MentionSession(doc._.sayso_actor_table))
    got = {(c.value, c.unit) for c in claims}
    assert (12e6, "people") in got and (6e6, "refugees") in got
    assert 3.5e6 not in {c.value for c in claims}
