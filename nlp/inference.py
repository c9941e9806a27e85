"""Inference without scikit-learn: the fitted model exported to numpy arrays and JSON.

Training (``nlp.train``) fits scikit-learn objects; :func:`export` turns them into the compact
objects below, which :func:`save` writes as one ``.npz`` file (arrays plus a JSON header) and
:func:`load` reads back with numpy alone. They reproduce scikit-learn's results (a test checks
agreement to 1e-6 on the corpus):

- :class:`TfidfFeatures`: word 1-2-grams and ``char_wb`` 3-5-grams counted in one pass per view,
  sublinear tf times idf, l2-normalised per vectoriser (float32, as the fitted vectorisers), plus
  the rule-cue columns;
- :class:`LinearBinary`: logistic decision value then Platt sigmoid (``PlattCalibrated``);
- :class:`LinearMulti`: one decision value per class then per-class sigmoid and normalisation
  (``CalibratedClassifierCV(method="sigmoid", ensemble=False)``) or softmax (plain multinomial
  logistic regression);
- :class:`CompactRoleModel`: the role model's ``DictVectorizer`` as a dict and its two logistic
  regressions as arrays.
"""

from __future__ import annotations

import io
import json
import math
import re
import zipfile
from collections import Counter
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np

from nlp.locations.roles import ROLES
from nlp.text import normalize

FORMAT = "pantau-tppo-npz.v1"
_WHITE = re.compile(r"\s\s+")
_GRAM_CACHE = 200_000  # words whose character n-gram ids are kept


class SparseRows:
    """A batch of sparse feature rows: concatenated column indices and values, with row ids."""

    def __init__(self, n_rows: int, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, shape1: int) -> None:
        self.n_rows, self.rows, self.cols, self.vals = n_rows, rows, cols, vals
        self.shape = (n_rows, shape1)

    def dot(self, w: np.ndarray) -> np.ndarray:
        """``X @ w`` for a dense vector ``w``."""
        return np.bincount(self.rows, weights=self.vals * w[self.cols], minlength=self.n_rows)

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape, dtype=np.float64)
        np.add.at(out, (self.rows, self.cols), self.vals)
        return out


