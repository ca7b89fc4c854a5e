"""Hand-built reports over our own wire-style fixture articles (invented outlets and officials), and a
small corpus database built from them through the store's writer. Shared by the web and browser tests
and needing no model: offsets are computed from the text, so the fixtures cannot drift from it."""

from __future__ import annotations

from pathlib import Path

from sayso.report import (
    Actor, ActorRef, ArticleInfo, Claim, Content, Cue, Event, EventDate, Location, Quote, Report, TextRef, Via,
    offset_errors, validate,
)

SCRIPT = "<script>window.__pwned = 1</script>"

TEXT_1 = f"""Ministers Trade Warnings Over Grain Corridor

GENEVA, April 30 (Wire) - Finland's foreign minister Anna Korpela told Norway on Tuesday that "the corridor must stay open for every ship," according to state broadcaster NRT.

Korpela said the talks would resume next week. Oslo has sent 40 inspectors to the port, officials said.

"We will not accept {SCRIPT} any delay," Norwegian minister Lars Dahl said, the state news agency Nordpress reported.

Dahl and Korpela met in Geneva on Monday.
"""

TEXT_2 = """Nordic Neighbours Sign Fisheries Accord

OSLO, June 10 (Wire) - Norway and Finland signed a fisheries accord on Monday after two years of talks.

"This is a good day for both coasts," Lars Dahl told reporters, according to the Harbour Gazette.
"""


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return (start, start + len(needle))


def _ref(text: str, actor: str | None, needle: str, nth: int = 0) -> ActorRef:
    return ActorRef(actor, needle, span(text, needle, nth))


def _via(text: str, actor: str, needle: str, cue: str) -> Via:
    return Via(actor, needle, span(text, needle), TextRef(cue, span(text, cue)))


def _sentence(text: str, start_needle: str, end_needle: str) -> tuple[int, int]:
    s = text.index(start_needle)
    return (s, text.index(end_needle, s) + len(end_needle))


def report_1() -> Report:
    t = TEXT_1
    actors = [
        Actor("a1", "Anna Korpela", "person", "FIN", ["Foreign Minister"], False, "GOV",
              [span(t, "Anna Korpela"), span(t, "Korpela", 1), span(t, "Korpela", 2)]),
        Actor("a2", "Norway", "country", "NOR", [], False, "GOV", [span(t, "Norway"), span(t, "Oslo")]),
        Actor("a3", "NRT", "media", "FIN", [], True, "MED", [span(t, "NRT")]),
        Actor("a4", "Lars Dahl", "person", "NOR", ["Minister"], False, "GOV", [span(t, "Lars Dahl"), span(t, "Dahl", 1)]),
        Actor("a5", "Nordpress", "media", "NOR", [], True, "MED", [span(t, "Nordpress")]),
    ]
    q1_words = "the corridor must stay open for every ship,"
    q3_words = f"We will not accept {SCRIPT} any delay,"
    quotes = [
        Quote("q1", "direct", Content(q1_words, [span(t, q1_words)]), Cue("told", "tell", span(t, "told")),
              _ref(t, "a1", "Anna Korpela"), _ref(t, "a2", "Norway"), [_via(t, "a3", "NRT", "according to")],
              False, _sentence(t, "GENEVA", "NRT.")),
        Quote("q2", "indirect", Content("the talks would resume next week", [span(t, "the talks would resume next week")]),
              Cue("said", "say", span(t, "said")), _ref(t, "a1", "Korpela", 1), None, [], True,
              _sentence(t, "Korpela said", "next week.")),
        Quote("q3", "direct", Content(q3_words, [span(t, q3_words)]), Cue("said", "say", span(t, "said", 2)),
              _ref(t, "a4", "Lars Dahl"), None, [_via(t, "a5", "Nordpress", "reported")], False,
              _sentence(t, '"We will', "reported.")),
    ]
    claims = [Claim("c1", "40 inspectors", span(t, "40 inspectors"), 40.0, "people", "a2", None, [], False)]
    events = [
        Event("e1", "CONSULT", "meet", ["a4"], ["a1"], TextRef("met", span(t, "met")),
              _sentence(t, "Dahl and Korpela met", "Monday."),
              EventDate("2024-04-29", "2024-04-29", "day", "on Monday", span(t, "on Monday")),
              Location("Geneva", span(t, "Geneva"), "CHE"), cameo="04", intensity=1.0),
        Event("e2", "REQUEST", None, ["a1"], ["a2"], TextRef("told", span(t, "told")), _sentence(t, "GENEVA", "NRT."),
              EventDate("2024-04-30", "2024-04-30", "day", None, None), cameo="10", intensity=-5.0),
    ]
    info = ArticleInfo(id="", text=t, published="2024-04-30", title="Ministers Trade Warnings Over Grain Corridor",
                       outlet="Wire")
    return _finish(Report(info, actors, quotes, claims, events))


def report_2() -> Report:
    t = TEXT_2
    actors = [
        Actor("a1", "Norway", "country", "NOR", [], False, "GOV", [span(t, "Norway")]),
        Actor("a2", "Finland", "country", "FIN", [], False, "GOV", [span(t, "Finland")]),
        Actor("a3", "Lars Dahl", "person", "NOR", ["Minister"], False, "GOV", [span(t, "Lars Dahl")]),
        Actor("a4", "Harbour Gazette", "media", "NOR", [], False, "MED", [span(t, "Harbour Gazette")]),
    ]
    words = "This is a good day for both coasts,"
    quotes = [Quote("q1", "direct", Content(words, [span(t, words)]), Cue("told", "tell", span(t, "told")),
                    _ref(t, "a3", "Lars Dahl"), None, [_via(t, "a4", "Harbour Gazette", "according to")], False,
                    _sentence(t, '"This', "Gazette."))]
    events = [Event("e1", "COOPERATE", "sign", ["a1"], ["a2"], TextRef("signed", span(t, "signed")),
                    _sentence(t, "OSLO", "talks."),
                    EventDate("2024-06-10", "2024-06-10", "day", "on Monday", span(t, "on Monday")), cameo="06",
                    intensity=6.0)]
    info = ArticleInfo(id="", text=t, published="2024-06-10", title="Nordic Neighbours Sign Fisheries Accord",
                       outlet="Harbour Gazette")
    return _finish(Report(info, actors, quotes, [], events))


def _finish(report: Report) -> Report:
    from sayso.read.article import Article

    report.article.id = Article(text=report.article.text).id
    errors = offset_errors(report)
    assert not errors, errors
    validate(report)  # the fixtures obey the published schema, as extracted reports do
    return report


def build_db(path: Path) -> list[Report]:
    """A corpus of the fixture reports at ``path``, written through the store like ``sayso ingest``."""
    from sayso.store.db import connect
    from sayso.store.writer import store_reports

    reports = [report_1(), report_2()]
    con = connect(str(path))
    try:
        store_reports(con, reports)
    finally:
        con.close()
    return reports
