"""`pantau cases`, `pantau subscriptions`, `pantau digest`, `pantau alerts`: thin wrappers over alerts/."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from pantau.cli import common

cases_app = typer.Typer(help="Cases: articles about the same incident linked together.\n\nExample: pantau cases list --week 2024-W39",
                        no_args_is_help=True, rich_markup_mode=None)
subs_app = typer.Typer(help="Subscriptions of task forces to weekly digests and alerts.\n\n"
                       "Example: pantau subscriptions list", no_args_is_help=True, rich_markup_mode=None)
digest_app = typer.Typer(help="Weekly digests per subscription.\n\nExample: pantau digest send --dry-run",
                         no_args_is_help=True, rich_markup_mode=None)
alerts_app = typer.Typer(help="Early-warning signals and the delivery outbox.\n\nExample: pantau alerts scan",
                         no_args_is_help=True, rich_markup_mode=None)


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    """The alerts room's expected exceptions become one-line user errors."""
    from alerts.delivery import DeliveryError
    from alerts.digest import DigestError
    from alerts.subscriptions import SubscriptionError

    with common.user_errors():
        try:
            yield
        except (DigestError, SubscriptionError, DeliveryError) as exc:
            raise common.UserError(str(exc)) from exc


def _week(week: Optional[str]) -> str:
    from alerts.service import check_week, last_complete_week

    return check_week(week) if week else last_complete_week()


# --- cases ----------------------------------------------------------------------------------------

@cases_app.command("link")
def cases_link(
    since: Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD",
                                                      help="Only articles published from this day (UTC).")] = None,
    relink: Annotated[bool, typer.Option("--relink", help="Forget all cases and link the whole corpus again.")] = False,
) -> None:
    """Link relevant case articles not yet in a case into new or existing cases (incremental).

    Example: pantau cases link
    """
    from datetime import UTC

    from alerts import linking

    with _errors():
        with common.db_session() as s:
            res = linking.relink(s) if relink else linking.link_articles(s, since=since.replace(tzinfo=UTC) if since else None)
        print(f"linked {res.articles} articles: {res.new_cases} new cases, {res.updated_cases} updated ({res.seconds:.1f} s)")


