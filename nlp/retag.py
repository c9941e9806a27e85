"""Re-classifying stored articles with the current model, in committed batches (resumable).

An article needs retagging when it has no current classification or its current classification
was made by another model version. Batches are taken in id order; each batch is one transaction,
so an interrupted run loses at most one batch and the next run goes on where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, or_, select

from models.corpus import Article, Classification


def _pending(version: str) -> Any:
    return (
        select(Article.id)
        .outerjoin(Classification, Classification.id == Article.classification_id)
        .where(or_(Article.classification_id.is_(None), Classification.model_version != version))
    )


def pending_count(db: Any, version: str) -> int:
    with db.session() as session:
        return int(session.execute(select(func.count()).select_from(_pending(version).subquery())).scalar_one())


def retag(db: Any, model: Any, batch: int = 200, limit: int | None = None,
          on_batch: Callable[[int], None] | None = None, settle_after_first: bool = False) -> int:
    """Classify pending articles with ``model`` and save the results; returns how many were done.
    ``settle_after_first``: call :func:`nlp.classifier.settle` once the first batch is saved (for a long run in a
    process of its own, as ``pantau retag``)."""
    from models.store import save_classification
    from nlp.classifier import classify, settle

    done = 0
    after = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        with db.session() as session:
            rows = session.execute(
                select(Article.id, Article.title, Article.text, Article.lead)
                .where(Article.id.in_(_pending(model.version)), Article.id > after)
                .order_by(Article.id)
                .limit(size)
            ).all()
            if not rows:
                break
            items = [{"id": r.id, "title": r.title or "", "text": r.text or r.lead or ""} for r in rows]
            for row, result in zip(rows, classify(items, model), strict=True):
                if "error" not in result:
                    save_classification(session, row.id, result)
            after = rows[-1].id
        done += len(rows)
        if settle_after_first:
            settle()  # after the first batch: the long-lived tables are built (a no-op afterwards)
        if on_batch is not None:
            on_batch(len(rows))
    return done
