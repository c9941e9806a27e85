"""Training the classifier from the written corpus (train split only) with ``nlp/config.toml``.

Steps: clean the texts and find rule cues; fit TF-IDF features; fit calibrated logistic regressions
for relevance, article type and each modus; tune the relevance and per-modus thresholds by
cross-validation on the training split; fit the location role model on the gazetteer's matches
aligned with the gold locations. Training is seeded and deterministic: the same corpus and config
give the same model and the same version string.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from nlp.calibration import PlattCalibrated
from nlp.features import Doc, FeatureBuilder, make_doc
from nlp.locations.extract import _places_for_output, features_of, title_cues
from nlp.locations.role_model import RoleModel, decide, fit_role_model, one_role
from nlp.locations.roles import ROLES
from nlp.model import TppoModel, save_model
from nlp.registry import get as get_rules
from nlp.sentences import Sentences
from nlp.settings import MODEL_PATH, load_config
from nlp.text import clean_text, clean_title
from nlp.victims import extract_victims

MODUS = ("migrant_worker", "sexual_exploitation", "online_scam", "fishing_crew", "child_exploitation",
         "bride_trafficking", "organ_trafficking", "fake_internship", "baby_selling", "forced_labour")
_STOP = frozenset("yang dan di ke dari itu ini dengan untuk tidak dalam akan pada juga oleh karena sebagai telah "
                  "sudah bahwa mereka kami kita saat atau adalah tersebut bisa ada para serta namun hingga korban "
                  "kasus polisi pelaku orang".split())


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def load_training_records(path: Path | str | None = None) -> list[dict[str, Any]]:
    """Valid records of the train split (records the corpus validator complains about are skipped)."""
    if path is not None:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    from nlp.corpus.build import load_split

    split = load_split("train")
    bad = {m.group(1) for p in split.problems if (m := re.search(r"\((\S+)\)$", p.where))}
    if split.problems:
        log(f"corpus: {len(split.problems)} problem(s); skipping {len(bad)} invalid record(s)")
    return [r for r in split.records if r["id"] not in bad]


def _calibrated(C: float, cv: int, seed: int, y: np.ndarray) -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    base = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=seed)
    counts = np.bincount(np.unique(y, return_inverse=True)[1])
    if counts.min() < 2:  # too few examples of a class to calibrate (tiny training sets only)
        return base
    folds = int(max(2, min(cv, counts.min())))
    return CalibratedClassifierCV(base, method="sigmoid", cv=StratifiedKFold(folds, shuffle=True, random_state=seed),
                                  ensemble=False)


def _best_threshold(y: np.ndarray, p: np.ndarray, lo: float, hi: float) -> tuple[float, float]:
    best = (0.5, -1.0)
    for t in np.arange(lo, hi + 1e-9, 0.025):
        pred = p >= t
        tp = float(np.sum(pred & (y == 1)))
        f1 = 2 * tp / (pred.sum() + y.sum()) if (pred.sum() + y.sum()) else 0.0
        if f1 > best[1] + 1e-9:
            best = (round(float(t), 3), f1)
    return best


def _evidence_terms(clf: Any, vocab: dict[str, int], n: int) -> list[str]:
    coef = clf.coef_[0][: len(vocab)]
    inv = {i: t for t, i in vocab.items()}
    order = np.argsort(-coef)
    terms = [inv[i] for i in order[: n * 4] if coef[i] > 0 and " " not in inv[i] and len(inv[i]) >= 4
             and inv[i] not in _STOP and not inv[i].isdigit()]
    return terms[:n]


def _squash(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def article_type_of(rec: dict[str, Any]) -> str | None:
    """The gold article type of a relevant record (None otherwise), as the role model's feature sees it."""
    return rec.get("article_type") if rec.get("relevant") else None


def role_labels_of(rec: dict[str, Any], body: list[Any]) -> list[set[str]]:
    """Gold roles (dateline excluded) of each place in ``body`` (an article's places with body mentions)."""
    gold: dict[str, set[str]] = {}
    by_country: dict[str, set[str]] = {}
    for g in rec["locations"]:
        if g["role"] != "dateline":
            gold.setdefault(_squash(g["name"]), set()).add(g["role"])
            if g.get("country") and g["country"] != "Indonesia":
                by_country.setdefault(g["country"], set()).add(g["role"])
    # a foreign town named without its country ("telantar di Riyadh") is output under its own name, but a writer
    # may have labelled its country instead: the town then takes the country's roles (scoring is by country)
    return [gold.get(_squash(pm.place.name)) or (by_country.get(pm.place.country, set())
                                                if pm.place.kind == "foreign" else set()) for pm in body]


def role_rows(rec: dict[str, Any], body: list[Any], text: str) -> tuple[list[dict[str, float]], list[set[str]]]:
    """Role-model features and gold roles of one labelled article's places with body mentions (``body``) in its
    cleaned ``text``, as training and cross-validation (``nlp.crossval``) both build them. The victim count is
    the rules' (as at classification), of the gold article type."""
    title = clean_title(rec.get("title"))
    heads = title_cues(title)
    kind = article_type_of(rec)
    counted = extract_victims(title, text, kind == "case") is not None if rec["relevant"] else None
    feats = [features_of(pm, bool(rec["relevant"]), body, kind, heads, counted) for pm in body]
    return feats, role_labels_of(rec, body)


