"""Content fingerprints for deduplication: an exact hash and a MinHash signature of word shingles."""

from __future__ import annotations

import hashlib
import re

import numpy as np

NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2's default; stored signatures must be read back with the same one
_WORD = re.compile(r"\w+", re.U)


def normalise_text(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(normalise_text(text)).encode("utf-8")).hexdigest()


def minhash_bytes(text: str, num_perm: int = NUM_PERM) -> bytes:
    """MinHash (datasketch, ``num_perm`` permutations) of word 5-shingles, as raw uint64 bytes."""
    from datasketch import MinHash

    words = normalise_text(text)
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype(np.uint64).tobytes()


def minhash_from_bytes(raw: bytes):  # type: ignore[no-untyped-def]
    """A LeanMinHash (no permutation tables: cheap to build) from stored signature bytes."""
    from datasketch import LeanMinHash

    lean = LeanMinHash.__new__(LeanMinHash)
    lean._initialize_slots(1, np.frombuffer(raw, dtype=np.uint64), SCHEME)
    return lean
