"""`pantau classify`, `pantau nlp train|evaluate`, `pantau retag`: thin commands over the nlp room's API.

Heavy libraries (scikit-learn, spaCy, SQLAlchemy) are imported inside the command functions only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Annotated, Any, Optional

import typer

from pantau.cli import common

nlp_app = typer.Typer(
    name="nlp",
    help="Train and evaluate the classifier.\n\nExample: pantau nlp evaluate --gold nlp/corpus/test.jsonl",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _load_model() -> Any:
    from nlp.model import ModelNotFound, load_model

    try:
        return load_model()
    except ModelNotFound as exc:
        raise common.UserError(str(exc)) from exc


def _open_in(path: Optional[Path]) -> IO[bytes]:
    if path is None or str(path) == "-":
        return sys.stdin.buffer
    if not path.is_file():
        raise common.UserError(f"input file {path} does not exist")
    return path.open("rb")


def _open_out(path: Optional[Path]) -> IO[str]:
    if path is None or str(path) == "-":
        return sys.stdout
    if not path.resolve().parent.is_dir():
        raise common.UserError(f"output directory {path.resolve().parent} does not exist")
    return path.open("w", encoding="utf-8")


def _parse_line(raw: bytes, n: int) -> tuple[Any, dict[str, Any] | None, str | None]:
    """(id, item, error) for one input line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, None, f"line {n}: invalid UTF-8 at byte {exc.start}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, None, f"line {n}: not JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(item, dict):
        return None, None, f"line {n}: expected a JSON object"
    rid = item.get("id")
    if "text" not in item:
        return rid, None, f"line {n}: missing field 'text'"
    if item["text"] is not None and not isinstance(item["text"], str):
        return rid, None, f"line {n}: 'text' must be a string"
    return rid, item, None


