"""Write the report's JSON Schema, generated from the dataclasses in ``sayso/report.py``, to
``src/sayso/schema/report-1.schema.json`` (the published contract). Review the diff before committing:
a change there is a change of the contract every consumer of the reports relies on.

    python scripts/write_report_schema.py
"""

from __future__ import annotations

from sayso.report_schema import SCHEMA_FILE, render, report_schema

if __name__ == "__main__":
    SCHEMA_FILE.write_text(render(report_schema()), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
