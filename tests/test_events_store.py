"""Event queries and the ``sayso events`` / ``sayso dyads`` commands over a temp DuckDB filled through the
store's writer with hand-built reports (no model needed)."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from sayso.report import Actor, ArticleInfo, Event, EventDate, Report, TextRef, Via

LEAD = "Finland imposed sanctions on Belarus on Monday, the state broadcaster Yle reported. "
REST = "Finland's president met Estonia's president in Tallinn. Norway may impose sanctions on Belarus. Estonia refused to condemn Belarus."


def _span(text: str, words: str, start: int = 0) -> tuple[int, int]:
    i = text.index(words, start)
    return i, i + len(words)


def _report(published: str, extra: str = "") -> Report:
    text = extra + LEAD + REST
    actors = [
        Actor("a1", "Finland", "country", "FIN", [], False, "GOV", [_span(text, "Finland")]),
        Actor("a2", "Belarus", "country", "BLR", [], False, "GOV", [_span(text, "Belarus")]),
        Actor("a3", "Estonia", "country", "EST", [], False, "GOV", [_span(text, "Estonia's")]),
        Actor("a4", "Norway", "country", "NOR", [], False, "GOV", [_span(text, "Norway")]),
        Actor("a5", "Yle", "media", "FIN", [], True, "MED", [_span(text, "Yle")]),
    ]

    def ev(i: int, etype: str, actor: str, recipient: str, trigger: str, sentence_start: str, **kw) -> Event:
        s = text.index(sentence_start)
        return Event(f"e{i}", etype, kw.pop("mode", None), [actor], [recipient], TextRef(trigger, _span(text, trigger, s)),
                     (s, text.index(".", s) + 1), intensity=kw.pop("intensity", None), **kw)

    monday = _span(text, "Monday")
    events = [
        ev(1, "SANCTION", "a1", "a2", "sanctions", "Finland imposed", mode="discontinue", intensity=-8.0,
           date=EventDate(published, published, "day", "Monday", monday),
           via=[Via("a5", "the state broadcaster Yle", _span(text, "the state broadcaster Yle"), TextRef("reported", _span(text, "reported")))]),
        ev(2, "CONSULT", "a1", "a3", "met", "Finland's president", mode="meet", intensity=1.0,
           date=EventDate("2014-01-01", published, "range", None, None)),
        ev(3, "SANCTION", "a4", "a2", "sanctions", "Norway may", intensity=-8.0, modality="may"),
        ev(4, "ACCUSE", "a3", "a2", "condemn", "Estonia refused", intensity=-2.0, negated=True),
    ]
    info = ArticleInfo(hashlib.sha256(text.encode()).hexdigest(), text, None, published, f"Sanctions {published}", "en",
                       None, "Wire", None, [])
    return Report(info, actors, [], [], events)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from sayso.store import connect
    from sayso.store.writer import store_reports

    path = str(tmp_path_factory.mktemp("events") / "events.duckdb")
    con = connect(path)
    store_reports(con, [_report("2024-03-18"), _report("2024-04-22", "VILNIUS - ")])
    con.close()
    return path


@pytest.fixture()
def con(db):
    from sayso.store import connect

    c = connect(db, read_only=True)
    yield c
    c.close()


def test_only_realised_events_are_listed_by_default(con):
    from sayso.query import EventFilter, find_events

    page = find_events(con)
    assert sorted({r.type for r in page.items}) == ["CONSULT", "SANCTION"]
    assert page.total == 4 and all(r.counted and not (r.negated or r.modality) for r in page.items)
    everything = find_events(con, EventFilter(include_uncounted=True))
    assert everything.total == 8
    assert {r.modality for r in everything.items} == {None, "may"}
    assert sum(not r.counted for r in everything.items) == 4


def test_filters_by_name_country_type_and_dates(con):
    from sayso.query import EventFilter, find_events

    by_iso = find_events(con, EventFilter(actor="FIN", type="sanction")).items
    assert len(by_iso) == 2
    assert all([a.name for a in r.actors] == ["Finland"] and [p.country for p in r.recipients] == ["BLR"] for r in by_iso)
    assert [v.name for v in by_iso[0].via] == ["Yle"] and by_iso[0].via[0].state_media
    assert by_iso[0].when == "2024-04-22"  # latest first
    assert find_events(con, EventFilter(recipient="Estonia")).items[0].type == "CONSULT"
    april = find_events(con, EventFilter(since=date(2024, 4, 1))).items
    assert {(r.published, r.type) for r in april} == {("2024-04-22", "SANCTION")}  # the range starts in 2014
    march = find_events(con, EventFilter(until=date(2024, 3, 31))).items
    assert {r.published for r in march} == {"2024-03-18"}
    assert find_events(con, EventFilter(actor="Nobody at all")).total == 0


def test_a_window_holds_an_event_when_it_holds_its_whole_date(con):
    """"In the past decade" (2014-01-01 up to publication) lies in no window of 2024 alone."""
    from sayso.query import EventFilter, find_events

    def consult(since: date | None = None, until: date | None = None) -> set[str]:
        return {r.when for r in find_events(con, EventFilter(type="CONSULT", since=since, until=until)).items}

    assert consult() == {"2014-01-01/2024-03-18", "2014-01-01/2024-04-22"}
    assert consult(since=date(2024, 1, 1)) == set()
    assert consult(since=date(2014, 1, 1), until=date(2024, 3, 31)) == {"2014-01-01/2024-03-18"}


def test_dyads_count_and_average_per_period(con):
    from sayso.query import QueryError, dyads

    overall = dyads(con)
    assert [(d.actor_country, d.recipient_country, d.type, d.events, d.mean_intensity) for d in overall] == [
        ("FIN", "BLR", "SANCTION", 2, -8.0), ("FIN", "EST", "CONSULT", 2, 1.0)]
    monthly = dyads(con, by="month")
    assert {(d.period, d.type, d.events) for d in monthly} == {
        ("2024-03", "SANCTION", 1), ("2024-04", "SANCTION", 1), ("2014/2024", "CONSULT", 2)}
    weekly = dyads(con, by="week")
    assert {d.period for d in weekly} == {"2024-W12", "2024-W17", "2014/2024"}
    with pytest.raises(QueryError):
        dyads(con, by="fortnight")  # type: ignore[arg-type]


def test_cli_events_and_dyads(db):
    from sayso.cli.main import app

    runner = CliRunner()
    out = runner.invoke(app, ["events", "--db", db, "--actor", "Finland", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert {r["type"] for r in rows} == {"SANCTION", "CONSULT"}
    out = runner.invoke(app, ["events", "--db", db, "--all", "--type", "ACCUSE", "--format", "csv"])
    assert out.exit_code == 0 and out.output.count("condemn") == 2
    out = runner.invoke(app, ["dyads", "--db", db, "--by", "month", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0] == "period,actor_country,recipient_country,type,events,mean_intensity"
    assert "2024-04,FIN,BLR,SANCTION,1,-8.0" in out.output
    out = runner.invoke(app, ["dyads", "--db", db])
    assert out.exit_code == 0 and "SANCTION" in out.output


def test_cli_missing_database_is_one_clean_line(tmp_path):
    from sayso.cli.main import app

    out = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code != 0
    assert "Traceback" not in out.output
