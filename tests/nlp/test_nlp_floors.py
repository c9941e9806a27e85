"""Quality floors of the shipped model on the held-out test split (never used for training or tuning) and on the
dev split (new wording; used to judge changes, never trained on).

The floors sit a little below what the shipped model reaches (see docs/nlp.md), so a regression
fails CI. Retraining that lowers a score below its floor must be justified, not the floor lowered.
Session 5 lowered the test split's modus floors (micro 0.92 -> 0.90, macro 0.925 -> 0.905; reached
0.936 / 0.942 before) for a
model whose new training texts follow TAXONOMY.md's own example (a scam-compound case is
``online_scam`` alone): the test split co-labels 8 of its online-scam texts ``migrant_worker`` too,
so its migrant_worker recall fell (0.65 -> 0.61) while destination countries, places with roles and
every dev figure rose (dev modus micro 0.878 -> 0.929, destination 0.897 -> 0.953).
Session 6 grew the dev split from 80 to 120 texts (``d3``, ``d4``, written after the session's changes), so
the dev floor of province roles was re-pinned on the larger set (0.85 -> 0.84; 0.855 reached), not for a
regression: on the 80 older texts the model reaches 0.880.
Session 7 added 60 fresh held-out texts to the test split (``t2``, ``t3``: two new writers, written in this
session's first hour, before any of its changes was scored, and scored once with the previous and the new
model); ``FRESH_FLOORS`` pins the model on those alone, the part of the test split no change has been read
against.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import CORPUS

FLOORS = {  # tppo-e94202203d18, 325 texts: 0.995 / 1.000 / 0.924 / 0.934 / 0.995 / 0.861 / 0.992 / 0.908 / 0.877
    "relevance F1": 0.97,
    "article type accuracy": 0.96,
    "modus micro-F1": 0.91,
    "modus macro-F1": 0.92,
    "province F1": 0.96,
    "province F1 with roles": 0.84,
    "country F1": 0.97,
    "destination-country F1": 0.90,
    "victims exact match": 0.85,
}
DEV_FLOORS = {  # tppo-e94202203d18, 120 texts: 1.000 / 1.000 / 0.957 / 0.958 / 0.994 / 0.865 / 0.996 / 0.971 / 0.924
    "relevance F1": 0.97,
    "article type accuracy": 0.95,
    "modus micro-F1": 0.93,
    "modus macro-F1": 0.93,
    "province F1": 0.96,
    "province F1 with roles": 0.84,
    "country F1": 0.96,
    "destination-country F1": 0.95,
    "victims exact match": 0.90,
}
FRESH_FLOORS = {  # tppo-e94202203d18, 60 texts: 0.987 / 1.000 / 0.967 / 0.963 / 1.000 / 0.859 / 1.000 / 1.000 / 0.921
    "relevance F1": 0.96,
    "article type accuracy": 0.95,
    "modus micro-F1": 0.93,
    "modus macro-F1": 0.92,
    "province F1": 0.96,
    "province F1 with roles": 0.82,
    "country F1": 0.96,
    "destination-country F1": 0.95,
    "victims exact match": 0.88,
}
FRESH_PREFIXES = ("t2-", "t3-")


SPLIT_FLOORS = {"test": FLOORS, "dev": DEV_FLOORS, "fresh": FRESH_FLOORS}


@pytest.fixture(scope="module")
def report(model: Any) -> Callable[[str], dict[str, Any]]:
    """The shipped model's evaluation of a split, computed once per split."""
    from nlp.evaluate import evaluate, load_gold

    done: dict[str, dict[str, Any]] = {}

    def of(split: str) -> dict[str, Any]:
        if split not in done:
            path = CORPUS / f"{'test' if split == 'fresh' else split}.jsonl"
            if not path.exists():
                pytest.skip(f"{path.name} missing: run python -m nlp.corpus.build")
            gold = load_gold(path)
            if split == "fresh":  # the test split's texts written after session 6's model (see above)
                gold = [g for g in gold if str(g.get("id", "")).startswith(FRESH_PREFIXES)]
                assert len(gold) >= 60
            done[split] = evaluate(gold, model)
        return done[split]

    return of


@pytest.mark.parametrize(("split", "score"), [(sp, sc) for sp, floors in SPLIT_FLOORS.items() for sc in sorted(floors)])
def test_floor(report: Callable[[str], dict[str, Any]], split: str, score: str) -> None:
    from nlp.evaluate import headline

    assert headline(report(split))[score] >= SPLIT_FLOORS[split][score], f"{split} {score} fell below its floor"


def test_model_beats_the_keyword_baseline(report: Callable[[str], dict[str, Any]]) -> None:
    assert report("test")["keyword_baseline"]["f1_margin"] > 0.05
