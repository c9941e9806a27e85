"""How far the test split's foreign-country roles can be trusted: agreement with an independent re-annotation.

``nlp/corpus/reannotation/test_foreign_roles.jsonl`` holds, for every relevant test article that names a foreign
place, the role of each foreign country (or region) in it as given by two re-annotation passes made in session 8
(``pass_a``, ``pass_b``): annotators who read only the article and the writing guide's role rules, never the split's
labels or the classifier's output. The countries asked about are the union of the gold labels' countries and those
the gazetteer found in the title or body at the time.

This module scores the split's own labels, each pass and the classifier against each other on the same countries:
destination F1 (the issue's destination-country figure, restricted to those countries) and F1 over the movement
roles (destination, transit, origin; ``mention`` is left out, so a language or an adjective the gazetteer once took
for a country does not count). A pair of label sets that agree at F1 x bounds what a model can be expected to score
against either of them.

``nlp/corpus/reannotation/train_cv_sample.jsonl`` (session 9) is one such pass over 163 articles of the **train**
split: the 131 relevant ones whose out-of-fold destinations (``nlp.crossval``) differ from their labels, and 32
controls where they agree, shuffled together so the annotators could not tell which were which. Each line's
``sample`` names its group, and the report scores each group apart. On a split the shipped model was trained on,
compare with out-of-fold predictions (``out_of_fold=True``, ``pantau nlp agreement --out-of-fold``), not with the
model itself, which has seen those labels.

    .venv/bin/python -m nlp.agreement            # the table, with the shipped model
    .venv/bin/pantau nlp agreement --gold nlp/corpus/train.jsonl \
        --reannotation nlp/corpus/reannotation/train_cv_sample.jsonl --out-of-fold
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from nlp.evaluate import json_lines, load_gold
from nlp.metrics import prf

CORPUS = Path(__file__).resolve().parent / "corpus"
REANNOTATION = CORPUS / "reannotation" / "test_foreign_roles.jsonl"
MOVEMENT = ("destination", "transit", "origin")
FRESH_PREFIXES = ("t2-", "t3-")  # test texts written in session 7, after the model's errors were read

Roles = dict[str, dict[str, set[str]]]  # article id -> country -> roles


def _articles(path: Path | str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each line of a re-annotation file; a line that is not an object with a string
    ``id`` is a ``ValueError`` naming the file and line."""
    for n, rec in json_lines(path):
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
            raise ValueError(f"{path}:{n}: each line must be an object with a string 'id'")
        yield n, rec


def load_reannotation(path: Path | str = REANNOTATION) -> dict[str, Roles]:
    """Each pass of the re-annotation as article id -> country -> roles (``{"pass_a": ..., "pass_b": ...}``);
    a malformed line is a ``ValueError`` naming the file and line."""
    return _passes(_articles(path), path)


def _passes(rows: Iterable[tuple[int, dict[str, Any]]], path: Path | str) -> dict[str, Roles]:
    """The passes of :func:`load_reannotation` from the ``(line number, object)`` rows of ``path``."""
    passes: dict[str, Roles] = {}
    for n, rec in rows:
        for key, roles in rec.items():
            if not key.startswith("pass_"):
                continue
            if not isinstance(roles, dict) or not all(
                    isinstance(v, list) and all(isinstance(r, str) for r in v) for v in roles.values()):
                raise ValueError(f"{path}:{n}: {key} must map each country to a list of roles")
            passes.setdefault(key, {})[rec["id"]] = {c: set(v) for c, v in roles.items()}
    return passes


SUBSETS = ("all", "original", "fresh")  # the report's own columns: no sample may take their names


def load_samples(path: Path | str = REANNOTATION) -> dict[str, str]:
    """Article id -> the named sample it was drawn in (the optional ``sample`` field), for lines that have one;
    a malformed, reserved or contradictory sample is a ``ValueError`` naming the file and line."""
    return _samples(_articles(path), path)


def _samples(rows: Iterable[tuple[int, dict[str, Any]]], path: Path | str) -> dict[str, str]:
    """The samples of :func:`load_samples` from the ``(line number, object)`` rows of ``path``."""
    out: dict[str, str] = {}
    for n, rec in rows:
        sample = rec.get("sample")
        if sample is None:
            continue
        if not isinstance(sample, str) or not sample or sample in SUBSETS:
            raise ValueError(f"{path}:{n}: 'sample' must be a non-empty string other than {', '.join(SUBSETS)}")
        if out.setdefault(rec["id"], sample) != sample:
            raise ValueError(f"{path}:{n}: {rec['id']} is in sample {out[rec['id']]!r} already")
    return out


