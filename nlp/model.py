"""The trained model: feature builder, calibrated classifiers, thresholds, role model; saving and loading.

The model is one ``.npz`` file under ``nlp/model/`` shipped with the repository (arrays plus a JSON
header, see :mod:`nlp.inference`): loading it needs numpy only, not scikit-learn. :func:`load_model`
loads it once per process. Training returns a model backed by scikit-learn objects; saving exports it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.settings import MODEL_PATH


class ModelNotFound(RuntimeError):
    """No trained model at the expected path: run ``pantau nlp train``."""


@dataclass
class TppoModel:
    version: str
    config: dict[str, Any]
    rules_name: str
    features: Any  # nlp.features.FeatureBuilder (training) or nlp.inference.TfidfFeatures (loaded)
    relevance: Any  # calibrated binary classifier
    relevance_threshold: float
    article_type: Any  # calibrated multi-class classifier over case/policy/other
    modus: dict[str, Any]  # label -> calibrated binary classifier
    modus_thresholds: dict[str, float]
    evidence_terms: dict[str, list[str]]  # label -> strongest words, for evidence without a rule hit
    role_model: Any  # nlp.locations.role_model.RoleModel or nlp.inference.CompactRoleModel
    info: dict[str, Any] = field(default_factory=dict)  # corpus counts, CV figures, training time

    _rules: Any = None

    @property
    def rules(self) -> Any:
        if self._rules is None:
            from nlp.registry import get

            self._rules = get(self.rules_name)()
        return self._rules

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_rules"] = None
        return state


def save_model(model: TppoModel, path: Path | str = MODEL_PATH) -> Path:
    """Write ``model`` (scikit-learn-backed or already exported) as the compact ``.npz`` artefact."""
    from nlp.inference import save

    return save(model, path)


_LOCK = threading.Lock()
_CACHE: dict[str, TppoModel] = {}


def load_model(path: Path | str | None = None, *, reload: bool = False) -> TppoModel:
    """The trained model (cached per process and path)."""
    p = str(Path(path or MODEL_PATH).resolve())
    with _LOCK:
        if reload or p not in _CACHE:
            from nlp.inference import load

            if not Path(p).exists():
                raise ModelNotFound(f"no trained model at {p}: run `pantau nlp train`")
            try:
                model = load(p)
            except ValueError as exc:
                raise ModelNotFound(str(exc)) from exc
            _CACHE[p] = model
        return _CACHE[p]
