"""Quote-mark pairing on raw text (no model needed)."""

from __future__ import annotations

from sayso.extract.attribution.quote_marks import find_quote_spans


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


def test_curly_and_straight_double_quotes() -> None:
    text = "“We are ready,” she said. \"So are we,\" he replied."
    assert spans(text) == ["“We are ready,”", "\"So are we,\""]


def test_plural_possessive_is_not_a_closing_quote() -> None:
    text = "The allies’ summit ended. Officials called it a ‘turning point’ for China’s diplomacy."
    assert spans(text) == ["‘turning point’"]


def test_single_quotes_inside_double_quotes_stay_inside() -> None:
    text = "“He told me ‘never again’ and left,” she said."
    assert spans(text) == ["“He told me ‘never again’ and left,”"]


def test_unclosed_quote_runs_to_paragraph_end_and_is_marked_open() -> None:
    text = "“The first part of the statement.\n\n“The second part,” he said."
    found = find_quote_spans(text)
    assert [text[q.start : q.end] for q in found] == ["“The first part of the statement.", "“The second part,”"]
    assert found[0].open_end and not found[1].open_end


def test_two_apostrophes_used_as_double_quotes() -> None:
    text = "The prime minister ''looked ashen,'' the aide said."
    assert spans(text) == ["''looked ashen,''"]


def test_apostrophes_in_words_are_ignored() -> None:
    assert spans("It’s the union’s call, isn’t it?") == []


from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="“”\"‘’' \nabcXY,.:", max_size=120))
def test_spans_are_ordered_inside_the_text_and_open_with_a_mark(text: str) -> None:
    found = find_quote_spans(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start] in "“\"‘'"
        assert "\n" not in text[q.start : q.end]


def test_straight_quote_opens_after_a_no_break_space() -> None:
    text = '"We will stay," she said.\u00a0"The talks go on."'
    spans = find_quote_spans(text)
    assert [(text[q.start : q.end]) for q in spans] == ['"We will stay,"', '"The talks go on."']


def test_quote_index_lookups_and_paragraph_chains() -> None:
    from sayso.extract.attribution.quote_marks import QuoteIndex

    text = "“The first part.\n“The second part,” he said of the “deal”.\nNext."
    index = QuoteIndex(text)
    first, second, deal = index.spans
    assert index.inside(first.start + 1) == first and index.inside(first.start) is None
    assert index.inside(text.index("he said")) is None
    assert index.overlapping(text.index("part,”"), text.index("deal")) == [second, deal]
    assert index.chain_spans(first) == [(first.start, first.end), (second.start, second.end)]
    assert index.chain(second) == [second] and index.next_after(second.end) == deal
