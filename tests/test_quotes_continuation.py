"""A quote that goes on after "he added." continues that attribution even when the parser hung its
opening mark on the end of the "he added." sentence (two-apostrophe quote marks, as in NYT wire copy)."""

from __future__ import annotations

from conftest import needs_model

pytestmark = needs_model

TEXT = (
    "The mayor defended the budget on Monday.\n\n"
    "''We kept every library open and every bus running,'' he added. ''The city has never been in better "
    "shape. Nobody should be surprised by that.''\n"
)


def test_quote_after_he_added_continues_the_attribution(nlp) -> None:
    import sayso

    report = sayso.extract(TEXT)
    holders = [q for q in report.quotes if "every bus running" in q.content.text]
    assert len(holders) == 1, [q.content.text for q in report.quotes]
    q = holders[0]
    assert "The city has never been in better shape" in q.content.text
    assert len(q.content.spans) == 2 and q.type == "direct"
