"""Article extraction: pure functions that run in worker processes (no Scrapy, no database)."""
