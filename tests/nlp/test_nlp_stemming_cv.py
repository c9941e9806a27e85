"""The stemming experiment's command line: it names what is missing instead of failing inside a fold."""

from __future__ import annotations

import sys

import pytest

from nlp import stemming_cv


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(SystemExit, match="unknown variant"):
        stemming_cv.main(["lemma"])


def test_missing_pysastrawi_is_named_with_its_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "Sastrawi", None)  # import fails as if not installed
    with pytest.raises(SystemExit, match="PySastrawi is not installed"):
        stemming_cv.main(["stem"])
