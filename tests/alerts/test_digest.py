"""Weekly digests: content in scope, escaping, redaction, empty weeks, English, template errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from alerts import digest, linking
from alerts.subscriptions import SubscriptionSpec, get, save
from tests.alerts import clusters

WEEK = "2024-W39"


def _setup(db: Any, *extra: dict[str, Any]) -> None:
    from models.store import ArticleRecord, save_classification, upsert_article

    with db.session() as s:
        clusters.load(s)
        for a in extra:
            res = upsert_article(s, ArticleRecord(canonical_url=a["url"], outlet="uji", title=a["title"], text=a["text"],
                                                  published_at=a["published_at"]))
            save_classification(s, res.id, a["labels"])
        linking.link_articles(s)
        save(s, SubscriptionSpec("Satgas NTT", "province", ["53"], recipients=["satgas@ntt.go.id"]))
        save(s, SubscriptionSpec("Nasional EN", language="en", recipients=["desk@contoh.id"]))
        save(s, SubscriptionSpec("Kupang", "kabkota", ["53.01"], recipients=["kupang@contoh.id"]))
        save(s, SubscriptionSpec("Organ", modus=["organ_trafficking"], recipients=["organ@contoh.id"]))


def _hostile() -> dict[str, Any]:
    from datetime import UTC, datetime

    labels = dict(clusters.ARTICLES[-1]["labels"])
    labels["victims"] = 2
    return {"url": "https://uji.example/berita/xss", "published_at": datetime(2024, 9, 26, 3, tzinfo=UTC),
            "title": "<script>alert(1)</script> Korban Siti Aminah (16) dijual ke Malaysia",
            "text": "KUPANG – Seorang anak bernama Siti Aminah (16) asal Kupang dijual ke Malaysia. <b>tebal</b> "
                    "Polisi mengamankan perekrut berinisial ZZ.",
            "labels": {**labels, "locations": clusters._locations([("kabkota", "53.71", "origin"), ("country", "MY", "destination")])}}


def _render(db: Any, name: str, week: str = WEEK) -> digest.Rendered:
    with db.session() as s:
        data = digest.gather(s, get(s, name), week)
    return digest.render(data)


def test_province_digest_has_cases_in_scope_with_sources_table_and_chart(db: Any) -> None:
    _setup(db)
    r = _render(db, "Satgas NTT")
    assert r.subject == "Ringkasan mingguan TPPO 2024-W39 – 53 Nusa Tenggara Timur"
    assert "Sembilan calon PMI nonprosedural digagalkan" in r.html and "Jenazah PMI asal TTS" in r.html
    assert "Sukabumi" not in r.text  # not in scope
    assert "https://timor-ekspres.example/berita/k1" in r.html and "https://warta-nusantara.example/berita/k2" in r.text
    assert "Kasus baru: 2" in r.text and "Pekerja migran nonprosedural" in r.text
    assert "Kabupaten Kupang (53.01)" in r.text  # the table by kab/kota for a province subscription
    assert r.chart is not None and r.chart.startswith(b"\x89PNG")
    assert f'src="cid:{r.chart_cid}"' in r.html
    assert "Catatan cakupan" in r.text


def test_kabkota_and_modus_filters(db: Any) -> None:
    _setup(db)
    kupang = _render(db, "Kupang")
    assert "El Tari" in kupang.text and "TTS" not in kupang.text
    organ = _render(db, "Organ")
    assert "Tidak ada kasus" in organ.text or "ginjal" not in organ.text  # the organ case was in W38


def test_article_strings_are_escaped_and_names_redacted(db: Any) -> None:
    _setup(db, _hostile())
    r = _render(db, "Satgas NTT")
    assert "<script>" not in r.html and "&lt;script&gt;" in r.html
    assert "<b>tebal</b>" not in r.html
    assert "Siti Aminah" not in r.html and "Siti Aminah" not in r.text
    assert "SA (16)" in r.text


def test_english_digest(db: Any) -> None:
    _setup(db)
    r = _render(db, "Nasional EN")
    assert r.subject.startswith("Weekly TIP digest 2024-W39")
    assert "New cases: 6" in r.text and "Non-procedural migrant work" in r.text


def test_empty_week_says_so(db: Any) -> None:
    _setup(db)
    r = _render(db, "Satgas NTT", "2023-W10")
    assert "Tidak ada kasus, sinyal, maupun berita pencegahan" in r.text
    assert "Tidak ada kasus, sinyal, maupun berita pencegahan" in r.html
    assert r.chart is None and "cid:" not in r.html


def test_unknown_week_and_template_error_are_clear(sdb: Any, tmp_path: Path) -> None:
    _setup(sdb)
    with sdb.session() as s, pytest.raises(digest.DigestError, match="malformed week"):
        digest.gather(s, get(s, "Satgas NTT"), "2024-39")
    (tmp_path / "digest.html").write_text("{{ d.no_such_field }}")
    (tmp_path / "digest.txt").write_text("ok")
    with sdb.session() as s:
        data = digest.gather(s, get(s, "Satgas NTT"), WEEK)
    with pytest.raises(digest.DigestError, match="template error"):
        digest.render(data, template_dir=tmp_path)


def test_redaction_degrades_gracefully_without_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "nlp.redact", None)  # import fails
    redact, available = digest._redactor()
    assert available is False
    assert "Siti Aminah" not in redact("korban Siti Aminah dijual")
