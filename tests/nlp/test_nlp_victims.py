"""Headline victim counts from hand-written sentences."""

from __future__ import annotations

import pytest

from nlp.victims import extract_victims


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("", "Sebanyak 1.596 korban TPPO tercatat sepanjang tahun ini.", 1596),
        ("", "Polisi menyelamatkan 98 PMI dari sebuah penampungan.", 98),
        ("", "Polisi menyelamatkan tiga anak dari sebuah kafe.", 3),
        ("", "Petugas menyelamatkan dua belas perempuan dari lokasi itu.", 12),
        ("", "Sebanyak dua puluh tiga calon PMI digagalkan berangkat.", 23),
        ("", "Seratus warga menjadi korban penipuan lowongan kerja.", 100),
        ("", "Puluhan PMI ilegal diamankan di pelabuhan.", None),
        ("", "Belasan korban dipulangkan dari Kamboja.", None),
        ("", "Polisi menetapkan dua tersangka dan menyelamatkan 14 korban.", 14),
        ("", "Tiga orang tersangka ditangkap.", None),
        ("", "Pelaku menerima Rp 5.000.000 dari setiap korban dan dihukum 7 tahun penjara.", None),
        ("Polisi Gagalkan Pengiriman 17 Calon PMI ke Malaysia", "Sebanyak tujuh korban masih anak.", 17),
        ("", "Pada 2024, sebanyak 45 pekerja migran dipulangkan.", 45),
        # deportees are counted victims; the title's count of the story's group beats the body's total
        ("37 Deportan Mengaku Tak Digaji di Ladang Sawit",
         "Sebanyak 112 PMI dideportasi dari Sabah pekan ini. Di antara mereka, 37 deportan bekerja tanpa upah.", 37),
    ],
)
def test_victims(title: str, text: str, expected: int | None) -> None:
    assert extract_victims(title, text) == expected


def test_single_victim_story() -> None:
    assert extract_victims("Gadis 15 Tahun Asal Cianjur Dijual ke Bar di Batam", "Korban berinisial RN dijual.") == 1
    assert extract_victims("Gadis 15 Tahun Asal Cianjur Dijual", "Korban dijual.", is_case=False) is None


def test_fast_number_scan_matches_the_reference_pattern() -> None:
    """``victims._numbers`` (a lower-cased, separator-anchored twin of ``_NUMBER_START``, for speed) must
    find exactly the spans of the reference pattern, including at offset 0 and with case traps."""
    import json
    from pathlib import Path

    from nlp.text import lower_aligned
    from nlp.victims import _NUMBER_START, _numbers

    corpus = Path(__file__).resolve().parents[2] / "nlp" / "corpus" / "test.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()[:80]]
    texts += ["12 korban", "Ke-3 korban, 1.596 orang dan SEORANG anak", "x,5 (7) 2.5 3,5 1.000.000 ke-12",
              "Dua\u0130 tiga \u212a 4 orang", "sembilanbelas 10 20.000.1 /7 -8"]
    for text in texts:
        assert list(_numbers(text, lower_aligned(text))) == [m.span() for m in _NUMBER_START.finditer(text)], text
