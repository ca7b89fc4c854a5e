"""Date resolution against the publication day (no model needed)."""

from __future__ import annotations

import pytest

from sayso.extract.dates import DateGrammar, publication_date
from sayso.extract.events.lexicon import EventLexicon

GRAMMAR = DateGrammar(EventLexicon.load().date_numbers)


def find_dates(text: str, published: str | None):
    return GRAMMAR.find(text, published)

PUB = "2024-03-18"  # a Monday


def one(text: str, published: str | None = PUB):
    found = find_dates(text, published)
    assert len(found) == 1, found
    d = found[0].date
    assert text[found[0].start : found[0].end] == d.text
    return d


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("The minister spoke on Monday.", "2024-03-18", "2024-03-18", "day"),  # publication day itself
        ("The minister spoke on Friday.", "2024-03-15", "2024-03-15", "day"),
        ("They met last Monday.", "2024-03-11", "2024-03-11", "day"),
        ("Xi last October welcomed Putin.", "2023-10-01", "2023-10-31", "month"),
        ("They met in March.", "2024-03-01", "2024-03-31", "month"),
        ("They met in April.", "2023-04-01", "2023-04-30", "month"),  # the latest April before publication
        ("He will visit next May.", "2024-05-01", "2024-05-31", "month"),
        ("They met 42 times in the past decade.", "2014-03-19", "2024-03-18", "range"),
        ("Trade doubled over the past two years.", "2022-03-19", "2024-03-18", "range"),
        ("Troops left yesterday.", "2024-03-17", "2024-03-17", "day"),
        ("Talks resumed last week.", "2024-03-11", "2024-03-17", "week"),
        ("The deal was signed on March 5, 2021.", "2021-03-05", "2021-03-05", "day"),
        ("The deal was signed on 5 March 2021.", "2021-03-05", "2021-03-05", "day"),
        ("The strike came on March 2.", "2024-03-02", "2024-03-02", "day"),
        ("The envoy arrived on December 28.", "2023-12-28", "2023-12-28", "day"),  # not nine months ahead
        ("The treaty was signed in 2019.", "2019-01-01", "2019-12-31", "year"),
        ("They have met 11 times since 2019.", "2019-01-01", "2024-03-18", "range"),  # up to publication
        ("The pact lapsed three months ago.", "2023-12-01", "2023-12-31", "month"),
    ],
)
def test_relative_and_absolute_dates(text, start, end, precision):
    d = one(text)
    assert (d.start, d.end, d.precision) == (start, end, precision)


def test_text_and_span_leave_out_the_preposition():
    d = one("The minister spoke on Monday.")
    assert d.text == "Monday"


def test_modal_may_is_not_a_month():
    assert find_dates("The ban may hurt exporters.", PUB) == []


def test_relative_dates_need_a_publication_day_absolute_ones_do_not():
    assert find_dates("They met on Monday.", None) == []
    assert one("They met on March 5, 2021.", None).start == "2021-03-05"


def test_impossible_dates_are_skipped():
    assert find_dates("It happened on February 30, 2023.", PUB) == []


def test_publication_fallback_has_no_text():
    d = publication_date(PUB)
    assert d is not None and d.text is None and d.span is None and d.start == d.end == PUB
    assert publication_date(None) is None
    assert publication_date("not a date") is None
