"""Scheduling: a database lock per job, recorded runs, failing or missing commands, clean SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from models.jobs import JobLock, JobRun

FAKE = """
import sys, time
mode = sys.argv[-1]
if mode == "sleep":
    time.sleep(60)
print("fake command", " ".join(sys.argv[1:]))
sys.exit(0 if mode == "ok" else 3)
"""


def _runner(db: Any, tmp_path: Path) -> Any:
    from pantau.scheduling.runner import Runner

    script = tmp_path / "fake.py"
    script.write_text(FAKE)
    return Runner(db, None, executable=[sys.executable, str(script)])


def _job(mode: str) -> Any:
    from pantau.scheduling.runner import Job

    return Job("fake", (mode,), timedelta(minutes=5))


def test_lock_prevents_overlap_and_expires(db: Any) -> None:
    from pantau.scheduling import locks

    assert locks.acquire(db, "crawl", timedelta(minutes=5), "a")
    assert not locks.acquire(db, "crawl", timedelta(minutes=5), "b")
    locks.release(db, "crawl", "a")
    assert locks.acquire(db, "crawl", timedelta(seconds=-1), "c")  # already expired
    assert locks.acquire(db, "crawl", timedelta(minutes=5), "d")  # takes the expired lock over


def test_runs_are_recorded(db: Any, tmp_path: Path) -> None:
    runner = _runner(db, tmp_path)
    assert runner.run(_job("ok")) == "ok"
    assert runner.run(_job("fail")) == "failed"
    with db.session(readonly=True) as s:
        runs = s.query(JobRun).order_by(JobRun.id).all()
        assert [r.status for r in runs] == ["ok", "failed"]
        assert "fake command" in runs[0].detail["output"] and runs[1].error.startswith("exit status 3")
        assert s.query(JobLock).count() == 0


def test_held_lock_skips_the_run(db: Any, tmp_path: Path) -> None:
    from pantau.scheduling import locks

    assert locks.acquire(db, "fake", timedelta(minutes=5), "elsewhere")
    assert _runner(db, tmp_path).run(_job("ok")) == "skipped"
    with db.session(readonly=True) as s:
        assert s.query(JobRun).one().status == "skipped"


def test_missing_command_fails_its_run_only(web: Any) -> None:
    from pantau.scheduling.runner import Job, Runner

    db = web[0]
    url = db.engine.url.render_as_string(hide_password=False)
    status = Runner(db, url).run(Job("nothing", ("no-such-command",), timedelta(minutes=2)))
    assert status == "failed"
    with db.session(readonly=True) as s:
        run = s.query(JobRun).filter(JobRun.job == "nothing").one()
        assert "no-such-command" in (run.detail.get("output") or "") or "No such command" in (run.error or "")


def test_stop_terminates_running_command(db: Any, tmp_path: Path) -> None:
    runner = _runner(db, tmp_path)
    result: list[str] = []
    thread = threading.Thread(target=lambda: result.append(runner.run(_job("sleep"))))
    thread.start()
    for _ in range(200):
        if runner._children:
            break
        threading.Event().wait(0.05)
    runner.stop()
    thread.join(timeout=60)
    assert result == ["failed"]
    with db.session(readonly=True) as s:
        assert s.query(JobRun).one().error == "stopped by SIGTERM"
        assert s.query(JobLock).count() == 0


def test_send_time_is_validated() -> None:
    from pantau.scheduling.daemon import parse_send_time

    assert parse_send_time("mon 07:00") == ("mon", 7, 0)
    for bad in ("monday 7", "xyz 07:00", "mon 25:00"):
        with pytest.raises(ValueError):
            parse_send_time(bad)


def test_schedule_daemon_stops_on_sigterm(web: Any, tmp_path: Path) -> None:
    url = web[0].engine.url.render_as_string(hide_password=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    env["PANTAU_DATA_DIR"] = str(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "pantau", "--db", url, "schedule"], stderr=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stderr is not None
    lines = []
    for _ in range(50):
        lines.append(proc.stderr.readline())
        if "scheduler running" in lines[-1] or not lines[-1]:
            break
    assert "scheduler running" in lines[-1], lines
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0
