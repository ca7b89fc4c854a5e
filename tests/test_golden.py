"""The flagship article's whole report against its golden file (reviewed by hand once; see
tests/golden/xi-putin-reelection.known-errors.md). Update it only with ``python scripts/golden.py update``."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

from conftest import needs_model, needs_shared

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "golden.py"
spec = importlib.util.spec_from_file_location("golden", SCRIPT)
assert spec is not None and spec.loader is not None
golden = importlib.util.module_from_spec(spec)
spec.loader.exec_module(golden)


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_the_golden_file_holds_no_text_of_the_article():
    pinned = json.loads(golden.GOLDEN.read_text(encoding="utf-8"))
    assert not {"text", "title"} & _keys(pinned)
    assert pinned["article"]["published"] == "2024-03-18" and len(pinned["article"]["id"]) == 64


def test_redaction_drops_every_text_and_keeps_the_rest():
    report = {"article": {"text": "T", "title": "H", "path": "/a/b/c.txt", "id": "x"},
              "quotes": [{"content": {"text": "q", "spans": [[0, 1]]}, "cue": {"text": "said", "lemma": "say"}}]}
    assert golden.redact(report) == {"article": {"path": "c.txt", "id": "x"},
                                     "quotes": [{"content": {"spans": [[0, 1]]}, "cue": {"lemma": "say"}}]}


@needs_model
@needs_shared
def test_flagship_report_matches_the_golden_file(seed_report, seed_text):
    pinned = golden.GOLDEN.read_text(encoding="utf-8")
    assert json.loads(pinned)["article"]["id"] == hashlib.sha256(seed_text.encode("utf-8")).hexdigest()
    lines = golden.diff(pinned, golden.golden_text(seed_report.to_dict()))
    assert not lines, "the flagship report changed (if on purpose: python scripts/golden.py update):\n" + "\n".join(lines)
