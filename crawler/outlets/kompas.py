"""Kompas.com article pages."""

from .base import OutletParser, ParserVersion

PARSER = OutletParser(
    name="kompas",
    versions=(
        # 2015 design: text in <div class="kcm-read-text"> with <br> line breaks
        ParserVersion(since="2015-01-01", detect="//div[contains(@class,'kcm-read-text')]",
                      body="//div[contains(@class,'kcm-read-text')]",
                      prune=("//div[contains(@class,'kcm-read-copy')]",), title="//h2[contains(@class,'kcm-main-title')]"),
        # 2020s design
        ParserVersion(since="2020-01-01", detect="//div[contains(@class,'read__content')]",
                      body="//div[contains(@class,'read__content')]", prune=("//*[contains(@class,'inner-link-baca-juga')]",)),
    ),
)
