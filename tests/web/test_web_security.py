"""Security: escaping, injection attempts, authentication, CSRF, roles, bad input without tracebacks."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import csrf_of, login
from web_seed import XSS

PROTECTED = ["/", "/kasus", "/kasus/1", "/artikel", "/artikel/1", "/wilayah", "/peringatan", "/digest", "/digest/1",
             "/digest/1/html", "/sumber", "/evaluasi", "/admin/langganan"]
API = ["/api/v1/search", "/api/v1/articles/1", "/api/v1/cases", "/api/v1/cases/1", "/api/v1/aggregates",
       "/api/v1/export"]


def _no_raw_script(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html


def test_script_payload_is_escaped_everywhere(as_viewer: Any, web: Any) -> None:
    ids = web[1]
    for path in ["/", "/artikel", "/artikel?q=berita", f"/artikel/{ids['xss']}", "/kasus", f"/kasus/{ids['case']}",
                 "/peringatan", "/digest", f"/digest/{ids['digest']}"]:
        r = as_viewer.get(path)
        assert r.status_code == 200, path
        _no_raw_script(r.text)
    assert "&lt;script&gt;" in as_viewer.get(f"/artikel/{ids['xss']}").text
    api = as_viewer.get(f"/api/v1/articles/{ids['xss']}")
    assert api.headers["content-type"].startswith("application/json")


def test_security_headers(as_viewer: Any) -> None:
    r = as_viewer.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("q", ["'; DROP TABLE article; --", '" OR 1=1 --', "kamboja) OR (1=1", "a:* & !b",
                               "\\x00", "NEAR(a b)", "*", "OR", '"unbalanced', "-only"])
def test_injection_in_search_is_harmless(as_viewer: Any, web: Any, q: str) -> None:
    r = as_viewer.get("/artikel", params={"q": q})
    assert r.status_code in (200, 400)
    assert "Traceback" not in r.text and "sqlalchemy" not in r.text.lower()
    api = as_viewer.get("/api/v1/search", params={"q": q})
    assert api.status_code in (200, 400) and "error" in api.json() or "results" in api.json()
    assert as_viewer.get(f"/artikel/{web[1]['article']}").status_code == 200  # table still there


@pytest.mark.parametrize("path", PROTECTED)
def test_pages_need_login(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 303 and r.headers["location"].startswith("/masuk?next=")


@pytest.mark.parametrize("path", API)
def test_api_needs_token(client: Any, path: str) -> None:
    assert client.get(path).status_code == 401
    assert client.get(path, headers={"Authorization": "Bearer ptk_wrong"}).status_code == 401


def test_posts_without_csrf_are_refused(as_admin: Any, web: Any) -> None:
    ids = web[1]
    for path, data in [(f"/artikel/{ids['article']}/koreksi", {"relevant": "tidak"}),
                       (f"/admin/outlet/{ids['outlet']}", {"permission_status": "disabled"}),
                       ("/admin/langganan", {"name": "x", "recipients": "a@b.org"}), ("/keluar", {})]:
        r = as_admin.post(path, data=data)
        assert r.status_code == 403, path
        r = as_admin.post(path, data={**data, "csrf_token": "forged"})
        assert r.status_code == 403, path
    from models.operations import Correction

    with web[0].session(readonly=True) as s:
        assert s.query(Correction).count() == 0


def test_login_form_needs_csrf(client: Any) -> None:
    r = client.post("/masuk", data={"username": "vera", "password": "kata-sandi-uji-123"})
    assert r.status_code == 403


def test_roles_are_enforced(client: Any, web: Any) -> None:
    ids = web[1]
    login(client, "vera")
    page = client.get(f"/artikel/{ids['article']}").text
    assert 'id="correction-form"' not in page
    token = csrf_of(client.get("/").text)
    r = client.post(f"/artikel/{ids['article']}/koreksi", data={"csrf_token": token, "relevant": "tidak"})
    assert r.status_code == 403
    assert client.get("/admin/langganan").status_code == 403
    r = client.post(f"/admin/outlet/{ids['outlet']}", data={"csrf_token": token, "permission_status": "disabled"})
    assert r.status_code == 403


def test_analyst_cannot_admin(as_analyst: Any, web: Any) -> None:
    assert as_analyst.get("/admin/langganan").status_code == 403


def test_login_rate_limited(client: Any) -> None:
    for _ in range(5):
        assert login(client, "vera", "wrong-password-x").status_code == 401
    r = login(client, "vera")  # right password, but too many failures
    assert r.status_code == 429 and "Terlalu banyak" in r.text


def test_expired_session_redirects_with_message(app: Any, client: Any) -> None:
    login(client, "vera")
    app.state.codec.max_age = -1
    r = client.get("/artikel")
    assert r.status_code == 303 and "expired=1" in r.headers["location"]
    assert "Sesi Anda berakhir" in client.get(r.headers["location"]).text


def test_tampered_session_is_refused(client: Any) -> None:
    client.cookies.set("pantau_session", "eyJ1IjoxfQ.forged.sig")
    assert client.get("/").status_code == 303


def test_open_redirect_refused(client: Any) -> None:
    page = client.get("/masuk")
    r = client.post("/masuk", data={"username": "vera", "password": "kata-sandi-uji-123",
                                    "csrf_token": csrf_of(page.text), "next": "//evil.example/"})
    assert r.headers["location"] == "/"


@pytest.mark.parametrize("path", ["/artikel/999999", "/kasus/424242", "/digest/777", "/artikel/99999999999999999999",
                                  "/tidak-ada"])
def test_unknown_ids_get_styled_404(as_viewer: Any, path: str) -> None:
    r = as_viewer.get(path)
    assert r.status_code in (404, 400)
    assert "Pantau TPPO" in r.text and "Traceback" not in r.text


def test_unknown_ids_in_api_are_json_404(as_viewer: Any) -> None:
    r = as_viewer.get("/api/v1/articles/999999")
    assert r.status_code == 404 and "error" in r.json()


@pytest.mark.parametrize("params,message", [
    ({"since": "2024-13-45"}, "Tanggal tidak valid"), ({"modus": "naga"}, "unknown modus"),
    ({"province": "Atlantis"}, "unknown province"), ({"since": "2025-02-01", "until": "2025-01-01"}, "setelah"),
    ({"page": "-3"}, "Halaman tidak valid"), ({"outlet": "tidakada"}, "unknown outlet"),
    ({"q": '"tutup'}, "unbalanced quote"), ({"q": "x" * 600}, "too long"),
])
def test_malformed_filters_get_a_message_in_the_form(as_viewer: Any, params: dict[str, str], message: str) -> None:
    r = as_viewer.get("/artikel", params=params)
    assert r.status_code in (200, 400)
    assert 'id="filter-errors"' in r.text and message in r.text and 'id="search-form"' in r.text


def test_oversized_url_refused(as_viewer: Any) -> None:
    r = as_viewer.get("/artikel", params={"q": "a" * 5000})
    assert r.status_code == 414


def test_oversized_form_refused_without_writing(as_analyst: Any, web: Any) -> None:
    ids = web[1]
    token = csrf_of(as_analyst.get(f"/artikel/{ids['article']}").text)
    r = as_analyst.post(f"/artikel/{ids['article']}/koreksi",
                        data={"csrf_token": token, "relevant": "ya", "locations": "x | other |  | mention\n" * 2000})
    assert r.status_code in (400, 422) and "Traceback" not in r.text
