"""The query layer over hand-built reports: names, filters, sources, actors, clusters, stories."""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import summit_report

from sayso.query import (
    ActorFilter, ArticleFilter, QueryError, QuoteFilter, SourceFilter, actor_ids, find_quotes, list_actors,
    list_articles, quote_clusters, speaker_sources,
)
from sayso.store import connect, store_reports


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
                                  "Brazilian President Luiz Inacio Lula da Silva", "Inacio", "BRA"])
def test_speaker_names_match_through_aliases_and_whole_words(con, name):
    page = find_quotes(con, QuoteFilter(speaker=name))
    assert page.total == 6 and len(page.items) == 6
    assert {r.speaker for r in page.items} == {"Luiz Inacio Lula da Silva"}


@pytest.mark.parametrize("name", ["Angela Merkel", "Ina", "Lul", "   ", "BRX", "the of"])
def test_parts_of_words_and_unknown_names_find_nobody(con, name):
    """"Ina" is inside "Inacio" but is no word of any alias; "BRX" is no country code; function words
    alone find nobody (every long alias holds "the" or "of")."""
    assert actor_ids(con, name) == []
    assert find_quotes(con, QuoteFilter(speaker=name)).total == 0


def test_an_actor_id_is_taken_as_typed(con):
    [lula] = actor_ids(con, "Lula")
    assert actor_ids(con, str(lula)) == [lula]
    assert find_quotes(con, QuoteFilter(speaker=str(lula))).total == 6


def test_addressee_via_and_state_media_filters(con):
    to_modi = find_quotes(con, QuoteFilter(addressee="Prime Minister Modi")).items
    assert len(to_modi) == 3 and all(r.addressee == "Narendra Modi" for r in to_modi)
    via = find_quotes(con, QuoteFilter(via="Agencia Brasil")).items
    assert {r.quote_id for r in via} == {"q1"} and all([v.name for v in r.via] == ["Agencia Brasil"] for r in via)
    state = find_quotes(con, QuoteFilter(state_media_only=True)).items
    assert {r.quote_id for r in state} == {"q1"} and all(r.via_state_media and r.via[0].state_media for r in state)


def test_text_matches_whole_words_and_dates_the_publication_day(con):
    assert {r.quote_id for r in find_quotes(con, QuoteFilter(text="wait anyone")).items} == {"q2"}
    assert find_quotes(con, QuoteFilter(text="wait nobody")).total == 0
    assert find_quotes(con, QuoteFilter(text="wai")).total == 0  # a part of a word is no word
    assert find_quotes(con, QuoteFilter(text="wai* any*")).total == 3  # unless asked for as a prefix
    may = find_quotes(con, QuoteFilter(since=date(2024, 5, 1), until=date(2024, 5, 31))).items
    assert {r.outlet for r in may} == {"Daily Planet", "Wire Two"}
    june = find_quotes(con, QuoteFilter(since=date(2024, 6, 1), limit=1))
    assert len(june.items) == 1 and june.items[0].outlet == "Late Post" and june.total == 2
    with pytest.raises(QueryError):
        QuoteFilter(text="%")  # no word to look for: an error, not every quote


def test_actors_count_quotes_articles_outlets_and_mentions(con):
    top = list_actors(con, ActorFilter(limit=2)).items
    assert (top[0].name, top[0].quotes, top[0].quoted_in, top[0].outlets, top[0].mentioned_in) == (
        "Luiz Inacio Lula da Silva", 6, 3, 3, 3)
    media = list_actors(con, ActorFilter(type="media")).items
    assert [a.name for a in media] == ["Agencia Brasil"] and media[0].state_media
    assert [a.name for a in list_actors(con, ActorFilter(name="Modi")).items] == ["Narendra Modi"]
    with pytest.raises(QueryError):
        ActorFilter(type="planet")


def test_speaker_sources(con):
    [lula] = speaker_sources(con, SourceFilter(speaker="Lula")).items
    assert (lula.state_media, lula.independent, lula.unnamed, lula.total) == (3, 0, 3, 6)
    assert speaker_sources(con, SourceFilter(speaker="Nobody Atall")).total == 0
    [june] = speaker_sources(con, SourceFilter(since=date(2024, 6, 1))).items
    assert june.total == 2


def test_same_quote_in_several_articles_is_one_cluster(con):
    clusters = quote_clusters(con, min_articles=2)
    by_text = {c.text: c for c in clusters}
    trade = by_text["trade between the two countries must double by the end of the decade"]
    assert (trade.n_quotes, trade.n_articles, trade.n_outlets) == (3, 3, 3)


def test_near_duplicate_articles_share_a_story(con):
    stories = {a.story_id for a in list_articles(con).items}
    assert len(stories) == 1
    from sayso.report import ArticleInfo, Report

    unrelated = Report(ArticleInfo("x1", "A storm closed the port of Santos for two days, the harbour master "
                                          "said on Monday, and ferries to the islands were cancelled."))
    result = store_reports(con, [unrelated])
    assert result.linked == 0
    assert len({a.story_id for a in list_articles(con).items}) == 2
    [story] = stories
    assert list_articles(con, ArticleFilter(story_id=story)).total == 3


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
