"""Reading an operator's TOML sources file into registry entries, with clear errors.

Shape (every field but ``name`` optional; an entry named like a default outlet overrides the fields it
sets)::

    [[outlet]]
    name = "contoh"
    domain = "127.0.0.1:8801"          # or domains = [...]
    allow_private_network = true
    feeds = ["http://127.0.0.1:8801/rss.xml"]
    sitemaps = ["http://127.0.0.1:8801/sitemap-news.xml"]
    listings = [{url = "http://127.0.0.1:8801/indeks", article_pattern = "/berita/"}]
    [outlet.permission]
    enabled = true
    reason = "..."
    reference = "letter 2026-01-05"
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from pantau.tomlfile import TomlFileError, read_toml

from .model import Limits, Listing, OutletEntry, Permission

TOP_KEYS = {"outlet"}
OUTLET_KEYS = {
    "name", "domain", "domains", "title", "country", "language", "kind", "feeds", "sitemaps",
    "listings", "search_feeds", "url_include", "url_exclude", "full_text_feeds",
    "allow_private_network", "parser", "permission", "limits", "enabled", "reason", "permission_reference",
}
PERMISSION_KEYS = {"enabled", "reason", "reference"}
LIMIT_KEYS = {f.name for f in dataclasses.fields(Limits)}
LISTING_KEYS = {"url", "article_pattern"}
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,99}$")


class SourcesFileError(ValueError):
    """The sources file cannot be used; the message says where and why."""


def _unknown(keys: set[str], allowed: set[str], where: str) -> None:
    extra = sorted(keys - allowed)
    if extra:
        raise SourcesFileError(f"{where}: unknown field(s) {', '.join(extra)} (allowed: {', '.join(sorted(allowed))})")


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourcesFileError(f"{where}: expected a list of strings")
    return tuple(value)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise SourcesFileError(f"{where}: expected true or false")
    return value


def _listings(value: Any, where: str) -> tuple[Listing, ...]:
    if not isinstance(value, list):
        raise SourcesFileError(f"{where}: expected a list of {{url, article_pattern}} tables")
    out = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            out.append(Listing(item))
            continue
        if not isinstance(item, dict) or "url" not in item:
            raise SourcesFileError(f"{where}[{i}]: expected a table with url and article_pattern")
        _unknown(set(item), LISTING_KEYS, f"{where}[{i}]")
        pattern = str(item.get("article_pattern", ""))
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SourcesFileError(f"{where}[{i}].article_pattern: invalid regex: {exc}") from exc
        out.append(Listing(str(item["url"]), pattern))
    return tuple(out)


def _permission(raw: dict[str, Any], base: Permission, where: str) -> Permission:
    perm = raw.get("permission", {})
    if not isinstance(perm, dict):
        raise SourcesFileError(f"{where}.permission: expected a table")
    _unknown(set(perm), PERMISSION_KEYS, f"{where}.permission")
    flat = {"enabled": raw.get("enabled"), "reason": raw.get("reason"), "reference": raw.get("permission_reference")}
    merged = {k: v for k, v in flat.items() if v is not None} | perm
    enabled = _bool(merged["enabled"], f"{where}.enabled") if "enabled" in merged else None
    reference = str(merged.get("reference", base.reference))
    if enabled is None:
        # recording a written permission re-enables an outlet disabled for lack of one
        enabled = True if (reference and not base.enabled) else base.enabled
    return Permission(enabled=enabled, reason=str(merged.get("reason", base.reason)), reference=reference)


def parse_outlet(raw: dict[str, Any], index: int, base: OutletEntry | None = None) -> OutletEntry:
    where = f"outlet[{index}]"
    if not isinstance(raw, dict):
        raise SourcesFileError(f"{where}: expected a table")
    _unknown(set(raw), OUTLET_KEYS, where)
    name = raw.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise SourcesFileError(f"{where}: 'name' is required (lowercase letters, digits, - _ .)")
    where = f"outlet {name!r}"
    values: dict[str, Any] = dataclasses.asdict(base) if base else {"name": name, "domains": ()}
    values.pop("permission", None)
    values.pop("limits", None)
    values["listings"] = base.listings if base else ()
    if "domain" in raw or "domains" in raw:
        values["domains"] = _strs(raw.get("domains", raw.get("domain")), f"{where}.domains")
    for key in ("feeds", "sitemaps", "search_feeds", "url_include", "url_exclude"):
        if key in raw:
            values[key] = _strs(raw[key], f"{where}.{key}")
    for key in ("title", "country", "language", "parser"):
        if key in raw:
            values[key] = str(raw[key])
    if "kind" in raw:
        if raw["kind"] not in ("news", "official"):
            raise SourcesFileError(f"{where}.kind: expected 'news' or 'official'")
        values["kind"] = raw["kind"]
    for key in ("full_text_feeds", "allow_private_network"):
        if key in raw:
            values[key] = _bool(raw[key], f"{where}.{key}")
    if "listings" in raw:
        values["listings"] = _listings(raw["listings"], f"{where}.listings")
    for pattern in (*values.get("url_include", ()), *values.get("url_exclude", ())):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SourcesFileError(f"{where}: invalid URL filter {pattern!r}: {exc}") from exc
    limits_raw = raw.get("limits", {})
    if not isinstance(limits_raw, dict):
        raise SourcesFileError(f"{where}.limits: expected a table")
    _unknown(set(limits_raw), LIMIT_KEYS, f"{where}.limits")
    limits = dataclasses.replace(base.limits if base else Limits(), **{k: int(v) for k, v in limits_raw.items()})
    values["domains"] = tuple(d.lower() for d in values["domains"])
    if not values["domains"]:
        raise SourcesFileError(f"{where}: 'domain' or 'domains' is required")
    values["listings"] = tuple(values["listings"])
    for key in ("feeds", "sitemaps", "search_feeds", "url_include", "url_exclude"):
        values[key] = tuple(values.get(key, ()))
    perm = _permission(raw, base.permission if base else Permission(), where)
    return OutletEntry(**values, permission=perm, limits=limits)


def load_sources_file(path: str | Path, defaults: dict[str, OutletEntry] | None = None) -> list[OutletEntry]:
    """Parse ``path``; entries named like one of ``defaults`` override it field by field."""
    path = Path(path)
    try:
        data = read_toml(path)
    except TomlFileError as exc:
        raise SourcesFileError(f"sources file {path}: {exc}") from exc
    try:
        _unknown(set(data), TOP_KEYS, "top level")
        raw_outlets = data.get("outlet", [])
        if not isinstance(raw_outlets, list):
            raise SourcesFileError("'outlet' must be an array of tables: use [[outlet]]")
        defaults = defaults or {}
        return [parse_outlet(raw, i, defaults.get(raw.get("name", "") if isinstance(raw, dict) else ""))
                for i, raw in enumerate(raw_outlets)]
    except SourcesFileError as exc:
        raise SourcesFileError(f"sources file {path}: {exc}") from exc
