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


def test_version_changes_with_the_code_revision(monkeypatch: pytest.MonkeyPatch) -> None:
    import nlp.train
    from nlp.train import version_of

    records, cfg = _sample(10), _small_config()
    before = version_of(records, cfg)
    monkeypatch.setattr(nlp.train, "CODE_REVISION", nlp.train.CODE_REVISION + 1)
    assert version_of(records, cfg) != before


def test_role_tuning_keeps_each_articles_places_in_one_fold(monkeypatch: pytest.MonkeyPatch) -> None:
    """The role thresholds are tuned out of fold by article: no fold holds some places of an article and
    leaves others to the model it scores."""
    import sklearn.model_selection as ms

    from nlp.text import clean_text
    from nlp.train import _role_data, fit_roles

    records = _sample(40)
    feats, labels, groups = _role_data(records, [clean_text(r["text"]) for r in records])
    assert len(feats) == len(labels) == len(groups) and groups == sorted(groups)
    seen: list[tuple[set[int], set[int]]] = []
    real = ms.GroupKFold.split

    def spy(self: Any, X: Any, y: Any = None, groups: Any = None) -> Any:
        for tr, te in real(self, X, y, groups):
            seen.append(({groups[i] for i in tr}, {groups[i] for i in te}))
            yield tr, te

    monkeypatch.setattr(ms.GroupKFold, "split", spy)
    model = fit_roles(feats, labels, _small_config(), 0, groups=groups)
    assert len(seen) == 2 and all(not (tr & te) for tr, te in seen)
    assert 0.0 <= model.keep_threshold <= 1.0
