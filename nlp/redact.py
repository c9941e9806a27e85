"""Redacting names of victims and children to initials, for digests and the web UI.

Indonesian media name victims by initials ("korban berinisial RN (17)"); our outputs must do the
same even when a source did not. ``redact`` replaces

- every name given in ``names`` (any case, each occurrence) by its initials, and
- with ``detect=True``, names that follow a victim or child cue ("korban Siti Aminah",
  "anak bernama Dedi", "bocah Rian", "siswi SMP Nur Aini") or that are followed by an age under
  18 in brackets ("Putri Lestari (15)").

Names already written as initials (RN, A.S.) are left alone. Officials quoted by name are not
victims and are not touched unless listed in ``names``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_NAME = r"(?:[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,3})"
_CUE = (r"\b(?:korban|anak|putri|putra|putrinya|putranya|anaknya|bocah|siswi|siswa|gadis|remaja|balita|bayi|"
        r"santri|santriwati|pelajar|korban bernama|bernama|berinama)\b")
_AFTER_CUE = re.compile(_CUE + r"(?:\s+(?:SD|SMP|SMA|SMK|perempuan|laki-laki|asal|berusia|bernama|itu|tersebut|malang))*\s+(" + _NAME + r")")
_WITH_AGE = re.compile(r"(" + _NAME + r")\s*\(\s*(\d{1,2})\s*(?:tahun|th)?\s*\)")
_INITIALS = re.compile(r"^(?:[A-Z]{1,4}|(?:[A-Z]\.){1,4})$")
_NOT_NAMES = frozenset({"Polres", "Polda", "Polisi", "Kabupaten", "Kota", "Desa", "Kecamatan", "Provinsi", "Indonesia",
                        "Malaysia", "Kamboja", "Pemerintah", "Dinas", "Kementerian", "Jalan", "Rumah", "Sakit",
                        "Yang", "Dan", "Di", "Ke", "Dari", "Saat", "Sejak", "Kini", "Tim", "Satgas", "Bareskrim"})


def initials(name: str) -> str:
    """``"Siti Aminah"`` -> ``"SA"``."""
    return "".join(w[0].upper() for w in re.split(r"[\s\-]+", name.strip()) if w and w[0].isalpha())


def _clean_name(name: str) -> str | None:
    words = [w for w in name.split() if w not in _NOT_NAMES]
    while words and words[-1] in _NOT_NAMES:
        words.pop()
    if not words or _INITIALS.match(words[0]):
        return None
    return " ".join(words)


def detect_names(text: str) -> list[str]:
    """Names of victims and children that ``text`` writes out in full."""
    found: list[str] = []
    for m in _AFTER_CUE.finditer(text):
        name = _clean_name(m.group(1))
        if name and name.split()[0] not in _NOT_NAMES:
            found.append(name)
    for m in _WITH_AGE.finditer(text) if "(" in text else ():  # the age needs a bracket: skip the scan
        if int(m.group(2)) < 18:
            name = _clean_name(m.group(1))
            if name:
                found.append(name)
    return sorted(set(found), key=len, reverse=True)


def redact(text: str, names: Iterable[str] = (), *, detect: bool = True) -> str:
    """``text`` with the given (and, with ``detect``, the detected) names replaced by initials."""
    if not text:
        return text
    all_names = {n.strip() for n in names if n and n.strip()}
    if detect:
        all_names.update(detect_names(text))
    for name in sorted(all_names, key=len, reverse=True):
        pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b", re.I)
        text = pattern.sub(initials(name), text)
    return text


def redact_result(result: Mapping[str, Any], names: Iterable[str] = ()) -> dict[str, Any]:
    """A copy of a classify result whose evidence sentences are redacted."""
    names = list(names)
    out = dict(result)
    out["evidence"] = {k: redact(v, names) for k, v in (result.get("evidence") or {}).items()}
    out["locations"] = [{**loc, "evidence": redact(loc.get("evidence") or "", names)} for loc in result.get("locations") or []]
    return out
