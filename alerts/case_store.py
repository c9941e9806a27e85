"""Database side of case linking: read a batch of articles with their labels, read open cases,
write cases, memberships and places in bulk.

Plain rows (SQLAlchemy Core), a fixed number of queries per batch whatever its size: the articles, their
modus tags and their place mentions are three queries bounded by the batch's date range (no per-article
query, no long IN lists); new cases, memberships and places are written with PostgreSQL ``COPY`` (Core
executemany on SQLite), updated cases with one executemany.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from alerts import features
from alerts.linking import ArticleFacts, CaseState

TEXT_CHARS = 2000  # every feature reads only the start of an article (initials: the first 2,000 characters)

_CASE_COLS = ("title", "summary", "first_seen", "last_seen", "stage", "modus", "victims", "suspects", "article_count",
              "outlet_count", "data", "updated_at")
_MEMBER_COLS = ("case_id", "article_id", "score", "reason", "linked_at")
_PLACE_COLS = ("case_id", "name", "level", "code", "province_code", "country", "role")


def _batch_filter(since: datetime | None, until: datetime | None) -> list[Any]:
    from sqlalchemy import exists

    from models.cases import CaseArticle
    from models.corpus import Article

    conds = [Article.relevant.is_(True), Article.article_type == "case", Article.published_at.is_not(None),
             ~exists().where(CaseArticle.article_id == Article.id)]
    if since is not None:
        conds.append(Article.published_at >= since)
    if until is not None:
        conds.append(Article.published_at < until)
    return conds


def load_articles(session: Any, since: datetime | None, until: datetime | None,
                  limit: int | None = None) -> list[ArticleFacts]:
    """Relevant case articles in no case yet, published in [since, until), in publication order, with
    their modus and places. The signature the crawler stored is used; only articles stored without one
    bring their whole text (to compute the same signature)."""
    from sqlalchemy import case, func, select

    from models.corpus import Article, LocationMention, ModusTag

    conds = _batch_filter(since, until)
    text = case((Article.minhash.is_(None), Article.text), else_=func.substr(Article.text, 1, TEXT_CHARS))
    stmt = (select(Article.id, Article.title, text.label("text"), Article.lead, Article.published_at, Article.outlet_id,
                   Article.victims, Article.classification_id, Article.minhash)
            .where(*conds).order_by(Article.published_at, Article.id))
    if limit:
        stmt = stmt.limit(limit)
    by_cls: dict[int, ArticleFacts] = {}
    out = []
    for r in session.execute(stmt):
        a = ArticleFacts(id=r.id, title=r.title or "", text=r.text or r.lead or "", published_at=r.published_at,
                         outlet_id=r.outlet_id, victims=r.victims, sig=features.stored_signature(r.minhash))
        out.append(a)
        if r.classification_id:
            by_cls[r.classification_id] = a
    if not by_cls:
        return out
    # The labels of the same batch: a semi-join on the batch's conditions instead of thousands of ids.
    current = select(Article.classification_id).where(*conds, Article.classification_id.is_not(None))
    for cid, modus in session.execute(select(ModusTag.classification_id, ModusTag.modus)
                                      .where(ModusTag.classification_id.in_(current))):
        a = by_cls.get(cid)
        if a is not None:
            a.modus.add(modus)
    cols = (LocationMention.name, LocationMention.level, LocationMention.code, LocationMention.province,
            LocationMention.province_code, LocationMention.country, LocationMention.role)
    keys = [c.key for c in cols]
    for row in session.execute(select(LocationMention.classification_id, *cols)
                               .where(LocationMention.classification_id.in_(current))):
        a = by_cls.get(row[0])
        if a is not None:
            a.locations.append(dict(zip(keys, row[1:], strict=True)))
    return out


def open_cases(session: Any, since: datetime) -> list[CaseState]:
    """Cases seen since ``since`` (plain rows, oldest first), with the linker's state."""
    from sqlalchemy import select

    from models.cases import Case

    t = Case.__table__
    rows = session.execute(select(t.c.id, t.c.title, t.c.summary, t.c.first_seen, t.c.last_seen, t.c.stage, t.c.modus,
                                  t.c.article_count, t.c.data)
                           .where(t.c.last_seen >= since).order_by(t.c.first_seen))
    return [CaseState.from_row(r) for r in rows]


