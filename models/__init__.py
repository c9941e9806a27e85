"""The corpus store: SQLAlchemy models, migrations, writes and queries.

Other rooms use this package's API (``open_database``, ``store``, ``queries``), never its tables'
internals directly for writing.
"""

from .base import Base, utcnow
from .corpus import Article, Classification, CrawlRun, LocationMention, ModusTag, Outlet, Source
from .db import Database, DatabaseError, SchemaOutOfDate, open_database
from .operations import Correction, Digest, Signal, Subscription

__all__ = [
    "Article", "Base", "Classification", "Correction", "CrawlRun", "Database", "DatabaseError",
    "Digest", "LocationMention", "ModusTag", "Outlet", "SchemaOutOfDate", "Signal", "Source",
    "Subscription", "open_database", "utcnow",
]
