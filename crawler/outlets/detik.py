"""detikcom article and photo-story pages."""

from .base import OutletParser, ParserVersion

PARSER = OutletParser(
    name="detik",
    versions=(
        ParserVersion(since="2015-01-01", detect="//div[contains(@class,'text_detail')]",
                      body="//div[contains(@class,'text_detail')]", prune=("//div[contains(@class,'info_redaksi')]",)),
        ParserVersion(since="2015-01-02", detect="//div[contains(@class,'text_gal')]",
                      body="//div[contains(@class,'text_gal')]"),
        ParserVersion(since="2019-01-01", detect="//div[contains(@class,'detail__body-text')]",
                      body="//div[contains(@class,'detail__body-text')]",
                      prune=("//*[contains(@class,'parallaxindetail')]", "//*[contains(@class,'linksisip')]")),
    ),
)
