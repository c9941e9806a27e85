"""The one place where every setting of Pantau TPPO is declared.

Each setting is an environment variable ``PANTAU_<NAME>`` with a default and a comment saying why it
exists. ``load()`` reads them once into an immutable :class:`Config`; unknown ``PANTAU_*`` variables
(typos) are reported by :func:`unknown_variables` and printed as a warning by the CLI.
``.env.example`` and the README's configuration table are generated from :data:`SETTINGS`
(``python -m pantau.config --env-example``), and a test keeps them in sync.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PREFIX = "PANTAU_"


@dataclass(frozen=True)
class Config:
    """Resolved settings. Field metadata carries the help text shown in docs and ``.env.example``."""

    data_dir: Path = field(
        default=Path("data"),
        metadata={"help": "Directory for the embedded SQLite corpus, crawl state (JOBDIR) and artifacts."},
    )
    database_url: str = field(
        default="",
        metadata={
            "help": "SQLAlchemy URL of the corpus. Empty means sqlite:///<PANTAU_DATA_DIR>/pantau.db. "
            "For PostgreSQL: postgresql+psycopg://user@host:5432/dbname"
        },
    )
    log_level: str = field(default="INFO", metadata={"help": "Log level of the CLI and the crawler."})
    timezone: str = field(
        default="Asia/Jakarta", metadata={"help": "Time zone of digests, ISO weeks and schedules (WIB)."}
    )
    # crawler
    user_agent: str = field(
        default="",
        metadata={"help": "User agent of the crawler. Empty means PantauTPPO/<version> (+<PANTAU_PROJECT_URL>)."},
    )
    project_url: str = field(
        default="https://github.com/pantau-tppo/pantau-tppo",
        metadata={"help": "URL in the user agent where publishers can read what the crawler does."},
    )
    sources_file: str = field(
        default="", metadata={"help": "Operator's TOML sources file that adds or overrides outlets (optional)."}
    )
    concurrent_per_domain: int = field(
        default=2, metadata={"help": "Maximum concurrent requests per domain (politeness)."}
    )
    download_delay: float = field(
        default=1.0, metadata={"help": "Minimum delay in seconds between requests to one domain (AutoThrottle start)."}
    )
    download_timeout: int = field(default=30, metadata={"help": "Seconds before a request times out."})
    max_page_bytes: int = field(
        default=5 * 1024 * 1024, metadata={"help": "Largest response body the crawler accepts (bytes)."}
    )
    redis_url: str = field(
        default="",
        metadata={"help": "Redis URL; when set, crawls run in distributed mode (shared frontier and dupefilter)."},
    )
    extract_workers: int = field(
        default=0, metadata={"help": "Worker processes for text extraction; 0 means one per CPU core."}
    )
    # alerts and delivery
    smtp_url: str = field(
        default="",
        metadata={"help": "SMTP server: smtp://user:pass@host:25, smtp+starttls://host:587 or smtps://host:465."},
    )
    mail_from: str = field(
        default="Pantau TPPO <pantau@localhost>", metadata={"help": "From address of digests and alerts."}
    )
    webhook_url: str = field(default="", metadata={"help": "Optional JSON webhook for chat tools (alerts)."})
    mass_victim_threshold: int = field(
        default=20, metadata={"help": "Victims in one case from which a mass-victim early warning is raised."}
    )
    # web and scheduling
    secret_key: str = field(
        default="", metadata={"help": "Secret for session cookies of the web app; empty means one per data dir."}
    )
    web_host: str = field(default="127.0.0.1", metadata={"help": "Address `pantau serve` listens on."})
    web_port: int = field(default=8000, metadata={"help": "Port `pantau serve` listens on."})
    crawl_interval_hours: int = field(
        default=6, metadata={"help": "Hours between scheduled crawls (`pantau schedule`)."}
    )
    digest_send_time: str = field(
        default="mon 07:00", metadata={"help": "Weekday and local time of the weekly digest (`pantau schedule`)."}
    )

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'pantau.db').as_posix()}"

    @property
    def resolved_user_agent(self) -> str:
        if self.user_agent:
            return self.user_agent
        from pantau import __version__

        return f"PantauTPPO/{__version__} (+{self.project_url})"


class ConfigError(ValueError):
    """A setting has a value of the wrong type."""


def env_name(field_name: str) -> str:
    return PREFIX + field_name.upper()


def known_variables() -> list[str]:
    return [env_name(f.name) for f in fields(Config)]


def unknown_variables(env: Mapping[str, str] | None = None) -> list[str]:
    """``PANTAU_*`` variables set in the environment that no setting declares (usually typos)."""
    env = os.environ if env is None else env
    known = set(known_variables())
    return sorted(k for k in env if k.startswith(PREFIX) and k not in known)


def _convert(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, Path):
            return Path(raw).expanduser()
    except ValueError as exc:
        raise ConfigError(f"{env_name(name)}={raw!r} is not a valid {type(default).__name__}") from exc
    return raw


def load(env: Mapping[str, str] | None = None, **overrides: Any) -> Config:
    """Read every setting from the environment (or ``env``), then apply explicit overrides."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for f in fields(Config):
        raw = env.get(env_name(f.name))
        if raw is not None and raw != "":
            values[f.name] = _convert(f.name, raw, f.default)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Config(**values)


def env_example() -> str:
    """Text of ``.env.example``: every variable with its comment and default."""
    lines = ["# Pantau TPPO settings. Copy to .env or export them; every one is optional.", ""]
    for f in fields(Config):
        lines.append(f"# {f.metadata['help']}")
        default = f.default.as_posix() if isinstance(f.default, Path) else f.default
        lines.append(f"{env_name(f.name)}={default}")
        lines.append("")
    return "\n".join(lines)


def markdown_table() -> str:
    """Configuration table for the README."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for f in fields(Config):
        default = f.default.as_posix() if isinstance(f.default, Path) else f.default
        rows.append(f"| `{env_name(f.name)}` | `{default}` | {f.metadata['help']} |")
    return "\n".join(rows)


if __name__ == "__main__":
    if "--markdown" in sys.argv:
        print(markdown_table())
    else:
        print(env_example(), end="")
