"""Figures of the pages that summarise: Ringkasan (this week), Wilayah (by place), Sumber (sources and jobs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.cases import Case
from models.corpus import Article, CrawlRun, LocationMention, Outlet, Source
from models.jobs import JobRun
from models.operations import Signal
from models.queries import ArticleFilter, counts_by, iso_week
from pantau import regions

WIB = timedelta(hours=7)


def today_wib() -> date:
    return (datetime.now(UTC) + WIB).date()


def scope_province(scope_codes: str | None) -> str | None:
    """The user's scope as a province code filter (the first province of their scope, if any)."""
    for code in (scope_codes or "").split(","):
        try:
            return regions.province_code(code.strip()[:2]) if code.strip() else None
        except regions.UnknownRegion:
            return None
    return None


@dataclass
class Overview:
    week: str
    relevant_week: int
    relevant_prev: int
    new_cases: list[Case]
    signals: list[Signal]
    trend: list[tuple[str, int]]


def week_counts(s: Session, province: str | None, monday: date, weeks: int = 12) -> dict[str, int]:
    """Relevant articles per ISO week (WIB) from ``weeks - 1`` weeks before ``monday`` on: one grouped query."""
    trend_f = ArticleFilter(relevant_only=True, since=monday - timedelta(weeks=weeks - 1), province=province)
    return dict(counts_by(s, "week", trend_f))


def overview(s: Session, province: str | None, weeks: int = 12, counts: dict[str, int] | None = None) -> Overview:
    """This week's figures; ``counts`` (from :func:`week_counts`, e.g. cached) saves the grouped query."""
    today = today_wib()
    monday = today - timedelta(days=today.weekday())
    trend = week_counts(s, province, monday, weeks) if counts is None else counts
    start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC) - WIB
    cases = s.execute(select(Case).where(Case.first_seen >= start).order_by(Case.first_seen.desc()).limit(10)).scalars().all()
    week = iso_week(today)
    signals = s.execute(select(Signal).where(Signal.week == week).order_by(Signal.id.desc()).limit(10)).scalars().all()
    series = [(iso_week(monday - timedelta(weeks=k)), trend.get(iso_week(monday - timedelta(weeks=k)), 0))
              for k in range(weeks - 1, -1, -1)]
    this_week = sum(n for w, n in trend.items() if w >= week)  # articles dated later count as this week's
    prev_week = trend.get(iso_week(monday - timedelta(days=7)), 0)
    return Overview(week, this_week, prev_week, list(cases), list(signals), series)


def by_place(s: Session, since: date, province: str | None) -> list[tuple[str, str, int]]:
    """(code, name, relevant articles) by province, or by kab/kota inside ``province``."""
    start = datetime(since.year, since.month, since.day, tzinfo=UTC) - WIB
    if province is None:
        key = LocationMention.province_code
        names = regions.provinces()
        cond = [LocationMention.province_code.is_not(None)]
    else:
        key = LocationMention.code
        names = {c: n for c, (n, _) in regions.kabkota().items()}
        cond = [LocationMention.level == "kabkota", LocationMention.province_code == province]
    stmt = (select(key, func.count(func.distinct(Article.id))).select_from(Article)
            .join(LocationMention, LocationMention.classification_id == Article.classification_id)
            .where(Article.relevant.is_(True), Article.published_at >= start, *cond).group_by(key))
    return [(str(c), names.get(str(c), str(c)), int(n)) for c, n in s.execute(stmt) if c]


@dataclass
class SourceRow:
    outlet: Outlet
    sources: int
    enabled_sources: int
    last_fetched: datetime | None
    stored: int
    errors: list[tuple[str, str]]


def stored_by_outlet(s: Session) -> dict[int, int]:
    """Stored articles per outlet id (one grouped count over the corpus; callers cache it)."""
    return {int(o): int(n) for o, n in s.execute(select(Article.outlet_id, func.count()).group_by(Article.outlet_id)) if o}


def sources(s: Session, stored: dict[int, int] | None = None) -> list[SourceRow]:
    """Every outlet with its sources (two queries) and ``stored`` articles (else counted now)."""
    outlets = s.execute(select(Outlet).order_by(Outlet.name)).scalars().all()
    stored = stored_by_outlet(s) if stored is None else stored
    by_outlet: dict[int, list[Source]] = {}
    for src in s.execute(select(Source).order_by(Source.id)).scalars():
        by_outlet.setdefault(src.outlet_id, []).append(src)
    out = []
    for o in outlets:
        srcs = by_outlet.get(o.id, [])
        fetched = [x.last_fetched_at for x in srcs if x.last_fetched_at]
        errors = [(x.url, x.last_error or "") for x in srcs if x.last_error][:5]
        out.append(SourceRow(o, len(srcs), sum(1 for x in srcs if x.enabled), max(fetched) if fetched else None,
                             stored.get(o.id, 0), errors))
    return out


def run_counts(stats: dict[str, Any]) -> dict[str, int]:
    """Stored / skipped / failed totals of a crawl run's counters."""
    def total(*prefixes: str) -> int:
        return int(sum(v for k, v in stats.items() if k.startswith(prefixes) and isinstance(v, (int, float))))

    return {"stored": total("stored/"), "skipped": total("dropped/", "article/skipped/", "source/not_modified"),
            "failed": total("article/failed/", "source/errors")}


def crawl_runs(s: Session, limit: int = 10) -> list[tuple[CrawlRun, dict[str, int]]]:
    runs = s.execute(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit)).scalars().all()
    return [(r, run_counts(r.stats or {})) for r in runs]


def job_runs(s: Session, limit: int = 20) -> list[JobRun]:
    return list(s.execute(select(JobRun).order_by(JobRun.id.desc()).limit(limit)).scalars())
