"""`pantau crawl` with bad input, `pantau sources list|check`, and the demo."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from crawl_support import crawler_env, pantau, rows


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sources_file_errors_are_one_clear_line(tmp_path: Path, corpus: str) -> None:
    env = crawler_env(tmp_path, corpus)
    run = pantau(env, "crawl", "--sources", str(_write(tmp_path, '[[outlet]]\nname = "x\n')))
    assert run.returncode == 1 and "TOML syntax error" in run.stderr and "Traceback" not in run.stderr
    run = pantau(env, "crawl", "--sources", str(_write(tmp_path, '[[outlet]]\nname = "x"\ndomain = "x.id"\nfeed = ["a"]\n')))
    assert run.returncode == 1 and "unknown field(s) feed" in run.stderr
    run = pantau(env, "crawl", "nope")
    assert run.returncode == 1 and "unknown outlet 'nope'" in run.stderr
    run = pantau(env, "crawl", "antara")
    assert run.returncode == 1 and "antara is disabled" in run.stderr and "written permission" in run.stderr
    run = pantau(env, "crawl", "--since", "kemarin")
    assert run.returncode == 1 and "invalid date" in run.stderr
    assert rows(corpus, "SELECT count(*) FROM article") == [(0,)]


def test_unreachable_host_exits_non_zero_with_a_per_source_error(tmp_path: Path, corpus: str) -> None:
    env = crawler_env(tmp_path, corpus)
    path = _write(tmp_path, '[[outlet]]\nname = "mati"\ndomain = "127.0.0.1:9"\nallow_private_network = true\n'
                            'feeds = ["http://127.0.0.1:9/rss.xml"]\n')
    run = pantau(env, "crawl", "--sources", str(path), "--only-sources-file", "--quiet")
    assert run.returncode == 1
    assert "source error: http://127.0.0.1:9/rss.xml" in run.stdout and "nothing could be crawled" in run.stderr
    (status, errors), = rows(corpus, "SELECT status, errors FROM crawl_run")
    assert status == "finished" and "127.0.0.1:9/rss.xml" in str(errors)


def test_ssrf_guard_refuses_private_sources_without_the_flag(tmp_path: Path, corpus: str, mirror: object) -> None:
    base = mirror.base("kabar-nusantara")  # type: ignore[attr-defined]
    hits = mirror.hits("kabar-nusantara")  # type: ignore[attr-defined]
    path = _write(tmp_path, f'[[outlet]]\nname = "dalam"\ndomain = "{base.split("//")[1]}"\nfeeds = ["{base}/rss.xml"]\n')
    run = pantau(crawler_env(tmp_path, corpus), "crawl", "--sources", str(path), "--only-sources-file", "--quiet")
    assert run.returncode == 1 and "SSRF guard" in run.stdout
    assert mirror.hits("kabar-nusantara") == hits  # type: ignore[attr-defined]


def test_sources_list_shows_status_and_reasons(tmp_path: Path, corpus: str) -> None:
    run = pantau(crawler_env(tmp_path, corpus), "sources", "list")
    assert run.returncode == 0
    assert "antara" in run.stdout and "disabled" in run.stdout and "kompas" in run.stdout and "official" in run.stdout


def test_sources_check_reports_what_is_allowed(tmp_path: Path, corpus: str, sources_file: Path) -> None:
    run = pantau(crawler_env(tmp_path, corpus), "sources", "check", "--sources", str(sources_file),
                 "kabar-nusantara", "warta-timur", "blokir-media", "robots-rusak")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert any("kabar-nusantara" in ln and "rss.xml: robots.txt: allowed" in ln for ln in lines)
    assert any("warta-timur" in ln and "metadata, lead and labels only" in ln for ln in lines)
    assert any("blokir-media" in ln and "disallowed by robots.txt" in ln for ln in lines)
    assert any("robots-rusak" in ln and "robots.txt unavailable: 503" in ln for ln in lines)
    assert any("kabar-nusantara" in ln and "we may store: full text" in ln for ln in lines)


def test_help_is_fast_and_every_command_has_an_example(tmp_path: Path, corpus: str) -> None:
    env = crawler_env(tmp_path, corpus)
    for args in (["crawl"], ["sources", "list"], ["sources", "check"], ["demo"], ["sources"]):
        run = pantau(env, *args, "--help")
        assert run.returncode == 0 and "Example: pantau" in run.stdout, args
    import subprocess
    import sys

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import pantau.cli.main"], env=env, check=True)
    assert time.perf_counter() - start < 1.5  # a whole interpreter start; the CLI's own import is far below


@pytest.mark.slow
def test_demo_runs_offline(tmp_path: Path, corpus: str) -> None:
    run = pantau(crawler_env(tmp_path, corpus), "demo", timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout
    assert "mirror started" in out and "articles stored:" in out and "top modus:" in out and "top places:" in out
    stored = int(out.split("articles stored: ", 1)[1].split(" ", 1)[0])
    assert stored >= 80
    assert "forbidden by robots.txt" in out and "crawling:" in run.stderr  # progress display
    assert (tmp_path / "data" / "demo" / "pantau.db").exists()
