"""`pantau serve`, `pantau users ...`, `pantau schedule`: thin commands over webapp/ and pantau.scheduling.

Heavy libraries (FastAPI, SQLAlchemy, argon2, APScheduler) are imported inside the functions only.
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from pantau.cli import common

users_app = typer.Typer(
    name="users", no_args_is_help=True, rich_markup_mode=None,
    help="Manage web accounts (viewer, analyst, admin) and read-only API tokens.\n\nExample: pantau users list",
)
schedule_app = typer.Typer(
    name="schedule", rich_markup_mode=None, invoke_without_command=True,
    help="Run crawls, the alerts scan and the weekly digests on schedule until SIGTERM.\n\n"
    "Crawls every PANTAU_CRAWL_INTERVAL_HOURS hours, `alerts scan` daily at 06:00 and `digest send` at "
    "PANTAU_DIGEST_SEND_TIME (local time, PANTAU_TIMEZONE). Each run is recorded and locked in the database.\n\n"
    "Example: pantau schedule --run-now",
)


def serve(
    host: Annotated[Optional[str], typer.Option(help="Address to listen on (default: PANTAU_WEB_HOST).")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port (default: PANTAU_WEB_PORT).", min=1, max=65535)] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
) -> None:
    """Serve the web dashboard and the research API (/api/v1, docs at /api/v1/docs).

    Example: pantau serve --host 127.0.0.1 --port 8000
    """
    import uvicorn

    from webapp.factory import app_from_settings

    cfg = common.settings()
    app = app_from_settings(common.database_url(), cfg)
    uvicorn.run(app, host=host or cfg.web_host, port=port or cfg.web_port, workers=workers if workers > 1 else None,
                proxy_headers=True, server_header=False, log_level=cfg.log_level.lower())


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@users_app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help="viewer, analyst or admin.")] = "viewer",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Add a user (the password is asked for, or read from stdin); stored as an argon2 hash.

    Example: pantau users add rina --role analyst
    """
    from webapp.accounts import AccountError, add_user

    password = _read_password(password_stdin)
    with common.db_session(errors=(AccountError,)) as s:
        user = add_user(s, username, password, role)
    print(f"added {user.username} ({user.role})")


@users_app.command("list")
def users_list() -> None:
    """List users with their role and last login.

    Example: pantau users list
    """
    from webapp.accounts import list_users

    with common.db_session(readonly=True) as s:
        rows = list_users(s)
    for u in rows:
        last = u.last_login_at.isoformat(timespec="minutes") if u.last_login_at else "never"
        print(f"{u.username}\t{u.role}\t{'active' if u.active else 'inactive'}\tlast login {last}")


@users_app.command("remove")
def users_remove(username: Annotated[str, typer.Argument(help="Login name.")]) -> None:
    """Remove a user and their API tokens (their sessions stop working at once).

    Example: pantau users remove rina
    """
    from webapp.accounts import AccountError, remove_user

    with common.db_session(errors=(AccountError,)) as s:
        remove_user(s, username)
    print(f"removed {username}")


@users_app.command("token")
def users_token(
    username: Annotated[str, typer.Argument(help="Owner of the token.")],
    name: Annotated[str, typer.Option(help="What the token is for.")] = "research",
) -> None:
    """Create a read-only API token for a user; it is printed once (only its hash is stored).

    Example: pantau users token rina --name thesis-2026
    """
    from webapp.accounts import AccountError, create_token

    with common.db_session(errors=(AccountError,)) as s:
        token = create_token(s, username, name)
    print(token)


@users_app.command("revoke")
def users_revoke(username: Annotated[str, typer.Argument(help="Owner of the tokens.")]) -> None:
    """Revoke every API token of a user.

    Example: pantau users revoke rina
    """
    from webapp.accounts import AccountError, revoke_tokens

    with common.db_session(errors=(AccountError,)) as s:
        n = revoke_tokens(s, username)
    print(f"revoked {n} token(s) of {username}")


@schedule_app.callback()
def schedule(
    ctx: typer.Context,
    run_now: Annotated[bool, typer.Option("--run-now", help="Start a crawl immediately.")] = False,
) -> None:
    """Run crawls, the alerts scan and the weekly digests on schedule until SIGTERM.

    Example: pantau schedule --run-now
    """
    if ctx.invoked_subcommand is not None:
        return
    import logging

    from pantau.scheduling import daemon
    from pantau.scheduling.runner import Runner

    cfg = common.settings()
    db = common.open_db()
    logging.basicConfig(level=cfg.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    runner = Runner(db, common.database_url())
    try:
        scheduler = daemon.build(runner, cfg.crawl_interval_hours, cfg.digest_send_time, cfg.timezone, run_now)
    except ValueError as exc:
        db.dispose()
        raise common.UserError(str(exc)) from exc
    announce = (f"scheduler running: crawl every {cfg.crawl_interval_hours} h, alerts scan daily, digests "
                f"{cfg.digest_send_time} ({cfg.timezone}); stop with SIGTERM")
    try:
        daemon.serve(runner, scheduler, announce)
    finally:
        db.dispose()


@schedule_app.command("once")
def schedule_once(job: Annotated[str, typer.Argument(help="crawl, alerts-scan or digest.")]) -> None:
    """Run one scheduled job now, with its lock and run record (for cron and systemd timers).

    Example: pantau schedule once crawl
    """
    from pantau.scheduling.daemon import jobs
    from pantau.scheduling.runner import Runner

    cfg = common.settings()
    defs = jobs(max(1, cfg.crawl_interval_hours))
    if job not in defs:
        raise common.UserError(f"unknown job {job!r}: one of {', '.join(defs)}")
    db = common.open_db()
    try:
        status = Runner(db, common.database_url()).run(defs[job])
    finally:
        db.dispose()
    print(f"{job}: {status}")
    if status == "failed":
        raise common.UserError(f"job {job} failed (see `pantau schedule` runs on the Sumber page)")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
    app.add_typer(schedule_app, name="schedule")
