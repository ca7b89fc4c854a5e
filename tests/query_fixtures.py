"""A fixture corpus for the query layer's tests: the web fixtures, the summit story in three outlets, and
a chronicle of events with every date precision, negated and modal events (own invented sentences), all
written through the store's writer. Needs no model."""

from __future__ import annotations

import hashlib
from pathlib import Path

from store_fixtures import summit_report
from web_support import report_1, report_2

from sayso.report import Actor, ActorRef, ArticleInfo, Content, Cue, Event, EventDate, Quote, Report, TextRef, Via

CHRONICLE = (
    "Finland imposed sanctions on Belarus on Monday, the state broadcaster Yle reported. "
    "Finland met Estonia in Tallinn last week. "
    "Norway may impose sanctions on Belarus. "
    "Estonia refused to condemn Belarus. "
    "Finland accused Belarus in 2023. "
    "Estonia asked Finland for help in February. "
    "Norway has met Finland forty times in the past decade. "
    "Estonia sent aid to Finland over the new year. "
    "\"Xinjiang and Mexico are far from here,\" the Yle correspondent wrote, according to a private news channel "
    "and the state broadcaster Yle."
)


def _span(text: str, words: str) -> tuple[int, int]:
    i = text.index(words)
    return i, i + len(words)


def chronicle_report(published: str = "2024-03-06") -> Report:
    """Events dated by a day, a week across two months, a month, a year, a decade and a span across the
    new year; one negated and one modal; and a quote carried by an unnamed link and state media."""
    t = CHRONICLE
    actors = [
        Actor("a1", "Finland", "country", "FIN", [], False, "GOV", [_span(t, "Finland")]),
        Actor("a2", "Belarus", "country", "BLR", [], False, "GOV", [_span(t, "Belarus")]),
        Actor("a3", "Estonia", "country", "EST", [], False, "GOV", [_span(t, "Estonia")]),
        Actor("a4", "Norway", "country", "NOR", [], False, "GOV", [_span(t, "Norway")]),
        Actor("a5", "Yle", "media", "FIN", [], True, "MED", [_span(t, "Yle")]),
    ]

    def event(i: int, etype: str, actor: str, recipient: str, trigger: str, sentence: str, date: EventDate | None,
              **kw: object) -> Event:
        s = t.index(sentence)
        at = t.index(trigger, s)
        return Event(f"e{i}", etype, None, [actor], [recipient], TextRef(trigger, (at, at + len(trigger))),
                     (s, t.index(".", s) + 1), date, intensity=-2.0, **kw)  # type: ignore[arg-type]

    def day(start: str, end: str, precision: str) -> EventDate:
        return EventDate(start, end, precision, "words", None)  # type: ignore[arg-type]

    events = [
        event(1, "SANCTION", "a1", "a2", "sanctions", "Finland imposed", day("2024-03-04", "2024-03-04", "day"),
              via=[Via("a5", "the state broadcaster Yle", _span(t, "the state broadcaster Yle"),
                       TextRef("reported", _span(t, "reported")))]),
        event(2, "CONSULT", "a1", "a3", "met", "Finland met", day("2024-02-26", "2024-03-03", "week")),
        event(3, "SANCTION", "a4", "a2", "sanctions", "Norway may", None, modality="may"),
        event(4, "ACCUSE", "a3", "a2", "condemn", "Estonia refused", None, negated=True),
        event(5, "ACCUSE", "a1", "a2", "accused", "Finland accused", day("2023-01-01", "2023-12-31", "year")),
        event(6, "REQUEST", "a3", "a1", "asked", "Estonia asked", day("2024-02-01", "2024-02-29", "month")),
        event(7, "CONSULT", "a4", "a1", "met", "Norway has met", day("2014-03-06", "2024-03-06", "range"), count=40),
        event(8, "AID", "a3", "a1", "sent", "Estonia sent", day("2023-12-28", "2024-01-03", "range")),
    ]
    words = "Xinjiang and Mexico are far from here,"
    yle = t.index("the state broadcaster Yle", t.index("news channel"))
    quote = Quote("q1", "direct", Content(words, [_span(t, words)]), Cue("wrote", "write", _span(t, "wrote")),
                  ActorRef(None, "the Yle correspondent", _span(t, "the Yle correspondent")), None,
                  [Via(None, "a private news channel", _span(t, "a private news channel"),
                       TextRef("according to", _span(t, "according to"))),
                   Via("a5", "the state broadcaster Yle", (yle, yle + len("the state broadcaster Yle")))],
                  False, None)
    info = ArticleInfo(hashlib.sha256(t.encode()).hexdigest(), t, None, published, "A chronicle", "en", None,
                       "Baltic Wire", None, [])
    return Report(info, actors, [quote], [], events)


def parity_reports() -> list[Report]:
    return [report_1(), report_2(), summit_report("Daily Planet", "2024-05-02"),
            summit_report("Wire Two", "2024-05-03", lead="UPDATED with reaction. "), chronicle_report()]


def build_parity_db(path: Path) -> list[Report]:
    from sayso.store.db import connect
    from sayso.store.writer import store_reports

    reports = parity_reports()
    con = connect(str(path))
    try:
        store_reports(con, reports)
    finally:
        con.close()
    return reports
