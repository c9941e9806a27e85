"""HTML of the sample outlets: each has its own markup, chrome and in-body noise, like real sites."""

from __future__ import annotations

import html
import json

from .data import MirrorArticle

E = html.escape
NAV = ["Nasional", "Daerah", "Hukum", "Ekonomi", "Olahraga", "Hiburan", "Teknologi", "Internasional"]


def chrome_links(base: str, n: int = 8) -> str:
    return "".join(f'<li><a href="{base}/kanal/{k.lower()}">{k}</a></li>' for k in NAV[:n])


def related(others: list[MirrorArticle], base: str, title: str = "Berita Terkait") -> str:
    items = "".join(f'<li><a href="{base}{o.path}">{E(o.title)}</a></li>' for o in others[:5])
    return f'<div class="berita-terkait"><h3>{title}</h3><ul>{items}</ul></div>'


def padding(kb: int, seed: int) -> str:
    """Realistic page weight: inline scripts, comment widgets and sidebars (benchmark pages)."""
    if kb <= 0:
        return ""
    blob = json.dumps({"ads": [{"slot": f"div-gpt-{seed}-{i}", "sizes": [[300, 250], [728, 90]]} for i in range(40)]})
    chunk = f"<script>window.__ADS__={blob};</script>" + "".join(
        f'<div class="komentar-item"><b>Pembaca {seed}-{i}</b><p>Komentar pembaca nomor {i} tentang berita ini, '
        f"semoga pemerintah segera bertindak dan masyarakat lebih waspada.</p></div>" for i in range(25)
    )
    reps = max(1, kb * 1024 // len(chunk))
    return f'<aside class="komentar-widget">{chunk * reps}</aside>'


def kabar_nusantara(a: MirrorArticle, base: str, others: list[MirrorArticle], paras: list[str] | None = None,
                    next_url: str | None = None, pad_kb: int = 0) -> str:
    paras = paras if paras is not None else a.paragraphs
    body = []
    for i, p in enumerate(paras):
        body.append(f"<p>{E(p)}</p>")
        if i == 1 and others:
            body.append(f'<p class="baca-juga-box"><strong>Baca juga:</strong> '
                        f'<a href="{base}{others[0].path}">{E(others[0].title)}</a></p>')
    body.append("<p>Editor: Rina Wulandari</p>")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
          "datePublished": a.published.isoformat(), "author": {"@type": "Person", "name": "Tim Kabar Nusantara"}}
    nxt = f'<link rel="next" href="{E(next_url)}">' if next_url else ""
    pager = f'<div class="paging"><a rel="next" href="{E(next_url)}">Halaman berikutnya</a></div>' if next_url else ""
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{E(a.title)} - Kabar Nusantara</title>
<link rel="canonical" href="{base}{a.path}"><link rel="amphtml" href="{base}{a.path}/amp">{nxt}
<meta property="og:title" content="{E(a.title)}"><meta property="og:url" content="{base}{a.path}">
<meta property="og:description" content="{E(a.paragraphs[0][:200])}">
<script type="application/ld+json">{json.dumps(ld)}</script></head><body>
<header><nav class="menu-utama"><ul>{chrome_links(base)}</ul></nav></header>
<main><article class="detail"><h1 class="judul">{E(a.title)}</h1>
<div class="tanggal">{a.published:%d/%m/%Y %H:%M} WIB</div>
<div class="isi-berita">{''.join(body)}</div>{pager}</article>
{related(others[1:], base)}</main>
<footer><p>Copyright © 2026 Kabar Nusantara. All rights reserved.</p></footer>{padding(pad_kb, a.index)}</body></html>"""


DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def indonesian_date(a: MirrorArticle) -> str:
    local = a.published.astimezone(__import__("datetime").timezone(__import__("datetime").timedelta(hours=7)))
    return f"{DAYS[local.weekday()]}, {local.day} {MONTHS[local.month - 1]} {local.year} {local:%H:%M} WIB"


def warta_timur(a: MirrorArticle, base: str, others: list[MirrorArticle], pad_kb: int = 0) -> str:
    paras = a.paragraphs
    text = "<br><br>".join(E(p) for p in paras[:2])
    text += f'<br><br><b>Simak juga:</b> <a href="{base}{others[0].path if others else "/"}">berita lainnya</a>'
    text += "<br><br>" + "<br><br>".join(E(p) for p in paras[2:])
    text += "<br><br>Reporter: Yosef Kelen | Editor: Maria Ina"
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{E(a.title)} | Warta Timur</title><meta name="description" content="{E(paras[0][:150])}"></head>
<body><div id="atas"><ul class="kanal">{chrome_links(base, 6)}</ul></div>
<div id="wrapper"><div class="kiri"><h2 class="post-title">{E(a.title)}</h2>
<span class="waktu">{indonesian_date(a)}</span>
<div class="post-body">{text}</div></div>
<div class="kanan">{related(others, base, "Terpopuler")}</div></div>
<div id="bawah">Hak Cipta © 2026 Warta Timur</div>{padding(pad_kb, a.index)}</body></html>"""


def suara_pesisir(a: MirrorArticle, base: str, others: list[MirrorArticle], intro: str | None = None,
                  robots: str | None = None, pad_kb: int = 0) -> str:
    paras = ([intro] if intro else []) + a.paragraphs
    cells = "".join(f"<p>{E(p)}</p>" for p in paras)
    robots_meta = f'<meta name="robots" content="{robots}">' if robots else ""
    return f"""<!doctype html><html lang="id-ID"><head><meta charset="UTF-8"><title>{E(a.title)}</title>{robots_meta}
<meta property="article:published_time" content="{a.published.isoformat()}">
<meta name="author" content="Redaksi Suara Pesisir">
<meta property="og:url" content="{base}{a.path}?utm_source=feed&utm_medium=rss"></head><body>
<div id="top-nav">{chrome_links(base, 5)}</div>
<div id="content"><h1 class="headline">{E(a.title)}</h1>
<table class="artikel"><tr><td class="teks">{cells}<p>(Lihat juga: <a href="{base}/indeks">Indeks berita</a>)</p>
<p>Penulis: Andi Saputra</p></td><td class="samping">{related(others, base, "Rekomendasi")}</td></tr></table></div>
<div class="footer">Copyright 2026 Suara Pesisir</div>{padding(pad_kb, a.index)}</body></html>"""


def plain(a: MirrorArticle, base: str, pad_kb: int = 0) -> str:
    cells = "".join(f"<p>{E(p)}</p>" for p in a.paragraphs)
    return f"""<html lang="id"><head><meta charset="utf-8"><title>{E(a.title)}</title>
<meta property="article:published_time" content="{a.published.isoformat()}"></head><body>
<nav>{chrome_links(base)}</nav><article><h1>{E(a.title)}</h1>{cells}</article>{padding(pad_kb, a.index)}</body></html>"""
