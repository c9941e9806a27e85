"""Downloader middlewares, each built from a settings dict with scrapy.utils.test.get_crawler."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawler.middlewares.conditional import ConditionalGetMiddleware
from crawler.middlewares.retry_after import RetryAfterMiddleware, retry_after_seconds
from crawler.middlewares.robots import PoliteRobotsTxtMiddleware
from crawler.middlewares.ssrf import SSRFGuardMiddleware, is_private
from crawler.middlewares.tdm import TDMRepMiddleware, match_rule, parse_tdmrep

AGENT = "PantauTPPO/0.1.0 (+https://github.com/pantau-tppo/pantau-tppo)"


class _Spider(Spider):
    name = "t"
    private_network_hosts = {"127.0.0.1:8801"}


def crawler_for(settings: dict[str, Any] | None = None) -> Any:
    crawler = get_crawler(_Spider, {"USER_AGENT": AGENT, "ROBOTSTXT_OBEY": True, **(settings or {})})
    crawler.spider = _Spider()
    return crawler


# SSRF --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254",
                                     "::1", "fe80::1", "0.0.0.0"])
def test_private_addresses(address: str) -> None:
    assert is_private(address)


def test_public_address_is_not_private() -> None:
    assert not is_private("203.0.113.7".replace("203.0.113.7", "8.8.8.8"))


def test_ssrf_guard_refuses_private_hosts_unless_allowed() -> None:
    crawler = crawler_for()
    mw = SSRFGuardMiddleware.from_crawler(crawler)
    with pytest.raises(IgnoreRequest, match="SSRF guard"):
        mw.process_request(Request("http://169.254.169.254/latest/meta-data"))
    with pytest.raises(IgnoreRequest):
        mw.process_request(Request("http://127.0.0.1:9999/x"))
    with pytest.raises(IgnoreRequest):
        mw.process_request(Request("http://localhost:8801/x"))
    assert mw.process_request(Request("http://127.0.0.1:8801/rss.xml")) is None  # allow_private_network host
    assert crawler.stats.get_value("ssrf/refused") == 3


def test_ssrf_guard_can_be_switched_off_only_explicitly() -> None:
    with pytest.raises(NotConfigured):
        SSRFGuardMiddleware.from_crawler(crawler_for({"SSRF_GUARD_ENABLED": False}))


# robots.txt --------------------------------------------------------------------------------------
def _robots(mw: PoliteRobotsTxtMiddleware, netloc: str, status: int, body: bytes) -> None:
    from twisted.internet.defer import Deferred

    mw._parsers[netloc] = Deferred()
    request = Request(f"http://{netloc}/a")
    response = TextResponse(f"http://{netloc}/robots.txt", status=status, body=body)
    asyncio.run(mw._parse_robots(response, netloc, request))


def _allowed(mw: PoliteRobotsTxtMiddleware, url: str) -> bool:
    netloc = url.split("/")[2]
    try:
        mw.process_request_2(mw._parsers[netloc], Request(url))
    except IgnoreRequest:
        return False
    return True


def test_robots_rules_for_our_agent() -> None:
    crawler = crawler_for({"ROBOTSTXT_USER_AGENT": "PantauTPPO"})
    mw = PoliteRobotsTxtMiddleware.from_crawler(crawler)
    _robots(mw, "a.test", 200, b"User-agent: *\nDisallow: /arsip/\n\nUser-agent: PantauTPPO\nDisallow: /rahasia/\n"
                               b"Crawl-delay: 3\n")
    assert _allowed(mw, "http://a.test/berita/1")
    assert not _allowed(mw, "http://a.test/rahasia/1")
    assert _allowed(mw, "http://a.test/arsip/1")  # our own group replaces the * group
    assert mw.delays["a.test"] == 3.0
    assert crawler.stats.get_value("robotstxt/forbidden") == 1


def test_robots_5xx_means_disallow_all_and_4xx_allow_all() -> None:
    mw = PoliteRobotsTxtMiddleware.from_crawler(crawler_for({"ROBOTSTXT_USER_AGENT": "PantauTPPO"}))
    _robots(mw, "down.test", 503, b"")
    _robots(mw, "missing.test", 404, b"User-agent: *\nDisallow: /\n")
    assert not _allowed(mw, "http://down.test/berita/1")
    assert _allowed(mw, "http://missing.test/berita/1")
    assert mw.verdicts == {"down.test": "unavailable", "missing.test": "missing"}


def test_robots_timeout_means_disallow_all_until_recheck() -> None:
    from twisted.internet.defer import Deferred
    from twisted.internet.error import TimeoutError

    mw = PoliteRobotsTxtMiddleware.from_crawler(crawler_for({"ROBOTSTXT_RECHECK_SECONDS": 0}))
    mw._parsers["slow.test"] = Deferred()
    mw._robots_error(TimeoutError(), "slow.test")
    assert not _allowed(mw, "http://slow.test/berita/1")
    assert mw.verdicts["slow.test"] == "unavailable"
    assert "slow.test" in mw._failed_at  # asked again once the recheck time has passed


def test_request_rate_becomes_a_delay() -> None:
    mw = PoliteRobotsTxtMiddleware.from_crawler(crawler_for({"ROBOTSTXT_USER_AGENT": "PantauTPPO"}))
    _robots(mw, "rate.test", 200, b"User-agent: *\nRequest-rate: 1/5s\n")
    assert mw.delays["rate.test"] == 5.0


# TDMRep ------------------------------------------------------------------------------------------
def test_tdmrep_rules() -> None:
    rules = parse_tdmrep(b'[{"location": "/read/*", "tdm-reservation": 1, "tdm-policy": "https://x/p.json"},'
                         b' {"location": "/", "tdm-reservation": 0}]')
    assert match_rule(rules, "/read/1/x")["tdm-reservation"] == 1  # type: ignore[index]
    assert match_rule(rules, "/foto/1")["tdm-reservation"] == 0  # type: ignore[index]
    assert parse_tdmrep(b"<html>not json</html>") == [] and parse_tdmrep(b'{"a": 1}') == []


def test_tdmrep_middleware_marks_reserved_article_requests() -> None:
    crawler = crawler_for()
    mw = TDMRepMiddleware.from_crawler(crawler)
    mw._rules["x.test"] = parse_tdmrep(b'[{"location": "/read/*", "tdm-reservation": 1, "tdm-policy": "https://x/p"}]')
    article = Request("http://x.test/read/1", meta={"article": True})
    other = Request("http://x.test/foto/1", meta={"article": True})
    asyncio.run(mw.process_request(article))
    asyncio.run(mw.process_request(other))
    assert article.meta["tdm"] == {"reserved": True, "policy": "https://x/p", "location": "/read/*"}
    assert "tdm" not in other.meta
    assert crawler.stats.get_value("tdmrep/reserved_requests") == 1


# Retry-After -------------------------------------------------------------------------------------
def test_retry_after_values() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == pytest.approx(30)
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_retry_after_waits_then_retries_and_gives_up_when_too_long() -> None:
    crawler = crawler_for({"RETRY_AFTER_MAX_SECONDS": 5})
    crawler.engine = type("E", (), {"downloader": type("D", (), {"slots": {}, "get_slot_key": lambda self, r: "x"})()})()
    mw = RetryAfterMiddleware.from_crawler(crawler)
    request = Request("http://x.test/a")
    short = Response("http://x.test/a", status=429, headers={"Retry-After": "0"})
    retried = asyncio.run(mw.process_response(request, short))
    assert isinstance(retried, Request) and retried.meta["retry_after_times"] == 1 and retried.dont_filter
    long = Response("http://x.test/a", status=503, headers={"Retry-After": "3600"})
    assert asyncio.run(mw.process_response(request, long)) is long
    ok = Response("http://x.test/a", status=200)
    assert asyncio.run(mw.process_response(request, ok)) is ok
    assert crawler.stats.get_value("retry_after/honoured") == 1
    assert crawler.stats.get_value("retry_after/too_long") == 1


# conditional GET ---------------------------------------------------------------------------------
def test_conditional_get_headers_and_state(corpus: str) -> None:
    crawler = crawler_for({"PANTAU_DATABASE_URL": corpus})
    mw = ConditionalGetMiddleware.from_crawler(crawler)
    mw.known = {"http://x.test/rss.xml": ('"v1"', "Wed, 01 Jan 2026 00:00:00 GMT")}
    meta = {"pantau_source": True, "source_url": "http://x.test/rss.xml", "outlet": "x", "source_kind": "rss"}
    request = Request("http://x.test/rss.xml", meta=meta)
    mw.process_request(request)
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert request.headers[b"If-Modified-Since"] == b"Wed, 01 Jan 2026 00:00:00 GMT"
    mw.process_response(request, Response(request.url, status=200, headers={"ETag": '"v2"'}))
    assert mw.seen["http://x.test/rss.xml"]["etag"] == '"v2"'
    article = Request("http://x.test/read/1")
    mw.process_request(article)
    assert b"If-None-Match" not in article.headers


def test_html_response_helper_is_available() -> None:
    # keeps the import used; HtmlResponse is what article callbacks receive
    assert HtmlResponse("http://x.test/", body=b"<html></html>").css("html")
