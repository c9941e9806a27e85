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
import zipfile
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np

from nlp.locations.roles import ROLES
from nlp.text import normalize

FORMAT = "pantau-tppo-npz.v1"
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


def _runs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct values of the non-negative, non-empty ``keys`` in ascending order, the position of each
    one's first occurrence, and its count.

    Sorting ``key * n + position`` (all distinct) with the default quicksort puts each run of equal keys
    in position order, so a run's first element is the key's first occurrence; that is several times
    faster than a stable argsort of the keys."""
    n = len(keys)
    if (int(keys.max()) + 1) * n >= 2**63:  # the composite would overflow: stable sort instead
        perm = np.argsort(keys, kind="stable")
        ordered, positions = keys[perm], perm
    else:
        composite = keys * n + np.arange(n, dtype=np.int64)
        composite.sort()
        ordered = composite // n
        positions = composite - ordered * n
    new = np.empty(n, dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    return ordered[starts], positions[starts], np.diff(starts, append=n)


def _empty_counts() -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)


class _GramCache(dict[str, tuple[int, ...]]):
    """Word -> vocabulary ids of its ``char_wb`` n-grams, computed on a miss.

    Looked up with ``__getitem__`` from C (``map``), so a hit costs no Python call; bounded by clearing it
    when full (words repeat across articles, so the working set refills quickly). The ids are tuples, not
    lists: the garbage collector stops tracking a tuple of ints, so a full cache adds nothing to the
    objects every full collection walks."""

    def __init__(self, vocab: dict[str, int], lo: int, hi: int) -> None:
        super().__init__()
        self.vocab, self.lo, self.hi = vocab, lo, hi

    def __missing__(self, word: str) -> tuple[int, ...]:
        w = " " + word + " "
        n_w = len(w)
        get = self.vocab.get
        ids: list[int] = []
        for n in range(self.lo, self.hi + 1):
            if n_w <= n:  # a short word gives itself once (as scikit-learn's char_wb does)
                j = get(w)
                if j is not None:
                    ids.append(j)
                break
            ids.extend(j for j in map(get, [w[i : i + n] for i in range(n_w - n + 1)]) if j is not None)
        if len(self) >= _GRAM_CACHE:
            self.clear()
        self[word] = found = tuple(ids)
        return found


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
        self._grams = _GramCache(self.char_vocab, self.char_min, self.char_max)
        self._index_words(word_terms)

    def _index_words(self, terms: list[str]) -> None:
        """Integer keys of the word terms, for counting 1-2-grams with numpy instead of bigram strings.

        Every token of a vocabulary term gets a token id ``t`` in ``[0, T)``; a unigram's key is ``t``
        and a bigram's ``(t1 + 1) * T + t2`` (always ``>= T``, so the two kinds never collide).
        ``_term_keys`` holds the keys of all terms sorted, ``_term_cols`` their columns. A text token
        without a token id can be part of no vocabulary term at all."""
        token_id: dict[str, int] = {}
        split = [t.split(" ") for t in terms]
        for parts in split:
            if len(parts) > 2:
                raise ValueError(f"word term {' '.join(parts)!r} is longer than a bigram")
            for tok in parts:
                token_id.setdefault(tok, len(token_id))
        n_tokens = len(token_id)
        keys = np.array([token_id[p[0]] if len(p) == 1 else (token_id[p[0]] + 1) * n_tokens + token_id[p[1]]
                         for p in split], dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self._token_id, self._n_tokens = token_id, n_tokens
        self._term_keys, self._term_cols = keys[order], order.astype(np.int64)

    def _word_counts(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Columns and counts of the word 1-2-grams of a :func:`nlp.text.normalize` output.

        Normalised text holds only lower-case ``[a-z0-9]`` words, hyphens and single spaces, so
        splitting at spaces and hyphens gives exactly scikit-learn's ``\\b\\w+\\b`` tokens. Columns come in
        the order a ``Counter`` of the unigrams updated with the bigrams would hold them (unigrams, then
        bigrams, each by first occurrence): the sparse dot products sum in that order, so keeping it keeps
        the scores bit-identical."""
        toks = text.replace("-", " ").split()
        tids = np.fromiter(map(self._token_id.get, toks, repeat(-1)), dtype=np.int64, count=len(toks))
        keys = tids[tids >= 0]  # unigram keys (in text order) before the bigram keys, as the Counter had them
        if self.bigrams and len(tids) > 1:
            first, second = tids[:-1], tids[1:]
            pairs = ((first + 1) * self._n_tokens + second)[(first >= 0) & (second >= 0)]
            keys = np.concatenate([keys, pairs])
        if not len(keys) or not len(self._term_keys):
            return _empty_counts()
        distinct, firsts, counts = _runs(keys)
        pos = np.minimum(np.searchsorted(self._term_keys, distinct), len(self._term_keys) - 1)
        known = self._term_keys[pos] == distinct
        order = np.argsort(firsts[known])
        return self._term_cols[pos[known]][order], counts[known][order]

    def _char_counts(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Columns and counts of the ``char_wb`` n-grams of a :func:`nlp.text.normalize` view, in order of
        first occurrence (as scikit-learn's analyzer would meet them).

        The view is lower-case with single spaces already, so it is split as it is; each word's n-gram
        columns come from a cache (words repeat across articles)."""
        ids = np.fromiter(chain.from_iterable(map(self._grams.__getitem__, text.split())), dtype=np.int64)
        if not len(ids):
            return _empty_counts()
        distinct, firsts, counts = _runs(ids)
        order = np.argsort(firsts)
        return distinct[order], counts[order]

    @staticmethod
    def _tfidf(counted: tuple[np.ndarray, np.ndarray], idf: np.ndarray,
               offset: int) -> tuple[np.ndarray, np.ndarray]:
        """Sublinear tf times idf, l2-normalised, of (columns, counts) in that column order."""
        cols, counts = counted
        if not len(cols):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        tf = counts.astype(np.float32)
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
