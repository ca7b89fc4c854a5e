"""Who addressed / acted on whom: edges from quotes (speaker -> addressee) and events (actor -> recipient),
and a dyad's events by month, drawn as server-side SVG.

Why server-side SVG: the picture must read without JavaScript and without a charting library; a circle
layout (nodes ordered by weight) is stable between requests and needs no physics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from sayso.web.params import RelationQuery
from sayso.web.queries import Cursor, Row, Where, _in, actor_ids, rows


@dataclass
class Edge:
    source: int
    target: int
    source_name: str
    target_name: str
    quotes: int
    events: int

    @property
    def weight(self) -> int:
        return self.quotes + self.events


def edges(cur: Cursor, p: RelationQuery) -> list[Edge]:
    """The heaviest directed edges, weight = quotes + events between the two actors."""
    parts: list[str] = []
    params: list[object] = []
    if p.kind in ("all", "quotes") and not p.event_type:
        where = Where(["q.speaker_actor_id IS NOT NULL", "q.addressee_actor_id IS NOT NULL",
                       "q.speaker_actor_id <> q.addressee_actor_id"])
        if p.since:
            where.add("a.published >= ?", p.since.isoformat())
        if p.until:
            where.add("a.published <= ?", p.until.isoformat())
        parts.append(f"""SELECT q.speaker_actor_id AS s, q.addressee_actor_id AS t, 1 AS is_quote
                         FROM quotes q JOIN articles a ON a.id = q.article_id{where.sql()}""")
        params.extend(where.params)
    if p.kind in ("all", "events"):
        where = Where(["x.actor_id IS NOT NULL", "y.actor_id IS NOT NULL", "x.actor_id <> y.actor_id"])
        day = "coalesce(e.date_start, a.published)"
        if p.since:
            where.add(f"{day} >= ?", p.since.isoformat())
        if p.until:
            where.add(f"{day} <= ?", p.until.isoformat())
        if p.event_type:
            where.add("e.type = ?", p.event_type.upper())
        parts.append(f"""SELECT x.actor_id AS s, y.actor_id AS t, 0 AS is_quote
                         FROM events e JOIN articles a ON a.id = e.article_id
                         JOIN event_actors x ON x.article_id = e.article_id AND x.event_id = e.local_id AND x.role = 'actor'
                         JOIN event_actors y ON y.article_id = e.article_id AND y.event_id = e.local_id AND y.role = 'recipient'
                         {where.sql()}""")
        params.extend(where.params)
    if not parts:
        return []
    found = rows(cur, f"""
        WITH pairs AS ({" UNION ALL ".join(parts)})
        SELECT p.s, p.t, sa.name AS s_name, ta.name AS t_name,
               sum(p.is_quote) AS quotes, count(*) - sum(p.is_quote) AS events
        FROM pairs p JOIN actors sa ON sa.id = p.s JOIN actors ta ON ta.id = p.t
        GROUP BY ALL ORDER BY count(*) DESC, s_name, t_name LIMIT ?
    """, [*params, p.top])
    return [Edge(r["s"], r["t"], r["s_name"], r["t_name"], int(r["quotes"]), int(r["events"])) for r in found]


def dyad_timeline(cur: Cursor, a: str, b: str, event_type: str | None = None) -> list[Row]:
    """Events between two actors (either direction) per month and type."""
    ids_a, ids_b = actor_ids(cur, a), actor_ids(cur, b)
    where = Where()
    where.add(f"""((x.actor_id IN {_in(ids_a)} AND y.actor_id IN {_in(ids_b)})
                  OR (x.actor_id IN {_in(ids_b)} AND y.actor_id IN {_in(ids_a)}))""")
    if event_type:
        where.add("e.type = ?", event_type.upper())
    return rows(cur, f"""
        SELECT substr(coalesce(e.date_start, a.published), 1, 7) AS month, e.type, count(DISTINCT (e.article_id, e.local_id)) AS n
        FROM events e JOIN articles a ON a.id = e.article_id
        JOIN event_actors x ON x.article_id = e.article_id AND x.event_id = e.local_id AND x.role = 'actor'
        JOIN event_actors y ON y.article_id = e.article_id AND y.event_id = e.local_id AND y.role = 'recipient'
        {where.sql()} AND coalesce(e.date_start, a.published) IS NOT NULL
        GROUP BY ALL ORDER BY month, type
    """, where.params)


# --- drawing ------------------------------------------------------------------------------------------

def network_svg(found: list[Edge], size: int = 640) -> Markup:
    """Nodes on a circle, heaviest first; an edge's width grows with its weight; arrows show direction."""
    if not found:
        return Markup("")
    weight: dict[int, int] = {}
    names: dict[int, str] = {}
    for e in found:
        for node, name in ((e.source, e.source_name), (e.target, e.target_name)):
            weight[node] = weight.get(node, 0) + e.weight
            names[node] = name
    order = sorted(weight, key=lambda n: (-weight[n], names[n]))
    c, r = size / 2, size / 2 - 110
    pos = {n: (c + r * math.cos(2 * math.pi * i / len(order) - math.pi / 2),
               c + r * math.sin(2 * math.pi * i / len(order) - math.pi / 2)) for i, n in enumerate(order)}
    top = max(e.weight for e in found)
    out = [Markup('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" width="{0}" height="{0}" role="img" '
                  'aria-label="relations network"><defs><marker id="arr" viewBox="0 0 10 10" refX="10" refY="5" '
                  'markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8a94a0"/>'
                  '</marker></defs>').format(size)]
    for e in found:
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1
        x2, y2 = x2 - dx / dist * 9, y2 - dy / dist * 9  # stop at the node's rim
        # a slight curve keeps A->B and B->A apart
        mx, my = (x1 + x2) / 2 - dy / dist * 18, (y1 + y2) / 2 + dx / dist * 18
        width = 1 + 6 * e.weight / top
        cls = "edge ev" if e.events > e.quotes else "edge"
        out.append(Markup('<path class="{}" d="M{:.1f},{:.1f} Q{:.1f},{:.1f} {:.1f},{:.1f}" stroke-width="{:.1f}" '
                          'marker-end="url(#arr)"><title>{} → {}: {} quotes, {} events</title></path>').format(
            cls, x1, y1, mx, my, x2, y2, width, e.source_name, e.target_name, e.quotes, e.events))
    for n in order:
        x, y = pos[n]
        anchor = "start" if x >= c + 1 else ("end" if x <= c - 1 else "middle")
        tx = x + (12 if anchor == "start" else -12 if anchor == "end" else 0)
        ty = y + (4 if anchor != "middle" else (-12 if y < c else 20))
        out.append(Markup('<a href="/actors/{}" class="node"><circle cx="{:.1f}" cy="{:.1f}" r="7"/>'
                          '<text x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text><title>{}: weight {}</title></a>').format(
            n, x, y, tx, ty, anchor, _short(names[n]), names[n], weight[n]))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


