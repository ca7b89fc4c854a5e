"""``sayso eval wire`` end to end on the five articles written for the gold (needs the model, not ../shared).

The floors sit a little under the figures of the code this scorer was written against (own articles,
all splits: recall 0.979, precision 0.991, speaker 0.826, addressee 0.848), so a change that breaks who said
what to whom on plain wire copy fails here before it reaches the VOA figures."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.eval.wire_scores import evaluate

from conftest import needs_model

NO_VOA = "/nonexistent/voa_stories.jsonl"


@needs_model
def test_own_articles_are_scored_without_shared():
    scores, results, warnings = evaluate("all", voa_path=NO_VOA)
    assert len(results) == 5 and len(warnings) == 1
    assert scores.gold_core >= 90 and scores.predicted > 0
    assert scores.recall >= 0.90
    assert scores.precision >= 0.90
    assert scores.speaker.value >= 0.75
    assert scores.addressee.value >= 0.75
    assert scores.via_recall.n >= 25


@needs_model
def test_cli_prints_json_and_one_line_for_the_missing_voa_file():
    result = CliRunner().invoke(app, ["eval", "wire", "--split", "holdout", "--voa", NO_VOA, "--json"])
    assert result.exit_code == 0, result.output
    assert "VOA stories not readable" in result.output
    payload = json.loads(result.output[result.output.index("{"):])
    assert payload["stories"] == 2 and payload["measures"]["recall"]["n"] > 20
