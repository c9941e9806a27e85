"""The newest articles seen by the dedup stage, in fixed-size numpy arrays (a ring buffer).

Per article it keeps a 64-bit hash of the canonical URL, the first 64 bits of the content hash, the
MinHash LSH band keys, the outlet and the URL itself: about 100 bytes, so a window of 50,000 articles
costs a few MB however long the crawl runs. Lookups compare a whole column at once (tens of
microseconds for 50,000 rows), which is cheaper in memory than per-key dictionaries and sets.

LSH: the signature of ``NUM_PERM`` values is cut into ``bands`` bands of ``rows`` values, chosen for
the threshold like datasketch's ``MinHashLSH`` (weighted false positives and negatives, equal weights);
two articles agreeing on every value of one band are near-duplicate candidates.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

from crawler.extract.fingerprint import NUM_PERM, band_keys, signature

LIVE, IN_CRAWL, HAS_TEXT, HAS_SIGNATURE = 1, 2, 4, 8


@lru_cache(maxsize=8)
def lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) minimising the false positive plus false negative areas at ``threshold``."""

    def area(lo: float, hi: float, b: int, r: int, positive: bool) -> float:
        s = np.linspace(lo, hi, 2001)
        p = 1 - (1 - s**r) ** b
        y = p if positive else 1 - p
        return float(np.sum((y[1:] + y[:-1]) * np.diff(s)) / 2)

    best, opt = float("inf"), (1, num_perm)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            error = area(0.0, threshold, b, r, True) + area(threshold, 1.0, b, r, False)
            if error < best:
                best, opt = error, (b, r)
    return opt


def url_key(url: str) -> int:
    return int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest(), "little")


def text_key(chash: str | None) -> int:
    return int(chash[:16], 16) if chash else 0


class RecentArticles:
    def __init__(self, capacity: int, threshold: float) -> None:
        self.capacity = max(1, capacity)
        self.bands, self.rows = lsh_bands(threshold)
        n = self.capacity
        self.url_keys = np.zeros(n, dtype=np.uint64)
        self.text_keys = np.zeros(n, dtype=np.uint64)
        self.band_keys = np.zeros((n, self.bands), dtype=np.uint64)
        self.flags = np.zeros(n, dtype=np.uint8)
        self.seq = np.zeros(n, dtype=np.int64)  # insertion order: the oldest copy of a text wins
        self.outlet_codes = np.zeros(n, dtype=np.uint16)
        self.urls: list[str] = [""] * n
        self.outlets: list[str] = []  # code -> outlet name
        self.count = 0  # articles ever added; slot = count % capacity

    def __len__(self) -> int:
        return min(self.count, self.capacity)

    def keys_of(self, raw: bytes | None) -> np.ndarray | None:
        sig = signature(raw) if raw else None
        if sig is None:
            return None
        return band_keys(sig[None, :], self.bands, self.rows)[0]

    def _outlet_code(self, outlet: str) -> int:
        if outlet not in self.outlets:
            self.outlets.append(outlet)
        return self.outlets.index(outlet)

    def add(self, url: str, outlet: str, chash: str | None, raw_minhash: bytes | None, in_crawl: bool) -> None:
        slot = self.count % self.capacity
        keys = self.keys_of(raw_minhash)
        flags = LIVE | (IN_CRAWL if in_crawl else 0) | (HAS_TEXT if chash else 0)
        if keys is not None:
            self.band_keys[slot] = keys
            flags |= HAS_SIGNATURE
        self.url_keys[slot] = url_key(url)
        self.text_keys[slot] = text_key(chash)
        self.flags[slot] = flags
        self.seq[slot] = self.count
        self.outlet_codes[slot] = self._outlet_code(outlet)
        self.urls[slot] = url
        self.count += 1

    def _live(self, flag: int) -> np.ndarray:
        n = len(self)
        return (self.flags[:n] & np.uint8(LIVE | flag)) == (LIVE | flag)

    def seen_in_crawl(self, url: str) -> bool:
        n = len(self)
        hits = np.flatnonzero((self.url_keys[:n] == np.uint64(url_key(url))) & self._live(IN_CRAWL))
        return any(self.urls[i] == url for i in hits)

    def same_text(self, chash: str | None) -> tuple[str, str] | None:
        """(outlet, URL) of the oldest article in the window with this content hash."""
        if not chash:
            return None
        n = len(self)
        hits = np.flatnonzero((self.text_keys[:n] == np.uint64(text_key(chash))) & self._live(HAS_TEXT))
        if not len(hits):
            return None
        first = int(hits[np.argmin(self.seq[hits])])
        return self.outlets[int(self.outlet_codes[first])], self.urls[first]

    def similar(self, raw_minhash: bytes | None) -> list[str]:
        """URLs sharing at least one LSH band with this signature."""
        keys = self.keys_of(raw_minhash)
        if keys is None:
            return []
        n = len(self)
        hits = np.flatnonzero((self.band_keys[:n] == keys).any(axis=1) & self._live(HAS_SIGNATURE))
        return [self.urls[i] for i in hits]
