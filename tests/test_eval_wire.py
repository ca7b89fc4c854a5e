"""The wire scorer on hand-made gold and reports (no model), and the packaged gold's own consistency."""

from __future__ import annotations

import hashlib
import json

import pytest
from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.eval.wire import (
    Cast,
    GoldAttribution,
    GoldStory,
    Named,
    Party,
    ViaLink,
    judge_story,
    normalise_name,
    own_article_text,
    read_gold,
    same_party,
    story_texts,
)
from sayso.eval.wire_scores import WireScores, format_details, format_scores
from sayso.report import Actor, ActorRef, ArticleInfo, Content, Quote, Report, Via

from conftest import SHARED, needs_shared

HELD_OUT = set("8011115 8007739 6205546 6204681 8008152 7750892 8009976 7808748 8008126 8009495 8010842 "
               "6180932".split())

TEXT = (
    '"We will not back down," Dana Kell told reporters on Monday. "Not now, not ever."\n\n'
    "Critics in Ottawa said the plan would fail, according to Reuters.\n\n"
    'The so-called "deal" was signed later.'
)


def span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    s = text.index(part, start)
    return (s, s + len(part))


def party(name: str, kind: str, mention: str | None = None, **kw) -> Party:
    return Party(name, kind, span(TEXT, mention) if mention else None, **kw)


KELL = party("Dana Kell", "person", "Dana Kell", aliases=("Kell",))
CRITICS = party("critics in Ottawa", "group", "Critics in Ottawa", country="CAN")
REPORTERS = party("reporters", "group", "reporters")
REUTERS = Party("Reuters", "media", span(TEXT, "Reuters"))


def gold_story() -> GoldStory:
    atts = (
        GoldAttribution("t-01", "core", "direct", (span(TEXT, '"We will not back down,"'),),
                        span(TEXT, "told"), False, KELL, REPORTERS, (), ()),
        GoldAttribution("t-02", "core", "direct", (span(TEXT, '"Not now, not ever."'),), None, False, KELL,
                        REPORTERS, (), ("continuation",)),
        GoldAttribution("t-03", "core", "indirect", (span(TEXT, "the plan would fail"),), span(TEXT, "said"),
                        False, CRITICS, None, (ViaLink(REUTERS, "outlet"),), ("group",)),
    )
    return GoldStory("t", "own.txt", "dev", hashlib.sha256(TEXT.encode()).hexdigest(), atts)


def ref(actor: str | None, part: str) -> ActorRef:
    return ActorRef(actor, part, span(TEXT, part))


def quote(qid: str, kind: str, parts: list[str], speaker: ActorRef | None, addressee: ActorRef | None = None,
          via: list[Via] | None = None) -> Quote:
    spans = [span(TEXT, p) for p in parts]
    return Quote(qid, kind, Content(" ".join(TEXT[s:e] for s, e in spans), spans), None, speaker, addressee,
                 via or [])


def make_report(quotes: list[Quote], actors: list[Actor]) -> Report:
    return Report(ArticleInfo(hashlib.sha256(TEXT.encode()).hexdigest(), TEXT), actors, quotes)


ACTORS = [
    Actor("a1", "Dana Kell", "person", mentions=[span(TEXT, "Dana Kell")]),
    Actor("a2", "Canada", "country", "CAN", mentions=[span(TEXT, "Critics in Ottawa")]),
    Actor("a3", "Reuters", "media", mentions=[span(TEXT, "Reuters")]),
]


def test_names_are_compared_normalised():
    assert normalise_name("the U.S.") == normalise_name("US") == "us"
    assert normalise_name("Mélanie Joly’s") == "melanie joly"


def test_person_matches_by_alias_and_unambiguous_surname_only():
    rasmussen = Party("Anders Fogh Rasmussen", "person")
    assert same_party(Named("Fogh Rasmussen", "person", ()), rasmussen)
    assert same_party(Named("Secretary Anders Fogh Rasmussen", None, ()), rasmussen)
    jimmy, sebastien = Party("Jimmy Lai", "person"), Party("Sebastien Lai", "person")
    cast = Cast((jimmy, sebastien))
    assert not same_party(Named("Lai", "person", ()), jimmy, cast)
    assert same_party(Named("Lai", "person", ()), jimmy, Cast((jimmy,)))
    assert not same_party(Named("Kadir Has University", "organization", ()), Party("Soli Ozel", "person"))


def test_group_is_found_by_its_mention_but_never_as_a_country():
    mention = span(TEXT, "Critics in Ottawa")
    assert same_party(Named("critics", "group", (mention,)), CRITICS)
    assert same_party(Named("Critics in Ottawa", None, (mention,)), CRITICS)
    assert not same_party(Named("Canada", "country", (mention,)), CRITICS)
    assert not same_party(Named("critics", "group", ((0, 3),)), CRITICS)


