"""The one batching loop. A stream of items is cut into batches; each batch goes to a worker (this
process, a process pool, Ray actors) and comes back as results, in input order, with at most
``in_flight`` batches outstanding, so memory stays bounded however long the stream is.
``extract_many``, ``ExtractorPool``, ``sayso.distributed.extract_ray`` and ingest all run through it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Handle = TypeVar("Handle")


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of ``size`` items (the last one shorter), read lazily."""
    if size < 1:
        raise ValueError("a batch holds at least one item")
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def run_batches(
    items: Iterable[Item],
    size: int,
    submit: Callable[[list[Item]], Handle],
    collect: Callable[[Handle], list[Result]],
    in_flight: int = 1,
) -> Iterator[tuple[list[Item], list[Result]]]:
    """(batch, its results) in input order. ``submit`` starts a batch and returns a handle (a future,
    a Ray object ref, or the results themselves); ``collect`` waits for a handle's results."""
    pending: deque[tuple[list[Item], Handle]] = deque()
    for batch in batched(items, size):
        pending.append((batch, submit(batch)))
        if len(pending) >= in_flight:
            done, handle = pending.popleft()
            yield done, collect(handle)
    while pending:
        done, handle = pending.popleft()
        yield done, collect(handle)
