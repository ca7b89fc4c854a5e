"""Issue 12's reproducers, end to end through the API and the CLI: a lone surrogate, a cut WARC, an
empty directory. Each one used to stop a run, print nothing, or store a cut article."""

from __future__ import annotations

import json

from conftest import needs_model
from test_read_formats import PAGE, _warc_record, _write
from typer.testing import CliRunner

import sayso
from sayso.cli.main import app
from sayso.report import offset_errors, validate
from sayso.store import connect

runner = CliRunner()

SURROGATE_LINES = "\n".join([
    json.dumps({"text": "The mayor said the bridge would reopen in May."}),
    '{"text": "He said \\ud83d \\"we will win\\", the coach told reporters."}',
    json.dumps({"text": "The minister said taxes would fall next year, officials said."}),
]) + "\n"


@needs_model
def test_extract_api_on_lone_surrogates_gives_a_valid_report():
    report = sayso.extract("\ud800")
    assert report.article.text == "\ufffd" and any("surrogate" in w for w in report.article.warnings)
    validate(report)
    text = 'He said \ud83d "hi", the coach told reporters.'
    report = sayso.extract(text)
    assert report.article.text == text.replace("\ud83d", "\ufffd") and offset_errors(report) == []
    assert report.article.id == sayso.Article(text=report.article.text).id


@needs_model
def test_extract_cli_prints_every_report_past_a_surrogate(tmp_path):
    path = _write(tmp_path / "s.jsonl", SURROGATE_LINES)
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == 3
    assert any("surrogate" in w for w in reports[1]["article"]["warnings"])
    assert "\ufffd" in reports[1]["article"]["text"]


@needs_model
def test_ingest_stores_the_surrogate_record_with_a_warning_and_the_records_after_it(tmp_path):
    path = _write(tmp_path / "s.jsonl", SURROGATE_LINES)
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "ingested 3" in result.output and "failed 0" in result.output
    con = connect(db, read_only=True)
    try:
        rows = con.execute("SELECT path, warnings FROM articles ORDER BY path").fetchall()
    finally:
        con.close()
    assert [r[0].rsplit(":", 1)[1] for r in rows] == ["1", "2", "3"]
    assert any("surrogate" in w for w in rows[1][1]) and not rows[0][1] and not rows[2][1]


@needs_model
def test_a_cut_warc_stores_no_cut_article_and_the_whole_one_later_adds_no_second_story(tmp_path):
    records = [_warc_record("response", "https://h.example/a", PAGE.encode(), rec=1),
               _warc_record("response", "https://h.example/b", PAGE.replace("three", "four").encode(), rec=2)]
    whole = b"".join(records)
    (tmp_path / "cut").mkdir()
    cut = _write(tmp_path / "cut" / "crawl.warc", whole[: len(whole) - 400])
    db = str(tmp_path / "w.duckdb")
    first = runner.invoke(app, ["ingest", str(cut), "--db", db, "--no-progress"])
    assert first.exit_code == 1 and "ingested 1" in first.output
    assert "is cut" in first.output and "00000000-0000-0000-0000-000000000002" in first.output
    (tmp_path / "whole").mkdir()
    second = runner.invoke(app, ["ingest", str(_write(tmp_path / "whole" / "crawl.warc", whole)), "--db", db,
                                 "--no-progress"])
    assert second.exit_code == 0 and "ingested 1" in second.output and "duplicates skipped 1" in second.output
    con = connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        assert con.execute("SELECT count(*) FROM articles WHERE text LIKE '%four Black Sea%'").fetchone() == (1,)
    finally:
        con.close()


def test_an_empty_directory_is_said_and_fails_like_a_missing_path(tmp_path):
    (tmp_path / "empty").mkdir()
    for command in (["extract"], ["ingest", "--db", str(tmp_path / "e.duckdb"), "--no-progress"]):
        empty = runner.invoke(app, [*command, str(tmp_path / "empty")])
        missing = runner.invoke(app, [*command, str(tmp_path / "nope")])
        assert empty.exit_code == missing.exit_code == 1, (empty.output, missing.output)
        assert "no article files" in empty.output
