"""Extraction on a Ray cluster: the same reports as ``extract_many``, with workers on many machines.

Each Ray actor loads the model once (one model per process, as locally) and turns batches of articles
into report dicts; ``ray.util.ActorPool.map`` keeps the input order and submits a batch only when an
actor is free, so a long input stream never floods the cluster. Ray is an optional dependency
(``pip install 'sayso[cluster]'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from sayso.errors import SaysoError
from sayso.read.article import Article
from sayso.report import Report

DEFAULT_BATCH_SIZE = 16


def _ray():  # noqa: ANN202 - the module, imported late so sayso works without Ray installed
    try:
        import ray
    except ImportError:
        raise SaysoError("Ray is not installed: pip install 'sayso[cluster]'") from None
    return ray


class _Extractor:
    """The body of one Ray actor."""

    def __init__(self, model: str | None, batch_size: int) -> None:
        from sayso.settings import Settings

        self.settings = Settings(model=model)
        self.batch_size = batch_size

    def extract(self, batch: list[Article]) -> list[dict]:
        from sayso.api import extract_many

        return [r.to_dict() for r in extract_many(batch, batch_size=self.batch_size, settings=self.settings)]


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
    pool = ray.util.ActorPool(workers)
    articles = (item if isinstance(item, Article) else Article(text=item) for item in items)
    batches = iter(lambda: list(islice(articles, batch_size)), [])
    try:
        for reports in pool.map(lambda actor, batch: actor.extract.remote(batch), batches):
            for data in reports:
                yield Report.from_dict(data)
    finally:
        for worker in workers:
            ray.kill(worker)
