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


def test_the_first_batch_moves_long_lived_objects_out_of_the_collectors_way() -> None:
    """In a fresh process: nothing frozen before the first classification, the model's and tables' objects frozen
    after it (``nlp.classifier.settle``), once; results do not depend on it."""
    import json
    import subprocess
    import sys

    from conftest import REPO

    code = (
        "import gc, json, nlp\n"
        "texts = ['Polisi menggagalkan pengiriman 12 calon PMI asal Kabupaten Sukabumi ke Malaysia.', 'Harga cabai naik.']\n"
        "before = gc.get_freeze_count()\n"
        "first = nlp.classify(texts)\n"
        "frozen = gc.get_freeze_count()\n"
        "second = nlp.classify(texts)\n"
        "print(json.dumps([before, frozen, gc.get_freeze_count(), first == second]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    before, frozen, again, same = json.loads(out.stdout.strip().splitlines()[-1])
    assert before == 0 and frozen > 50_000 and again == frozen and same
