"""Browser tests: Playwright driving Debian's Chromium against the app served by uvicorn on loopback.

Screenshots are kept under test-artifacts/web/. Skipped (with the reason) where chromium is missing.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from web_seed import PASSWORD

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and shutil.which("chromium") is None,
                                reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture
def page(live_server: str) -> Any:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                                    args=ARGS, headless=True)
        context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
        yield pg
        context.close()
        browser.close()
        assert not [e for e in errors if "dialog" in e], errors  # no script payload ever ran


def _login(page: Any, username: str) -> None:
    page.goto("/artikel")
    assert "/masuk" in page.url
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/artikel")


def test_login_search_open_article_and_correct(page: Any, web: Any) -> None:
    _login(page, "ana")
    page.screenshot(path=str(ARTIFACTS / "01-artikel.png"), full_page=True)
    page.fill("input[name=q]", "kamboja")
    page.check("input[name=relevant]")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#result-count")
    assert "1 hasil" in page.inner_text("#result-count")
    page.screenshot(path=str(ARTIFACTS / "02-search.png"), full_page=True)
    page.click("a.hit-title")
    page.wait_for_selector("#article-title")
    assert "tppo-test-1" in page.inner_text("#model-version")
    assert page.locator("mark").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "03-article.png"), full_page=True)
    page.uncheck("input[name=modus][value=migrant_worker]")
    page.click("#correction-form button[type=submit]")
    page.wait_for_selector("#saved")
    assert "migrant" not in page.inner_text("#label-modus").lower() and "dikoreksi" in page.inner_text("#label-modus")
    page.screenshot(path=str(ARTIFACTS / "04-corrected.png"), full_page=True)


def test_escaped_title_and_digest(page: Any, web: Any) -> None:
    _login(page, "vera")
    page.goto(f"/artikel/{web[1]['xss']}")
    assert "<script>" in page.inner_text("#article-title")  # shown as text, never run
    page.goto("/digest")
    page.click("#digest-list a")
    page.wait_for_selector("#digest-subject")
    frame = page.frame_locator("iframe.digest")
    assert "Ringkasan mingguan" in frame.locator("h1").inner_text()
    page.screenshot(path=str(ARTIFACTS / "05-digest.png"), full_page=True)


def test_bad_filter_message_and_404_page(page: Any, web: Any) -> None:
    _login(page, "vera")
    page.goto("/artikel?since=2024-99-99")
    assert "Tanggal tidak valid" in page.inner_text("#filter-errors")
    response = page.goto("/artikel/999999")
    assert response is not None and response.status == 404
    assert "tidak ditemukan" in page.inner_text("h1")
    page.screenshot(path=str(ARTIFACTS / "06-404.png"), full_page=True)
