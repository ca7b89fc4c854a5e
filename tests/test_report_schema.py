"""The report's JSON form and JSON Schema come from the dataclasses: the committed schema file is what
they generate, ``from_dict`` reads what ``to_dict`` writes, and the schema stays as strict as before."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from store_fixtures import summit_report

from sayso.lexicons import read_tsv
from sayso.report import PloverType, Report, json_schema, validate
from sayso.report_schema import SCHEMA_FILE, render, report_schema


def test_the_committed_schema_is_the_generated_one():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == report_schema(), (
        "src/sayso/schema/report-1.schema.json differs from the dataclasses in sayso/report.py: run "
        "`python scripts/write_report_schema.py` and review the diff (it is the published contract)")
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(report_schema())
    assert json_schema() == committed


def test_event_types_are_the_plover_types_of_the_lexicon():
    lexicon = {row[0] for row in read_tsv("plover_types.tsv") if row[0] != "type"}
    assert set(PloverType.__args__) == lexicon


def test_to_dict_and_from_dict_are_inverse():
    report = summit_report()
    data = report.to_dict()
    assert Report.from_dict(data) == report
    assert Report.from_dict(json.loads(json.dumps(data))) == report
    validate(data)


def test_from_dict_fills_fields_added_later_and_ignores_unknown_ones():
    data = summit_report().to_dict()
    for key in ("url", "outlet", "author"):
        del data["article"][key]
    del data["quotes"][0]["sentence"]
    data["quotes"][0]["confidence"] = 0.9  # a field from a newer writer
    validate({**data, "quotes": [{k: v for k, v in q.items() if k != "confidence"} for q in data["quotes"]]})
    report = Report.from_dict(data)
    assert report.article.url is None and report.quotes[0].sentence is None
    assert report.quotes[1:] == summit_report().quotes[1:]


@pytest.mark.parametrize("path", [("article", "text"), ("quotes", 0, "content"), ("events", 0, "trigger")])
def test_from_dict_names_a_missing_required_field(path):
    data = summit_report().to_dict()
    target = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    with pytest.raises(ValueError, match=repr(path[-1])):
        Report.from_dict(data)


def _broken(edit) -> dict:
    data = copy.deepcopy(summit_report().to_dict())
    edit(data)
    return data


@pytest.mark.parametrize("edit", [
    lambda d: d["article"].update(id="not-a-sha"),
    lambda d: d["article"].update(published="May 2024"),
    lambda d: d["actors"][0].update(country="India"),
    lambda d: d["actors"][0].update(type="robot"),
    lambda d: d["quotes"][0]["content"].update(spans=[]),
    lambda d: d["quotes"][0]["content"].update(spans=[[1, 2, 3]]),
    lambda d: d["quotes"][0]["content"].update(spans=[[-1, 2]]),
    lambda d: d["quotes"][0].pop("speaker"),
    lambda d: d["quotes"][0].update(extra=1),
    lambda d: d["events"][0].update(type="PARTY"),
    lambda d: d["events"][0]["date"].update(precision="decade"),
    lambda d: d.update(schema="sayso/2"),
])
def test_the_schema_rejects_what_breaks_the_contract(edit):
    with pytest.raises(jsonschema.ValidationError):
        validate(_broken(edit))
