"""Canonical URLs: tracking parameters removed, AMP and mobile variants mapped, pages joined."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "ga_")
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mibextid", "_ga", "_gl", "ref",
    "ref_src", "src", "source", "cmp", "cmpid", "spm", "share", "from", "origin", "tag_from", "cid",
    "amp", "outputType", "_branch_match_id", "s_cid", "wt_mc", "trk", "rss", "medium", "campaign",
})
PAGE_PARAMS = frozenset({"page", "p", "halaman", "hal", "pg"})
MOBILE_PREFIXES = ("m.", "mobile.", "amp.", "wap.")
AMP_PATH = re.compile(r"(/amp)(?=/|$)|/amp\.html$|\.amp(?=$|\.html$)")


def strip_tracking(url: str) -> str:
    parts = urlsplit(url)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def map_amp_mobile(url: str) -> str:
    """``m.kompas.com/x`` -> ``kompas.com/x`` keeps www if the desktop host uses it; ``/amp`` dropped."""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    for prefix in MOBILE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = "www." + host[len(prefix):] if _needs_www(host[len(prefix):]) else host[len(prefix):]
            break
    path = AMP_PATH.sub("", parts.path) or "/"
    if path.startswith("/amp/"):
        path = path[4:]
    return urlunsplit((parts.scheme, host, path, parts.query, parts.fragment))


def _needs_www(host: str) -> bool:
    # a bare registrable domain (kompas.com, detik.com, tempo.co) is served from www.
    labels = host.split(".")
    return len(labels) == 2 or (len(labels) == 3 and labels[-2] in ("co", "or", "go", "ac"))


def page_number(url: str) -> int:
    """The page number a multi-page article URL points at (1 when none)."""
    query = dict(parse_qsl(urlsplit(url).query))
    for key in PAGE_PARAMS:
        if key in query and query[key].isdigit():
            return int(query[key])
    return 1


def first_page(url: str) -> str:
    """The URL of page 1 of a multi-page article (``?page=2`` removed)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in PAGE_PARAMS]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def normalise(url: str) -> str:
    """Lowercase scheme and host, no fragment, no default port, no trailing ``index.html``."""
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = parts.netloc.lower()
    if (scheme, host.rsplit(":", 1)[-1]) in (("http", "80"), ("https", "443")):
        host = host.rsplit(":", 1)[0]
    path = re.sub(r"/index\.html?$", "/", parts.path) or "/"
    return urlunsplit((scheme, host, path, parts.query, ""))


def canonical_url(url: str, declared: str | None = None) -> str:
    """The canonical form of ``url``; a declared ``rel=canonical`` / ``og:url`` on the same site wins."""
    candidate = url
    if declared and declared.startswith(("http://", "https://")):
        if _site(declared) == _site(url):
            candidate = declared
    return normalise(first_page(map_amp_mobile(strip_tracking(candidate))))


def _site(url: str) -> str:
    host = urlsplit(url).netloc.lower()
    for prefix in ("www.", *MOBILE_PREFIXES):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host
