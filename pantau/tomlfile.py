"""Reading an operator's TOML file (sources, subscriptions) with one clear error for every way it can fail."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


class TomlFileError(ValueError):
    """The file is missing, unreadable, not UTF-8 or not valid TOML; the message says which, without the path."""


def read_toml(path: str | Path) -> dict[str, Any]:
    """The tables of ``path``. Callers put the path and their own wording around :class:`TomlFileError`."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TomlFileError("does not exist") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TomlFileError(f"TOML syntax error: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TomlFileError(f"cannot read: {exc}") from exc
