"""Scores of predictions against a labelled set (TAXONOMY "Evaluation sets").

Location scores compare sets per article and sum over articles (micro F1): at province level the
set of Indonesian provinces (each Indonesian place counts as its province), at country level the
set of foreign countries or regions (each foreign place counts as its country); "with roles"
compares (province, role) or (country, role) pairs; "destination country" compares the countries
given the ``destination`` role.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

MODUS = ("migrant_worker", "sexual_exploitation", "online_scam", "fishing_crew", "child_exploitation",
         "bride_trafficking", "organ_trafficking", "fake_internship", "baby_selling", "forced_labour")
ARTICLE_TYPES = ("case", "policy", "other")
KEYWORD = re.compile(r"perdagangan orang|\btppo\b", re.I)


def prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": int(tp + fn)}


def _binary(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    return prf(tp, fp, fn)


def keyword_baseline(records: Iterable[dict[str, Any]]) -> list[bool]:
    """Relevant when the title or text says "perdagangan orang" or "TPPO"."""
    return [bool(KEYWORD.search((r.get("title") or "") + "\n" + (r.get("text") or ""))) for r in records]


def _loc_set(locs: list[dict[str, Any]], key: Callable[[dict[str, Any]], str | None], roles: bool,
             only_role: str | None = None) -> set[Any]:
    out: set[Any] = set()
    for loc in locs:
        k = key(loc)
        if k is None or (only_role and loc.get("role") != only_role):
            continue
        out.add((k, loc.get("role")) if roles else k)
    return out


def _province(loc: dict[str, Any]) -> str | None:
    return loc.get("province") if loc.get("country") == "Indonesia" else None


def _country(loc: dict[str, Any]) -> str | None:
    c = loc.get("country")
    return c if c and c != "Indonesia" else None


def location_scores(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    specs = {
        "province": (_province, False, None), "province_roles": (_province, True, None),
        "country": (_country, False, None), "country_roles": (_country, True, None),
        "destination_country": (_country, False, "destination"),
    }
    out = {}
    for name, (key, roles, only) in specs.items():
        tp = fp = fn = 0
        for g, p in zip(gold, pred, strict=True):
            gs = _loc_set(g.get("locations") or [], key, roles, only)
            ps = _loc_set(p.get("locations") or [], key, roles, only)
            tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
        out[name] = prf(tp, fp, fn)
    return out


def modus_scores(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    per: dict[str, dict[str, float]] = {}
    TP = FP = FN = 0
    for m in MODUS:
        tp = sum(m in g["modus"] and m in p.get("modus", []) for g, p in zip(gold, pred, strict=True))
        fp = sum(m not in g["modus"] and m in p.get("modus", []) for g, p in zip(gold, pred, strict=True))
        fn = sum(m in g["modus"] and m not in p.get("modus", []) for g, p in zip(gold, pred, strict=True))
        per[m] = prf(tp, fp, fn)
        TP, FP, FN = TP + tp, FP + fp, FN + fn
    present = [m for m in MODUS if per[m]["support"] > 0]
    confusion: dict[str, Counter[str]] = {m: Counter() for m in MODUS}
    for g, p in zip(gold, pred, strict=True):
        for m in g["modus"]:
            for q in p.get("modus") or ["(none)"]:
                confusion[m][q] += 1
    return {
        "micro": prf(TP, FP, FN),
        "macro_f1": round(sum(per[m]["f1"] for m in present) / len(present), 4) if present else 0.0,
        "per_class": per,
        "confusion": {m: dict(c) for m, c in confusion.items() if c},
    }


def evaluate_predictions(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    """All scores of ``pred`` (classify results) against ``gold`` (labelled records), same order."""
    g_rel = [bool(g["relevant"]) for g in gold]
    p_rel = [bool(p.get("relevant")) for p in pred]
    base = keyword_baseline(gold)
    rel = _binary(g_rel, p_rel)
    base_rel = _binary(g_rel, base)
    rel_idx = [i for i, g in enumerate(g_rel) if g]
    types = [(gold[i]["article_type"], pred[i].get("article_type")) for i in rel_idx]
    type_conf: dict[str, Counter[str]] = {t: Counter() for t in ARTICLE_TYPES}
    for g, p in types:
        type_conf[g][str(p)] += 1
    victims = [gold[i].get("victims") == pred[i].get("victims") for i in rel_idx]
    return {
        "articles": len(gold), "relevant_articles": len(rel_idx),
        "relevance": rel,
        "keyword_baseline": {"relevance": base_rel, "f1_margin": round(rel["f1"] - base_rel["f1"], 4)},
        "article_type": {
            "accuracy": round(sum(g == p for g, p in types) / len(types), 4) if types else 0.0,
            "per_class": {t: _binary([g == t for g, _ in types], [p == t for _, p in types]) for t in ARTICLE_TYPES},
            "confusion": {t: dict(c) for t, c in type_conf.items()},
        },
        "modus": modus_scores([gold[i] for i in rel_idx], [pred[i] for i in rel_idx]),
        "locations": location_scores(gold, pred),
        "victims": {"exact_match": round(sum(victims) / len(victims), 4) if victims else 0.0, "support": len(victims)},
    }
