"""Cleaning raw article text and normalising it for the statistical models.

``clean_text`` makes any input safe to analyse: it decodes bytes, strips HTML fragments, removes
in-body noise lines ("Baca juga: ...", "ADVERTISEMENT", "Editor: ...") and caps the length so a
1 MB text never makes the classifier hang. ``normalize`` is the Indonesian normalisation the
TF-IDF features see: lower case, slang and abbreviations expanded (yg -> yang, dgn -> dengan,
tdk -> tidak ...), numbers folded to one token.
"""

from __future__ import annotations

import html
import re

MAX_CHARS = 20_000  # longer texts are cut at a paragraph boundary before analysis
MAX_TITLE_CHARS = 500

_TAG_BLOCK = re.compile(r"<(script|style|noscript|iframe|svg)\b.*?</\1\s*>", re.I | re.S)
_BREAK_TAG = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/tr|p|div|li|h[1-6])\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")
_LOOKS_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")
_NOISE_LINE = re.compile(
    r"^\s*(baca juga|baca pula|simak juga|simak video|lihat juga|tonton juga|advertisement|scroll to|"
    r"editor\s*:|penulis\s*:|reporter\s*:|pewarta\s*:|penyunting\s*:|artikel ini telah tayang|"
    r"dapatkan update|ikuti (?:berita|kami)|klik di sini|download aplikasi|\[gambas|video:)",
    re.I,
)
_TRAILING_INITIALS = re.compile(r"\s*\((?:[a-z]{2,5}/){1,3}[a-z]{2,5}\)\s*$", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

SLANG: dict[str, str] = {
    "yg": "yang", "dgn": "dengan", "dg": "dengan", "tdk": "tidak", "tak": "tidak", "gak": "tidak",
    "nggak": "tidak", "ngga": "tidak", "ga": "tidak", "enggak": "tidak", "utk": "untuk", "krn": "karena",
    "karna": "karena", "sdh": "sudah", "udah": "sudah", "udh": "sudah", "blm": "belum", "sy": "saya",
    "jd": "jadi", "jdi": "jadi", "tp": "tapi", "tpi": "tapi", "dr": "dari", "dri": "dari", "kpd": "kepada",
    "pd": "pada", "org": "orang", "tsb": "tersebut", "spt": "seperti", "bs": "bisa", "bisa2": "bisa",
    "hrs": "harus", "lg": "lagi", "sm": "sama", "trs": "terus", "skrg": "sekarang", "kalo": "kalau",
    "klo": "kalau", "emg": "memang", "aja": "saja", "gimana": "bagaimana", "ortu": "orang tua",
    "kmrn": "kemarin", "bln": "bulan", "thn": "tahun", "jt": "juta", "jg": "juga", "dlm": "dalam",
    "sbg": "sebagai", "dpt": "dapat", "bbrp": "beberapa", "byk": "banyak", "sblm": "sebelum",
    "stlh": "setelah", "kerjaan": "pekerjaan", "gaji2": "gaji", "tkw": "tki", "ln": "luar negeri",
    "medsos": "media sosial", "fb": "facebook", "wa": "whatsapp", "ig": "instagram",
}
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def decode(value: object) -> str:
    """Turn bytes (invalid UTF-8 included) or any value into a ``str``."""
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", errors="replace")
    return value if isinstance(value, str) else str(value)


def strip_html(text: str) -> str:
    """Remove tags from an HTML fragment, keeping paragraph breaks; plain text passes unchanged."""
    if "<" not in text or not _LOOKS_HTML.search(text):
        return html.unescape(text) if "&" in text else text
    text = _TAG_BLOCK.sub(" ", text)
    text = _BREAK_TAG.sub("\n", text)
    text = _TAG.sub(" ", text)
    return html.unescape(text)


def clean_text(value: object, max_chars: int = MAX_CHARS) -> str:
    """Decode, strip HTML, drop noise lines and cap the length; paragraphs stay separated by ``\\n``."""
    text = decode(value)
    if len(text) > max_chars * 4:  # never run regexes over megabytes
        text = text[: max_chars * 4]
    text = _CONTROL.sub(" ", strip_html(text)).replace("\r\n", "\n").replace("\r", "\n")
    # one pass over the whole text: _SPACES never matches a newline, so this equals collapsing each line
    text = _SPACES.sub(" ", text)
    lines: list[str] = []
    size = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or _NOISE_LINE.match(line):
            continue
        if line.endswith(")"):  # a stripped line can only end in "(ant/abc)" initials when it ends in ")"
            line = _TRAILING_INITIALS.sub("", line)
        if size + len(line) > max_chars:
            if not lines:
                lines.append(line[:max_chars])
            break
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def clean_title(value: object) -> str:
    return _SPACES.sub(" ", strip_html(decode(value))).strip()[:MAX_TITLE_CHARS]


# The only characters whose ``str.lower()`` is not one character of the same class (U+0130), or that
# lower-case to an ASCII letter (U+212A KELVIN SIGN) or match one under re.IGNORECASE (U+0131, U+017F).
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def lower_aligned(text: str) -> str | None:
    """``text.lower()`` when it is a drop-in for case-insensitive ASCII patterns, else None.

    That holds when lowering keeps every offset and no case trap occurs: then each character keeps its
    ``\\w``/``\\d`` class, is an ASCII letter after lowering exactly when it was one before (in either
    case), and a case-sensitive pattern of lower-case ASCII literals over the result finds the same spans as
    the case-insensitive pattern over ``text``. Lets callers lower a text once and tokenize slices of it."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in _CASE_TRAPS)):
        return None
    return low


def normalize(text: str) -> str:
    """Lower-case, expand slang and abbreviations, fold numbers to ``0`` (the TF-IDF view)."""
    words = _WORD.findall(_NUMBER.sub("0", text.lower()))
    return " ".join(map(SLANG.get, words, words))  # SLANG.get(w, w): the expansion, or the word itself
