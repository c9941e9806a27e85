"""Calling the classifier of the ``nlp`` room, if it is installed, from a worker process.

The contract is TAXONOMY's ``classify``: a record with id, title, text (url, published) in, a dict with
relevant, relevance_score, article_type, modus, modus_scores, locations, victims, evidence and
model_version out. Whatever goes wrong comes back as ``{"error": ...}``: the crawl goes on without
labels for that article.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from collections.abc import Callable
from typing import Any

_CLASSIFY: Callable[[dict[str, Any]], dict[str, Any]] | None = None


def available() -> bool:
    """Is an ``nlp.classify`` module or function importable (without importing heavy models)?"""
    try:
        return importlib.util.find_spec("nlp.classify") is not None or importlib.util.find_spec("nlp") is not None
    except (ImportError, ValueError):
        return False


def _resolve() -> Callable[[dict[str, Any]], dict[str, Any]]:
    nlp = importlib.import_module("nlp")
    target: Any = getattr(nlp, "classify", None)
    if target is None:
        target = importlib.import_module("nlp.classify")
    if inspect.ismodule(target):
        target = next((getattr(target, n) for n in ("classify_record", "classify_one", "classify")
                       if callable(getattr(target, n, None))), None)
    if not callable(target):
        raise ImportError("nlp has no classify function")
    params = list(inspect.signature(target).parameters)
    if params and params[0] in ("text", "body"):
        fn = target
        return lambda rec: fn(rec["text"], **({"title": rec.get("title")} if "title" in params else {}))
    return target


# a sentence of ours that reaches every lazily built part of the classifier (rules, places, victims)
WARM_UP_TEXT = ("Polisi di Kabupaten Sukabumi, Jawa Barat, menggagalkan pengiriman 12 calon pekerja migran yang "
                "hendak diberangkatkan ke Malaysia melalui Batam.")


def warm() -> None:
    """Load the classifier now (worker start-up), then let it take its long-lived objects out of the garbage
    collector's way (``nlp.settle``, when the room has it): a worker process classifies for the whole crawl.
    Failures are reported later, per article."""
    global _CLASSIFY
    try:
        _CLASSIFY = _resolve()
        _CLASSIFY({"id": "warm-up", "title": "Calon PMI Digagalkan", "text": WARM_UP_TEXT})
    except Exception:  # noqa: BLE001 - classify_record reports the error for each article
        _CLASSIFY = None
        return
    settle = getattr(importlib.import_module("nlp"), "settle", None)
    if callable(settle):
        settle()


def plain(value: Any) -> Any:
    """JSON-safe plain Python values (numpy scalars and arrays become int, float, str, list)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "tolist") and callable(value.tolist):  # numpy scalar or array
        return value.tolist()
    if isinstance(value, str):
        return str(value)
    return value


def classify_record(record: dict[str, Any]) -> dict[str, Any]:
    """Run in a worker: classify one record; never raises."""
    global _CLASSIFY
    try:
        if _CLASSIFY is None:
            _CLASSIFY = _resolve()
        result = _CLASSIFY(record)
        if isinstance(result, list):
            result = result[0] if result else {}
        if not isinstance(result, dict):
            result = dict(result)  # dataclass-like results with a mapping interface
        return plain(result)
    except Exception as exc:  # noqa: BLE001 - the classifier is another room's code: report, don't crash
        return {"error": f"{type(exc).__name__}: {exc}"[:300]}
