"""Cost of the attribution step against the parse it reads.

    python benchmarks/bench_quotes.py [DIR_OF_TXT | FILE.jsonl] [--limit N]

Prints bare ``nlp.pipe`` time for the texts (sayso's pipeline, model load excluded) and the time of
the attribution component over the parsed docs, and their ratio (issue target: extraction adds <= 25% to the
parse; this step is one part of it). Default corpus: the PolNeAR dev texts in ../shared when present,
else the repository's fixture articles.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"


def load(path: Path, limit: int | None) -> list[str]:
    if path.is_file() and path.suffix == ".jsonl":
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        folder = path if path.is_dir() else ROOT / "tests" / "fixtures"
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts[:limit] if limit else texts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    from sayso.extract.attribution.component import FACTORY
    from sayso.nlp import SAYSO_COMPONENTS, load_pipeline

    texts = load(Path(args.corpus), args.limit)
    nlp = load_pipeline()
    attributions = nlp.get_pipe(FACTORY)
    list(nlp.pipe(["Warm-up sentence, he said."]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16, disable=list(SAYSO_COMPONENTS)))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(len(attributions.attributions(doc)) for doc in docs)
    step = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    print(f"{len(texts)} texts, {words} tokens, {n} attributions")
    print(f"parse: {parse:.2f}s ({words / parse:,.0f} tokens/s)")
    print(f"attributions: {step:.2f}s = {100 * step / parse:.1f}% of the parse")


if __name__ == "__main__":
    main()
