"""Tempo.co article pages."""

from .base import OutletParser, ParserVersion

PARSER = OutletParser(
    name="tempo",
    versions=(
        ParserVersion(since="2015-01-01", detect="//div[@class='artikel']", body="//div[@class='artikel']",
                      prune=("//div[contains(@class,'tulis-komentar')]", "//div[contains(@class,'komentar')]")),
        ParserVersion(since="2021-01-01", detect="//div[@id='isi']", body="//div[@id='isi']"),
    ),
)