def country_roles(locations: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    """Foreign country -> its roles (dateline left out) in one article's TAXONOMY locations."""
    out: dict[str, set[str]] = {}
    for loc in locations:
        country = loc.get("country")
        if country and country != "Indonesia" and loc.get("role") != "dateline":
            out.setdefault(country, set()).add(loc["role"])
    return out


def role_f1(reference: Roles, other: Roles, countries: dict[str, list[str]],
            roles: tuple[str, ...] = ("destination",)) -> dict[str, float | None]:
    """F1 of ``other`` against ``reference`` over the (country, role) pairs with a role in ``roles``, counted over
    the countries asked about per article (``countries``); None scores when neither side gives such a pair."""
    tp = fp = fn = 0
    for aid, names in countries.items():
        for country in names:
            want = reference.get(aid, {}).get(country, set()) & set(roles)
            got = other.get(aid, {}).get(country, set()) & set(roles)
            tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    if tp + fp + fn == 0:
        return {"precision": None, "recall": None, "f1": None, "support": 0}
    return dict(prf(tp, fp, fn))


def agreement(gold_path: Path | str = CORPUS / "test.jsonl", path: Path | str = REANNOTATION,
              model: Any | None = None, with_model: bool = True, out_of_fold: bool = False) -> dict[str, Any]:
    """Pairwise agreement of the split's labels (``gold``), each re-annotation pass and (``with_model``) the
    classifier, on all re-annotated articles, on the original / fresh test texts separately (when there are fresh
    ones) and on each named sample. ``out_of_fold``: the classifier's locations come from role models that never
    saw the article (``nlp.crossval`` over the whole gold split, with its gold relevance), for a split the shipped
    model was trained on."""
    if out_of_fold and not with_model:
        raise ValueError("out_of_fold compares the model: it needs with_model")
    rows = list(_articles(path))  # read once: the passes, then the samples (each checked as its loader does)
    passes = _passes(rows, path)
    samples = _samples(rows, path)
    gold = load_gold(gold_path)
    records = {r.get("id"): r for r in gold}
    ids = sorted({aid for p in passes.values() for aid in p})
    missing = [aid for aid in ids if aid not in records]
    if missing:
        raise ValueError(f"re-annotated articles not in {gold_path}: {', '.join(missing[:5])}")
    countries = {aid: sorted({c for p in passes.values() for c in p.get(aid, {})}) for aid in ids}
    sources: dict[str, Roles] = {"gold": {aid: country_roles(records[aid]["locations"]) for aid in ids}, **passes}
    if with_model and out_of_fold:
        from nlp.crossval import out_of_fold_locations
        from nlp.settings import load_config

        oof = out_of_fold_locations(gold, load_config())
        sources["model_oof"] = {r.get("id"): country_roles(locs if r.get("relevant") else [])
                                for r, locs in zip(gold, oof, strict=True) if r.get("id") in countries}
    elif with_model:
        from nlp.classifier import classify
        from nlp.model import load_model

        preds = classify([{"id": aid, "title": records[aid].get("title"), "text": records[aid]["text"]}
                          for aid in ids], model or load_model())
        sources["model"] = {p["id"]: country_roles(p["locations"] if p.get("relevant") else []) for p in preds}
    subsets = {"all": ids}
    fresh = [a for a in ids if a.startswith(FRESH_PREFIXES)]
    if fresh:
        subsets.update(original=[a for a in ids if not a.startswith(FRESH_PREFIXES)], fresh=fresh)
    for sample in sorted(set(samples.values())):
        subsets[sample] = [a for a in ids if samples.get(a) == sample]
    names = list(sources)
    out: dict[str, Any] = {"articles": {k: len(v) for k, v in subsets.items()},
                           "countries": {k: sum(len(countries[a]) for a in v) for k, v in subsets.items()},
                           "pairs": {}}
    for i, ref in enumerate(names):
        for other in names[i + 1 :]:
            key = f"{ref} ~ {other}"
            out["pairs"][key] = {}
            for sub, sub_ids in subsets.items():
                cs = {a: countries[a] for a in sub_ids}
                out["pairs"][key][sub] = {
                    "destination": role_f1(sources[ref], sources[other], cs)["f1"],
                    "movement": role_f1(sources[ref], sources[other], cs, MOVEMENT)["f1"],
                }
    return out


def format_agreement(report: dict[str, Any]) -> str:
    subs = list(report["articles"])
    head = "  ".join(f"{s} ({report['articles'][s]} art., {report['countries'][s]} countries)" for s in subs)
    lines = [f"foreign-country roles, F1 destination / movement roles; {head}", ""]
    lines.append(f"{'pair':22}" + "".join(f"{s:>18}" for s in subs))
    for pair, by_sub in report["pairs"].items():
        cells = "".join(f"{_num(by_sub[s]['destination']):>10} / {_num(by_sub[s]['movement']):5}" for s in subs)
        lines.append(f"{pair:22}{cells}")
    return "\n".join(lines)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    print(format_agreement(agreement(*(sys.argv[1:2] or []))))