def _expit(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


class TfidfFeatures:
    """Same columns as :class:`nlp.features.FeatureBuilder`, computed with plain Python and numpy."""

    def __init__(self, cfg: dict[str, Any], labels: tuple[str, ...], word_terms: list[str], word_idf: np.ndarray,
                 char_terms: list[str], char_idf: np.ndarray) -> None:
        self.cfg = cfg
        self.labels = tuple(labels)
        self.word_terms, self.char_terms = word_terms, char_terms
        self.word_vocab = {t: i for i, t in enumerate(word_terms)}
        self.char_vocab = {t: i for i, t in enumerate(char_terms)}
        self.word_idf = np.asarray(word_idf, dtype=np.float32)
        self.char_idf = np.asarray(char_idf, dtype=np.float32)
        self.n_word, self.n_char = len(word_terms), len(char_terms)
        self.char_min, self.char_max = (int(x) for x in cfg["char_ngram"])
        lo, hi = (int(x) for x in cfg["word_ngram"])
        if (lo, hi) not in ((1, 1), (1, 2)):
            raise ValueError("the compact vectoriser supports word n-grams (1, 1) and (1, 2)")
        self.bigrams = hi == 2
        self._gram_cache: dict[str, list[int]] = {}

    def _word_counts(self, text: str) -> dict[int, int]:
        """Vocabulary id -> count of the word 1-2-grams of a :func:`nlp.text.normalize` output.

        Normalised text holds only lower-case ``[a-z0-9]`` words, hyphens and single spaces, so
        splitting at spaces and hyphens gives exactly scikit-learn's ``\\b\\w+\\b`` tokens."""
        toks = text.replace("-", " ").split()
        counts = Counter(toks)
        if self.bigrams:
            counts.update([a + " " + b for a, b in zip(toks, toks[1:])])
        get = self.word_vocab.get
        return {j: c for g, c in counts.items() if (j := get(g)) is not None}

    def _word_grams(self, word: str) -> list[int]:
        """Vocabulary ids of the ``char_wb`` n-grams of one word (cached: words repeat across articles)."""
        ids = self._gram_cache.get(word)
        if ids is None:
            w = " " + word + " "
            n_w = len(w)
            get = self.char_vocab.get
            ids = []
            for n in range(self.char_min, self.char_max + 1):
                if n_w <= n:  # a short word gives itself once (as scikit-learn's char_wb does)
                    j = get(w)
                    if j is not None:
                        ids.append(j)
                    break
                ids.extend(j for j in map(get, [w[i : i + n] for i in range(n_w - n + 1)]) if j is not None)
            if len(self._gram_cache) >= _GRAM_CACHE:
                self._gram_cache.clear()
            self._gram_cache[word] = ids
        return ids

    def _char_counts(self, text: str) -> dict[int, int]:
        return Counter(chain.from_iterable(map(self._word_grams, _WHITE.sub(" ", text.lower()).split())))

    @staticmethod
    def _tfidf(counts: dict[int, int], idf: np.ndarray, offset: int) -> tuple[np.ndarray, np.ndarray]:
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        vals = (np.log(tf) + np.float32(1.0)) * idf[cols]
        norm = math.sqrt(float((vals * vals).astype(np.float64).sum()))
        if norm > 0:
            vals = (vals.astype(np.float64) / norm).astype(np.float32)
        return cols + offset, vals

    def transform(self, docs: list[Any]) -> SparseRows:
        title_repeat = int(self.cfg["title_repeat"])
        max_chars = int(self.cfg["char_max_chars"])
        w = float(self.cfg["rule_weight"])
        rows, cols, vals = [], [], []
        base = self.n_word + self.n_char
        for i, d in enumerate(docs):
            title, body = normalize(d.title), normalize(d.text)
            words = " ".join([title] * title_repeat + [body])
            wc, wv = self._tfidf(self._word_counts(words), self.word_idf, 0)
            cc, cv = self._tfidf(self._char_counts(title + " " + body[:max_chars]), self.char_idf, self.n_word)
            rule = [w * min(d.cue_counts.get(lab, 0), 3) / 3 for lab in self.labels]
            rule += [w * min(c, 3) / 3 for c in d.relevance_cues]
            rv = np.asarray(rule, dtype=np.float32)
            nz = np.flatnonzero(rv)
            c = np.concatenate([wc, cc, nz + base])
            v = np.concatenate([wv, cv, rv[nz]])
            cols.append(c)
            vals.append(v)
            rows.append(np.full(len(c), i, dtype=np.int64))
        width = base + len(self.labels) + (len(docs[0].relevance_cues) if docs else 0)
        if not docs:
            e = np.zeros(0, dtype=np.int64)
            return SparseRows(0, e, e, np.zeros(0), width)
        return SparseRows(len(docs), np.concatenate(rows), np.concatenate(cols),
                          np.concatenate(vals).astype(np.float64), width)

    def word_vocabulary(self) -> dict[str, int]:
        return dict(self.word_vocab)


class LinearBinary:
    """Logistic regression decision value, then a Platt sigmoid ``expit(a * d + b)``."""

    classes_ = np.array([0, 1])

    def __init__(self, coef: np.ndarray, intercept: float, a: float, b: float) -> None:
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept, self.a, self.b = float(intercept), float(a), float(b)

    @property
    def coef_(self) -> np.ndarray:
        return self.coef.reshape(1, -1)

    def predict_proba(self, X: SparseRows) -> np.ndarray:
        d = X.dot(self.coef) + self.intercept
        p = _expit(self.a * d + self.b)
        return np.column_stack([1 - p, p])


class LinearMulti:
    """Multi-class linear model: sigmoid-calibrated one-vs-rest (``calib`` rows of ``a, b``) or softmax."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: list[str], calib: np.ndarray | None) -> None:
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.classes_ = np.array(classes)
        self.calib = None if calib is None else np.asarray(calib, dtype=np.float64)

    def decision(self, X: SparseRows) -> np.ndarray:
        return np.column_stack([X.dot(self.coef[k]) for k in range(self.coef.shape[0])]) + self.intercept

    def predict_proba(self, X: SparseRows) -> np.ndarray:
        d = self.decision(X)
        n = len(self.classes_)
        if self.calib is not None:
            proba = _expit(-(self.calib[:, 0] * d + self.calib[:, 1]))
            if n == 2:
                return np.column_stack([1 - proba[:, 0], proba[:, 0]])
            den = proba.sum(axis=1, keepdims=True)
            out = np.divide(proba, den, out=np.full_like(proba, 1 / n), where=den != 0)
            out[(out > 1.0) & (out <= 1.0 + 1e-5)] = 1.0
            return out
        if d.shape[1] == 1:
            p = _expit(d[:, 0])
            return np.column_stack([1 - p, p])
        z = d - d.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


class CompactRoleModel:
    """The role model (keep + role logistic regressions over dict features) without scikit-learn."""

    def __init__(self, names: list[str], keep: LinearMulti | None, role: LinearMulti, keep_threshold: float,
                 second_threshold: float) -> None:
        self.names = names
        self.index = {n: i for i, n in enumerate(names)}
        self.keep, self.role = keep, role
        self.keep_threshold, self.second_threshold = keep_threshold, second_threshold

    def _rows(self, feats: list[dict[str, float]]) -> SparseRows:
        """Known, non-zero features of each place as sparse rows (in each dict's order), without a Python loop
        per feature."""
        sizes = np.fromiter(map(len, feats), dtype=np.int64, count=len(feats))
        total = int(sizes.sum())
        cols = np.fromiter(map(self.index.get, chain.from_iterable(feats), repeat(-1)), dtype=np.int64, count=total)
        vals = np.fromiter(chain.from_iterable(f.values() for f in feats), dtype=np.float64, count=total)
        rows = np.repeat(np.arange(len(feats), dtype=np.int64), sizes)
        ok = (cols >= 0) & (vals != 0)
        return SparseRows(len(feats), rows[ok], cols[ok], vals[ok], len(self.names))

    def predict_proba(self, feats: list[dict[str, float]]) -> tuple[np.ndarray, np.ndarray]:
        X = self._rows(feats)
        keep = self.keep.predict_proba(X)[:, 1] if self.keep is not None else np.ones(len(feats))
        probs = np.zeros((len(feats), len(ROLES)))
        got = self.role.predict_proba(X)
        for j, cls in enumerate(self.role.classes_):
            probs[:, ROLES.index(str(cls))] = got[:, j]
        return keep, probs

    def predict(self, feats: list[dict[str, float]]) -> list[list[str]]:
        from nlp.locations.role_model import decide, negatives_mention

        keep, probs = self.predict_proba(feats)
        return negatives_mention(feats, decide(keep, probs, self.keep_threshold, self.second_threshold))


# ---------------------------------------------------------------- export from scikit-learn objects


def _terms(vocab: dict[str, int]) -> list[str]:
    out = [""] * len(vocab)
    for t, i in vocab.items():
        out[i] = t
    return out


def _lr_multi(lr: Any, calib: np.ndarray | None = None, classes: list[Any] | None = None) -> LinearMulti:
    return LinearMulti(np.asarray(lr.coef_, dtype=np.float64), np.asarray(lr.intercept_, dtype=np.float64),
                       [str(c) for c in (classes if classes is not None else lr.classes_)], calib)


def export_features(fb: Any) -> TfidfFeatures:
    cfg = dict(fb.cfg)
    out = TfidfFeatures(cfg, fb.labels, _terms(fb.word.vocabulary_), fb.word.idf_, _terms(fb.char.vocabulary_),
                        fb.char.idf_)
    return out


def export_binary(clf: Any) -> LinearBinary:
    """A ``PlattCalibrated`` as a :class:`LinearBinary`."""
    return LinearBinary(np.asarray(clf.base.coef_)[0], float(np.asarray(clf.base.intercept_)[0]),
                        float(clf.platt.coef_[0, 0]), float(clf.platt.intercept_[0]))


def export_multi(clf: Any) -> LinearMulti:
    """A ``CalibratedClassifierCV(method="sigmoid", ensemble=False)`` or a plain ``LogisticRegression``."""
    if hasattr(clf, "calibrated_classifiers_"):
        (cc,) = clf.calibrated_classifiers_
        est = cc.estimator
        if list(est.classes_) != list(clf.classes_):
            raise ValueError("calibrated classes differ from the estimator's")
        calib = np.array([[c.a_, c.b_] for c in cc.calibrators], dtype=np.float64)
        return _lr_multi(est, calib, list(clf.classes_))
    return _lr_multi(clf)


def export_roles(rm: Any) -> CompactRoleModel:
    names = [str(n) for n in rm.vectorizer.feature_names_]
    keep = _lr_multi(rm.keep) if rm.keep is not None else None
    return CompactRoleModel(names, keep, _lr_multi(rm.role), float(rm.keep_threshold), float(rm.second_threshold))


def export(model: Any) -> Any:
    """A :class:`nlp.model.TppoModel` whose parts are the compact numpy objects (idempotent)."""
    from dataclasses import replace

    if isinstance(model.features, TfidfFeatures):
        return model
    return replace(
        model, features=export_features(model.features), relevance=export_binary(model.relevance),
        article_type=export_multi(model.article_type),
        modus={lab: export_binary(clf) for lab, clf in model.modus.items()},
        role_model=export_roles(model.role_model), _rules=None,
    )


# ---------------------------------------------------------------- the .npz artefact


def _multi_state(m: LinearMulti | None, name: str, arrays: dict[str, np.ndarray]) -> dict[str, Any] | None:
    if m is None:
        return None
    arrays[f"{name}.coef"] = m.coef
    arrays[f"{name}.intercept"] = m.intercept
    if m.calib is not None:
        arrays[f"{name}.calib"] = m.calib
    return {"classes": [str(c) for c in m.classes_], "calib": m.calib is not None}


def _multi_load(meta: dict[str, Any] | None, name: str, z: Any) -> LinearMulti | None:
    if meta is None:
        return None
    return LinearMulti(z[f"{name}.coef"], z[f"{name}.intercept"], meta["classes"],
                       z[f"{name}.calib"] if meta["calib"] else None)


def save(model: Any, path: Path | str) -> Path:
    """Write a model (scikit-learn-backed or compact) as one compressed ``.npz`` file."""
    m = export(model)
    fb: TfidfFeatures = m.features
    arrays: dict[str, np.ndarray] = {"word.idf": fb.word_idf, "char.idf": fb.char_idf}
    modus_order = list(m.modus)
    if modus_order:
        arrays["modus.coef"] = np.stack([m.modus[lab].coef for lab in modus_order])
        arrays["modus.params"] = np.array([[m.modus[lab].intercept, m.modus[lab].a, m.modus[lab].b]
                                           for lab in modus_order])
    arrays["relevance.coef"] = m.relevance.coef
    arrays["relevance.params"] = np.array([m.relevance.intercept, m.relevance.a, m.relevance.b])
    rm: CompactRoleModel = m.role_model
    header = {
        "format": FORMAT, "version": m.version, "config": m.config, "rules_name": m.rules_name,
        "features": {"cfg": fb.cfg, "labels": list(fb.labels), "word_terms": fb.word_terms,
                     "char_terms": fb.char_terms},
        "relevance_threshold": m.relevance_threshold,
        "article_type": _multi_state(m.article_type, "article_type", arrays),
        "modus": modus_order, "modus_thresholds": m.modus_thresholds, "evidence_terms": m.evidence_terms,
        "roles": {"names": rm.names, "keep": _multi_state(rm.keep, "keep", arrays),
                  "role": _multi_state(rm.role, "role", arrays), "keep_threshold": rm.keep_threshold,
                  "second_threshold": rm.second_threshold},
        "info": m.info,
    }
    arrays["header"] = np.frombuffer(json.dumps(header, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(path)
    return path


def load(path: Path | str) -> Any:
    """Read a model written by :func:`save` (numpy only)."""
    from nlp.model import TppoModel

    try:
        z = np.load(path, allow_pickle=False)
        header = json.loads(bytes(z["header"]).decode("utf-8"))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{path} is not a Pantau TPPO model: {exc}") from exc
    if header.get("format") != FORMAT:
        raise ValueError(f"{path}: unknown model format {header.get('format')!r}")
    f = header["features"]
    fb = TfidfFeatures(f["cfg"], tuple(f["labels"]), f["word_terms"], z["word.idf"], f["char_terms"], z["char.idf"])
    rp = z["relevance.params"]
    relevance = LinearBinary(z["relevance.coef"], rp[0], rp[1], rp[2])
    modus = {}
    if header["modus"]:
        coef, params = z["modus.coef"], z["modus.params"]
        modus = {lab: LinearBinary(coef[k], *params[k]) for k, lab in enumerate(header["modus"])}
    r = header["roles"]
    role_model = CompactRoleModel(r["names"], _multi_load(r["keep"], "keep", z), _multi_load(r["role"], "role", z),
                                  r["keep_threshold"], r["second_threshold"])
    return TppoModel(
        version=header["version"], config=header["config"], rules_name=header["rules_name"], features=fb,
        relevance=relevance, relevance_threshold=float(header["relevance_threshold"]),
        article_type=_multi_load(header["article_type"], "article_type", z), modus=modus,
        modus_thresholds={k: float(v) for k, v in header["modus_thresholds"].items()},
        evidence_terms=header["evidence_terms"], role_model=role_model, info=header["info"],
    )
