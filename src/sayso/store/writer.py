"""The one writer: a batch of reports goes in as one transaction (all of it or none of it), so a
``kill -9`` mid-ingest leaves only whole articles behind and the rerun skips them by key.

Rows go in through Arrow tables (one INSERT per table per batch), not row-by-row ``executemany``, which
DuckDB runs slowly. A batch that fails is retried one article at a time so one bad report costs only
itself (it lands in ``errors``).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

import duckdb
import pyarrow as pa

from sayso.read.article import ReadError
from sayso.report import Report
from sayso.sink import BatchResult, StoredReport
from sayso.store.keys import article_key
from sayso.store.neardup import THRESHOLD, Fingerprint, fingerprint, similarity
from sayso.store.rows import Rows, report_rows, story_id_for
from sayso.store.tables import TABLES

log = logging.getLogger(__name__)

# Every table but errors is written in one transaction per batch, in the order of the description.
BATCH_TABLES = tuple(name for name in TABLES if name != "errors")
_IGNORE_DUPLICATES = {"actors", "actor_aliases"}  # canonical rows shared by many articles


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    if table in _IGNORE_DUPLICATES:
        key = ("id",) if table == "actors" else ("actor_id", "alias")
        unique: dict[tuple, dict] = {}
        for r in rows:  # a person's row that knows the country wins over one that does not
            k = tuple(r[c] for c in key)
            if k not in unique or (table == "actors" and unique[k]["country"] is None):
                unique[k] = r
        rows = list(unique.values())
    data = pa.Table.from_pylist(rows, schema=TABLES[table].arrow_schema())
    con.register("_sayso_rows", data)
    try:
        names = ", ".join(f'"{c}"' for c in data.column_names)
        if table == "actors":  # learn a person's country from a later article that states it
            con.execute(f"INSERT INTO actors ({names}) SELECT {names} FROM _sayso_rows "
                        "ON CONFLICT (id) DO UPDATE SET country = COALESCE(actors.country, excluded.country)")
        else:
            verb = "INSERT OR IGNORE INTO" if table in _IGNORE_DUPLICATES else "INSERT INTO"
            con.execute(f"{verb} {table} ({names}) SELECT {names} FROM _sayso_rows")
    finally:
        con.unregister("_sayso_rows")


class StoreWriter:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def known_keys(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        rows = self.con.execute("SELECT key FROM articles WHERE key IN (SELECT unnest(?::VARCHAR[]))", [keys]).fetchall()
        return {r[0] for r in rows}

    def _stories(self, fps: list[Fingerprint]) -> tuple[dict[str, int], int]:
        """Story id per new article: the story of its most similar stored (or earlier in-batch) article,
        or a new story of its own."""
        all_buckets = sorted({b for fp in fps for b in fp.buckets})
        stored: dict[str, tuple[list[int], int]] = {}
        by_bucket: dict[int, set[str]] = defaultdict(set)
        if all_buckets:
            rows = self.con.execute(
                "SELECT l.bucket, l.article_id, m.signature, a.story_id FROM lsh_buckets l"
                " JOIN article_minhash m ON m.article_id = l.article_id JOIN articles a ON a.id = l.article_id"
                " WHERE l.bucket IN (SELECT unnest(?::BIGINT[]))", [all_buckets]).fetchall()
            for bucket, art_id, sig, story in rows:
                by_bucket[bucket].add(art_id)
                stored[art_id] = (list(sig), story)
        result: dict[str, int] = {}
        linked = 0
        for fp in fps:
            best, best_sim = None, THRESHOLD
            for cand in {c for b in fp.buckets for c in by_bucket.get(b, ())}:
                sim = similarity(fp.signature, stored[cand][0])
                if sim >= best_sim:
                    best, best_sim = cand, sim
            if best is not None:
                result[fp.article_id] = stored[best][1]
                linked += 1
            else:
                result[fp.article_id] = story_id_for(fp.article_id)
            stored[fp.article_id] = (fp.signature, result[fp.article_id])
            for b in fp.buckets:
                by_bucket[b].add(fp.article_id)
        return result, linked

    def _rows(self, items: list[StoredReport]) -> tuple[Rows, int]:
        fps = [fingerprint(it.report.article.id, it.report.article.text) for it in items]
        stories, linked = self._stories(fps)
        rows: Rows = defaultdict(list)
        for it, fp in zip(items, fps):
            art_id = it.report.article.id
            story = stories[art_id]
            for table, table_rows in report_rows(it.report, fetched=it.fetched, story_id=story).items():
                rows[table].extend(table_rows)
            if story == story_id_for(art_id):
                rows["stories"].append({"id": story, "first_article": art_id})
            rows["article_minhash"].append({"article_id": art_id, "signature": fp.signature})
            rows["lsh_buckets"].extend({"bucket": b, "article_id": art_id} for b in fp.buckets)
        return rows, linked

    def _write(self, items: list[StoredReport], result: BatchResult) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            keys = [article_key(it.report.article.text) for it in items]
            known = self.known_keys(keys)
            fresh: list[StoredReport] = []
            seen: set[str] = set()
            for it, key in zip(items, keys):
                if key in known or key in seen:
                    result.duplicates += 1
                    continue
                seen.add(key)
                fresh.append(it)
            rows, linked = self._rows(fresh)
            for table in BATCH_TABLES:
                _insert(self.con, table, rows.get(table, []))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        result.stored.extend(it.report.article.id for it in fresh)
        result.linked += linked

    def write_batch(self, items: list[StoredReport]) -> BatchResult:
        """Store new reports (duplicates by key are skipped); never raises for one bad report."""
        result = BatchResult()
        if not items:
            return result
        try:
            self._write(items, result)
            return result
        except duckdb.Error as exc:
            if len(items) == 1:
                art = items[0].report.article
                log.warning("cannot store %s: %s", art.path or art.id[:12], exc)
                result.failed.append(ReadError(art.path or art.id, f"cannot store: {exc}"))
                return result
        for it in items:  # the batch failed: find the culprit, keep the rest
            one = self.write_batch([it])
            result.stored += one.stored
            result.duplicates += one.duplicates
            result.linked += one.linked
            result.failed += one.failed
        return result

    def write_errors(self, errors: Iterable[ReadError]) -> None:
        rows = [{"path": e.path, "record": e.record, "reason": e.reason} for e in errors]
        if rows:
            _insert(self.con, "errors", rows)


def store_reports(con: duckdb.DuckDBPyConnection, reports: Iterable[Report]) -> BatchResult:
    """Store hand-built or extracted reports in one batch (tests, the web view's "save")."""
    return StoreWriter(con).write_batch([StoredReport(r) for r in reports])
