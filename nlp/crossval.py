"""Cross-validated location-role scores on the training split (for role-feature work; never the test split).

Articles are split into folds; for each fold the role model is trained on the other folds' articles
exactly as ``nlp.train`` trains it (thresholds tuned on their own inner folds) and predicts the held-out
articles' places. The out-of-fold locations are scored like ``nlp.evaluate`` scores the test split
(province and country level, with roles, destination country). The gold relevance stands in for the
predicted one (relevance F1 is about 0.99).

    .venv/bin/python -m nlp.crossval            # 5 folds over the train split
    .venv/bin/python -m nlp.crossval --fast     # default thresholds, no inner tuning (quick experiments)
"""

from __future__ import annotations

import json
import sys
from typing import Any

from nlp.locations.extract import _assign, _places_for_output
from nlp.metrics import location_scores
from nlp.sentences import Sentences
from nlp.settings import load_config
from nlp.text import clean_text


def out_of_fold_locations(records: list[dict[str, Any]], cfg: dict[str, Any], folds: int = 5,
                          seed: int | None = None, tune: bool = True) -> list[list[dict[str, Any]]]:
    """Locations of every record predicted by a role model that did not see the record's article."""
    from sklearn.model_selection import KFold

    from nlp.train import fit_roles, role_rows

    seed = int(cfg["model"]["seed"]) if seed is None else seed
    texts = [clean_text(r.get("text")) for r in records]
    sents = [Sentences(t) for t in texts]
    places = [_places_for_output(t, s) for t, s in zip(texts, sents, strict=True)]
    feats: list[list[dict[str, float]]] = []
    labels: list[list[set[str]]] = []
    for rec, pms, text in zip(records, places, texts, strict=True):
        f, y = role_rows(rec, [pm for pm in pms if pm.offsets], text)
        feats.append(f)
        labels.append(y)
    out: list[list[dict[str, Any]]] = [[] for _ in records]
    for train_idx, test_idx in KFold(folds, shuffle=True, random_state=seed).split(records):
        model = fit_roles([f for i in train_idx for f in feats[i]], [y for i in train_idx for y in labels[i]], cfg, seed,
                           tune, [i for i in train_idx for _ in feats[i]])
        for i in test_idx:
            out[i] = _assign(places[i], model.predict(feats[i]) if feats[i] else [], sents[i])
    return out


def main(path: str = "nlp/corpus/train.jsonl", tune: bool = True) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    preds = out_of_fold_locations(records, load_config(), tune=tune)
    scores = location_scores(records, [{"locations": p} for p in preds])
    for name, s in scores.items():
        print(f"{name:22} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (n={s['support']})")
    return scores


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--fast"]
    main(*args[:1], tune="--fast" not in sys.argv)
