"""Sources, two ways round: which sources carry quotes to readers (``rank_sources``), and how each
speaker's quotes reach the reader (``speaker_sources``). Both count quotes of articles published in
the filter's window; "state media" is the one rule of docs/query.md (some link of the chain)."""

from __future__ import annotations

from sayso.query.filters import SourceFilter
from sayso.query.names import actor_ids, id_list, normalised_sql
from sayso.query.records import Page, SourceRank, SpeakerSources
from sayso.query.sql import Cursor, Where, scalar


def rank_sources(cur: Cursor, f: SourceFilter | None = None) -> Page[SourceRank]:
    """Sources ranked by the quotes reaching readers through them (any link of a chain). A link that
    names no actor is grouped by its words, as the ``via`` filter matches it."""
    f = f or SourceFilter()
    w = Where()
    w.published(f.since, f.until)
    base = f"""
        SELECT s.actor_id AS id, coalesce(x.name, min(s.text)) AS name,
               coalesce(x.type, '') AS type, coalesce(x.state_media, false) AS state_media,
               count(DISTINCT (s.article_id, s.item_id)) AS quotes, count(DISTINCT s.article_id) AS articles,
               count(DISTINCT (s.article_id, s.item_id)) FILTER (WHERE s.ord = 0) AS nearest
        FROM quote_sources s JOIN articles a ON a.id = s.article_id LEFT JOIN actors x ON x.id = s.actor_id
        {w.sql()}
        GROUP BY s.actor_id, x.name, x.type, x.state_media,
                 CASE WHEN s.actor_id IS NULL THEN {normalised_sql('s.text')} END
    """
    items = [SourceRank(*r) for r in cur.execute(f"{base} ORDER BY quotes DESC, name, id LIMIT ? OFFSET ?",
                                                 [*w.params, f.limit, f.offset]).fetchall()]
    total = scalar(cur, f"SELECT count(*) FROM ({base})", w.params)
    return Page(items, int(total), f.limit, f.offset)


def speaker_sources(cur: Cursor, f: SourceFilter | None = None) -> Page[SpeakerSources]:
    """Per speaker: quotes resting on state media, carried by named sources none of them state media,
    or with no source named between the speaker and the article. Most quoted speaker first."""
    f = f or SourceFilter()
    w = Where(["q.speaker_actor_id IS NOT NULL"])
    if f.speaker:
        ids = actor_ids(cur, f.speaker)
        if not ids:
            return Page([], 0, f.limit, f.offset)
        w.add(f"q.speaker_actor_id IN {id_list(ids)}")
    w.published(f.since, f.until)
    base = f"""
        SELECT q.speaker_actor_id, any_value(x.name) AS speaker,
               count(*) FILTER (WHERE q.via_state_media),
               count(*) FILTER (WHERE NOT q.via_state_media AND q.n_via > 0),
               count(*) FILTER (WHERE q.n_via = 0),
               count(*) AS total
        FROM quotes q JOIN actors x ON x.id = q.speaker_actor_id JOIN articles a ON a.id = q.article_id
        {w.sql()}
        GROUP BY q.speaker_actor_id
    """
    items = [SpeakerSources(*r) for r in cur.execute(
        f"{base} ORDER BY total DESC, speaker, q.speaker_actor_id LIMIT ? OFFSET ?",
        [*w.params, f.limit, f.offset]).fetchall()]
    total = scalar(cur, f"SELECT count(*) FROM ({base})", w.params)
    return Page(items, int(total), f.limit, f.offset)
