"""A small, fast language identifier for news text: Indonesian, English, or undetermined.

It counts very frequent function words. Malay shares most of them with Indonesian and is reported
as ``id``; the classifier only needs to know when a text is clearly not Indonesian so it can judge
relevance conservatively.
"""

from __future__ import annotations

import re

_ID = frozenset(
    "yang dan di ke dari itu ini dengan untuk tidak dalam akan pada juga oleh karena sebagai telah "
    "sudah bahwa mereka kami kita saat atau adalah tersebut bisa ada para serta namun hingga setelah "
    "menjadi kepada tahun lebih masih belum agar dapat secara seorang sejumlah yakni sementara".split()
)
_EN = frozenset(
    "the and of to in is that for with was on as by at from are be this have has it an were which "
    "their they been said not but will would who its after more about also had into than".split()
)
_WORD = re.compile(r"[a-z]+")
SAMPLE_CHARS = 4000


def detect_language(text: str) -> str:
    """Return ``id``, ``en`` or ``und`` (too short or neither) for ``text``."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < 5:
        return "und"
    n_id = sum(map(_ID.__contains__, words))  # a C-level loop: this runs on every classified text
    n_en = sum(map(_EN.__contains__, words))
    if n_id >= 2 and n_id >= n_en and n_id / len(words) >= 0.04:
        return "id"
    if n_en >= 2 and n_en > n_id and n_en / len(words) >= 0.04:
        return "en"
    return "und"
