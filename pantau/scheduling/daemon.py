"""`pantau schedule`: APScheduler 3.x running the crawl, the alerts scan and the weekly digests.

Jobs are defined from the settings on every start (in-memory job store); what ran is recorded in
``job_run`` and overlaps are prevented by ``job_lock``, so several schedulers (or cron and a
scheduler) can run side by side. SIGTERM and SIGINT stop it cleanly: no new runs start, running
commands get SIGTERM, their runs are recorded as stopped and their locks released.
"""

from __future__ import annotations

import logging
import re
import signal
import sys
from datetime import timedelta
from typing import Any

from pantau.scheduling.runner import Job, Runner

log = logging.getLogger("pantau.schedule")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALERTS_SCAN_TIME = (6, 0)  # daily, local time (before the digests)


def parse_send_time(value: str) -> tuple[str, int, int]:
    """``"mon 07:00"`` -> ("mon", 7, 0); raises ValueError with a clear message."""
    m = re.fullmatch(r"\s*([a-zA-Z]{3})\s+(\d{1,2}):(\d{2})\s*", value)
    if not m or m.group(1).lower() not in WEEKDAYS or int(m.group(2)) > 23 or int(m.group(3)) > 59:
        raise ValueError(f"PANTAU_DIGEST_SEND_TIME={value!r}: expected a weekday and time such as 'mon 07:00'")
    return m.group(1).lower(), int(m.group(2)), int(m.group(3))


def jobs(crawl_interval_hours: int) -> dict[str, Job]:
    if crawl_interval_hours < 1:
        raise ValueError("PANTAU_CRAWL_INTERVAL_HOURS must be at least 1")
    return {
        "crawl": Job("crawl", ("crawl",), timedelta(hours=max(1, crawl_interval_hours) - 0.1)),
        "alerts-scan": Job("alerts-scan", ("alerts", "scan"), timedelta(hours=2)),
        "digest": Job("digest", ("digest", "send"), timedelta(hours=2)),
    }


def build(runner: Runner, crawl_interval_hours: int, digest_send_time: str, timezone: str,
          run_now: bool = False) -> Any:
    """A (not yet started) BackgroundScheduler with the three jobs; ``run_now`` starts a crawl immediately."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    day, hour, minute = parse_send_time(digest_send_time)
    defs = jobs(crawl_interval_hours)
    scheduler = BackgroundScheduler(timezone=timezone, job_defaults={"coalesce": True, "max_instances": 1,
                                                                   "misfire_grace_time": 3600})
    scheduler.add_job(runner.run, IntervalTrigger(hours=crawl_interval_hours, timezone=timezone), args=[defs["crawl"]],
                      id="crawl", name="crawl",
                      **({"next_run_time": datetime.now(ZoneInfo(timezone))} if run_now else {}))
    scheduler.add_job(runner.run, CronTrigger(hour=ALERTS_SCAN_TIME[0], minute=ALERTS_SCAN_TIME[1], timezone=timezone),
                      args=[defs["alerts-scan"]], id="alerts-scan", name="alerts scan")
    scheduler.add_job(runner.run, CronTrigger(day_of_week=day, hour=hour, minute=minute, timezone=timezone),
                      args=[defs["digest"]], id="digest", name="digest send")
    return scheduler


def serve(runner: Runner, scheduler: Any, announce: str = "") -> None:
    """Block until SIGTERM/SIGINT; running commands are stopped and their runs recorded before exit."""
    import threading

    stopped = threading.Event()

    def stop(signum: int, _frame: Any) -> None:
        log.info("signal %s: stopping the scheduler", signum)
        runner.stop()
        stopped.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    scheduler.start()
    if announce:
        print(announce, file=sys.stderr, flush=True)
    while not stopped.wait(timeout=1.0):
        pass
    scheduler.shutdown(wait=True)  # running jobs were told to stop: wait until their runs are recorded
