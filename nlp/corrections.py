"""Analysts' corrections (table ``correction``) turned into training records for the classifier.

``correction_records(db)`` gives one labelled record per corrected article (TAXONOMY evaluation-set
fields): the article's current labels with the newest correction of each field applied. Articles
whose text was withheld are trained on their title and lead only. ``train_with_corrections`` trains
a new model version on the train split plus these records, saves it, and writes its evaluation on
the held-out set to ``<data_dir>/evaluations/<version>.json`` for the web app's evaluation page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

EVALUATIONS_SUBDIR = "evaluations"
_LOCATION_KEYS = ("name", "level", "code", "province", "country", "role")


def correction_records(db: Any) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from models.corpus import Article, Classification, LocationMention
    from models.operations import Correction

    out: list[dict[str, Any]] = []
    with db.session(readonly=True) as s:
        ids = sorted({int(i) for i in s.execute(select(Correction.article_id)).scalars()})
        for article_id in ids:
            a = s.get(Article, article_id)
            if a is None:
                continue
            rec: dict[str, Any] = {"id": f"correction-{a.id}", "title": a.title or "",
                                   "text": a.text if (a.text and not a.text_withheld) else (a.lead or ""),
                                   "relevant": bool(a.relevant), "article_type": a.article_type, "modus": [],
                                   "locations": [], "victims": a.victims}
            if a.classification_id:
                cls = s.get(Classification, a.classification_id)
                rec["modus"] = sorted(cls.modus or []) if cls else []
                rec["locations"] = [{k: getattr(m, k) for k in _LOCATION_KEYS} for m in s.execute(
                    select(LocationMention).where(LocationMention.classification_id == a.classification_id)).scalars()]
            for c in s.execute(select(Correction).where(Correction.article_id == a.id)
                               .order_by(Correction.created_at, Correction.id)).scalars():
                if c.field in ("relevant", "article_type", "modus", "locations"):
                    rec[c.field] = c.new_value
            if not rec["relevant"]:
                rec.update(article_type=None, modus=[])
            elif rec["article_type"] is None:
                rec["article_type"] = "other"
            if rec["title"] or rec["text"]:
                out.append(rec)
    return out


def train_with_corrections(db: Any, corpus: Path | str | None, output: Path | str, config: Path | str | None,
                           data_dir: Path, gold: Path | str | None = None) -> tuple[Any, int, Path | None]:
    """Train on the train split (or ``corpus``) plus corrections; returns (model, corrections used, report path)."""
    from nlp import train as training
    from nlp.model import save_model
    from nlp.settings import CORPUS_DIR, load_config

    extra = correction_records(db)
    records = training.load_training_records(corpus) + extra
    model = training.train(records, load_config(config))
    model.info["corrections"] = len(extra)
    save_model(model, output)
    gold_path = Path(gold) if gold else Path(CORPUS_DIR) / "test.jsonl"
    report_path = None
    if gold_path.is_file():
        from nlp.evaluate import evaluate, load_gold

        report = evaluate(load_gold(gold_path), model)
        folder = data_dir / EVALUATIONS_SUBDIR
        folder.mkdir(parents=True, exist_ok=True)
        report_path = folder / f"{model.version}.json"
        report_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return model, len(extra), report_path
