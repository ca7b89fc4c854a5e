"""Extraction speed and memory against bare spaCy, one process and several.

    python benchmarks/bench_extract.py [--corpus FILE.jsonl|DIR] [--repeat N] [--batch-size N]

Figures printed (issue 2 targets): extraction overhead over bare ``nlp.pipe`` on the same texts with the
stock model (target <= 25%), ``extract_many`` speed-up with 2 processes over 1 (target >= 1.7x), and peak
RSS per process (target <= 600 MB). Each measurement runs in a fresh subprocess so peak RSS is its own;
model load is excluded from every timing (a warm-up document is parsed first).

The default corpus is the VOA stories in ../shared (real news, never copied into the repository); without
it, the repository's own example and fixture articles are used.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"


def load_texts(corpus: Path, repeat: int) -> list[str]:
    if corpus.is_file() and corpus.suffix == ".jsonl":
        texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        folder = corpus if corpus.is_dir() else ROOT / "tests" / "fixtures"
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    # Repeats get a distinct first line so the tokenizer cache does not flatter the second pass.
    return [f"Copy {i}.\n\n{t}" if i else t for i in range(repeat) for t in texts]


def peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def run_mode(mode: str, corpus: Path, repeat: int, batch_size: int) -> dict:
    """One measurement, in this process (called through a subprocess by ``main``)."""
    texts = load_texts(corpus, repeat)
    words = sum(len(t.split()) for t in texts)
    if mode == "bare":
        import spacy

        from sayso.nlp import resolve_model_name

        nlp = spacy.load(resolve_model_name())
        nlp("Warm up the pipeline, said the engineer.")
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        elapsed = time.perf_counter() - start
        n_process = 1
    else:
        import sayso
        from sayso.api import ExtractorPool

        n_process = 1 if mode == "extract1" else 2
        if n_process == 1:
            list(sayso.extract_many(["Warm up the pipeline, said the engineer."]))
            start = time.perf_counter()
            for _ in sayso.extract_many(texts, batch_size=batch_size):
                pass
            elapsed = time.perf_counter() - start
        else:
            with ExtractorPool(n_process, batch_size=batch_size) as pool:
                pool.warm_up()  # model load in the workers is excluded, as for one process
                start = time.perf_counter()
                for _ in pool.extract_many(texts):
                    pass
                elapsed = time.perf_counter() - start
    return {
        "mode": mode,
        "n_process": n_process,
        "docs": len(texts),
        "words": words,
        "seconds": round(elapsed, 3),
        "words_per_s": round(words / elapsed),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_rss_children_mb": round(peak_rss_mb(children=True), 1),
    }


def subprocess_run(mode: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--mode", mode, "--corpus", str(args.corpus), "--repeat", str(args.repeat),
           "--batch-size", str(args.batch_size)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--mode", choices=["bare", "extract1", "extract2"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.corpus, args.repeat, args.batch_size)))
        return
    results = {mode: subprocess_run(mode, args) for mode in ("bare", "extract1", "extract2")}
    for r in results.values():
        rss = r["peak_rss_mb"] if r["n_process"] == 1 else max(r["peak_rss_mb"], r["peak_rss_children_mb"])
        print(f"{r['mode']:9s} {r['docs']:5d} docs {r['words']:8d} words {r['seconds']:8.2f} s "
              f"{r['words_per_s']:7d} words/s  peak RSS per process {rss:7.1f} MB")
    bare, one, two = results["bare"], results["extract1"], results["extract2"]
    overhead = one["seconds"] / bare["seconds"] - 1
    speedup = one["seconds"] / two["seconds"]
    worst_rss = max(one["peak_rss_mb"], two["peak_rss_mb"], two["peak_rss_children_mb"])
    print(f"extraction overhead over bare nlp.pipe: {overhead:+.1%} (target <= +25%)")
    print(f"extract_many 2 processes vs 1: {speedup:.2f}x (target >= 1.7x)")
    print(f"peak RSS per process: {worst_rss:.0f} MB (target <= 600 MB)")


if __name__ == "__main__":
    main()
