"""The JSON Schema of a report, generated from the dataclasses in ``report.py``.

The committed file ``schema/report-1.schema.json`` is the published contract and what ``validate``
uses; a test fails when it differs from what this module generates. After changing a report field,
regenerate it and review the diff:

    python scripts/write_report_schema.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from sayso.records import TypeInfo, describe, record_fields
from sayso.report import SCHEMA_VERSION, Report

SCHEMA_FILE = Path(__file__).parent / "schema" / "report-1.schema.json"

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def generate(root: type, *, title: str, description: str, schema_id: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the record ``root``; every other record type it uses goes to
    ``$defs`` under its class name."""
    defs: dict[str, Any] = {}
    body = _object(root, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        "description": description,
        **body,
        "$defs": {name: defs[name] for name in sorted(defs)},
    }


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    fields = record_fields(cls)
    out: dict[str, Any] = {"type": "object"}
    doc = cls.__doc__ or ""
    if doc and not doc.startswith(cls.__name__ + "("):  # not the signature dataclasses writes by default
        out["description"] = " ".join(doc.split())
    out["additionalProperties"] = False
    out["required"] = [f.name for f in fields if not f.optional_in_json]
    out["properties"] = {f.name: _value(f.type, defs) for f in fields}
    return out


def _value(info: TypeInfo, defs: dict[str, Any]) -> dict[str, Any]:
    schema = _base(info, defs)
    if not info.optional:
        return schema
    if set(schema) == {"type"} and isinstance(schema["type"], str):
        return {"type": [schema["type"], "null"]}
    return {"oneOf": [schema, {"type": "null"}]}


def _base(info: TypeInfo, defs: dict[str, Any]) -> dict[str, Any]:
    base = info.base
    if info.is_record:
        if base.__name__ not in defs:
            defs[base.__name__] = _object(base, defs)
        return {"$ref": f"#/$defs/{base.__name__}"}
    if info.origin is Literal:
        values = list(info.args)
        schema: dict[str, Any] = {"const": values[0]} if len(values) == 1 else {"enum": values}
    elif info.origin is list:
        schema = {"type": "array", "items": _value(describe(info.args[0]), defs)}
    elif info.origin is tuple:
        items = [_value(describe(a), defs) for a in info.args]
        if any(item != items[0] for item in items):
            raise TypeError(f"tuples of mixed item types are not supported: {base}")
        schema = {"type": "array", "items": items[0], "minItems": len(items), "maxItems": len(items)}
    elif base in _JSON_TYPES:
        schema = {"type": _JSON_TYPES[base]}
    else:
        raise TypeError(f"no JSON Schema for the field type {base!r}")
    return {**schema, **info.schema_keywords}


def report_schema() -> dict[str, Any]:
    """The schema of ``sayso.report.Report`` as the dataclasses describe it now."""
    return generate(
        Report,
        title=f"sayso report ({SCHEMA_VERSION})",
        description=("Who said what, to whom, on whose say-so, and what actors did to each other, in one "
                     "article. Every span is a pair of Python string offsets into article.text."),
        schema_id="https://sayso.invalid/schema/report-1.schema.json",
    )


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
