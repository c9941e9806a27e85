"""Extract one article page: text, metadata, permission signals and fingerprints, as a plain dict.

Runs in worker processes (see :mod:`crawler.extract.pool`): input and output are picklable plain
values, no Scrapy objects.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from crawler.outlets import get_parser

from .dates import find_date, parse_indonesian
from .decode import decode_html
from .fingerprint import content_hash, minhash_bytes
from .metadata import read_meta
from .noise import clean_text, prune_tree

LEAD_CHARS = 300


def make_lead(text: str, description: str | None = None) -> str:
    """The first sentences of the text, at most 300 characters, cut at a word boundary."""
    source = text or description or ""
    first = source.strip().split("\n", 1)[0]
    if len(first) <= LEAD_CHARS:
        return first
    cut = first[:LEAD_CHARS].rsplit(" ", 1)[0]
    return cut[: LEAD_CHARS - 1].rstrip(",;:") + "…"


def _trafilatura(tree: etree._Element, url: str, fast: bool) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=False, include_comments=False, include_tables=False,
        include_images=False, include_links=False, deduplicate=False, fast=fast,
    )
    if doc is None:
        return {}
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def _text_of(tree: etree._Element, xpath: str) -> str:
    found = tree.xpath(xpath)
    return " ".join(" ".join(el.itertext()) if isinstance(el, etree._Element) else str(el) for el in found).strip()


def extract_page(job: dict[str, Any]) -> dict[str, Any]:
    """``job``: body (bytes), url, encoding (header charset or None), parser (name), agent_tokens."""
    text_html, encoding = decode_html(job["body"], job.get("encoding"))
    url = job["url"]
    try:
        tree = html.document_fromstring(text_html)
    except (etree.ParserError, ValueError):
        return {"error": "unparseable HTML"}
    meta = read_meta(tree, url, tuple(job.get("agent_tokens") or ()))
    parser = get_parser(job.get("parser") or "")
    version = parser.version_for(tree) if parser else None
    raw_text = " ".join(tree.xpath("//body//text()"))[:30000]
    title_override = _text_of(tree, version.title) if version and version.title else ""
    date_override = _text_of(tree, version.date) if version and version.date else ""
    title = title_override or meta.title or _text_of(tree, "(//h1)[1]") or _text_of(tree, "//title")
    title = re.sub(r"\s+", " ", title).strip()
    published = (parse_indonesian(date_override) if date_override else None) or find_date(
        tree, url, [meta.published], raw_text
    )
    prune_tree(tree, version.prune if version else ())
    target, fast = tree, False
    if version and version.body:
        containers = tree.xpath(version.body)
        if containers:
            fast = True  # the container is precise: no need for trafilatura's fallback extractors
            target = html.fromstring("<html><body></body></html>")
            body = target.find("body")
            for el in containers:
                body.append(el)
    result = _trafilatura(target, url, fast)
    text = clean_text(result.get("text") or "")
    authors = meta.authors
    return {
        "title": title,
        "text": text,
        "lead": make_lead(text, meta.description),
        "authors": authors[:10],
        "published_at": published.isoformat() if published else None,
        "language": meta.language,
        "canonical": meta.canonical,
        "og_url": meta.og_url,
        "amphtml": meta.amphtml,
        "next_page": meta.next_page,
        "robots_meta": sorted(meta.robots),
        "tdm_reservation": meta.tdm_reservation,
        "tdm_policy": meta.tdm_policy,
        "encoding": encoding,
        "content_hash": content_hash(text) if text else None,
        "minhash": minhash_bytes(text) if text else None,
    }
