"""Research API: search, article, cases, aggregates, exports that respect publishers' reservations."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest


@pytest.fixture
def api(client: Any, web: Any) -> Any:
    client.headers["Authorization"] = f"Bearer {web[1]['token']}"
    return client


def test_search_with_filters_and_facets(api: Any) -> None:
    r = api.get("/api/v1/search", params={"q": "kamboja", "relevant": "1", "facets": "true"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1 and body["results"][0]["modus"] == ["migrant_worker", "online_scam"]
    assert {f["value"] for f in body["facets"]["modus"]} == {"migrant_worker", "online_scam"}
    assert api.get("/api/v1/search", params={"province": "32"}).json()["total"] == 1


def test_search_rejects_bad_filters_clearly(api: Any) -> None:
    r = api.get("/api/v1/search", params={"since": "kemarin"})
    assert r.status_code == 400 and "Tanggal tidak valid" in r.json()["error"]
    assert api.get("/api/v1/search", params={"size": 5000}).status_code == 400


def test_article_respects_withheld_text(api: Any, web: Any) -> None:
    body = api.get(f"/api/v1/articles/{web[1]['withheld']}").json()
    assert body["text"] is None and body["text_withheld"] is True and body["permission"]["tdm_reserved"] is True
    full = api.get(f"/api/v1/articles/{web[1]['article']}").json()
    assert "operator" in full["text"] and full["labels"]["model_version"] == "tppo-test-1"


def test_cases_and_aggregates(api: Any, web: Any) -> None:
    cases = api.get("/api/v1/cases").json()
    assert cases["total"] == 1
    case = api.get(f"/api/v1/cases/{web[1]['case']}").json()
    assert case["articles"] == [web[1]["article"]] and case["places"][0]["role"] == "origin"
    by_modus = {c["key"]: c["count"] for c in api.get("/api/v1/aggregates", params={"by": "modus"}).json()["counts"]}
    assert by_modus["online_scam"] == 1
    weeks = api.get("/api/v1/aggregates", params={"by": "week"}).json()["counts"]
    assert sum(c["count"] for c in weeks) == 3
    assert api.get("/api/v1/aggregates", params={"by": "planet"}).status_code == 400


def test_export_jsonl_never_includes_withheld_text(api: Any, web: Any) -> None:
    r = api.get("/api/v1/export", params={"format": "jsonl", "include_text": "true"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    rows = {row["id"]: row for row in map(json.loads, r.text.splitlines())}
    assert len(rows) == 3
    assert rows[web[1]["withheld"]]["text"] is None
    assert "operator" in rows[web[1]["article"]]["text"]
    assert "tidak boleh disimpan" not in r.text


def test_export_csv(api: Any) -> None:
    r = api.get("/api/v1/export", params={"format": "csv", "relevant": "1"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and all(row["text"] == "" for row in rows)


def test_export_bad_query(api: Any) -> None:
    r = api.get("/api/v1/export", params={"q": '"open'})
    assert r.status_code == 400 and "quote" in r.json()["error"]


def test_openapi_schema(client: Any) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/export" in schema["paths"] and "/api/v1/search" in schema["paths"]


def test_revoked_token_refused(api: Any, web: Any) -> None:
    from webapp.accounts import revoke_tokens

    with web[0].session() as s:
        revoke_tokens(s, "vera")
    assert api.get("/api/v1/cases").status_code == 401


def test_api_is_read_only(api: Any) -> None:
    assert api.post("/api/v1/search").status_code == 405


@pytest.mark.postgres
def test_api_on_postgresql(pg_url: str) -> None:
    from fastapi.testclient import TestClient
    from web_seed import seed

    from conftest import SECRET, _open
    from webapp.app import create_app

    db = _open(pg_url)
    try:
        ids = seed(db)
        client = TestClient(create_app(db, SECRET), raise_server_exceptions=False)
        client.headers["Authorization"] = f"Bearer {ids['token']}"
        body = client.get("/api/v1/search", params={"q": "kamboja", "province": "32", "facets": "true"}).json()
        assert body["total"] == 1 and body["facets"]["kabkota"][0]["value"] == "32.02"
        assert client.get("/api/v1/search", params={"q": "'; DROP TABLE article; --"}).status_code in (200, 400)
        rows = client.get("/api/v1/export", params={"include_text": "true"}).text.splitlines()
        assert len(rows) == 3 and "tidak boleh disimpan" not in "".join(rows)
        weeks = client.get("/api/v1/aggregates", params={"by": "week"}).json()["counts"]
        assert sum(c["count"] for c in weeks) == 3
    finally:
        db.dispose()
