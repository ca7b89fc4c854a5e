"""Query functions over hand-built reports: aliases, filters, source breakdown, clusters, stories."""

from __future__ import annotations

import pytest
from store_fixtures import summit_report

from sayso.store import (
    QuoteFilter, connect, find_quotes, list_articles, quote_clusters, resolve_actor, source_breakdown,
    store_reports, top_actors,
)


@pytest.fixture
def con():
    c = connect(":memory:")
    store_reports(c, [
        summit_report("Daily Planet", "2024-05-02"),
        summit_report("Wire Two", "2024-05-03", lead="UPDATED with reaction. "),
        summit_report("Late Post", "2024-06-20", lead="From our archive, a story first told in spring: "),
    ])
    yield c
    c.close()


@pytest.mark.parametrize("name", ["Lula", "lula", "President Lula", "Luiz Inacio Lula da Silva",
                                  "Brazilian President Luiz Inacio Lula da Silva"])
def test_speaker_names_match_through_aliases(con, name):
    rows = find_quotes(con, QuoteFilter(speaker=name))
    assert len(rows) == 6
    assert {r.speaker for r in rows} == {"Luiz Inacio Lula da Silva"}


def test_unknown_speaker_finds_nothing(con):
    assert find_quotes(con, QuoteFilter(speaker="Angela Merkel")) == []
    assert resolve_actor(con, "   ") == []


def test_addressee_via_and_state_media_filters(con):
    to_modi = find_quotes(con, QuoteFilter(addressee="Prime Minister Modi"))
    assert len(to_modi) == 3 and all(r.addressee == "Narendra Modi" for r in to_modi)
    via = find_quotes(con, QuoteFilter(via="Agencia Brasil"))
    assert {r.quote_id for r in via} == {"q1"} and all(r.via == ["Agencia Brasil"] for r in via)
    state = find_quotes(con, QuoteFilter(state_media_only=True))
    assert {r.quote_id for r in state} == {"q1"} and all(r.via_state_media for r in state)


def test_text_and_date_filters(con):
    assert {r.quote_id for r in find_quotes(con, QuoteFilter(text="wait anyone"))} == {"q2"}
    assert find_quotes(con, QuoteFilter(text="wait nobody")) == []
    may = find_quotes(con, QuoteFilter(since="2024-05-01", until="2024-05-31"))
    assert {r.outlet for r in may} == {"Daily Planet", "Wire Two"}
    june = find_quotes(con, QuoteFilter(since="2024-06-01", limit=1))
    assert len(june) == 1 and june[0].outlet == "Late Post"


def test_top_actors_counts_quotes_articles_and_outlets(con):
    top = top_actors(con, 2)
    assert (top[0].name, top[0].quotes, top[0].articles, top[0].outlets) == ("Luiz Inacio Lula da Silva", 6, 3, 3)
    media = top_actors(con, 5, "media")
    assert [a.name for a in media] == ["Agencia Brasil"] and media[0].state_media


def test_source_breakdown_per_speaker(con):
    [lula] = source_breakdown(con, "Lula")
    assert (lula.state_media, lula.independent, lula.unnamed, lula.total) == (3, 0, 3, 6)
    assert source_breakdown(con, "Nobody Atall") == []


def test_same_quote_in_several_articles_is_one_cluster(con):
    clusters = quote_clusters(con, min_articles=2)
    by_text = {c.text: c for c in clusters}
    trade = by_text["trade between the two countries must double by the end of the decade"]
    assert (trade.n_quotes, trade.n_articles, trade.n_outlets) == (3, 3, 3)


def test_near_duplicate_articles_share_a_story(con):
    stories = {a.story_id for a in list_articles(con)}
    assert len(stories) == 1
    from sayso.report import ArticleInfo, Report

    unrelated = Report(ArticleInfo("x1", "A storm closed the port of Santos for two days, the harbour master "
                                          "said on Monday, and ferries to the islands were cancelled."))
    result = store_reports(con, [unrelated])
    assert result.linked == 0
    assert len({a.story_id for a in list_articles(con)}) == 2


def test_stories_persist_across_batches():
    c = connect(":memory:")
    first = store_reports(c, [summit_report("A")])
    second = store_reports(c, [summit_report("B", lead="Correction appended. ")])
    assert first.linked == 0 and second.linked == 1
    assert c.execute("SELECT count(*), max(n_articles) FROM story_sizes").fetchone() == (1, 2)


def test_a_person_with_and_without_a_stated_country_is_one_actor():
    """Articles state a person's country or not; the corpus keeps one person and learns the country."""
    from dataclasses import replace

    c = connect(":memory:")
    stateless = summit_report("A")
    stateless.actors = [replace(a, country=None) if a.name == "Narendra Modi" else a for a in stateless.actors]
    store_reports(c, [stateless])
    assert c.execute("SELECT country FROM actors WHERE name = 'Narendra Modi'").fetchall() == [(None,)]
    store_reports(c, [summit_report("B", lead="Second outlet. ")])
    assert c.execute("SELECT country FROM actors WHERE name = 'Narendra Modi'").fetchall() == [("IND",)]
    # Lula and Modi: two persons, not three
    assert c.execute("SELECT count(*) FROM actors WHERE type = 'person'").fetchone() == (2,)
