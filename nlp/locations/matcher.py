"""Finding gazetteer places in text with one Aho-Corasick automaton (pyahocorasick).

Matches are kept only on word boundaries and in proper-noun case; overlapping matches are
resolved leftmost-longest ("Jakarta Barat" wins over "Jakarta", "Papua Nugini" over "Papua").
Names that are also ordinary words ("Batu", "Padang", "Malang") need a place cue before them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import ahocorasick

from nlp.locations import places as P
from nlp.locations.gazetteer import Alias, Gazetteer, get_gazetteer


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
    if alias.surface == "Inggris" and _prev_word(text, start) in ("bahasa", "berbahasa", "inggris"):
        return False
    if alias.surface in ("Malaka", "Melaka") and _prev_word(text, start) == "selat":
        return False
    return True


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
