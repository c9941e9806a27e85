"""Benchmark of the classifier: throughput on one core, model load time, peak memory of `pantau classify`.

    .venv/bin/python benchmarks/bench_classify.py [--articles 1000] [--runs 5] [--rss-articles 10000]

Articles of about 750 tokens are assembled from the written training corpus (our own texts).
Throughput counts the whole ``classify`` contract (relevance, type, modus, locations with roles,
victims, evidence) in one process with one thread, pinned to one core where the OS allows it. The
same articles are classified ``--runs`` times; the report gives the median articles per CPU second
(``time.process_time``, robust to other load on a shared machine) and per wall-clock second, and
the range of the CPU figure. After a warm-up batch the process calls ``nlp.settle()`` (``gc.freeze`` of
the long-lived objects), as ``pantau classify``, ``pantau retag`` and the crawler's workers do.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "nlp" / "corpus" / "train.jsonl"
TOKEN = re.compile(r"\w+|[^\w\s]")
TARGET_TOKENS = 750


def articles(n: int) -> list[dict[str, str]]:
    """``n`` articles of about 750 tokens, each made from one corpus text plus paragraphs of the next ones."""
    recs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    paras = [p for r in recs for p in r["text"].split("\n\n") if p.strip()]
    out = []
    k = 0
    for i in range(n):
        rec = recs[i % len(recs)]
        text = rec["text"]
        while len(TOKEN.findall(text)) < TARGET_TOKENS:
            text += "\n\n" + paras[k % len(paras)]
            k += 1
        out.append({"id": f"bench-{i}", "title": rec["title"], "text": text})
    return out


def load_time() -> tuple[float, float]:
    code = ("import time; t=time.perf_counter(); import nlp; nlp.load_model(); a=time.perf_counter()-t; "
            "from nlp.pipeline import get_nlp; t=time.perf_counter(); get_nlp(); print(a, time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    a, b = out.stdout.split()
    return float(a), float(b)


def pin_one_core() -> str:
    """Pin this process to one CPU (Linux); returns which, or why not."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def cpu_reference() -> float:
    """CPU seconds of a fixed pure-Python loop (10 million additions): how fast this machine's core is, so
    figures taken on different machines (or hours of a shared one) can be compared."""
    c0 = time.process_time()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.process_time() - c0


def throughput(items: list[dict[str, str]], runs: int,
               model_path: str | None = None) -> tuple[list[float], list[float]]:
    """Articles per wall-clock second and per CPU second of each of ``runs`` passes over ``items``."""
    import nlp

    model = nlp.load_model(model_path) if model_path else None
    nlp.classify(items[:50], model)  # warm up: model, gazetteer, caches
    nlp.settle()  # as pantau classify, pantau retag and the crawler's workers do after their first batch
    walls, cpus = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        nlp.classify(items, model)
        walls.append(len(items) / (time.perf_counter() - w0))
        cpus.append(len(items) / (time.process_time() - c0))
    return walls, cpus


def peak_rss(items: list[dict[str, str]]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for it in items:
                fh.write(json.dumps(it, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pantau.cli.main", "classify", "--input", str(src),
                        "--output", os.devnull, "--quiet"], cwd=REPO, check=True)
        wall = time.perf_counter() - t0
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5, help="passes over the articles; the median is reported")
    ap.add_argument("--rss-articles", type=int, default=10_000)
    ap.add_argument("--model", help="throughput of this model file instead of the shipped one (to compare two "
                                    "models on one machine; the load and memory rows stay the shipped model's)")
    args = ap.parse_args()
    items = articles(max(args.articles, args.rss_articles))
    tokens = sum(len(TOKEN.findall(it["text"])) for it in items[: args.articles]) / args.articles
    load, spacy_build = load_time()
    pinned = pin_one_core()
    reference = cpu_reference()
    walls, cpus = throughput(items[: args.articles], max(1, args.runs), args.model)
    per_wall, per_cpu = statistics.median(walls), statistics.median(cpus)
    rss, rss_wall = peak_rss(items[: args.rss_articles])
    rows = [
        (f"articles/s, one core, CPU time (median of {len(cpus)}; {min(cpus):.0f}-{max(cpus):.0f})",
         f"{per_cpu:.0f}", ">= 300"),
        (f"articles/s, one core, wall clock (median of {len(walls)})", f"{per_wall:.0f}", ">= 300"),
        ("mean tokens per article", f"{tokens:.0f}", "~750"),
        ("model load (import + npz, no scikit-learn)", f"{load:.2f} s", "< 2 s"),
        ("spaCy blank('id') build, once per process", f"{spacy_build:.2f} s", "-"),
        (f"peak RSS, pantau classify of {args.rss_articles} articles", f"{rss:.0f} MB", "< 500 MB"),
        (f"wall time of that run", f"{rss_wall:.1f} s", "-"),
        ("CPU reference: 10 million Python additions on the pinned core", f"{reference:.2f} s", "-"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"throughput process {pinned}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'measure':{width}}  {'value':>10}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:>10}  {target}")


if __name__ == "__main__":
    main()
