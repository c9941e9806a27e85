"""Republika Online article and photo pages."""

from .base import OutletParser, ParserVersion

PARSER = OutletParser(
    name="republika",
    versions=(
        ParserVersion(since="2016-01-01", detect="//div[contains(@class,'teaser-pic')]",
                      body="//div[contains(@class,'teaser-pic')]"),
        ParserVersion(since="2017-01-01", detect="//div[contains(@class,'global-detail')]",
                      body="//div[contains(@class,'global-detail')]",
                      prune=("//div[contains(@class,'breadcrumb')]", "//div[contains(@class,'caption')]")),
    ),
)
