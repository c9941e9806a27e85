"""`pantau classify`, `pantau nlp evaluate` and `pantau retag` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pantau.cli import nlp_cmds
from pantau.cli.common import UserError

GOOD = {"id": "g1", "title": "Polisi Selamatkan 9 PMI Ilegal", "text": "Polisi menyelamatkan 9 calon PMI ilegal di Batam."}


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    nlp_cmds.register(app)
    return app


def _run(args: list[str], stdin: bytes | None = None) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(_app(), args, input=stdin)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    code = result.exit_code
    if isinstance(result.exception, UserError):
        code = result.exception.exit_code
    return code, lines, result.output


def test_classify_files(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "id": "g2"}) + "\n", encoding="utf-8")
    code, _, _ = _run(["classify", "--input", str(src), "--output", str(out), "--quiet"])
    assert code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["g1", "g2"] and all("model_version" in r for r in rows)


def test_classify_bad_lines_get_errors_and_the_run_goes_on() -> None:
    stdin = b"\n".join([
        json.dumps(GOOD).encode(),
        b"{not json",
        b'{"id": "bytes", "text": "\xff\xfe"}',
        json.dumps({"id": "notext"}).encode(),
        json.dumps([1, 2]).encode(),
        json.dumps({**GOOD, "id": "last"}).encode(),
    ]) + b"\n"
    code, rows, _ = _run(["classify", "--quiet"], stdin)
    assert code == 1
    assert [r.get("id") for r in rows] == ["g1", None, None, "notext", None, "last"]
    assert "error" not in rows[0] and "error" not in rows[5]
    assert all("error" in r for r in rows[1:5])
    assert "not JSON" in str(rows[1]["error"]) and "UTF-8" in str(rows[2]["error"])


def test_classify_missing_input_is_a_user_error(tmp_path: Path) -> None:
    code, _, _ = _run(["classify", "--input", str(tmp_path / "nope.jsonl")])
    assert code == 1


def test_evaluate_on_a_small_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({**GOOD, "relevant": True, "article_type": "case", "modus": ["migrant_worker"],
                                "victims": 9, "locations": []}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["nlp", "evaluate", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "relevance F1" in result.output and "keyword baseline" in result.output


def test_retag_stores_labels_and_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sqlalchemy")
    import nlp.classifier
    from models.db import make_engine, open_database, upgrade
    from models.store import ArticleRecord, upsert_article
    from nlp.model import load_model
    from nlp.retag import pending_count, retag

    url = f"sqlite:///{tmp_path / 'p.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    db = open_database(url)
    with db.session() as s:
        for i in range(5):
            upsert_article(s, ArticleRecord(canonical_url=f"https://contoh.id/{i}", outlet="contoh",
                                            title=GOOD["title"], text=GOOD["text"]))
    model = load_model()
    settled: list[bool] = []
    monkeypatch.setattr(nlp.classifier, "settle", lambda: settled.append(True))
    assert pending_count(db, model.version) == 5
    assert retag(db, model, batch=2, limit=3) == 3
    assert settled == []  # the library leaves its host's garbage collector alone unless asked
    assert pending_count(db, model.version) == 2
    assert retag(db, model, batch=2, settle_after_first=True) == 2
    assert settled == [True]  # one batch of 2: settled after it
    assert pending_count(db, model.version) == 0
    assert retag(db, model) == 0
    db.dispose()


def test_help_texts_end_with_an_example() -> None:
    for args in (["classify", "--help"], ["retag", "--help"], ["nlp", "train", "--help"], ["nlp", "evaluate", "--help"],
                 ["nlp", "agreement", "--help"]):
        out = CliRunner().invoke(_app(), args).output
        assert "Example: pantau" in out, args


def test_nlp_agreement_prints_the_table_and_reports_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["nlp", "agreement"])
    assert result.exit_code == 0, result.output
    assert "gold ~ pass_a" in result.output and "pass_a ~ model" in result.output
    missing = CliRunner().invoke(_app(), ["nlp", "agreement", "--reannotation", str(tmp_path / "none.jsonl")])
    assert missing.exit_code != 0
    assert "does not exist" in missing.output + str(missing.exception)
