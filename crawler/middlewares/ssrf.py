"""SSRF guard: refuse requests to private, loopback, link-local or reserved addresses.

Hosts of outlets whose entry sets ``allow_private_network = true`` (the local mirror, tests) pass.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.httpobj import urlparse_cached


def is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return bool(ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
                or ip.is_unspecified)


def resolve(host: str) -> list[str]:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return [host.strip("[]")]
    except ValueError:
        pass
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, None)})
    except (socket.gaierror, UnicodeError):
        return []  # unresolvable: the download fails with its own DNS error


class SSRFGuardMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self._verdicts: dict[str, bool] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> SSRFGuardMiddleware:
        if not crawler.settings.getbool("SSRF_GUARD_ENABLED", True):
            raise NotConfigured
        return cls(crawler)

    def _allowed_hosts(self) -> set[str]:
        return getattr(self.crawler.spider, "private_network_hosts", set())

    def process_request(self, request: Request) -> None:
        parsed = urlparse_cached(request)
        netloc, host = parsed.netloc.lower(), (parsed.hostname or "").lower()
        if netloc in self._allowed_hosts() or host in self._allowed_hosts():
            return
        if host not in self._verdicts:
            self._verdicts[host] = any(is_private(a) for a in resolve(host))
        if self._verdicts[host]:
            self.crawler.stats.inc_value("ssrf/refused")
            raise IgnoreRequest(f"SSRF guard: {host} resolves to a private, loopback or link-local address "
                                "(set allow_private_network = true in the outlet entry to allow it)")
