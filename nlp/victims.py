"""The headline number of victims an article states ("98 PMI", "1.596 korban", "tiga anak").

Candidates are numbers (digits with Indonesian thousand separators, number words, "seorang")
followed within a few words by a victim noun (korban, PMI, anak, perempuan, ABK...). Numbers that
count suspects (tersangka, pelaku), money, time or things are not candidates; vague quantities
(puluhan, belasan, ratusan) are ignored, so an article that only says "puluhan PMI" gets null.
The candidate with the best score wins: in the title, followed by "korban", introduced by
"sebanyak"/"sedikitnya", early in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from nlp.text import lower_aligned

UNITS = {
    "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9,
}
TEENS = {"sepuluh": 10, "sebelas": 11}
VICTIM_STRONG = frozenset({"korban", "pmi", "cpmi", "tki", "tkw", "abk", "wni", "pekerja", "buruh", "migran", "tenaga",
                           "awak", "pengantin", "terapis", "lc", "deportan"})
VICTIM_PERSON = frozenset({"perempuan", "wanita", "gadis", "anak", "remaja", "pelajar", "siswa", "siswi", "mahasiswa",
                           "mahasiswi", "bayi", "nelayan", "orang", "warga", "calon", "pemuda", "pemudi", "ibu",
                           "santri", "pemandu", "balita", "bocah", "penumpang", "pria", "laki-laki", "lelaki", "jiwa",
                           "perantau", "pencari", "art", "asisten", "pendatang"})
SUSPECT = frozenset({"tersangka", "pelaku", "perekrut", "calo", "sindikat", "mucikari", "germo", "oknum", "terdakwa",
                     "sponsor", "agen", "petugas", "polisi", "personel", "anggota", "saksi", "majikan", "orang tersangka"})
NOT_PEOPLE = frozenset({"tahun", "bulan", "hari", "minggu", "jam", "menit", "persen", "kali", "kasus", "laporan",
                        "unit", "rumah", "lokasi", "perusahaan", "juta", "ribu", "miliar", "triliun", "dolar", "ringgit",
                        "rupiah", "rp", "kg", "km", "meter", "lembar", "buah", "paspor", "kapal", "mobil", "desa",
                        "kecamatan", "kabupaten", "provinsi", "negara", "pasal", "ayat", "tahap", "jenis", "titik",
                        "lpk", "pt", "hektare", "ton", "koli", "dokumen", "kamar", "pintu", "perkara", "tim", "hektar",
                        "sen", "yen", "won", "usd", "us", "dollar", "riyal", "kilometer", "mil", "kilogram", "batang"})
INTRO = frozenset({"sebanyak", "sedikitnya", "setidaknya", "total", "sekitar", "mencapai", "berjumlah", "seluruhnya",
                   "menyelamatkan", "memulangkan", "mengamankan", "dipulangkan", "diselamatkan", "ke"})
BAD_BEFORE = frozenset({"rp", "pasal", "nomor", "no", "tahun", "umur", "usia", "berusia", "pukul", "tanggal", "uu",
                        "ayat", "kelas", "angka", "hingga", "per", "lantai", "jalan", "jl", "salah", "tinggal", "sisa"})
VAGUE = frozenset({"puluhan", "belasan", "ratusan", "ribuan", "beberapa", "sejumlah", "banyak", "seratusan"})

_TOKEN = re.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:[.,]\d+)?|[A-Za-z]+(?:-[A-Za-z]+)*|[()\"',.:;!?/%]")
MAX_CHARS = 6000


@dataclass(frozen=True)
class Candidate:
    value: int
    score: float
    start: int


def _word_number(words: list[str], i: int) -> tuple[int, int] | None:
    """Parse an Indonesian number written in words at ``words[i]``; returns (value, tokens used)."""
    w = words[i]
    if w in TEENS:
        return TEENS[w], 1
    if w == "seorang":
        return 1, 1
    if w == "seratus":
        base, used = 100, 1
    elif w == "seribu":
        return 1000, 1
    elif w in UNITS and w != "se":
        base, used = UNITS[w], 1
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt == "belas":
            return base + 10, 2
        if nxt == "puluh":
            base, used = base * 10, 2
            unit = words[i + 2] if i + 2 < len(words) else ""
            if unit in UNITS and unit != "se":
                base, used = base + UNITS[unit], 3
            return base, used
        if nxt == "ratus":
            return base * 100, 2
        return base, used
    else:
        return None
    return base, used


_NUMBER_START = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)?|ke-\d+|"
    r"(?:se(?:orang|puluh|belas|ratus|ribu)|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))(?!\w)",
    re.I,
)
# _NUMBER_START for lower-cased text (see nlp.text.lower_aligned), shaped for speed with the same matches
# after position 0: the lookbehind becomes a consumed separator character (the search then skips to
# candidate positions in C instead of trying the pattern at every character), the digit branches share
# their first ``\d`` and the number words are flat literal branches (both are skipped on one character
# test); the alternatives keep their order, so backtracking picks the same match. Group 1 is the number.
_NUMBER_AFTER_SEPARATOR = re.compile(
    r"[^\w.,](\d(?:\d{0,2}(?:\.\d{3})+(?![\d.,]\d)|\d*(?:[.,]\d+)?)|ke-\d+|"
    r"se(?:orang|puluh|belas|ratus|ribu)|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?!\w)"
)


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _digits(tok: str) -> int | None:
    if _THOUSANDS.fullmatch(tok):
        return int(tok.replace(".", ""))
    if tok.isdigit():
        return int(tok)
    return None


def _numbers(text: str, low: str | None) -> Iterator[tuple[int, int]]:
    """Spans of the ``_NUMBER_START`` matches in ``text``; ``low`` is ``lower_aligned(text)``."""
    if low is None:
        for m in _NUMBER_START.finditer(text):
            yield m.span()
        return
    pos = 0
    first = _NUMBER_START.match(text)  # at offset 0 there is no separator character before a number
    if first is not None:
        yield first.span()
        pos = first.end()
    for m in _NUMBER_AFTER_SEPARATOR.finditer(low, pos):
        yield m.span(1)


def _tokens(text: str, low: str | None, start: int, end: int) -> list[str]:
    """Lower-cased ``_TOKEN`` tokens of ``text[start:end]`` (``_TOKEN`` has no lookbehind, so tokenizing
    the slice of the lowered text in place gives the same tokens)."""
    if low is not None:
        return _TOKEN.findall(low, start, end)
    return [t.lower() for t in _TOKEN.findall(text[start:end])]


def _candidates(text: str, in_title: bool, offset: int) -> list[Candidate]:
    # cheap tests first (value, the words after), the words before only for numbers that pass them
    out: list[Candidate] = []
    low = lower_aligned(text)
    for start, end in _numbers(text, low):
        raw = text[start:end]
        skip = 3 if raw[:3].lower() == "ke-" else 0
        raw = raw[skip:]
        value = _digits(raw)
        if value is not None and (value <= 0 or value > 100_000 or (1900 <= value <= 2100 and raw.isdigit())):
            continue
        window = _tokens(text, low, start + skip, end + 80)
        if not window:
            continue
        used = 1
        if value is None:
            parsed = _word_number(window, 0)
            if parsed is None:
                continue
            value, used = parsed
            if value <= 0 or value > 100_000:
                continue
        after = window[used : used + 5]
        if not after or after[0] in NOT_PEOPLE or after[0] in ("/", "%", ".", ",", "dari", "di", "antaranya"):
            continue
        score = _score(after)
        if score is None:
            continue
        before = _tokens(text, low, max(0, start - 30), start)
        prev = before[-1] if before else ""
        if prev in BAD_BEFORE or prev in ("(", "/") or (len(before) > 1 and before[-2] in ("rp", "pasal")):
            continue
        if "korban" in after[:5]:
            score += 1.0
        if prev in INTRO:
            score += 0.7
        if raw.lower() == "seorang":
            score -= 1.5
        score += 2.5 if in_title else max(0.0, 0.6 - start / 2000)
        out.append(Candidate(value, score, offset + start))
    return out


def _score(after: list[str]) -> float | None:
    """Score of the noun phrase after a number: victims score, suspects and things give None."""
    unknown = 0
    for j, w in enumerate(after[:4]):
        if w in SUSPECT:
            return None
        if w in VICTIM_STRONG:
            return 2.0 - 0.1 * j
        if w in VICTIM_PERSON:
            nxt = after[j + 1] if j + 1 < len(after) else ""
            if w == "orang" and nxt in SUSPECT:
                return None
            if w in ("orang", "warga", "calon") and nxt in VICTIM_STRONG:
                return 2.0 - 0.1 * j
            return 1.0 - 0.1 * j
        if w in NOT_PEOPLE or w in (".", ",", "(", ":", ";"):
            return None
        unknown += 1
        if unknown > 1:
            return None
    return None


_SINGULAR_TITLE = re.compile(
    r"\b(?:ibu|remaja|gadis|siswi|siswa|bayi|bayinya|pria|perempuan|wanita|warga|art|pemuda|pemudi|jenazah|anak|"
    r"anaknya|balita|bocah|mahasiswa|mahasiswi|pmi|tki|tkw|abk|nelayan|seorang|istri|suami|buruh|pekerja)\b",
    re.I,
)
_PLURAL_TITLE = re.compile(r"\b(?:para|anak-anak|puluhan|belasan|ratusan|ribuan|sejumlah|beberapa|kasus|korban-korban|warga-warga)\b", re.I)


def extract_victims(title: str, text: str, is_case: bool = True) -> int | None:
    """The headline victim count of an article, or None when no exact number is stated.

    A number in the title wins; a case story whose title names one victim without a number
    ("Gadis 14 Tahun Asal ... Dipekerjakan") counts one; otherwise the best candidate in the text.
    """
    title_cands = _candidates(title, True, -10_000)
    cands = title_cands + _candidates(text[:MAX_CHARS], False, 0)
    if is_case and not any(c.score >= 1.0 for c in title_cands) and _SINGULAR_TITLE.search(title) \
            and not _PLURAL_TITLE.search(title) and not any(c.score >= 2.0 and c.value > 1 for c in cands[:0]):
        return 1
    if not cands:
        return None
    largest = max((c.value for c in cands if c.score >= 1.0), default=0)
    cands = [Candidate(c.value, c.score + (0.6 if c.value == largest else 0.0), c.start) for c in cands]
    best = max(cands, key=lambda c: (c.score, -c.start))
    return best.value if best.score >= 1.0 else None
