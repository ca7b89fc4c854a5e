"""The quote search index: every stored quote, joined once and sorted newest first, held in memory as an
Arrow table (what a result line shows) plus numpy arrays (what filters read).

Why not a SQL query per search: over a million quotes each search would join ``quotes`` with ``articles``
(the date orders and filters) and ``quote_sources`` (the chain), then sort: 10-100 ms of CPU a request
on this 2-core machine, far from 200 requests/s. Here the joins and the sort happen once, when the
database file is opened; a search narrows row numbers with posting lists (speaker, addressee: a
``searchsorted`` into an argsort) and vectorised masks (dates, state media, outlet, chain), matches words
only on the rows left, and ``take``s the page's rows from the Arrow table. Row number = rank, newest
first, so a candidate list kept sorted is already in page order.

Memory: twice the quotes' text (as written, and lower-cased for word search), ~200 bytes a quote, and
4 bytes per word of text for the word postings.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sayso.web.params import QuoteQuery

Resolve = Callable[[str], list[int]]

# What a search returns for each quote, in this order.
COLUMNS = ("article_id", "quote_id", "type", "text", "hedged", "n_via", "via_state_media", "state_media_only",
           "cue", "start_char", "speaker_id", "speaker", "addressee_id", "addressee", "published", "title",
           "outlet", "via")

_ROWS = """
WITH links AS (
    SELECT s.article_id, s.item_id,
           list(s.actor_id ORDER BY s.ord) FILTER (WHERE s.actor_id IS NOT NULL) AS via_ids,
           list({'id': s.actor_id, 'name': coalesce(x.name, s.text), 'state_media': coalesce(x.state_media, false),
                 'cue': s.cue_text} ORDER BY s.ord) AS via,
           bool_and(coalesce(x.state_media, false)) AS all_state_media
    FROM corpus.quote_sources s LEFT JOIN corpus.actors x ON x.id = s.actor_id
    GROUP BY s.article_id, s.item_id
)
SELECT q.article_id, q.local_id AS quote_id, q.type, q.content_text AS text, q.hedged, q.n_via,
       q.via_state_media, coalesce(l.all_state_media, false) AS state_media_only, q.cue_text AS cue,
       q.start_char, q.speaker_actor_id AS speaker_id, coalesce(sa.name, q.speaker_text) AS speaker,
       q.addressee_actor_id AS addressee_id, coalesce(aa.name, q.addressee_text) AS addressee,
       a.published, a.title, a.outlet, CAST(to_json(coalesce(l.via, [])) AS VARCHAR) AS via,
       coalesce(l.via_ids, []) AS via_ids,
       coalesce(TRY_CAST(replace(a.published, '-', '') AS INTEGER), -1) AS day