def _case_row(c: CaseState, now: datetime) -> dict[str, Any]:
    return {"title": (c.title or "(tanpa judul)")[:1000], "summary": c.summary, "first_seen": c.first_seen,
            "last_seen": c.last_seen, "stage": c.stage or "reported", "modus": sorted(c.modus), "victims": c.victims,
            "suspects": c.suspects, "article_count": c.article_count, "outlet_count": len(c.outlets),
            "data": c.data(), "updated_at": now}


def _location_rows(case_id: int, c: CaseState) -> list[dict[str, Any]]:
    rows = []
    for loc in c.locations.values():
        code, level = loc.get("code"), loc.get("level") or "other"
        pcode = loc.get("province_code") or (str(code).split(".")[0] if code and level in ("province", "kabkota")
                                             and loc.get("country") in (None, "Indonesia") else None)
        rows.append({"case_id": case_id, "name": str(loc.get("name") or "")[:200], "level": level, "code": code,
                     "province_code": pcode, "country": loc.get("country"), "role": loc.get("role") or "mention"})
    return rows


def _copy(session: Any, table: str, cols: Sequence[str], rows: list[dict[str, Any]], json_cols: Sequence[str] = ()) -> None:
    """PostgreSQL COPY of plain rows into ``table`` (JSON columns as text)."""
    raw = session.connection().connection.driver_connection
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as cp:
        for row in rows:
            cp.write_row([json.dumps(row[c], ensure_ascii=False) if c in json_cols else row[c] for c in cols])


def write_cases(session: Any, cases: Sequence[CaseState], now: datetime) -> tuple[int, int]:
    """Insert the new cases, update the changed ones, add memberships and the places not yet known.
    Returns (new, updated)."""
    from sqlalchemy import bindparam, func, insert, select, update

    from models.cases import Case, CaseArticle, CaseLocation

    new = [c for c in cases if c.dirty and c.id is None]
    old = [c for c in cases if c.dirty and c.id is not None]
    postgres = session.get_bind().dialect.name == "postgresql"
    case_t = Case.__table__
    if new and postgres:
        seq = func.pg_get_serial_sequence("tppo_case", "id")
        ids = session.execute(select(func.nextval(seq)).select_from(func.generate_series(1, len(new)))).scalars().all()
        for c, cid in zip(new, ids, strict=True):
            c.id = int(cid)
        _copy(session, "tppo_case", ("id", *_CASE_COLS, "created_at"),
              [{**_case_row(c, now), "id": c.id, "created_at": now} for c in new], json_cols=("modus", "data"))
    elif new:
        for i in range(0, len(new), 500):  # RETURNING with many rows costs quadratic time in the driver layer
            chunk = new[i : i + 500]
            ids = session.connection().execute(
                insert(case_t).returning(case_t.c.id, sort_by_parameter_order=True),
                [{**_case_row(c, now), "created_at": now} for c in chunk]).scalars().all()
            for c, cid in zip(chunk, ids, strict=True):
                c.id = int(cid)
    if old:
        stmt = update(case_t).where(case_t.c.id == bindparam("case_id")).values(
            {col: bindparam(col) for col in _CASE_COLS})
        session.connection().execute(stmt, [{**_case_row(c, now), "case_id": c.id} for c in old])
    known: set[tuple[Any, ...]] = set()
    old_ids = [c.id for c in old]
    loc_t = CaseLocation.__table__
    for i in range(0, len(old_ids), 5000):
        known.update(tuple(r) for r in session.execute(
            select(loc_t.c.case_id, loc_t.c.code, loc_t.c.name, loc_t.c.role).where(loc_t.c.case_id.in_(old_ids[i : i + 5000]))))
    members = [{"case_id": c.id, "article_id": aid, "score": s, "reason": reason, "linked_at": now}
               for c in new + old for aid, s, reason in c.new_articles]
    places = [row for c in new + old for row in _location_rows(int(c.id), c)  # type: ignore[arg-type]
              if (row["case_id"], row["code"], row["name"], row["role"]) not in known]
    if postgres:
        _copy(session, "case_article", _MEMBER_COLS, members)
        _copy(session, "case_location", _PLACE_COLS, places)
    else:
        conn = session.connection()
        if members:
            conn.execute(insert(CaseArticle.__table__), members)
        if places:
            conn.execute(insert(loc_t), places)
    for c in new + old:
        c.new_articles.clear()
        c.dirty = False
    return len(new), len(old)
