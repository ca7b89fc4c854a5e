"""Resolve the date words of a sentence against the publication date.

News dates are relative to the day the story ran: "on Monday" is the Monday on or before publication,
"last October" the most recent October before the publication month, "in the past decade" the ten years
up to publication. Expressions are found with regular expressions over the sentence text (the model's
DATE entities miss "last October" in some parses and run "Monday, according to" together in others).
Without a publication date only absolute dates ("March 5, 2024", "in 2019") resolve.

The expressions are an English date grammar (month and weekday names from ``calendar``'s C locale);
only the number words ("a few weeks ago") come from the number lexicon. A second language brings its own
grammar module.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sayso.report import EventDate

_MONTHS = {m: i for i, m in enumerate(calendar.month_name) if m}  # capitalised only: "may" is a modal
_MONTHS.update({m: i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["Sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate(calendar.day_name)}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"


def _patterns(numbers: Mapping[str, int]) -> list[tuple[str, re.Pattern[str]]]:
    """The date expressions, longer forms first: the first pattern matching at a position wins."""
    num = r"(?P<num>\d+|(?i:" + "|".join(re.escape(w) for w in sorted(numbers, key=len, reverse=True)) + r"))"
    return [
        ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
        ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
        ("dmy", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b")),
        ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|per|percent))")),
        ("dm", re.compile(rf"\b{_DAY}\s+{_MONTH}\b")),
        ("my", re.compile(rf"\b(?:in\s+)?{_MONTH}\s+{_YEAR}\b")),
        ("past", re.compile(rf"\b(?i:in|over|during|for|within)\s+(?i:the)\s+(?i:past|last|previous)\s+(?:{num}\s+)?{_UNIT}\b")),
        ("ago", re.compile(rf"\b{num}\s+{_UNIT}\s+ago\b")),
        ("rel_month", re.compile(rf"\b(?P<rel>(?i:last|this|next|in|earlier\s+this|late|early))\s+{_MONTH}(?!\s+\d)\b")),
        ("weekday", re.compile(r"\b(?:(?P<rel>(?i:last|this|next|on|early|late))\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
        ("rel_unit", re.compile(r"\b(?P<rel>(?i:last|this|next|earlier\s+this|later\s+this))\s+(?P<unit>week|month|year)\b")),
        ("word", re.compile(r"\b(?P<word>(?i:today|yesterday|tomorrow|tonight))\b")),
        ("year", re.compile(rf"\b(?P<pre>(?i:in|since|during|by))\s+{_YEAR}\b")),
    ]


_LEADING_PREPOSITION = re.compile(r"^(?i:on|in|during|over|within|for)\s+")


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets into the text searched (add the sentence offset for the doc)
    end: int
    date: EventDate


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_range(year: int, month: int, text: str) -> EventDate:
    return EventDate(date(year, month, 1).isoformat(), _month_end(year, month).isoformat(), "month", text)


def _day(d: date, text: str) -> EventDate:
    return EventDate(d.isoformat(), d.isoformat(), "day", text)


def _resolve(kind: str, m: re.Match[str], pub: date | None, numbers: Mapping[str, int]) -> EventDate | None:
    g = m.groupdict()
    text = m.group(0)
    try:
        if kind == "iso":
            return _day(date(int(g["year"]), int(g["month"]), int(g["day"])), text)
        if kind in ("mdy", "dmy"):
            return _day(date(int(g["year"]), _MONTHS[g["month"]], int(g["day"])), text)
        if kind == "my":
            return _month_range(int(g["year"]), _MONTHS[g["month"]], text)
        if kind == "year":
            y = int(g["year"])
            if g["pre"].lower() == "since" and pub is not None and pub.year >= y:  # "met 11 times since 2019"
                return EventDate(f"{y}-01-01", pub.isoformat(), "range", text)
            return EventDate(f"{y}-01-01", f"{y}-12-31", "year", text)
        if pub is None:
            return None
        if kind in ("md", "dm"):
            month, day = _MONTHS[g["month"]], int(g["day"])
            candidate = date(pub.year, month, day)
            if candidate > pub + timedelta(days=7):  # "December 28" in a January story is last year
                candidate = date(pub.year - 1, month, day)
            return _day(candidate, text)
        if kind == "past":
            n = _number(numbers, g["num"]) if g.get("num") else 1
            start = pub - timedelta(days=_UNIT_DAYS[g["unit"].lower()] * n)
            return EventDate(start.isoformat(), pub.isoformat(), "range", text)
        if kind == "ago":
            n = _number(numbers, g["num"])
            return _ago(pub, n, g["unit"].lower(), text)
        if kind == "rel_month":
            return _relative_month(pub, g["rel"].lower(), _MONTHS[g["month"]], text)
        if kind == "weekday":
            return _weekday(pub, (g.get("rel") or "").lower(), _WEEKDAYS[g["weekday"]], text)
        if kind == "rel_unit":
            return _relative_unit(pub, g["rel"].lower(), g["unit"].lower(), text)
        if kind == "word":
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["word"].lower()]
            return _day(pub + timedelta(days=offset), text)
    except ValueError:  # "February 30"
        return None
    return None


def _ago(pub: date, n: int, unit: str, text: str) -> EventDate:
    if unit == "day":
        return _day(pub - timedelta(days=n), text)
    if unit == "week":
        start = pub - timedelta(days=7 * n + pub.weekday())
        return EventDate(start.isoformat(), (start + timedelta(days=6)).isoformat(), "week", text)
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return _month_range(y, mo + 1, text)
    years = n * (10 if unit == "decade" else 1)
    y = pub.year - years
    return EventDate(f"{y}-01-01", f"{y}-12-31", "year", text)


def _relative_month(pub: date, rel: str, month: int, text: str) -> EventDate:
    """"last October": the latest October before the publication month; "next May": the first after;
    bare "in October" / "this October": the latest October up to and including the publication month."""
    if rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "last":
        year = pub.year if month < pub.month else pub.year - 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return _month_range(year, month, text)


def _weekday(pub: date, rel: str, weekday: int, text: str) -> EventDate:
    """"on Monday": the Monday on or before publication ("next Monday": the one after)."""
    back = (pub.weekday() - weekday) % 7
    if rel == "next":
        return _day(pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7), text)
    if rel == "last" and back == 0:
        back = 7
    return _day(pub - timedelta(days=back), text)


def _relative_unit(pub: date, rel: str, unit: str, text: str) -> EventDate:
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "week":
        start = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * step)
        return EventDate(start.isoformat(), (start + timedelta(days=6)).isoformat(), "week", text)
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        return _month_range(y, mo + 1, text)
    y = pub.year + step
    return EventDate(f"{y}-01-01", f"{y}-12-31", "year", text)


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


class DateGrammar:
    """The date expressions, compiled once per component with the lexicon's number words."""

    def __init__(self, numbers: Mapping[str, int]) -> None:
        self.numbers = numbers
        self.patterns = _patterns(numbers)

    def find(self, text: str, published: str | None) -> list[DateMention]:
        """Every date expression in ``text`` that resolves, left to right, without overlaps."""
        return _find(self, text, published)


def _number(numbers: Mapping[str, int], word: str) -> int:
    return int(word) if word.isdigit() else numbers.get(word.lower(), 1)


def _find(grammar: DateGrammar, text: str, published: str | None) -> list[DateMention]:
    pub = parse_published(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in grammar.patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            resolved = _resolve(kind, m, pub, grammar.numbers)
            if resolved is None:
                continue
            taken.append((m.start(), m.end()))
            start = m.start() + len(lead.group(0)) if (lead := _LEADING_PREPOSITION.match(m.group(0))) else m.start()
            resolved.text, resolved.span = text[start : m.end()], (start, m.end())
            found.append(DateMention(start, m.end(), resolved))
    return sorted(found, key=lambda d: d.start)


def publication_date(published: str | None) -> EventDate | None:
    """The fallback when a sentence states no date: the day the story ran, with ``text`` None."""
    pub = parse_published(published)
    return None if pub is None else EventDate(pub.isoformat(), pub.isoformat(), "day", None, None)
