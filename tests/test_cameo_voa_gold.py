"""The VOA gold set: offsets + hashes only in the repository, text joined from ../shared at load time."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED, needs_shared
from sayso.errors import InputError
from sayso.eval.events import PLOVER_TYPES
from sayso.eval.voa_gold import gold_records, read_voa_gold

VOA = SHARED / "data" / "voa" / "voa_stories.jsonl"
HELD_OUT = set("8011115 8007739 6205546 6204681 8008152 7750892 8009976 7808748 8008126 8009495 8010842 6180932".split())


def test_gold_file_holds_no_text_and_valid_labels():
    records = gold_records()
    assert len(records) >= 150
    assert {r["split"] for r in records} == {"dev", "holdout"}
    for rec in records:
        assert "text" not in rec and len(rec["sha256"]) == 64
        assert rec["story"] not in HELD_OUT
        for ev in rec["events"]:
            assert ev["type"] in PLOVER_TYPES
    stories_by_split = {s: {r["story"] for r in records if r["split"] == s} for s in ("dev", "holdout")}
    assert not stories_by_split["dev"] & stories_by_split["holdout"]  # split by story, no leakage
    assert sum(1 for r in records if not r["events"]) >= 30  # sentences with no event are part of the set


@needs_shared
def test_gold_joins_the_voa_text():
    sentences = read_voa_gold(VOA)
    assert len(sentences) == len(gold_records())
    assert all(s.text.strip() for s in sentences)
    assert sum(len(s.events) for s in sentences) > 100


def test_a_changed_story_is_refused(tmp_path):
    record = gold_records()[0]
    fake = tmp_path / "voa.jsonl"
    fake.write_text(json.dumps({"id": record["story"], "text": "x" * (record["end"] + 5)}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="does not match"):
        read_voa_gold(fake)


def test_disagreement_judgments_hold_labels_only():
    from importlib import resources

    text = resources.files("sayso.eval").joinpath("data", "events-voa-disagreements.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) >= 50
    for row in rows:
        assert "text" not in row and row["story"] not in HELD_OUT and len(row["sha256"]) == 64
        allowed = {"rules", "dictionary", "neither"} if row["kind"] == "type" else {"right", "wrong"}
        assert row["verdict"] in allowed
    holdout_stories = {r["story"] for r in gold_records() if r["split"] == "holdout"}
    assert not holdout_stories & {r["story"] for r in rows}  # judged away from the scored holdout
