"""The `classify` output contract of ../shared/TAXONOMY.md."""

from __future__ import annotations

from typing import Any

import nlp
from nlp.metrics import ARTICLE_TYPES, MODUS
from pantau.taxonomy import LOCATION_LEVELS, ROLES

CASE = (
    "KUPANG, KOMPAS.com - Kepolisian Daerah Nusa Tenggara Timur menggagalkan pengiriman 12 calon pekerja "
    "migran Indonesia nonprosedural ke Malaysia. Para korban berasal dari Kabupaten Timor Tengah Selatan dan "
    "dijanjikan bekerja di perkebunan sawit dengan gaji tinggi oleh seorang perekrut berinisial YL (45).\n\n"
    "Mereka diamankan di Pelabuhan Tenau sebelum diberangkatkan melalui Batam. \"Para korban tidak memiliki "
    "dokumen resmi dan akan dipekerjakan secara ilegal,\" kata Direktur Reserse Kriminal Umum Polda NTT.\n\n"
    "Tersangka dijerat dengan Undang-Undang Tindak Pidana Perdagangan Orang (TPPO) dengan ancaman hukuman "
    "15 tahun penjara. Polisi masih memburu dua pelaku lain yang diduga menjadi bagian dari jaringan."
)
KEYS = ("id", "relevant", "relevance_score", "article_type", "modus", "modus_scores", "locations", "victims",
        "evidence", "model_version")


def _check(res: dict[str, Any]) -> None:
    for key in KEYS:
        assert key in res, key
    assert isinstance(res["relevant"], bool)
    assert 0.0 <= res["relevance_score"] <= 1.0
    assert res["article_type"] in (*ARTICLE_TYPES, None)
    assert set(res["modus"]) <= set(MODUS)
    assert set(res["modus_scores"]) <= set(MODUS)
    assert all(0.0 <= v <= 1.0 for v in res["modus_scores"].values())
    assert set(res["evidence"]) == set(res["modus"])
    assert res["victims"] is None or (isinstance(res["victims"], int) and res["victims"] >= 0)
    if not res["relevant"]:
        assert res["article_type"] is None and res["modus"] == [] and res["victims"] is None
    seen = set()
    for loc in res["locations"]:
        assert set(loc) == {"name", "level", "code", "province", "country", "role", "evidence"}
        assert loc["level"] in LOCATION_LEVELS and loc["role"] in ROLES
        assert (loc["name"], loc["role"]) not in seen
        seen.add((loc["name"], loc["role"]))
        if loc["country"] == "Indonesia":
            assert loc["province"]
        else:
            assert loc["province"] is None
    assert res["model_version"] == nlp.model_version()


def test_case_article_follows_the_contract() -> None:
    res = nlp.classify([{"id": "a1", "title": "Polda NTT Gagalkan Pengiriman 12 PMI Ilegal ke Malaysia", "text": CASE}])[0]
    _check(res)
    assert res["id"] == "a1"
    assert res["relevant"] and res["article_type"] == "case"
    assert "migrant_worker" in res["modus"]
    assert res["evidence"]["migrant_worker"] in CASE
    assert res["victims"] == 12
    names = {(loc["name"], loc["role"]) for loc in res["locations"]}
    assert ("Kota Kupang", "dateline") in names
    assert any(loc["name"] == "Malaysia" and loc["code"] == "MY" for loc in res["locations"])
    assert any(loc["name"] == "Kabupaten Timor Tengah Selatan" and loc["code"] == "53.02" for loc in res["locations"])


def test_order_ids_strings_and_single_items() -> None:
    items = [{"id": 7, "text": CASE}, "Harga cabai di pasar naik menjelang akhir tahun.", {"id": "x", "text": ""}]
    out = nlp.classify(items)
    assert [r["id"] for r in out] == [7, None, "x"]
    for r in out:
        _check(r)
    assert nlp.classify({"id": "one", "text": CASE})[0]["id"] == "one"
    assert len(nlp.classify("satu teks saja")) == 1


def test_invalid_items_get_error_entries() -> None:
    out = nlp.classify([{"id": "no-text"}, 42, {"id": "bad", "text": 5}, {"id": "ok", "text": CASE}])
    assert out[0] == {"id": "no-text", "error": "missing field 'text'"}
    assert "error" in out[1] and "error" in out[2]
    _check(out[3])


def test_model_loads_once_and_fast() -> None:
    import time

    from nlp.model import load_model

    m = load_model()
    t = time.perf_counter()
    assert load_model() is m
    assert time.perf_counter() - t < 0.01
    assert m.version.startswith("tppo-")



def test_settling_is_asked_for_and_happens_once_after_the_first_batch() -> None:
    """In fresh processes: ``classify`` never freezes the host's objects by itself; ``iter_classify(...,
    settle_after_first=True)`` does, once, after its first batch, even when its reader stops at the last result;
    results do not depend on it."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    code = (
        "import gc, json, nlp\n"
        "texts = ['Polisi menggagalkan pengiriman 12 calon PMI asal Kabupaten Sukabumi ke Malaysia.', 'Harga cabai naik.']\n"
        "plain = nlp.classify(texts)\n"
        "after_plain = gc.get_freeze_count()\n"
        "it = nlp.iter_classify(texts * 3, batch=2, settle_after_first=True)\n"
        "got = [next(it) for _ in range(6)]\n"  # the reader never asks for a seventh result
        "frozen = gc.get_freeze_count()\n"
        "again = nlp.iter_classify(texts, settle_after_first=True)\n"
        "last = list(again)\n"
        "print(json.dumps([after_plain, frozen, gc.get_freeze_count(), got[:2] == plain == last]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=True)
    after_plain, frozen, later, same = json.loads(out.stdout.strip().splitlines()[-1])
    assert after_plain == 0  # classify alone leaves the host's collector alone
    assert frozen > 50_000 and later == frozen and same
