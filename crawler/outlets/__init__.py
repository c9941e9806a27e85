"""Outlet parsers: small declarative selectors for outlets whose pages need them (fundus-style).

Each module defines ``PARSER``; :func:`get_parser` finds it by the registry entry's ``parser`` name.
Each parser has recorded pages and an expected-output JSON under ``tests/crawler/outlets/`` and one
parametrised test runs over all of them.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import OutletParser, ParserVersion

__all__ = ["OutletParser", "ParserVersion", "all_parsers", "get_parser"]


def get_parser(name: str) -> OutletParser | None:
    if not name:
        return None
    try:
        module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    except ModuleNotFoundError:
        return None
    parser = getattr(module, "PARSER", None)
    return parser if isinstance(parser, OutletParser) else None


def all_parsers() -> dict[str, OutletParser]:
    out = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name != "base":
            parser = get_parser(info.name)
            if parser:
                out[parser.name] = parser
    return out
