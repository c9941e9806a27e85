"""Warta Timur (mirror sample outlet, markup B: <br>-separated text, Indonesian date line)."""

from .base import OutletParser, ParserVersion

PARSER = OutletParser(
    name="warta-timur",
    versions=(ParserVersion(since="2026-01-01", detect="//div[@class='post-body']", body="//div[@class='post-body']",
                            title="//h2[@class='post-title']", date="//span[@class='waktu']"),),
)
