"""Subscriptions: a task force's scope (national, provinces or kab/kota), modus filter, language and
recipients. Every value is validated before it is stored; errors say what to write instead."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pantau import regions
from pantau.taxonomy import MODUS

LANGUAGES = ("id", "en")
SCOPES = ("national", "province", "kabkota")
# Pragmatic address check: local part, @, a domain with a dot and no spaces or angle brackets.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


class SubscriptionError(ValueError):
    """A subscription value the user must correct (one line)."""


@dataclass
class SubscriptionSpec:
    name: str
    scope_level: str = "national"
    scope_codes: list[str] = field(default_factory=list)
    modus: list[str] = field(default_factory=list)
    language: str = "id"
    recipients: list[str] = field(default_factory=list)

    def check(self) -> SubscriptionSpec:
        self.name = self.name.strip()
        if not self.name or len(self.name) > 200 or any(c in self.name for c in "\r\n"):
            raise SubscriptionError(f"invalid subscription name {self.name!r}: 1 to 200 characters on one line")
        if self.scope_level not in SCOPES:
            raise SubscriptionError(f"unknown scope {self.scope_level!r}: national, province or kabkota")
        try:
            if self.scope_level == "province":
                self.scope_codes = sorted({regions.province_code(c) for c in self.scope_codes})
            elif self.scope_level == "kabkota":
                self.scope_codes = sorted({regions.kabkota_code(c) for c in self.scope_codes})
        except regions.UnknownRegion as exc:
            raise SubscriptionError(str(exc)) from exc
        if self.scope_level != "national" and not self.scope_codes:
            raise SubscriptionError(f"scope {self.scope_level} needs at least one code (e.g. 53 or 53.01)")
        if self.scope_level == "national":
            self.scope_codes = []
        for m in self.modus:
            if m not in MODUS:
                raise SubscriptionError(f"unknown modus {m!r}: one of {', '.join(MODUS)}")
        if self.language not in LANGUAGES:
            raise SubscriptionError(f"unknown language {self.language!r}: id or en")
        if not self.recipients:
            raise SubscriptionError("a subscription needs at least one recipient e-mail address")
        self.recipients = [check_email(r) for r in self.recipients]
        return self


def check_email(address: str) -> str:
    address = address.strip()
    if not _EMAIL.match(address) or ".." in address or len(address) > 254:
        raise SubscriptionError(f"invalid e-mail address {address!r}: expected e.g. satgas@ntt.go.id")
    return address


def parse_scope(scope: str) -> tuple[str, list[str]]:
    """``national``, ``32,53`` (provinces) or ``53.01,53.71`` (kab/kota) -> (level, codes)."""
    scope = scope.strip()
    if scope.lower() in ("", "national", "nasional"):
        return "national", []
    codes = [c.strip() for c in scope.split(",") if c.strip()]
    if all("." in regions.normalise_code(c) for c in codes):
        return "kabkota", codes
    if any("." in regions.normalise_code(c) for c in codes):
        raise SubscriptionError(f"scope {scope!r} mixes provinces and kab/kota: use one level per subscription")
    return "province", codes


def spec_from_mapping(name: str, raw: Mapping[str, Any]) -> SubscriptionSpec:
    unknown = set(raw) - {"scope", "modus", "language", "recipients", "name"}
    if unknown:
        raise SubscriptionError(f"subscription {name!r}: unknown field(s) {', '.join(sorted(unknown))}")
    scope = raw.get("scope", "national")
    if isinstance(scope, list):
        scope = ",".join(str(s) for s in scope)
    level, codes = parse_scope(str(scope))
    return SubscriptionSpec(name=str(raw.get("name", name)), scope_level=level, scope_codes=codes,
                            modus=list(raw.get("modus", [])), language=str(raw.get("language", "id")),
                            recipients=list(raw.get("recipients", []))).check()


def load_toml(path: Path) -> list[SubscriptionSpec]:
    """Read ``[subscription.NAME]`` tables (scope, modus, language, recipients) from a TOML file."""
    from pantau.tomlfile import TomlFileError, read_toml

    try:
        data = read_toml(path)
    except TomlFileError as exc:
        raise SubscriptionError(f"subscriptions file {path}: {exc}") from exc
    tables = data.get("subscription")
    if not isinstance(tables, dict) or not tables:
        raise SubscriptionError(f"{path}: no [subscription.NAME] tables")
    out = []
    for name, raw in tables.items():
        try:
            out.append(spec_from_mapping(name, raw))
        except SubscriptionError as exc:
            raise SubscriptionError(f"{path}: [subscription.{name}]: {exc}") from exc
    return out


def save(session: Any, spec: SubscriptionSpec, *, replace: bool = False) -> int:
    from sqlalchemy import select

    from models.operations import Subscription

    spec.check()
    row = session.execute(select(Subscription).where(Subscription.name == spec.name)).scalar_one_or_none()
    if row is not None and not replace:
        raise SubscriptionError(f"subscription {spec.name!r} already exists (remove it first, or load with --replace)")
    if row is None:
        row = Subscription(name=spec.name)
        session.add(row)
    row.scope_level, row.scope_codes, row.modus = spec.scope_level, spec.scope_codes, spec.modus
    row.language, row.recipients, row.active = spec.language, spec.recipients, True
    session.flush()
    return int(row.id)


def get(session: Any, name: str) -> Any:
    from sqlalchemy import select

    from models.operations import Subscription

    row = session.execute(select(Subscription).where(Subscription.name == name)).scalar_one_or_none()
    if row is None:
        known = session.execute(select(Subscription.name).order_by(Subscription.name)).scalars().all()
        raise SubscriptionError(f"unknown subscription {name!r}" + (f" (known: {', '.join(known)})" if known else
                                                                    " (none defined: pantau subscriptions add)"))
    return row


def all_active(session: Any) -> list[Any]:
    from sqlalchemy import select

    from models.operations import Subscription

    return list(session.execute(select(Subscription).where(Subscription.active.is_(True)).order_by(Subscription.name)).scalars())


def remove(session: Any, name: str) -> None:
    session.delete(get(session, name))


def describe_scope(level: str, codes: Iterable[str]) -> str:
    codes = list(codes)
    if level == "national":
        return "national"
    if level == "province":
        return ", ".join(f"{c} {regions.provinces().get(c, '?')}" for c in codes)
    return ", ".join(f"{c} {regions.kabkota().get(c, ('?', ''))[0]}" for c in codes)