def classify_cmd(
    input: Annotated[Optional[Path], typer.Option("--input", "-i", help="JSON Lines in (default: stdin).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="JSON Lines out (default: stdout).")] = None,
    batch: Annotated[int, typer.Option(help="Articles classified together.", min=1, max=10_000)] = 256,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
) -> None:
    """Classify articles: one JSON object per line in (id, text, title...), one result per line out.

    A bad line (not JSON, invalid UTF-8, no text) gets {"id": ..., "error": ...}; the run goes on
    and exits with status 1 at the end if any line failed.

    Example: pantau classify --input articles.jsonl --output labels.jsonl
    """
    from nlp.classifier import iter_classify

    model = _load_model()
    failed = done = 0
    fin = _open_in(input)
    fout = _open_out(output)
    pending: list[tuple[Any, dict[str, Any] | None, str | None]] = []

    def flush() -> None:
        nonlocal failed, done
        items = [it for _, it, _ in pending if it is not None]
        results = iter(iter_classify(items, model, batch, settle_after_first=True) if items else [])
        for rid, item, err in pending:
            if item is None:
                res: dict[str, Any] = {"id": rid, "error": err}
            else:
                res = next(results)
            if "error" in res:
                failed += 1
            fout.write(json.dumps(res, ensure_ascii=False) + "\n")
            done += 1
        fout.flush()
        pending.clear()
        if not quiet:
            print(f"classified {done} line(s), {failed} error(s)", file=sys.stderr, flush=True)

    try:
        for n, raw in enumerate(fin, 1):
            if not raw.strip():
                continue
            pending.append(_parse_line(raw, n))
            if len(pending) >= batch:
                flush()
        flush()
    finally:
        if fin is not sys.stdin.buffer:
            fin.close()
        if fout is not sys.stdout:
            fout.close()
    if failed:
        raise common.UserError(f"{failed} of {done} line(s) failed (see their 'error' fields)")


@nlp_app.command("train")
def train_cmd(
    corpus: Annotated[Optional[Path], typer.Option(help="Labelled JSON Lines (default: the written corpus's train split).")] = None,
    output: Annotated[Optional[Path], typer.Option(help="Where to write the model (default: nlp/model/).")] = None,
    config: Annotated[Optional[Path], typer.Option(help="Hyperparameters (default: nlp/config.toml).")] = None,
    with_corrections: Annotated[bool, typer.Option(
        "--with-corrections", help="Also train on analysts' corrections stored in the database; writes the "
        "held-out evaluation to <data dir>/evaluations/ for the web app.")] = False,
) -> None:
    """Train the classifier on the corpus's train split and save it under nlp/model/.

    Example: pantau nlp train
    """
    from nlp import train as training
    from nlp.settings import MODEL_PATH

    if corpus is not None and not corpus.is_file():
        raise common.UserError(f"corpus file {corpus} does not exist")
    if with_corrections:
        from nlp.corrections import train_with_corrections

        db = common.open_db()
        try:
            model, used, report = train_with_corrections(db, corpus, output or MODEL_PATH, config,
                                                         common.settings().data_dir)
        finally:
            db.dispose()
        print(json.dumps({"model_version": model.version, "corrections": used,
                          "evaluation": str(report) if report else None, **model.info}, ensure_ascii=False))
        return
    model = training.main(corpus, output or MODEL_PATH, config)
    print(json.dumps({"model_version": model.version, **model.info}, ensure_ascii=False))


@nlp_app.command("evaluate")
def evaluate_cmd(
    gold: Annotated[Path, typer.Option(help="Labelled JSON Lines (TAXONOMY evaluation-set fields).")],
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the full report as JSON here.")] = None,
) -> None:
    """Score the shipped model on a labelled set: per-class P/R/F1, confusions, locations, victims, baseline.

    Example: pantau nlp evaluate --gold nlp/corpus/test.jsonl
    """
    from nlp.evaluate import evaluate, format_report, load_gold

    if not gold.is_file():
        raise common.UserError(f"gold file {gold} does not exist")
    try:
        records = load_gold(gold)
    except ValueError as exc:
        raise common.UserError(str(exc)) from exc
    if not records:
        raise common.UserError(f"{gold} holds no labelled articles")
    report = evaluate(records, _load_model())
    print(format_report(report))
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


@nlp_app.command("agreement")
def agreement_cmd(
    gold: Annotated[Path, typer.Option(help="The labelled split that was re-annotated.")] = Path("nlp/corpus/test.jsonl"),
    reannotation: Annotated[Optional[Path], typer.Option(help="Re-annotation file (default: the shipped one).")] = None,
    out_of_fold: Annotated[bool, typer.Option(
        "--out-of-fold", help="Compare role models that never saw each article (for the train split).")] = False,
) -> None:
    """How far the test split's foreign-country roles agree with an independent re-annotation, and the model
    with each (F1 of destination and of the movement roles).

    Example: pantau nlp agreement
    Example: pantau nlp agreement --gold nlp/corpus/train.jsonl --reannotation nlp/corpus/reannotation/train_cv_sample.jsonl --out-of-fold
    """
    from nlp.agreement import REANNOTATION, agreement, format_agreement

    path = reannotation or REANNOTATION
    for f in (gold, path):
        if not f.is_file():
            raise common.UserError(f"file {f} does not exist")
    try:
        report = agreement(gold, path, None if out_of_fold else _load_model(), out_of_fold=out_of_fold)
    except ValueError as exc:  # names the file and line at fault
        raise common.UserError(str(exc)) from exc
    print(format_agreement(report))


def retag_cmd(
    batch: Annotated[int, typer.Option(help="Articles per batch (one transaction each).", min=1, max=5000)] = 200,
    limit: Annotated[Optional[int], typer.Option(help="Stop after this many articles.", min=1)] = None,
) -> None:
    """Re-classify stored articles whose labels come from another model version, in batches.

    Resumable: each batch is committed, and a new run only picks articles not yet labelled by the
    current model (in id order).

    Example: pantau --db sqlite:///data/pantau.db retag --batch 500
    """
    from nlp.retag import pending_count, retag

    model = _load_model()
    db = common.open_db()
    try:
        with common.user_errors():
            total = pending_count(db, model.version)
            if limit is not None:
                total = min(total, limit)
            if total == 0:
                print(f"nothing to retag: every article is labelled by {model.version}", file=sys.stderr)
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                          TimeRemainingColumn(), console=common.err_console()) as progress:
                task = progress.add_task(f"retag → {model.version}", total=total)
                done = retag(db, model, batch=batch, limit=limit, on_batch=lambda n: progress.advance(task, n),
                             settle_after_first=True)
        print(json.dumps({"retagged": done, "model_version": model.version}))
    finally:
        db.dispose()


def register(app: typer.Typer) -> None:
    app.command("classify")(classify_cmd)
    app.command("retag")(retag_cmd)
    app.add_typer(nlp_app, name="nlp")
