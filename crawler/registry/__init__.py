"""The outlet registry: default outlets plus an operator's sources file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .defaults import DEFAULT_OUTLETS
from .model import Limits, Listing, OutletEntry, Permission
from .sources_file import SourcesFileError, load_sources_file

__all__ = [
    "DEFAULT_OUTLETS", "Limits", "Listing", "OutletEntry", "Permission", "Registry", "SourcesFileError",
    "UnknownOutlet", "load_registry",
]


class UnknownOutlet(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


@dataclass
class Registry:
    outlets: dict[str, OutletEntry]

    def get(self, name: str) -> OutletEntry:
        try:
            return self.outlets[name]
        except KeyError:
            known = ", ".join(sorted(self.outlets))
            raise UnknownOutlet(f"unknown outlet {name!r} (known: {known})") from None

    def select(self, names: list[str] | None = None, include_disabled: bool = False) -> list[OutletEntry]:
        chosen = [self.get(n) for n in names] if names else list(self.outlets.values())
        return [o for o in chosen if include_disabled or o.enabled]

    def for_host(self, host: str) -> OutletEntry | None:
        return next((o for o in self.outlets.values() if o.owns(host)), None)


def load_registry(sources_file: str | Path | None = None, *, only_file: bool = False) -> Registry:
    """Defaults, overridden or extended by ``sources_file``; ``only_file`` drops the defaults."""
    outlets = {} if only_file else {o.name: o for o in DEFAULT_OUTLETS}
    if sources_file:
        for entry in load_sources_file(sources_file, {o.name: o for o in DEFAULT_OUTLETS}):
            outlets[entry.name] = entry
    return Registry(outlets)