@cases_app.command("list")
def cases_list(
    week: Annotated[Optional[str], typer.Option(help="ISO week (2024-W39): cases seen that week.")] = None,
    modus: Annotated[Optional[str], typer.Option(help="Only cases with this modus code.")] = None,
    province: Annotated[Optional[str], typer.Option(help="Only cases with a place in this province (code or name).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many cases, newest first.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List cases (newest first) with stage, modus, victims, articles and outlets.

    Example: pantau cases list --week 2024-W39 --province 53
    """
    from sqlalchemy import exists, select

    from models.cases import Case, CaseLocation
    from models.queries import week_bounds
    from pantau import regions
    from pantau.taxonomy import MODUS

    with _errors():
        if modus and modus not in MODUS:
            raise common.UserError(f"unknown modus {modus!r}: one of {', '.join(MODUS)}")
        try:
            pcode = regions.province_code(province) if province else None
        except regions.UnknownRegion as exc:
            raise common.UserError(str(exc)) from exc
        with common.db_session(readonly=True) as s:
            stmt = select(Case).order_by(Case.last_seen.desc(), Case.id.desc())
            if week:
                start, end = week_bounds(week)
                stmt = stmt.where(Case.last_seen >= start, Case.first_seen < end)
            if pcode:
                stmt = stmt.where(exists().where(CaseLocation.case_id == Case.id, CaseLocation.province_code == pcode))
            rows = [c for c in s.execute(stmt.limit(limit * 5 if modus else limit)).scalars() if not modus or modus in (c.modus or [])][:limit]
        for c in rows:
            if as_json:
                print(json.dumps({"id": c.id, "title": c.title, "first_seen": c.first_seen.isoformat(),
                                  "last_seen": c.last_seen.isoformat(), "stage": c.stage, "modus": c.modus,
                                  "victims": c.victims, "articles": c.article_count, "outlets": c.outlet_count},
                                 ensure_ascii=False))
            else:
                print(f"{c.id:>7}  {c.first_seen:%Y-%m-%d}  {c.stage or '-':<12} {','.join(c.modus or []) or '-':<24} "
                      f"victims={c.victims if c.victims is not None else '-':<5} articles={c.article_count:<3} {c.title[:70]}")
        if not rows:
            print("no cases match", file=sys.stderr)


@cases_app.command("show")
def cases_show(case_id: Annotated[int, typer.Argument(help="Case id (from `pantau cases list`).")]) -> None:
    """Show one case: title, summary, stage, modus, victims, places with roles and every article.

    Example: pantau cases show 12
    """
    from sqlalchemy import select

    from models.cases import Case, CaseArticle, CaseLocation
    from models.corpus import Article, Outlet

    with _errors():
        with common.db_session(readonly=True) as s:
            c = s.get(Case, case_id)
            if c is None:
                raise common.UserError(f"no case {case_id}: see `pantau cases list`")
            places = s.execute(select(CaseLocation).where(CaseLocation.case_id == case_id).order_by(CaseLocation.id)).scalars().all()
            arts = s.execute(select(Article.published_at, Outlet.name, Article.title, Article.canonical_url, CaseArticle.reason)
                             .join(CaseArticle, CaseArticle.article_id == Article.id)
                             .outerjoin(Outlet, Outlet.id == Article.outlet_id)
                             .where(CaseArticle.case_id == case_id).order_by(Article.published_at)).all()
        print(f"case {c.id}: {c.title}")
        print(f"  seen {c.first_seen:%Y-%m-%d} .. {c.last_seen:%Y-%m-%d}; stage {c.stage}; modus {', '.join(c.modus or []) or '-'}; "
              f"victims {c.victims if c.victims is not None else '-'}; suspects {c.suspects if c.suspects is not None else '-'}")
        print(f"  {c.article_count} articles from {c.outlet_count} outlets")
        if c.summary:
            print(f"  summary: {c.summary}")
        for p in places:
            print(f"  place: {p.name} [{p.level} {p.code or '-'}] {p.role}")
        for published, outlet, title, url, reason in arts:
            print(f"  - {published:%Y-%m-%d} {outlet or '-'}: {title} <{url}> ({reason})")


# --- subscriptions --------------------------------------------------------------------------------

@subs_app.command("add")
def subs_add(
    name: Annotated[str, typer.Argument(help="Name of the task force.")],
    recipient: Annotated[list[str], typer.Option("--recipient", "-r", help="E-mail address (repeat for several).")],
    scope: Annotated[str, typer.Option(help="national, province codes (32,53) or kab/kota codes (53.01,53.71).")] = "national",
    modus: Annotated[Optional[list[str]], typer.Option("--modus", "-m", help="Modus code to include (repeat); none = all.")] = None,
    language: Annotated[str, typer.Option(help="Digest language: id or en.")] = "id",
) -> None:
    """Add a subscription (scope, modus filter, language, recipients).

    Example: pantau subscriptions add "Satgas TPPO NTT" --scope 53 -r satgas@ntt.go.id
    """
    from alerts.subscriptions import SubscriptionSpec, parse_scope, save

    with _errors():
        level, codes = parse_scope(scope)
        spec = SubscriptionSpec(name=name, scope_level=level, scope_codes=codes, modus=list(modus or []),
                                language=language, recipients=list(recipient)).check()
        with common.db_session() as s:
            save(s, spec)
        print(f"added subscription {spec.name!r} ({level} {','.join(spec.scope_codes)}) for {len(spec.recipients)} recipient(s)")


@subs_app.command("load")
def subs_load(
    path: Annotated[Path, typer.Argument(help="TOML file with [subscription.NAME] tables.")],
    replace: Annotated[bool, typer.Option("--replace", help="Update subscriptions that already exist.")] = False,
) -> None:
    """Add (or with --replace update) subscriptions from a TOML file; all or nothing.

    Example: pantau subscriptions load subscriptions.toml --replace
    """
    from alerts.subscriptions import load_toml, save

    with _errors():
        specs = load_toml(path)
        with common.db_session() as s:
            for spec in specs:
                save(s, spec, replace=replace)
        print(f"loaded {len(specs)} subscription(s) from {path}")


@subs_app.command("list")
def subs_list() -> None:
    """List subscriptions with scope, modus filter, language and recipients.

    Example: pantau subscriptions list
    """
    from alerts.subscriptions import all_active, describe_scope

    with _errors():
        with common.db_session(readonly=True) as s:
            subs = all_active(s)
        for sub in subs:
            print(f"{sub.name}\n  scope: {describe_scope(sub.scope_level, sub.scope_codes or [])}\n"
                  f"  modus: {', '.join(sub.modus or []) or 'all'}; language: {sub.language}\n"
                  f"  recipients: {', '.join(sub.recipients or [])}")
        if not subs:
            print("no subscriptions (add one with `pantau subscriptions add`)", file=sys.stderr)


@subs_app.command("remove")
def subs_remove(name: Annotated[str, typer.Argument(help="Name of the subscription.")]) -> None:
    """Remove a subscription (its digests go with it; sent-message records stay).

    Example: pantau subscriptions remove "Satgas TPPO NTT"
    """
    from alerts.subscriptions import remove

    with _errors():
        with common.db_session() as s:
            remove(s, name)
        print(f"removed subscription {name!r}")


# --- digest ---------------------------------------------------------------------------------------

@digest_app.command("preview")
def digest_preview(
    subscription: Annotated[str, typer.Option(help="Subscription name.")],
    week: Annotated[Optional[str], typer.Option(help="ISO week, e.g. 2024-W39 (default: last complete week, WIB).")] = None,
    out: Annotated[Path, typer.Option(help="HTML file to write (the chart is embedded as a data: URL).")] = Path("digest.html"),
    text: Annotated[Optional[Path], typer.Option(help="Also write the plain-text version here.")] = None,
) -> None:
    """Render one subscription's digest of a week to an HTML file (nothing is sent or recorded).

    Example: pantau digest preview --week 2024-W39 --subscription "Satgas TPPO NTT" --out digest.html
    """
    import base64

    from alerts.service import preview

    with _errors():
        db = common.open_db()
        r = preview(db, subscription, _week(week))
        html = r.html
        if r.chart:
            html = html.replace(f"cid:{r.chart_cid}", "data:image/png;base64," + base64.b64encode(r.chart).decode())
        if not out.resolve().parent.is_dir():
            raise common.UserError(f"output directory {out.resolve().parent} does not exist")
        out.write_text(html, encoding="utf-8")
        if text:
            text.write_text(r.text, encoding="utf-8")
        print(f"wrote {out} ({r.subject})")


@digest_app.command("send")
def digest_send(
    week: Annotated[Optional[str], typer.Option(help="ISO week (default: last complete week, WIB).")] = None,
    subscription: Annotated[Optional[str], typer.Option(help="Only this subscription (default: all).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Render and list what would be sent; queue and send nothing.")] = False,
    resend_unknown: Annotated[bool, typer.Option("--resend-unknown", help="Re-queue messages whose outcome is unknown "
                                                 "after a crash (may duplicate them).")] = False,
) -> None:
    """Queue the week's digests in the outbox (once per week, subscription and recipient) and send them.

    Exit status 1 when a message failed or was deferred for a retry.

    Example: pantau digest send --week 2024-W39 --subscription "Satgas TPPO NTT"
    """
    from alerts import delivery
    from alerts.service import digest_keys, queue_digests
    from alerts.subscriptions import all_active, get

    with _errors():
        cfg = common.settings()
        db = common.open_db()
        wk = _week(week)
        if dry_run:
            from alerts.service import preview

            with db.session(readonly=True) as s:
                subs = [get(s, subscription)] if subscription else all_active(s)
            for sub in subs:
                r = preview(db, sub.name, wk)
                print(f"would send {r.subject!r} to {', '.join(sub.recipients)}")
            return
        if not cfg.smtp_url:
            raise common.UserError("no SMTP server configured: set PANTAU_SMTP_URL (e.g. smtp+starttls://user:pass@host:587)")
        delivery.SmtpTarget.parse(cfg.smtp_url)
        rep = queue_digests(db, wk, subscription=subscription, mail_from=cfg.mail_from, webhook_url=cfg.webhook_url)
        keys = digest_keys(db, wk, subscription)
        if resend_unknown:
            with db.session() as s:
                n = delivery.resend_unknown(s, keys)
            print(f"re-queued {n} message(s) of unknown outcome")
        d = delivery.deliver(db, smtp_url=cfg.smtp_url, mail_from=cfg.mail_from, webhook_url=cfg.webhook_url, keys=keys)
        print(f"{wk}: {rep.queued} queued, {rep.already_queued} already queued; sent {d.sent}, deferred {d.deferred}, "
              f"failed {d.failed}, outcome unknown {d.unknown}")
        for e in d.errors:
            print(f"  {e}", file=sys.stderr)
        if not d.ok:
            first = f": {'; '.join(d.errors[:3])}" if d.errors else ""
            raise common.UserError(f"{d.deferred + d.failed + d.unknown} message(s) not delivered{first} "
                                   "(see `pantau alerts outbox`)")


# --- alerts ---------------------------------------------------------------------------------------

@alerts_app.command("scan")
def alerts_scan(
    week: Annotated[Optional[str], typer.Option(help="ISO week (default: the current week, WIB).")] = None,
    notify: Annotated[bool, typer.Option("--notify/--no-notify", help="Send high-severity signals to subscribers now.")] = False,
) -> None:
    """Compute early-warning signals (surges, new destinations, mass-victim cases, new modus) and
    record the new ones; each signal is raised and sent only once.

    Example: pantau alerts scan --week 2024-W39 --notify
    """
    from alerts.service import current_week, scan_and_notify

    with _errors():
        cfg = common.settings()
        db = common.open_db()
        wk = _week(week) if week else current_week()
        if notify and not cfg.smtp_url and not cfg.webhook_url:
            raise common.UserError("--notify needs PANTAU_SMTP_URL or PANTAU_WEBHOOK_URL")
        res, rep = scan_and_notify(db, wk, mass_threshold=cfg.mass_victim_threshold, notify=notify,
                                   mail_from=cfg.mail_from, smtp_url=cfg.smtp_url, webhook_url=cfg.webhook_url)
        for note in res.notes:
            print(f"note: {note}", file=sys.stderr)
        new_keys = {f.key for f in res.new}
        for f in res.found:
            mark = "new " if f.key in new_keys else "seen"
            print(f"[{mark}] {f.severity:<6} {f.kind:<15} {f.title}\n        {f.explanation}")
        print(f"{wk}: {len(res.found)} signal(s), {len(res.new)} new ({res.seconds:.2f} s)")
        if rep is not None:
            print(f"notifications: sent {rep.sent}, deferred {rep.deferred}, failed {rep.failed}")
            if not rep.ok:
                raise common.UserError("some notifications were not delivered (see `pantau alerts outbox`)")


@alerts_app.command("outbox")
def alerts_outbox(
    status: Annotated[Optional[str], typer.Option(help="Only pending, sending, sent or failed.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
) -> None:
    """Show the delivery outbox: state, attempts and last error of each message.

    Example: pantau alerts outbox --status failed
    """
    from sqlalchemy import func, select

    from models.delivery import OUTBOX_STATES, OutboxMessage

    with _errors():
        if status and status not in OUTBOX_STATES:
            raise common.UserError(f"unknown status {status!r}: one of {', '.join(OUTBOX_STATES)}")
        with common.db_session(readonly=True) as s:
            counts = dict(s.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())
            stmt = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
            if status:
                stmt = stmt.where(OutboxMessage.status == status)
            rows = s.execute(stmt).scalars().all()
        print(", ".join(f"{k}: {counts.get(k, 0)}" for k in OUTBOX_STATES))
        for m in rows:
            print(f"{m.id:>6} {m.status:<8} tries={m.attempts} {m.key}" + (f"\n       {m.last_error}" if m.last_error else ""))


def register(app: typer.Typer) -> None:
    app.add_typer(cases_app, name="cases")
    app.add_typer(subs_app, name="subscriptions")
    app.add_typer(digest_app, name="digest")
    app.add_typer(alerts_app, name="alerts")
