"""The weekly digest of one subscription: gather the week's cases in scope, render HTML and text.

:func:`gather` reads the database into a plain :class:`DigestData`; :func:`render` turns it into a
subject, an HTML body (inline CSS, Jinja2 autoescaping), a plain-text body and a PNG chart;
:func:`build_message` makes the MIME message (text + HTML + the chart inline by Content-ID).
Article-derived strings are redacted (victims' and children's names to initials) before rendering.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from pantau import regions
from pantau.taxonomy import MODUS, MODUS_LABELS_ID

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_CASES = 40  # listed per section; the rest are counted
MAX_POLICY = 10
CHART_CID = "chart-{week}@pantau-tppo"
SCOPE_ROLES = ("origin", "incident", "destination", "transit")
log = logging.getLogger(__name__)

MODUS_LABELS_EN = {
    "migrant_worker": "Non-procedural migrant work", "sexual_exploitation": "Sexual exploitation",
    "online_scam": "Online scam / gambling compounds", "fishing_crew": "Fishing crews",
    "child_exploitation": "Child exploitation", "bride_trafficking": "Mail-order / contract marriage",
    "organ_trafficking": "Organ trade", "fake_internship": "Fake internships / scholarships",
    "baby_selling": "Baby selling", "forced_labour": "Forced labour",
}
STAGES = {
    "id": {"reported": "dilaporkan", "arrest": "penangkapan", "rescue": "penyelamatan", "repatriation": "pemulangan",
           "trial": "persidangan", "verdict": "vonis"},
    "en": {"reported": "reported", "arrest": "arrest", "rescue": "rescue", "repatriation": "repatriation",
           "trial": "trial", "verdict": "verdict"},
}


class DigestError(ValueError):
    """A digest that cannot be built (unknown week, template error): one clear line."""


def _redactor() -> tuple[Callable[[str], str], bool]:
    try:
        from nlp.redact import redact

        return (lambda s: redact(s) if s else s), True
    except Exception:  # noqa: BLE001 - nlp is optional here; fall back to a cautious local rule
        log.warning("nlp.redact unavailable: using the fallback redaction rule")
        cue = re.compile(r"\b(korban|anak|bocah|siswi|siswa|gadis|balita|bayi|bernama)\s+((?:[A-Z][a-z]+\s?){1,3})")

        def fallback(s: str) -> str:
            return cue.sub(lambda m: m.group(1) + " " + "".join(w[0] for w in m.group(2).split()) + " ", s) if s else s

        return fallback, False


@dataclass
class DigestData:
    week: str
    language: str
    subscription: str
    scope_level: str
    scope_codes: list[str]
    scope_label: str
    modus_filter: list[str]
    period: tuple[date, date]
    headline: dict[str, Any] = field(default_factory=dict)
    new_cases: list[dict[str, Any]] = field(default_factory=list)
    updated_cases: list[dict[str, Any]] = field(default_factory=list)
    more_new: int = 0
    more_updated: int = 0
    by_modus: list[tuple[str, str, int]] = field(default_factory=list)
    by_region: list[tuple[str, str, int]] = field(default_factory=list)
    signals: list[dict[str, Any]] = field(default_factory=list)
    policy: list[dict[str, Any]] = field(default_factory=list)
    coverage: dict[str, Any] = field(default_factory=dict)
    redaction: bool = True

    @property
    def empty(self) -> bool:
        return not (self.new_cases or self.updated_cases or self.policy or self.signals)


def _case_scope_filter(level: str, codes: list[str]) -> Any:
    from sqlalchemy import exists

    from models.cases import Case, CaseLocation

    if level == "national":
        return None
    col = CaseLocation.province_code if level == "province" else CaseLocation.code
    return exists().where(CaseLocation.case_id == Case.id, col.in_(codes), CaseLocation.role.in_(SCOPE_ROLES))


def _article_scope(stmt: Any, level: str, codes: list[str], modus: list[str]) -> Any:
    from sqlalchemy import exists

    from models.corpus import Article, LocationMention, ModusTag

    if level != "national":
        col = LocationMention.province_code if level == "province" else LocationMention.code
        stmt = stmt.where(exists().where(LocationMention.classification_id == Article.classification_id,
                                         col.in_(codes), LocationMention.role.in_(SCOPE_ROLES)))
    if modus:
        stmt = stmt.where(exists().where(ModusTag.classification_id == Article.classification_id, ModusTag.modus.in_(modus)))
    return stmt


def _label(modus: str, lang: str) -> str:
    return (MODUS_LABELS_EN if lang == "en" else MODUS_LABELS_ID).get(modus, modus)


def gather(session: Any, sub: Any, week: str) -> DigestData:
    """Everything one subscription's digest of ``week`` shows (read-only)."""
    from sqlalchemy import func, select

    from models.cases import Case, CaseArticle, CaseLocation
    from models.corpus import Article, CrawlRun, Outlet
    from models.operations import Signal
    from models.queries import QueryError, week_bounds
    from alerts.signals import in_scope

    try:
        start, end = week_bounds(week)
    except QueryError as exc:
        raise DigestError(str(exc)) from exc
    lang = sub.language or "id"
    redact, redaction_ok = _redactor()
    level, codes, modus_filter = sub.scope_level, list(sub.scope_codes or []), list(sub.modus or [])
    from alerts.subscriptions import describe_scope

    monday = (start + timedelta(hours=7)).date()
    data = DigestData(week=week, language=lang, subscription=sub.name, scope_level=level, scope_codes=codes,
                      scope_label=("Nasional" if lang == "id" else "National") if level == "national"
                      else describe_scope(level, codes), modus_filter=modus_filter,
                      period=(monday, monday + timedelta(days=6)), redaction=redaction_ok)
    # cases seen during the week and the 4 weeks before, in scope
    hist_start = start - timedelta(weeks=4)
    stmt = select(Case.id, Case.title, Case.summary, Case.first_seen, Case.last_seen, Case.stage, Case.modus,
                  Case.victims, Case.article_count, Case.outlet_count).where(Case.last_seen >= hist_start,
                                                                               Case.first_seen < end)
    cond = _case_scope_filter(level, codes)
    if cond is not None:
        stmt = stmt.where(cond)
    rows = [r for r in session.execute(stmt).all() if not modus_filter or set(r.modus or []) & set(modus_filter)]
    weekly_new = Counter()
    weekly_victims = Counter()
    for r in rows:
        if r.first_seen >= hist_start:
            w = int((r.first_seen - hist_start).total_seconds() // (7 * 86400))
            weekly_new[w] += 1
            weekly_victims[w] += r.victims or 0
    # a case is in this week's digest when one of its articles was published during the week
    active = set(session.execute(
        select(CaseArticle.case_id).join(Article, Article.id == CaseArticle.article_id)
        .where(Article.published_at >= start, Article.published_at < end).distinct()).scalars())
    this_week = [r for r in rows if r.id in active]
    new = sorted([r for r in this_week if r.first_seen >= start], key=lambda r: (-(r.victims or 0), -r.article_count, r.id))
    updated = sorted([r for r in this_week if r.first_seen < start], key=lambda r: (-r.article_count, r.id))
    # article counts for the headline
    art_counts = []
    for k in range(5):
        a, b = hist_start + timedelta(weeks=k), hist_start + timedelta(weeks=k + 1)
        q = select(func.count()).select_from(Article).where(Article.relevant.is_(True), Article.published_at >= a,
                                                             Article.published_at < b)
        art_counts.append(int(session.execute(_article_scope(q, level, codes, modus_filter)).scalar_one()))
    prev = [weekly_new[k] for k in range(4)]
    data.headline = {
        "new_cases": weekly_new[4], "new_cases_prev": sum(prev) / 4,
        "updated_cases": len(updated),
        "victims": weekly_victims[4], "victims_prev": sum(weekly_victims[k] for k in range(4)) / 4,
        "articles": art_counts[4], "articles_prev": sum(art_counts[:4]) / 4,
    }
    shown = new[:MAX_CASES] + updated[:MAX_CASES]
    data.more_new, data.more_updated = max(len(new) - MAX_CASES, 0), max(len(updated) - MAX_CASES, 0)
    ids = [r.id for r in shown]
    places: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    sources: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        for loc in session.execute(select(CaseLocation.case_id, CaseLocation.name, CaseLocation.role,
                                          CaseLocation.level).where(CaseLocation.case_id.in_(ids))
                                   .order_by(CaseLocation.id)):
            places[loc.case_id].append({"name": loc.name, "role": loc.role})
        for src in session.execute(
            select(CaseArticle.case_id, Article.canonical_url, Article.title, Article.published_at, Outlet.name)
            .join(Article, Article.id == CaseArticle.article_id).outerjoin(Outlet, Outlet.id == Article.outlet_id)
            .where(CaseArticle.case_id.in_(ids)).order_by(Article.published_at)
        ):
            sources[src.case_id].append({"url": _safe_url(src.canonical_url), "title": redact(src.title or src.canonical_url),
                                         "outlet": src.name or "", "date": (src.published_at + timedelta(hours=7)).date()})

    def case_dict(r: Any) -> dict[str, Any]:
        return {"id": r.id, "title": redact(r.title), "summary": redact(r.summary or ""),
                "stage": STAGES[lang].get(r.stage or "reported", r.stage), "modus": [_label(m, lang) for m in r.modus or []],
                "victims": r.victims, "articles": r.article_count, "outlets": r.outlet_count,
                "places": places.get(r.id, []), "sources": sources.get(r.id, []),
                "first_seen": (r.first_seen + timedelta(hours=7)).date()}

    data.new_cases = [case_dict(r) for r in new[:MAX_CASES]]
    data.updated_cases = [case_dict(r) for r in updated[:MAX_CASES]]
    # counts of the week's new cases by modus and by province / kab-kota
    by_modus: Counter[str] = Counter(m for r in new for m in (r.modus or []) if not modus_filter or m in modus_filter)
    data.by_modus = [(m, _label(m, lang), by_modus[m]) for m in MODUS if by_modus[m]]
    new_ids = [r.id for r in new]
    region_counts: Counter[str] = Counter()
    for i in range(0, len(new_ids), 5000):
        col = CaseLocation.province_code if level != "kabkota" and level != "province" else CaseLocation.code
        q = (select(col, func.count(func.distinct(CaseLocation.case_id)))
             .where(CaseLocation.case_id.in_(new_ids[i : i + 5000]), col.is_not(None), CaseLocation.role.in_(SCOPE_ROLES))
             .group_by(col))
        for code, n in session.execute(q):
            if level == "national" or (level == "province" and code.split(".")[0] in codes) or (level == "kabkota" and code in codes):
                region_counts[code] += int(n)
    names = regions.provinces()
    kab = regions.kabkota() if level != "national" else {}
    data.by_region = sorted(((c, names.get(c) or kab.get(c, (c,))[0], n) for c, n in region_counts.items()),
                            key=lambda t: (-t[2], t[1]))
    # signals of the week in scope
    for sig in session.execute(select(Signal).where(Signal.week == week).order_by(Signal.severity, Signal.id)).scalars():
        if in_scope(sig.scope_code, list((sig.data or {}).get("provinces", [])), level, codes) and (
                not modus_filter or sig.modus is None or sig.modus in modus_filter):
            data.signals.append({"severity": sig.severity, "kind": sig.kind, "title": redact(sig.title),
                                 "explanation": sig.explanation})
    # prevention and policy news in scope
    q = (select(Article.canonical_url, Article.title, Article.lead, Article.published_at, Outlet.name)
         .outerjoin(Outlet, Outlet.id == Article.outlet_id)
         .where(Article.relevant.is_(True), Article.article_type == "policy", Article.published_at >= start,
                Article.published_at < end).order_by(Article.published_at.desc()).limit(MAX_POLICY))
    for p in session.execute(_article_scope(q, level, codes, [])):
        data.policy.append({"url": _safe_url(p.canonical_url), "title": redact(p.title or p.canonical_url),
                            "outlet": p.name or "", "date": (p.published_at + timedelta(hours=7)).date()})
    # coverage note
    runs = session.execute(select(CrawlRun.outlets, CrawlRun.errors, CrawlRun.status)
                           .where(CrawlRun.started_at >= start, CrawlRun.started_at < end)).all()
    crawled = {o for r in runs for o in (r.outlets or [])}
    failing = sorted({str(k) for r in runs for k in (r.errors or {})})
    # articles of the week (by publication time, which is indexed), and those whose text is withheld
    articles_week = session.execute(select(func.count(), func.count(func.distinct(Article.outlet_id)),
                                           func.count().filter(Article.text_withheld.is_(True)))
                                    .where(Article.published_at >= start, Article.published_at < end)).one()
    withheld = articles_week[2]
    disabled = session.execute(select(func.count()).select_from(Outlet).where(Outlet.permission_status != "allowed")).scalar_one()
    data.coverage = {"runs": len(runs), "runs_failed": sum(1 for r in runs if r.status in ("failed", "killed")),
                     "sources_crawled": len(crawled) or int(articles_week[1]), "sources_failing": failing,
                     "articles": int(articles_week[0]), "withheld": int(withheld), "outlets_disabled": int(disabled)}
    return data


def _safe_url(url: str | None) -> str:
    """Only http(s) links reach an e-mail (no javascript: or data: URLs from a hostile page)."""
    return url if url and re.match(r"^https?://", url, re.I) else "#"


# --- rendering ----------------------------------------------------------------------------------

T = {
    "id": {
        "subject": "Ringkasan mingguan TPPO {week} – {scope}", "title": "Ringkasan mingguan TPPO",
        "week": "Pekan", "scope": "Wilayah", "modus_filter": "Modus", "all": "semua",
        "new_cases": "Kasus baru", "updated_cases": "Kasus diperbarui", "victims": "Korban (kasus baru)",
        "articles": "Artikel relevan", "avg4": "rata-rata 4 pekan sebelumnya",
        "empty": "Tidak ada kasus, sinyal, maupun berita pencegahan dalam wilayah ini pada pekan ini.",
        "by_modus": "Kasus baru menurut modus", "by_region": "Kasus baru menurut wilayah", "count": "jumlah",
        "signals": "Sinyal peringatan dini", "no_signals": "Tidak ada sinyal pekan ini.",
        "policy": "Berita pencegahan dan kebijakan", "no_policy": "Tidak ada berita pencegahan atau kebijakan pekan ini.",
        "coverage": "Catatan cakupan", "stage": "Tahap", "places": "Tempat", "sources": "Sumber",
        "more": "dan {n} kasus lain (lihat aplikasi web)", "victims_short": "korban", "unknown": "tidak disebut",
        "coverage_text": ("{runs} putaran crawl, {crawled} sumber dipantau, {articles} artikel terbit pekan ini; "
                          "{withheld} artikel teksnya tidak disimpan karena reservasi penerbit (TDM); "
                          "{disabled} outlet dinonaktifkan atas permintaan/izin."),
        "failing": "Sumber bermasalah", "none": "tidak ada",
        "roles": {"origin": "asal", "incident": "kejadian", "destination": "tujuan", "transit": "transit",
                  "mention": "disebut"},
        "severity": {"high": "tinggi", "medium": "sedang", "low": "rendah"},
        "redaction_off": "Catatan: modul penyamaran nama tidak tersedia; aturan cadangan dipakai.",
        "footer": "Pantau TPPO – dikirim otomatis. Nama korban dan anak disamarkan menjadi inisial.",
        "chart_alt": "Grafik kasus baru menurut modus dan wilayah",
    },
    "en": {
        "subject": "Weekly TIP digest {week} – {scope}", "title": "Weekly trafficking-in-persons digest",
        "week": "Week", "scope": "Scope", "modus_filter": "Modus", "all": "all",
        "new_cases": "New cases", "updated_cases": "Updated cases", "victims": "Victims (new cases)",
        "articles": "Relevant articles", "avg4": "average of the previous 4 weeks",
        "empty": "No cases, signals or prevention news in this scope this week.",
        "by_modus": "New cases by modus", "by_region": "New cases by region", "count": "count",
        "signals": "Early-warning signals", "no_signals": "No signals this week.",
        "policy": "Prevention and policy news", "no_policy": "No prevention or policy news this week.",
        "coverage": "Coverage note", "stage": "Stage", "places": "Places", "sources": "Sources",
        "more": "and {n} more cases (see the web app)", "victims_short": "victims", "unknown": "not stated",
        "coverage_text": ("{runs} crawl runs, {crawled} sources monitored, {articles} articles published this week; "
                          "{withheld} articles withheld by publisher reservations (TDM); "
                          "{disabled} outlets disabled by permission."),
        "failing": "Failing sources", "none": "none",
        "roles": {"origin": "origin", "incident": "incident", "destination": "destination", "transit": "transit",
                  "mention": "mentioned"},
        "severity": {"high": "high", "medium": "medium", "low": "low"},
        "redaction_off": "Note: the name-redaction module is unavailable; a fallback rule was used.",
        "footer": "Pantau TPPO – sent automatically. Names of victims and children are reduced to initials.",
        "chart_alt": "Chart of new cases by modus and region",
    },
}


@dataclass
class Rendered:
    subject: str
    html: str
    text: str
    chart: bytes | None
    chart_cid: str


def chart_png(data: DigestData) -> bytes | None:
    """Two horizontal bar charts (modus, region) as a small PNG; None for an empty week."""
    if not data.by_modus and not data.by_region:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    t = T[data.language]
    regions_top = data.by_region[:12]
    fig = Figure(figsize=(6.4, 2.2 + 0.28 * (len(data.by_modus) + len(regions_top))), dpi=100)
    axes = fig.subplots(2, 1, gridspec_kw={"height_ratios": [max(len(data.by_modus), 1), max(len(regions_top), 1)]})
    for ax, rows, title, colour in ((axes[0], [(lbl, n) for _, lbl, n in data.by_modus], t["by_modus"], "#b3261e"),
                                    (axes[1], [(lbl, n) for _, lbl, n in regions_top], t["by_region"], "#1f5f8b")):
        labels = [lbl[:32] for lbl, _ in rows][::-1]
        values = [n for _, n in rows][::-1]
        ax.barh(labels, values, color=colour)
        ax.set_title(title, fontsize=9, loc="left")
        ax.tick_params(labelsize=8)
        ax.xaxis.get_major_locator().set_params(integer=True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


_ENVS: dict[tuple[str, bool], Any] = {}


def _env(template_dir: Path | None = None, *, html: bool = True) -> Any:
    """The Jinja2 environment of a template folder (HTML: autoescaping on; text: off), built once per process
    so that templates are compiled once."""
    folder = str(template_dir or TEMPLATES)
    env = _ENVS.get((folder, html))
    if env is None:
        from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

        escape = select_autoescape(["html", "j2.html"], default_for_string=True) if html else False
        env = Environment(loader=FileSystemLoader(folder), autoescape=escape, undefined=StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True, auto_reload=template_dir is not None)
        env.filters["num"] = lambda v: f"{v:,.0f}".replace(",", ".") if isinstance(v, (int, float)) else v
        env.filters["avg"] = lambda v: f"{v:.1f}".replace(".", ",") if isinstance(v, float) else v
        _ENVS[(folder, html)] = env
    return env


def render(data: DigestData, *, template_dir: Path | None = None) -> Rendered:
    """Subject, HTML, text and chart of a digest. Raises DigestError on a template error."""
    from jinja2 import TemplateError

    t = T[data.language]
    cid = CHART_CID.format(week=data.week)
    chart = chart_png(data)
    ctx = {"d": data, "t": t, "chart_cid": cid if chart else None}
    try:
        html = _env(template_dir).get_template("digest.html").render(**ctx)
        text = _env(template_dir, html=False).get_template("digest.txt").render(**ctx)
    except TemplateError as exc:
        where = f" ({exc.filename}:{exc.lineno})" if getattr(exc, "lineno", None) else ""  # type: ignore[attr-defined]
        raise DigestError(f"digest template error{where}: {exc}") from exc
    subject = t["subject"].format(week=data.week, scope=data.scope_label if data.scope_level != "national"
                                  else ("Nasional" if data.language == "id" else "National"))
    return Rendered(subject=" ".join(subject.split())[:200], html=html, text=text, chart=chart, chart_cid=cid)


def message_id(week: str, subscription_id: int, recipient: str) -> str:
    """Stable per (week, subscription, recipient): a re-sent copy is recognisably the same message."""
    h = hashlib.sha256(f"{week}|{subscription_id}|{recipient.lower()}".encode()).hexdigest()[:20]
    return f"<digest.{week}.{subscription_id}.{h}@pantau-tppo>"


def build_message(r: Rendered, *, mail_from: str, to: str, msg_id: str, date_: datetime | None = None) -> bytes:
    from email.message import EmailMessage
    from email.utils import format_datetime
    from email.policy import SMTP

    msg = EmailMessage()
    msg["Subject"] = r.subject
    msg["From"] = mail_from
    msg["To"] = to
    msg["Message-ID"] = msg_id
    if date_ is not None:
        msg["Date"] = format_datetime(date_)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(r.text, subtype="plain", charset="utf-8")
    msg.add_alternative(r.html, subtype="html", charset="utf-8")
    if r.chart:
        html_part = msg.get_payload()[1]  # type: ignore[index]
        html_part.add_related(r.chart, maintype="image", subtype="png", cid=f"<{r.chart_cid}>",
                              filename="grafik.png", disposition="inline")
    return msg.as_bytes(policy=SMTP)
