"""KapanLagi.com entertainment news (ISO-8859-1 pages)."""

from .base import OutletParser, ParserVersion

PARSER = OutletParser(
    name="kapanlagi",
    versions=(
        ParserVersion(since="2015-01-01", detect="//div[contains(@class,'entertainment-detail-news')]",
                      body="//div[contains(@class,'entertainment-detail-news')]",
                      prune=("//div[contains(@class,'image-caption')]",)),
    ),
)
