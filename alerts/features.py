"""What the case linker reads from one article: signature, stage, numbers, initials, key terms.

Small pure functions over plain strings, so each rule can be tested on a sentence.
"""

from __future__ import annotations

import re

import numpy as np

import crawler

NUM_PERM = crawler.NUM_PERM  # the linker reads the signatures the crawler stored
SIG_SCHEME = "crawl-minhash-affine32-5w-64"  # kept with a case's signatures; others are ignored when loaded

# Stage keywords, from the earliest to the latest stage of a case (models.cases.CASE_STAGES).
STAGE_PATTERNS: dict[str, re.Pattern[str]] = {
    "reported": re.compile(r"\b(?:melapor\w*|laporan|dilaporkan|mengadu|pengaduan|hilang kontak)\b", re.I),
    "arrest": re.compile(r"\b(?:ditangkap|menangkap|penangkapan|diamankan|mengamankan|ditahan|menahan|"
                         r"ditetapkan sebagai tersangka|dibekuk|membekuk|diringkus|meringkus)\b", re.I),
    "rescue": re.compile(r"\b(?:diselamatkan|menyelamatkan|penyelamatan|dievakuasi|mengevakuasi|dibebaskan|"
                         r"membebaskan|digagalkan|menggagalkan|dicegah keberangkatan\w*)\b", re.I),
    "repatriation": re.compile(r"\b(?:dipulangkan|memulangkan|pemulangan|repatriasi|tiba di tanah air|"
                               r"dideportasi|deportasi)\b", re.I),
    "trial": re.compile(r"\b(?:sidang|persidangan|disidangkan|dakwaan|didakwa|terdakwa|tuntutan|dituntut|"
                        r"menuntut)\b", re.I),
    "verdict": re.compile(r"\b(?:divonis|vonis|memvonis|putusan|dijatuhi hukuman|menjatuhkan (?:pidana|hukuman)|"
                          r"dihukum)\b", re.I),
}
STAGE_ORDER = tuple(STAGE_PATTERNS)

_NUMBER_WORDS = {
    "satu": 1, "seorang": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "belasan": None, "puluhan": None,
    "dua puluh": 20, "tiga puluh": 30, "empat puluh": 40, "lima puluh": 50, "seratus": 100,
}
_NUM = r"(\d{1,3}(?:\.\d{3})+|\d+|dua puluh|tiga puluh|empat puluh|lima puluh|dua belas|seratus|sebelas|sepuluh|" \
       r"sembilan|delapan|tujuh|enam|lima|empat|tiga|dua|seorang|satu)"
# Patterns that start with a literal ("inisial", "(") are searched for quickly by the regex engine.
_INITIALS = re.compile(r"inisial\s+([A-Z]{1,4}(?:\s*(?:,|dan)\s*[A-Z]{1,4})*)")  # "inisial", "berinisial"
_AGE = re.compile(r"\(\s*\d{1,2}\s*(?:tahun|th)?\s*\)")
_BEFORE_AGE = re.compile(r"(?<!\w)([A-Z]{2,4})\s*$")

# Capitalised words that say nothing about which incident it is.
_GENERIC = frozenset(
    """Polisi Polres Polda Polresta Polsek Kapolres Kapolda Kasat Kasatreskrim Reskrim Satreskrim Bareskrim Mabes Polri
    Satgas Tim Imigrasi Kantor Dinas Kepala Kementerian Menteri Pemerintah Pemkab Pemkot Pemprov Provinsi Kabupaten Kota
    Desa Kecamatan Kelurahan Jalan Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Februari Maret April Mei Juni Juli
    Agustus September Oktober November Desember Indonesia Pekerja Migran Korban Tersangka Pelaku Menurut Selain Kini
    Saat Sementara Namun Sebelumnya Kemudian Setelah Dalam Para Mereka Pihak Petugas Kepolisian Jaksa Hakim Pengadilan
    Negeri Kejaksaan Perdagangan Orang Tindak Pidana Undang Pasal Komisaris Ajun Besar Inspektur Ajun Brigadir Ketua
    Wakil Direktur Direktorat Kasubdit Subdit Unit Badan Balai Perlindungan Layanan Penempatan Ditreskrimum Kabid
    Humas Kapolsek Kompol Iptu Ipda Aiptu Bripka Akbp Kombes Bupati Wali Gubernur Anggota Warga Keluarga Berdasarkan
    Hingga Sejak Bahkan Adapun Sedangkan Akibatnya Untuk Karena Jika Apabila Meski Walaupun Pada Dari Yang Dan Itu Ini""".split()
)


