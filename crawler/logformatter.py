"""Log lines for dropped items that name the URL and the reason, not the whole item."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter


class PantauLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any = None) -> dict[str, Any]:
        return {"level": logging.INFO, "msg": "Dropped %(url)s: %(exception)s",
                "args": {"url": getattr(item, "canonical_url", "") or getattr(item, "url", ""), "exception": exception}}

    def item_error(self, item: Any, exception: BaseException, response: Any, spider: Any = None) -> dict[str, Any]:
        return {"level": logging.ERROR, "msg": "Error processing %(url)s",
                "args": {"url": getattr(item, "url", "")}}

    def scraped(self, item: Any, response: Any, spider: Any = None) -> dict[str, Any]:
        return {"level": logging.DEBUG, "msg": "Scraped %(url)s", "args": {"url": getattr(item, "canonical_url", "")}}