def _role_data(records: list[dict[str, Any]], texts: list[str]) -> tuple[list[dict[str, float]], list[set[str]],
                                                                          list[int]]:
    """Place features, gold roles and the index of each place's article."""
    feats: list[dict[str, float]] = []
    labels: list[set[str]] = []
    groups: list[int] = []
    for n, (rec, text) in enumerate(zip(records, texts, strict=True)):
        body = [pm for pm in _places_for_output(text, Sentences(text)) if pm.offsets]
        f, y = role_rows(rec, body, text)
        feats.extend(f)
        labels.extend(y)
        groups.extend([n] * len(body))
    return feats, labels, groups


def _train_roles(records: list[dict[str, Any]], texts: list[str], cfg: dict[str, Any], seed: int) -> RoleModel:
    """Fit the role model; tune its keep and second-role thresholds on out-of-fold predictions."""
    feats, labels, groups = _role_data(records, texts)
    return fit_roles(feats, labels, cfg, seed, groups=groups)


def fit_roles(feats: list[dict[str, float]], labels: list[set[str]], cfg: dict[str, Any], seed: int,
              tune: bool = True, groups: list[int] | None = None) -> RoleModel:
    """The role model on given place features, keep and second-role thresholds tuned on out-of-fold predictions
    (``tune=False`` keeps the defaults, for quick cross-validation experiments). ``groups`` (each place's
    article) keep an article's places in one fold, so the tuning never sees another place of the same article."""
    from sklearn.model_selection import GroupKFold, KFold

    c = cfg["roles"]["C"]
    fw = float(cfg["roles"].get("foreign_weight", 1.0))
    model = fit_role_model(feats, labels, c, seed, fw)
    if not tune:
        return model
    keep_oof = np.zeros(len(feats))
    prob_oof = np.zeros((len(feats), len(ROLES)))
    folds = cfg["tuning"]["folds"]
    splits = (GroupKFold(folds, shuffle=True, random_state=seed).split(feats, groups=groups) if groups is not None
              else KFold(folds, shuffle=True, random_state=seed).split(feats))
    for tr, te in splits:
        m = fit_role_model([feats[i] for i in tr], [labels[i] for i in tr], c, seed, fw)
        keep_oof[te], prob_oof[te] = m.predict_proba([feats[i] for i in te])
    best = (-1.0, 0.5, 0.4)
    single = [one_role(f) for f in feats]  # places that keep one role (role_model.negatives_mention)
    for kt in np.arange(cfg["roles"]["threshold_min"], cfg["roles"]["threshold_max"] + 1e-9, 0.05):
        for st in (0.3, 0.35, 0.4, 0.45, 0.5, 1.01):
            probe = RoleModel(None, None, None, float(kt), st)
            f1 = _role_f1(probe, keep_oof, prob_oof, labels, single)
            if f1 > best[0] + 1e-9:
                best = (f1, round(float(kt), 3), st)
    model.keep_threshold, model.second_threshold = best[1], best[2]
    log(f"roles: cv (place, role) F1 {best[0]:.3f}, keep threshold {best[1]}, second-role threshold {best[2]}")
    return model


