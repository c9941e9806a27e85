"""TDMRep: read ``/.well-known/tdmrep.json`` once per host and mark requests whose path it reserves.

The ``tdm-reservation`` HTTP header and HTML meta are read per page (see :mod:`crawler.permissions`).
Spec: https://www.w3.org/community/reports/tdmrep/CG-FINAL-tdmrep-20240510/
"""

from __future__ import annotations

import fnmatch
import json
from typing import Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from scrapy.utils.defer import maybe_deferred_to_future

TDMREP_PATH = "/.well-known/tdmrep.json"


def parse_tdmrep(body: bytes) -> list[dict[str, Any]]:
    """The rules of a tdmrep.json file (a JSON array of {location, tdm-reservation, tdm-policy})."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [r for r in data if isinstance(r, dict) and "location" in r] if isinstance(data, list) else []


def match_rule(rules: list[dict[str, Any]], path: str) -> dict[str, Any] | None:
    """The first rule whose ``location`` pattern matches ``path`` (``*`` wildcards)."""
    for rule in rules:
        pattern = str(rule.get("location", ""))
        if not pattern.startswith("/"):
            pattern = "/" + pattern
        if fnmatch.fnmatchcase(path, pattern) or (pattern.endswith("/") and path.startswith(pattern)):
            return rule
    return None


class TDMRepMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self._rules: dict[str, list[dict[str, Any]] | Deferred[Any]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> TDMRepMiddleware:
        if not crawler.settings.getbool("TDMREP_ENABLED", True):
            raise NotConfigured
        return cls(crawler)

    async def _rules_for(self, request: Request) -> list[dict[str, Any]]:
        parsed = urlparse_cached(request)
        netloc = parsed.netloc
        if netloc not in self._rules:
            waiting: Deferred[Any] = Deferred()
            self._rules[netloc] = waiting
            rules: list[dict[str, Any]] = []
            req = Request(f"{parsed.scheme}://{netloc}{TDMREP_PATH}", callback=NO_CALLBACK, priority=1000,
                          meta={"dont_obey_robotstxt": True, "tdmrep_request": True, "dont_retry": True})
            try:
                response = await self.crawler.engine.download_async(req)
                if response.status == 200:
                    rules = parse_tdmrep(response.body)
                    self.crawler.stats.inc_value("tdmrep/files_found")
            except IgnoreRequest:
                pass
            except Exception:  # noqa: BLE001 - an unreachable tdmrep.json means no file-level reservation
                self.crawler.stats.inc_value("tdmrep/fetch_errors")
            self._rules[netloc] = rules
            waiting.callback(rules)
        found = self._rules[netloc]
        if isinstance(found, Deferred):
            await maybe_deferred_to_future(found)
            found = self._rules[netloc]  # set before the Deferred fired; its result is not shared
        return found if isinstance(found, list) else []

    async def process_request(self, request: Request) -> None:
        if not request.meta.get("article"):
            return
        rule = match_rule(await self._rules_for(request), urlparse_cached(request).path or "/")
        if rule is not None:
            reserved = str(rule.get("tdm-reservation", 0)) in ("1", "true", "True")
            request.meta["tdm"] = {"reserved": reserved, "policy": rule.get("tdm-policy"),
                                   "location": rule.get("location")}
            if reserved:
                self.crawler.stats.inc_value("tdmrep/reserved_requests")
