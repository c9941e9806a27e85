"""In-body noise that trafilatura keeps on Indonesian news sites, removed before and after extraction.

Two layers: prune rules drop whole elements from the HTML tree ("Baca juga:" boxes, related-news
lists, editor lines), and a line regex backstop removes what slipped through in the text.
"""

from __future__ import annotations

import re

from lxml import etree

NOISE_START = (
    r"baca\s+juga|simak\s+juga|lihat\s+juga|tonton\s+juga|saksikan\s+juga|baca\s+selengkapnya|"
    r"artikel\s+terkait|berita\s+terkait|pilihan\s+editor|rekomendasi|ikuti\s+berita|dapatkan\s+update|"
    r"ikuti\s+kami|klik\s+di\s+sini|download\s+aplikasi|unduh\s+aplikasi|advertisement|scroll\s+to\s+continue"
)
CREDIT_LINE = (
    r"(editor|penyunting|redaktur|reporter|pewarta|penulis|wartawan|kontributor|laporan\s+wartawan)"
    r"\s*[:|/]"
)
COPYRIGHT = r"(?:copyright|hak\s+cipta|©)\s*(?:©|\(c\)|\d{4}|[A-Z]).{0,160}|.{0,120}all\s+rights\s+reserved.{0,80}"
LINE_NOISE = re.compile(
    rf"^\s*[\(\[]?\s*(?:(?:{NOISE_START})\b.*|(?:{CREDIT_LINE}).{{0,120}}|(?:{COPYRIGHT}))\s*$",
    re.I,
)
ELEMENT_START = re.compile(rf"^\s*[\(\[]?\s*(?:{NOISE_START})\b", re.I)
NOISE_CLASS = re.compile(
    r"baca-?juga|bacajuga|read-?also|related|terkait|rekomendasi|recommend|share|social|tags?-|"
    r"newsletter|advert|ads-|iklan|copyright|editor-?line|parallax|comment",
    re.I,
)
PRUNE_TAGS = ("script", "style", "noscript", "iframe", "form", "aside", "nav", "footer")
MAX_NOISE_CHARS = 400


NS = {"re": "http://exslt.org/regular-expressions"}
_CLASS_XPATH = etree.XPath(
    "//body//*[self::div or self::section or self::ul or self::p or self::span or self::table or self::figure]"
    "[re:test(concat(@class, ' ', @id), $pat, 'i')]",
    namespaces=NS,
)
_TEXT_XPATH = etree.XPath("//body//text()")
_TEXT_HINT = re.compile(r"juga|terkait|rekomendasi", re.I)
_PRUNE_XPATH = etree.XPath("|".join(f"//{t}" for t in PRUNE_TAGS))
NOISE_CONTAINERS = frozenset({"p", "strong", "b", "em", "i", "a", "span", "div", "h2", "h3", "h4", "li", "ul"})


def prune_tree(tree: etree._Element, extra_xpaths: tuple[str, ...] = ()) -> etree._Element:
    """Drop noise elements in place; returns ``tree``."""
    doomed: list[etree._Element] = list(_PRUNE_XPATH(tree))
    for xpath in extra_xpaths:
        doomed.extend(tree.xpath(xpath))
    doomed.extend(el for el in _CLASS_XPATH(tree, pat=NOISE_CLASS.pattern) if not _is_main(el))
    for node in (t for t in _TEXT_XPATH(tree) if _TEXT_HINT.search(t)):
        el = node.getparent()
        # climb to the outermost small element that starts with the noise words
        while el is not None and el.tag in NOISE_CONTAINERS:
            text = "".join(el.itertext())
            if len(text) >= MAX_NOISE_CHARS or not ELEMENT_START.match(text):
                break
            doomed.append(el)
            el = el.getparent()
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            _remove_keep_tail(el, parent)
    return tree


def _is_main(el: etree._Element) -> bool:
    # never prune a container that holds most of the article
    return len("".join(el.itertext())) > 2000


def _remove_keep_tail(el: etree._Element, parent: etree._Element) -> None:
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def clean_text(text: str) -> str:
    """Regex backstop: drop noise lines, collapse blank runs."""
    lines = [ln.strip() for ln in text.splitlines()]
    kept = [ln for ln in lines if ln and not LINE_NOISE.match(ln)]
    return "\n".join(kept).strip()
