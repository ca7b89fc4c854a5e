"""A few of the fuzzing jobs' properties (benchmarks/fuzz_*.py) at small example counts, so CI keeps them
honest; the jobs themselves run for minutes outside CI."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, needs_model
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(ROOT / "benchmarks"))

import fuzz_readers  # noqa: E402 - benchmarks/ is not a package

QUICK = settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("name", fuzz_readers.TARGETS)
def test_readers_raise_nothing_but_their_own_errors(name):
    examples = 10 if name == "warc" else 25  # a WARC case reads two archives through trafilatura
    settings(QUICK, max_examples=examples)(fuzz_readers.PROPS[name])()


@needs_model
def test_extract_never_raises_and_its_reports_hold():
    import fuzz_extract

    settings(QUICK, max_examples=15)(fuzz_extract.prop_extract)()
