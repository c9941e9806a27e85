"""Banded MinHash LSH over stored signatures: one in-memory index per linking run.

A signature of ``features.NUM_PERM`` 32-bit values is cut into ``BANDS`` bands of ``ROWS`` values; two
signatures that agree on every value of at least one band are candidates. With 16 bands of 4 rows the
probability of becoming a candidate is 1 - (1 - J^4)^16: 0.64 at an estimated Jaccard of 0.5, 0.99 at
0.7, 0.06 at 0.25. Plain dictionaries of band bytes: no MinHash objects are built and datasketch (with
its scipy import) is not needed to link articles whose signatures the crawler stored.
"""

from __future__ import annotations

import numpy as np

import crawler

BANDS = 16
ROWS = 4


def band_keys(sigs: np.ndarray) -> list[list[int]]:
    """The ``BANDS`` integer bucket keys of each signature of an (n, NUM_PERM) array (one numpy pass)."""
    return crawler.band_keys(sigs, BANDS, ROWS).tolist()  # type: ignore[no-any-return]


class BandIndex:
    """Per band, buckets of keys -> item numbers (an item is whatever the caller numbers: here a case)."""

    def __init__(self) -> None:
        self._bands: list[dict[int, list[int]]] = [{} for _ in range(BANDS)]
        self.size = 0

    def insert(self, item: int, keys: list[int]) -> None:
        for buckets, key in zip(self._bands, keys, strict=True):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [item]
            elif bucket[-1] != item:
                bucket.append(item)
        self.size += 1

    def query(self, keys: list[int]) -> set[int]:
        """Items with at least one band equal to the queried signature's (``keys`` from :func:`band_keys`)."""
        found: set[int] = set()
        for buckets, key in zip(self._bands, keys, strict=True):
            bucket = buckets.get(key)
            if bucket:
                found.update(bucket)
        return found
