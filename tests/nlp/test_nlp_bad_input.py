"""Bad input never crashes a run: empty, English, huge, HTML, invalid UTF-8 text."""

from __future__ import annotations

import time

import nlp
from nlp.text import clean_text

ID_TEXT = ("Polisi menggerebek sebuah rumah penampungan di Kabupaten Cianjur dan menyelamatkan 15 calon "
           "pekerja migran yang akan dikirim secara ilegal ke Arab Saudi. ") * 3


def test_empty_and_whitespace() -> None:
    for text in ("", "   \n\t ", None):
        [res] = nlp.classify([{"id": "e", "text": text}])
        assert res["relevant"] is False and res["relevance_score"] == 0.0
        assert res["locations"] == [] and res["modus"] == [] and res["victims"] is None


def test_english_text_is_reported_and_judged_conservatively() -> None:
    text = ("Police in Jakarta arrested a man who sold a used car to a buyer in Bandung. The buyer said the car "
            "was in good condition and the deal was completed at a dealership on Monday afternoon.")
    [res] = nlp.classify([{"id": "en", "text": text}])
    assert res["language"] == "en"
    assert res["relevant"] is False


def test_indonesian_language_detected() -> None:
    assert nlp.detect_language(ID_TEXT) == "id"
    assert nlp.detect_language("ok") == "und"


def test_one_megabyte_text_is_processed_within_limits() -> None:
    big = ID_TEXT * (1_000_000 // len(ID_TEXT) + 1)
    assert len(big) > 1_000_000
    t = time.perf_counter()
    [res] = nlp.classify([{"id": "big", "text": big}])
    assert time.perf_counter() - t < 10
    assert res["relevant"] in (True, False)
    assert len(clean_text(big)) <= 20_000


def test_one_megabyte_single_line_without_spaces() -> None:
    [res] = nlp.classify([{"id": "blob", "text": "x" * 1_000_000}])
    assert res["relevant"] is False


def test_html_fragment_is_stripped() -> None:
    html = ("<div class='article'><p>Polisi menyelamatkan <b>15 calon pekerja migran</b> di Kabupaten Cianjur."
            "</p><script>var x = '<p>Kamboja</p>';</script><p>Mereka akan dikirim ke Arab Saudi.</p></div>")
    text = clean_text(html)
    assert "<" not in text and "Kamboja" not in text
    [res] = nlp.classify([{"id": "h", "text": html}])
    assert {loc["name"] for loc in res["locations"]} >= {"Kabupaten Cianjur", "Saudi Arabia"}


def test_invalid_utf8_bytes() -> None:
    raw = "Korban asal Garut dikirim ke Malaysia. ".encode() + b"\xff\xfe\x80" + " Polisi menangkap pelaku.".encode()
    [res] = nlp.classify([raw])
    assert "error" not in res


def test_noise_lines_are_dropped() -> None:
    text = clean_text("Paragraf pertama.\nBaca juga: Lima PMI Asal Kupang Dipulangkan\nADVERTISEMENT\nParagraf dua.")
    assert text == "Paragraf pertama.\nParagraf dua."
