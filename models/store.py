"""Writing to the corpus: idempotent article upserts, classifications, outlets, crawl runs.

This is the one place where the rules for writing are kept:
- an article is identified by its canonical URL; storing it again updates the row, never duplicates
  it (``INSERT ... ON CONFLICT DO NOTHING`` then ``UPDATE``, safe with concurrent writers on
  PostgreSQL and on SQLite in WAL mode);
- a classification is unique per (article, model version) and the newest saved one becomes the
  article's current labels;
- every timestamp is timezone-aware UTC.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from . import bulk
from .base import utcnow
from .corpus import Article, Classification, CrawlRun, LocationMention, ModusTag, Outlet, Source
from .label_keys import label_keys

LEAD_MAX_CHARS = 300


@dataclass
class ArticleRecord:
    """What the crawler (or an import) hands to :func:`upsert_article`."""

    canonical_url: str
    original_url: str | None = None
    outlet: str | None = None  # outlet name; created on first use
    title: str | None = None
    text: str | None = None
    lead: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    fetched_at: datetime = field(default_factory=utcnow)
    language: str | None = None
    content_hash: str | None = None
    simhash: int | None = None
    minhash: bytes | None = None
    syndication_group: int | None = None
    via: str | None = "page"
    robots_verdict: str | None = None
    tdm_reserved: bool = False
    tdm_policy_url: str | None = None
    text_withheld: bool = False
    permission: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in _RECORD_FIELDS}
        if self.text_withheld:
            values["text"] = None
        lead = values.get("lead") or (self.text or "")[:LEAD_MAX_CHARS] or None
        values["lead"] = lead[:LEAD_MAX_CHARS] if lead else None
        values["word_count"] = len(self.text.split()) if self.text else None
        values["updated_at"] = utcnow()
        return values


_RECORD_FIELDS = tuple(f.name for f in fields(ArticleRecord) if f.name != "outlet")


@dataclass(frozen=True)
class UpsertResult:
    id: int
    created: bool


def _insert(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def ensure_outlet(session: Session, name: str, **attrs: Any) -> int:
    """Return the id of outlet ``name``, creating it (race-safe) when missing; ``attrs`` update it."""
    ins = _insert(session)
    row = {"name": name, "domains": [], "created_at": utcnow(), "updated_at": utcnow(), **attrs}
    row.setdefault("country", "ID")
    row.setdefault("language", "id")
    row.setdefault("kind", "news")
    row.setdefault("enabled", True)
    row.setdefault("permission_status", "allowed")
    session.execute(ins(Outlet).values(**row).on_conflict_do_nothing(index_elements=["name"]))
    if attrs:
        session.execute(update(Outlet).where(Outlet.name == name).values(**attrs, updated_at=utcnow()))
    outlet_id = session.execute(select(Outlet.id).where(Outlet.name == name)).scalar_one()
    return int(outlet_id)


def ensure_source(session: Session, outlet_id: int, kind: str, url: str) -> int:
    ins = _insert(session)
    session.execute(
        ins(Source).values(outlet_id=outlet_id, kind=kind, url=url, enabled=True).on_conflict_do_nothing(
            index_elements=["url"]
        )
    )
    return int(session.execute(select(Source.id).where(Source.url == url)).scalar_one())


def upsert_article(session: Session, record: ArticleRecord) -> UpsertResult:
    """Store ``record``; the same canonical URL updates the existing row. Returns id and whether new."""
    values = record.row()
    if record.outlet:
        values["outlet_id"] = ensure_outlet(session, record.outlet)
    ins = _insert(session)
    new_id = session.execute(
        ins(Article).values(**values).on_conflict_do_nothing(index_elements=["canonical_url"]).returning(Article.id)
    ).scalar()
    if new_id is not None:
        return UpsertResult(int(new_id), True)
    changes = {k: v for k, v in values.items() if k != "canonical_url"}
    existing = session.execute(
        update(Article)
        .where(Article.canonical_url == record.canonical_url)
        .values(**changes)
        .returning(Article.id)
    ).scalar_one()
    return UpsertResult(int(existing), False)


def bulk_upsert_articles(session: Session, records: Sequence[ArticleRecord], outlet_ids: Mapping[str, int]) -> int:
    """Fast path for imports, crawls and benchmarks: many upserts at once; outlets must already exist.

    Same rules as :func:`upsert_article` (a repeated URL in ``records``: the last one wins). See
    :mod:`models.bulk` for how each backend does it. Returns the number of distinct URLs written.
    """
    if not records:
        return 0
    rows = []
    for rec in records:
        row = rec.row()
        row["outlet_id"] = outlet_ids.get(rec.outlet) if rec.outlet else None
        rows.append(row)
    dialect = session.get_bind().dialect
    columns, params = bulk.driver_rows(rows, dialect)  # before the transaction takes SQLite's write lock
    if dialect.name == "postgresql":
        bulk.upsert_postgresql(session.connection(), columns, params)
    else:
        bulk.upsert_sqlite(session.connection(), columns, params)
    return len(params)


def known_urls(session: Session, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` are already stored as canonical URLs (for incremental crawls)."""
    urls = list(urls)
    found: set[str] = set()
    for i in range(0, len(urls), 500):
        chunk = urls[i : i + 500]
        found.update(session.execute(select(Article.canonical_url).where(Article.canonical_url.in_(chunk))).scalars())
    return found


