"""Reading ``nlp/config.toml`` (all training hyperparameters live there)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CONFIG_PATH = HERE / "config.toml"
MODEL_DIR = HERE / "model"
MODEL_PATH = MODEL_DIR / "tppo-model.npz"
CORPUS_DIR = HERE / "corpus"


def load_config(path: Path | str | None = None) -> dict[str, Any]:
    with open(path or CONFIG_PATH, "rb") as fh:
        return tomllib.load(fh)
