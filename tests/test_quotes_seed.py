"""The flagship article (../shared/seed, skipped when absent): who said what, to whom, via whom."""

from __future__ import annotations


from conftest import needs_model, needs_shared
from sayso.report import Quote, Report, offset_errors

pytestmark = [needs_model, needs_shared]


def find(report: Report, words: str) -> Quote:
    hits = [q for q in report.quotes if words in q.content.text]
    assert len(hits) == 1, f"{len(hits)} quotes hold {words!r}"
    return hits[0]


def spk(q: Quote) -> str | None:
    return q.speaker.text if q.speaker else None


def vias(q: Quote) -> list[str]:
    return [v.text for v in q.via]


def test_offsets(seed_report: Report) -> None:
    assert offset_errors(seed_report) == []


def test_xi_told_putin_according_to_cctv(seed_report: Report) -> None:
    q = find(seed_report, "Your re-election fully reflects")
    assert q.type == "direct" and spk(q) == "Xi"
    assert q.addressee is not None and q.addressee.text == "Putin"
    assert vias(q) and vias(q)[0] in ("CCTV", "state broadcaster CCTV")
    assert q.via[0].cue is not None and q.via[0].cue.text == "according to"


def test_lead_via_beijing_state_media(seed_report: Report) -> None:
    q = find(seed_report, "fully reflects the support of the Russian people”")
    assert spk(q) in ("Xi Jinping", "Chinese President Xi Jinping", "Xi")
    assert q.addressee is not None and q.addressee.text == "his Russian counterpart"
    assert vias(q) == ["Beijing’s state media"]


def test_reportedly_is_hedged(seed_report: Report) -> None:
    q = find(seed_report, "In recent years")
    assert spk(q) == "Xi" and q.hedged and q.type == "direct"


def test_pronoun_speaker_resolves_to_xi(seed_report: Report) -> None:
    q = find(seed_report, "I believe that under your leadership")
    assert spk(q) == "he" and q.type == "direct"
    assert q.speaker is not None
    actor = seed_report.actor(q.speaker.actor)
    assert actor is not None and actor.name == "Xi Jinping"


def test_putin_via_tass_mixed(seed_report: Report) -> None:
    q = find(seed_report, "sure that in the coming years")
    assert spk(q) == "Putin" and q.type == "mixed" and vias(q) == ["TASS"]


def test_putin_reported_as_saying_and_split_continuation(seed_report: Report) -> None:
    q = find(seed_report, "The most important thing")
    assert spk(q) == "Putin" and q.hedged and "This creates a very good tone" in q.content.text
    q = find(seed_report, "The structure of China’s economy")
    assert spk(q) == "he" and "We face exactly the same tasks" in q.content.text
    assert len(q.content.spans) == 2


def test_chinese_leader_mixed(seed_report: Report) -> None:
    q = find(seed_report, "political mutual trust")
    assert spk(q) == "The Chinese leader" and q.type == "mixed"


def test_indirect_speech(seed_report: Report) -> None:
    q = find(seed_report, "China’s equivocation")
    assert q.type == "indirect" and spk(q) == "Western countries"
    q = find(seed_report, "met with Putin 42 times")
    assert q.type == "indirect" and spk(q) == "Xi"


def test_no_quotes_from_headings_or_boilerplate(seed_report: Report) -> None:
    for q in seed_report.quotes:
        assert "Build up’ relations" not in q.content.text
        assert not q.content.text.startswith("‘")  # ‘Build up’, ‘Dear friend’, ‘Fully Reflects’
        assert "Comments are closed" not in q.content.text
    assert not any(q.content.text == "“dear friend”" for q in seed_report.quotes)
