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
from models.queries import ArticleFilter, count, counts_by, iso_week
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


def overview(s: Session, province: str | None, weeks: int = 12) -> Overview:
    today = today_wib()
    monday = today - timedelta(days=today.weekday())
    week_filter = ArticleFilter(relevant_only=True, since=monday, province=province)
    prev = ArticleFilter(relevant_only=True, since=monday - timedelta(days=7), until=monday - timedelta(days=1),
                         province=province)
    trend_f = ArticleFilter(relevant_only=True, since=monday - timedelta(weeks=weeks - 1), province=province)
    start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC) - WIB
    cases = s.execute(select(Case).where(Case.first_seen >= start).order_by(Case.first_seen.desc()).limit(10)).scalars().all()
    week = iso_week(today)
    signals = s.execute(select(Signal).where(Signal.week == week).order_by(Signal.id.desc()).limit(10)).scalars().all()
    trend = dict(counts_by(s, "week", trend_f))
    series = [(iso_week(monday - timedelta(weeks=k)), trend.get(iso_week(monday - timedelta(weeks=k)), 0))
              for k in range(weeks - 1, -1, -1)]
    return Overview(week, count(s, week_filter), count(s, prev), list(cases), list(signals), series)


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


def sources(s: Session) -> list[SourceRow]:
    outlets = s.execute(select(Outlet).order_by(Outlet.name)).scalars().all()
    stored = dict(s.execute(select(Article.outlet_id, func.count()).group_by(Article.outlet_id)).all())
    out = []
    for o in outlets:
        srcs = s.execute(select(Source).where(Source.outlet_id == o.id)).scalars().all()
        fetched = [x.last_fetched_at for x in srcs if x.last_fetched_at]
        errors = [(x.url, x.last_error or "") for x in srcs if x.last_error][:5]
        out.append(SourceRow(o, len(srcs), sum(1 for x in srcs if x.enabled), max(fetched) if fetched else None,
                             int(stored.get(o.id, 0)), errors))
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
