"""Does PySastrawi stemming help the text classifiers? Cross-validation on the train split (never the test split).

The issue asked for stemming only if cross-validation says it helps. This runs 5 folds over the train
split three ways: the shipped normalisation (``base``), every normalised word replaced by its Sastrawi
stem (``stem``), and the stems appended to the normalised words (``both``). Each fold trains the
relevance, article-type and modus models as ``pantau nlp train`` does (the role model is left out: the
stemmer never touches place features) and scores the held-out texts as ``pantau nlp evaluate`` does.

PySastrawi is not a dependency of the project (the result was: not worth it), so install it first:

    .venv/bin/pip install 'PySastrawi==1.2.1'
    .venv/bin/python -m nlp.stemming_cv            # all three variants, about 4 minutes on 2 cores
    .venv/bin/python -m nlp.stemming_cv stem       # one variant
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

VARIANTS = ("base", "stem", "both")
SCORES = ("relevance F1", "article type accuracy", "modus micro-F1", "modus macro-F1")


def stemmed_normalize(variant: str) -> Callable[[str], str]:
    """``nlp.text.normalize`` with Sastrawi stems instead of (``stem``) or after (``both``) the words."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from nlp.text import normalize

    stemmer = StemmerFactory().create_stemmer()

    @functools.lru_cache(maxsize=None)
    def stem(word: str) -> str:
        return stemmer.stem(word) or word

    def norm(text: str) -> str:
        words = normalize(text)
        stems = " ".join(map(stem, words.split()))
        return stems if variant == "stem" else f"{words} {stems}"

    return norm


def cross_validate(variant: str, folds: int = 5, seed: int = 7) -> dict[str, float]:
    """Mean held-out scores of ``variant`` over ``folds`` folds of the train split."""
    import numpy as np
    from sklearn.model_selection import KFold

    import nlp.features
    import nlp.inference
    import nlp.train
    from nlp.evaluate import evaluate, headline

    saved = nlp.features.normalize, nlp.inference.normalize, nlp.train._train_roles
    if variant != "base":
        nlp.features.normalize = nlp.inference.normalize = stemmed_normalize(variant)
    nlp.train._train_roles = lambda *a, **k: None  # type: ignore[assignment]
    try:
        records = nlp.train.load_training_records()
        got: dict[str, list[float]] = {name: [] for name in SCORES}
        for train_idx, test_idx in KFold(folds, shuffle=True, random_state=seed).split(records):
            model = nlp.train.train([records[i] for i in train_idx])
            scores = headline(evaluate([records[i] for i in test_idx], model))
            for name in SCORES:
                got[name].append(scores[name])
        return {name: float(np.mean(v)) for name, v in got.items()}
    finally:
        nlp.features.normalize, nlp.inference.normalize, nlp.train._train_roles = saved


def main(argv: list[str]) -> dict[str, Any]:
    variants = argv or list(VARIANTS)
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        raise SystemExit(f"unknown variant(s) {', '.join(unknown)}; choose from {', '.join(VARIANTS)}")
    try:
        import Sastrawi  # noqa: F401
    except ImportError:
        if variants != ["base"]:
            raise SystemExit("PySastrawi is not installed: .venv/bin/pip install 'PySastrawi==1.2.1'") from None
    results = {v: cross_validate(v) for v in variants}
    print(f"{'score (5-fold mean, train split)':34}" + "".join(f"{v:>8}" for v in variants))
    for name in SCORES:
        print(f"{name:34}" + "".join(f"{results[v][name]:8.4f}" for v in variants))
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
