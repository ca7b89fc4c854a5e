"""The shape of the extraction code: no import circles, no module over ~400 lines (scripts/check_imports.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_imports.py"
spec = importlib.util.spec_from_file_location("check_imports", SCRIPT)
assert spec is not None and spec.loader is not None
check_imports = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_imports)

OWN = ("sayso.extract.actors", "sayso.extract.claims", "sayso.extract.events", "sayso.extract.dates",
       "sayso.extract.assemble", "sayso.extract.run", "sayso.extract.doc_fields", "sayso.nlp")


def test_no_import_circle_in_extraction():
    assert check_imports.cycles(check_imports.graph("sayso.extract")) == []
    assert not [c for c in check_imports.cycles(check_imports.graph("sayso")) if any(m.startswith(OWN) for m in c)]


def test_no_long_module_in_actors_claims_events():
    assert [m for m in check_imports.long_modules("sayso", 400) if m[0].startswith(OWN)] == []
