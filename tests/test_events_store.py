"""Event queries and the ``sayso events`` / ``sayso dyads`` commands over a temp DuckDB filled through the
store's writer with hand-built reports (no model needed)."""

from __future__ import annotations

import hashlib
import json

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
    from sayso.store.events_queries import EventFilter, find_events

    rows = find_events(con)
    assert sorted({r.type for r in rows}) == ["CONSULT", "SANCTION"]
    assert len(rows) == 4 and not any(r.negated or r.modality for r in rows)
    everything = find_events(con, EventFilter(include_uncounted=True))
    assert len(everything) == 8
    assert {r.modality for r in everything} == {None, "may"}


def test_filters_by_name_country_type_and_dates(con):
    from sayso.store.events_queries import EventFilter, find_events

    by_iso = find_events(con, EventFilter(actor="FIN", type="sanction"))
    assert len(by_iso) == 2 and all(r.actors == ["Finland"] and r.recipient_countries == ["BLR"] for r in by_iso)
    assert by_iso[0].via == ["Yle"] and by_iso[0].date == "2024-04-22"  # newest first
    assert find_events(con, EventFilter(recipient="Estonia"))[0].type == "CONSULT"
    april = find_events(con, EventFilter(since="2024-04-01"))
    assert {r.published for r in april} == {"2024-04-22"}
    march = find_events(con, EventFilter(until="2024-03"))
    assert {r.published for r in march} == {"2024-03-18"}
    assert find_events(con, EventFilter(actor="Nobody at all")) == []


def test_a_range_is_dated_by_its_last_day(con):
    from sayso.store.events_queries import EventFilter, find_events

    rows = find_events(con, EventFilter(type="CONSULT", since="2024-01-01"))
    assert len(rows) == 2 and {r.date for r in rows} == {"2024-03-18", "2024-04-22"}


def test_dyads_count_and_average_per_period(con):
    from sayso.store.events_queries import dyads

    overall = dyads(con)
    assert [(d.actor_country, d.recipient_country, d.type, d.events, d.mean_intensity) for d in overall] == [
        ("FIN", "BLR", "SANCTION", 2, -8.0), ("FIN", "EST", "CONSULT", 2, 1.0)]
    monthly = dyads(con, "month")
    assert {(d.period, d.type, d.events) for d in monthly} == {
        ("2024-03", "SANCTION", 1), ("2024-03", "CONSULT", 1), ("2024-04", "SANCTION", 1), ("2024-04", "CONSULT", 1)}
    weekly = dyads(con, "week")
    assert {d.period for d in weekly} == {"2024-W12", "2024-W17"}
    with pytest.raises(ValueError):
        dyads(con, "fortnight")  # type: ignore[arg-type]


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
    assert out.exit_code == 0
    assert out.output.splitlines()[0] == "period,actor_country,recipient_country,type,events,mean_intensity"
    assert "2024-04,FIN,BLR,SANCTION,1,-8.0" in out.output
    out = runner.invoke(app, ["dyads", "--db", db])
    assert out.exit_code == 0 and "SANCTION" in out.output


def test_cli_missing_database_is_one_clean_line(tmp_path):
    from sayso.cli.main import app

    out = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code != 0
    assert "Traceback" not in out.output
