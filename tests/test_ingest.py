"""``sayso ingest`` end to end: formats, idempotence, errors table, exit codes, kill -9 and rerun,
a locked database, and the read-only store commands."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import needs_model
from test_read_formats import PAGE, _warc
from typer.testing import CliRunner

from sayso.cli.main import app
from sayso.errors import StoreError
from sayso.store import connect

runner = CliRunner()

STORIES = [
    "MANILA, March 4 - The Philippine coast guard said on Monday that a Chinese vessel had fired water cannon "
    "at a supply boat near the Second Thomas Shoal. \"This was a dangerous act,\" spokesman Jay Tarriela told "
    "reporters.",
    "NAIROBI, March 5 - Kenya's central bank kept its main lending rate at 13 percent on Tuesday, saying "
    "inflation was easing, governor Kamau Thugge said.",
    "OTTAWA, March 6 - Canada will send 20 more military trainers to Latvia, Defence Minister Bill Blair "
    "said on Wednesday, according to the Canadian Press.",
]


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i, text in enumerate(STORIES[:2]):
        (folder / f"s{i}.txt").write_text(text, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    lines = [json.dumps({"text": STORIES[2], "url": "https://cp.example/x", "published": "2024-03-06"}),
             "{broken json", json.dumps({"title": "no text"})]
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01" * 200)
    _warc(folder)  # two HTML responses: one the same page as page.html, one a near-duplicate of it
    return folder


def _sayso(*args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sayso.cli.main", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


@needs_model
def test_ingest_stores_each_article_once_and_records_failures(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    db = str(tmp_path / "s.duckdb")
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--no-progress"])
    assert first.exit_code == 1, first.output  # some inputs failed
    assert "ingested 5 (of them 1 linked" in first.output and "duplicates skipped 1" in first.output
    assert "failed 3" in first.output
    second = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--no-progress"])
    assert "ingested 0" in second.output and "duplicates skipped 6" in second.output
    con = connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT key) FROM articles").fetchone() == (5, 5)
        warc = con.execute("SELECT url, fetched, story_id FROM articles WHERE url LIKE '%harbour.example/b'").fetchone()
        # the walk is sorted: crawl.warc.gz comes before page.html, which is then the skipped duplicate
        page = con.execute("SELECT story_id FROM articles WHERE url = 'https://harbour.example/a'").fetchone()
        assert warc[:2] == ("https://harbour.example/b", "2024-06-12") and warc[2] == page[0]
        reasons = [r[0] for r in con.execute("SELECT reason FROM errors ORDER BY id").fetchall()]
        assert len(reasons) == 6  # 3 failures, logged by each of the two runs
        assert any("not JSON" in r for r in reasons) and any("binary" in r for r in reasons)
        jsonl = con.execute("SELECT url, published, outlet FROM articles WHERE path LIKE '%feed.jsonl:1'").fetchone()
        assert jsonl == ("https://cp.example/x", "2024-03-06", "cp.example")
    finally:
        con.close()


@needs_model
def test_kill_9_mid_ingest_then_rerun_stores_everything_once(tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    n = 240
    for i in range(n):
        (corpus / f"a{i:04d}.txt").write_text(
            f"Town {i} council said on Monday it would spend {i + 3} million on roads, the mayor told reporters. "
            f"Residents of district {i * 7} welcomed the plan.", encoding="utf-8")
    db = tmp_path / "crash.duckdb"
    args = [sys.executable, "-m", "sayso.cli.main", "ingest", str(corpus), "--db", str(db), "--no-progress",
            "--write-batch", "8"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(str(db) + ".wal")
    deadline = time.time() + 90
    while time.time() < deadline and proc.poll() is None:  # wait until batches are being committed
        if wal.exists() and wal.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("ingest finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = connect(str(db))
    stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 0 < stored_before < n
    rerun = _sayso("ingest", str(corpus), "--db", str(db), "--no-progress", "--write-batch", "8", timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"duplicates skipped {stored_before}" in rerun.stderr
    con = connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT key), count(DISTINCT path) FROM articles").fetchone() == (n, n, n)
        dup_rows = con.execute("SELECT count(*) FROM (SELECT article_id, local_id FROM quotes GROUP BY ALL"
                               " HAVING count(*) > 1)").fetchone()[0]
        assert dup_rows == 0
        orphans = con.execute("SELECT count(*) FROM article_minhash m ANTI JOIN articles a ON a.id = m.article_id").fetchone()[0]
        assert orphans == 0
    finally:
        con.close()


def test_a_database_locked_by_another_writer_is_a_clear_error(tmp_path):
    db = tmp_path / "locked.duckdb"
    connect(str(db)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another process"):
            connect(str(db))
        result = _sayso("ingest", str(tmp_path), "--db", str(db), "--no-progress")
        assert result.returncode == 1 and "locked by another process" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()


def _store_with_summit(tmp_path) -> str:
    from store_fixtures import summit_report

    from sayso.store import store_reports

    db = str(tmp_path / "q.duckdb")
    con = connect(db)
    store_reports(con, [summit_report("Daily Planet"), summit_report("Wire Two", lead="Updated. ")])
    con.close()
    return db


def test_query_commands_read_the_store(tmp_path, monkeypatch):
    db = _store_with_summit(tmp_path)
    monkeypatch.setenv("SAYSO_DB", db)  # every store command honours SAYSO_DB
    quotes = runner.invoke(app, ["quotes", "--speaker", "President Lula", "--state-media-only", "--format", "json"])
    assert quotes.exit_code == 0, quotes.output
    rows = json.loads(quotes.stdout)
    assert len(rows) == 2 and {r["via"][0]["name"] for r in rows} == {"Agencia Brasil"}
    csv_out = runner.invoke(app, ["quotes", "--text", "wait", "--format", "csv"])
    assert csv_out.stdout.splitlines()[0] == "published,outlet,speaker,addressee,via,text"
    actors = runner.invoke(app, ["actors", "--type", "person", "--format", "json"])
    assert json.loads(actors.stdout)[0]["name"] == "Luiz Inacio Lula da Silva"
    sources = runner.invoke(app, ["sources", "--speaker", "Lula", "--format", "json"])
    assert json.loads(sources.stdout)[0]["state_media"] == 2
    bad_date = runner.invoke(app, ["quotes", "--since", "May 2024"])
    assert bad_date.exit_code == 2


def test_sql_is_read_only_and_export_writes_every_table(tmp_path):
    db = _store_with_summit(tmp_path)
    ok = _sayso("sql", "SELECT count(*) AS n FROM quotes", "--db", db, "--format", "csv")
    assert ok.returncode == 0 and ok.stdout.split() == ["n", "4"]
    refused = _sayso("sql", "DELETE FROM quotes", "--db", db)
    assert refused.returncode == 1 and "read-only" in refused.stderr and "Traceback" not in refused.stderr
    secret = tmp_path / "secret.csv"
    secret.write_text("token\nhunter2\n", encoding="utf-8")
    for query in (f"SELECT * FROM read_csv('{secret}')", f"SELECT * FROM glob('{tmp_path}/*')",
                  f"SELECT * FROM read_text('{secret}')"):
        outside = _sayso("sql", query, "--db", db)  # the store is readable, no other file is
        assert outside.returncode == 1 and "hunter2" not in outside.stdout, query
        assert "disabled by configuration" in outside.stderr and "Traceback" not in outside.stderr, outside.stderr
    missing = _sayso("quotes", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1 and "no such database" in missing.stderr
    out = tmp_path / "out"
    assert runner.invoke(app, ["export", "--format", "parquet", "--out", str(out), "--db", db]).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out / "quotes.parquet").num_rows == 4
    assert pq.read_table(out / "events.parquet").num_rows == 2
    assert runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", db]).exit_code == 0
    from sayso.report import Report

    reports = [Report.from_dict(json.loads(line)) for line in (out / "reports.jsonl").read_text().splitlines()]
    assert [r.article.outlet for r in reports] == ["Daily Planet", "Wire Two"]
    assert runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--db", db]).exit_code == 0
    assert (out / "articles.csv").read_text().startswith("id,key,num")


def test_a_folder_of_thousands_of_small_files_streams(tmp_path):
    from sayso.read import iter_articles

    folder = tmp_path / "small"
    folder.mkdir()
    for i in range(3000):
        (folder / f"{i:05d}.txt").write_text(f"Note {i}: the river rose {i} cm overnight, officials said.")
    (folder / "00042.txt").write_bytes(b"")
    items = iter_articles([str(folder)])
    first = next(items)
    assert first.path.endswith("00000.txt")
    rest = list(items)
    assert len(rest) == 2999 and sum(not hasattr(i, "text") for i in rest) == 1
