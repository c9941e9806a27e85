"""Analysts' corrections of an article's labels: validation, storage (who and when), effective labels.

A correction never edits the classifier's output; it is a row in ``correction``. The labels shown
are the model's, overridden field by field by the newest correction. ``nlp/corrections.py`` turns
these rows into training records for ``pantau nlp train --with-corrections``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.corpus import Article, Classification, LocationMention
from models.operations import Correction
from pantau import regions
from pantau.taxonomy import ARTICLE_TYPES, LOCATION_LEVELS, MODUS, ROLES

FIELDS = ("relevant", "article_type", "modus", "locations")
MAX_LOCATIONS = 30


class CorrectionError(ValueError):
    pass


def model_labels(session: Session, article: Article) -> dict[str, Any]:
    labels: dict[str, Any] = {"relevant": article.relevant, "article_type": article.article_type, "modus": [],
                              "locations": [], "evidence": {}, "modus_scores": {}, "model_version": None}
    if article.classification_id:
        cls = session.get(Classification, article.classification_id)
        if cls is not None:
            labels.update(modus=sorted(cls.modus or []), evidence=cls.evidence or {}, modus_scores=cls.modus_scores or {},
                          model_version=cls.model_version)
        labels["locations"] = [
            {"name": m.name, "level": m.level, "code": m.code, "province": m.province, "country": m.country,
             "role": m.role, "evidence": m.evidence}
            for m in session.execute(select(LocationMention).where(
                LocationMention.classification_id == article.classification_id).order_by(LocationMention.id)).scalars()
        ]
    return labels


def history(session: Session, article_id: int) -> list[Correction]:
    return list(session.execute(select(Correction).where(Correction.article_id == article_id)
                                .order_by(Correction.created_at, Correction.id)).scalars())


def effective_labels(session: Session, article: Article) -> dict[str, Any]:
    labels = model_labels(session, article)
    labels["corrected"] = []
    for c in history(session, article.id):
        labels[c.field] = c.new_value
        if c.field not in labels["corrected"]:
            labels["corrected"].append(c.field)
    return labels


def parse_locations(raw: str) -> list[dict[str, Any]]:
    """One place per line: ``name | level | code | role`` (code may be empty)."""
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4 or not parts[0]:
            raise CorrectionError(f"lokasi baris {n}: tulis 'nama | tingkat | kode | peran'")
        name, level, code, role = parts
        if level not in LOCATION_LEVELS:
            raise CorrectionError(f"lokasi baris {n}: tingkat {level!r} tidak dikenal ({', '.join(LOCATION_LEVELS)})")
        if role not in ROLES:
            raise CorrectionError(f"lokasi baris {n}: peran {role!r} tidak dikenal ({', '.join(ROLES)})")
        province = None
        country = None
        if level in ("province", "kabkota"):
            try:
                code = regions.province_code(code) if level == "province" else regions.kabkota_code(code)
            except regions.UnknownRegion as exc:
                raise CorrectionError(f"lokasi baris {n}: {exc}") from exc
            province = regions.provinces()[code[:2]]
            country = "Indonesia"
        out.append({"name": name[:200], "level": level, "code": code or None, "province": province,
                    "country": country, "role": role})
    if len(out) > MAX_LOCATIONS:
        raise CorrectionError(f"terlalu banyak lokasi (paling banyak {MAX_LOCATIONS})")
    return out


def parse_form(relevant: str, article_type: str, modus: list[str], locations: str | None) -> dict[str, Any]:
    """The corrected values a form asks for; raises CorrectionError before anything is written."""
    values: dict[str, Any] = {}
    if relevant not in ("ya", "tidak"):
        raise CorrectionError("relevansi harus 'ya' atau 'tidak'")
    values["relevant"] = relevant == "ya"
    if article_type not in ("", *ARTICLE_TYPES):
        raise CorrectionError(f"jenis artikel {article_type!r} tidak dikenal")
    values["article_type"] = article_type or None if values["relevant"] else None
    unknown = [m for m in modus if m not in MODUS]
    if unknown:
        raise CorrectionError(f"modus tidak dikenal: {', '.join(unknown[:3])}")
    values["modus"] = sorted(set(modus)) if values["relevant"] else []
    if locations is not None:
        values["locations"] = parse_locations(locations)
    return values


def save(session: Session, article: Article, values: dict[str, Any], author: str) -> list[str]:
    """Store one Correction per field whose value changes; returns the changed fields."""
    current = effective_labels(session, article)
    changed = []
    now = utcnow()
    for field in FIELDS:
        if field not in values:
            continue
        old = current.get(field)
        if field == "locations":
            old = [{k: loc.get(k) for k in ("name", "level", "code", "province", "country", "role")} for loc in old or []]
            if _location_keys(old) == _location_keys(values[field]):
                continue
        elif old == values[field]:
            continue
        session.add(Correction(article_id=article.id, field=field, old_value=old, new_value=values[field],
                               author=author, created_at=now))
        changed.append(field)
    return changed


def _location_keys(locations: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((loc.get("name"), loc.get("level"), loc.get("code"), loc.get("role")) for loc in locations)


def locations_text(locations: list[dict[str, Any]]) -> str:
    return "\n".join(f"{loc.get('name')} | {loc.get('level')} | {loc.get('code') or ''} | {loc.get('role')}"
                     for loc in locations or [])
