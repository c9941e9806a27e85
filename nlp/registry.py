"""A tiny registry of versioned rule sets, referenced by name from ``nlp/config.toml``.

Like spaCy's registries, a rule set is a function registered under a versioned name
(``tppo_modus_rules.v1``); a changed rule set gets a new version, so a trained model keeps
pointing at the rules it was trained with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_RULE_SETS: dict[str, Callable[..., Any]] = {}


def register(name: str) -> Callable[[F], F]:
    def deco(func: F) -> F:
        _RULE_SETS[name] = func
        return func

    return deco


def get(name: str) -> Callable[..., Any]:
    import nlp.rules  # noqa: F401 - registers the shipped rule sets

    try:
        return _RULE_SETS[name]
    except KeyError:
        raise KeyError(f"unknown rule set {name!r}; known: {sorted(_RULE_SETS)}") from None