def _role_f1(probe: RoleModel, keep: np.ndarray, probs: np.ndarray, labels: list[set[str]],
             single: list[bool] | None = None) -> float:
    """(place, role) F1 of ``probe``'s thresholds, deciding roles as inference does (``role_model.decide``);
    ``single`` marks places that keep their main role only (``role_model.one_role``)."""
    tp = fp = fn = 0
    for i, (roles, lab) in enumerate(zip(decide(keep, probs, probe.keep_threshold, probe.second_threshold), labels,
                                         strict=True)):
        pred = set(roles[:1] if single and single[i] else roles)
        tp, fp, fn = tp + len(pred & lab), fp + len(pred - lab), fn + len(lab - pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# Revision of the code a model is built from (features, the gazetteer behind the place features, the training
# procedure): part of the model version, so a model retrained on the same data and config after such a change gets
# a new version. Bump it with every change that changes what a retrained model predicts.
# 2: a country after an unknown town in apposition reads past it; 3: 137 more foreign towns;
# 4: role thresholds tuned with an article's places in one fold; 5: foreign markers (flag, embassy, nationality,
# waters) as cue values; 6: the set of a foreign place's cues (FCUESET); 7: matcher guards (later languages of a
# list, a person: "terdakwa Darwin", "Darwin Situmorang (45)"); 8: whether a relevant article states a victim
# count, with its type, for its foreign places (COUNTED_TYPE); 9: a counted group in the sentence before a
# foreign mention (PREVCOUNT); 10: the person guard narrowed (no "bernama"; a name with an age only after a
# foreign town without a place cue); 11: a foreign name after "selat" is a strait, and the regions Latin, South,
# Central and North America ("Amerika Latin" no longer reads as the United States); 12: a foreign place named only
# in promises (PROMISE_ALL); 13: "Kirgistan" (Kyrgyzstan), and "sastra Inggris" as a subject, not a country
CODE_REVISION = 13


def version_of(records: list[dict[str, Any]], cfg: dict[str, Any], rules: Any | None = None) -> str:
    """A model version from the config, the code's revision (``CODE_REVISION``), the rule set's patterns and the
    training records (``rules``: the configured rule set when the caller has built it already)."""
    h = hashlib.sha256(json.dumps(cfg, sort_keys=True).encode())
    h.update(f"code:{CODE_REVISION}".encode())
    rules = rules if rules is not None else get_rules(cfg["model"]["rules"])()
    h.update(json.dumps(rules.patterns["cues"], sort_keys=True).encode())
    h.update(json.dumps(rules.patterns["relevance"]).encode())
    for r in records:
        h.update(json.dumps(r, sort_keys=True, ensure_ascii=False).encode())
    return f"{cfg['model']['name']}-{h.hexdigest()[:12]}"


def train(records: list[dict[str, Any]], cfg: dict[str, Any] | None = None) -> TppoModel:
    """Fit a :class:`TppoModel` on labelled ``records`` (TAXONOMY evaluation-set fields)."""
    cfg = cfg or load_config()
    seed = int(cfg["model"]["seed"])
    t0 = time.perf_counter()
    rules = get_rules(cfg["model"]["rules"])()
    titles = [clean_title(r.get("title")) for r in records]
    texts = [clean_text(r.get("text")) for r in records]
    docs: list[Doc] = [make_doc(t, x, rules)[0] for t, x in zip(titles, texts, strict=True)]
    fb = FeatureBuilder(cfg["features"], rules.labels)
    X = fb.fit_transform(docs)
    y_rel = np.array([1 if r["relevant"] else 0 for r in records])
    log(f"features: {X.shape[1]} columns over {X.shape[0]} texts ({int(y_rel.sum())} relevant)")

    rc = cfg["relevance"]
    relevance = PlattCalibrated(rc["C"], rc["cv"], seed).fit(X, y_rel)
    rel_threshold, rel_cv_f1 = float(rc["threshold"]), None
    if rc.get("tune", True):
        rel_threshold, rel_cv_f1 = _best_threshold(y_rel, relevance.oof_proba_, 0.3, 0.7)
    log(f"relevance: threshold {rel_threshold} (cv F1 {rel_cv_f1})")

    idx = np.flatnonzero(y_rel == 1)
    Xr = X[idx]
    y_type = np.array([records[i]["article_type"] for i in idx])
    article_type = _calibrated(cfg["article_type"]["C"], cfg["article_type"]["cv"], seed, y_type).fit(Xr, y_type)

    mc = cfg["modus"]
    modus: dict[str, Any] = {}
    thresholds: dict[str, float] = {}
    terms: dict[str, list[str]] = {}
    cv_f1: dict[str, float] = {}
    vocab = fb.word_vocabulary()
    for label in MODUS:
        y = np.array([1 if label in records[i]["modus"] else 0 for i in idx])
        if y.sum() < 3 or y.sum() == len(y):
            log(f"modus {label}: only {int(y.sum())} positive(s), skipped")
            continue
        modus[label] = PlattCalibrated(mc["C"], mc["cv"], seed).fit(Xr, y)
        thresholds[label], cv_f1[label] = _best_threshold(
            y, modus[label].oof_proba_, mc["threshold_min"], mc["threshold_max"])
        terms[label] = _evidence_terms(modus[label], vocab, mc["evidence_terms"])
        log(f"modus {label}: {int(y.sum())} positives, threshold {thresholds[label]} (cv F1 {cv_f1[label]:.3f})")

    role_model = _train_roles(records, texts, cfg, seed)
    info = {
        "texts": len(records), "relevant": int(y_rel.sum()), "features": int(X.shape[1]),
        "cv": {"relevance_f1": rel_cv_f1, "modus_f1": cv_f1}, "train_seconds": round(time.perf_counter() - t0, 1),
    }
    return TppoModel(
        version=version_of(records, cfg, rules), config=cfg, rules_name=cfg["model"]["rules"], features=fb,
        relevance=relevance, relevance_threshold=float(rel_threshold), article_type=article_type, modus=modus,
        modus_thresholds=thresholds, evidence_terms=terms, role_model=role_model, info=info,
    )


def main(corpus: Path | str | None = None, output: Path | str = MODEL_PATH, config: Path | str | None = None) -> TppoModel:
    records = load_training_records(corpus)
    model = train(records, load_config(config))
    path = save_model(model, output)
    size = Path(path).stat().st_size / 1e6
    log(f"saved {model.version} to {path} ({size:.1f} MB) in {model.info['train_seconds']} s")
    return model


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
