"""Kabar Nusantara (mirror sample outlet, markup A: JSON-LD, <p> paragraphs, Baca juga boxes)."""

from .base import OutletParser, ParserVersion

PARSER = OutletParser(
    name="kabar-nusantara",
    versions=(ParserVersion(since="2026-01-01", detect="//div[@class='isi-berita']", body="//div[@class='isi-berita']"),),
)
