"""The benchmark outlet: thousands of unique article pages of 30-150 KB, rendered on demand."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from . import feeds, markup
from .data import EPOCH, MirrorArticle, load_articles
from .sites import XML_TYPE, Route, feed, page

SITEMAP_CHUNK = 1000


def bench_article(i: int) -> MirrorArticle:
    arts = load_articles()
    src = arts[i % len(arts)]
    intro = f"Laporan nomor {i}: ringkasan redaksi untuk edisi {i // len(arts) + 1} dari meja berita daerah."
    return replace(src, index=i, path=f"/berita/{i}/{src.path.rsplit('/', 1)[-1]}", outlet="bench",
                   text=intro + "\n" + src.text, published=EPOCH)


def page_kb(i: int) -> int:
    return 25 + (i * 37) % 115  # padding; the whole page is about 30-150 KB


@lru_cache(maxsize=256)
def _render(i: int, base: str) -> bytes:
    a = bench_article(i)
    return markup.kabar_nusantara(a, base, [], pad_kb=page_kb(i)).encode("utf-8")


def routes(base: str, count: int) -> dict[str, Route]:
    chunks = [range(s, min(s + SITEMAP_CHUNK, count)) for s in range(0, count, SITEMAP_CHUNK)]
    out = {
        "/robots.txt": page("User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/sitemap.xml": feed(feeds.sitemap_index([(f"{base}/sitemap-{n}.xml", "2026-01-05") for n in range(len(chunks))]),
                             XML_TYPE),
    }
    for n, chunk in enumerate(chunks):
        out[f"/sitemap-{n}.xml"] = feed(feeds.news_sitemap("Bench", [(f"{base}{bench_article(i).path}", bench_article(i))
                                                                     for i in chunk]), XML_TYPE)
    return out


def dynamic(path: str, base: str, count: int) -> Route | None:
    parts = path.split("/")
    if len(parts) >= 3 and parts[1] == "berita" and parts[2].isdigit() and int(parts[2]) < count:
        return Route(_render(int(parts[2]), base))
    return None
