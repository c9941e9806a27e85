"""Build and validate the written training corpus.

The corpus is written by hand in a plain-text source format under ``nlp/corpus/src/{train,test}/*.txt``
(easier to write and review than JSON). This module parses it, validates every record against the
TAXONOMY contract and writes ``nlp/corpus/train.jsonl`` and ``nlp/corpus/test.jsonl``.

Source format, one block per article::

    === id: w1-001
    title: Polisi Gagalkan Pengiriman 12 PMI Ilegal ke Malaysia
    relevant: true
    article_type: case
    modus: migrant_worker, forced_labour
    victims: 12
    loc: Kabupaten Sukabumi | kabkota | Jawa Barat | Indonesia | origin
    loc: Malaysia | country | - | Malaysia | destination
    style: kompas
    ---
    First paragraph of the text...

    Second paragraph...

``loc`` fields are: name | level | province (or -) | country | role.
Run ``python -m nlp.corpus.build`` to rebuild; it exits non-zero and lists every problem it finds.
``python -m nlp.corpus.build --check`` validates the sources without writing the JSON Lines files.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

MODUS = (
    "migrant_worker",
    "sexual_exploitation",
    "online_scam",
    "fishing_crew",
    "child_exploitation",
    "bride_trafficking",
    "organ_trafficking",
    "fake_internship",
    "baby_selling",
    "forced_labour",
)
ARTICLE_TYPES = ("case", "policy", "other")
LEVELS = ("province", "kabkota", "country", "other")
ROLES = ("origin", "incident", "destination", "transit", "dateline", "mention")
PROVINCES = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu",
    "Lampung", "Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta", "Jawa Barat",
    "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat",
    "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan",
    "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan",
    "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat", "Maluku", "Maluku Utara", "Papua",
    "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya",
)
MIN_WORDS, MAX_WORDS = 120, 900
_HEADER = re.compile(r"^=== id:\s*(\S+)\s*$")


@dataclass
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Split:
    records: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _parse_bool(value: str) -> bool | None:
    return {"true": True, "false": False}.get(value.strip().lower())


def _parse_block(lines: list[str], where: str, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        sep = lines.index("---")
    except ValueError:
        problems.append(Problem(where, "no '---' line between header and text"))
        return None
    rec: dict[str, Any] = {"locations": []}
    for raw in lines[:sep]:
        if not raw.strip():
            continue
        key, _, value = raw.partition(":")
        key, value = key.strip(), value.strip()
        if key == "title":
            rec["title"] = value
        elif key == "relevant":
            rec["relevant"] = _parse_bool(value)
        elif key == "article_type":
            rec["article_type"] = None if value in ("", "-", "null", "none") else value
        elif key == "modus":
            rec["modus"] = [m.strip() for m in value.split(",") if m.strip() and m.strip() != "-"]
        elif key == "victims":
            rec["victims"] = None if value in ("", "-", "null", "none") else value
        elif key == "loc":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 5:
                problems.append(Problem(where, f"loc needs 5 fields separated by '|': {value!r}"))
                continue
            name, level, province, country, role = parts
            rec["locations"].append(
                {
                    "name": name,
                    "level": level,
                    "province": None if province in ("-", "") else province,
                    "country": country,
                    "role": role,
                }
            )
        elif key in ("style", "negative_kind", "note"):
            rec[key] = value
        else:
            problems.append(Problem(where, f"unknown header field {key!r}"))
    rec["text"] = "\n".join(lines[sep + 1 :]).strip()
    return rec


def _validate(rec: dict[str, Any], where: str, problems: list[Problem]) -> None:
    def bad(msg: str) -> None:
        problems.append(Problem(where, msg))

    if not rec.get("title"):
        bad("missing title")
    if rec.get("relevant") is None:
        bad("relevant must be true or false")
    relevant = bool(rec.get("relevant"))
    at = rec.get("article_type")
    if relevant and at not in ARTICLE_TYPES:
        bad(f"article_type must be one of {ARTICLE_TYPES} for relevant articles, got {at!r}")
    if not relevant and at is not None:
        bad("article_type must be '-' (null) for non-relevant articles")
    modus = rec.setdefault("modus", [])
    for m in modus:
        if m not in MODUS:
            bad(f"unknown modus {m!r}")
    if not relevant and modus:
        bad("non-relevant articles carry no modus")
    if len(set(modus)) != len(modus):
        bad("modus listed twice")
    victims = rec.get("victims")
    if victims is not None:
        try:
            rec["victims"] = int(str(victims))
        except ValueError:
            bad(f"victims must be an integer or '-', got {victims!r}")
    else:
        rec["victims"] = None
    seen: set[tuple[str, str]] = set()
    for loc in rec["locations"]:
        if loc["level"] not in LEVELS:
            bad(f"location level {loc['level']!r} not in {LEVELS}")
        if loc["role"] not in ROLES:
            bad(f"location role {loc['role']!r} not in {ROLES}")
        if loc["country"] == "Indonesia":
            if loc["province"] not in PROVINCES:
                bad(f"Indonesian location {loc['name']!r} needs an official province name, got {loc['province']!r}")
        elif loc["province"] is not None:
            bad(f"foreign location {loc['name']!r} must have province '-'")
        key = (loc["name"], loc["role"])
        if key in seen:
            bad(f"location {loc['name']!r} appears twice with role {loc['role']!r}")
        seen.add(key)
    words = len(rec.get("text", "").split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        bad(f"text has {words} words; it must have {MIN_WORDS} to {MAX_WORDS}")


def load_split(name: str) -> Split:
    """Parse and validate every source file of one split (``train``, ``test`` or ``dev``)."""
    split = Split()
    ids: set[str] = set()
    for path in sorted((SRC / name).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        starts = [i for i, line in enumerate(lines) if _HEADER.match(line)]
        if lines and not starts:
            split.problems.append(Problem(path.name, "no '=== id:' header found"))
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(lines)
            m = _HEADER.match(lines[start])
            assert m is not None
            rid = m.group(1)
            where = f"{path.name}:{start + 1} ({rid})"
            if rid in ids:
                split.problems.append(Problem(where, "duplicate id"))
            ids.add(rid)
            rec = _parse_block(lines[start + 1 : end], where, split.problems)
            if rec is None:
                continue
            _validate(rec, where, split.problems)
            split.records.append({"id": rid, **rec})
    return split


def summary(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Label counts for the datasheet."""
    out: dict[str, Any] = {
        "texts": len(records),
        "relevant": sum(1 for r in records if r["relevant"]),
        "negatives": sum(1 for r in records if not r["relevant"]),
        "multi_modus": sum(1 for r in records if len(r["modus"]) > 1),
        "article_type": {t: sum(1 for r in records if r.get("article_type") == t) for t in ARTICLE_TYPES},
        "modus": {m: sum(1 for r in records if m in r["modus"]) for m in MODUS},
        "negative_kind": {},
        "words_min": min((len(r["text"].split()) for r in records), default=0),
        "words_max": max((len(r["text"].split()) for r in records), default=0),
    }
    for r in records:
        if not r["relevant"]:
            kind = r.get("negative_kind", "unspecified")
            out["negative_kind"][kind] = out["negative_kind"].get(kind, 0) + 1
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(argv or [])
    check_only = "--check" in argv  # validate only: several writers can check their files at once
    status = 0
    # dev: texts for judging changes against wording neither train nor test uses (optional folder)
    for name in [n for n in ("train", "test", "dev") if n != "dev" or (SRC / "dev").is_dir()]:
        split = load_split(name)
        for p in split.problems:
            print(f"{name}/{p}", file=sys.stderr)
        if split.problems:
            status = 1
        if check_only:
            print(f"{name}: {len(split.records)} records, {len(split.problems)} problem(s)")
            continue
        out = HERE / f"{name}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for rec in split.records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(json.dumps({name: summary(split.records)}, indent=1, ensure_ascii=False))
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