def find_by_content_hash(session: Session, content_hash: str) -> int | None:
    return session.execute(
        select(Article.id).where(Article.content_hash == content_hash).order_by(Article.id).limit(1)
    ).scalar()


def _location_row(classification_id: int, article_id: int, loc: Mapping[str, Any]) -> dict[str, Any]:
    """A ``location_mention`` row from a TAXONOMY location object (province code derived from its code)."""
    code, level = loc.get("code"), loc.get("level") or "other"
    province_code = loc.get("province_code")
    if not province_code and loc.get("country") == "Indonesia" and code and level in ("province", "kabkota"):
        province_code = str(code).split(".")[0]
    return {
        "classification_id": classification_id, "article_id": article_id, "name": str(loc.get("name") or "")[:200],
        "level": level, "code": code, "province": loc.get("province"), "province_code": province_code,
        "country": loc.get("country"), "role": loc.get("role") or "mention", "evidence": loc.get("evidence"),
    }


def save_classification(session: Session, article_id: int, result: Mapping[str, Any]) -> int:
    """Store a classifier result (TAXONOMY ``classify`` contract) and make it the article's current labels.

    Saving the same model version again replaces that version's labels.
    """
    version = str(result.get("model_version") or "unknown")
    # Serialise concurrent classifications of one article (row lock on PostgreSQL; SQLite
    # transactions already hold the database's write lock).
    session.execute(select(Article.id).where(Article.id == article_id).with_for_update())
    session.execute(
        delete(Classification).where(
            Classification.article_id == article_id, Classification.model_version == version
        )
    )
    modus = list(result.get("modus") or [])
    scores = dict(result.get("modus_scores") or {})
    evidence = dict(result.get("evidence") or {})
    cls = Classification(
        article_id=article_id,
        model_version=version,
        relevant=bool(result.get("relevant")),
        relevance_score=float(result.get("relevance_score") or 0.0),
        article_type=result.get("article_type"),
        modus=modus,
        modus_scores=scores,
        evidence=evidence,
        victims=result.get("victims"),
        language=result.get("language"),
        created_at=utcnow(),
    )
    session.add(cls)
    session.flush()
    for m in modus:
        session.add(
            ModusTag(classification_id=cls.id, article_id=article_id, modus=m, score=scores.get(m), evidence=evidence.get(m))
        )
    places = [_location_row(cls.id, article_id, loc) for loc in result.get("locations") or []]
    for place in places:
        session.add(LocationMention(**place))
    session.execute(
        update(Article)
        .where(Article.id == article_id)
        .values(
            classification_id=cls.id,
            relevant=cls.relevant,
            relevance_score=cls.relevance_score,
            article_type=cls.article_type,
            victims=cls.victims,
            label_keys=label_keys(cls.relevant, cls.article_type, modus, places),
        )
    )
    return int(cls.id)


