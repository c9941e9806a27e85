"""The test split's re-annotated foreign-country roles (nlp/corpus/reannotation) and the agreement report."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from nlp.agreement import (
    CORPUS,
    REANNOTATION,
    agreement,
    country_roles,
    format_agreement,
    load_reannotation,
    load_samples,
    role_f1,
)

ROLES = {"destination", "transit", "origin", "mention"}


def _test_split() -> dict[str, dict[str, Any]]:
    with open(CORPUS / "test.jsonl", encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, filter(str.strip, fh))}


def test_every_relevant_test_article_with_a_foreign_country_is_re_annotated_twice() -> None:
    passes = load_reannotation()
    assert set(passes) == {"pass_a", "pass_b"}
    split = _test_split()
    wanted = {aid for aid, r in split.items() if r["relevant"] and country_roles(r["locations"])}
    for name, roles in passes.items():
        assert set(roles) >= wanted, (name, sorted(wanted - set(roles))[:5])
        for aid, by_country in roles.items():
            assert split[aid]["relevant"], aid
            # every country the split labels in the article is asked about; every answer is a known role
            assert set(by_country) >= set(country_roles(split[aid]["locations"])), (name, aid)
            assert all(rs and set(rs) <= ROLES for rs in by_country.values()), (name, aid, by_country)


def test_role_f1_counts_only_the_asked_countries_and_roles() -> None:
    ref = {"a": {"Malaysia": {"destination"}, "Thailand": {"transit"}}, "b": {"Cambodia": {"destination"}}}
    other = {"a": {"Malaysia": {"destination"}, "Thailand": {"destination"}, "Japan": {"destination"}},
             "b": {"Cambodia": {"mention"}}}
    asked = {"a": ["Malaysia", "Thailand"], "b": ["Cambodia"]}
    dest = role_f1(ref, other, asked)  # Japan was not asked about: ignored
    assert (dest["precision"], dest["recall"]) == (0.5, 0.5)
    assert role_f1(ref, ref, asked, ("destination", "transit", "origin"))["f1"] == 1.0
    assert role_f1(ref, other, asked, ("transit",))["f1"] == 0.0
    assert role_f1(ref, other, asked, ("origin",))["f1"] is None  # nobody gives an origin: nothing to score


def test_agreement_report_of_the_shipped_split_and_model(model: Any) -> None:
    report = agreement(model=model)
    assert report["articles"]["all"] == report["articles"]["original"] + report["articles"]["fresh"] >= 120
    pairs = report["pairs"]
    assert set(pairs) == {"gold ~ pass_a", "gold ~ pass_b", "gold ~ model", "pass_a ~ pass_b", "pass_a ~ model",
                          "pass_b ~ model"}
    # the split's labels and the re-annotation differ on the original texts (explainers, open calls) and agree
    # on the fresh ones; recorded in docs/nlp.md, pinned here so a change of either file is noticed
    assert 0.90 <= pairs["gold ~ pass_a"]["original"]["destination"] < 0.95
    assert pairs["gold ~ pass_a"]["fresh"]["destination"] == 1.0
    # the model against the re-annotation: a floor a little below what it reaches (0.950 on all)
    assert pairs["pass_a ~ model"]["all"]["destination"] >= 0.94
    text = format_agreement(report)
    assert "gold ~ model" in text and "original" in text


def test_a_broken_re_annotation_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "t-001", "pass_a": {"Malaysia": "destination"}}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="list of roles"):
        load_reannotation(bad)
    for line, message in (('[1]', "object with a string 'id'"), ('{"id": "t-001", "pass_a": {"Malaysia": [["x"]]}}',
                                                                  "list of roles"), ("{oops", "bad.jsonl:1: not JSON")):
        bad.write_text(line + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            load_reannotation(bad)
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "t-001", "title": "x"}\n', encoding="utf-8")  # no text, no relevant
    with pytest.raises(ValueError, match="gold.jsonl:1"):
        agreement(gold, with_model=False)
    unknown = tmp_path / "unknown.jsonl"
    unknown.write_text('{"id": "zz-404", "pass_a": {"Malaysia": ["destination"]}}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="zz-404"):
        agreement(path=unknown, with_model=False)
    assert REANNOTATION.is_file()


TRAIN_SAMPLE = REANNOTATION.parent / "train_cv_sample.jsonl"


def test_the_train_sample_is_one_blind_pass_over_disagreements_and_controls() -> None:
    passes = load_reannotation(TRAIN_SAMPLE)
    samples = load_samples(TRAIN_SAMPLE)
    assert set(passes) == {"pass_a"}
    with open(CORPUS / "train.jsonl", encoding="utf-8") as fh:
        split = {r["id"]: r for r in map(json.loads, filter(str.strip, fh))}
    assert set(samples) == set(passes["pass_a"])
    assert sorted(Counter(samples.values()).items()) == [("control", 32), ("cv-disagreement", 131)]
    for aid, by_country in passes["pass_a"].items():
        assert split[aid]["relevant"], aid
        assert set(by_country) >= set(country_roles(split[aid]["locations"])), aid
        assert all(rs and set(rs) <= ROLES for rs in by_country.values()), (aid, by_country)


def test_train_labels_agree_with_the_blind_pass_where_the_model_errs() -> None:
    """Recorded in docs/nlp.md (session 9): the out-of-fold model's destination misses on the train split are the
    model's, not the labels' (labels ~ re-annotation 0.931 on the disagreements, 0.987 on the controls)."""
    report = agreement(CORPUS / "train.jsonl", TRAIN_SAMPLE, with_model=False)
    assert set(report["articles"]) == {"all", "control", "cv-disagreement"}  # no fresh texts in train
    pair = report["pairs"]["gold ~ pass_a"]
    assert pair["control"]["destination"] >= 0.95
    assert 0.90 <= pair["cv-disagreement"]["destination"] < 0.97


def test_out_of_fold_model_and_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``out_of_fold`` scores the cross-validated locations of the whole gold split (not the shipped model's), and
    each named sample is a column of its own."""
    import nlp.crossval

    def loc(country: str, role: str) -> dict[str, Any]:
        return {"name": country, "level": "country", "country": country, "role": role}

    gold = tmp_path / "gold.jsonl"
    records = [{"id": f"x-{i}", "title": "", "text": "teks", "relevant": True, "article_type": "case", "modus": [],
                "victims": None, "locations": [loc("Malaysia", "destination"), loc("Thailand", "transit")]}
               for i in range(4)]
    records.append({"id": "x-neg", "title": "", "text": "teks", "relevant": False, "article_type": None,
                    "modus": [], "victims": None, "locations": []})
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    oof = [[loc("Malaysia", "destination"), loc("Thailand", "transit")],  # x-0: right
           [loc("Malaysia", "mention"), loc("Thailand", "transit")],  # x-1: misses the destination
           [loc("Malaysia", "destination"), loc("Thailand", "destination")],  # x-2: one extra
           [loc("Malaysia", "destination"), loc("Thailand", "transit")],  # x-3: right, not re-annotated
           [loc("Malaysia", "destination")]]  # x-neg: a negative keeps no roles
    seen: list[list[str]] = []
    monkeypatch.setattr(nlp.crossval, "out_of_fold_locations",
                        lambda recs, cfg: seen.append([r["id"] for r in recs]) or oof)
    path = tmp_path / "re.jsonl"
    path.write_text("".join(json.dumps({"id": aid, "sample": sample, "pass_a": {
        "Malaysia": ["destination"], "Thailand": ["transit"]}}) + "\n" for aid, sample in (
        ("x-0", "s1"), ("x-1", "s1"), ("x-2", "s2"))), encoding="utf-8")
    report = agreement(gold, path, out_of_fold=True)
    assert seen == [["x-0", "x-1", "x-2", "x-3", "x-neg"]]  # the whole split, every fold
    assert report["articles"] == {"all": 3, "s1": 2, "s2": 1}
    assert set(report["pairs"]) == {"gold ~ pass_a", "gold ~ model_oof", "pass_a ~ model_oof"}
    assert report["pairs"]["gold ~ pass_a"]["all"] == {"destination": 1.0, "movement": 1.0}
    by = report["pairs"]["gold ~ model_oof"]
    assert by["s1"] == {"destination": pytest.approx(2 / 3, abs=1e-4), "movement": pytest.approx(6 / 7, abs=1e-4)}
    # x-2: Thailand read as a destination: one extra destination, and its transit missed
    assert by["s2"] == {"destination": pytest.approx(2 / 3, abs=1e-4), "movement": 0.5}
    with pytest.raises(ValueError, match="needs with_model"):
        agreement(gold, path, with_model=False, out_of_fold=True)
    for line, message in (('{"id": "x-0", "sample": 3, "pass_a": {}}', "re.jsonl:1: 'sample' must be"),
                          ('{"id": "x-0", "sample": "fresh", "pass_a": {}}', "other than all, original, fresh"),
                          ('{"id": "x-0", "sample": "s1", "pass_a": {}}\n{"id": "x-0", "sample": "s2", "pass_a": {}}',
                           "re.jsonl:2: x-0 is in sample 's1' already")):
        path.write_text(line + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            agreement(gold, path, with_model=False)
