"""Fixtures of the nlp tests: the shipped model, paths of the corpus and of the real web pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "nlp" / "corpus"
REAL_PAGES = REPO.parent / "shared" / "real-web" / "pages"


@pytest.fixture(scope="session")
def model() -> Any:
    """The model shipped under nlp/model/ (loaded once for the whole session)."""
    from nlp.model import load_model

    return load_model()


def article(text: str, title: str = "", rid: str = "t1") -> dict[str, Any]:
    return {"id": rid, "title": title, "text": text}
