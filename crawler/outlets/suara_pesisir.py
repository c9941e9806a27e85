"""Suara Pesisir (mirror sample outlet, markup C: table layout, og:url with tracking)."""

from .base import OutletParser, ParserVersion

PARSER = OutletParser(
    name="suara-pesisir",
    versions=(ParserVersion(since="2026-01-01", detect="//td[@class='teks']", body="//td[@class='teks']"),),
)
