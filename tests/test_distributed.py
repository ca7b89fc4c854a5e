"""Ray gives the same reports, in the same order, as local extraction."""

from __future__ import annotations

import pytest
from conftest import fixture_text, needs_model

ray = pytest.importorskip("ray")


@needs_model
@pytest.mark.slow
def test_ray_matches_local_extraction() -> None:
    import sayso
    from sayso.distributed import extract_ray

    base = fixture_text("modi-lula-summit.txt")
    texts = [base, "Nothing quoted here.", base.replace("Modi", "Sharma"), ""]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        remote = list(extract_ray(texts, num_workers=2, batch_size=1))
    finally:
        ray.shutdown()
    local = list(sayso.extract_many(texts))
    assert [r.article.id for r in remote] == [r.article.id for r in local]
    assert [r.to_dict() for r in remote] == [r.to_dict() for r in local]
