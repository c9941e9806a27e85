"""Page metadata that trafilatura does not give us: canonical links, og / JSON-LD, robots and TDM meta."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"}


@dataclass
class PageMeta:
    canonical: str | None = None
    og_url: str | None = None
    amphtml: str | None = None
    next_page: str | None = None
    title: str | None = None
    description: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    robots: set[str] = field(default_factory=set)  # tokens of <meta name="robots"> and our agent
    tdm_reservation: str | None = None
    tdm_policy: str | None = None


def _meta(tree: etree._Element, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            if found and str(found[0]).strip():
                return str(found[0]).strip()
    return None


def _jsonld(tree: etree._Element) -> dict[str, Any]:
    for raw in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for obj in _walk(data):
            kind = obj.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & ARTICLE_TYPES:
                return obj
    return {}


def _walk(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [o for item in data for o in _walk(item)]
    if isinstance(data, dict):
        return [data, *_walk(data.get("@graph", []))]
    return []


def _authors(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out


def read_meta(tree: etree._Element, url: str, agent_tokens: tuple[str, ...] = ()) -> PageMeta:
    meta = PageMeta()
    link = tree.xpath("//link[@rel='canonical']/@href")
    meta.canonical = urljoin(url, str(link[0]).strip()) if link else None
    og_url = _meta(tree, "og:url")
    meta.og_url = urljoin(url, og_url) if og_url else None
    amp = tree.xpath("//link[@rel='amphtml']/@href")
    meta.amphtml = urljoin(url, str(amp[0])) if amp else None
    nxt = tree.xpath("//link[@rel='next']/@href | //a[@rel='next']/@href")
    meta.next_page = urljoin(url, str(nxt[0])) if nxt else None
    ld = _jsonld(tree)
    meta.title = (ld.get("headline") if isinstance(ld.get("headline"), str) else None) or _meta(tree, "og:title")
    meta.description = _meta(tree, "og:description", "description")
    meta.published = (
        (ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None)
        or _meta(tree, "article:published_time", "datePublished", "pubdate", "publishdate", "content_PublishedDate")
    )
    meta.authors = _authors(ld.get("author")) if ld.get("author") else []
    if not meta.authors:
        author = _meta(tree, "author", "article:author", "content_author")
        meta.authors = [author] if author and not author.startswith("http") else []
    lang = tree.xpath("/html/@lang")
    meta.language = str(lang[0]).split("-")[0].lower() if lang else None
    names = ("robots", *agent_tokens)
    for name in names:
        for content in tree.xpath("//meta[translate(@name,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')=$n]/@content", n=name.lower()):
            meta.robots.update(t.strip().lower() for t in str(content).split(",") if t.strip())
    meta.tdm_reservation = _meta(tree, "tdm-reservation")
    meta.tdm_policy = _meta(tree, "tdm-policy")
    return meta