def start_crawl_run(session: Session, job: str = "crawl", outlets: Sequence[str] = ()) -> int:
    run = CrawlRun(job=job, outlets=list(outlets), started_at=utcnow(), host=socket.gethostname(), pid=os.getpid())
    session.add(run)
    session.flush()
    return int(run.id)


def finish_crawl_run(
    session: Session,
    run_id: int,
    status: str,
    stats: Mapping[str, Any] | None = None,
    errors: Mapping[str, Any] | None = None,
) -> None:
    session.execute(
        update(CrawlRun)
        .where(CrawlRun.id == run_id)
        .values(status=status, finished_at=utcnow(), stats=dict(stats or {}), errors=dict(errors or {}))
    )


def bulk_save_classifications(session: Session, results: Sequence[tuple[int, Mapping[str, Any]]]) -> int:
    """Fast path of :func:`save_classification` for many articles at once (imports, retag, benchmarks).

    Each ``(article_id, result)`` pair must be a new (article, model version) pair.
    """
    if not results:
        return 0
    now = utcnow()
    cls_rows = [
        {
            "article_id": aid, "model_version": str(r.get("model_version") or "unknown"), "created_at": now,
            "relevant": bool(r.get("relevant")), "relevance_score": float(r.get("relevance_score") or 0.0),
            "article_type": r.get("article_type"), "modus": list(r.get("modus") or []),
            "modus_scores": dict(r.get("modus_scores") or {}), "evidence": dict(r.get("evidence") or {}),
            "victims": r.get("victims"), "language": r.get("language"),
        }
        for aid, r in results
    ]
    conn = session.connection()
    conn.execute(insert(Classification.__table__), cls_rows)  # Core executemany; ids read back below
    ids = _classification_ids(session, [(row["article_id"], row["model_version"]) for row in cls_rows])
    tags, places, updates = [], [], []
    for cid, (aid, r), row in zip(ids, results, cls_rows, strict=True):
        for m in row["modus"]:
            tags.append({"classification_id": cid, "article_id": aid, "modus": m,
                         "score": row["modus_scores"].get(m), "evidence": row["evidence"].get(m)})
        own = [_location_row(cid, aid, loc) for loc in r.get("locations") or []]
        places.extend(own)
        updates.append({"b_id": aid, "b_cid": cid, "b_rel": row["relevant"], "b_score": row["relevance_score"],
                        "b_type": row["article_type"], "b_victims": row["victims"],
                        "b_keys": label_keys(row["relevant"], row["article_type"], row["modus"], own)})
    if tags:
        conn.execute(insert(ModusTag.__table__), tags)
    if places:
        conn.execute(insert(LocationMention.__table__), places)
    conn.execute(
        update(Article.__table__)
        .where(Article.__table__.c.id == bindparam("b_id"))
        .values(classification_id=bindparam("b_cid"), relevant=bindparam("b_rel"), relevance_score=bindparam("b_score"),
                article_type=bindparam("b_type"), victims=bindparam("b_victims"), label_keys=bindparam("b_keys")),
        updates,
    )
    return len(ids)


def _classification_ids(session: Session, keys: Sequence[tuple[int, str]]) -> list[int]:
    """Ids of the classifications of ``keys`` (article id, model version), in the same order.

    Reading them back by their unique key is linear; ``INSERT ... RETURNING`` with rows sorted by
    parameter order made SQLAlchemy splice result batches quadratically.
    """
    found: dict[tuple[int, str], int] = {}
    table = Classification.__table__
    for version in {v for _, v in keys}:
        article_ids = [aid for aid, v in keys if v == version]
        for i in range(0, len(article_ids), 900):
            chunk = article_ids[i : i + 900]
            for aid, cid in session.execute(
                select(table.c.article_id, table.c.id).where(table.c.model_version == version, table.c.article_id.in_(chunk))
            ):
                found[(aid, version)] = cid
    return [found[key] for key in keys]
