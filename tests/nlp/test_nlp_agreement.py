"""The test split's re-annotated foreign-country roles (nlp/corpus/reannotation) and the agreement report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nlp.agreement import CORPUS, REANNOTATION, agreement, country_roles, format_agreement, load_reannotation, role_f1

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