FROM corpus.quotes q
JOIN corpus.articles a ON a.id = q.article_id
LEFT JOIN links l ON l.article_id = q.article_id AND l.item_id = q.local_id
LEFT JOIN corpus.actors sa ON sa.id = q.speaker_actor_id
LEFT JOIN corpus.actors aa ON aa.id = q.addressee_actor_id
ORDER BY day DESC, a.num DESC, q.ord
"""


class _Postings:
    """Row numbers per id: an argsort of the id column, cut by ``searchsorted``."""

    def __init__(self, ids: np.ndarray) -> None:
        self.order = np.argsort(ids, kind="stable")
        self.keys = ids[self.order]

    def rows(self, ids: list[int]) -> np.ndarray:
        parts = []
        for i in ids:
            lo = int(np.searchsorted(self.keys, i, side="left"))
            hi = int(np.searchsorted(self.keys, i, side="right"))
            parts.append(self.order[lo:hi])
        if not parts:
            return np.empty(0, dtype=np.int64)
        # the stable argsort keeps each id's rows ascending; several ids need one merge
        return parts[0] if len(parts) == 1 else np.unique(np.concatenate(parts))


_TOKEN_BREAK = r"[^\pL\pN_]+"  # words are runs of letters, digits and underscores


def tokens(text: str) -> list[str]:
    """A search word cut the way the index cuts the quotes ("ship," -> ["ship"])."""
    found = pc.split_pattern_regex(pa.array([text.lower()]), _TOKEN_BREAK)[0].as_py()
    return [t for t in found if t]


class _Words:
    """Which rows contain a word: the vocabulary of the lower-cased quotes and, per word, its rows.

    A search word matches every vocabulary entry containing it ("elect" -> election, elected), so
    word search keeps substring semantics within words while reading only the rows that match."""

    def __init__(self, lower: pa.ChunkedArray, size: int) -> None:
        split = pc.split_pattern_regex(lower, _TOKEN_BREAK).combine_chunks()
        row_of = np.repeat(np.arange(size, dtype=np.int32), np.diff(split.offsets.to_numpy()))
        encoded = split.flatten().dictionary_encode()
        codes = encoded.indices.to_numpy(zero_copy_only=False)
        order = np.argsort(codes, kind="stable")
        self.rows = row_of[order]  # grouped by word, ascending within a word
        self.bounds = np.searchsorted(codes[order], np.arange(len(encoded.dictionary) + 1))
        self.vocab = encoded.dictionary

    def estimate(self, token: str) -> tuple[np.ndarray, int]:
        """The vocabulary entries containing ``token`` and how many postings they hold."""
        codes = np.flatnonzero(pc.match_substring(self.vocab, token).fill_null(False).to_numpy(zero_copy_only=False))
        return codes, int((self.bounds[codes + 1] - self.bounds[codes]).sum())

    def rows_of(self, codes: np.ndarray) -> np.ndarray:
        parts = [self.rows[self.bounds[c]:self.bounds[c + 1]] for c in codes]
        if not parts:
            return np.empty(0, dtype=np.int64)
        found = np.concatenate(parts).astype(np.int64)
        if len(parts) > 1:
            return np.unique(found)
        return found[np.r_[True, found[1:] != found[:-1]]] if len(found) else found


def _within(rows: np.ndarray, found: np.ndarray) -> np.ndarray:
    """The sorted ``found`` rows that are also in the sorted ``rows`` (a binary search each: cheaper
    than intersect1d's sort when one side is much longer)."""
    if not len(rows) or not len(found):
        return found[:0]
    if rows[-1] - rows[0] + 1 == len(rows):  # a contiguous range (a date slice)
        return found[(found >= rows[0]) & (found <= rows[-1])]
    at = np.minimum(np.searchsorted(rows, found), len(rows) - 1)
    return found[rows[at] == found]


def _codes(column: pa.ChunkedArray) -> tuple[np.ndarray, dict[str, int]]:
    """A string column as integer codes (-1 for null) and the code of each value."""
    encoded = column.cast(pa.string()).combine_chunks().dictionary_encode()
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    codes = np.where(np.isnan(codes), -1, codes).astype(np.int64) if codes.dtype.kind == "f" else codes.astype(np.int64)
    return codes, {v: i for i, v in enumerate(encoded.dictionary.to_pylist())}


def _ints(column: pa.ChunkedArray) -> np.ndarray:
    return column.cast(pa.int64()).fill_null(-1).to_numpy().astype(np.int64)


class QuoteIndex:
    def __init__(self, table: pa.Table) -> None:
        self.size = table.num_rows
        self.table = table.select(list(COLUMNS)).combine_chunks()
        self.speaker = _Postings(_ints(table["speaker_id"]))
        self.addressee = _Postings(_ints(table["addressee_id"]))
        self.day = _ints(table["day"])  # YYYYMMDD, -1 when undated; non-increasing down the rows
        self.state_media_only = table["state_media_only"].cast(pa.bool_()).fill_null(False).to_numpy()
        self.outlet, self.outlet_codes = _codes(table["outlet"])
        self.article, self.article_codes = _codes(table["article_id"])
        via_ids = table["via_ids"].cast(pa.list_(pa.int64())).combine_chunks()
        offsets = via_ids.offsets.to_numpy()
        self.via = _Postings(via_ids.flatten().to_numpy().astype(np.int64))
        self.via_row = np.repeat(np.arange(self.size, dtype=np.int64), np.diff(offsets))  # flat entry -> row
        self.n_via = table["n_via"].to_numpy()
        # lower-cased once: a plain substring search is several times faster than a case-blind one
        self.lower = pc.utf8_lower(self.table["text"])
        self.words = _Words(self.lower, self.size)

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection) -> QuoteIndex:
        cur = con.cursor()
        try:
            return cls(cur.sql(_ROWS).to_arrow_table())
        finally:
            cur.close()

    # --- filtering: every step keeps ``rows`` ascending (None = every row) ---

    def _date_rows(self, since: int | None, until: int | None) -> np.ndarray:
        """Dates fall down the rows, so a date range is one slice (undated rows sit at the end)."""
        key = -self.day  # non-decreasing; undated rows (day -1) last
        lo = 0 if until is None else int(np.searchsorted(key, -until, side="left"))
        if since is None:
            hi = int(np.searchsorted(key, 0, side="left"))  # an open start still wants a date
        else:
            hi = int(np.searchsorted(key, -since, side="right"))
        return np.arange(lo, max(lo, hi), dtype=np.int64)

    def _via_rows(self, ids: list[int]) -> np.ndarray:
        rows = self.via_row[self.via.rows(ids)]  # ascending: postings come sorted, via_row never falls
        return rows[np.r_[True, rows[1:] != rows[:-1]]] if len(rows) else rows

    def _scan(self, rows: np.ndarray | None, token: str) -> np.ndarray:
        """Rows whose text contains the token, by reading the texts themselves."""
        if rows is None:
            texts = self.lower
        elif len(rows) and rows[-1] - rows[0] + 1 == len(rows):  # a date range: one slice, no copy
            texts = self.lower.slice(int(rows[0]), len(rows))
        else:
            texts = self.lower.take(pa.array(rows, type=pa.int64()))
        mask = pc.match_substring(texts, token).fill_null(False).to_numpy(zero_copy_only=False)
        return np.flatnonzero(mask) if rows is None else rows[mask]

    def _words(self, rows: np.ndarray | None, words: list[str]) -> np.ndarray:
        """Rows containing every word: from the word postings when they are the smaller read, else by
        scanning the candidate rows' text (a common word like "the" has more postings than a
        speaker has quotes)."""
        for token in [t for w in words for t in tokens(w)]:
            codes, postings = self.words.estimate(token)
            # read whichever is shorter: the postings, or the candidate rows' texts
            if postings <= (self.size if rows is None else len(rows)):
                found = self.words.rows_of(codes)
                rows = found if rows is None else _within(rows, found)
            else:
                rows = self._scan(rows, token)
        return np.arange(self.size, dtype=np.int64) if rows is None else rows

    def matching(self, p: QuoteQuery, resolve: Resolve) -> np.ndarray | None:
        rows: np.ndarray | None = None

        def narrow(found: np.ndarray) -> None:
            nonlocal rows
            rows = found if rows is None else _within(rows, found)

        def mask(column: np.ndarray, test: Callable[[np.ndarray], np.ndarray]) -> None:
            nonlocal rows
            rows = np.flatnonzero(test(column)) if rows is None else rows[test(column[rows])]

        # posting lists first (they are short), then masks on what is left
        if p.speaker:
            narrow(self.speaker.rows(resolve(p.speaker)))
        if p.addressee:
            narrow(self.addressee.rows(resolve(p.addressee)))
        if p.via:
            narrow(self._via_rows(resolve(p.via)))
        since = int(p.since.strftime("%Y%m%d")) if p.since else None
        until = int(p.until.strftime("%Y%m%d")) if p.until else None
        if since is not None or until is not None:
            if rows is None:
                rows = self._date_rows(since, until)
            else:
                first, last = since if since is not None else 0, until if until is not None else 99_999_999
                mask(self.day, lambda d: (d >= first) & (d <= last))
        if p.article:
            code = self.article_codes.get(p.article, -2)
            mask(self.article, lambda a: a == code)
        if p.outlet:
            code = self.outlet_codes.get(p.outlet, -2)
            mask(self.outlet, lambda o: o == code)
        if p.state_media_only:
            mask(self.state_media_only, lambda s: s)
        words = (p.text or "").split()[:8]
        if words:
            rows = self._words(rows, words)
        return rows

    def search(self, p: QuoteQuery, resolve: Resolve) -> tuple[list[dict[str, Any]], int]:
        """One page of quotes, newest first, and the number of all matches."""
        rows = self.matching(p, resolve)
        if rows is None:
            total = self.size
            page = np.arange(min(p.offset, total), min(p.offset + p.limit, total), dtype=np.int64)
        else:
            total = len(rows)
            page = rows[p.offset:p.offset + p.limit]
        if not len(page):
            items = []
        elif page[-1] - page[0] + 1 == len(page):  # consecutive rows (no filter, a date range): no copy
            items = self.table.slice(int(page[0]), len(page)).to_pylist()
        else:
            items = self.table.take(pa.array(page, type=pa.int64())).to_pylist()
        for item in items:
            item["via"] = json.loads(item["via"])
        return items, int(total)

    def speaker_share(self, actor_id: int) -> dict[str, int]:
        """How many quotes the actor said, how many came through a named source, how many only
        through state media."""
        rows = self.speaker.rows([actor_id])
        return {"quotes": len(rows), "with_source": int((self.n_via[rows] > 0).sum()),
                "state_media_only": int(self.state_media_only[rows].sum())}
