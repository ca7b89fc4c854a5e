"""The flagship article: actors, mentions and claims must come out right (skips without ../shared)."""

from __future__ import annotations

import pytest
from conftest import needs_model, needs_shared

from sayso.extract.actors.links import link
from sayso.extract.actors.session import MentionSession
from sayso.extract.claims.finder import find_claims
from sayso.report import offset_errors

pytestmark = [needs_model, needs_shared]


@pytest.fixture(scope="module")
def seed(nlp, seed_text):
    doc = nlp(seed_text)
    return seed_text, doc, doc._.sayso_actor_table


def _actors(table):
    return link(table, []).actors


def _mentions(text, actor):
    return [text[s:e] for s, e in actor.mentions]


def test_seed_persons(seed):
    text, _, table = seed
    actors = {a.name: a for a in _actors(table)}
    xi, putin = actors["Xi Jinping"], actors["Vladimir Putin"]
    assert (xi.type, xi.country, xi.roles, xi.sector) == ("person", "CHN", ["President"], "GOV")
    assert {"Xi", "Xi Jinping", "he", "The Chinese leader"} <= set(_mentions(text, xi))
    assert putin.country == "RUS" and putin.type == "person"
    assert {"Putin", "his Russian counterpart", "the Russian president"} <= set(_mentions(text, putin))
    assert not [a for a in actors.values() if a.type == "person" and "Re-Election" in a.name]


def test_seed_media_and_countries(seed):
    _, _, table = seed
    actors = {a.name: a for a in _actors(table)}
    for name, country in (("CCTV", "CHN"), ("TASS", "RUS"), ("RIA Novosti", "RUS")):
        assert (actors[name].type, actors[name].state_media, actors[name].country) == ("media", True, country)
    for name, code in (("China", "CHN"), ("Russia", "RUS"), ("Ukraine", "UKR")):
        assert (actors[name].type, actors[name].country) == ("country", code)
    assert "Kyiv" in _mentions(seed[0], actors["Ukraine"])
    assert actors["Western countries"].type == "group"
    assert actors["Chinese state media"].state_media


def test_seed_speaker_spans_resolve(seed):
    text, doc, table = seed
    session = MentionSession(table)
    names = {a.key: a.name for a in table.records.values()}

    def span(words, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        return doc.char_span(start, start + len(words))

    assert names[session.resolve(span("Xi", 2))] == "Xi Jinping"
    assert names[session.resolve(span("The Chinese leader"))] == "Xi Jinping"
    assert names[session.resolve(span("Beijing’s state media"))] == "Chinese state media"
    assert names[session.resolve(span("state broadcaster CCTV"))] == "CCTV"
    assert names[session.resolve(span("Russian state news agency TASS"))] == "TASS"
    assert names[session.resolve(span("several Western nations"))] == "Western countries"
    assert names[session.resolve(span("key ally Beijing"))] == "China"
    said = text.index("” he said")
    assert names[session.resolve(doc.char_span(said + 2, said + 4))] == "Xi Jinping"


def test_seed_claims(nlp, seed):
    text, doc, table = seed
    claims = find_claims(nlp.get_pipe("sayso_claims").rules, doc, [], MentionSession(table))
    names = {a.key: a.name for a in table.records.values()}
    by_value = {c.value: c for c in claims}
    assert set(by_value) == {99.0, 87.33, 42.0}
    share = by_value[87.33]
    assert (share.unit, names[share.about]) == ("percent", "Vladimir Putin")
    assert [names[v.mention.key] for v in share.via] == ["RIA Novosti"]
    assert by_value[99.0].unit == "percent" and "polling stations" in by_value[99.0].text
    assert (by_value[42.0].unit, names[by_value[42.0].about]) == ("times", "Xi Jinping")
    assert [c.value for c in claims] == [99.0, 87.33, 42.0]  # in text order
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.text


def test_seed_report_offsets(seed_report):
    assert offset_errors(seed_report) == []
    names = {a.name for a in seed_report.actors}
    assert {"Xi Jinping", "Vladimir Putin", "CCTV", "TASS", "RIA Novosti", "China", "Russia", "Ukraine"} <= names
