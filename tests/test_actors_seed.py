"""The flagship article: actors, mentions and claims must come out right (skips without ../shared)."""

from __future__ import annotations

import pytest

from conftest import needs_model, needs_shared
from sayso.extract.actors.resolver import ActorResolver
from sayso.extract.claims.finder import find_claims
from sayso.report import offset_errors

pytestmark = [needs_model, needs_shared]


@pytest.fixture(scope="module")
def seed(nlp, seed_text):
    doc = nlp(seed_text)
    resolver = ActorResolver(doc)
    return seed_text, doc, resolver


def _mentions(text, actor):
    return [text[s:e] for s, e in actor.mentions]


def test_seed_persons(seed):
    text, _, resolver = seed
    actors = {a.name: a for a in resolver.actors()}
    xi, putin = actors["Xi Jinping"], actors["Vladimir Putin"]
    assert (xi.type, xi.country, xi.roles, xi.sector) == ("person", "CHN", ["President"], "GOV")
    assert {"Xi", "Xi Jinping", "he", "The Chinese leader"} <= set(_mentions(text, xi))
    assert putin.country == "RUS" and putin.type == "person"
    assert {"Putin", "his Russian counterpart", "the Russian president"} <= set(_mentions(text, putin))
    assert not [a for a in resolver.actors() if a.type == "person" and "Re-Election" in a.name]


def test_seed_media_and_countries(seed):
    _, _, resolver = seed
    actors = {a.name: a for a in resolver.actors()}
    for name, country in (("CCTV", "CHN"), ("TASS", "RUS"), ("RIA Novosti", "RUS")):
        assert (actors[name].type, actors[name].state_media, actors[name].country) == ("media", True, country)
    for name, code in (("China", "CHN"), ("Russia", "RUS"), ("Ukraine", "UKR")):
        assert (actors[name].type, actors[name].country) == ("country", code)
    assert "Kyiv" in _mentions(seed[0], actors["Ukraine"])
    assert actors["Western countries"].type == "group"
    assert actors["Chinese state media"].state_media


def test_seed_speaker_spans_resolve(seed):
    text, doc, resolver = seed
    ids = {a.name: a.id for a in resolver.actors()}

    def span(words, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        return doc.char_span(start, start + len(words))

    assert resolver.resolve(span("Xi", 2)) == ids["Xi Jinping"]
    assert resolver.resolve(span("The Chinese leader")) == ids["Xi Jinping"]
    assert resolver.resolve(span("Beijing’s state media")) == ids["Chinese state media"]
    assert resolver.resolve(span("state broadcaster CCTV")) == ids["CCTV"]
    assert resolver.resolve(span("Russian state news agency TASS")) == ids["TASS"]
    assert resolver.resolve(span("several Western nations")) == ids["Western countries"]
    assert resolver.resolve(span("key ally Beijing")) == ids["China"]
    said = text.index("” he said")
    assert resolver.resolve(doc.char_span(said + 2, said + 4)) == ids["Xi Jinping"]


def test_seed_claims(seed):
    text, doc, resolver = seed
    claims = find_claims(doc, [], resolver)
    ids = {a.name: a.id for a in resolver.actors()}
    by_value = {c.value: c for c in claims}
    assert set(by_value) == {99.0, 87.33, 42.0}
    share = by_value[87.33]
    assert (share.unit, share.about) == ("percent", ids["Vladimir Putin"])
    assert [v.actor for v in share.via] == [ids["RIA Novosti"]]
    assert by_value[99.0].unit == "percent" and "polling stations" in by_value[99.0].text
    assert (by_value[42.0].unit, by_value[42.0].about) == ("times", ids["Xi Jinping"])
    assert [c.id for c in claims] == ["c1", "c2", "c3"]
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.text


def test_seed_report_offsets(seed_report):
    assert offset_errors(seed_report) == []
    names = {a.name for a in seed_report.actors}
    assert {"Xi Jinping", "Vladimir Putin", "CCTV", "TASS", "RIA Novosti", "China", "Russia", "Ukraine"} <= names
