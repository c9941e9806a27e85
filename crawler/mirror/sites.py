"""Routes of each mirror outlet: path -> response. Built once the outlet's base URL is known."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field

from . import feeds, markup
from .data import MirrorArticle, by_outlet, syndicated

RSS_TYPE = "application/rss+xml; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = HTML_TYPE
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    conditional: bool = False  # answers 304 to a matching If-None-Match / If-Modified-Since
    fail_first: int = 0  # answer 429 with Retry-After this many times first


def page(body: str, **kw: object) -> Route:
    return Route(body.encode("utf-8"), **kw)  # type: ignore[arg-type]


def feed(body: str, content_type: str = RSS_TYPE) -> Route:
    return Route(body.encode("utf-8"), content_type=content_type, conditional=True)


def kabar_nusantara(base: str) -> dict[str, Route]:
    arts = by_outlet("kabar-nusantara")
    routes = {"/robots.txt": page("User-agent: *\nDisallow: /arsip-internal/\n\nUser-agent: GPTBot\nDisallow: /\n\n"
                                  f"Sitemap: {base}/sitemap.xml\n", content_type="text/plain")}
    multi = next(a for a in arts if len(a.paragraphs) >= 4 and "arsip" not in a.path)
    for i, a in enumerate(arts):
        others = [o for o in arts if o is not a][i % 5:]
        if a is multi:
            half = len(a.paragraphs) // 2
            routes[a.path] = page(markup.kabar_nusantara(a, base, others, a.paragraphs[:half], f"{base}{a.path}?page=2"))
            routes[a.path + "?page=2"] = page(markup.kabar_nusantara(a, base, others, a.paragraphs[half:]))
        else:
            routes[a.path] = page(markup.kabar_nusantara(a, base, others))
        routes[a.path + "/amp"] = routes[a.path]
    # the feed links carry tracking parameters and, for some, the AMP variant
    items = [(f"{base}{a.path}{'/amp' if a.index % 4 == 0 else ''}?utm_source=rss&utm_medium=feed", a) for a in arts]
    routes["/rss.xml"] = feed(feeds.rss("Kabar Nusantara", base, items[: len(items) // 2 + 4]))
    half = len(arts) // 2
    first, second = arts[:half], arts[half:]
    routes["/sitemap.xml"] = feed(feeds.sitemap_index([
        (f"{base}/sitemap-news-1.xml", max(a.published for a in first).isoformat()),
        (f"{base}/sitemap-news-2.xml", max(a.published for a in second).isoformat()),
    ]), XML_TYPE)
    routes["/sitemap-news-1.xml"] = feed(feeds.news_sitemap("Kabar Nusantara", [(f"{base}{a.path}", a) for a in first]), XML_TYPE)
    routes["/sitemap-news-2.xml"] = feed(feeds.news_sitemap("Kabar Nusantara", [(f"{base}{a.path}", a) for a in second]), XML_TYPE)
    routes["/indeks"] = page(feeds.listing("Kabar Nusantara", base, [(f"{base}{a.path}", a) for a in arts]))
    return routes


def warta_timur(base: str) -> dict[str, Route]:
    arts = by_outlet("warta-timur")
    policy = f"{base}/kebijakan-tdm.json"
    routes = {
        "/robots.txt": page("User-agent: *\nAllow: /\nCrawl-delay: 0.05\n", content_type="text/plain"),
        "/.well-known/tdmrep.json": page(json.dumps([{"location": "/read/*", "tdm-reservation": 1, "tdm-policy": policy}]),
                                         content_type="application/json"),
        "/kebijakan-tdm.json": page(json.dumps({"permissions": [], "prohibitions": ["tdm:mine"]}), content_type="application/json"),
    }
    for i, a in enumerate(arts):
        routes[a.path] = page(markup.warta_timur(a, base, arts[i + 1 : i + 6]))
    items = [(f"{base}{a.path}", a) for a in arts]
    routes["/feed"] = feed(feeds.rss("Warta Timur", base, items))
    routes["/sitemap-news.xml"] = feed(feeds.news_sitemap("Warta Timur", items), XML_TYPE)
    return routes


def suara_pesisir(base: str, kabar_base: str) -> dict[str, Route]:
    arts = by_outlet("suara-pesisir")
    routes = {"/robots.txt": page("User-agent: *\nDisallow: /admin/\nRequest-rate: 20/1s\n", content_type="text/plain")}
    items: list[tuple[str, MirrorArticle]] = []
    for i, a in enumerate(arts):
        robots = "noai, noimageai" if i == 0 else None
        headers = {"tdm-reservation": "1"} if i == 1 else {}
        routes[a.path] = page(markup.suara_pesisir(a, base, arts[i + 1 : i + 5], robots=robots), headers=headers)
        items.append((f"{base}{a.path}", a))
    for a in syndicated():
        path = f"/news/salinan-{a.index}.html"
        copy = MirrorArticle(**{**a.__dict__, "path": path, "outlet": "suara-pesisir"})
        routes[path] = page(markup.suara_pesisir(copy, base, arts[:3], intro="SUARA PESISIR - Dikutip dari mitra redaksi."))
        items.append((f"{base}{path}", copy))
    routes["/atom.xml"] = feed(feeds.atom("Suara Pesisir", base, items), "application/atom+xml; charset=utf-8")
    routes["/sitemap-news.xml"] = feed(feeds.news_sitemap("Suara Pesisir", items), XML_TYPE)
    return routes


def blokir_media(base: str) -> dict[str, Route]:
    arts = by_outlet("blokir-media")[:4]
    routes = {"/robots.txt": page("User-agent: PantauTPPO\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain")}
    for a in arts:
        routes[a.path] = page(markup.plain(a, base))
    routes["/rss.xml"] = feed(feeds.rss("Blokir Media", base, [(f"{base}{a.path}", a) for a in arts]))
    return routes


def gangguan(base: str) -> dict[str, Route]:
    """Pages that misbehave: slow, 500, redirect loop, huge, wrong charset, not HTML, rate limited."""
    arts = by_outlet("blokir-media")[4:]
    ok, latin, limited, *_ = arts + arts
    latin_html = markup.plain(latin, base).replace("</h1>", "</h1><p>Kafé “Pelabuhan” – catatan redaksi.</p>")
    routes = {
        "/robots.txt": page("User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/artikel/ok": page(markup.plain(ok, base)),
        "/artikel/lambat": page(markup.plain(ok, base), delay=12.0),
        "/artikel/error-500": page("<h1>Internal Server Error</h1>", status=500),
        "/artikel/loop-a": Route(status=302, headers={"Location": f"{base}/artikel/loop-b"}),
        "/artikel/loop-b": Route(status=302, headers={"Location": f"{base}/artikel/loop-a"}),
        "/artikel/besar": Route(b"<html><body><p>" + b"isi " * (6 * 1024 * 1024 // 4) + b"</p></body></html>"),
        "/artikel/charset-salah": Route(latin_html.encode("cp1252", "replace"), content_type="text/html; charset=utf-8"),
        "/artikel/bukan-html": Route(b"%PDF-1.4 not html", content_type="application/pdf"),
        "/artikel/dibatasi": page(markup.plain(limited, base), fail_first=1),
        "/rss-html": page("<html><body><h1>Ini bukan feed</h1></body></html>"),
        "/sitemap-rusak.xml.gz": Route(b"\x1f\x8b\x08\x00garbage-not-gzip" + gzip.compress(b"x")[:5], content_type="application/x-gzip"),
    }
    items = [f"{base}/artikel/{p}" for p in ("ok", "lambat", "error-500", "loop-a", "besar", "charset-salah",
                                             "bukan-html", "dibatasi")]
    routes["/rss.xml"] = feed(feeds.rss("Gangguan", base, list(zip(items, [ok] * len(items)))))
    return routes


def robots_rusak(base: str) -> dict[str, Route]:
    """A host whose robots.txt answers 503: nothing may be fetched (RFC 9309)."""
    a = by_outlet("blokir-media")[0]
    return {
        "/robots.txt": page("Service Unavailable", status=503),
        "/rss.xml": feed(feeds.rss("Robots Rusak", base, [(f"{base}/artikel/satu", a)])),
        "/artikel/satu": page(markup.plain(a, base)),
    }