def test_a_quote_joining_a_cued_quote_and_its_continuation_matches_both():
    report = make_report([
        quote("q1", "direct", ['"We will not back down,"', '"Not now, not ever."'], ref("a1", "Dana Kell")),
        quote("q2", "indirect", ["the plan would fail"], ref("a2", "Critics in Ottawa"),
              via=[Via("a3", "Reuters", span(TEXT, "Reuters"))]),
    ], ACTORS)
    result = judge_story(gold_story(), report)
    scores = WireScores()
    scores.add(result)
    assert scores.recall == 1.0 and scores.precision == 1.0
    first, second, third = result.judged
    assert first.quote is second.quote and first.speaker_ok and second.speaker_ok
    assert not first.addressee_ok and first.addressee_error == "addressee missing: told reporters / a news conference"
    assert third.speaker_error == "speaker: a country in place of a person, organisation or group"
    assert third.via_found and scores.via_recall.value == 1.0 and scores.via_precision.value == 1.0
    assert scores.speaker.value == pytest.approx(2 / 3)
    assert scores.addressee.value == pytest.approx(1 / 3)
    assert scores.via_kind.n == 0  # reports carry no via kind yet


def test_non_attributions_fragments_misses_and_via_errors_are_counted():
    report = make_report([
        quote("q1", "direct", ['"We will not back down,"'], ref("a1", "Dana Kell"), ref(None, "reporters")),
        quote("q2", "direct", ['"We will not'], ref("a1", "Dana Kell")),  # a fragment of q1's attribution
        quote("q3", "direct", ['"deal"'], None),  # a scare quote
        quote("q4", "indirect", ["the plan would fail"], ref(None, "Critics in Ottawa"),
              via=[Via(None, "Monday", span(TEXT, "Monday"))]),
    ], ACTORS)
    scores = WireScores()
    result = judge_story(gold_story(), report)
    scores.add(result)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.precision == pytest.approx(3 / 4) and scores.strict_precision == pytest.approx(2 / 4)
    assert scores.failures["missed attribution: quote paragraph without a cue"] == 1
    assert scores.failures["reported quote that is no attribution"] == 1
    assert scores.failures["fragment or duplicate of an attribution"] == 1
    assert scores.failures["via missing: outlet"] == 1
    assert scores.failures["via: link given where the text has none"] == 1
    assert scores.addressee.value == 1.0 and scores.speaker.value == 1.0
    assert scores.tag_recall["continuation"].value == 0.0 and scores.tag_speaker["group"].value == 1.0
    assert "NOT AN ATTRIBUTION" in format_details([result]) and "MISSED" in format_details([result])
    assert "via recall" in format_scores(scores, "dev")


def test_via_kind_is_checked_once_reports_carry_it():
    via = Via("a3", "Reuters", span(TEXT, "Reuters"))
    setattr(via, "kind", "platform")  # a report of a later schema, with a wrong kind
    report = make_report([quote("q1", "indirect", ["the plan would fail"], ref(None, "Critics in Ottawa"), via=[via])],
                         ACTORS)
    scores = WireScores()
    scores.add(judge_story(gold_story(), report))
    assert scores.via_kind.n == 1 and scores.via_kind.value == 0.0


def test_packaged_gold_is_consistent():
    stories = read_gold()
    assert {s.split for s in stories} == {"dev", "holdout"}
    assert not HELD_OUT & {s.story for s in stories}
    core = [a for s in stories for a in s.attributions if a.scope == "core"]
    assert len(core) >= 150 and all(a.speaker is not None for a in core)
    for a in (a for s in stories for a in s.attributions):
        assert a.scope in ("core", "extended") and a.type in ("direct", "indirect", "mixed")
        assert all(link.kind in ("outlet", "platform", "statement", "interview", "document") for link in a.via)


def test_own_articles_match_their_gold_offsets():
    stories = [s for s in read_gold() if s.source != "voa"]
    texts, warnings = story_texts(stories, "/nonexistent/voa.jsonl")
    assert not warnings and set(texts) == {s.story for s in stories}
    for s in stories:
        text = texts[s.story]
        assert own_article_text(s.source) == text and not text.startswith("#")
        for a in s.attributions:
            for start, end in a.content:
                assert 0 <= start < end <= len(text) and text[start:end].strip() == text[start:end]


def test_missing_voa_file_is_one_warning_and_own_articles_still_count():
    texts, warnings = story_texts(read_gold(), "/nonexistent/voa.jsonl")
    assert len(warnings) == 1 and "VOA stories not readable" in warnings[0]
    assert texts and all(k.startswith("wire-") for k in texts)


@needs_shared
def test_voa_gold_offsets_index_the_shared_texts():
    voa_path = SHARED / "data" / "voa" / "voa_stories.jsonl"
    stories = [s for s in read_gold() if s.source == "voa"]
    texts, warnings = story_texts(stories, voa_path)
    assert not warnings and len(texts) == len(stories)
    for s in stories:
        text = texts[s.story]
        for a in s.attributions:
            for start, end in (*a.content, *([a.cue] if a.cue else [])):
                assert 0 <= start < end <= len(text) and text[start:end].strip() == text[start:end]


def test_cli_rejects_an_unknown_split():
    result = CliRunner().invoke(app, ["eval", "wire", "--split", "test"])
    assert result.exit_code == 2 and "--split must be one of" in result.output


def test_cli_reports_an_unreadable_gold_in_one_line(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"story": "x"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "wire", "--gold", str(bad)])
    assert result.exit_code == 1 and "cannot read the wire gold" in result.output
    assert "Traceback" not in result.output
