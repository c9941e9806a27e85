"""A pool of worker processes for CPU-heavy work (extraction, fingerprints, classification).

The Twisted/asyncio reactor thread only awaits the futures, so downloads continue while the workers
parse. With ``workers=0`` (one per core) a 2-core machine runs two extractions at once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def _warm(classifier: bool = False) -> None:
    # import the heavy modules (and load the classifier) once per worker, before the first page arrives
    import trafilatura  # noqa: F401

    from crawler.extract import extractor  # noqa: F401

    if classifier:
        from crawler import nlp_adapter

        nlp_adapter.warm()


class WorkerPool:
    """``await pool.run(fn, arg)`` runs ``fn(arg)`` in a worker process (or inline when workers < 0)."""

    def __init__(self, workers: int = 0, classifier: bool = False) -> None:
        self.workers = workers if workers > 0 else (os.cpu_count() or 1)
        self.classifier = classifier
        self._executor: Executor | None = None
        self.inline = workers < 0

    def _ensure(self) -> Executor:
        if self._executor is None:
            if self.inline:
                self._executor = ThreadPoolExecutor(max_workers=1)
            else:
                ctx = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
                self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=_warm,
                                                     initargs=(self.classifier,))
        return self._executor

    def start(self) -> None:
        """Start the workers now (they warm up while the first feeds download)."""
        self._ensure()

    def submit(self, fn: Callable[[Any], T], arg: Any) -> Future[T]:
        return self._ensure().submit(fn, arg)

    async def run(self, fn: Callable[[Any], T], arg: Any) -> T:
        return await asyncio.wrap_future(self.submit(fn, arg))

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def get_pool(crawler: Any) -> WorkerPool:
    """The crawl's worker pool, created on first use and shut down when the engine stops."""
    pool: WorkerPool | None = getattr(crawler, "_pantau_pool", None)
    if pool is None:
        from scrapy import signals

        from crawler import nlp_adapter

        classifier = crawler.settings.getbool("CLASSIFY_ENABLED", True) and nlp_adapter.available()
        pool = WorkerPool(crawler.settings.getint("PANTAU_EXTRACT_WORKERS", 0), classifier=classifier)
        crawler._pantau_pool = pool
        crawler.signals.connect(pool.close, signal=signals.engine_stopped)
    return pool
