"""Versioned rule sets: v2 adds a child victim's stated age as a child_exploitation cue, v1 stays as it was."""

from __future__ import annotations

import pytest

from nlp.registry import get


def _labels(ruleset: str, lowered: str) -> set[str]:
    return {label for label, hits in get(ruleset)().hits(lowered).items() if hits}


@pytest.mark.parametrize("text", [
    "polisi menyelamatkan korban berinisial rn (16) dari sebuah kafe.",
    "polisi menyelamatkan remaja berinisial ds (15) yang dipaksa melayani tamu.",
    "korban masih berumur 14 tahun saat direkrut.",
    "korban termuda, ap (17), bekerja 18 jam sehari di kapal.",
])
def test_v2_reads_a_child_victims_age(text: str) -> None:
    assert "child_exploitation" in _labels("tppo_modus_rules.v2", text)
    assert "child_exploitation" not in _labels("tppo_modus_rules.v1", text)


@pytest.mark.parametrize("text", [
    "tersangka berinisial ab (45) ditangkap di rumahnya.",
    "korban berinisial sw (23) dipulangkan ke kampung halamannya.",
    "bayi berusia 3 tahun itu dirawat di rumah sakit.",
    "kegiatan itu berlangsung 15 tahun lalu.",
    "aktris itu memamerkan foto saat berusia 13 tahun.",
    "seorang remaja 15 tahun memenangi lomba.",
])
def test_v2_ignores_adults_babies_and_other_numbers(text: str) -> None:
    assert "child_exploitation" not in _labels("tppo_modus_rules.v2", text)


def test_shipped_config_uses_v2_and_unknown_sets_are_named() -> None:
    from nlp.settings import load_config

    assert load_config()["model"]["rules"] == "tppo_modus_rules.v2"
    with pytest.raises(KeyError, match="tppo_modus_rules.v2"):
        get("tppo_modus_rules.v9")
