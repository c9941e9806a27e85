"""What the case linker reads from one article: shingles, stage, numbers, initials, key terms.

Small pure functions over plain strings, so each rule can be tested on a sentence.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from typing import Any

import numpy as np

NUM_PERM = 64
SCHEME = "affine32"  # datasketch permutation scheme; stored signatures depend on it
SHINGLE_WORDS = 3
SHINGLE_TEXT_WORDS = 120  # the lead carries near-duplicates; the rest only costs time

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
_INITIALS = re.compile(r"\b(?:inisial|berinisial)\s+([A-Z]{1,4}(?:\s*(?:,|dan)\s*[A-Z]{1,4})*)")
_INITIALS_AGE = re.compile(r"\b([A-Z]{2,4})\s*\(\s*\d{1,2}\s*(?:tahun|th)?\s*\)")

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


def _words(title: str | None, text: str | None) -> list[str]:
    words = (title or "").lower().split()
    words += (text or "")[: SHINGLE_TEXT_WORDS * 9].lower().split()[:SHINGLE_TEXT_WORDS]
    return words


def shingles(title: str | None, text: str | None) -> list[bytes]:
    """Word 3-grams of the title and the start of the text (lower case, split on white space)."""
    words = _words(title, text)
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)]


_WORD_HASHES: dict[str, int] = {}


def shingle_hashes(title: str | None, text: str | None) -> list[int]:
    """32-bit hashes of the word 3-grams: CRC32 of each word (cached), combined in numpy.

    Equivalent in use to hashing each shingle's text, several times faster for long batches.
    """
    words = _words(title, text)
    if not words:
        return []
    cache = _WORD_HASHES
    if len(cache) > 500_000:
        cache.clear()
    hv = []
    for w in words:
        h = cache.get(w)
        if h is None:
            h = cache[w] = zlib.crc32(w.encode())
        hv.append(h)
    arr = np.array(hv, dtype=np.uint64)
    if len(arr) < SHINGLE_WORDS:
        return [int(zlib.crc32(" ".join(words).encode()))]
    mixed = (arr[:-2] * np.uint64(0x9E3779B1)) ^ (arr[1:-1] * np.uint64(0x85EBCA77)) ^ arr[2:]
    return ((mixed ^ (mixed >> np.uint64(29))) & np.uint64(0xFFFFFFFF)).tolist()


_PERMUTATIONS: Any = None


def _new_minhash(**kwargs: Any) -> Any:
    """datasketch >= 2 wants the permutation scheme named; 1.x has a single scheme and no argument."""
    from datasketch import MinHash

    try:
        return MinHash(scheme=SCHEME, **kwargs)
    except TypeError:
        return MinHash(**kwargs)


def _permutations() -> Any:
    """The permutation parameters, generated once per process (datasketch regenerates them per MinHash)."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        _PERMUTATIONS = _new_minhash(num_perm=NUM_PERM, seed=1).permutations
    return _PERMUTATIONS


def minhash(hashes: Iterable[int]):  # noqa: ANN201 - datasketch.MinHash
    """A datasketch MinHash of 32-bit shingle hashes (see :func:`shingle_hashes`)."""
    m = _new_minhash(num_perm=NUM_PERM, hashfunc=int, seed=1, permutations=_permutations())
    hashes = list(hashes)
    if hashes:
        m.update_batch(hashes)
    return m


def from_signature(sig: np.ndarray):  # noqa: ANN201 - datasketch.MinHash
    """A datasketch MinHash rebuilt from stored hash values (for LSH queries)."""
    return _new_minhash(num_perm=NUM_PERM, hashvalues=sig, seed=1, permutations=_permutations())


def signature(title: str | None, text: str | None) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` 32-bit values) of an article."""
    return minhash(shingle_hashes(title, text)).hashvalues


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
    out.update(m.group(1) for m in _INITIALS_AGE.finditer(text))
    return {i for i in out if i and len(i) >= 2}


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
