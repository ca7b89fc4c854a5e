"""Attribution extraction on our own wire-style fixtures (tests/fixtures/attribution-*.txt)."""

from __future__ import annotations

import pytest

from conftest import fixture_text, needs_model
from sayso.report import Quote, Report, offset_errors

pytestmark = needs_model


@pytest.fixture(scope="module")
def reports(nlp) -> dict[str, Report]:  # noqa: ANN001 - the session model fixture
    import sayso

    names = ("direct", "sources", "indirect", "relayed")
    return {n: sayso.extract(fixture_text(f"attribution-{n}.txt")) for n in names}


def find(report: Report, words: str) -> Quote:
    """The one quote whose content holds these words."""
    hits = [q for q in report.quotes if words in q.content.text]
    assert len(hits) == 1, f"{len(hits)} quotes hold {words!r}: {[q.content.text for q in report.quotes]}"
    return hits[0]


def speaker(q: Quote) -> str | None:
    """The speaker evidence: the whole noun phrase, as PolNeAR marks a Source."""
    return q.speaker.text if q.speaker else None


def test_offsets_reproduce_every_text(reports: dict[str, Report]) -> None:
    for report in reports.values():
        assert offset_errors(report) == []


def test_direct_quote_with_addressee_free_channel(reports: dict[str, Report]) -> None:
    q = find(reports["direct"], "We offered a fair package")
    assert q.type == "direct" and speaker(q) == "Lindqvist" and q.cue and q.cue.lemma == "tell"
    assert q.content.text.startswith("“") and q.content.text.endswith("”")
    assert q.addressee is None and q.via == []  # "told reporters" names no one


def test_straight_quotes_split_by_sentence_are_one_quote(reports: dict[str, Report]) -> None:
    q = find(reports["direct"], "The talks are over for now")
    assert speaker(q) == "she"
    assert len(q.content.spans) == 2 and "return to the table" in q.content.text


def test_split_quote_is_one_quote_with_two_spans(reports: dict[str, Report]) -> None:
    q = find(reports["direct"], "patient for two years")
    assert q.type == "direct" and speaker(q) == "union leader Tomas Berg"
    assert len(q.content.spans) == 2 and "patience has limits" in q.content.text


def test_multi_sentence_quote(reports: dict[str, Report]) -> None:
    q = find(reports["direct"], "Nobody wants a strike")
    assert "left us no choice" in q.content.text and speaker(q) == "Berg"


def test_continuation_after_he_said_in_same_paragraph(reports: dict[str, Report]) -> None:
    q = find(reports["direct"], "meet again on Friday")
    assert "it is up to them" in q.content.text and speaker(q) == "he"


def test_quote_reopened_in_next_paragraph_continues(reports: dict[str, Report]) -> None:
    q = find(reports["direct"], "cargo is rotting")
    assert "Every day costs the region money" in q.content.text
    assert "Our families are paying the price" in q.content.text
    assert len(q.content.spans) == 3


def test_headings_scare_quotes_and_boilerplate_are_not_quotes(reports: dict[str, Report]) -> None:
    texts = " ".join(q.content.text for q in reports["direct"].quotes)
    assert "Fair deal" not in texts
    assert "final offer" not in texts
    assert "Comments are closed" not in texts


def test_indirect_speech(reports: dict[str, Report]) -> None:
    q = find(reports["direct"], "negotiations with dock workers had collapsed")
    assert q.type == "indirect" and speaker(q) == "Port authority chief Maria Lindqvist"
    assert q.content.text.startswith("that")


def test_beliefs_and_intentions(reports: dict[str, Report]) -> None:
    r = reports["indirect"]
    assert speaker(find(r, "fuel tax should rise")) == "Minister Anna Keller"
    assert speaker(find(r, "a higher tax would hurt")) == "Opposition leaders"
    assert speaker(find(r, "exempt diesel")) == "Farmers"
    wants = [q for q in r.quotes if q.cue and q.cue.lemma == "want"]
    assert wants and speaker(wants[0]) == "The transport minister"


def test_mixed_quote_and_participle_inherits_speaker(reports: dict[str, Report]) -> None:
    r = reports["indirect"]
    said = find(r, "that the budget gap")
    assert said.type == "mixed" and speaker(said) == "Keller"
    assert "spending cuts" not in said.content.text
    adding = find(r, "spending cuts alone")
    assert adding.type == "indirect" and speaker(adding) == "Keller"


