"""The written corpus: sources validate, the built JSON Lines match them, splits are disjoint, minimum counts hold."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conftest import CORPUS

SPLITS = ("train", "test", "dev")


@pytest.fixture(scope="module")
def splits() -> dict[str, list[dict[str, Any]]]:
    from nlp.corpus.build import load_split

    out = {}
    for name in SPLITS:
        split = load_split(name)
        assert not split.problems, f"{name}: {[str(p) for p in split.problems[:5]]}"
        out[name] = split.records
    return out


def test_built_files_match_the_sources(splits: dict[str, list[dict[str, Any]]]) -> None:
    for name, records in splits.items():
        path = CORPUS / f"{name}.jsonl"
        built = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert built == records, f"{path.name} is stale: run python -m nlp.corpus.build"


def _opening(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower())[:300]


def test_splits_share_no_ids_or_texts(splits: dict[str, list[dict[str, Any]]]) -> None:
    seen: dict[str, str] = {}
    openings: dict[str, str] = {}
    for name, records in splits.items():
        for r in records:
            assert r["id"] not in seen, f"{r['id']} is in {seen[r['id']]} and {name}"
            seen[r["id"]] = name
            key = _opening(r["text"])
            assert openings.get(key, name) == name, f"{r['id']} ({name}) repeats a text of {openings[key]}"
            openings[key] = name


def test_minimum_counts_of_the_issue(splits: dict[str, list[dict[str, Any]]]) -> None:
    from nlp.metrics import MODUS

    train, test = splits["train"], splits["test"]
    assert len(train) >= 900 and len(test) >= 250
    assert sum(not r["relevant"] for r in train) >= 350
    assert all(sum(m in r["modus"] for r in train) >= 40 for m in MODUS)
    assert sum(len(r["modus"]) > 1 for r in train) >= 50
    words = [len(r["text"].split()) for s in splits.values() for r in s]
    assert 120 <= min(words) and max(words) <= 900


def test_check_mode_validates_without_writing(capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m nlp.corpus.build --check`` (for writers validating their files) reports but writes nothing."""
    from nlp.corpus.build import main

    before = {name: (CORPUS / f"{name}.jsonl").stat().st_mtime_ns for name in SPLITS}
    assert main(["--check"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^train: \d+ records, 0 problem\(s\)$", out, re.M)
    assert {name: (CORPUS / f"{name}.jsonl").stat().st_mtime_ns for name in SPLITS} == before
