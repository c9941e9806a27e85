"""A lock per job in the database (table ``job_lock``): no two runs of one job overlap, across hosts.

A lock has an expiry (the job's time limit plus a margin) so a crashed holder cannot block a job
forever: an expired lock is taken over by the next run.
"""

from __future__ import annotations

import os
import socket
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from models.base import utcnow
from models.db import Database
from models.jobs import JobLock


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def acquire(db: Database, name: str, ttl: timedelta, holder: str | None = None) -> bool:
    """Take the lock ``name``; False when another live holder has it."""
    holder = holder or holder_id()
    now = utcnow()
    try:
        with db.session() as s:
            s.execute(delete(JobLock).where(JobLock.name == name, JobLock.expires_at < now))
            s.add(JobLock(name=name, holder=holder, acquired_at=now, expires_at=now + ttl))
    except IntegrityError:
        return False
    return True


def release(db: Database, name: str, holder: str | None = None) -> None:
    with db.session() as s:
        s.execute(delete(JobLock).where(JobLock.name == name, JobLock.holder == (holder or holder_id())))
