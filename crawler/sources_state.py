"""Writing outlets and sources (with their conditional-GET state and last errors) to the corpus."""

from __future__ import annotations

from typing import Any

from crawler.registry import OutletEntry


def outlet_attrs(entry: OutletEntry) -> dict[str, Any]:
    return {
        "title": entry.title or entry.name, "domains": list(entry.domains), "country": entry.country,
        "language": entry.language, "kind": entry.kind, "enabled": entry.enabled,
        "permission_status": entry.permission.status, "permission_reason": entry.permission.reason or None,
        "permission_reference": entry.permission.reference or None,
    }


def save_source_states(
    database_url: str,
    outlets: dict[str, OutletEntry],
    seen: dict[str, dict[str, Any]],
    errors: dict[str, list[str]],
) -> None:
    from sqlalchemy import update

    from models import Source, open_database, utcnow
    from models.store import ensure_outlet, ensure_source

    db = open_database(database_url)
    try:
        with db.session() as session:
            for entry in outlets.values():
                outlet_id = ensure_outlet(session, entry.name, **outlet_attrs(entry))
                for kind, url in entry.sources():
                    source_id = ensure_source(session, outlet_id, kind, url)
                    state = seen.get(url)
                    problems = errors.get(url)
                    values: dict[str, Any] = {"last_error": "; ".join(problems)[:2000] if problems else None}
                    if state:
                        values.update(last_fetched_at=utcnow(), last_status=state["status"])
                        if state["etag"] or state["last_modified"]:
                            values.update(etag=state["etag"], last_modified=state["last_modified"])
                    elif problems:
                        values.update(last_fetched_at=utcnow(), last_status="error")
                    session.execute(update(Source).where(Source.id == source_id).values(**values))
    finally:
        db.dispose()
