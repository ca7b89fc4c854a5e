"""Actors: the list (most quoted first) and one actor's profile."""

from __future__ import annotations

from sayso.query.filters import ActorFilter
from sayso.query.names import actor_ids, id_list
from sayso.query.records import ActorProfile, ActorRow, Page, Tally
from sayso.query.sql import Cursor, Where, dicts, scalar

_ROWS = """
WITH said AS (
    SELECT q.speaker_actor_id AS id, count(*) AS quotes, count(DISTINCT q.article_id) AS quoted_in,
           count(DISTINCT a.outlet) AS outlets
    FROM quotes q JOIN articles a ON a.id = q.article_id
    WHERE q.speaker_actor_id IS NOT NULL %SCOPE_Q% GROUP BY 1
),
named AS (SELECT actor_id AS id, count(DISTINCT article_id) AS n FROM article_actors %SCOPE_N% GROUP BY 1)
SELECT x.id, x.name, x.type, x.country, x.state_media, x.sector, coalesce(said.quotes, 0) AS quotes,
       coalesce(said.quoted_in, 0) AS quoted_in, coalesce(said.outlets, 0) AS outlets,
       coalesce(named.n, 0) AS mentioned_in
FROM actors x LEFT JOIN said ON said.id = x.id LEFT JOIN named ON named.id = x.id
"""


def _rows_sql(ids: list[int] | None = None) -> str:
    """The actor rows; restricted to ``ids`` before the counting when given (one actor's page)."""
    if ids is None:
        return _ROWS.replace("%SCOPE_Q%", "").replace("%SCOPE_N%", "")
    return (_ROWS.replace("%SCOPE_Q%", f"AND q.speaker_actor_id IN {id_list(ids)}")
            .replace("%SCOPE_N%", f"WHERE actor_id IN {id_list(ids)}"))


def list_actors(cur: Cursor, f: ActorFilter | None = None) -> Page[ActorRow]:
    """Actors most quoted first, then most often named, then by name."""
    f = f or ActorFilter()
    w = Where()
    ids = None
    if f.name:
        ids = actor_ids(cur, f.name)
        if not ids:
            return Page([], 0, f.limit, f.offset)
        w.add(f"x.id IN {id_list(ids)}")
    if f.type:
        w.add("x.type = ?", f.type)
    if f.state_media is not None:
        w.add("x.state_media = ?", f.state_media)
    sql = f"{_rows_sql(ids)}{w.sql()} ORDER BY quotes DESC, mentioned_in DESC, x.name, x.id LIMIT ? OFFSET ?"
    items = [ActorRow(*r) for r in cur.execute(sql, [*w.params, f.limit, f.offset]).fetchall()]
    total = scalar(cur, f"SELECT count(*) FROM actors x{w.sql()}", w.params)
    return Page(items, int(total), f.limit, f.offset)


def actor(cur: Cursor, actor_id: int) -> ActorRow | None:
    found = cur.execute(f"{_rows_sql([actor_id])} WHERE x.id = ?", [actor_id]).fetchall()
    return ActorRow(*found[0]) if found else None


def actor_profile(cur: Cursor, actor_id: int) -> ActorProfile | None:
    """Whom the actor addressed, who addressed them, who carried their words, and how their quotes
    reach the reader."""
    row = actor(cur, actor_id)
    if row is None:
        return None
    [share] = cur.execute("""
        SELECT count(*) FILTER (WHERE n_via > 0), count(*) FILTER (WHERE via_state_media)
        FROM quotes WHERE speaker_actor_id = ?""", [actor_id]).fetchall()
    addressed = dicts(cur, """
        SELECT q.addressee_actor_id AS id, coalesce(x.name, any_value(q.addressee_text)) AS name, count(*) AS n
        FROM quotes q LEFT JOIN actors x ON x.id = q.addressee_actor_id
        WHERE q.speaker_actor_id = ? AND q.has_addressee GROUP BY q.addressee_actor_id, x.name
        ORDER BY n DESC, name LIMIT 20""", [actor_id])
    addressed_by = dicts(cur, """
        SELECT q.speaker_actor_id AS id, x.name, count(*) AS n
        FROM quotes q JOIN actors x ON x.id = q.speaker_actor_id
        WHERE q.addressee_actor_id = ? GROUP BY ALL ORDER BY n DESC, x.name LIMIT 20""", [actor_id])
    carried_by = dicts(cur, """
        SELECT s.actor_id AS id, coalesce(x.name, any_value(s.text)) AS name, count(*) AS n,
               coalesce(x.state_media, false) AS state_media
        FROM quotes q JOIN quote_sources s ON s.article_id = q.article_id AND s.item_id = q.local_id
        LEFT JOIN actors x ON x.id = s.actor_id
        WHERE q.speaker_actor_id = ? GROUP BY s.actor_id, x.name, x.state_media ORDER BY n DESC, name LIMIT 20
    """, [actor_id])
    return ActorProfile(row, int(share[0]), int(share[1]),
                        [Tally(**r) for r in addressed], [Tally(**r) for r in addressed_by],
                        [Tally(**r) for r in carried_by])
