"""Redaction of victims' and children's names to initials."""

from __future__ import annotations

from nlp.redact import initials, redact, redact_result


def test_initials() -> None:
    assert initials("Siti Aminah") == "SA"
    assert initials("Nur-Aini Putri") == "NAP"


def test_given_names_are_redacted_everywhere() -> None:
    text = "Siti Aminah dijual ke Batam. Keluarga siti aminah melapor."
    assert redact(text, ["Siti Aminah"], detect=False) == "SA dijual ke Batam. Keluarga SA melapor."


def test_detected_victims_and_children() -> None:
    out = redact("Korban bernama Dewi Lestari dijanjikan kerja. Putri Anggraini (15) disekap di kafe.")
    assert "Dewi Lestari" not in out and "DL" in out
    assert "Putri Anggraini" not in out and "PA (15)" in out


def test_initials_and_officials_are_left_alone() -> None:
    text = "Korban berinisial RN (17) diselamatkan, kata Kapolres AKBP Budi Santoso."
    assert redact(text) == text


def test_redact_result() -> None:
    res = {"evidence": {"sexual_exploitation": "Korban Rina Wati dipaksa melayani tamu."},
           "locations": [{"name": "Kota Batam", "evidence": "Rina Wati dibawa ke Batam."}]}
    out = redact_result(res, ["Rina Wati"])
    assert out["evidence"]["sexual_exploitation"] == "Korban RW dipaksa melayani tamu."
    assert out["locations"][0]["evidence"] == "RW dibawa ke Batam."
