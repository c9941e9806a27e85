"""The learned role model: per place, its role (origin, incident, destination, transit or mention).

A place in an article nearly always has one role besides the dateline (the corpus writers label
``mention`` only when nothing else applies), so a multinomial logistic regression picks the main
role from the place's mention features (cue-rule output, words around each mention, kind of
place); a second role is added only when the model is confident in it too. A ``keep`` model drops
matches that are not meant as places (a person called "Bima", a province only named inside an
agency's name). Trained by ``nlp.train``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nlp.locations.roles import CURRENCY_ONLY, ROLES


@dataclass
class RoleModel:
    vectorizer: Any  # sklearn DictVectorizer
    keep: Any  # binary classifier: is this place labelled with a non-dateline role at all
    role: Any  # multinomial classifier over ROLES
    keep_threshold: float = 0.5
    second_threshold: float = 0.4

    def predict_proba(self, feats: list[dict[str, float]]) -> tuple[np.ndarray, np.ndarray]:
        X = self.vectorizer.transform(feats)
        keep = self.keep.predict_proba(X)[:, 1] if self.keep is not None else np.ones(X.shape[0])
        probs = np.zeros((X.shape[0], len(ROLES)))
        got = self.role.predict_proba(X)
        for j, cls in enumerate(self.role.classes_):
            probs[:, ROLES.index(cls)] = got[:, j]
        return keep, probs

    def predict(self, feats: list[dict[str, float]]) -> list[list[str]]:
        keep, probs = self.predict_proba(feats)
        return negatives_mention(feats, decide(keep, probs, self.keep_threshold, self.second_threshold))


def negatives_mention(feats: list[dict[str, float]], roles: list[list[str]]) -> list[list[str]]:
    """A non-relevant article has no victims, so its foreign places are only mentioned (WRITING_GUIDE rule 4);
    nor is a country named only in a currency ("gaji 900 dolar Singapura") where anyone went. A foreign place
    keeps only its main role: the corpus gives a country destination *and* transit once in 1,401 labels, so a
    second role there is nearly always a wrong guess. So does a place named once in the body (17 of 2,455
    Indonesian places named once have two roles besides the dateline)."""
    for i, f in enumerate(feats):
        if not roles[i]:
            continue
        if "FOREIGN" in f and ("FOREIGN_REL:0" in f or CURRENCY_ONLY in f):
            roles[i] = ["mention"]
        elif len(roles[i]) > 1 and one_role(f):
            roles[i] = roles[i][:1]
    return roles


def one_role(feats: dict[str, float]) -> bool:
    """Whether a place keeps only its main role: a foreign place, or one named once in the body."""
    return "FOREIGN" in feats or "N:1" in feats


def decide(keep: np.ndarray, probs: np.ndarray, keep_threshold: float, second_threshold: float) -> list[list[str]]:
    """Roles per place from keep and role probabilities: the main role, and a second one when confident."""
    out: list[list[str]] = []
    if not len(keep):
        return out
    order = np.argsort(-probs, axis=1, kind="stable")
    # the two best classes as two flat lists (not a two-element list per place: fewer objects to collect)
    firsts, nexts = order[:, 0].tolist(), order[:, 1].tolist()
    kept = (keep >= keep_threshold).tolist()
    seconds = (probs[np.arange(len(probs)), order[:, 1]] >= second_threshold).tolist()
    for is_kept, first, nxt, confident in zip(kept, firsts, nexts, seconds, strict=True):
        if not is_kept:
            out.append([])
            continue
        roles = [ROLES[first]]
        if confident and "mention" not in (roles[0], ROLES[nxt]):
            roles.append(ROLES[nxt])
        out.append(roles)
    return out


def fit_role_model(feats: list[dict[str, float]], labels: list[set[str]], c: float, seed: int,
                   foreign_weight: float = 1.0) -> RoleModel:
    """Fit keep and role models; foreign places (a quarter of the places, the destination-country figure's
    only ones) weigh ``foreign_weight`` times as much in the role model."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    y_keep = np.array([1 if lab else 0 for lab in labels])
    keep = None
    if len(set(y_keep.tolist())) == 2:
        keep = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=seed).fit(X, y_keep)
    rows, ys, weights = [], [], []
    for i, lab in enumerate(labels):
        for role in sorted(lab):
            rows.append(i)
            ys.append(role)
            weights.append((foreign_weight if "FOREIGN" in feats[i] else 1.0) / len(lab))
    role = LogisticRegression(C=c, max_iter=3000, random_state=seed).fit(X[rows], ys, sample_weight=np.array(weights))
    return RoleModel(vec, keep, role)
