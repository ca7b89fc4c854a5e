"""Who addressed or acted on whom: directed edges from quotes (speaker -> addressee) and counted events
(actor -> recipient), weight = quotes + events."""

from __future__ import annotations

from typing import Any

from sayso.query.dates import COUNTED, add_window
from sayso.query.filters import RelationFilter
from sayso.query.records import Edge
from sayso.query.sql import Cursor, Where


def edges(cur: Cursor, f: RelationFilter | None = None) -> list[Edge]:
    """The ``f.top`` heaviest edges between two different named actors."""
    f = f or RelationFilter()
    parts: list[str] = []
    params: list[Any] = []
    if f.kind in ("all", "quotes") and not f.event_type:
        w = Where(["q.speaker_actor_id IS NOT NULL", "q.addressee_actor_id IS NOT NULL",
                   "q.speaker_actor_id <> q.addressee_actor_id"])
        w.published(f.since, f.until)
        parts.append("SELECT q.speaker_actor_id AS s, q.addressee_actor_id AS t, 1 AS is_quote"
                     f" FROM quotes q JOIN articles a ON a.id = q.article_id{w.sql()}")
        params.extend(w.params)
    if f.kind in ("all", "events"):
        w = Where(["x.actor_id IS NOT NULL", "y.actor_id IS NOT NULL", "x.actor_id <> y.actor_id"])
        if not f.include_uncounted:
            w.add(COUNTED)
        add_window(w, f.since, f.until)
        if f.event_type:
            w.add("e.type = ?", f.event_type)
        parts.append(f"""SELECT x.actor_id AS s, y.actor_id AS t, 0 AS is_quote
                         FROM events e JOIN articles a ON a.id = e.article_id
                         JOIN event_actors x ON x.article_id = e.article_id AND x.event_id = e.local_id AND x.role = 'actor'
                         JOIN event_actors y ON y.article_id = e.article_id AND y.event_id = e.local_id AND y.role = 'recipient'
                         {w.sql()}""")
        params.extend(w.params)
    if not parts:
        return []
    sql = f"""
        WITH pairs AS ({" UNION ALL ".join(parts)})
        SELECT p.s, p.t, sa.name, ta.name, sum(p.is_quote), count(*) - sum(p.is_quote)
        FROM pairs p JOIN actors sa ON sa.id = p.s JOIN actors ta ON ta.id = p.t
        GROUP BY ALL ORDER BY count(*) DESC, sa.name, ta.name LIMIT ?"""
    return [Edge(r[0], r[1], r[2], r[3], int(r[4]), int(r[5])) for r in cur.execute(sql, [*params, f.top]).fetchall()]
