"""Content fingerprints for deduplication: an exact hash and a MinHash signature of word shingles.

The signature is bit for bit the one ``datasketch.MinHash(num_perm, seed=1, scheme="affine32")``
computes (SHA-1 of each shingle, MurmurHash3 finaliser, affine permutations mod 2**32; the test
suite compares the two), computed here with numpy alone: importing datasketch imports scipy, about
50 MB of resident memory in the crawler and in every extraction worker.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

NUM_PERM = 64
SHINGLE = 5
SEED = 1
SCHEME = "affine32"  # datasketch 2's default; signatures already stored were made with it
_WORD = re.compile(r"\w+", re.U)
_U32 = np.uint32


def normalise_text(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(normalise_text(text)).encode("utf-8")).hexdigest()


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 parameters for ``seed=1``: odd multipliers ``a`` and offsets ``b``."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    hv = hv ^ (hv >> _U32(16))
    hv = hv * _U32(0x85EBCA6B)
    hv = hv ^ (hv >> _U32(13))
    hv = hv * _U32(0xC2B2AE35)
    return hv ^ (hv >> _U32(16))


def shingles(text: str) -> set[bytes]:
    words = normalise_text(text)
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}


def minhash_bytes(text: str, num_perm: int = NUM_PERM) -> bytes:
    """MinHash (``num_perm`` permutations) of word 5-shingles, as raw uint64 bytes."""
    digests = b"".join(hashlib.sha1(s).digest()[:4] for s in shingles(text))
    hv = _fmix32(np.frombuffer(digests, dtype="<u4").astype(_U32)).reshape(-1, 1)
    a, b = _permutations(num_perm)
    with np.errstate(over="ignore"):
        values = (hv * a + b).min(axis=0)
    return values.astype(np.uint64).tobytes()


def signature(raw: bytes) -> np.ndarray | None:
    """The uint64 values of a stored signature, or None when it is not one of ours."""
    if not raw or len(raw) != NUM_PERM * 8:
        return None
    return np.frombuffer(raw, dtype=np.uint64)


@lru_cache(maxsize=8)
def _band_mix(rows: int) -> np.ndarray:
    """Odd 64-bit multipliers, one per value of a band (fixed seed: the same keys in every process)."""
    mix = np.random.RandomState(7).randint(0, 1 << 63, rows, dtype=np.uint64)
    return mix * np.uint64(2) + np.uint64(1)


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """LSH bucket keys of signatures: the first ``bands * rows`` values of each row of ``sigs``
    (n, NUM_PERM) cut into ``bands`` bands, each band's values mixed into one 64-bit key (n, bands).
    Equal bands give equal keys; different ones collide with probability about 2**-64."""
    v = np.asarray(sigs, dtype=np.uint64)[:, : bands * rows].reshape(len(sigs), bands, rows)
    with np.errstate(over="ignore"):
        return (v * _band_mix(rows)).sum(axis=2, dtype=np.uint64)  # type: ignore[no-any-return]