def stored_signature(raw: bytes | None) -> np.ndarray | None:
    """The signature the crawler stored in ``article.minhash`` (decoded by ``crawler.signature``), as
    32-bit values; None when absent or of another size."""
    sig = crawler.signature(raw) if raw else None
    return None if sig is None else sig.astype(np.uint32)


def signature(text: str | None) -> np.ndarray | None:
    """The crawler's signature (``crawler.minhash_bytes``: MinHash of word 5-grams of the whole text, bit
    for bit datasketch's), computed here for an article stored without one."""
    if not (text or "").strip():
        return None
    return stored_signature(crawler.minhash_bytes(text or "", NUM_PERM))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


# One pass over lower-cased text (the patterns are lower case): much faster than six case-blind passes.
_STAGE_ANY = re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in STAGE_PATTERNS.items()))


def stage(title: str | None, text: str | None) -> str | None:
    """The latest stage the headline (else the first paragraph) says the case has reached."""
    for part in (title or "", (text or "")[:700]):
        found = {m.lastgroup for m in _STAGE_ANY.finditer(part.lower())}
        if found:
            return max(found, key=STAGE_ORDER.index)  # type: ignore[arg-type]
    return None


def _number(token: str) -> int | None:
    token = token.lower()
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    try:
        return int(token.replace(".", ""))
    except ValueError:
        return None


_SUSPECT_WORD = re.compile(r"\b(?:tersangka|pelaku|terdakwa|perekrut|calo)\b")
_NUM_BEFORE = re.compile(_NUM + r"\s+(?:orang\s+)?$", re.I)


def suspects(text: str | None) -> int | None:
    """The number of suspects the text states ("tiga tersangka", "2 orang pelaku"); the largest one."""
    text = (text or "")[:1500].lower()
    found = []
    for m in _SUSPECT_WORD.finditer(text):
        before = _NUM_BEFORE.search(text[max(0, m.start() - 24) : m.start()])
        if before:
            n = _number(before.group(1))
            if n:
                found.append(n)
    return max(found) if found else None


def initials(text: str | None) -> set[str]:
    """Initials of people the text names (``berinisial AS``, ``RN (17)``): strong evidence of identity."""
    out: set[str] = set()
    text = (text or "")[:2000]
    for m in _INITIALS.finditer(text):
        out.update(re.split(r"\s*(?:,|dan)\s*", m.group(1)))
    for m in _AGE.finditer(text):  # "RN (17)": the initials just before an age in brackets
        start = max(0, m.start() - 16)
        before = _BEFORE_AGE.search(text, start, m.start())
        if before and not (before.start(1) == start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")):
            out.add(before.group(1))
    return {i for i in out if i and len(i) >= 2}


_CAPS_TOKEN = re.compile(r"\b[A-Z]{2,4}\b")


def caps_tokens(text: str | None) -> set[str]:
    """Every upper-case token of 2-4 letters: follow-up stories name a person by bare initials ("terdakwa
    LH") once an earlier article introduced them, so these are matched against a case's known initials."""
    return set(_CAPS_TOKEN.findall((text or "")[:2000]))


_CAPITALISED = re.compile(r"(?<![.!?] )(?<![.!?]\n)\b([A-Z][a-z]{2,})\b")


def key_terms(title: str | None, text: str | None, limit_chars: int = 1200) -> set[str]:
    """Capitalised names (villages, ships, companies, people) in the title and the first paragraphs,
    without the first word of a sentence and without generic words (police ranks, days, months)."""
    out: set[str] = set()
    for part in (title or "", (text or "")[:limit_chars]):
        for m in _CAPITALISED.finditer(part):
            w = m.group(1)
            if m.start() > 0 and part[m.start() - 1] != "\n" and w not in _GENERIC:
                out.add(w.lower())
    return out
