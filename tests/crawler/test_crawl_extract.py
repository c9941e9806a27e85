"""Extraction helpers: Indonesian noise, dates, charsets, leads."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import html

from crawler.extract.dates import parse_indonesian, parse_iso
from crawler.extract.decode import decode_html
from crawler.extract.extractor import make_lead
from crawler.extract.noise import clean_text, prune_tree


def test_noise_lines_removed() -> None:
    text = ("Isi berita pertama.\nBaca juga: Polisi tangkap perekrut\nSimak juga video berikut\n(Lihat juga: Indeks)\n"
            "Editor: Budi\nReporter : Ani | Editor : Budi\nPewarta: Siti\nCopyright © 2026 Kabar\nAll rights reserved.\n"
            "Pemerintah merevisi aturan hak cipta tahun ini.\nIsi terakhir.")
    assert clean_text(text) == "Isi berita pertama.\nPemerintah merevisi aturan hak cipta tahun ini.\nIsi terakhir."


def test_noise_elements_pruned() -> None:
    tree = html.document_fromstring(
        "<html><body><div class='isi'><p>Satu.</p><p><strong>Baca juga:</strong> <a href='/x'>Lain</a></p>"
        "<div class='baca-juga'><a>Lain lagi</a></div><p>Dua juga penting.</p><ul class='berita-terkait'><li>a</li></ul>"
        "<script>var x</script></div></body></html>")
    prune_tree(tree)
    assert [p.text_content() for p in tree.iter("p")] == ["Satu.", "Dua juga penting."]
    assert not tree.xpath("//ul") and not tree.xpath("//script")


def test_dates() -> None:
    assert parse_iso("2026-03-01T10:00:00+07:00") == datetime(2026, 3, 1, 3, 0, tzinfo=UTC)
    assert parse_iso("2026-03-01 10:00") == datetime(2026, 3, 1, 3, 0, tzinfo=UTC)  # naive = WIB
    assert parse_indonesian("Senin, 12 Januari 2026 10:15 WIB") == datetime(2026, 1, 12, 3, 15, tzinfo=UTC)
    assert parse_indonesian("Rabu, 5 Agustus 2026") == datetime(2026, 8, 4, 17, 0, tzinfo=UTC)
    assert parse_indonesian("tanpa tanggal") is None


def test_wrong_charset_label_is_detected() -> None:
    body = "<html><body><p>Kafé “Pelabuhan” – catatan</p></body></html>".encode("cp1252")
    text, used = decode_html(body, "utf-8")
    assert used == "cp1252" and "Kafé “Pelabuhan” – catatan" in text
    text, used = decode_html("<p>Kafé</p>".encode(), None)
    assert used == "utf-8" and "Kafé" in text


def test_lead_is_at_most_300_characters() -> None:
    long = "kata " * 200
    lead = make_lead(long)
    assert len(lead) <= 300 and lead.endswith("…")
    assert make_lead("Pendek.\nKedua.") == "Pendek."
