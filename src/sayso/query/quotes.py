"""The quote search in SQL: the reference answer. The web answers the same question from an in-memory
index (``query/quote_index.py``) built from the same row query, and a test holds both to one answer.

Two stages: find the page of matching quotes with the fewest columns (a speaker filter probes the index
on ``quotes.speaker_actor_id``), then fetch names and source chains for the page's articles only. One
query doing both lets DuckDB build the joins over every match before the LIMIT: 3-5x slower on a
1M-quote store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from sayso.query.filters import QuoteFilter
from sayso.query.names import actor_ids, id_list, normalised_sql, padded_name, word_pattern, words
from sayso.query.records import Page, QuoteRow, ViaLink
from sayso.query.sql import Cursor, Where, scalar

Resolve = Callable[[str], list[int]]

# Rank: newest article first, then the article most recently stored, then the quote's place in it.
ORDER = "a.published DESC NULLS LAST, a.num DESC, q.ord"

_LINKS = f"""
SELECT s.article_id, s.item_id,
       list({{'id': s.actor_id, 'name': coalesce(x.name, s.text), 'state_media': coalesce(l.state_media, false),
              'cue': s.cue_text}} ORDER BY s.ord) AS via,
       list(s.actor_id ORDER BY s.ord) FILTER (WHERE s.actor_id IS NOT NULL) AS via_ids,
       list(CASE WHEN s.actor_id IS NULL THEN {normalised_sql('s.text')} END) FILTER (WHERE s.actor_id IS NULL)
           AS loose_via
FROM quote_sources s
LEFT JOIN actors x ON x.id = s.actor_id
LEFT JOIN article_actors l ON l.article_id = s.article_id AND l.local_id = s.local_actor
%LINK_SCOPE%
GROUP BY s.article_id, s.item_id
"""

# Every quote as a QuoteRow's fields (in order), plus what the index filters on: the chain's actor ids,
# the unnamed links' normalised words, and the publication day as YYYYMMDD (-1 when undated).
_ROWS = """
WITH links AS (%LINKS%)
SELECT q.article_id, q.local_id AS quote_id, q.type, q.content_text AS text,
       coalesce(sa.name, q.speaker_text) AS speaker, q.speaker_actor_id AS speaker_id,
       coalesce(aa.name, q.addressee_text) AS addressee, q.addressee_actor_id AS addressee_id,
       CAST(to_json(coalesce(k.via, [])) AS VARCHAR) AS via, q.via_state_media, q.hedged, q.cue_text AS cue,
       q.start_char, a.published, a.outlet, a.title, a.url, q.cluster,
       coalesce(k.via_ids, []) AS via_ids, coalesce(k.loose_via, []) AS loose_via,
       coalesce(TRY_CAST(replace(a.published, '-', '') AS INTEGER), -1) AS day
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN links k ON k.article_id = q.article_id AND k.item_id = q.local_id
LEFT JOIN actors sa ON sa.id = q.speaker_actor_id
LEFT JOIN actors aa ON aa.id = q.addressee_actor_id
%SCOPE%
"""

FIELDS = ("article_id", "quote_id", "type", "text", "speaker", "speaker_id", "addressee", "addressee_id", "via",
          "via_state_media", "hedged", "cue", "start_char", "published", "outlet", "title", "url", "cluster")


def rows_sql(scope: str = "", link_scope: str = "") -> str:
    """The quotes in ``scope`` (SQL after the joins) as rows; ``link_scope`` narrows the chains read."""
    return _ROWS.replace("%LINKS%", _LINKS.replace("%LINK_SCOPE%", link_scope)).replace("%SCOPE%", scope)


def quote_row(values: Sequence[Any]) -> QuoteRow:
    """A QuoteRow from one row of ``rows_sql``: its first columns are the record's fields, in order;
    the chain arrives as JSON text."""
    row = QuoteRow(*values[:len(FIELDS)])
    row.via = [ViaLink(**link) for link in json.loads(row.via)]  # type: ignore[arg-type]
    return row


class QuoteSql(NamedTuple):
    page: str  # the page's keys (article_id, local_id) in rank order, each with the number of all matches
    count: str  # the number of all matches, for a page past the end
    params: list[Any]  # of both; the page's LIMIT and OFFSET last
    probes: list[str]  # the id conditions (no parameters): they narrow the row query of the page too


def _where(f: QuoteFilter, resolve: Resolve) -> tuple[Where, list[str]] | None:
    """The filter as SQL over ``quotes q`` joined to ``articles a``, and its speaker and addressee
    conditions apart; None when it names nobody."""
    w, probes = Where(), []
    for column, value in (("q.speaker_actor_id", f.speaker), ("q.addressee_actor_id", f.addressee)):
        if value:
            ids = resolve(value)
            if not ids:
                return None
            probes.append(f"{column} IN {id_list(ids)}")
            w.add(probes[-1])
    if f.via:
        ids, pad = resolve(f.via), padded_name(f.via)
        links = [f"s.actor_id IN {id_list(ids)}"] if ids else []
        params = []
        if pad:
            links.append(f"(s.actor_id IS NULL AND contains({normalised_sql('s.text')}, ?))")
            params.append(pad)
        if not links:
            return None
        w.add("EXISTS (SELECT 1 FROM quote_sources s WHERE s.article_id = q.article_id AND s.item_id = q.local_id"
              f" AND ({' OR '.join(links)}))", *params)
    if f.outlet:
        w.add("a.outlet = ?", f.outlet)
    if f.state_media_only:
        w.add("q.via_state_media")
    for word in words(f.text):
        w.add("regexp_matches(lower(q.content_text), ?)", word_pattern(word))
    w.published(f.since, f.until)
    if f.article:
        w.add("q.article_id = ?", f.article)
    return w, probes


def page_sql(cur: Cursor, f: QuoteFilter, resolve: Resolve | None = None) -> QuoteSql | None:
    """The SQL of one page of matching quotes and of their count; None when the filter names nobody."""
    built = _where(f, resolve or (lambda value: actor_ids(cur, value)))
    if built is None:
        return None
    w, probes = built
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{w.sql()}"
    # the count as a window over the matches the ORDER BY sorts anyway: cheaper than a second query
    return QuoteSql(f"SELECT q.article_id, q.local_id, count(*) OVER () {base} ORDER BY {ORDER} LIMIT ? OFFSET ?",
                    f"SELECT count(*) {base}", [*w.params, f.limit, f.offset], probes)


def find_quotes(cur: Cursor, f: QuoteFilter | None = None, resolve: Resolve | None = None) -> Page[QuoteRow]:
    """One page of matching quotes, newest first, and the number of all matches."""
    f = f or QuoteFilter()
    sql = page_sql(cur, f, resolve)
    if sql is None:
        return Page([], 0, f.limit, f.offset)
    found = cur.execute(sql.page, sql.params).fetchall()
    if not found:
        total = int(scalar(cur, sql.count, sql.params[:-2])) if f.offset else 0
        return Page([], total, f.limit, f.offset)
    keys, total = [(r[0], r[1]) for r in found], int(found[0][2])
    articles = sorted({article for article, _ in keys})
    scope = "WHERE {}.article_id IN (SELECT unnest(?::VARCHAR[]))"
    narrow = "".join(f" AND {probe}" for probe in sql.probes)  # an index probe instead of a scan of quotes
    rows = cur.execute(rows_sql(scope.format("q") + narrow, scope.format("s")), [articles, articles]).fetchall()
    records = {(r[0], r[1]): quote_row(r) for r in rows}
    return Page([records[k] for k in keys if k in records], total, f.limit, f.offset)
