"""Pantau TPPO's Indonesian classifier: relevance, article type, modus, locations with roles, victims.

Public API (imports are lazy so ``import nlp`` stays cheap)::

    import nlp
    results = nlp.classify([{"id": "a1", "title": "...", "text": "..."}])
    model = nlp.load_model()          # cached once per process
    nlp.detect_language("...")        # "id", "en" or "und"
    nlp.redact("korban Siti Aminah (16) ...", names=["Siti Aminah"])
    nlp.settle()                      # long runs: after the first batch, ~5% faster (gc.freeze)

Output follows the ``classify`` contract in ``../shared/TAXONOMY.md``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["classify", "iter_classify", "load_model", "detect_language", "redact", "model_version", "settle"]


def classify(items: Any, model: Any | None = None) -> list[dict[str, Any]]:
    from nlp.classifier import classify as _classify

    return _classify(items, model)


def iter_classify(items: Any, model: Any | None = None, batch: int = 256, settle_after_first: bool = False) -> Any:
    from nlp.classifier import iter_classify as _iter

    return _iter(items, model, batch, settle_after_first)


def settle() -> None:
    """Take the long-lived objects out of the garbage collector's full collections (see nlp.classifier.settle)."""
    from nlp.classifier import settle as _settle

    _settle()


def load_model(path: Any | None = None, *, reload: bool = False) -> Any:
    from nlp.model import load_model as _load

    return _load(path, reload=reload)


def model_version() -> str:
    return str(load_model().version)


def detect_language(text: str) -> str:
    from nlp.language import detect_language as _detect

    return _detect(text)


def redact(text: str, names: Any = (), **kwargs: Any) -> str:
    from nlp.redact import redact as _redact

    return _redact(text, names, **kwargs)
