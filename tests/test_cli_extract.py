"""``sayso extract`` as a user meets it: formats, stdin, bad input, several inputs, missing model."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES, needs_model
from typer.testing import CliRunner

from sayso.cli.main import app

runner = CliRunner()
ARTICLE = str(FIXTURES / "modi-lula-summit.txt")


@needs_model
def test_json_for_one_input_jsonl_for_several(tmp_path) -> None:
    one = runner.invoke(app, ["extract", ARTICLE, "--published", "2024-05-07"])
    assert one.exit_code == 0, one.output
    report = json.loads(one.stdout)
    assert report["schema"] == "sayso/1" and report["article"]["published"] == "2024-05-07"
    two = runner.invoke(app, ["extract", ARTICLE, ARTICLE])
    assert two.exit_code == 0
    lines = two.stdout.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["article"]["path"] == ARTICLE for line in lines)


@needs_model
def test_table_format_names_the_columns() -> None:
    result = runner.invoke(app, ["extract", ARTICLE, "--format", "table"])
    assert result.exit_code == 0
    assert "speaker" in result.stdout and "addressee" in result.stdout


@needs_model
def test_stdin() -> None:
    result = runner.invoke(app, ["extract", "-"], input="“We will win,” the minister said on Friday.\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["path"] is None


@needs_model
def test_bad_inputs_do_not_stop_the_good_ones(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("“Ça suffit,” said the mayor of Orléans on Monday.".encode("cp1252"))
    result = runner.invoke(app, ["extract", str(empty), str(binary), str(tmp_path / "missing.txt"), str(latin1), ARTICLE])
    assert result.exit_code == 1
    reports = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [r["article"]["path"] for r in reports] == [str(latin1), ARTICLE]
    assert any("read as cp1252" in w for w in reports[0]["article"]["warnings"])
    assert reports[0]["article"]["text"].startswith("“Ça suffit,”")  # Windows-1252 quotes kept, not U+FFFD
    assert "empty input" in result.stderr and "binary" in result.stderr and "missing.txt" in result.stderr
    assert "3 input(s) failed" in result.stderr
    assert "Traceback" not in result.output


@needs_model
def test_awkward_texts_give_reports_not_tracebacks() -> None:
    import sayso

    for text in ["No quotes in this sentence at all.", "He said “this never closes. And then", "”Backwards“ marks",
                 "Der Bundeskanzler sagte am Montag, dass die Regierung die Lage genau beobachte und handeln werde."]:
        report = sayso.extract(text)
        assert report.article.text == text
    german = sayso.extract("Der Bundeskanzler sagte am Montag, dass die Regierung die Lage genau beobachte und handeln werde.")
    assert any("not look like English" in w for w in german.article.warnings)


@needs_model
def test_long_text_is_parsed_in_chunks_with_offsets_intact(monkeypatch) -> None:
    import sayso
    from sayso import nlp as nlp_module
    from sayso.report import offset_errors

    monkeypatch.setattr(nlp_module, "MAX_CHUNK_CHARS", 3_000)
    text = (FIXTURES / "modi-lula-summit.txt").read_text(encoding="utf-8") * 4
    report = sayso.extract(text)
    assert report.article.text == text and offset_errors(report) == []


def test_missing_model_is_one_line_and_exit_2(tmp_path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sayso.cli.main", "extract", ARTICLE],
        capture_output=True, text=True, env={"SAYSO_MODEL": "no_such_model_pkg", "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert "no_such_model_pkg" in out.stderr and "requirements-model.txt" in out.stderr


@needs_model
def test_extract_many_keeps_order_across_processes() -> None:
    import sayso

    texts = [f"“Item {i} is ready,” the spokesman for company number {i} said." for i in range(7)]
    reports = list(sayso.extract_many(texts, n_process=2, batch_size=2))
    assert [r.article.text for r in reports] == texts
