"""The default registry: major Indonesian outlets and official sources.

Feed and sitemap URLs are the publishers' public ones as documented by them; `pantau sources check`
verifies robots.txt and TDM signals live. An outlet whose publisher states a prohibition is disabled
with that statement as reason until an operator records written permission in a sources file.
"""

from __future__ import annotations

from .model import Listing, OutletEntry, Permission

ANTARA_PROHIBITION = (
    "ANTARA's pages state that automated crawling, scraping or indexing of its content, including "
    "for artificial intelligence, without ANTARA's written permission is prohibited; disabled until "
    "an operator records a written permission (permission.reference)."
)

NEWS: tuple[OutletEntry, ...] = (
    OutletEntry(
        name="antara", title="ANTARA News", domains=("antaranews.com",),
        feeds=("https://www.antaranews.com/rss/terkini.xml", "https://www.antaranews.com/rss/hukum.xml"),
        parser="antara",
        permission=Permission(enabled=False, reason=ANTARA_PROHIBITION),
    ),
    OutletEntry(
        name="kompas", title="Kompas.com", domains=("kompas.com",),
        sitemaps=("https://www.kompas.com/sitemap-news.xml",),
        listings=(Listing("https://indeks.kompas.com/", r"/read/\d{4}/\d{2}/\d{2}/"),),
        url_include=(r"/read/",), parser="kompas",
    ),
    OutletEntry(
        name="detik", title="detikcom", domains=("detik.com",),
        feeds=("https://news.detik.com/rss",), sitemaps=("https://news.detik.com/sitemap_news.xml",),
        url_include=(r"/d-\d+/",), parser="detik",
    ),
    OutletEntry(
        name="tempo", title="Tempo.co", domains=("tempo.co",),
        feeds=("https://rss.tempo.co/nasional",), url_include=(r"/read/|/\w+/\d+/",), parser="tempo",
    ),
    OutletEntry(
        name="liputan6", title="Liputan6.com", domains=("liputan6.com",),
        feeds=("https://feed.liputan6.com/rss/news",), url_include=(r"/read/\d+/",), parser="liputan6",
    ),
    OutletEntry(
        name="cnnindonesia", title="CNN Indonesia", domains=("cnnindonesia.com",),
        feeds=("https://www.cnnindonesia.com/nasional/rss",),
    ),
    OutletEntry(
        name="republika", title="Republika Online", domains=("republika.co.id",),
        feeds=("https://www.republika.co.id/rss",), parser="republika",
    ),
    OutletEntry(
        name="okezone", title="Okezone", domains=("okezone.com",),
        feeds=("https://sindikasi.okezone.com/index.php/rss/1/RSS2.0",), parser="okezone",
    ),
    OutletEntry(
        name="tribunnews", title="Tribunnews.com", domains=("tribunnews.com",),
        sitemaps=("https://www.tribunnews.com/sitemap-news.xml",),
    ),
    OutletEntry(
        name="suara", title="Suara.com", domains=("suara.com",), feeds=("https://www.suara.com/rss/news",),
    ),
    OutletEntry(
        name="viva", title="VIVA.co.id", domains=("viva.co.id",), feeds=("https://www.viva.co.id/get/all",),
        parser="viva",
    ),
    OutletEntry(
        name="pikiran-rakyat", title="Pikiran Rakyat (Jawa Barat)", domains=("pikiran-rakyat.com",),
        sitemaps=("https://www.pikiran-rakyat.com/sitemap-news.xml",),
    ),
    OutletEntry(
        name="jpnn", title="JPNN.com (regional network)", domains=("jpnn.com",),
        feeds=("https://www.jpnn.com/index.php?mib=rss",),
    ),
    OutletEntry(
        name="kapanlagi", title="KapanLagi.com", domains=("kapanlagi.com",),
        feeds=("https://www.kapanlagi.com/feed/",), parser="kapanlagi",
    ),
)

OFFICIAL: tuple[OutletEntry, ...] = (
    OutletEntry(
        name="bp2mi", title="BP2MI / KP2MI (migrant worker protection agency)", kind="official",
        domains=("bp2mi.go.id",), listings=(Listing("https://bp2mi.go.id/berita", r"/berita-detail/"),),
    ),
    OutletEntry(
        name="kemlu", title="Kementerian Luar Negeri (citizen protection news)", kind="official",
        domains=("kemlu.go.id",), feeds=("https://kemlu.go.id/rss",),
    ),
    OutletEntry(
        name="kemenpppa", title="Kementerian PPPA (women's empowerment and child protection)",
        kind="official", domains=("kemenpppa.go.id",),
        listings=(Listing("https://www.kemenpppa.go.id/page/view/siaran-pers", r"/page/view/\d+"),),
    ),
    OutletEntry(
        name="polri", title="Humas Polri (national police news)", kind="official",
        domains=("humas.polri.go.id", "polri.go.id"), feeds=("https://humas.polri.go.id/feed/",),
        full_text_feeds=True,
    ),
    OutletEntry(
        name="indonesia-go-id", title="Indonesia.go.id (government news portal)", kind="official",
        domains=("indonesia.go.id",), sitemaps=("https://indonesia.go.id/sitemap.xml",),
    ),
)

DEFAULT_OUTLETS: tuple[OutletEntry, ...] = NEWS + OFFICIAL
