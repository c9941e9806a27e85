"""One parametrised test over the outlet parser registry: every parser has recorded pages with an
expected-output JSON next to them (``tests/crawler/outlets/<parser>/<page>.json``), fundus-style.

Real pages are read from ``../shared/real-web/`` (never copied here); the mirror outlets' recorded
pages are our own text. A new outlet parser without recorded pages fails ``test_every_parser_is_recorded``.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawler.extract.extractor import extract_page
from crawler.outlets import all_parsers

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CASES = sorted((HERE / "outlets").glob("*/*.json"))
WIB = timezone(timedelta(hours=7))


def test_every_parser_is_recorded() -> None:
    recorded = {p.parent.name for p in CASES}
    missing = [name for name in all_parsers() if name.replace("-", "_") not in recorded]
    assert not missing, f"outlet parsers without recorded pages: {missing}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_recorded_page(case: Path) -> None:
    expected = json.loads(case.read_text(encoding="utf-8"))
    page = (REPO / expected["page"]).resolve()
    if not page.exists():
        pytest.skip(f"recorded page absent: {page} (real-web fixtures live in ../shared/real-web)")
    result = extract_page({"body": page.read_bytes(), "url": expected["url"], "parser": case.parent.name})
    assert result["title"].startswith(expected["title_startswith"])
    published = datetime.fromisoformat(result["published_at"]).astimezone(WIB).date().isoformat() if result["published_at"] else None
    assert published == expected["date"]
    assert " ".join(result["text"].split()).startswith(expected["text_startswith"])
    assert len(result["text"].split()) >= expected["min_words"]
    for noise in expected["must_not_contain"]:
        assert noise not in result["text"], f"noise {noise!r} left in the text"
    assert len(result["lead"]) <= 300
