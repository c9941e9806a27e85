"""Pages: every page renders for a signed-in user, in Indonesian with an English switch, assets local."""

from __future__ import annotations

from typing import Any

import pytest

PAGES = ["/", "/kasus", "/artikel", "/artikel?q=kamboja", "/wilayah", "/wilayah?province=32", "/peringatan",
         "/digest", "/sumber", "/evaluasi", "/api/v1/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders(as_viewer: Any, path: str) -> None:
    r = as_viewer.get(path)
    assert r.status_code == 200, r.text[:500]
    assert "Pantau TPPO" in r.text
    assert "http://" not in r.text.replace("http://testserver", "") or "contohnews.example" in r.text
    assert "cdn" not in r.text.lower()


def test_english_switch(as_viewer: Any) -> None:
    assert "Ringkasan" in as_viewer.get("/").text
    r = as_viewer.get("/bahasa/en?next=/artikel")
    assert r.status_code == 303 and r.headers["location"] == "/artikel"
    page = as_viewer.get("/artikel").text
    assert "Articles" in page and "Search" in page


def test_search_facets_and_results(as_viewer: Any, web: Any) -> None:
    page = as_viewer.get("/artikel", params={"q": "kamboja", "relevant": "1"}).text
    assert "pekerja migran nonprosedural" in page.lower()
    assert "Online scam / judi online" in page  # facet label
    assert 'id="result-count"' in page


def test_article_page_shows_evidence_permission_and_model(as_viewer: Any, web: Any) -> None:
    ids = web[1]
    page = as_viewer.get(f"/artikel/{ids['article']}").text
    assert "<mark>" in page and "tppo-test-1" in page and 'id="permission"' in page
    assert "Kabupaten Sukabumi" in page


def test_withheld_article_shows_notice_not_text(as_viewer: Any, web: Any) -> None:
    page = as_viewer.get(f"/artikel/{web[1]['withheld']}").text
    assert 'id="withheld"' in page and "tidak boleh disimpan" not in page
    assert "Cuplikan singkat" in page


def test_case_page_and_digest(as_viewer: Any, web: Any) -> None:
    ids = web[1]
    case = as_viewer.get(f"/kasus/{ids['case']}")
    assert case.status_code == 200 and "Kabupaten Sukabumi" in case.text and "Linimasa" in case.text
    digest = as_viewer.get(f"/digest/{ids['digest']}")
    assert digest.status_code == 200 and "sandbox" in digest.text
    raw = as_viewer.get(f"/digest/{ids['digest']}/html")
    assert raw.status_code == 200 and "sandbox" in raw.headers["content-security-policy"]


def test_sources_page_shows_jobs_and_errors(as_viewer: Any) -> None:
    page = as_viewer.get("/sumber").text
    assert "contohnews" in page and "timeout once" in page and 'id="job-runs"' in page and "crawl" in page


def test_static_css_is_local(client: Any) -> None:
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "text/css" in r.headers["content-type"]


def test_evaluation_page_compares_versions(as_viewer: Any, web: Any) -> None:
    import json

    folder = web[2] / "evaluations"
    folder.mkdir()
    base = {"relevance": {"f1": 0.9}, "article_type": {"accuracy": 0.8}, "modus": {"micro": {"f1": 0.7}, "macro_f1": 0.6},
            "victims": {"exact_match": 0.5},
            "locations": {k: {"f1": 0.5} for k in ("province", "province_roles", "country", "country_roles",
                                                   "destination_country")}}
    for version in ("tppo-a", "tppo-b"):
        (folder / f"{version}.json").write_text(json.dumps({**base, "model_version": version}))
    page = as_viewer.get("/evaluasi").text
    assert "tppo-a" in page and "tppo-b" in page and "relevance F1" in page