def test_trailing_state_media_clause_is_via(reports: dict[str, Report]) -> None:
    q = find(reports["sources"], "must resume without delay")
    assert speaker(q) == "Russian President Vladimir Putin"
    assert q.addressee is not None and q.addressee.text == "his Turkish counterpart"
    assert [(v.text, v.cue.text if v.cue else None) for v in q.via] == [("TASS", "reported")]


def test_told_reuters_is_a_channel_not_an_addressee(reports: dict[str, Report]) -> None:
    q = find(reports["sources"], "constructive and frank")
    assert speaker(q) == "Kremlin spokesman Dmitry Peskov" and q.addressee is None
    assert [v.text for v in q.via] == ["Reuters"]


def test_according_to_state_broadcaster(reports: dict[str, Report]) -> None:
    q = find(reports["sources"], "agreed to meet in Sochi")
    assert speaker(q) == "Erdogan"
    assert q.via and q.via[0].text in ("TRT", "state broadcaster TRT") and q.via[0].cue.text == "according to"
    assert "according to" not in q.content.text


def test_hedges(reports: dict[str, Report]) -> None:
    r = reports["sources"]
    assert find(r, "“hopeful”").hedged  # "reportedly said"
    passive = find(r, "window for diplomacy")
    assert passive.hedged and speaker(passive) == "Erdogan" and passive.type == "direct"
    said_to = find(r, "briefed NATO allies")
    assert said_to.hedged
    assert not find(r, "constructive and frank").hedged


def test_quoted_as_saying(reports: dict[str, Report]) -> None:
    q = find(reports["sources"], "no date has been fixed")
    assert speaker(q) == "Peskov" and [v.text for v in q.via] == ["TASS"]


def test_message_to_addressee(reports: dict[str, Report]) -> None:
    q = find(reports["sources"], "Ankara valued")
    assert speaker(q) == "Erdogan" and q.addressee is not None and q.addressee.text == "Putin"


def test_outlet_alone_is_the_speaker(reports: dict[str, Report]) -> None:
    r = reports["sources"]
    q = find(r, "The ministry plans")
    assert speaker(q) == "TASS" and q.via == []
    un = find(r, "Grain exports through the Black Sea")
    assert speaker(un) == "the United Nations" and un.cue and un.cue.text == "according to"


def test_that_clause_hung_on_the_addressee(reports: dict[str, Report]) -> None:
    q = find(reports["relayed"], "share one destiny")
    assert q.type == "mixed" and q.content.text == "that the two nations “share one destiny”"
    assert speaker(q) == "Kenyan President William Ruto" and q.cue and q.cue.lemma == "tell"
    assert q.addressee is not None and q.addressee.text == "his South African counterpart"
    assert [(v.text, v.cue.text if v.cue else None) for v in q.via] == [("KBC", "reported")]


def test_trailing_outlet_is_via_of_indirect_speech(reports: dict[str, Report]) -> None:
    q = find(reports["relayed"], "rail corridor")
    assert q.type == "indirect" and q.content.text == "that the rail corridor would open next year"
    assert speaker(q) == "Kenyan President William Ruto" and q.cue and q.cue.lemma == "tell"
    assert q.addressee is not None and q.addressee.text == "Ramaphosa"
    assert [(v.text, v.cue.text if v.cue else None) for v in q.via] == [("KBC", "reported")]


def test_content_stops_before_trailing_reporter(reports: dict[str, Report]) -> None:
    q = find(reports["relayed"], "ports would be expanded")
    assert speaker(q) == "Ruto" and [v.text for v in q.via] == ["KBC"]
    assert not q.content.text.endswith("reported") and "KBC" not in q.content.text


def test_passive_quoted_as_saying_takes_the_quote_before(reports: dict[str, Report]) -> None:
    r = reports["relayed"]
    q = find(r, "Ports are only the first step")
    assert q.type == "direct" and speaker(q) == "Ramaphosa" and q.hedged
    assert q.cue is not None and q.cue.text == "was quoted as saying"
    assert "engineers must build" in q.content.text
    assert not [q for q in r.quotes if q.content.text.strip() in ("as saying", "saying")]


def test_no_text_no_quotes(nlp) -> None:  # noqa: ANN001
    assert nlp("")._.sayso_attributions == []
    assert nlp("“")._.sayso_attributions == []
    # cue verbs and stray marks without any content between them: nothing was said
    assert nlp("said said said ” “ ‘ ’")._.sayso_attributions == []
