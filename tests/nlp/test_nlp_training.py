"""Training is seeded and deterministic (on a small sample of the training split, with a small config)."""

from __future__ import annotations

import copy
import json
from typing import Any

import numpy as np
import pytest

from conftest import CORPUS


def _sample(n: int = 40) -> list[dict[str, Any]]:
    path = CORPUS / "train.jsonl"
    if not path.exists():
        pytest.skip("nlp/corpus/train.jsonl missing: run python -m nlp.corpus.build")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pos = [r for r in recs if r["relevant"]][: n // 2]
    neg = [r for r in recs if not r["relevant"]][: n // 2]
    return pos + neg


def _small_config() -> dict[str, Any]:
    from nlp.settings import load_config

    cfg = copy.deepcopy(load_config())
    cfg["features"].update(word_max_features=3000, char_max_features=3000)
    for section in ("relevance", "article_type", "modus"):
        cfg[section]["cv"] = 2
    cfg["tuning"]["folds"] = 2
    return cfg


def test_training_is_deterministic() -> None:
    from nlp.classifier import classify
    from nlp.train import train

    records = _sample()
    cfg = _small_config()
    a, b = train(records, cfg), train(records, cfg)
    assert a.version == b.version
    probe = [{"id": r["id"], "title": r["title"], "text": r["text"]} for r in records[:10]]
    ra, rb = classify(probe, a), classify(probe, b)
    assert ra == rb
    assert np.allclose(a.relevance.coef_, b.relevance.coef_)


def test_version_changes_with_the_data() -> None:
    from nlp.train import version_of

    records = _sample(10)
    cfg = _small_config()
    assert version_of(records, cfg) == version_of(records, cfg)
    assert version_of(records[:-1], cfg) != version_of(records, cfg)


def test_version_changes_with_the_feature_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp import features
    from nlp.train import version_of

    records, cfg = _sample(10), _small_config()
    before = version_of(records, cfg)
    monkeypatch.setattr(features, "FEATURES_REVISION", features.FEATURES_REVISION + 1)
    assert version_of(records, cfg) != before
