"""Running one scheduled job: take its lock, run the CLI command as a subprocess, record the run.

Commands are run as ``python -m pantau <args>`` subprocesses, so a command that is missing or
fails only fails its own run (recorded with the tail of its output), never the scheduler.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from models.base import utcnow
from models.db import Database
from models.jobs import JobRun
from pantau.scheduling import locks

OUTPUT_TAIL = 4000


@dataclass(frozen=True)
class Job:
    name: str
    args: tuple[str, ...]  # arguments of `pantau`
    timeout: timedelta


class Runner:
    """Runs jobs; ``stop()`` (on SIGTERM) terminates running commands and records them as stopped."""

    def __init__(self, db: Database, db_url: str | None = None, executable: Sequence[str] | None = None) -> None:
        self.db = db
        self.db_url = db_url
        self.executable = list(executable or [sys.executable, "-m", "pantau"])
        self._children: dict[int, subprocess.Popen[str]] = {}
        self._lock = threading.Lock()
        self.stopping = threading.Event()

    def _record_start(self, job: Job, status: str = "running", detail: dict[str, object] | None = None) -> int:
        with self.db.session() as s:
            run = JobRun(job=job.name, started_at=utcnow(), status=status, detail=detail or {"args": list(job.args)})
            if status != "running":
                run.finished_at = run.started_at
            s.add(run)
            s.flush()
            return run.id

    def _record_end(self, run_id: int, status: str, detail: dict[str, object], error: str | None) -> None:
        with self.db.session() as s:
            run = s.get(JobRun, run_id)
            if run is not None:
                run.finished_at, run.status, run.detail, run.error = utcnow(), status, detail, error

    def run(self, job: Job) -> str:
        """Run ``job`` once; returns its status: ok, failed or skipped (lock held elsewhere)."""
        if self.stopping.is_set():
            return "skipped"
        holder = f"{locks.holder_id()}:{job.name}"
        if not locks.acquire(self.db, job.name, job.timeout + timedelta(minutes=5), holder):
            self._record_start(job, "skipped", {"args": list(job.args), "reason": "another run holds the lock"})
            return "skipped"
        run_id = self._record_start(job)
        status, error, detail = "failed", None, {"args": list(job.args)}
        try:
            argv = [*self.executable, *(("--db", self.db_url) if self.db_url else ()), *job.args]
            proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                    start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
            with self._lock:
                self._children[proc.pid] = proc
            try:
                out, _ = proc.communicate(timeout=job.timeout.total_seconds())
            except subprocess.TimeoutExpired:
                _terminate(proc)
                out, _ = proc.communicate()
                error = f"timed out after {job.timeout}"
            finally:
                with self._lock:
                    self._children.pop(proc.pid, None)
            tail = (out or "")[-OUTPUT_TAIL:]
            detail.update(returncode=proc.returncode, output=tail)
            if self.stopping.is_set() and proc.returncode != 0:
                error = "stopped by SIGTERM"
            elif error is None and proc.returncode == 0:
                status = "ok"
            elif error is None:
                error = f"exit status {proc.returncode}: {tail.strip().splitlines()[-1][:500] if tail.strip() else ''}"
        except OSError as exc:
            error = f"cannot start command: {exc}"
        finally:
            self._record_end(run_id, status, detail, error)
            locks.release(self.db, job.name, holder)
        return status

    def stop(self) -> None:
        self.stopping.set()
        with self._lock:
            children = list(self._children.values())
        for proc in children:
            _terminate(proc)


def _terminate(proc: subprocess.Popen[str], grace: float = 30.0) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=grace)
    except (ProcessLookupError, PermissionError):
        return
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
