"""Real saved pages, feeds and robots.txt files from ../shared/real-web (never copied into the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest
from crawl_support import PAGES, ROBOTS, real_web

from crawler.discovery import DiscoveryError
from crawler.discovery.feeds import parse_feed
from crawler.discovery.listing import parse_listing
from crawler.extract.extractor import extract_page
from crawler.registry import Listing, load_registry

SINGLE = sorted(PAGES.glob("*-singlepage*.html")) if PAGES.exists() else []
FEEDS = {"antara-mainpage.html": 20, "detik-mainpage.html": 20, "republika-mainpage.html": 10, "kapanlagi-mainpage.html": 3}
NAVIGATION = ("Berita Terkait", "Baca juga", "Baca Juga", "Copyright", "Hak Cipta", "Home >", "Login", "Daftar")


def _parser(page: Path) -> str:
    outlet = load_registry().outlets.get(page.name.split("-")[0])
    return outlet.parser if outlet else ""


@pytest.mark.parametrize("page", SINGLE, ids=[p.stem for p in SINGLE])
def test_real_article_pages_give_title_date_and_body(page: Path) -> None:
    result = extract_page({"body": real_web(page).read_bytes(), "url": f"http://www.example.id/{page.stem}",
                           "parser": _parser(page)})
    assert len(result["title"]) > 10
    assert result["published_at"], "no publication date found"
    assert "2015" <= result["published_at"][:4] <= "2017"
    words = result["text"].split()
    assert len(words) >= 20
    for nav in NAVIGATION:
        assert nav not in result["text"], f"navigation {nav!r} left in the body"
    assert len(result["lead"]) <= 300


def test_iso_8859_1_pages_decode_cleanly() -> None:
    for page in sorted(real_web(PAGES).glob("kapanlagi-singlepage*.html")):
        result = extract_page({"body": page.read_bytes(), "url": "http://www.kapanlagi.com/x", "parser": "kapanlagi"})
        assert result["encoding"] in ("cp1252", "iso8859-1")
        assert "\ufffd" not in result["text"] and "Ã" not in result["text"]


def test_json_ld_metadata_is_used() -> None:
    page = real_web(PAGES / "liputan6-singlepage.html")
    result = extract_page({"body": page.read_bytes(), "url": "http://www.liputan6.com/x"})
    assert result["authors"] and result["published_at"].startswith("2016-02-16")


def test_trafficking_adjacent_story_is_extracted() -> None:
    page = real_web(PAGES / "antara-singlepage2.html")
    result = extract_page({"body": page.read_bytes(), "url": "http://www.antaranews.com/x", "parser": "antara"})
    assert "prostitusi" in result["text"].lower() and "Lampung" in result["title"]


@pytest.mark.parametrize(("name", "count"), sorted(FEEDS.items()))
def test_real_rss_feeds_parse(name: str, count: int) -> None:
    found, _ = parse_feed(real_web(PAGES / name).read_bytes(), "http://example.id/rss", "text/html")
    assert len(found) == count
    assert all(f.url.startswith("http") and f.title for f in found)
    assert all(f.published is not None for f in found)


def test_real_listing_pages_give_article_links() -> None:
    page = real_web(PAGES / "liputan6-mainpage.html")
    found = parse_listing(page.read_text(encoding="utf-8", errors="replace"), "http://www.liputan6.com/",
                          Listing("http://www.liputan6.com/", r"/read/\d+/"))
    assert len(found) >= 50 and all("/read/" in f.url for f in found)
    assert len({f.url for f in found}) == len(found)
    outlet = load_registry().get("liputan6")
    assert all(outlet.owns(f.url.split("/")[2]) for f in found)


def test_html_listing_page_is_not_a_feed() -> None:
    with pytest.raises(DiscoveryError, match="not an RSS/Atom feed"):
        parse_feed(real_web(PAGES / "kompas-mainpage.html").read_bytes(), "http://www.kompas.com/", "text/html")


# robots.txt --------------------------------------------------------------------------------------
ROBOT_FILES = sorted(ROBOTS.glob("*.txt")) if ROBOTS.exists() else []
AI_AGENTS = ("GPTBot", "CCBot", "anthropic-ai", "ClaudeBot", "Google-Extended", "Bytespider", "PerplexityBot")


def _groups(text: str) -> dict[str, list[tuple[str, str]]]:
    """A small independent reading of robots.txt groups: agent -> [(directive, path)]."""
    groups: dict[str, list[tuple[str, str]]] = {}
    agents: list[str] = []
    in_rules = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (s.strip() for s in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
            groups.setdefault(value.lower(), [])
        elif key in ("allow", "disallow"):
            in_rules = True
            for agent in agents:
                groups[agent].append((key, value))
    return groups


@pytest.mark.parametrize("robots", ROBOT_FILES, ids=[p.stem for p in ROBOT_FILES])
def test_real_robots_verdicts(robots: Path) -> None:
    from protego import Protego

    from pantau import config

    text = real_web(robots).read_text(encoding="utf-8", errors="replace")
    rp = Protego.parse(text)
    ours = config.load(env={}).resolved_user_agent.split("/", 1)[0]
    groups = _groups(text)
    host = f"https://www.{robots.stem}"
    article = f"{host}/read/2024/07/01/123456/berita-contoh"
    # agents named with "Disallow: /" and nothing allowed are blocked everywhere
    for agent, rules in groups.items():
        if agent != "*" and ("disallow", "/") in rules and not any(k == "allow" and v for k, v in rules):
            assert not rp.can_fetch(article, agent), f"{agent} should be blocked by {robots.name}"
    # our agent is named nowhere: it follows the * group, which allows ordinary article pages
    assert ours.lower() not in groups
    star = groups.get("*", [])
    if ("disallow", "/") not in star:
        assert rp.can_fetch(article, ours), f"{ours} should be allowed on {robots.name}"
        assert rp.can_fetch(article, ours) == rp.can_fetch(article, "SomeOtherBot")


def test_many_real_outlets_block_ai_crawlers_by_name() -> None:
    from protego import Protego

    blocked = 0
    for robots in ROBOT_FILES:
        rp = Protego.parse(robots.read_text(encoding="utf-8", errors="replace"))
        if any(not rp.can_fetch(f"https://www.{robots.stem}/read/1", agent) for agent in AI_AGENTS):
            blocked += 1
    if not ROBOT_FILES:
        pytest.skip("real-web robots fixtures absent")
    assert blocked >= 5
