"""Near-duplicate articles (the same wire story in several outlets): MinHash over word 5-shingles,
banded LSH for candidates, then the signature agreement as the Jaccard estimate.

64 permutations in 16 bands of 4 rows put the LSH threshold near 0.5; a candidate joins the story when
its estimated Jaccard is at least ``THRESHOLD``. Signatures and band buckets live in the store
(``article_minhash``, ``lsh_buckets``) so later runs link to stories seen before.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from sayso.read.article import normalise_text

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.5
_SEED = 20240318


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = normalise_text(text).split()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8", "surrogatepass")}
    return {" ".join(words[i:i + size]).encode("utf-8", "surrogatepass") for i in range(len(words) - size + 1)}


def signature(text: str) -> list[int]:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    m.update_batch(list(shingles(text)))
    return [int(v) for v in m.hashvalues]


def buckets(sig: list[int]) -> list[int]:
    """One bucket per band: a hash of the band number and its rows."""
    out = []
    for b in range(BANDS):
        band = np.asarray(sig[b * ROWS:(b + 1) * ROWS], dtype=np.uint64).tobytes()
        digest = hashlib.blake2b(bytes([b]) + band, digest_size=8).digest()
        out.append(int.from_bytes(digest, "big") & (2**63 - 1))
    return out


def similarity(a: list[int], b: list[int]) -> float:
    """The share of agreeing signature slots: an estimate of the shingle sets' Jaccard index."""
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


@dataclass
class Fingerprint:
    article_id: str
    signature: list[int]
    buckets: list[int]


def fingerprint(article_id: str, text: str) -> Fingerprint:
    sig = signature(text)
    return Fingerprint(article_id, sig, buckets(sig))
