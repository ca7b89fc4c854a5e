"""The relations page's pictures as server-side SVG: the network of who addressed / acted on whom
(``query.edges``) and a pair's events by period (``query.timeline``).

Why server-side SVG: the picture must read without JavaScript and without a charting library; a circle
layout (nodes ordered by weight) is stable between requests and needs no physics.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from sayso.query import Edge, TimelinePoint


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


def timeline_svg(points: list[TimelinePoint], width: int = 720, height: int = 220) -> Markup:
    """Stacked bars per month, one colour per event type. A coarse period ("2024": events dated only to
    the year; "2014/2024": a span) is a bar of its own before its months, drawn hatched."""
    if not points:
        return Markup("")
    periods = sorted({p.period for p in points})
    types = sorted({p.type for p in points})
    palette = ["#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bb7733", "#777777"]
    colour = {t: palette[i % len(palette)] for i, t in enumerate(types)}
    per_period: dict[str, int] = {}
    for p in points:
        per_period[p.period] = per_period.get(p.period, 0) + p.events
    top = max(per_period.values())
    left, bottom, top_pad = 36, 40, 12
    band = (width - left - 10) / len(periods)
    bar = max(2.0, min(40.0, band * 0.7))
    scale = (height - bottom - top_pad) / top
    legend_height = 20 * ((len(types) + 3) // 4)
    out = [Markup('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
                  'aria-label="events by period"><defs><pattern id="coarse" width="6" height="6" '
                  'patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" '
                  'fill="#ffffff" fill-opacity="0.55"/></pattern></defs>').format(
        width, height + legend_height, width, height + legend_height)]
    out.append(Markup('<text x="4" y="{}">{}</text>').format(top_pad + 4, top))
    out.append(Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#c4c9ce"/>').format(
        left, height - bottom, width - 10, height - bottom))
    stacked: dict[str, float] = {period: 0.0 for period in periods}
    for p in sorted(points, key=lambda p: (p.period, p.type)):
        i = periods.index(p.period)
        h = p.events * scale
        y = height - bottom - stacked[p.period] - h
        stacked[p.period] += h
        x = left + i * band + (band - bar) / 2
        out.append(Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"><title>{} {}: {}</title></rect>').format(
            x, y, bar, h, colour[p.type], p.period, p.type, p.events))
        if "-" not in p.period or "/" in p.period:  # a year, or a span of years
            out.append(Markup('<rect class="coarse" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="url(#coarse)"/>').format(
                x, y, bar, h))
    step = max(1, len(periods) // 12)
    for i, period in enumerate(periods):
        if i % step == 0:
            out.append(Markup('<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                left + i * band + band / 2, height - bottom + 16, period))
    for i, t in enumerate(types):
        x, y = left + (i % 4) * 170, height + 20 * (i // 4)
        out.append(Markup('<rect x="{}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}">{}</text>').format(
            x, y - 9, colour[t], x + 14, y, escape(t)))
    out.append(Markup("</svg>"))
    return Markup("").join(out)
