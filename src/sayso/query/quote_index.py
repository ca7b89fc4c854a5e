"""The quote search as an in-memory index: the web's accelerator for ``query.quotes.find_quotes``, with
the same filters, the same rules and the same answer (``tests/test_query_parity.py`` holds them equal).

Why not the SQL per search: over a million quotes each search would join ``quotes`` with ``articles``
(the date orders and filters) and ``quote_sources`` (the chain), then sort: 10-100 ms of CPU a request
on this 2-core machine, far from 200 requests/s. Here the joins and the sort happen once, when the
database file is opened (``query.quotes.rows_sql``, the SQL path's own row query); a search narrows row
numbers with posting lists (speaker, addressee, chain actors, words: a ``searchsorted`` into an
argsort) and vectorised masks (dates, state media, outlet, article), and ``take``s the page's rows from
the Arrow table. Row number = rank, newest first, so a candidate list kept sorted is in page order.

Memory: twice the quotes' text (as written, and lower-cased for word search), ~250 bytes a quote, and
4 bytes per word of text for the word postings.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sayso.query.filters import QuoteFilter
from sayso.query.names import WORD_CHARS, padded_name, word_pattern, words
from sayso.query.quotes import FIELDS, ORDER, quote_row, rows_sql
from sayso.query.records import Page, QuoteRow

Resolve = Callable[[str], list[int]]
_TOKEN_BREAK = f"[^{WORD_CHARS}]+"


def _sorted_unique(rows: np.ndarray) -> np.ndarray:
    """Ascending rows without repeats (a sort and a compare: numpy's hash-based unique is many times
    slower on a few hundred thousand rows)."""
    rows = np.sort(rows)
    return rows[np.r_[True, rows[1:] != rows[:-1]]] if len(rows) else rows


class _Postings:
    """Row numbers per key: an argsort of the key column, cut by ``searchsorted``."""

    def __init__(self, keys: np.ndarray) -> None:
        self.order = np.argsort(keys, kind="stable")
        self.keys = keys[self.order]

    def rows(self, keys: list[int]) -> np.ndarray:
        parts = []
        for k in keys:
            lo = int(np.searchsorted(self.keys, k, side="left"))
            hi = int(np.searchsorted(self.keys, k, side="right"))
            parts.append(self.order[lo:hi])
        if not parts:
            return np.empty(0, dtype=np.int64)
        # the stable argsort keeps each key's rows ascending; several keys need one merge
        return parts[0] if len(parts) == 1 else _sorted_unique(np.concatenate(parts))


class _Words:
    """Which rows hold a word: the vocabulary of the lower-cased quotes and, per word, its rows."""

    def __init__(self, lower: pa.ChunkedArray, size: int) -> None:
        split = pc.split_pattern_regex(lower, _TOKEN_BREAK).combine_chunks()
        row_of = np.repeat(np.arange(size, dtype=np.int64), np.diff(split.offsets.to_numpy()))
        tokens = split.flatten()
        keep = pc.not_equal(pc.utf8_length(tokens), 0).to_numpy(zero_copy_only=False)  # "" at a text's edges
        encoded = tokens.filter(pa.array(keep)).dictionary_encode()
        codes = encoded.indices.to_numpy(zero_copy_only=False)
        # one posting per (word, row), rows ascending within a word: sort the pairs, drop repeats
        pairs = np.sort(codes.astype(np.int64) * size + row_of[keep])
        pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
        self.rows = (pairs % size).astype(np.int32)
        self.bounds = np.searchsorted(pairs // size, np.arange(len(encoded.dictionary) + 1))
        self.vocab = encoded.dictionary
        self.code = {w: i for i, w in enumerate(self.vocab.to_pylist())}

    def _codes(self, word: str) -> np.ndarray:
        """The vocabulary entries a typed word stands for: itself, or for ``stem*`` every entry
        starting with the stem."""
        if word.endswith("*"):
            return np.flatnonzero(pc.starts_with(self.vocab, word[:-1]).to_numpy(zero_copy_only=False))
        code = self.code.get(word)
        return np.array([] if code is None else [code], dtype=np.int64)

    def count(self, word: str) -> int:
        codes = self._codes(word)
        return int((self.bounds[codes + 1] - self.bounds[codes]).sum())

    def rows_of(self, word: str) -> np.ndarray:
        parts = [self.rows[self.bounds[c]:self.bounds[c + 1]] for c in self._codes(word)]
        if not parts:
            return np.empty(0, dtype=np.int64)
        return parts[0].astype(np.int64) if len(parts) == 1 else _sorted_unique(np.concatenate(parts).astype(np.int64))


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
    codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return codes, {v: i for i, v in enumerate(encoded.dictionary.to_pylist())}


def _ints(column: pa.ChunkedArray) -> np.ndarray:
    return column.cast(pa.int64()).fill_null(-1).to_numpy().astype(np.int64)


def _flat_rows(column: pa.ChunkedArray) -> tuple[pa.Array, np.ndarray]:
    """A list column's values, flattened, and the row each value came from."""
    lists = column.combine_chunks()
    return lists.flatten(), np.repeat(np.arange(len(lists), dtype=np.int64), np.diff(lists.offsets.to_numpy()))


