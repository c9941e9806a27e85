"""The numpy-only inference (nlp.inference) reproduces the scikit-learn pipeline it was exported from."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from conftest import CORPUS, REPO


def _records(split: str) -> list[dict[str, Any]]:
    path = CORPUS / f"{split}.jsonl"
    if not path.exists():
        pytest.skip(f"nlp/corpus/{split}.jsonl missing: run python -m nlp.corpus.build")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def fitted() -> tuple[Any, Any, list[dict[str, Any]]]:
    """A small scikit-learn-backed model (trained on part of the train split), its export, the corpus."""
    from nlp.inference import export
    from nlp.settings import load_config
    from nlp.train import train

    train_recs = _records("train")
    recs = train_recs + _records("test")
    pos = [r for r in train_recs if r["relevant"]][:150]
    neg = [r for r in train_recs if not r["relevant"]][:100]
    cfg = copy.deepcopy(load_config())
    for section in ("relevance", "article_type", "modus"):
        cfg[section]["cv"] = 3
    cfg["tuning"]["folds"] = 3
    sk = train(pos + neg, cfg)
    return sk, export(sk), recs


def test_features_and_probabilities_match_scikit_learn(fitted: tuple[Any, Any, list[dict[str, Any]]]) -> None:
    from nlp.features import make_doc
    from nlp.text import clean_text, clean_title

    sk, np_model, recs = fitted
    docs = [make_doc(clean_title(r.get("title")), clean_text(r["text"]), sk.rules)[0] for r in recs]
    Xs = sk.features.transform(docs)
    Xn = np_model.features.transform(docs)
    assert Xs.shape == Xn.shape
    assert np.abs(Xs.toarray() - Xn.toarray()).max() <= 1e-6
    # the fitted coefficients are float32 (float32 features), so scikit-learn computes the decision values
    # in float32; on float64 features it gives the exact values, which the numpy path reproduces
    X64 = Xs.astype(np.float64)
    pairs = [(sk.relevance, np_model.relevance), (sk.article_type, np_model.article_type)]
    pairs += [(sk.modus[lab], np_model.modus[lab]) for lab in sk.modus]
    assert len(pairs) >= 4
    for a, b in pairs:
        pb = b.predict_proba(Xn)
        assert np.abs(a.predict_proba(X64) - pb).max() <= 1e-6
        assert np.abs(a.predict_proba(Xs) - pb).max() <= 1e-4  # float32 arithmetic in scikit-learn
    assert list(sk.article_type.classes_) == list(np_model.article_type.classes_)


def test_role_model_matches_scikit_learn(fitted: tuple[Any, Any, list[dict[str, Any]]]) -> None:
    from nlp.locations.extract import _places_for_output
    from nlp.sentences import Sentences
    from nlp.text import clean_text
    from nlp.train import role_rows

    sk, np_model, recs = fitted
    feats = []
    for r in recs[:500]:
        text = clean_text(r["text"])
        body = [pm for pm in _places_for_output(text, Sentences(text)) if pm.offsets]
        feats += role_rows(r, body, text)[0]
    assert len(feats) > 500
    ka, pa = sk.role_model.predict_proba(feats)
    kb, pb = np_model.role_model.predict_proba(feats)
    assert np.abs(ka - kb).max() <= 1e-6 and np.abs(pa - pb).max() <= 1e-6
    assert sk.role_model.predict(feats) == np_model.role_model.predict(feats)


def test_saved_model_round_trips_and_classifies_the_same(fitted: tuple[Any, Any, list[dict[str, Any]]],
                                                         tmp_path: Any) -> None:
    from nlp.classifier import classify
    from nlp.model import load_model, save_model

    sk, _, recs = fitted
    path = save_model(sk, tmp_path / "m.npz")
    loaded = load_model(path)
    probe = [{"id": r["id"], "title": r["title"], "text": r["text"]} for r in recs[:60]]
    a, b = classify(probe, sk), classify(probe, loaded)
    assert [(x["relevant"], x["article_type"], x["modus"], x["locations"], x["victims"]) for x in a] == \
        [(x["relevant"], x["article_type"], x["modus"], x["locations"], x["victims"]) for x in b]
    for x, y in zip(a, b, strict=True):
        assert abs(x["relevance_score"] - y["relevance_score"]) <= 1e-4


def test_loading_the_model_does_not_import_scikit_learn() -> None:
    code = ("import sys, nlp; m = nlp.load_model(); nlp.classify([{'id': 'x', 'text': 'Polisi menangkap perekrut "
            "PMI ilegal asal Sukabumi yang dikirim ke Malaysia.'}]); "
            "print(any(k == 'sklearn' or k.startswith('sklearn.') for k in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cue_search_by_repeated_search_equals_finditer() -> None:
    """``rules._find_all`` (repeated ``search``, for speed) gives ``finditer``'s spans, with ``\\b`` seeing the
    text before the start, and after an empty match."""
    import re

    from nlp.rules import _find_all

    text = "korban dijual ke malaysia, korban lain dijanjikan kerja. xkorban korban"
    for pattern in (r"\bkorban\b", r"korban\s+\w+", r"(?:dijual|dijanjikan)\s+\w+", r"x?", r"\bke\b"):
        p = re.compile(pattern)
        for start, end in ((0, len(text)), (3, 40), (27, len(text)), (58, 64)):
            assert _find_all(p, text, start, end) == [m.span() for m in p.finditer(text, start, end)], (pattern, start)
