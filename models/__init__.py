"""The corpus store: SQLAlchemy models, migrations, writes and queries.

Other rooms use this package's API (``open_database``, ``store``, ``queries``), never its tables'
internals directly for writing.
"""

from .accounts import ApiToken, LoginAttempt, User
from .base import Base, utcnow
from .cases import Case, CaseArticle, CaseLocation
from .corpus import Article, Classification, CrawlRun, LocationMention, ModusTag, Outlet, Source
from .db import Database, DatabaseError, SchemaOutOfDate, open_database
from .delivery import OutboxMessage
from .jobs import JobLock, JobRun
from .operations import Correction, Digest, Signal, Subscription

__all__ = [
    "ApiToken", "Case", "CaseArticle", "CaseLocation", "JobLock", "JobRun", "LoginAttempt", "OutboxMessage",
    "User", "Article", "Base", "Classification", "Correction", "CrawlRun", "Database", "DatabaseError",
    "Digest", "LocationMention", "ModusTag", "Outlet", "SchemaOutOfDate", "Signal", "Source",
    "Subscription", "open_database", "utcnow",
]
