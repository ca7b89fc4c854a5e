"""When an event happened, as the queries read it: one rule for windows, one for periods.

An event's date is the interval [start, end] its words gave ("on Monday": one day; "last October": the
month; "in 2019": the year; "in the past decade": ten years), else the article's publication day.

* **Window** (``since``/``until``): an event matches when its whole interval lies inside the window. An
  event dated "in 2024" is not in "March 2024": it may have happened in any month. This is the rule of
  the periods below, so the events of the bucket "2024-03" are exactly those of the window
  2024-03-01..2024-03-31.
* **Period** (``dyads --by``, the web timeline): an event goes into the period of the asked kind that
  holds its whole interval; when none does, into the smallest coarser one that does: the month, then
  the year, then the span of years "2014/2024" (ISO 8601 interval notation). A year-precision event in a
  monthly view is counted under "2024" beside "2024-01".."2024-12", never in January. Labels sort as
  text with a coarse period before its finer ones ("2024" < "2024-01" < "2024-W01").
"""

from __future__ import annotations

from datetime import date

from sayso.query.filters import Period
from sayso.query.sql import Where

START = "coalesce(e.date_start, a.published)"
END = "coalesce(e.date_end, e.date_start, a.published)"
COUNTED = "(NOT e.negated AND e.modality IS NULL)"

_LABELS = {
    "week": "strftime({d}, '%G-W%V')",
    "month": "strftime({d}, '%Y-%m')",
    "year": "strftime({d}, '%Y')",
}
_COARSER: dict[str, tuple[str, ...]] = {"week": ("week", "month", "year"), "month": ("month", "year"), "year": ("year",)}


def add_window(w: Where, since: date | None, until: date | None) -> None:
    """The window rule as WHERE conditions over ``events e`` joined to ``articles a``; an undated event
    matches no bounded window."""
    if since is not None:
        w.add(f"{START} >= ?", since.isoformat())
    if until is not None:
        w.add(f"{END} <= ?", until.isoformat())


def period_sql(by: Period) -> str:
    """SQL for the period label of an event (the period rule), over ``events e`` and ``articles a``."""
    s, e = f"TRY_CAST({START} AS DATE)", f"TRY_CAST({END} AS DATE)"
    cases = [f"WHEN {_LABELS[kind].format(d=s)} = {_LABELS[kind].format(d=e)} THEN {_LABELS[kind].format(d=s)}"
             for kind in _COARSER[by]]
    return f"CASE WHEN {s} IS NULL OR {e} IS NULL THEN NULL {' '.join(cases)} ELSE strftime({s}, '%Y') || '/' || strftime({e}, '%Y') END"


def when(start: str | None, end: str | None, precision: str | None) -> str | None:
    """An event's date written at its own precision: 2024-03-18, 2024-W11, 2024-03, 2024, or the
    interval 2014-03-18/2024-03-18 for a range."""
    if start is None:
        return None
    if precision == "week":
        year, week, _ = date.fromisoformat(start).isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return start[:7]
    if precision == "year":
        return start[:4]
    if end and end != start:
        return f"{start}/{end}"
    return start
