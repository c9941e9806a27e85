"""Sitemaps, news sitemaps and sitemap indexes (gzip or plain), with dates for backfills."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from crawler.extract.dates import parse_iso

from . import Discovered, DiscoveryError

MAX_SITEMAP_BYTES = 50 * 1024 * 1024


@dataclass
class Sitemap:
    articles: list[Discovered] = field(default_factory=list)
    children: list[tuple[str, datetime | None]] = field(default_factory=list)  # sitemap index entries


def _gunzip(body: bytes) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        with gzip.GzipFile(fileobj=__import__("io").BytesIO(body)) as fh:
            return fh.read(MAX_SITEMAP_BYTES)
    except (OSError, EOFError, zlib.error) as exc:
        raise DiscoveryError(f"sitemap is not valid gzip: {exc}") from exc


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(el: etree._Element, name: str) -> str:
    for child in el.iter():
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return ""


def parse_sitemap(body: bytes) -> Sitemap:
    data = _gunzip(body)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"malformed sitemap: {exc}") from exc
    kind = _local(root.tag)
    out = Sitemap()
    if kind == "sitemapindex":
        for sm in root:
            if _local(sm.tag) == "sitemap" and _child_text(sm, "loc"):
                out.children.append((_child_text(sm, "loc"), parse_iso(_child_text(sm, "lastmod"))))
        return out
    if kind != "urlset":
        raise DiscoveryError(f"not a sitemap (root element <{kind}>)")
    for url in root:
        if _local(url.tag) != "url":
            continue
        loc = _child_text(url, "loc")
        if not loc:
            continue
        published = parse_iso(_child_text(url, "publication_date")) or parse_iso(_child_text(url, "lastmod"))
        out.articles.append(Discovered(url=loc, published=published, title=_child_text(url, "title")))
    return out
