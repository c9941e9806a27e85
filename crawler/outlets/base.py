"""The shape of an outlet parser: versions of selectors, the newest matching one applies."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree


@dataclass(frozen=True)
class ParserVersion:
    """Selectors valid for one design of an outlet's pages.

    ``detect`` (XPath) tells whether a page has this design; ``body`` restricts extraction to the
    article container; ``prune`` lists extra noise elements; ``title`` / ``date`` override metadata.
    """

    since: str  # ISO date the design appeared (documentation; old versions stay so old pages parse)
    detect: str = ""
    body: str = ""
    prune: tuple[str, ...] = ()
    title: str = ""
    date: str = ""


@dataclass(frozen=True)
class OutletParser:
    name: str
    versions: tuple[ParserVersion, ...] = field(default_factory=tuple)

    def version_for(self, tree: etree._Element) -> ParserVersion | None:
        """The newest version whose ``detect`` matches (or that has none)."""
        for version in sorted(self.versions, key=lambda v: v.since, reverse=True):
            if not version.detect or tree.xpath(version.detect):
                return version
        return None
