"""Finding gazetteer places in text with one Aho-Corasick automaton (pyahocorasick).

Matches are kept only on word boundaries and in proper-noun case; overlapping matches are
resolved leftmost-longest ("Jakarta Barat" wins over "Jakarta", "Papua Nugini" over "Papua").
Names that are also ordinary words ("Batu", "Padang", "Malang") need a place cue before them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick

from nlp.locations import places as P
from nlp.locations.gazetteer import Alias, Gazetteer, Place, get_gazetteer


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    alias: Alias


def _build(gaz: Gazetteer) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for low, alias in gaz.aliases.items():
        auto.add_word(low, (len(low), alias))
    auto.make_automaton()
    return auto


_LOCK = threading.Lock()
_AUTO: ahocorasick.Automaton | None = None


def get_automaton() -> ahocorasick.Automaton:
    global _AUTO
    if _AUTO is None:
        with _LOCK:
            if _AUTO is None:
                _AUTO = _build(get_gazetteer())
    return _AUTO


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _prev_word(text: str, start: int) -> str:
    i = start - 1
    while i >= 0 and text[i] in " \t(\"'":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in ".-"):
        j -= 1
    return text[j + 1 : i + 1].lower()


def _accept(text: str, start: int, end: int, alias: Alias, dateline_end: int) -> bool:
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        return False
    if end < len(text) and (text[end].isalnum() or (text[end] == "-" and end + 1 < len(text) and text[end + 1].isalpha())):
        return False
    surface = text[start:end]
    if alias.exact_case:
        return surface == alias.surface or (start < dateline_end and surface.upper() == alias.surface.upper())
    if not surface[0].isupper():
        return False
    if start < dateline_end:
        return True
    if surface.isupper() and len(surface) > 4 and not alias.surface.isupper():
        # all-caps words in body text are headings or shouting, not place names, unless a cue precedes
        return _prev_word(text, start) in P.PLACE_CUES
    if alias.bare and alias.surface in P.GUARDED:
        prev = _prev_word(text, start)
        if prev not in P.PLACE_CUES or (alias.surface in P.VERY_COMMON and prev in ("dan", "serta", "antara")):
            return False
    return not _named_thing(text, start, end, alias)


# "bahasa Jepang", "berbahasa Korea", "sastra Inggris": a language or its literature, not a country
_LANGUAGE = frozenset(("bahasa", "berbahasa", "sastra"))
_STREET = frozenset(("jalan", "jl", "jl.", "jln", "jln.", "gang", "gg", "gg."))  # "Jalan Bali": a street name
_POLICE = frozenset(("polda", "polres", "kapolda", "kapolres", "wakapolres", "polsek", "kapolsek", "kodam"))
# "berbahasa Indonesia atau Inggris", "bahasa Mandarin, Korea, dan Jepang": later languages of a list
_LANGUAGE_LIST = re.compile(r"[Bb]ahasa\s+[A-Z][\w-]*(?:\s*,\s*[A-Z][\w-]*)*\s*(?:,\s*(?:dan|atau|serta|maupun)?|\s(?:dan|atau|serta|maupun))\s*$")
# a person: "terdakwa Darwin", "saksi Sydney", or a foreign town's name with a surname and an age ("Darwin
# Situmorang (45)"); an Indonesian place before a name is the person's home ("warga Sukabumi Ani (25)")
_PERSON = frozenset(("terdakwa", "tersangka", "saksi", "pelaku", "pak", "bu", "bapak", "ibu", "sdr", "sdr.",
                     "saudara", "saudari", "tuan", "nyonya"))
_NAME_AGE = re.compile(r"(?:\s+[A-Z][a-z]+){1,3}\s*\(\d{1,2}\)")
_NATIONALITY = frozenset(("wn", "wna", "warga", "berkewarganegaraan", "kewarganegaraan", "asal"))


def _named_thing(text: str, start: int, end: int, alias: Alias) -> bool:
    """A place name that is part of another name here: a language (also later in a list of languages), a person
    ("terdakwa Darwin", "Darwin Situmorang (45)"), a street, a company, a police command
    ("Polda Metro Jaya" is Jakarta's, not Kota Metro's), a strait named after a foreign place ("Selat
    Singapura"), Bogor's Puncak or Batam's Nagoya district."""
    surface = alias.surface
    prev = _prev_word(text, start)
    if prev in _LANGUAGE or prev in ("pt", "pt.", "cv", "cv."):
        return True
    if prev in _PERSON:
        return True
    if (_NAME_AGE.match(text, end) and prev not in P.PLACE_CUES and prev not in _NATIONALITY
            and _foreign_town(alias)):
        return True
    window = max(0, start - 80)
    if (prev in ("dan", "atau", "serta", "maupun") or text[start - 2 : start] == ", ") and \
            "ahasa" in text[window:start] and _LANGUAGE_LIST.search(text, window, start):
        return True
    if prev in _STREET and text[start - 1] in " \t" and text[start - len(prev) - 1 : start].lstrip()[:1].isupper():
        return True
    if surface == "Inggris" and prev == "inggris":
        return True
    if prev == "selat" and (surface in ("Malaka", "Melaka") or _all_foreign(alias)):
        # "Selat Malaka", "Selat Singapura": a strait, not the country or town. Foreign names only: an Indonesian
        # strait ("Selat Bali", "Selat Makassar") still names the place it is called after
        return True
    if surface == "Metro" and (prev in _POLICE or text[end : end + 5].lower() == " jaya"):
        return True
    if surface == "Puncak" and prev in ("kawasan", "di", "ke", "daerah", "wilayah", "sekitar", "villa", "vila"):
        # "kawasan Puncak" is the Bogor highland; Kabupaten Puncak (Papua Tengah) is named with its province
        return "papua" not in text[end : end + 40].lower()
    return surface == "Nagoya" and "batam" in text[max(0, start - 120) : end + 120].lower()


def _every_place(alias: Alias, test: Callable[[Place], bool]) -> bool:
    """Whether every place an alias may stand for passes ``test``."""
    places = get_gazetteer().places
    return all(k in places and test(places[k]) for k in alias.keys)


def _all_foreign(alias: Alias) -> bool:
    """Whether every place an alias may stand for lies outside Indonesia."""
    return _every_place(alias, lambda p: p.country != "Indonesia")


def _foreign_town(alias: Alias) -> bool:
    """Whether every place an alias may stand for is a foreign town (the names people also carry: Darwin,
    Victoria, Sydney), not a country or an Indonesian place."""
    return _every_place(alias, lambda p: p.kind == "foreign")


def find(text: str, dateline_end: int = 0) -> list[Match]:
    """All accepted, non-overlapping place matches in ``text``, in order."""
    low = _lower_same_length(text)
    found: list[tuple[int, int, Alias]] = []
    for end_idx, (length, alias) in get_automaton().iter(low):
        start = end_idx - length + 1
        found.append((start, end_idx + 1, alias))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[Match] = []
    last_end = -1
    for start, end, alias in found:
        if start < last_end:
            continue
        if _accept(text, start, end, alias, dateline_end):
            out.append(Match(start, end, alias))
            last_end = end
    return out