class QuoteIndex:
    def __init__(self, table: pa.Table) -> None:
        self.size = table.num_rows
        self.table = table.select(list(FIELDS)).combine_chunks()
        self.speaker = _Postings(_ints(table["speaker_id"]))
        self.addressee = _Postings(_ints(table["addressee_id"]))
        self.day = _ints(table["day"])  # YYYYMMDD, -1 when undated; non-increasing down the rows
        self.state_media = table["via_state_media"].cast(pa.bool_()).fill_null(False).to_numpy(zero_copy_only=False)
        self.outlet, self.outlet_codes = _codes(table["outlet"])
        self.article, self.article_codes = _codes(table["article_id"])
        via_ids, self.via_row = _flat_rows(table["via_ids"].cast(pa.list_(pa.int64())))
        self.via = _Postings(via_ids.to_numpy(zero_copy_only=False).astype(np.int64))
        self.loose_via, self.loose_row = _flat_rows(table["loose_via"].cast(pa.list_(pa.string())))
        # lower-cased once: the word index and the scans read this copy
        self.lower = pc.utf8_lower(self.table["text"])
        self.words = _Words(self.lower, self.size)

    @classmethod
    def build(cls, cur: duckdb.DuckDBPyConnection) -> QuoteIndex:
        """The index of every quote the cursor sees (store tables unqualified; no result of an
        earlier ``execute`` left unread on it: DuckDB refuses a relation query then)."""
        return cls(cur.sql(rows_sql(f"ORDER BY {ORDER}")).to_arrow_table())

    # --- filtering: every step keeps ``rows`` ascending (None = every row) ---

    def _date_rows(self, since: int | None, until: int | None) -> np.ndarray:
        """Dates fall down the rows, so a date window is one slice (undated rows sit at the end)."""
        key = -self.day  # non-decreasing; undated rows (day -1) last
        lo = 0 if until is None else int(np.searchsorted(key, -until, side="left"))
        if since is None:
            hi = int(np.searchsorted(key, 0, side="left"))  # an open start still wants a date
        else:
            hi = int(np.searchsorted(key, -since, side="right"))
        return np.arange(lo, max(lo, hi), dtype=np.int64)

    def _via_rows(self, ids: list[int], value: str) -> np.ndarray:
        """Rows with a named link among ``ids`` or an unnamed link holding the value's words."""
        rows = self.via_row[self.via.rows(ids)]  # ascending: postings come sorted, via_row never falls
        pad = padded_name(value)
        if pad and len(self.loose_via):
            hit = pc.match_substring(self.loose_via, pad).fill_null(False).to_numpy(zero_copy_only=False)
            if hit.any():
                return _sorted_unique(np.concatenate([rows, self.loose_row[hit]]))
        return rows[np.r_[True, rows[1:] != rows[:-1]]] if len(rows) else rows

    def _scan(self, rows: np.ndarray | None, word: str) -> np.ndarray:
        """Rows whose text holds the word, by reading the texts themselves: a plain substring search,
        then the whole-word pattern on its hits only (several times cheaper than the pattern on all)."""
        if rows is None:
            rows = np.arange(self.size, dtype=np.int64)
            texts = self.lower
        elif len(rows) and rows[-1] - rows[0] + 1 == len(rows):  # a date window: one slice, no copy
            texts = self.lower.slice(int(rows[0]), len(rows))
        else:
            texts = self.lower.take(pa.array(rows, type=pa.int64()))
        hit = np.flatnonzero(pc.match_substring(texts, word.rstrip("*")).fill_null(False).to_numpy(zero_copy_only=False))
        texts = texts.take(pa.array(hit, type=pa.int64()))
        whole = pc.match_substring_regex(texts, word_pattern(word)).fill_null(False).to_numpy(zero_copy_only=False)
        return rows[hit[whole]]

    def _words(self, rows: np.ndarray | None, typed: list[str]) -> np.ndarray:
        """Rows holding every word: from the word postings when they are the smaller read, else by
        scanning the candidate rows' text (a common word has more postings than a speaker has quotes)."""
        for word in typed:
            if self.words.count(word) <= (self.size if rows is None else len(rows)):
                found = self.words.rows_of(word)
                rows = found if rows is None else _within(rows, found)
            else:
                rows = self._scan(rows, word)
        return np.arange(self.size, dtype=np.int64) if rows is None else rows

    def matching(self, f: QuoteFilter, resolve: Resolve) -> np.ndarray | None:
        rows: np.ndarray | None = None

        def narrow(found: np.ndarray) -> None:
            nonlocal rows
            rows = found if rows is None else _within(rows, found)

        def mask(column: np.ndarray, test: Callable[[np.ndarray], np.ndarray]) -> None:
            nonlocal rows
            rows = np.flatnonzero(test(column)) if rows is None else rows[test(column[rows])]

        # posting lists first (they are short), then masks on what is left
        if f.speaker:
            narrow(self.speaker.rows(resolve(f.speaker)))
        if f.addressee:
            narrow(self.addressee.rows(resolve(f.addressee)))
        if f.via:
            narrow(self._via_rows(resolve(f.via), f.via))
        since = int(f.since.strftime("%Y%m%d")) if f.since else None
        until = int(f.until.strftime("%Y%m%d")) if f.until else None
        if since is not None or until is not None:
            if rows is None:
                rows = self._date_rows(since, until)
            else:
                first, last = since if since is not None else 0, until if until is not None else 99_999_999
                mask(self.day, lambda d: (d >= first) & (d <= last))
        if f.article:
            code = self.article_codes.get(f.article, -2)
            mask(self.article, lambda a: a == code)
        if f.outlet:
            code = self.outlet_codes.get(f.outlet, -2)
            mask(self.outlet, lambda o: o == code)
        if f.state_media_only:
            mask(self.state_media, lambda s: s)
        typed = words(f.text)
        if typed:
            rows = self._words(rows, typed)
        return rows

    def search(self, f: QuoteFilter, resolve: Resolve) -> Page[QuoteRow]:
        """One page of quotes, newest first, and the number of all matches."""
        rows = self.matching(f, resolve)
        if rows is None:
            total = self.size
            page = np.arange(min(f.offset, total), min(f.offset + f.limit, total), dtype=np.int64)
        else:
            total = len(rows)
            page = rows[f.offset:f.offset + f.limit]
        if not len(page):
            return Page([], int(total), f.limit, f.offset)
        if page[-1] - page[0] + 1 == len(page):  # consecutive rows (no filter, a date window): no copy
            taken = self.table.slice(int(page[0]), len(page))
        else:
            taken = self.table.take(pa.array(page, type=pa.int64()))
        columns = [column.to_pylist() for column in taken.columns]  # column-wise: no dict per row
        return Page([quote_row(values) for values in zip(*columns)], int(total), f.limit, f.offset)
