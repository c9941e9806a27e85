"""The current labels of an article as a short list of keys, stored on the article row.

``article.label_keys`` holds one key per filterable label of the article's current classification:

- ``r`` relevant to trafficking in persons;
- ``t:<type>`` article type (case, policy, other);
- ``m:<modus>`` each modus code;
- ``p:<province code>`` each province mentioned (any role, Kemendagri code such as ``32``);
- ``k:<kab/kota code>`` each kabupaten/kota mentioned (``32.73``).

They are written with the labels themselves (:func:`models.store.save_classification` and its bulk
form), so the filters of a search need no join. On PostgreSQL the keys share one GIN index with the
full-text ``search_vector`` (migration 0005): a query such as ``banjir`` with modus ``online_scam``
is then one index scan that intersects both posting lists, however rarely they meet. The labels
themselves stay in ``classification``, ``modus_tag`` and ``location_mention``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

RELEVANT = "r"


def type_key(article_type: str) -> str:
    return f"t:{article_type}"


def modus_key(modus: str) -> str:
    return f"m:{modus}"


def province_key(code: str) -> str:
    return f"p:{code}"


def kabkota_key(code: str) -> str:
    return f"k:{code}"


def label_keys(relevant: bool | None, article_type: str | None, modus: Iterable[str],
               locations: Iterable[Mapping[str, Any]]) -> list[str]:
    """Sorted keys of one classification; ``locations`` are ``location_mention`` rows (dicts with
    ``province_code``, ``code`` and ``level``)."""
    keys = {modus_key(m) for m in modus if m}
    if relevant:
        keys.add(RELEVANT)
    if article_type:
        keys.add(type_key(article_type))
    for loc in locations:
        if loc.get("province_code"):
            keys.add(province_key(str(loc["province_code"])))
        if loc.get("level") == "kabkota" and loc.get("code"):
            keys.add(kabkota_key(str(loc["code"])))
    return sorted(keys)


def split_keys(keys: Sequence[str] | None) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(modus codes, province codes, kab/kota codes) of stored keys, each sorted."""
    modus, provinces, kabkota = [], [], []
    for key in keys or ():
        kind, _, value = key.partition(":")
        if kind == "m":
            modus.append(value)
        elif kind == "p":
            provinces.append(value)
        elif kind == "k":
            kabkota.append(value)
    return tuple(sorted(modus)), tuple(sorted(provinces)), tuple(sorted(kabkota))
