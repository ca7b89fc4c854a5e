"""The CLI and the web answer the same filter with the same rows (docs/query.md): each case runs the CLI
command with ``--format json`` and the matching /api/v1 endpoint over one fixture store, and compares
the records field for field. Then the rules themselves on that store: state media, whole words, which
events count, the date window and the periods."""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from query_fixtures import build_parity_db
from typer.testing import CliRunner

from sayso.cli.main import app as cli
from sayso.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# web parameter -> CLI flag, where the names differ
FLAGS = {"state_media_only": "--state-media-only", "include_uncounted": "--all", "state_media": "--state-media"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parity") / "corpus.duckdb"
    build_parity_db(path)
    return path


@pytest.fixture(scope="module")
def web(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


def run_cli(db: Path, command: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    args = [command, "--db", str(db), "--format", "json"]
    for key, value in params.items():
        flag = FLAGS.get(key, "--" + key.replace("_", "-"))
        args += [flag] if value is True else [flag, str(value)]
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def run_web(web: TestClient, endpoint: str, params: dict[str, Any]) -> dict[str, Any]:
    r = web.get(f"/api/v1/{endpoint}", params={k: ("true" if v is True else v) for k, v in params.items()})
    assert r.status_code == 200, r.text
    return r.json()


QUOTES = [
    {}, {"speaker": "Korpela"}, {"speaker": "Lula"}, {"speaker": "FIN"}, {"addressee": "Modi"},
    {"via": "Nordpress"}, {"via": "private news channel"}, {"via": "Yle"}, {"state_media_only": True},
    {"text": "Xi"}, {"text": "mexico"}, {"text": "wait anyone"}, {"text": "coast* good"}, {"since": "2024-05"}, {"until": "2024-04"},
    {"since": "2024", "until": "2024-05-02"}, {"outlet": "Harbour Gazette"}, {"speaker": "Dahl", "until": "2024-04-30"},
    {"speaker": "Nobody Known"}, {"limit": 2, "offset": 3},
]


@pytest.mark.parametrize("params", QUOTES, ids=[json.dumps(p) for p in QUOTES])
def test_quotes_cli_equals_web(db: Path, web: TestClient, params: dict[str, Any]) -> None:
    params = {"limit": 200, **params}
    body = run_web(web, "quotes", params)
    assert run_cli(db, "quotes", params) == body["items"]


EVENTS = [
    {}, {"include_uncounted": True}, {"actor": "Finland"}, {"recipient": "Belarus"}, {"involving": "FIN"},
    {"type": "ACCUSE", "include_uncounted": True}, {"since": "2024-03"}, {"until": "2024-02"},
    {"since": "2024-03-01", "until": "2024-03-31"}, {"since": "2023", "until": "2023"}, {"limit": 2, "offset": 1},
]


@pytest.mark.parametrize("params", EVENTS, ids=[json.dumps(p) for p in EVENTS])
def test_events_cli_equals_web(db: Path, web: TestClient, params: dict[str, Any]) -> None:
    params = {"limit": 200, **params}
    assert run_cli(db, "events", params) == run_web(web, "events", params)["items"]


DYADS = [{}, {"by": "month"}, {"by": "week"}, {"by": "year"}, {"by": "month", "include_uncounted": True},
         {"type": "CONSULT", "by": "year"}, {"by": "month", "since": "2024-02", "until": "2024-03"}]


@pytest.mark.parametrize("params", DYADS, ids=[json.dumps(p) for p in DYADS])
def test_dyads_cli_equals_web(db: Path, web: TestClient, params: dict[str, Any]) -> None:
    assert run_cli(db, "dyads", params) == run_web(web, "dyads", params)["items"]


@pytest.mark.parametrize("params", [{}, {"name": "Lula"}, {"type": "media"}, {"state_media": True}, {"name": "NOR"}])
def test_actors_cli_equals_web(db: Path, web: TestClient, params: dict[str, Any]) -> None:
    assert run_cli(db, "actors", {"top": 200, **params}) == run_web(web, "actors", {"limit": 200, **params})["items"]


@pytest.mark.parametrize("params", [{"by": "speaker"}, {"by": "source"}, {"by": "speaker", "speaker": "Lula"},
                                    {"by": "source", "since": "2024-05"}])
def test_sources_cli_equals_web(db: Path, web: TestClient, params: dict[str, Any]) -> None:
    params = {"limit": 200, **params}
    assert run_cli(db, "sources", params) == run_web(web, "sources", params)["items"]


# --- the rules ------------------------------------------------------------------------------------------

def test_a_quote_rests_on_state_media_when_any_link_is_state_media(web: TestClient) -> None:
    """The chronicle's quote came through an unnamed channel and state broadcaster Yle: it counts."""
    texts = {q["text"] for q in run_web(web, "quotes", {"state_media_only": True, "limit": 200})["items"]}
    assert "Xinjiang and Mexico are far from here," in texts
    assert "the corridor must stay open for every ship," in texts  # via NRT alone
    assert not any("good day" in t for t in texts)  # via the Harbour Gazette, not state media


def test_words_and_names_match_whole_words_only(web: TestClient) -> None:
    assert run_web(web, "quotes", {"text": "Xi"})["total"] == 0  # not in "Xinjiang"
    assert run_web(web, "quotes", {"text": "Mexico"})["total"] == 1
    assert run_web(web, "quotes", {"via": "news channel"})["total"] == 1  # words of an unnamed link
    assert run_web(web, "quotes", {"via": "new"})["total"] == 0


def test_uncounted_events_stay_out_of_lists_dyads_and_relations(db: Path, web: TestClient) -> None:
    counted = run_web(web, "events", {"limit": 200})
    everything = run_web(web, "events", {"limit": 200, "include_uncounted": True})
    assert everything["total"] - counted["total"] == 2  # "may impose", "refused to condemn"
    assert all(e["counted"] for e in counted["items"])
    dyad_events = sum(d["events"] for d in run_web(web, "dyads", {})["items"])
    assert dyad_events == counted["total"]  # every fixture event has an actor and a recipient country
    from sayso.query import RelationFilter, edges
    from sayso.store import connect

    con = connect(str(db), read_only=True)
    pairs = {(e.source_name, e.target_name) for e in edges(con, RelationFilter(kind="events", top=120))}
    more = {(e.source_name, e.target_name) for e in edges(con, RelationFilter(kind="events", top=120, include_uncounted=True))}
    con.close()
    assert more - pairs == {("Estonia", "Belarus"), ("Norway", "Belarus")}
    page = web.get("/relations", params={"kind": "events", "top": 120}).text
    with_all = web.get("/relations", params={"kind": "events", "top": 120, "include_uncounted": "true"}).text
    assert with_all.count("<tr>") == page.count("<tr>") + 2


def test_a_window_holds_an_event_only_when_it_holds_its_whole_date(web: TestClient) -> None:
    march = run_web(web, "events", {"since": "2024-03", "until": "2024-03", "limit": 200})["items"]
    assert {e["when"] for e in march} == {"2024-03-04"}  # not the week Feb 26 - Mar 3, not the decade
    year_2023 = run_web(web, "events", {"since": "2023", "until": "2023", "limit": 200})["items"]
    assert {e["when"] for e in year_2023} == {"2023"}  # not the span over the new year


def test_periods_never_file_a_coarse_date_under_a_finer_period(web: TestClient) -> None:
    monthly = {(d["period"], d["type"]) for d in run_web(web, "dyads", {"by": "month"})["items"]}
    assert ("2023", "ACCUSE") in monthly and ("2023-01", "ACCUSE") not in monthly  # "in 2023"
    assert ("2024", "CONSULT") in monthly  # the week across February and March
    assert ("2014/2024", "CONSULT") in monthly and ("2023/2024", "AID") in monthly
    assert ("2024-02", "REQUEST") in monthly and ("2024-03", "SANCTION") in monthly
    weekly = {(d["period"], d["type"]) for d in run_web(web, "dyads", {"by": "week"})["items"]}
    assert ("2024-W09", "CONSULT") in weekly and ("2024-02", "REQUEST") in weekly


def test_a_months_bucket_is_the_months_window(web: TestClient) -> None:
    """The two rules agree: the events counted under "2024-03" are those of the window March 2024."""
    monthly = run_web(web, "dyads", {"by": "month"})["items"]
    for month in {d["period"] for d in monthly if len(d["period"]) == 7}:
        in_bucket = sum(d["events"] for d in monthly if d["period"] == month)
        in_window = run_web(web, "events", {"since": month, "until": month})["total"]
        assert in_bucket == in_window, month


def test_the_dyad_timeline_draws_coarse_periods_apart(web: TestClient) -> None:
    page = web.get("/relations", params={"a": "Norway", "b": "Finland"}).text
    assert ">2014/2024<" in page and 'class="coarse"' in page
    assert ">2024-06<" in page  # the fisheries accord, signed on a day


def test_the_quote_index_answers_as_the_sql(db: Path) -> None:
    from sayso.query import QuoteFilter, QuoteIndex, actor_ids, find_quotes, parse_day
    from sayso.store import connect

    con = connect(str(db), read_only=True)
    try:
        index = QuoteIndex.build(con.cursor())
        for params in QUOTES:
            values = {**params, "limit": params.get("limit", 200)}
            for key in ("since", "until"):
                if key in values:
                    values[key] = parse_day(values[key], end=key == "until")
            f = QuoteFilter(**values)
            assert find_quotes(con, f) == index.search(f, lambda v: actor_ids(con, v)), params
    finally:
        con.close()


def test_date_bounds_take_a_year_or_a_month(db: Path) -> None:
    from sayso.query import parse_day

    assert parse_day("2024-02", end=True) == date(2024, 2, 29) and parse_day("2024") == date(2024, 1, 1)
    bad = CliRunner().invoke(cli, ["events", "--db", str(db), "--since", "March"])
    assert bad.exit_code == 2 and "YYYY" in bad.output
    assert CliRunner().invoke(cli, ["events", "--db", str(db), "--type", "ATTACK"]).exit_code == 2
