"""Permission signals of one fetched article and what they allow us to keep.

Text-and-data-mining rights count as reserved when the TDMRep file (``/.well-known/tdmrep.json``), the
``tdm-reservation`` HTTP header or HTML meta says so, or when robots meta carries ``noai`` or
``noarchive``. Then only metadata, the lead and the classification are kept, unless the outlet entry
records a written permission.
"""

from __future__ import annotations

from typing import Any

from crawler.registry import OutletEntry

RESERVING_ROBOTS_TOKENS = frozenset({"noai", "noarchive", "noimageai"})


def _truthy(value: Any) -> bool:
    return str(value).strip() in ("1", "true", "True")


def signals_for(response: Any, page: dict[str, Any], outlet: OutletEntry) -> dict[str, Any]:
    """ArticleItem fields (robots verdict, TDM, withheld, permission) for a fetched page."""
    tdm_file = response.meta.get("tdm") or {}
    header = response.headers.get(b"tdm-reservation")
    header_value = header.decode("latin-1").strip() if header else None
    header_policy = response.headers.get(b"tdm-policy")
    robots_tokens = sorted(set(page.get("robots_meta") or []) & RESERVING_ROBOTS_TOKENS)
    reserved_by = []
    if tdm_file.get("reserved"):
        reserved_by.append("tdmrep.json")
    if header_value is not None and _truthy(header_value):
        reserved_by.append("tdm-reservation header")
    if page.get("tdm_reservation") is not None and _truthy(page["tdm_reservation"]):
        reserved_by.append("tdm-reservation meta")
    reserved_by += [f"robots meta {t}" for t in robots_tokens]
    policy = (tdm_file.get("policy") or (header_policy.decode("latin-1") if header_policy else None)
              or page.get("tdm_policy"))
    reserved = bool(reserved_by)
    permission = {
        "robots_txt": response.meta.get("robots_verdict", "allowed"),
        "robots_meta": page.get("robots_meta") or [],
        "tdm_reserved_by": reserved_by,
        "tdmrep": tdm_file or None,
        "tdm_header": header_value,
        "tdm_meta": page.get("tdm_reservation"),
        "outlet_permission": outlet.permission.status,
        "permission_reference": outlet.permission.reference or None,
    }
    return {
        "robots_verdict": response.meta.get("robots_verdict", "allowed"),
        "tdm_reserved": reserved,
        "tdm_policy_url": policy,
        "text_withheld": reserved and not outlet.permission.recorded,
        "permission": permission,
    }
