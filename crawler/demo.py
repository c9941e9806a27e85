"""`pantau demo`: start the mirror, crawl it into a fresh SQLite corpus, print what happened."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

from pantau import config as pantau_config


def _top(db_url: str) -> tuple[Counter[str], Counter[str], int, int]:
    from sqlalchemy import func, select

    from models import Article, LocationMention, ModusTag, open_database

    db = open_database(db_url)
    try:
        with db.session() as s:
            modus = Counter(dict(s.execute(select(ModusTag.modus, func.count()).group_by(ModusTag.modus)).all()))
            places = Counter(dict(s.execute(
                select(func.coalesce(LocationMention.province, LocationMention.name), func.count())
                .group_by(func.coalesce(LocationMention.province, LocationMention.name))).all()))
            total = s.execute(select(func.count()).select_from(Article)).scalar_one()
            relevant = s.execute(select(func.count()).select_from(Article).where(Article.relevant.is_(True))).scalar_one()
    finally:
        db.dispose()
    return modus, places, int(total), int(relevant)


def run_demo(cfg: pantau_config.Config, fresh: bool = True) -> None:
    from models import open_database
    from models.db import upgrade

    from crawler.mirror.server import MirrorServer
    from crawler.runner import CrawlOptions, run_crawl

    demo_dir = cfg.data_dir / "demo"
    if fresh and demo_dir.exists():
        shutil.rmtree(demo_dir)
    demo_dir.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{(demo_dir / 'pantau.db').as_posix()}"
    db = open_database(db_url, require_schema=False)
    upgrade(db.engine)
    db.dispose()
    demo_cfg = pantau_config.Config(**{**cfg.__dict__, "data_dir": demo_dir, "database_url": db_url, "redis_url": "",
                                       "download_delay": 0.0, "download_timeout": 4})
    with MirrorServer() as mirror, tempfile.TemporaryDirectory() as tmp:
        sources = mirror.write_sources(Path(tmp) / "mirror.toml")
        print("mirror started: " + ", ".join(f"{n} ({mirror.base(n)})" for n in mirror.names))
        opts = CrawlOptions(sources_file=str(sources), only_sources_file=True, progress=True,
                            settings={"AUTOTHROTTLE_ENABLED": False, "RETRY_TIMES": 1})
        summary = run_crawl(opts, demo_cfg, db_url)
    modus, places, total, relevant = _top(db_url)
    s = summary.stats
    print(f"\nsources: {len(summary.outlets)} outlets, {s.get('source/requested/rss', 0) + s.get('source/requested/news_sitemap', 0) + s.get('source/requested/listing', 0)} feeds/sitemaps/listings")
    print(f"pages fetched: {summary.fetched}")
    print(f"articles stored: {total} ({relevant} about trafficking; {s.get('stored/text_withheld', 0)} with text withheld for TDM reservations; {s.get('dedup/syndicated', 0)} syndicated copies linked)")
    reasons = {**{f"dropped ({k})": v for k, v in summary.dropped.items()},
               "forbidden by robots.txt": s.get("robotstxt/forbidden", 0), "not HTML": s.get("article/skipped/not_html", 0),
               "download failed": sum(v for k, v in s.items() if k.startswith("article/failed/"))}
    print("skipped: " + (", ".join(f"{k}: {v}" for k, v in reasons.items() if v) or "none"))
    for source, errors in summary.source_errors.items():
        print(f"  source problem: {source}: {errors[0]}")
    if not modus and not places:
        print("classifier: not available (nlp room missing or failing): articles stored without labels")
    print("top modus: " + (", ".join(f"{m} ({n})" for m, n in modus.most_common(5)) or "-"))
    print("top places: " + (", ".join(f"{p} ({n})" for p, n in places.most_common(5)) or "-"))
    print(f"corpus: {db_url}   (try: pantau --db {db_url} query --format jsonl)")
