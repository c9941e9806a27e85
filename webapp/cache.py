"""Per-process cache of search results and page figures, invalidated when the corpus changes.

Every entry is stored under the *corpus version* seen when it was computed. The version is a
cheap stamp (``corpus_version``): the newest article, classification and correction ids and, on
PostgreSQL, the cumulative insert/update/delete counters of the corpus tables. It is read again
at most every ``STAMP_SECONDS`` per process, so a crawl, a retag or a correction made by another
process is visible within about a second (in-place updates seen only through PostgreSQL's
statistics within ~10 s); writes made through this process (corrections, outlet edits) call
:func:`invalidate` and are visible at once. Entries also expire after their TTL and the cache
holds at most ``MAX_ENTRIES`` (least recently used dropped first).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.db import Database

STAMP_SECONDS = 1.0
CACHE_HEADER = "x-pantau-cache"  # "hit" or "miss" on search responses (read by the benchmark)
MAX_ENTRIES = 4000
T = TypeVar("T")

_PG_STAMP = text(
    "SELECT (SELECT max(id) FROM article), (SELECT max(id) FROM classification), (SELECT max(id) FROM correction), "
    "(SELECT coalesce(sum(pg_stat_get_tuples_inserted(r) + pg_stat_get_tuples_updated(r)"
    " + pg_stat_get_tuples_deleted(r)), 0) FROM unnest(ARRAY[to_regclass('article'), to_regclass('classification'),"
    " to_regclass('modus_tag'), to_regclass('location_mention'), to_regclass('outlet'), to_regclass('source'),"
    " to_regclass('correction')]::oid[]) AS r)"
)
_SQLITE_STAMP = text(
    "SELECT (SELECT max(id) FROM article), (SELECT max(id) FROM classification), (SELECT max(id) FROM correction), "
    "(SELECT max(updated_at) FROM outlet)"
)


def corpus_version(session: Session) -> tuple[Any, ...]:
    """A stamp that changes when articles, labels, corrections or outlets change (one small query)."""
    stmt = _PG_STAMP if session.get_bind().dialect.name == "postgresql" else _SQLITE_STAMP
    return tuple(session.execute(stmt).one())


class ResultCache:
    """A bounded LRU of computed values, keyed by (key, corpus version), with a TTL per entry."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_entries
        self._version: tuple[Any, ...] | None = None
        self._version_read = 0.0
        self._local_epoch = 0  # bumped by invalidate(): writes made through this process

    def version(self, db: Database) -> tuple[Any, ...]:
        """The corpus version, read from the database at most every STAMP_SECONDS."""
        now = time.monotonic()
        with self._lock:
            if self._version is not None and now - self._version_read < STAMP_SECONDS:
                return (self._local_epoch, *self._version)
        with db.session(readonly=True) as s:
            stamp = corpus_version(s)
        with self._lock:
            if stamp != self._version:
                self._entries.clear()  # nothing stored under an older version can be asked for again
            self._version, self._version_read = stamp, now
            return (self._local_epoch, *stamp)

    def get(self, key: Hashable) -> tuple[bool, Any]:
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and hit[0] > now:
                self._entries.move_to_end(key)
                return True, hit[1]
        return False, None

    def put(self, key: Hashable, value: Any, ttl: float) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + ttl, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def get_or_compute(self, key: Hashable, ttl: float, compute: Callable[[], T]) -> tuple[T, bool]:
        """(value, whether it came from the cache)."""
        found, value = self.get(key)
        if found:
            return value, True
        value = compute()
        self.put(key, value, ttl)
        return value, False

    def invalidate(self) -> None:
        """Forget everything (after a write made through this process)."""
        with self._lock:
            self._entries.clear()
            self._local_epoch += 1
            self._version = None

    def __len__(self) -> int:
        return len(self._entries)


def cache_of(db: Database) -> ResultCache:
    """The cache of one open database (one per process and database)."""
    cache = getattr(db, "_result_cache", None)
    if cache is None:
        with _CREATE_LOCK:
            cache = getattr(db, "_result_cache", None)
            if cache is None:
                cache = ResultCache()
                db._result_cache = cache  # type: ignore[attr-defined]
    return cache


def cached(db: Database, key: tuple[Any, ...], ttl: float, compute: Callable[[], T]) -> T:
    """``compute()`` unless an entry for ``key`` at the current corpus version is fresh."""
    cache = cache_of(db)
    value, _ = cache.get_or_compute((*key, cache.version(db)), ttl, compute)
    return value


_CREATE_LOCK = threading.Lock()
