"""A calibrated binary logistic regression whose out-of-fold probabilities are kept for tuning.

Same method as scikit-learn's ``CalibratedClassifierCV(method="sigmoid", ensemble=False)``: the
classifier's decision values are collected out of fold, a sigmoid (Platt scaling) is fitted on
them, and the classifier is refitted on all data. Keeping the out-of-fold probabilities lets
training tune thresholds on the training split without fitting everything twice.
"""

from __future__ import annotations

from typing import Any

import numpy as np


class PlattCalibrated:
    def __init__(self, C: float, folds: int, seed: int) -> None:
        self.C = C
        self.folds = folds
        self.seed = seed
        self.classes_ = np.array([0, 1])
        self.base: Any = None
        self.platt: Any = None
        self.oof_proba_: np.ndarray | None = None

    def _lr(self) -> Any:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=self.C, max_iter=3000, class_weight="balanced", random_state=self.seed)

    def fit(self, X: Any, y: np.ndarray) -> PlattCalibrated:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold

        y = np.asarray(y)
        k = int(max(2, min(self.folds, np.bincount(y, minlength=2).min())))
        oof = np.zeros(len(y))
        for tr, te in StratifiedKFold(k, shuffle=True, random_state=self.seed).split(X, y):
            oof[te] = self._lr().fit(X[tr], y[tr]).decision_function(X[te])
        self.platt = LogisticRegression(C=1e4, max_iter=1000).fit(oof.reshape(-1, 1), y)
        self.oof_proba_ = self.platt.predict_proba(oof.reshape(-1, 1))[:, 1]
        self.base = self._lr().fit(X, y)
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        p = self.platt.predict_proba(self.base.decision_function(X).reshape(-1, 1))[:, 1]
        return np.column_stack([1 - p, p])

    @property
    def coef_(self) -> np.ndarray:
        return np.asarray(self.base.coef_)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["oof_proba_"] = None  # not needed after training; keeps the shipped model small
        return state
