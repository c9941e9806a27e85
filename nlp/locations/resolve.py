"""Choosing one place per match: Kota or Kabupaten, city or province, and finding the dateline.

- An explicit "Kota X" / "Kabupaten X" elsewhere in the text decides a bare "X".
- "Pemkab", "Bupati" before a bare name mean the Kabupaten; "Pemkot", "Wali Kota", "Polresta" the Kota.
- A bare name in the dateline is the Kota ("KUPANG, KOMPAS.com -" is Kota Kupang).
- Otherwise a table of defaults (big cities -> Kota) and then the Kabupaten.
- A bare name shared by a province and a city ("Bengkulu", "Jambi") is the province outside datelines.
- Names found in several provinces prefer the province the text mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.locations import places as P
from nlp.locations.gazetteer import Gazetteer, Place
from nlp.locations.matcher import Match

_DATELINE = re.compile(r"^(.{2,90}?)\s(?:-|–|—|--)\s")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:dan|serta|atau)?|\s(?:dan|serta|atau))\s*")
_KAB_CUES = ("pemkab", "bupati", "kabupaten", "kab.", "dprd kabupaten")
_KOTA_CUES = ("pemkot", "wali kota", "walikota", "polresta", "polrestabes", "kota")


@dataclass(frozen=True)
class Located:
    place: Place
    start: int
    end: int
    in_dateline: bool


def dateline_end(text: str) -> int:
    """End offset of the opening dateline ("Batam (ANTARA) -", "KUPANG, KOMPAS.com -"), or 0."""
    first = text[:120]
    m = _DATELINE.match(first)
    if not m:
        return 0
    head = m.group(1)
    if len(head.split()) > 6 or head.endswith((".", "?", "!")):
        return 0
    return m.end(1)


def _left(text: str, start: int, width: int = 25) -> str:
    return text[max(0, start - width) : start].lower()


def _choose(cands: list[Place], text: str, m: Match, in_dateline: bool, explicit: set[str], provinces: set[str]) -> Place:
    if len(cands) == 1:
        return cands[0]
    provs = [c for c in cands if c.kind == "province"]
    kotas = [c for c in cands if c.kind == "kota"]
    kabs = [c for c in cands if c.kind == "kabupaten"]
    if in_dateline and kotas:
        return kotas[0]
    left = _left(text, m.start)
    if kabs and any(left.rstrip().endswith(c) for c in _KAB_CUES):
        return kabs[0]
    if kotas and any(left.rstrip().endswith(c) for c in _KOTA_CUES):
        return kotas[0]
    explicit_hits = [c for c in cands if c.key in explicit]
    if len(explicit_hits) == 1:
        return explicit_hits[0]
    if provs:
        return provs[0]
    in_prov = [c for c in cands if c.province in provinces]
    if len(in_prov) == 1:
        return in_prov[0]
    if kotas and m.alias.surface in P.BARE_DEFAULT_KOTA:
        return kotas[0]
    return (kabs or kotas or cands)[0]


def resolve(text: str, matches: list[Match], gaz: Gazetteer, dl_end: int) -> list[Located]:
    """One place per match, disambiguated with the whole text as context."""
    explicit = {m.alias.keys[0] for m in matches if len(m.alias.keys) == 1 and not m.alias.bare}
    provinces = {gaz.places[m.alias.keys[0]].province for m in matches if len(m.alias.keys) == 1}
    provinces.discard(None)
    out: list[Located] = []
    for m in matches:
        cands = [gaz.places[k] for k in m.alias.keys]
        in_dl = m.start < dl_end
        prev = out[-1] if out else None
        if prev is not None and len(cands) > 1 and _LIST_GAP.fullmatch(text[prev.end : m.start]):
            # "Kabupaten Cianjur, Garut, dan Sukabumi": a listed bare name takes the kind of the list
            same = [c for c in cands if c.kind == prev.place.kind]
            if len(same) == 1:
                out.append(Located(same[0], m.start, m.end, in_dl))
                continue
        out.append(Located(_choose(cands, text, m, in_dl, explicit, provinces), m.start, m.end, in_dl))  # type: ignore[arg-type]
    return out
