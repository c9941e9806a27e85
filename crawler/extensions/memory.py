"""Keep the crawler's resident memory flat on long crawls (glibc only; a no-op elsewhere).

Article bodies of 30-150 KB are allocated and freed by the thousand; glibc's dynamic mmap threshold
then serves them from the heap, whose holes are not returned to the system, so RSS creeps up with
the number of pages. A fixed mmap threshold sends big bodies to mmap (returned on free), and
``malloc_trim`` every ``MEMORY_TRIM_SECONDS`` gives back freed heap pages.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

M_MMAP_THRESHOLD = -3


def _libc() -> Any:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        libc = ctypes.CDLL(name)
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


class MemoryTrimExtension:
    def __init__(self, libc: Any, interval: float, threshold: int) -> None:
        self.libc = libc
        self.interval = interval
        libc.mallopt(M_MMAP_THRESHOLD, threshold)
        self.loop = task.LoopingCall(self.trim)

    @classmethod
    def from_crawler(cls, crawler: Any) -> MemoryTrimExtension:
        libc = _libc()
        interval = crawler.settings.getfloat("MEMORY_TRIM_SECONDS", 10)
        if libc is None or interval <= 0:
            raise NotConfigured
        ext = cls(libc, interval, crawler.settings.getint("MEMORY_MMAP_THRESHOLD", 64 * 1024))
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def trim(self) -> None:
        self.libc.malloc_trim(0)

    def opened(self) -> None:
        self.loop.start(self.interval, now=False)

    def closed(self) -> None:
        if self.loop.running:
            self.loop.stop()
