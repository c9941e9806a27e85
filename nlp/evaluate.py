"""Evaluating the shipped model on a labelled set and printing a report (with the keyword baseline).

    python -m nlp.evaluate nlp/corpus/test.jsonl
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nlp.metrics import MODUS, evaluate_predictions

TARGETS = {
    "relevance F1": 0.95, "article type accuracy": 0.90, "modus micro-F1": 0.90, "modus macro-F1": 0.85,
    "province F1": 0.90, "province F1 with roles": 0.80, "destination-country F1": 0.95, "victims exact match": 0.80,
}


def json_lines(path: Path | str) -> Iterator[tuple[int, Any]]:
    """(line number, value) of each non-blank line of a JSON Lines file; a line that is not JSON is a
    ``ValueError`` naming the file and line."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc


def load_gold(path: Path | str) -> list[dict[str, Any]]:
    out = []
    for n, rec in json_lines(path):
        if "text" not in rec or "relevant" not in rec:
            raise ValueError(f"{path}:{n}: a labelled article needs 'text' and 'relevant'")
        rec.setdefault("modus", [])
        rec.setdefault("locations", [])
        rec.setdefault("victims", None)
        rec.setdefault("article_type", None)
        out.append(rec)
    return out


def evaluate(gold: list[dict[str, Any]], model: Any | None = None) -> dict[str, Any]:
    from nlp.classifier import classify
    from nlp.model import load_model

    model = model or load_model()
    pred = classify([{"id": g.get("id"), "title": g.get("title"), "text": g.get("text")} for g in gold], model)
    report = evaluate_predictions(gold, pred)
    report["model_version"] = model.version
    return report


def headline(report: dict[str, Any]) -> dict[str, float]:
    loc = report["locations"]
    return {
        "relevance F1": report["relevance"]["f1"], "article type accuracy": report["article_type"]["accuracy"],
        "modus micro-F1": report["modus"]["micro"]["f1"], "modus macro-F1": report["modus"]["macro_f1"],
        "province F1": loc["province"]["f1"], "province F1 with roles": loc["province_roles"]["f1"],
        "country F1": loc["country"]["f1"], "country F1 with roles": loc["country_roles"]["f1"],
        "destination-country F1": loc["destination_country"]["f1"],
        "victims exact match": report["victims"]["exact_match"],
    }


def format_report(report: dict[str, Any]) -> str:
    lines = [f"model {report['model_version']} on {report['articles']} articles ({report['relevant_articles']} relevant)", ""]
    lines.append(f"{'score':28} {'value':>7} {'target':>7}")
    for name, value in headline(report).items():
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if value >= target else "  BELOW")
        lines.append(f"{name:28} {value:7.3f} {'' if target is None else f'{target:7.2f}'}{mark}")
    base = report["keyword_baseline"]
    lines += ["", f"keyword baseline (\"perdagangan orang\"/\"TPPO\") relevance F1 {base['relevance']['f1']:.3f}; "
              f"model beats it by {base['f1_margin']:+.3f}", "", "relevance: " + _prf(report["relevance"]), "",
              "modus per class:"]
    for m in MODUS:
        lines.append(f"  {m:22} {_prf(report['modus']['per_class'][m])}")
    lines += ["", "article type per class:"]
    for t, s in report["article_type"]["per_class"].items():
        lines.append(f"  {t:22} {_prf(s)}")
    lines += ["", "article type confusion (gold -> predicted): " + json.dumps(report["article_type"]["confusion"]),
              "modus confusion (gold -> predicted): " + json.dumps(report["modus"]["confusion"]), "", "locations:"]
    for k, s in report["locations"].items():
        lines.append(f"  {k:22} {_prf(s)}")
    return "\n".join(lines)


def _prf(s: dict[str, float]) -> str:
    return f"P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (n={s['support']})"


if __name__ == "__main__":
    rep = evaluate(load_gold(sys.argv[1] if len(sys.argv) > 1 else "nlp/corpus/test.jsonl"))
    print(format_report(rep))
