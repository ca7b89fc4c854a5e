"""Extraction on a Ray cluster: the same reports as ``extract_many``, with workers on many machines.

Each Ray actor loads the model once (one model per process, as locally) and turns batches of articles
into report dicts. Batches go round the actors through the one batching loop (``sayso.batching``):
results come back in input order and at most two batches per actor are outstanding, so a long input
stream never floods the cluster. Ray is an optional dependency (``pip install 'sayso[cluster]'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import cycle

from sayso.batching import run_batches
from sayso.errors import SaysoError
from sayso.read.article import Article
from sayso.report import Report
from sayso.settings import DEFAULT_BATCH_SIZE


def _ray():  # noqa: ANN202 - the module, imported late so sayso works without Ray installed
    try:
        import ray
    except ImportError:
        raise SaysoError("Ray is not installed: pip install 'sayso[cluster]'") from None
    return ray


class _Extractor:
    """The body of one Ray actor."""

    def __init__(self, model: str | None, batch_size: int) -> None:
        from sayso.api import LocalExtractor

        self.local = LocalExtractor(batch_size=batch_size, model=model)

    def extract(self, batch: list[Article]) -> list[dict]:
        return [r.to_dict() for _, reports in self.local.extract_batches(batch) for r in reports]


def extract_ray(
    items: Iterable[str | Article],
    *,
    address: str | None = None,
    num_workers: int = 2,
    batch_size: int = DEFAULT_BATCH_SIZE,
    model: str | None = None,
    cpus_per_worker: float = 1.0,
) -> Iterator[Report]:
    """Stream reports in input order from ``num_workers`` Ray actors. ``address`` joins an existing
    cluster ("auto", "ray://head:10001"); None starts a local one for this process."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
    remote_cls = ray.remote(num_cpus=cpus_per_worker)(_Extractor)
    workers = [remote_cls.remote(model, batch_size) for _ in range(num_workers)]
    turn = cycle(workers)
    articles = (item if isinstance(item, Article) else Article(text=item) for item in items)
    try:
        batches = run_batches(articles, batch_size, lambda batch: next(turn).extract.remote(batch),
                              lambda ref: [Report.from_dict(d) for d in ray.get(ref)], in_flight=2 * num_workers)
        for _, reports in batches:
            yield from reports
    finally:
        for worker in workers:
            ray.kill(worker)
