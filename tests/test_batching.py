"""The one batching loop, and the worker pool built on it: order kept, bounded in flight, and a script
without the ``__main__`` guard fails fast with one clear message instead of respawning workers forever."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from conftest import needs_model

from sayso.batching import batched, run_batches


def test_batched_cuts_a_stream_lazily():
    consumed = []

    def stream():
        for i in range(7):
            consumed.append(i)
            yield i

    batches = batched(stream(), 3)
    assert next(batches) == [0, 1, 2] and consumed == [0, 1, 2]
    assert list(batches) == [[3, 4, 5], [6]]
    with pytest.raises(ValueError):
        next(batched([1], 0))


def test_run_batches_keeps_order_and_bounds_what_is_in_flight():
    outstanding: list[list[int]] = []
    peak = 0

    def submit(batch: list[int]) -> list[int]:
        nonlocal peak
        outstanding.append(batch)
        peak = max(peak, len(outstanding))
        return batch

    def collect(handle: list[int]) -> list[int]:
        outstanding.remove(handle)
        return [x * 10 for x in handle]

    out = list(run_batches(range(10), 3, submit, collect, in_flight=2))
    assert [b for b, _ in out] == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert [r for _, rs in out for r in rs] == [x * 10 for x in range(10)]
    assert peak == 2 and outstanding == []


UNGUARDED = """
import sayso
reports = list(sayso.extract_many(["He said hello.", "She said no.", "They left."], n_process=2, batch_size=1))
print("reports", len(reports))
"""


@needs_model
def test_a_script_without_the_main_guard_fails_fast_with_a_clear_message(tmp_path):
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED, encoding="utf-8")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180,
                         cwd=tmp_path, env={**os.environ})
    assert out.returncode != 0
    assert time.perf_counter() - start < 120
    assert 'if __name__ == "__main__":' in out.stderr
    assert out.stderr.count("Traceback") <= 1, out.stderr[-3000:]  # the script's own, not one per respawn
    assert len(out.stderr.splitlines()) < 40


@needs_model
def test_the_same_script_with_the_guard_works(tmp_path):
    script = tmp_path / "guarded.py"
    body = "\n".join("    " + line for line in UNGUARDED.strip().splitlines())
    script.write_text(f"if __name__ == '__main__':\n{body}\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "reports 3"
