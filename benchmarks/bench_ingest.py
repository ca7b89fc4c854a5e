"""Ingest speed against ``extract_many`` alone, and peak memory while ingesting.

    python benchmarks/bench_ingest.py [--articles N] [--workers W] [--corpus FILE.jsonl]
    python benchmarks/bench_ingest.py --small-files 100000      # reader walk over many tiny files

Each measurement runs in a fresh subprocess (its own peak RSS). Texts are the corpus's stories repeated
with a distinct first line until there are N of them (the default corpus is the VOA stories in
../shared, never copied into the repository). Timings include worker start-up for both modes and
exclude the model load of the main process (loaded before the clock starts).

Figures printed (issue 3 targets): ingest throughput vs ``extract_many`` on the same texts and workers
(ingest within 15%), peak RSS of the main process and of the largest worker (< 1 GB per worker), and
for --small-files the files/s and peak RSS of walking and reading a folder of tiny files.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"


def make_corpus(source: Path, n: int, out: Path, max_words: int = 0) -> None:
    """N JSONL records from the source corpus, repeated with a distinct first line (so keys differ);
    ``max_words`` cuts each story (for a memory run over many articles in less time)."""
    if source.is_file():
        base = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        base = [{"text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(base[i % len(base)])
            if max_words:
                rec["text"] = " ".join(rec["text"].split(" ")[:max_words])
            rec["text"] = f"Copy {i // len(base)}.\n\n{rec['text']}" if i >= len(base) else rec["text"]
            fh.write(json.dumps(rec) + "\n")


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_mode(mode: str, corpus: Path, workers: int) -> dict:
    from sayso.nlp import load_pipeline
    from sayso.read import Article, iter_articles

    load_pipeline()  # the main process's model load is outside the timing in both modes
    if mode == "extract":
        from sayso.api import extract_many

        articles = [a for a in iter_articles([str(corpus)]) if isinstance(a, Article)]
        start = time.perf_counter()
        n = sum(1 for _ in extract_many(articles, n_process=workers))
        elapsed = time.perf_counter() - start
    else:
        from sayso.ingest import IngestOptions, ingest

        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            summary = ingest([str(corpus)], IngestOptions(db_path=str(Path(tmp) / "b.duckdb"), workers=workers))
            elapsed = time.perf_counter() - start
            n = summary.ingested
            size = (Path(tmp) / "b.duckdb").stat().st_size / 1e6
    result = {"mode": mode, "n": n, "seconds": elapsed, "rate": n / elapsed,
              "main_peak_mb": peak_mb(resource.RUSAGE_SELF), "worker_peak_mb": peak_mb(resource.RUSAGE_CHILDREN)}
    if mode == "ingest":
        result["db_mb"] = size
    return result


def run_small_files(n: int) -> dict:
    from sayso.read import iter_articles

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(n):
            sub = folder / f"d{i // 1000:03d}"
            if i % 1000 == 0:
                sub.mkdir()
            (sub / f"{i:06d}.txt").write_text(f"Note {i}: the river rose {i % 97} cm overnight, officials said.")
        (folder / "d000" / "000007.txt").write_bytes(b"")  # one bad file among them
        start = time.perf_counter()
        ok = bad = 0
        for item in iter_articles([tmp]):
            if hasattr(item, "text"):
                ok += 1
            else:
                bad += 1
        elapsed = time.perf_counter() - start
    return {"mode": "small-files", "n": ok, "errors": bad, "seconds": elapsed, "rate": (ok + bad) / elapsed,
            "main_peak_mb": peak_mb(resource.RUSAGE_SELF)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--modes", default="extract,ingest", help="extract,ingest (or one of them)")
    parser.add_argument("--max-words", type=int, default=0, help="cut each story to N words")
    parser.add_argument("--small-files", type=int, default=0, help="walk N tiny files instead")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = run_small_files(args.small_files) if args.child == "small-files" else run_mode(args.child, args.file, args.workers)
        print(json.dumps(result))
        return
    me = [sys.executable, str(Path(__file__).resolve())]
    if args.small_files:
        out = subprocess.run([*me, "--child", "small-files", "--small-files", str(args.small_files)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"walked and read {r['n']:,} files ({r['errors']} error rows) in {r['seconds']:.1f}s = "
              f"{r['rate']:,.0f} files/s, peak RSS {r['main_peak_mb']:.0f} MB")
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_corpus(args.corpus, args.articles, corpus, args.max_words)
        results = {}
        for mode in args.modes.split(","):
            out = subprocess.run([*me, "--child", mode, "--file", str(corpus), "--workers", str(args.workers)],
                                 capture_output=True, text=True)
            if out.returncode != 0:
                print(out.stderr[-2000:], file=sys.stderr)
                raise SystemExit(f"{mode} run failed")
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results[mode] = r
            extra = f", store {r['db_mb']:.1f} MB" if "db_mb" in r else ""
            print(f"{mode:8} {r['n']:,} articles, {args.workers} worker(s): {r['seconds']:.1f}s = {r['rate']:.2f} articles/s; "
                  f"peak RSS main {r['main_peak_mb']:.0f} MB, largest worker {r['worker_peak_mb']:.0f} MB{extra}")
        if {"extract", "ingest"} <= results.keys():
            ratio = results["ingest"]["rate"] / results["extract"]["rate"]
            print(f"ingest throughput = {ratio:.1%} of extract_many (target >= 85%)")


if __name__ == "__main__":
    main()
