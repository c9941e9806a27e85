"""Freeze a deterministic sample of the project's written corpus into ``articles.json`` (run once).

``python -m crawler.mirror.freeze`` reads ``nlp/corpus/train.jsonl`` (written by this project), picks
trafficking news of every modus present plus ordinary news, ordered by a hash of the id, and writes
``crawler/mirror/articles.json``. The mirror then stays stable while the corpus grows.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "nlp" / "corpus" / "train.jsonl"
OUT = HERE / "articles.json"
RELEVANT, NEGATIVE = 64, 32
KEEP = ("id", "title", "text", "relevant", "article_type", "modus", "style")


def _key(rec: dict) -> str:
    return hashlib.sha1(rec["id"].encode()).hexdigest()


def sample(records: list[dict]) -> list[dict]:
    records = sorted(records, key=_key)
    relevant = [r for r in records if r.get("relevant")]
    negatives = [r for r in records if not r.get("relevant")]
    chosen: list[dict] = []
    # round-robin over modus so every modus present in the corpus is in the mirror
    by_modus: dict[str, list[dict]] = {}
    for rec in relevant:
        by_modus.setdefault((rec.get("modus") or ["none"])[0], []).append(rec)
    while len(chosen) < RELEVANT and any(by_modus.values()):
        for modus in sorted(by_modus):
            if by_modus[modus] and len(chosen) < RELEVANT:
                chosen.append(by_modus[modus].pop(0))
    chosen += negatives[:NEGATIVE]
    return [{k: r.get(k) for k in KEEP} for r in sorted(chosen, key=_key)]


def main() -> int:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = sample(records)
    if len(picked) < 80:
        print(f"only {len(picked)} texts available; need at least 80", file=sys.stderr)
        return 1
    OUT.write_text(json.dumps(picked, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(picked)} articles to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
