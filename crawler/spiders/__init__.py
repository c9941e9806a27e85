"""Spiders: ``news`` discovers articles from an outlet's feeds, sitemaps and listing pages."""