def _short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def timeline_svg(points: list[Row], width: int = 720, height: int = 220) -> Markup:
    """Stacked bars per month, one colour per event type."""
    if not points:
        return Markup("")
    months = sorted({str(p["month"]) for p in points})
    types = sorted({str(p["type"]) for p in points})
    palette = ["#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bb7733", "#777777"]
    colour = {t: palette[i % len(palette)] for i, t in enumerate(types)}
    per_month: dict[str, int] = {}
    for p in points:
        per_month[str(p["month"])] = per_month.get(str(p["month"]), 0) + int(p["n"])
    top = max(per_month.values())
    left, bottom, top_pad = 36, 40, 12
    band = (width - left - 10) / len(months)
    bar = max(2.0, min(40.0, band * 0.7))
    scale = (height - bottom - top_pad) / top
    out = [Markup('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
                  'aria-label="events by month">').format(width, height + 20 * ((len(types) + 3) // 4), width,
                                                          height + 20 * ((len(types) + 3) // 4))]
    out.append(Markup('<text x="4" y="{}">{}</text>').format(top_pad + 4, top))
    out.append(Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#c4c9ce"/>').format(
        left, height - bottom, width - 10, height - bottom))
    stacked: dict[str, float] = {m: 0.0 for m in months}
    for p in sorted(points, key=lambda p: (str(p["month"]), str(p["type"]))):
        m = str(p["month"])
        i = months.index(m)
        h = int(p["n"]) * scale
        y = height - bottom - stacked[m] - h
        stacked[m] += h
        out.append(Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"><title>{} {}: {}</title></rect>').format(
            left + i * band + (band - bar) / 2, y, bar, h, colour[str(p["type"])], m, p["type"], p["n"]))
    step = max(1, len(months) // 12)
    for i, m in enumerate(months):
        if i % step == 0:
            out.append(Markup('<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                left + i * band + band / 2, height - bottom + 16, m))
    for i, t in enumerate(types):
        x, y = left + (i % 4) * 170, height + 20 * (i // 4)
        out.append(Markup('<rect x="{}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}">{}</text>').format(
            x, y - 9, colour[t], x + 14, y, escape(t)))
    out.append(Markup("</svg>"))
    return Markup("").join(out)
